import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { mockFetch } from '../test/fetchMock.js';
import { me, renderConsole } from '../test/render.js';
import { auditQuery } from './AuditPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AuditPage', () => {
  it('SYS-5: lists events with Chinese action and outcome labels, paged by the server', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ id: 'u-aud', roles: ['auditAdmin'], roleLabels: ['审计管理员'] }) } },
      'GET /api/v1/audit': {
        body: {
          total: 45,
          page: 1,
          pageSize: 20,
          items: [
            { id: 3, at: '2026-03-02T01:00:00.000Z', actorId: 'u-aud', actorName: '太原市局审计管理员', action: 'auth.login', objectType: 'user', objectId: 'u-aud', agencyId: 'ty', outcome: 'ok', ip: '127.0.0.1', detail: {} },
            { id: 2, at: '2026-03-02T00:59:00.000Z', actorId: 'u-o1', actorName: '执法一', action: 'auth.login', objectType: 'user', objectId: 'u-o1', agencyId: 'ty', outcome: 'failed', ip: '127.0.0.1', detail: { reason: 'bad_password' } },
            { id: 1, at: '2026-03-02T00:58:00.000Z', actorId: 'u-sys', actorName: '太原市局系统管理员', action: 'user.assignRoles', objectType: 'user', objectId: 'u-o1', agencyId: 'ty', outcome: 'ok', ip: '127.0.0.1', detail: {} },
          ],
        },
      },
    });
    renderConsole('/admin/audit');
    await screen.findByText('太原市局审计管理员', { selector: 'td' });
    expect(screen.getAllByText('登录', { selector: 'td span' })).toHaveLength(2);
    expect(screen.getByText('分配角色', { selector: 'td span' })).toBeTruthy();
    expect(screen.getByText('失败')).toBeTruthy();
    expect(screen.getAllByText('成功').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('共 45 条')).toBeTruthy();
    await waitFor(() => expect(f.calls.find((c) => c.path.startsWith('/api/v1/audit'))?.path).toBe('/api/v1/audit?page=1&pageSize=20'));
  });

  it('SYS-5 · issue 15 item 4: the case by its 案号 (a link), the document by number, the user by name, the detail in words — no ids, no JSON', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ id: 'u-aud', roles: ['auditAdmin'], roleLabels: ['审计管理员'] }) } },
      'GET /api/v1/audit': {
        body: {
          total: 2,
          page: 1,
          pageSize: 20,
          items: [
            { id: 2, at: '2026-03-02T01:00:00.000Z', actorId: 'u-o1', actorName: '执法一', action: 'document.correct', objectType: 'case', objectId: 'c18ea0f5-aaaa', objectName: null, case: { id: 'c18ea0f5-aaaa', number: '并环罚案〔2026〕3号' }, document: { id: 'd1', number: '并环罚案〔2026〕3号-04' }, media: null, agencyId: 'ty', outcome: 'ok', ip: '127.0.0.1', detail: { documentId: 'd1', version: 2, supersedes: 1, reason: '笔误' } },
            { id: 1, at: '2026-03-02T00:58:00.000Z', actorId: 'u-sys', actorName: '太原市局系统管理员', action: 'user.assignRoles', objectType: 'user', objectId: 'u-o1', objectName: '执法一', case: null, document: null, media: null, agencyId: 'ty', outcome: 'ok', ip: '127.0.0.1', detail: { before: ['officer'], after: ['officer', 'legalReviewer'] } },
          ],
        },
      },
    });
    const { container } = renderConsole('/admin/audit');
    const link = await screen.findByRole('link', { name: '案件 并环罚案〔2026〕3号' });
    expect(link.getAttribute('href')).toBe('/cases/c18ea0f5-aaaa');
    const text = container.textContent ?? '';
    expect(text).toContain('文书 并环罚案〔2026〕3号-04');
    expect(text).toContain('用户 执法一');
    expect(text).toContain('版本：2；更正前版本：1；理由：笔误');
    expect(text).toContain('由 执法人员 改为 执法人员、法制审核人员');
    expect(text).not.toContain('c18ea0f5');
    expect(text).not.toContain('{');
  });

  it('asks for whole days (the end day included), the action prefix and the outcome', () => {
    const q = new URLSearchParams(auditQuery({ range: [dayjs('2026-03-01T15:00'), dayjs('2026-03-02T08:00')], action: 'auth.', outcome: 'failed' }, 2, 50).slice(1));
    expect(new Date(q.get('from')!).getTime()).toBe(dayjs('2026-03-01').startOf('day').valueOf());
    expect(new Date(q.get('to')!).getTime()).toBe(dayjs('2026-03-03').startOf('day').valueOf());
    expect([q.get('action'), q.get('outcome'), q.get('page'), q.get('pageSize')]).toEqual(['auth.', 'failed', '2', '50']);
    expect(auditQuery({}, 1, 20)).toBe('?page=1&pageSize=20');
  });
});
