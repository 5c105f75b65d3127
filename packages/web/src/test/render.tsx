/** Renders the console (or one element) with the providers the pages need, at a given address. */
import type { ReactElement } from 'react';
import { configure, render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { App } from '../App.js';
import { SessionProvider } from '../auth/session.js';
import type { Me, User } from '../api/types.js';

// antd pages render in several passes; under a parallel test run the default 1 s is too tight.
configure({ asyncUtilTimeout: 15_000 }); // pages are lazy chunks (issue 15): the first render also loads the page's module

export function renderConsole(path: string, element: ReactElement = <App />) {
  return render(
    <ConfigProvider>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <SessionProvider>{element}</SessionProvider>
        </MemoryRouter>
      </AntApp>
    </ConfigProvider>,
  );
}

export function me(over: Partial<Me> = {}): Me {
  return {
    id: 'u-sys',
    username: 'ty_sysadmin',
    displayName: '太原市局系统管理员',
    agencyId: 'ty',
    agencyName: '太原市生态环境局',
    roles: ['sysAdmin'],
    roleLabels: ['系统管理员'],
    mustChangePassword: false,
    ...over,
  };
}

export function userView(over: Partial<User> = {}): User {
  return {
    id: 'u-sys',
    agencyId: 'ty',
    agencyName: '太原市生态环境局',
    username: 'ty_sysadmin',
    displayName: '太原市局系统管理员',
    post: '信息中心',
    phone: '',
    roles: ['sysAdmin'],
    disabled: false,
    locked: false,
    lockedUntil: null,
    mustChangePassword: false,
    lastLoginAt: null,
    certificates: [],
    ...over,
  };
}
