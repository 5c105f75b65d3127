import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { chooseOption } from '../../test/antd.js';
import type { AccessRequestItem } from '../cases/MediaTypes.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const head = me({ id: 'u-h', username: 'ty_head', displayName: '太原市局局长', roles: ['agencyHead'], roleLabels: ['机关负责人'] });
const clerk = me({ id: 'u-c', username: 'ty_clerk', displayName: '太原市局公示录入员', roles: ['disclosureClerk'], roleLabels: ['公示录入员'] });
const KINDS = [
  { key: 'party', label: '当事人' },
  { key: 'court', label: '人民法院' },
  { key: 'internalUnit', label: '本机关其他内设机构' },
];

const request = (over: Partial<AccessRequestItem> = {}): AccessRequestItem => ({
  id: 'r1',
  caseId: 'c1',
  caseNumber: '并环罚案〔2026〕1号',
  mediaIds: null,
  requesterKind: 'court',
  requesterKindLabel: '人民法院',
  requesterName: '张法官',
  requesterOrg: '太原市小店区人民法院',
  external: true,
  reason: '行政诉讼案件审理需要调取录像',
  wantsCopy: true,
  requestedFrom: null,
  requestedUntil: null,
  createdBy: '太原市局公示录入员',
  createdAt: '2026-03-02T01:00:00.000Z',
  status: 'pending',
  statusLabel: '待审批',
  active: false,
  decision: null,
  revocation: null,
  abilities: { decide: true, revoke: false },
  ...over,
});

describe('REC-20 · XX-R 18: access requests', () => {
  it('the head approves a court’s request for a window, with a copy; the access link is shown once', { timeout: 20_000 }, async () => {
    let items = [request()];
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: head } },
      'GET /api/v1/access-requests': () => ({ body: { items } }),
      'GET /api/v1/media-meta': { body: { requesterKinds: KINDS } },
      'POST /api/v1/access-requests/r1/decision': () => {
        items = [request({ status: 'approved', statusLabel: '已批准', active: true, abilities: { decide: false, revoke: true }, decision: { approved: true, validFrom: '2026-03-02T01:00:00.000Z', validUntil: '2026-03-09T01:00:00.000Z', copyAllowed: true, comment: '', by: '太原市局局长', at: '2026-03-02T01:00:00.000Z' } })];
        return { body: { request: items[0], accessToken: 'T'.repeat(32), accessPath: `/console/access/${'T'.repeat(32)}` } };
      },
    });
    renderConsole('/records/access');
    fireEvent.click(await screen.findByTestId('decide-r1'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('准予复制（下载原始文件）'));
    fireEvent.click(within(dialog).getByTestId('approve-access'));
    const link = await screen.findByTestId('access-link');
    expect(link.textContent).toContain(`/console/access/${'T'.repeat(32)}`);
    const body = f.calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({ approved: true, copyAllowed: true, comment: '' });
    expect(new Date(String(body.validUntil)).getTime() - new Date(String(body.validFrom)).getTime()).toBe(7 * 86_400_000);
    fireEvent.click(screen.getByRole('button', { name: /已转交/ }));
    await waitFor(() => expect(screen.getByTestId('status-r1').textContent).toContain('已批准（期限内）'));
  });

  it('the head withdraws an approval with a reason; the list then shows who withdrew it and why', { timeout: 20_000 }, async () => {
    const approved = request({ status: 'approved', statusLabel: '已批准', active: true, abilities: { decide: false, revoke: true }, decision: { approved: true, validFrom: '2026-03-02T01:00:00.000Z', validUntil: '2026-03-09T01:00:00.000Z', copyAllowed: false, comment: '', by: '太原市局局长', at: '2026-03-02T01:00:00.000Z' } });
    let items = [approved];
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: head } },
      'GET /api/v1/access-requests': () => ({ body: { items } }),
      'GET /api/v1/media-meta': { body: { requesterKinds: KINDS } },
      'POST /api/v1/access-requests/r1/revocation': ({ body }) => {
        items = [{ ...approved, status: 'revoked', statusLabel: '已撤销', active: false, abilities: { decide: false, revoke: false }, revocation: { reason: (body as { reason: string }).reason, by: '太原市局局长', at: '2026-03-02T03:00:00.000Z' } }];
        return { body: { request: items[0] } };
      },
    });
    renderConsole('/records/access');
    fireEvent.click(await screen.findByTestId('revoke-r1'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('立即失效');
    fireEvent.change(within(dialog).getByLabelText('撤销理由'), { target: { value: '查阅链接被转发给无关人员' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /撤\s*销/ }));
    await waitFor(() => expect(screen.getByTestId('status-r1').textContent).toBe('已撤销'));
    expect(screen.getByTestId('access-list').textContent).toContain('撤销：查阅链接被转发给无关人员');
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: '查阅链接被转发给无关人员' });
  });

  it('staff register a party’s request for the files of a case, with the reason; disposed files cannot be chosen', { timeout: 20_000 }, async () => {
    let items: AccessRequestItem[] = [];
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/access-requests': () => ({ body: { items } }),
      'GET /api/v1/media-meta': { body: { requesterKinds: KINDS } },
      'GET /api/v1/cases': { body: { total: 1, items: [{ id: 'c1', caseNumber: '并环罚案〔2026〕1号', title: '某公司超标排放案' }] } },
      'GET /api/v1/cases/c1/media': {
        body: {
          items: [
            { id: 'm1', recordNumber: '音像001', filename: '查封现场.mp4', disposed: false },
            { id: 'm2', recordNumber: '音像002', filename: '旧录像.mp4', disposed: true },
          ],
        },
      },
      'POST /api/v1/access-requests': ({ body }) => {
        items = [request({ requesterKind: 'party', requesterKindLabel: '当事人', requesterName: (body as { requesterName: string }).requesterName, requesterOrg: '', abilities: { decide: false, revoke: false } })];
        return { status: 201, body: { request: items[0] } };
      },
    });
    renderConsole('/records/access?caseId=c1');
    fireEvent.click(await screen.findByRole('button', { name: '登记申请' }));
    const dialog = await screen.findByRole('dialog');
    const scope = within(dialog).getByLabelText('查阅范围（不选为本案全部音像记录）');
    await chooseOption(scope, '音像001');
    fireEvent.mouseDown(scope);
    await waitFor(() => expect(document.querySelector('.ant-select-item-option-disabled')?.textContent).toContain('音像002 旧录像.mp4（已销毁）'));
    fireEvent.change(within(dialog).getByLabelText('申请人姓名或名称'), { target: { value: '某化工有限公司' } });
    fireEvent.change(within(dialog).getByLabelText('查阅理由'), { target: { value: '当事人申请查阅本案查封录像' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(screen.getByTestId('access-list').textContent).toContain('某化工有限公司'));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ caseId: 'c1', requesterKind: 'party', requesterName: '某化工有限公司', reason: '当事人申请查阅本案查封录像', wantsCopy: false, mediaIds: ['m1'] });
  });
});

describe('issue 15 item 2: the page cites the officer’s own rules', () => {
  it('a 太原 (SX25) officer reads 山西’s rule by full title and no 湘西 (XX-R) basis; a 湘西 officer reads 湘西’s by title', async () => {
    for (const [profileId, own, foreign] of [
      ['SX25', '《生态环境系统行政执法全过程记录办法》第二十一条', '湘西州'],
      ['XX19', '《湘西州生态环境局执法全过程记录制度（试行）》第十八条', '《生态环境系统行政执法全过程记录办法》'],
    ] as const) {
      mockFetch({
        'GET /api/v1/auth/me': { body: { user: { ...head, profileId } } },
        'GET /api/v1/access-requests': { body: { items: [] } },
        'GET /api/v1/media-meta': { body: { requesterKinds: KINDS } },
      });
      const { container } = renderConsole('/records/access');
      await screen.findByText(/执法记录不公开/);
      const text = container.textContent ?? '';
      expect(text).toContain(own);
      expect(text).not.toContain(foreign);
      expect(text).not.toMatch(/XX-R|SX25-R/);
      cleanup();
      vi.unstubAllGlobals();
    }
  });
});
