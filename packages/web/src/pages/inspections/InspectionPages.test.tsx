import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { renderConsole } from '../../test/render.js';
import { chooseOption, optionsOf } from '../../test/antd.js';
import { OFFICERS, TARGETS, clerk, detail, draw, head, inspection, officer, plan, unitHead } from './inspectionFixtures.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CAP_MESSAGE = '该企业本年度已接受 2 次行政检查，达到频次上限（2 次）。确需检查的，须属于法定情形并经机关负责人批准。';

describe('INS-2 · NAT-17: 检查对象名录', () => {
  it('INS-2: the directory is searched and filtered by class; the unit head adds a target', { timeout: 30_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: unitHead } },
      'GET /api/v1/inspections/targets': { body: { items: TARGETS } },
      'POST /api/v1/inspections/targets': ({ body }) => ({ body: { ...TARGETS[0], id: 't9', ...(body as object) } }),
    });
    renderConsole('/inspections/targets');
    const list = await screen.findByTestId('target-list');
    await waitFor(() => expect(list.textContent).toContain('太原并州印刷有限公司'));
    expect(list.textContent).toContain('重点排污单位');
    fireEvent.change(screen.getByLabelText('搜索检查对象'), { target: { value: '干洗' } });
    await waitFor(() => expect(list.textContent).not.toContain('太原并州印刷有限公司'));
    expect(list.textContent).toContain('太原杏花岭干洗有限公司');
    fireEvent.change(screen.getByLabelText('搜索检查对象'), { target: { value: '' } });
    await chooseOption('抽查类别', '中风险');
    await waitFor(() => expect(list.textContent).not.toContain('太原杏花岭干洗有限公司'));
    expect(list.textContent).toContain('太原并州印刷有限公司');

    fireEvent.click(screen.getByRole('button', { name: '新增检查对象' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('统一社会信用代码'), { target: { value: '91140105MA0K10009X' } });
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '太原新建化工有限公司' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ creditCode: '91140105MA0K10009X', name: '太原新建化工有限公司', permitClass: 'none', riskClass: 'medium', keyPolluter: false, active: true });
  });

  it('INS-2: an import with bad rows shows each row, column and problem, offers the report, and says nothing was imported', { timeout: 30_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: unitHead } },
      'GET /api/v1/inspections/targets': { body: { items: TARGETS } },
      'POST /api/v1/inspections/targets/import': {
        body: {
          ok: false,
          created: 0,
          updated: 0,
          errors: [
            { row: 3, column: '统一社会信用代码', value: '91140105MA0K10000Z', message: '统一社会信用代码校验位不正确' },
            { row: 5, column: '风险（信用）等级', value: '特高', message: '应为 高、中、低 之一' },
          ],
          reportBase64: 'UEsDBA==',
        },
      },
    });
    renderConsole('/inspections/targets');
    fireEvent.click(await screen.findByRole('button', { name: '导入名录' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('link', { name: '下载导入模板（Excel）' }).getAttribute('href')).toBe('/api/v1/inspections/targets/template.xlsx');
    const input = within(dialog).getByLabelText('选择文件');
    const file = new File(['统一社会信用代码,名称\n'], '名录.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    fireEvent.click(within(dialog).getByRole('button', { name: /导\s*入/ }));
    const report = await within(dialog).findByTestId('import-errors');
    expect(report.textContent).toContain('文件有 2 处错误，未导入任何数据');
    expect(report.textContent).toContain('统一社会信用代码校验位不正确');
    expect(report.textContent).toContain('特高');
    expect(within(report).getByRole('button', { name: '下载错误报告' })).toBeTruthy();
    const call = f.calls.find((c) => c.method === 'POST');
    expect((call?.body as { filename: string }).filename).toBe('名录.csv');
  });

  it('INS-2: a disclosure clerk reads the directory without the keeper’s buttons', { timeout: 30_000 }, async () => {
    mockFetch({ 'GET /api/v1/auth/me': { body: { user: clerk } }, 'GET /api/v1/inspections/targets': { body: { items: TARGETS } } });
    renderConsole('/inspections/targets');
    await waitFor(() => expect(screen.getByTestId('target-list').textContent).toContain('太原晋阳焦化有限公司'));
    expect(screen.queryByRole('button', { name: '导入名录' })).toBeNull();
    expect(screen.queryByRole('button', { name: '新增检查对象' })).toBeNull();
  });
});

describe('INS-2: 执法检查人员库 and 回避', () => {
  it('INS-2 · ORG-2: only valid certificates enter the draw; an officer declares a relation for himself only', { timeout: 30_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: officer } },
      'GET /api/v1/inspections/inspectors': { body: { officers: OFFICERS } },
      'GET /api/v1/inspections/targets': { body: { items: TARGETS } },
      'POST /api/v1/inspections/relations': { body: { id: 'r2', userId: 'u-o2', targetId: 't2', relation: '配偶在该单位任职' } },
    });
    renderConsole('/inspections/inspectors');
    const list = await screen.findByTestId('inspector-list');
    await waitFor(() => expect(list.textContent).toContain('执法证已于 2025-12-31 过期'));
    expect(list.textContent).toContain('近亲属在该单位任职');
    fireEvent.click(screen.getByRole('button', { name: '登记回避关系' }));
    const dialog = await screen.findByRole('dialog');
    await chooseOption(within(dialog).getByLabelText('检查对象'), '太原并州印刷有限公司');
    fireEvent.change(within(dialog).getByLabelText('利害关系'), { target: { value: '配偶在该单位任职' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ userId: 'u-o2', targetId: 't2', relation: '配偶在该单位任职' });
  });
});

describe('NAT-17 · 环办〔2015〕88号 三: 抽查计划', () => {
  it('NAT-17: a plan shows its quota per class and joint departments; a new plan starts from the profile’s ratios', { timeout: 30_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: unitHead } },
      'GET /api/v1/inspections/plans': { body: { cap: 2, poolSize: 7, atCap: 1, items: [plan()] } },
      'GET /api/v1/inspections/plans/quota-preview': { body: { level: 'city', cap: 2, poolSize: 7, atCap: 1, quota: plan().quota } },
      'POST /api/v1/inspections/plans': ({ body }) => ({ body: { ...plan({ id: 'p2' }), ...(body as object) } }),
    });
    renderConsole('/inspections/plans');
    const list = await screen.findByTestId('plan-list');
    await waitFor(() => expect(list.textContent).toContain('重点排污单位：1 家（2 家中每季度不低于 5%）'));
    expect(list.textContent).toContain('联合检查部门：太原市水务局');
    expect(list.textContent).toContain('已公开种子与名单');
    expect(screen.getByText(/1 家本年度已达检查频次上限（2 次）/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '制定抽查计划' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByLabelText('重点排污单位抽取数量');
    expect(within(dialog).getByLabelText('重点排污单位抽取数量').getAttribute('placeholder')).toBe('默认 1');
    fireEvent.change(within(dialog).getByLabelText('计划名称'), { target: { value: '2026年重点排污单位专项抽查' } });
    fireEvent.change(within(dialog).getByLabelText('抽查事项（随机抽查事项清单中的事项）'), { target: { value: '排污许可证执行情况检查' } });
    fireEvent.change(within(dialog).getByLabelText('高风险（信用较差）抽取数量'), { target: { value: '2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存计划' }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ title: '2026年重点排污单位专项抽查', item: '排污许可证执行情况检查', rounds: 'quarter', teamSize: 2, quotaOverride: { high: 2 } });
  });

  it('INS-2: an officer sees the plans but cannot make one or start a draw', { timeout: 30_000 }, async () => {
    mockFetch({ 'GET /api/v1/auth/me': { body: { user: officer } }, 'GET /api/v1/inspections/plans': { body: { cap: 2, poolSize: 7, atCap: 1, items: [plan()] } } });
    renderConsole('/inspections/plans');
    await waitFor(() => expect(screen.getByTestId('plan-list').textContent).toContain('太原市水务局'));
    expect(screen.queryByRole('button', { name: '制定抽查计划' })).toBeNull();
    expect(screen.queryByRole('button', { name: '新一轮抽取' })).toBeNull();
  });
});

describe('INS-2 · NAT-17: a draw — commit, draw, reveal', () => {
  it('INS-2: the unit head commits a seed, runs the draw and sees the pairs, the proof and the way to each result', { timeout: 30_000 }, async () => {
    let current = draw();
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: unitHead } },
      'GET /api/v1/inspections/plans': { body: { cap: 2, poolSize: 7, atCap: 1, items: [plan()] } },
      'POST /api/v1/inspections/plans/p1/draws': () => ({ body: current }),
      'GET /api/v1/inspections/draws/d2': () => ({ body: current }),
      'POST /api/v1/inspections/draws/d2/run': () => {
        current = draw({ status: 'drawn', drawnAt: '2026-03-02T02:00:00.000Z', drawLeaf: 413, inspections: [inspection({ drawId: 'd2', result: null }), inspection({ id: 'i2', targetId: 't2', targetName: '太原并州印刷有限公司', caseId: 'c2', drawId: 'd2' })] });
        return { body: current };
      },
      'POST /api/v1/inspections/draws/d2/publish': apiError(409, 'inspection.draw_state', '抽取状态不符：还有 1 家检查对象尚未实施检查（现场检查笔录未签署），检查前不得公开名单'),
    });
    renderConsole('/inspections/plans');
    fireEvent.click(await screen.findByRole('button', { name: '新一轮抽取' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('轮次'), { target: { value: '第二季度' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交种子承诺' }));
    const proof = await screen.findByTestId('draw-proof');
    expect(f.calls.find((c) => c.path === '/api/v1/inspections/plans/p1/draws')?.body).toEqual({ roundLabel: '第二季度' });
    expect(proof.textContent).toContain(current.seedHash);
    expect(proof.textContent).toContain('检查实施后公开');
    expect(proof.textContent).toContain('承诺为第 412 号记录');
    expect(screen.getByTestId('proof-link').getAttribute('href')).toBe('/draws/d2');
    expect(screen.queryByText(/^d2$/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '执行抽取' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /执行抽取/ }).length).toBeGreaterThan(1));
    fireEvent.click(screen.getAllByRole('button', { name: /执行抽取/ }).at(-1)!);
    const result = await screen.findByTestId('draw-result');
    expect(result.textContent).toContain('太原晋阳焦化有限公司');
    expect(result.textContent).toContain('太原市局执法二（14010002）');
    expect(result.textContent).toContain('待实施检查');
    expect(result.textContent).toContain('应于 2026-03-30 前公示');
    expect(within(result).getAllByRole('link', { name: '打开检查案件' })[0]!.getAttribute('href')).toBe('/cases/c1');
    // The unit head does not read publications: no link into the publication workflow.
    expect(within(result).queryByRole('link', { name: '办理结果公示' })).toBeNull();
    expect(screen.getByTestId('draw-status').textContent).toContain('已抽取');

    fireEvent.click(screen.getByRole('button', { name: '公开种子与名单' }));
    fireEvent.click(screen.getAllByRole('button', { name: /公\s*开/ }).at(-1)!);
    expect((await screen.findByTestId('draw-error')).textContent).toContain('检查前不得公开名单');
  });

  it('NAT-17 · 环办执法〔2019〕42号 一（三）1: the clerk goes from a drawn target to its result in the publication workflow', { timeout: 30_000 }, async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/inspections/draws/d1': { body: draw({ id: 'd1', status: 'published', seed: 'beef'.repeat(16), drawLeaf: 5, inspections: [inspection()] }) },
    });
    renderConsole('/inspections/draws/d1');
    const result = await screen.findByTestId('draw-result');
    expect(within(result).getByRole('link', { name: '办理结果公示' }).getAttribute('href')).toBe('/disclosure/publications/pub1');
    expect(screen.getByTestId('seed').textContent).toContain('beef');
    expect(screen.queryByRole('button', { name: '执行抽取' })).toBeNull();
  });
});

describe('NAT-16 · INS-3 · 国办发〔2024〕54号: 检查登记 and the yearly cap', () => {
  it('NAT-16: at the cap the registration is refused with the server’s reason, and a lawful exception goes to the head', { timeout: 40_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: officer } },
      'GET /api/v1/inspections': { body: { cap: 2, items: [inspection({ id: 'a1', kind: 'complaint', targetId: 't3', targetName: '太原杏花岭干洗有限公司', drawId: null }), inspection({ id: 'a2', kind: 'campaign', targetId: 't3', targetName: '太原杏花岭干洗有限公司', drawId: null })] } },
      'GET /api/v1/inspections/targets': { body: { items: TARGETS } },
      'GET /api/v1/inspections/inspectors': { body: { officers: OFFICERS } },
      'POST /api/v1/inspections': ({ body }) =>
        (body as { exception?: unknown }).exception
          ? { body: detail({ id: 'a3', kind: 'complaint', status: 'pendingApproval', targetId: 't3', targetName: '太原杏花岭干洗有限公司', caseId: null, exception: { reason: 'complaint', note: '群众举报夜间偷排', cap: 2, count: 2, requestedBy: '太原市局执法二', approvedBy: null, approvedByName: null, approvedAt: null } }) }
          : apiError(409, 'inspection.cap_reached', CAP_MESSAGE),
    });
    renderConsole('/inspections/register');
    await waitFor(() => expect(screen.getByTestId('inspection-list').textContent).toContain('太原杏花岭干洗有限公司'));
    await chooseOption('检查对象', '太原杏花岭干洗有限公司');
    expect((await screen.findByTestId('cap-count')).textContent).toContain('已接受 2 次行政检查（上限 2 次），已达到上限');
    await chooseOption('检查种类', '投诉举报核查');
    await chooseOption('执法检查人员（至少 2 人）', '太原市局执法一');
    await chooseOption('执法检查人员（至少 2 人）', '太原市局执法二');
    fireEvent.click(screen.getByRole('button', { name: '登记并生成检查码' }));
    const refusal = await screen.findByTestId('cap-refusal');
    expect(refusal.textContent).toContain('不予登记：已达到年度检查频次上限');
    expect(refusal.textContent).toContain(CAP_MESSAGE);
    expect(refusal.textContent).toContain('《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）');
    await chooseOption(within(refusal).getByLabelText('法定情形'), '投诉举报反映的违法线索需要核查');
    fireEvent.change(within(refusal).getByLabelText('具体理由'), { target: { value: '群众举报夜间偷排' } });
    fireEvent.click(within(refusal).getByRole('button', { name: '提交机关负责人批准' }));
    await waitFor(() => expect(f.calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    const [first, second] = f.calls.filter((c) => c.method === 'POST');
    expect(first!.body).toMatchObject({ targetId: 't3', kind: 'complaint', inspectorIds: ['u-o1', 'u-o2'] });
    expect(second!.body).toMatchObject({ targetId: 't3', exception: { reason: 'complaint', note: '群众举报夜间偷排' } });
    await waitFor(() => expect(screen.queryByTestId('cap-refusal')).toBeNull());
  });

  it('INS-2 · 回避: an officer related to the chosen enterprise cannot be put on its team', { timeout: 30_000 }, async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: officer } },
      'GET /api/v1/inspections': { body: { cap: 2, items: [] } },
      'GET /api/v1/inspections/targets': { body: { items: TARGETS } },
      'GET /api/v1/inspections/inspectors': { body: { officers: OFFICERS } },
    });
    renderConsole('/inspections/register');
    await screen.findByLabelText('检查对象');
    await chooseOption('检查对象', '太原晋阳焦化有限公司');
    const team = screen.getByLabelText('执法检查人员（至少 2 人）');
    fireEvent.mouseDown(team);
    await waitFor(() => expect(optionsOf(team).length).toBe(3));
    const byText = (t: string) => optionsOf(team).find((o) => o.textContent?.startsWith(t))!;
    await waitFor(() => expect(byText('太原市局执法一').textContent).toContain('回避'));
    expect(byText('太原市局执法一').classList.contains('ant-select-item-option-disabled')).toBe(true);
    expect(byText('太原市局执法三').classList.contains('ant-select-item-option-disabled')).toBe(true);
    expect(byText('太原市局执法二').classList.contains('ant-select-item-option-disabled')).toBe(false);
  });

  it('NAT-16: the agency head approves an inspection beyond the cap; a registered one shows its inspection code', { timeout: 30_000 }, async () => {
    const pending = inspection({ id: 'a3', kind: 'complaint', status: 'pendingApproval', targetId: 't3', targetName: '太原杏花岭干洗有限公司', drawId: null, caseId: null, exception: { reason: 'complaint', note: '群众举报夜间偷排', cap: 2, count: 2, requestedBy: '太原市局执法二', approvedBy: null, approvedByName: null, approvedAt: null } });
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: head } },
      'GET /api/v1/inspections': { body: { cap: 2, items: [pending, inspection()] } },
      'GET /api/v1/inspections/i1': { body: detail() },
      'POST /api/v1/inspections/a3/exception': { body: detail({ ...pending, status: 'registered' }) },
    });
    renderConsole('/inspections/register');
    await waitFor(() => expect(screen.getByTestId('inspection-list').textContent).toContain('待机关负责人批准'));
    // The head approves but does not register.
    expect(screen.queryByRole('button', { name: '登记并生成检查码' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^批\s*准$/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('群众举报夜间偷排');
    expect(dialog.textContent).toContain('2 次（上限 2 次）');
    fireEvent.change(within(dialog).getByLabelText('意见'), { target: { value: '同意核查' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /^批\s*准$/ }));
    await waitFor(() => expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ approve: true, comment: '同意核查' }));

    fireEvent.click(screen.getByRole('button', { name: '检查码' }));
    const code = await screen.findByTestId('inspection-code');
    expect(code.textContent).toContain('K7M2P9Q4R8T3');
    expect(code.textContent).toContain('本省未启用扫码入企');
  });
});
