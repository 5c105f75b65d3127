import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { META, caseView } from '../../test/caseFixtures.js';
import { chooseOption } from '../../test/antd.js';
import { resetCaseMetaCache } from '../../lib/caseMeta.js';
import type { CaseTransfers } from './CaseTransfersTab.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetCaseMetaCache();
});

const officer = me({ id: 'u-o1', username: 'ty_officer1', displayName: '太原市局执法一', roles: ['officer'], roleLabels: ['执法人员'] });

const NONE: CaseTransfers = {
  caseId: 'c1',
  transfers: [],
  withholding: [],
  publications: [{ id: 'p1', decisionNumber: '并环罚〔2026〕1号', status: 'published', online: true, withholding: null, withdrawal: null, alert: null }],
};
const AFTER: CaseTransfers = {
  caseId: 'c1',
  transfers: [{ at: '2026-03-02T02:00:00.000Z', actorName: '太原市局执法一', to: 'discipline', toLabel: '纪检监察机关', letterNumber: '并环移〔2026〕2号', transferredOn: '2026-03-02', documentId: null, note: '' }],
  withholding: [{ key: 'hindersInvestigation', label: '可能影响正在进行的调查', basis: 'SX25-P 第十九条（四）' }],
  publications: [
    {
      id: 'p1',
      decisionNumber: '并环罚〔2026〕1号',
      status: 'withdrawPending',
      online: true,
      withholding: null,
      withdrawal: { automatic: true, withdrawBy: '2026-03-05', withdrawnOn: null },
      alert: { at: '2026-03-02T02:00:00.000Z', comment: '案件已于2026-03-02移送纪检监察机关（并环移〔2026〕2号）：可能影响正在进行的调查。已自动发起撤回。' },
    },
  ],
};

function setup(first: CaseTransfers) {
  let current = first;
  const f = mockFetch({
    'GET /api/v1/auth/me': { body: { user: officer } },
    'GET /api/v1/case-meta': { body: META },
    'GET /api/v1/cases/c1': { body: { case: caseView() } },
    'GET /api/v1/cases/c1/transfers': () => ({ body: current }),
  });
  return { f, set: (next: CaseTransfers) => void (current = next) };
}

describe('CaseTransfersTab · issue 13 item 2 (PUB-5 · SX25-P 19(五), PUB-8 · SX25-P 25)', () => {
  it('records a 移送 to 纪检监察 with its 移送书; the list shows it, the decision withheld and the withdrawal started with the alert', async () => {
    const { f, set } = setup(NONE);
    f.on('POST /api/v1/cases/c1/transfers', ({ body }) => {
      set(AFTER);
      return { body: { caseId: 'c1', transfer: { ...(body as object), toLabel: '纪检监察机关', documentId: null, note: '' }, withdrawalsStarted: 1 } };
    });
    renderConsole('/cases/c1?tab=transfers');
    const tab = await screen.findByTestId('case-transfers');
    expect(tab.textContent).toContain('本案尚无移送记录');
    expect(screen.getByTestId('transfer-publication').textContent).toContain('已公示');
    await chooseOption('移送至', '纪检监察机关');
    fireEvent.change(screen.getByLabelText('移送书文号'), { target: { value: '并环移〔2026〕2号' } });
    fireEvent.change(screen.getByLabelText('移送日期'), { target: { value: '2026-03-02' } });
    fireEvent.click(screen.getByRole('button', { name: /登记移送/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(f.calls.find((c) => c.method === 'POST')!.body).toEqual({ to: 'discipline', letterNumber: '并环移〔2026〕2号', transferredOn: '2026-03-02' });
    const alert = await screen.findByTestId('withdrawal-alert');
    expect(alert.textContent).toContain('须于 2026-03-05 前撤回');
    expect(alert.textContent).toContain('移送纪检监察机关');
    expect(screen.getByTestId('withholding-reasons').textContent).toContain('不予公开');
    const table = within(screen.getByTestId('case-transfers')).getByRole('table');
    expect(table.textContent).toContain('并环移〔2026〕2号');
    expect(table.textContent).toContain('纪检监察机关');
  });

  it('a transfer to the police before approval shows the decision 不予公开 with its reason', async () => {
    setup({
      ...AFTER,
      transfers: [{ ...AFTER.transfers[0]!, to: 'police', toLabel: '公安机关', letterNumber: '并环移〔2026〕1号' }],
      withholding: [{ key: 'policeTransfer', label: '涉嫌犯罪需移送公安机关调查处理或者公安机关正在调查处理中', basis: 'SX25-P 第十九条（五）' }],
      publications: [{ id: 'p1', decisionNumber: '并环罚〔2026〕1号', status: 'withheld', online: false, withholding: { reason: 'policeTransfer', label: '涉嫌犯罪需移送公安机关调查处理或者公安机关正在调查处理中' }, withdrawal: null, alert: null }],
    });
    renderConsole('/cases/c1?tab=transfers');
    const pub = await screen.findByTestId('transfer-publication');
    expect(pub.textContent).toContain('不予公开');
    expect(pub.textContent).toContain('不予公开：涉嫌犯罪需移送公安机关');
    expect(screen.queryByTestId('withdrawal-alert')).toBeNull();
  });

  it('移送其他机关 needs the receiving body; a refusal is shown', async () => {
    const { f } = setup(NONE);
    f.on('POST /api/v1/cases/c1/transfers', apiError(400, 'disclosure.transfer_invalid', '移送记录不符合要求：移送日期应为不晚于今天的 YYYY-MM-DD'));
    renderConsole('/cases/c1?tab=transfers');
    await screen.findByTestId('case-transfers');
    await chooseOption('移送至', '其他机关');
    fireEvent.change(await screen.findByLabelText('接收机关'), { target: { value: '太原市住房和城乡建设局' } });
    fireEvent.change(screen.getByLabelText('移送书文号'), { target: { value: '并环移〔2026〕3号' } });
    fireEvent.change(screen.getByLabelText('移送日期'), { target: { value: '2099-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: /登记移送/ }));
    expect((await screen.findByTestId('transfer-error')).textContent).toContain('不晚于今天');
    expect(f.calls.find((c) => c.method === 'POST')!.body).toMatchObject({ to: 'other', toName: '太原市住房和城乡建设局' });
  });
});
