import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch, type FetchMock } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { MediaTab } from './MediaTab.js';
import type { CaseMedia, DisposalItem, HoldItem, MediaItem, MediaMeta } from './MediaTypes.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const keeper = me({ id: 'u-k', username: 'ty_keeper', displayName: '太原市局档案设备管理员', roles: ['recordsKeeper'], roleLabels: ['档案与设备管理员'] });
const head = me({ id: 'u-h', username: 'ty_head', displayName: '太原市局局长', roles: ['agencyHead'], roleLabels: ['机关负责人'] });

const META: MediaMeta = { profileId: 'SX25', situations: [], stages: [], fixedSites: [], exceptionKinds: [], interruptionReasons: [], permittedStopReasons: [], maxUploadBytes: 1 << 30 };

const pending: DisposalItem = {
  id: 'd1',
  mediaId: 'm1',
  caseId: 'c1',
  reason: '日常执法检查录像保存期满',
  earliestDisposal: '2026-03-02',
  retentionLabel: '日常音像记录保存12个月',
  requestedBy: '太原市局档案设备管理员',
  requestedById: 'u-k',
  requestedAt: '2026-03-02T01:00:00.000Z',
  status: 'pending',
  statusLabel: '待审批',
  decision: null,
};

function item(over: Partial<MediaItem> = {}, retention: Partial<MediaItem['retention']> = {}): MediaItem {
  return {
    id: 'm1',
    caseId: 'c1',
    recordNumber: '音像001',
    kind: 'video',
    kindLabel: '视频',
    filename: 'clip.mp4',
    mimeType: 'video/mp4',
    format: 'MP4（video/mp4）',
    size: 2048,
    sha256: 'a'.repeat(64),
    sm3: null,
    stage: 'investigation',
    stageLabel: '调查取证',
    documentId: null,
    recordedStart: '2025-01-01T01:00:00.000Z',
    recordedEnd: '2025-01-01T01:10:00.000Z',
    place: '某公司厂区',
    officers: [{ id: 'u-o1', name: '太原市局执法一' }],
    cameraOperator: null,
    deviceId: null,
    deviceLabel: '',
    deviceCheck: null,
    contentNotes: '现场检查全过程录像',
    speakers: [],
    evidence: false,
    evidenceExplanation: null,
    situations: [],
    fixedSiteLabel: null,
    upload: { at: '2025-01-01T02:00:00.000Z', by: '太原市局执法一', due: '2025-01-03', late: false, basis: 'SX25-R 第十九条' },
    retention: {
      class: 'routine',
      classLabel: '日常音像记录',
      basis: '12个月',
      earliestDisposal: '2026-03-02',
      label: '日常音像记录保存12个月',
      status: 'disposable',
      statusLabel: '保存期满，可申请销毁',
      blockers: [],
      holds: [],
      disposal: null,
      disposals: [],
      ...retention,
    },
    disposed: false,
    abilities: { view: true, download: true, hold: true, requestDisposal: true, approveDisposal: false },
    ...over,
  };
}

function caseMedia(items: MediaItem[], holds: HoldItem[] = [], abilities: Partial<CaseMedia['abilities']> = {}): CaseMedia {
  return {
    caseId: 'c1',
    caseNumber: '并环罚案〔2026〕1号',
    state: 'archived',
    stateLabel: '已归档',
    items,
    exceptions: [],
    avChecklist: [],
    abilities: { upload: false, recordException: false, approveException: false, requestAccess: true, approveAccess: false, accessLog: true, hold: true, ...abilities },
    holds,
  };
}

function routes(user: ReturnType<typeof me>, media: () => CaseMedia): FetchMock {
  return mockFetch({
    'GET /api/v1/auth/me': { body: { user } },
    'GET /api/v1/cases/c1/media': () => ({ body: media() }),
    'GET /api/v1/media-meta': { body: META },
    'GET /api/v1/officers': { body: { items: [] } },
    'GET /api/v1/devices': { body: { items: [] } },
  });
}

describe('REC-18 · SX25-R 22: retention on the case media tab', () => {
  it('the keeper asks to dispose of a file whose retention ran out, with a reason; the server’s refusal is shown', { timeout: 20_000 }, async () => {
    let state = caseMedia([item()]);
    const f = routes(keeper, () => state);
    let calls = 0;
    f.on('POST /api/v1/media/m1/disposals', ({ body }) => {
      calls++;
      if (calls === 1) return apiError(409, 'media.hold_active', '不能销毁：诉讼保全中（行政诉讼未结），不得销毁（GS-R 第四十三条第三款）');
      state = caseMedia([item({ abilities: { view: true, download: true, hold: true, requestDisposal: false, approveDisposal: false } }, { status: 'pending', statusLabel: '销毁待审批', disposal: pending, disposals: [pending] })]);
      return { status: 201, body: { disposal: { ...pending, reason: (body as { reason: string }).reason } } };
    });
    renderConsole('/cases/c1?tab=media', <MediaTab caseId="c1" />);
    expect((await screen.findByTestId('retention-音像001')).textContent).toBe('保存期满，可申请销毁');
    fireEvent.click(screen.getByTestId('request-disposal-音像001'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('最早可销毁日 2026-03-02');
    fireEvent.change(within(dialog).getByLabelText('销毁理由'), { target: { value: '日常执法检查录像保存期满' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交申请/ }));
    expect((await within(dialog).findByTestId('reason-error')).textContent).toContain('GS-R 第四十三条第三款');
    fireEvent.click(within(dialog).getByRole('button', { name: /提交申请/ }));
    await waitFor(() => expect(screen.getByTestId('retention-音像001').textContent).toBe('销毁待审批'));
    expect(f.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ reason: '日常执法检查录像保存期满' }, { reason: '日常执法检查录像保存期满' }]);
    expect(screen.queryByTestId('request-disposal-音像001')).toBeNull();
  });

  it('the head approves a pending request — warned that the bytes go — and the file then shows as 已销毁 without playback', { timeout: 20_000 }, async () => {
    let state = caseMedia([item({ abilities: { view: true, download: true, hold: true, requestDisposal: false, approveDisposal: true } }, { status: 'pending', statusLabel: '销毁待审批', disposal: pending, disposals: [pending] })]);
    const f = routes(head, () => state);
    f.on('POST /api/v1/media-disposals/d1/decision', () => {
      const done: DisposalItem = { ...pending, status: 'disposed', statusLabel: '已批准并销毁', decision: { approved: true, comment: '同意', by: '太原市局局长', at: '2026-03-02T02:00:00.000Z', bytesDeleted: true, bytesNote: '存储文件已删除', leafIndex: 42 } };
      state = caseMedia([item({ disposed: true, abilities: { view: false, download: false, hold: false, requestDisposal: false, approveDisposal: false } }, { status: 'disposed', statusLabel: '已销毁', disposal: done, disposals: [done] })]);
      return { body: { disposal: done } };
    });
    renderConsole('/cases/c1?tab=media', <MediaTab caseId="c1" />);
    fireEvent.click(await screen.findByTestId('decide-disposal-音像001'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('日常执法检查录像保存期满');
    expect(dialog.textContent).toContain('不可恢复');
    fireEvent.change(within(dialog).getByLabelText('审批意见'), { target: { value: '同意' } });
    fireEvent.click(within(dialog).getByTestId('approve-disposal'));
    await waitFor(() => expect(screen.getByTestId('retention-音像001').textContent).toBe('已销毁'));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ approved: true, comment: '同意' });
    expect(screen.queryByTestId('play-音像001')).toBeNull();
    expect(screen.queryByRole('button', { name: /下载/ })).toBeNull();
  });

  it('GS-R 43 ¶3: a hold on the whole case, with its reason and case number; released holds are listed with their reason', { timeout: 20_000 }, async () => {
    const released: HoldItem = { id: 'h0', caseId: 'c1', mediaId: null, scope: 'case', reason: '复议', reference: '', placedBy: '太原市局档案设备管理员', placedAt: '2026-01-01T01:00:00.000Z', active: false, release: { reason: '复议决定已生效', by: '太原市局局长', at: '2026-02-01T01:00:00.000Z' } };
    let state = caseMedia([item()], [released]);
    const f = routes(keeper, () => state);
    f.on('POST /api/v1/cases/c1/media-holds', ({ body }) => {
      const b = body as { reason: string; reference?: string };
      const h: HoldItem = { id: 'h1', caseId: 'c1', mediaId: null, scope: 'case', reason: b.reason, reference: b.reference ?? '', placedBy: '太原市局档案设备管理员', placedAt: '2026-03-02T01:00:00.000Z', active: true, release: null };
      state = caseMedia([item({ abilities: { view: true, download: true, hold: true, requestDisposal: false, approveDisposal: false } }, { status: 'held', statusLabel: '诉讼保全中', holds: [h] })], [released, h]);
      return { status: 201, body: { hold: h } };
    });
    renderConsole('/cases/c1?tab=media', <MediaTab caseId="c1" />);
    const holds = await screen.findByTestId('case-holds');
    expect(holds.textContent).toContain('解除：复议决定已生效');
    fireEvent.click(within(holds).getByTestId('place-case-hold'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('保全理由'), { target: { value: '当事人提起行政诉讼' } });
    fireEvent.change(within(dialog).getByLabelText('诉讼、复议案号（可选）'), { target: { value: '（2026）晋0105行初12号' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*全/ }));
    await waitFor(() => expect(screen.getByTestId('retention-音像001').textContent).toBe('诉讼保全中'));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ mediaId: null, reason: '当事人提起行政诉讼', reference: '（2026）晋0105行初12号' });
    expect(screen.getByTestId('case-holds').textContent).toContain('（2026）晋0105行初12号');
  });
});
