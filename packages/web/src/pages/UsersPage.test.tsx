import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { apiError, mockFetch } from '../test/fetchMock.js';
import { TY_AGENCIES } from '../test/fixtures.js';
import { me, renderConsole, userView } from '../test/render.js';
import type { User } from '../api/types.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SYS_ABILITIES = { update: true, assignRoles: false, unlock: false, resetPassword: false, manageCertificates: true };
const SEC_ABILITIES = { update: false, assignRoles: true, unlock: true, resetPassword: true, manageCertificates: false };

const officer3 = (abilities: User['abilities']): User =>
  userView({
    id: 'u-o3',
    username: 'ty_officer3',
    displayName: '执法三（证件过期）',
    roles: ['officer'],
    locked: true,
    lockedUntil: '2026-03-02T01:15:00.000Z',
    certificates: [{ id: 'c3', number: 'SX-TY-0003', issuer: '山西省人民政府', validFrom: '2020-01-01', validTo: '2025-12-31', status: 'valid', usable: false, problem: '已于 2025-12-31 过期' }],
    ...(abilities ? { abilities } : {}),
  });
const officer1 = (abilities: User['abilities']): User =>
  userView({
    id: 'u-o1',
    username: 'ty_officer1',
    displayName: '执法一',
    roles: ['officer'],
    certificates: [{ id: 'c1', number: 'SX-TY-0001', issuer: '山西省人民政府', validFrom: '2025-01-01', validTo: '2028-12-31', status: 'valid', usable: true, problem: null }],
    ...(abilities ? { abilities } : {}),
  });

describe('UsersPage', () => {
  it('ORG-2: lists users with role labels and shows an expired certificate in red with the reason', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me() } },
      'GET /api/v1/agencies': { body: { items: TY_AGENCIES } },
      'GET /api/v1/users': { body: { items: [officer1(SYS_ABILITIES), officer3(SYS_ABILITIES)] } },
    });
    renderConsole('/admin/users');
    const problem = await screen.findByText('已于 2025-12-31 过期');
    expect(problem.closest('.ant-typography-danger')).not.toBeNull();
    expect(screen.getByText('SX-TY-0003').closest('.ant-typography-danger')).not.toBeNull();
    expect(screen.getByText('SX-TY-0001').closest('.ant-typography-danger')).toBeNull();
    expect(screen.getAllByText('执法人员').length).toBe(2);
    expect(screen.getByText('已锁定')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /停\s*用/ })).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: /登记执法证/ })).toHaveLength(2);
    expect(screen.getByRole('button', { name: /新建用户/ })).toBeTruthy();
  });

  it('shows no action the server does not allow', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me() } },
      'GET /api/v1/agencies': { body: { items: TY_AGENCIES.map((a) => ({ ...a, abilities: { update: false, createChild: false, manageUsers: false } })) } },
      'GET /api/v1/users': { body: { items: [officer1(undefined)] } },
    });
    renderConsole('/admin/users');
    await screen.findByText('SX-TY-0001');
    expect(screen.queryByRole('button', { name: /停\s*用/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /登记执法证/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /新建用户/ })).toBeNull();
  });
});

describe('RolesPage', () => {
  function setup() {
    return mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ id: 'u-sec', roles: ['secAdmin'], roleLabels: ['安全管理员'] }) } },
      'GET /api/v1/agencies': { body: { items: TY_AGENCIES } },
      'GET /api/v1/users': { body: { items: [officer3(SEC_ABILITIES)] } },
    });
  }

  it('SYS-5: shows the server’s separation-of-duties refusal when roles are saved', async () => {
    const f = setup();
    f.on('PUT /api/v1/users/u-o3/roles', apiError(409, 'user.role_conflict', '角色冲突：审计管理员不得兼任业务角色'));
    renderConsole('/admin/roles');
    fireEvent.click(await screen.findByRole('button', { name: /分配角色/ }));
    fireEvent.click(await screen.findByLabelText('审计管理员'));
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('角色冲突：审计管理员不得兼任业务角色');
    expect(f.calls.find((c) => c.method === 'PUT')?.body).toEqual({ roles: ['officer', 'auditAdmin'] });
  });

  it('unlocks a locked account', async () => {
    const f = setup();
    f.on('POST /api/v1/users/u-o3/unlock', { body: { user: { ...officer3(SEC_ABILITIES), locked: false, lockedUntil: null } } });
    renderConsole('/admin/roles');
    fireEvent.click(await screen.findByRole('button', { name: /解\s*锁/ }));
    // Popconfirm: confirm.
    const confirm = await waitFor(() => {
      const b = [...document.querySelectorAll('.ant-popconfirm button')].find((x) => /解\s*锁/.test(x.textContent ?? ''));
      if (!b) throw new Error('no confirm yet');
      return b;
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByText('已锁定')).toBeNull());
    expect(f.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/users/u-o3/unlock')).toBe(true);
  });
});
