import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { apiError, mockFetch } from '../test/fetchMock.js';
import { me, renderConsole } from '../test/render.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('session', () => {
  it('sends a visitor who is not signed in to the login page', async () => {
    mockFetch({ 'GET /api/v1/auth/me': apiError(401, 'auth.required', '请先登录。') });
    renderConsole('/admin/agencies');
    expect(await screen.findByText('管理控制台登录')).toBeTruthy();
  });

  it('SYS-5: returns to the login page when a call answers 401 (session timed out)', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me() } },
      'GET /api/v1/agencies': apiError(401, 'auth.session_expired', '登录已超时，请重新登录。'),
    });
    renderConsole('/admin/agencies');
    expect(await screen.findByText('管理控制台登录')).toBeTruthy();
    expect(await screen.findByText('登录已超时，请重新登录。')).toBeTruthy();
  });

  it('goes to the password screen when the server requires a password change', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me() } },
      'GET /api/v1/agencies': apiError(403, 'auth.password_change_required', '首次登录须先修改初始密码。'),
    });
    renderConsole('/admin/agencies');
    expect(await screen.findByText('修改初始密码')).toBeTruthy();
  });

  it('shows only the admin menus of the user’s roles (三员)', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ roles: ['secAdmin'], roleLabels: ['安全管理员'] }) } },
      'GET /api/v1/users': { body: { items: [] } },
      'GET /api/v1/agencies': { body: { items: [] } },
    });
    renderConsole('/');
    const sider = await waitFor(() => {
      const el = document.querySelector('.ant-layout-sider');
      if (!el) throw new Error('no menu yet');
      return el;
    });
    expect(sider.textContent).toContain('角色分配');
    expect(sider.textContent).not.toContain('机构管理');
    expect(sider.textContent).not.toContain('审计日志');
    expect(sider.textContent).not.toContain('案件办理'); // administrators do not work on cases
    // The rules are readable by everyone; choosing the agency's profile is the system administrator's.
    expect(sider.textContent).toContain('节假日日历');
    expect(sider.textContent).toContain('规则配置');
    expect(sider.textContent).not.toContain('本机关规则');
  });

  it('refuses an admin page outside the user’s roles without calling the API', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ roles: ['officer'], roleLabels: ['执法人员'] }) } },
    });
    renderConsole('/admin/audit');
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(f.calls.some((c) => c.path.startsWith('/api/v1/audit'))).toBe(false);
  });

  it('shows a "功能建设中" page for areas not built yet', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ roles: ['officer'], roleLabels: ['执法人员'] }) } },
    });
    renderConsole('/supervision');
    expect(await screen.findByText('监督 · 功能建设中')).toBeTruthy();
  });

  it('forced password change: checks the rule in the browser, shows the server message, then continues', async () => {
    let changed = false;
    const f = mockFetch({
      'GET /api/v1/auth/me': () => ({ body: { user: me({ mustChangePassword: !changed }) } }),
      'POST /api/v1/auth/password': ({ body }) => {
        if ((body as { currentPassword: string }).currentPassword !== 'Initial@2026') return apiError(400, 'auth.password_wrong', '原密码不正确。');
        changed = true;
        return { body: { ok: true } };
      },
    });
    renderConsole('/');
    await screen.findByText('修改初始密码');
    const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    const submit = () => fireEvent.click(screen.getByRole('button', { name: '修改并继续' }));

    fill('原密码', 'Wrong@20260');
    fill('新密码', 'abc');
    fill('确认新密码', 'abd');
    submit();
    expect(await screen.findByText(/密码不符合要求：长度不足 10 位/)).toBeTruthy();
    expect(await screen.findByText('两次输入的密码不一致')).toBeTruthy();
    expect(f.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fill('新密码', 'NewPass#2026');
    fill('确认新密码', 'NewPass#2026');
    submit();
    expect(await screen.findByText('原密码不正确。')).toBeTruthy();

    fill('原密码', 'Initial@2026');
    fill('新密码', 'NewPass#2026');
    fill('确认新密码', 'NewPass#2026');
    submit();
    expect(await screen.findByText('您好，太原市局系统管理员')).toBeTruthy();
    expect(f.calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ currentPassword: 'Initial@2026', newPassword: 'NewPass#2026' });
  });
});
