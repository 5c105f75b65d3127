import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { META, caseView } from '../../test/caseFixtures.js';
import { confirmPopconfirm } from '../../test/antd.js';
import { resetCaseMetaCache } from '../../lib/caseMeta.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetCaseMetaCache();
});

const officer = me({ id: 'u-o1', username: 'ty_officer1', displayName: '太原市局执法一', roles: ['officer'], roleLabels: ['执法人员'] });

function setup(view = caseView()) {
  return mockFetch({
    'GET /api/v1/auth/me': { body: { user: officer } },
    'GET /api/v1/case-meta': { body: META },
    'GET /api/v1/cases/c1': { body: { case: view } },
  });
}

describe('CaseDetailPage', () => {
  it('REC-3: shows the stage checklist — met, missing with reason and basis, advised', async () => {
    setup(
      caseView({
        deadlines: [{ key: 'filing.decide', label: '决定是否立案', due: '2026-03-09', basis: '生态环境行政处罚办法 第十八条', status: 'dueSoon', warnings: [] }],
      }),
    );
    renderConsole('/cases/c1');
    const list = await screen.findByTestId('checklist');
    const items = [...list.querySelectorAll('li')];
    expect(items.map((li) => li.getAttribute('data-status'))).toEqual(['met', 'missing', 'advised']);
    expect(items[1]!.textContent).toContain('案件来源登记表（已签署）');
    expect(items[1]!.textContent).toContain('尚未制作');
    expect(items[1]!.textContent).toContain('依据：《甘肃省生态环境系统行政执法全过程记录实施办法》第七条第一款；《甘肃省生态环境系统行政执法全过程记录实施办法》第二十三条');
    expect(items[2]!.textContent).toContain('（现场检查的）');
    // Header and stages.
    expect(screen.getByTestId('case-number').textContent).toBe('并环检案〔2026〕1号');
    expect(screen.getByTestId('case-state').textContent).toBe('启动');
    expect(screen.getByTestId('case-stages').textContent).toContain('已归档');
    expect(screen.getAllByTestId('handler').map((h) => h.textContent)).toEqual(['太原市局执法一主办执法证 140100260001', '太原市局执法二执法证 140100260002']);
    // Deadlines with their badges.
    const deadlines = screen.getByTestId('deadlines');
    expect(within(deadlines).getByTestId('deadline-badge').textContent).toBe('即将到期');
    expect(deadlines.textContent).toContain('2026-03-09 届满');
  });

  it('REC-3: a refused 进入下一环节 lists every missing record with its reason and basis', async () => {
    const f = setup();
    f.on(
      'POST /api/v1/cases/c1/advance',
      apiError(409, 'case.stage_incomplete', '尚不能进入下一环节，缺少：案件来源登记表（已签署）（尚未制作）', [
        { kind: 'document', label: '案件来源登记表（已签署）', reason: '尚未制作', id: 'inspection.initiation.source', basis: 'GS-R 第七条第一款；GS-R 第二十三条' },
        { kind: 'handler', label: '两名以上持有效执法证的承办人员', reason: '太原市局执法二 的执法证已于 2026-03-01 过期', id: 'investigating.initiation.handlers' },
      ]),
    );
    renderConsole('/cases/c1');
    fireEvent.click(await screen.findByRole('button', { name: /进入下一环节：调查取证/ }));
    await confirmPopconfirm(/确\s*认/);
    const missing = await screen.findByTestId('missing-list');
    const alert = missing.closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('尚不能进入“调查取证”环节，还缺少以下记录：');
    const items = [...missing.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['案件来源登记表（已签署）：尚未制作依据：《甘肃省生态环境系统行政执法全过程记录实施办法》第七条第一款；《甘肃省生态环境系统行政执法全过程记录实施办法》第二十三条', '两名以上持有效执法证的承办人员：太原市局执法二 的执法证已于 2026-03-01 过期']);
    expect(f.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/cases/c1/advance']);
    // The case stays where it was.
    expect(screen.getByTestId('case-state').textContent).toBe('启动');
  });

  it('a successful advance shows the new stage', async () => {
    const f = setup();
    f.on('POST /api/v1/cases/c1/advance', { body: { case: caseView({ state: 'investigation', stateLabel: '调查取证', checklist: [] }) } });
    renderConsole('/cases/c1');
    fireEvent.click(await screen.findByRole('button', { name: /进入下一环节：调查取证/ }));
    await confirmPopconfirm(/确\s*认/);
    await waitFor(() => expect(screen.getByTestId('case-state').textContent).toBe('调查取证'));
    expect(screen.getByRole('button', { name: /进入下一环节：审核决定/ })).toBeTruthy();
  });

  it('shows no write action the server does not allow', async () => {
    setup(caseView({ abilities: { update: false, advance: false, writeDocument: false, issueDocument: false, recordService: false } }));
    renderConsole('/cases/c1');
    await screen.findByTestId('checklist');
    expect(screen.queryByRole('button', { name: /进入下一环节/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /新建文书/ })).toBeNull();
  });

  it('NAT-3 · 《生态环境行政处罚办法》第五十七条: the decision limit shows its period from filing and the approved extension (who, when, why); the head approves one with a reason', async () => {
    const limit = {
      key: 'penalty.decide',
      label: '作出行政处罚决定',
      due: '2026-06-01',
      dueWithMaxExtension: '2026-07-31',
      basis: '生态环境行政处罚办法 第五十七条',
      status: 'onTime' as const,
      warnings: [],
      from: '2026-03-02',
      anchorLabel: '立案之日',
      period: '90日',
      extensions: [],
    };
    const f = setup(caseView({ deadlines: [limit], abilities: { update: true, advance: true, writeDocument: true, issueDocument: true, recordService: true, extendDeadline: true } }));
    let sent: unknown;
    f.on('POST /api/v1/cases/c1/decision-limit-extensions', ({ body }) => {
      sent = body;
      return { body: { case: caseView({ deadlines: [{ ...limit, due: '2026-07-01', extensions: [{ amount: 30, approvedBy: '局长', approvedAt: '2026-05-20', reason: '案情复杂，需补充鉴定' }] }] }) } };
    });
    renderConsole('/cases/c1');
    const deadlines = await screen.findByTestId('deadlines');
    expect(within(deadlines).getByTestId('deadline-limit').textContent).toBe('期限：自立案之日（2026-03-02）起90日');
    fireEvent.click(within(deadlines).getByRole('button', { name: '批准延长期限' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('《生态环境行政处罚办法》第五十七条');
    fireEvent.change(within(dialog).getByLabelText('延长理由'), { target: { value: '案情复杂，需补充鉴定' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /批\s*准/ }));
    await waitFor(() => expect(screen.getByTestId('deadline-extension').textContent).toBe('已延长 30 日：局长 于 2026-05-20 批准，理由：案情复杂，需补充鉴定'));
    expect(sent).toEqual({ amount: 30, reason: '案情复杂，需补充鉴定' });
    expect(screen.getByTestId('deadlines').textContent).toContain('2026-07-01 届满');
  });

  it('REC-3 · 《生态环境行政处罚办法》第十八条: the next lawful step shows as the page\u2019s notice with its citation by full title, and its primary action opens 新建文书 with the kind chosen', async () => {
    setup(
      caseView({
        nextStep: {
          action: 'document',
          title: '下一步：案件来源登记表（已签署）',
          detail: '尚未制作',
          citation: '《生态环境行政处罚办法》第十八条',
          documentKind: 'sourceRecord',
          documentName: '案件来源登记表',
        },
      }),
    );
    renderConsole('/cases/c1');
    const notice = await screen.findByTestId('next-step');
    expect(notice.textContent).toContain('下一步：案件来源登记表（已签署）');
    expect(notice.textContent).toContain('依据：《生态环境行政处罚办法》第十八条');
    expect(notice.textContent).not.toMatch(/GS-R|sourceRecord|REC-/);
    fireEvent.click(within(notice).getByRole('button', { name: /制作案件来源登记表/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('新建文书');
    expect(dialog.textContent).toContain('案件来源登记表：启动环节');
  });

  it('NAT-11 · 《环境保护主管部门实施按日连续处罚办法》第十七条、第十九条: a 按日连续处罚 case shows its computation; other cases do not', async () => {
    setup(
      caseView({
        dailyPenalty: {
          originalCaseId: 'c0', originalCaseNumber: '并环罚案〔2026〕3号', originalDecisionNumber: '并环罚〔2026〕3号', originalFine: 100_000,
          violation: '超过大气污染物排放标准排放大气污染物', basis: '《中华人民共和国大气污染防治法》第九十九条', perDay: true,
          correctionNumber: '并环责改〔2026〕1号', correctionServedOn: '2026-03-02', reinspectionDue: '2026-04-01', reinspectedOn: '2026-03-12', finding: 'continuing',
          firstDay: '2026-03-03', days: 10, amount: 1_000_000, decisionAmount: null, ok: true, problems: [],
        },
      }),
    );
    renderConsole('/cases/c1');
    const card = await screen.findByTestId('daily-penalty');
    expect(within(card).getByTestId('daily-penalty-amount').textContent).toBe('100,000 元 × 10 日 = 1,000,000 元');
    expect(card.textContent).toContain('10 日（2026-03-03 至 2026-03-12）');
    cleanup();
    setup();
    renderConsole('/cases/c1');
    await screen.findByTestId('checklist');
    expect(screen.queryByTestId('daily-penalty')).toBeNull();
  });
});
