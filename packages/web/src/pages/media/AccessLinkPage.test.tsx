import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { renderConsole } from '../../test/render.js';
import type { AccessLinkSummary, AccessRequestItem } from '../cases/MediaTypes.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWx';
const approved: AccessRequestItem = {
  id: 'r1',
  caseId: 'c1',
  mediaIds: null,
  requesterKind: 'court',
  requesterKindLabel: '人民法院',
  requesterName: '张法官',
  requesterOrg: '太原市小店区人民法院',
  external: true,
  reason: '行政诉讼案件审理需要调取录像',
  wantsCopy: false,
  requestedFrom: null,
  requestedUntil: null,
  createdBy: '太原市局公示录入员',
  createdAt: '2026-03-02T01:00:00.000Z',
  status: 'approved',
  statusLabel: '已批准',
  active: true,
  decision: { approved: true, validFrom: '2026-03-02T01:00:00.000Z', validUntil: '2026-03-09T01:00:00.000Z', copyAllowed: false, comment: '', by: '太原市局局长', at: '2026-03-02T01:00:00.000Z' },
  revocation: null,
  abilities: { decide: false, revoke: false },
};
const summary = (request: AccessRequestItem = approved): AccessLinkSummary => ({
  request,
  case: { caseNumber: '并环罚案〔2026〕1号', title: '某公司超标排放案' },
  items: [
    { id: 'm1', recordNumber: '音像001', kind: 'video', filename: '查封现场.mp4', mimeType: 'video/mp4', size: 1000, sha256: 'a'.repeat(64), recordedStart: '2026-03-01T01:00:00.000Z', disposed: false },
    { id: 'm2', recordNumber: '音像002', kind: 'video', filename: '旧录像.mp4', mimeType: 'video/mp4', size: 1000, sha256: 'b'.repeat(64), recordedStart: '2025-01-01T01:00:00.000Z', disposed: true },
  ],
});

describe('REC-20 · XX-R 18: the external requester’s access link', () => {
  it('without an account: the approved files inside the window, played through the link with the requester’s watermark; no copy unless approved; a disposed file says so', { timeout: 20_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': apiError(401, 'auth.required', '请先登录。'),
      [`GET /api/v1/access/${TOKEN}`]: { body: summary() },
      [`POST /api/v1/access/${TOKEN}/media/m1/views`]: {
        status: 201,
        body: { ticket: 't', expiresAt: '2026-03-02T03:00:00.000Z', url: `/api/v1/access/${TOKEN}/media/m1/content?ticket=t`, watermark: '张法官（人民法院·太原市小店区人民法院） · 2026-03-02 09:00:00 · 仅供依法查阅，不得翻录、外传', mimeType: 'video/mp4', kind: 'video', filename: '查封现场.mp4', recordNumber: '音像001' },
      },
    });
    renderConsole(`/access/${TOKEN}`);
    expect((await screen.findByTestId('link-status')).textContent).toBe('可查阅');
    expect(screen.getByTestId('link-files').textContent).toContain('保存期满已依批准销毁');
    expect(screen.queryByRole('button', { name: /下载/ })).toBeNull();
    fireEvent.click(screen.getByTestId('view-音像001'));
    const mark = await screen.findByTestId('media-watermark');
    expect(mark.textContent).toContain('张法官（人民法院·太原市小店区人民法院）');
    expect((screen.getByTestId('media-video') as HTMLVideoElement).getAttribute('src')).toBe(`/api/v1/access/${TOKEN}/media/m1/content?ticket=t`);
    expect(f.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/api/v1/access/${TOKEN}/media/m1/views`]);
    // Never the console's login page.
    expect(screen.queryByText('修改初始密码')).toBeNull();
  });

  it('a withdrawn grant says when and why, and offers nothing to open; an unknown link is “invalid”', { timeout: 20_000 }, async () => {
    mockFetch({
      'GET /api/v1/auth/me': apiError(401, 'auth.required', '请先登录。'),
      [`GET /api/v1/access/${TOKEN}`]: { body: summary({ ...approved, status: 'revoked', statusLabel: '已撤销', active: false, revocation: { reason: '查阅链接被转发给无关人员', by: '太原市局局长', at: '2026-03-02T03:00:00.000Z' } }) },
    });
    renderConsole(`/access/${TOKEN}`);
    expect((await screen.findByTestId('link-notice')).textContent).toContain('撤销：查阅链接被转发给无关人员');
    await waitFor(() => expect((screen.getByTestId('view-音像001') as HTMLButtonElement).disabled).toBe(true));
    cleanup();
    mockFetch({ 'GET /api/v1/auth/me': apiError(401, 'auth.required', '请先登录。') });
    renderConsole(`/access/${'Z'.repeat(30)}`);
    expect(await screen.findByText('链接无效或已失效')).toBeTruthy();
  });
});
