import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { apiError, mockFetch } from '../test/fetchMock.js';
import { me, renderConsole } from '../test/render.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NOT_SIGNED_IN = apiError(401, 'auth.required', '请先登录。');

async function submitLogin(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('LoginPage', () => {
  it('shows the message the server gives for a wrong password', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': NOT_SIGNED_IN,
      'POST /api/v1/auth/login': apiError(401, 'auth.invalid_credentials', '用户名或密码错误。'),
    });
    renderConsole('/login');
    await submitLogin('ty_officer1', 'wrong');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('用户名或密码错误。'));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ username: 'ty_officer1', password: 'wrong' });
  });

  it('shows a lockout message as the server words it', async () => {
    mockFetch({
      'GET /api/v1/auth/me': NOT_SIGNED_IN,
      'POST /api/v1/auth/login': apiError(423, 'auth.locked', '账号因连续登录失败已被锁定，请于 2026-03-02 09:15 后再试。'),
    });
    renderConsole('/login');
    await submitLogin('ty_officer1', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toContain('已被锁定，请于 2026-03-02 09:15 后再试');
  });

  it('asks for both fields before calling the server', async () => {
    const f = mockFetch({ 'GET /api/v1/auth/me': NOT_SIGNED_IN });
    renderConsole('/login');
    fireEvent.click(await screen.findByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(f.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends a user who must change the initial password to the password screen', async () => {
    mockFetch({
      'GET /api/v1/auth/me': NOT_SIGNED_IN,
      'POST /api/v1/auth/login': { body: { user: me({ mustChangePassword: true }) } },
    });
    renderConsole('/login');
    await submitLogin('ty_sysadmin', 'Initial@2026');
    expect(await screen.findByText('修改初始密码')).toBeTruthy();
  });

  it('signs in and opens the console with the name, agency and roles in the header', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': NOT_SIGNED_IN,
      'POST /api/v1/auth/login': { body: { user: me() } },
    });
    renderConsole('/login');
    await submitLogin('ty_sysadmin', 'Sanxiang@2026');
    const header = await screen.findByTestId('header-user');
    await waitFor(() => expect(header.textContent).toContain('太原市生态环境局'));
    expect(header.textContent).toContain('太原市局系统管理员');
    expect(screen.getAllByText('系统管理员').length).toBeGreaterThan(0);
    // The agency's name comes with the signed-in user: no further look-up.
    expect(f.calls.some((c) => c.path.startsWith('/api/v1/users'))).toBe(false);
  });
});
