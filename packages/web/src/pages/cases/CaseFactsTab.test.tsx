import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { META, caseView } from '../../test/caseFixtures.js';
import { chooseOption, pickDate } from '../../test/antd.js';
import { resetCaseMetaCache } from '../../lib/caseMeta.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetCaseMetaCache();
});

const officer = me({ id: 'u-o1', username: 'ty_officer1', displayName: '太原市局执法一', roles: ['officer'], roleLabels: ['执法人员'] });

function setup() {
  const view = caseView({ actionType: 'penalty', actionTypeLabel: '行政处罚', state: 'decision', stateLabel: '审核决定', checklist: [] });
  return mockFetch({
    'GET /api/v1/auth/me': { body: { user: officer } },
    'GET /api/v1/case-meta': { body: META },
    'GET /api/v1/cases/c1': { body: { case: view } },
    'PATCH /api/v1/cases/c1': ({ body }) => ({ body: { case: { ...view, ...(body as object) } } }),
  });
}

describe('事实与措施', () => {
  it('saves measures, procedural facts, dates and the proposed penalty', { timeout: 20_000 }, async () => {
    const f = setup();
    renderConsole('/cases/c1?tab=facts');
    await chooseOption(await screen.findByLabelText('已采取的措施'), '抽样取证');
    fireEvent.click(screen.getByLabelText('当事人要求听证'));
    fireEvent.click(screen.getByLabelText('重大执法决定（须经法制审核）'));
    pickDate(screen.getByLabelText('告知听证权利日期'), '2026-03-05');
    await chooseOption(screen.getByLabelText('处罚种类'), '罚款');
    fireEvent.change(screen.getByLabelText('罚款数额'), { target: { value: '50000' } });
    fireEvent.click(screen.getByRole('button', { name: /保存事实与措施/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const body = f.calls.find((c) => c.method === 'PATCH')!.body as Record<string, Record<string, unknown>>;
    expect(body.measures).toEqual(['sampling']);
    expect(body.flags).toMatchObject({ hearingRequested: true, majorDecision: true, summaryProcedure: false });
    expect(body.flags).not.toHaveProperty('outcome');
    expect(body.flags).not.toHaveProperty('hearingRight');
    expect(body.dates).toEqual({ hearingRightsNoticeDate: '2026-03-05' });
    expect(body.proposedPenalty).toEqual({ types: ['fine'], fineAmount: 50000 });
  });

  it('REC-4: the handler’s opinion is a generated form (handlers preset) saved as a decision-stage record', { timeout: 20_000 }, async () => {
    const f = setup();
    renderConsole('/cases/c1?tab=facts');
    fireEvent.click(await screen.findByText('承办人处理意见'));
    const form = (await screen.findByLabelText('承办人第1项')).closest('form') as HTMLElement;
    expect((within(form).getByLabelText('承办人第1项') as HTMLInputElement).value).toBe('太原市局执法一');
    pickDate(within(form).getByLabelText('日期'), '2026-03-06');
    fireEvent.change(within(form).getByLabelText('违法事实（或者检查、调查结论）'), { target: { value: '超标排放废气' } });
    fireEvent.change(within(form).getByLabelText('证据第1项'), { target: { value: '现场检查笔录' } });
    fireEvent.change(within(form).getByLabelText('法律依据'), { target: { value: '《大气污染防治法》第九十九条' } });
    fireEvent.change(within(form).getByLabelText('适用的行政裁量权基准'), { target: { value: '山西省生态环境行政处罚裁量基准' } });
    fireEvent.change(within(form).getByLabelText('处理意见'), { target: { value: '罚款五万元' } });
    fireEvent.click(within(form).getByRole('button', { name: /保存承办人处理意见/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(f.calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      decisionRecords: {
        handlerOpinion: {
          by: ['太原市局执法一', '太原市局执法二'],
          at: '2026-03-06',
          facts: '超标排放废气',
          evidence: ['现场检查笔录'],
          legalBasis: '《大气污染防治法》第九十九条',
          discretionRule: '山西省生态环境行政处罚裁量基准',
          proposal: '罚款五万元',
        },
      },
    });
  });
});
