import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { pickDate } from '../../test/antd.js';
import { EXANTE_SPECS, type ExAnteContent, type ExAnteSection } from '../../domain.js';
import type { ExAnteList, OverviewAgency, SectionSummary, SectionView } from './exanteApi.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const clerk = me({ id: 'u-c', username: 'lz_clerk', displayName: '兰州市局公示录入员', agencyId: 'lz', agencyName: '兰州市生态环境局', roles: ['disclosureClerk'], roleLabels: ['公示录入员'] });
const approver = me({ id: 'u-a', username: 'lz_approver', displayName: '兰州市局公示审核员', agencyId: 'lz', agencyName: '兰州市生态环境局', roles: ['disclosureApprover'], roleLabels: ['公示审核员'] });

const overview: OverviewAgency = { id: 'lz', name: '兰州市生态环境局', level: 'city', profileId: 'GS19', sections: 9, published: 9, notEntered: 0, pending: 2, submitted: 1, overdue: 1, abilities: { edit: true, approve: false } };

const summary = (key: ExAnteSection, over: Partial<SectionSummary> = {}): SectionSummary => ({
  key,
  label: EXANTE_SPECS[key].label,
  source: EXANTE_SPECS[key].source,
  requirements: [...EXANTE_SPECS[key].requirements],
  basis: EXANTE_SPECS[key].basis,
  status: EXANTE_SPECS[key].source === 'generated' ? 'generated' : 'published',
  statusLabel: EXANTE_SPECS[key].source === 'generated' ? '自动生成' : '已公开',
  currentVersion: 1,
  publishedVersion: 1,
  publishedOn: '2026-03-02',
  pending: false,
  changedOn: '2026-03-02',
  due: { status: 'publishedOnTime', label: '按时公开', publishBy: '2026-03-30' },
  submittedByName: null,
  updatedAt: '2026-03-02T01:00:00.000Z',
  ...over,
});

const list: ExAnteList = {
  agency: { id: 'lz', name: '兰州市生态环境局', profileId: 'GS19' },
  deadlineRule: { basis: 'GS-P 第十五条第一款', period: '20个工作日', note: '事前公开信息在信息生成或者变更之日起20个工作日内公开（GS-P 第十五条第一款）' },
  sections: [
    summary('legalBases', { status: 'draft', statusLabel: '待提交', currentVersion: 2, pending: true, due: { status: 'onTime', label: '期限内', publishBy: '2026-03-30' } }),
    summary('powers', { status: 'submitted', statusLabel: '待审核', currentVersion: 2, pending: true, changedOn: '2026-01-05', due: { status: 'overdue', label: '已逾期', publishBy: '2026-02-02' } }),
    summary('reviewCatalogue', { currentVersion: null, publishedVersion: null, publishedOn: null, due: { status: 'none', label: '无公开时限', publishBy: null } }),
    summary('enterpriseInspections'),
  ],
  roster: [{ name: '兰州市局执法一', unit: '兰州市生态环境局', post: '执法人员', certificateNumber: '6201002600001', validFrom: '2025-01-01', validTo: '2029-12-31' }],
  abilities: { edit: true, approve: false },
};

const enterpriseRow = { subject: '兰州市生态环境局', items: '污染物排放情况', basis: '《环境保护法》第二十四条', standards: '排放标准', plan: '年度计划', frequencyCap: 3, discretion: '甘肃省生态环境行政处罚自由裁量基准' };

const view = (key: ExAnteSection, over: Partial<SectionView> = {}): SectionView => ({
  agency: { id: 'lz', name: '兰州市生态环境局', profileId: 'GS19' },
  section: EXANTE_SPECS[key] as SectionView['section'],
  deadlineRule: list.deadlineRule,
  generated: null,
  summary: summary(key),
  current: { version: 1, content: { rows: [enterpriseRow] }, changedOn: '2026-03-02', publishBy: '2026-03-30', publishByNote: '', note: '', createdAt: '2026-03-02T01:00:00.000Z', createdByName: '兰州市局公示录入员' },
  published: null,
  shown: null,
  problems: [],
  versions: [{ version: 1, changedOn: '2026-03-02', publishBy: '2026-03-30', createdAt: '2026-03-02T01:00:00.000Z', createdByName: '兰州市局公示录入员', published: true }],
  history: [{ id: 1, version: 1, kind: 'save', fromStatus: null, toStatus: 'draft', toStatusLabel: '待提交', comment: '', detail: {}, actorName: '兰州市局公示录入员', at: '2026-03-02T01:00:00.000Z' }],
  externalReview: null,
  abilities: { save: true, submit: false, approve: false, return: false },
  ...over,
});

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

describe('事前公开 console', () => {
  it('ORG-6 · GS-P 15: the section list shows status and due badge; the roster comes from valid certificates; the menu has 事前公开', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/exante': { body: { agencies: [overview] } },
      'GET /api/v1/agencies/lz/exante': { body: list },
    });
    renderConsole('/disclosure/exante');
    await screen.findByText('法律法规规章和行政处罚自由裁量基准');
    const draft = rowOf('法律法规规章和行政处罚自由裁量基准');
    expect(within(draft).getByTestId('exante-status').textContent).toBe('待提交');
    expect(within(draft).getByTestId('exante-due').textContent).toBe('期限内 · 2026-03-30 前');
    expect(draft.textContent).toContain('第 1 版公开中');
    const late = rowOf('权责清单');
    expect(within(late).getByTestId('exante-due').dataset.status).toBe('overdue');
    expect(within(rowOf('重大执法决定法制审核目录清单')).getByTestId('exante-status').textContent).toBe('自动生成');
    expect(screen.getByText('事前公开信息在信息生成或者变更之日起20个工作日内公开（GS-P 第十五条第一款）')).toBeTruthy();
    expect(rowOf('兰州市局执法一').textContent).toContain('6201002600001');
    const sider = document.querySelector('.ant-layout-sider') as HTMLElement;
    expect(sider.textContent).toContain('事前公开');
  });

  it('INS-3 · SX25-P 10: the clerk adds an inspection row; a frequency cap of 0 is refused in the form, as on the server; saving sends every row', { timeout: 30_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/exante': { body: { agencies: [overview] } },
      'GET /api/v1/agencies/lz/exante/enterpriseInspections': { body: view('enterpriseInspections') },
      'PUT /api/v1/agencies/lz/exante/enterpriseInspections': ({ body }) => ({
        body: view('enterpriseInspections', {
          summary: summary('enterpriseInspections', { status: 'draft', statusLabel: '待提交', currentVersion: 2, pending: true }),
          current: { ...view('enterpriseInspections').current!, version: 2, content: (body as { content: ExAnteContent }).content },
          abilities: { save: true, submit: true, approve: false, return: false },
        }),
      }),
    });
    renderConsole('/disclosure/exante?agency=lz&section=enterpriseInspections');
    await screen.findByText('甘肃省生态环境行政处罚自由裁量基准');
    expect(screen.getByText('每户企业每年不超过3次')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /新增检查事项/ }));
    const dialog = await screen.findByRole('dialog');
    const type = (label: string, value: string) => fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
    type('检查主体', '兰州市生态环境局');
    type('检查事项', '建设项目“三同时”执行情况');
    type('检查依据', '《建设项目环境保护管理条例》第十九条');
    type('检查标准', '环境影响评价文件及其批复');
    type('检查计划', '每年一次专项检查');
    type('裁量基准', '甘肃省生态环境行政处罚自由裁量基准');
    type('频次上限', '0');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('“频次上限”：应为正整数'));
    type('频次上限', '1');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'PUT')).toBe(true));
    const sent = f.calls.find((c) => c.method === 'PUT')!.body as { content: { rows: Record<string, unknown>[] } };
    expect(sent.content.rows).toHaveLength(2);
    expect(sent.content.rows[1]).toMatchObject({ subject: '兰州市生态环境局', frequencyCap: 1, discretion: '甘肃省生态环境行政处罚自由裁量基准' });
    await waitFor(() => expect(screen.getByTestId('exante-status').textContent).toBe('待提交'));
    expect(screen.getByRole('button', { name: /提交审核/ })).toBeTruthy();
  });

  it('ORG-8 · GS-P 14: the approver returns with a reason, or approves with the outside review of the 执法事项清单', { timeout: 30_000 }, async () => {
    const submitted = view('enforcementItems', {
      current: { ...view('enforcementItems').current!, content: { rows: [{ name: '排污单位现场检查', category: '行政检查', basis: '《环境保护法》第二十四条', subject: '兰州市生态环境局' }] } },
      summary: summary('enforcementItems', { status: 'submitted', statusLabel: '待审核', currentVersion: 2, pending: true, submittedByName: '兰州市局公示录入员' }),
      externalReview: { requirement: '对外公示前报本级政府法制机构审核', reviewer: '本级政府法制机构', basis: 'GS-P 第十四条第二款' },
      abilities: { save: false, submit: false, approve: true, return: true },
    });
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/exante': { body: { agencies: [{ ...overview, abilities: { edit: false, approve: true } }] } },
      'GET /api/v1/agencies/lz/exante/enforcementItems': { body: submitted },
      'POST /api/v1/agencies/lz/exante/enforcementItems/return': { body: { ...submitted, summary: summary('enforcementItems', { status: 'returned', statusLabel: '已退回' }), abilities: { save: false, submit: false, approve: false, return: false } } },
      'POST /api/v1/agencies/lz/exante/enforcementItems/approve': { body: { ...submitted, summary: summary('enforcementItems'), abilities: { save: false, submit: false, approve: false, return: false } } },
    });
    renderConsole('/disclosure/exante?agency=lz&section=enforcementItems');
    await screen.findByText('排污单位现场检查');
    expect(screen.queryByRole('button', { name: /保存草稿/ })).toBeNull();
    expect(screen.getByText(/审核通过时须填写审核（审定）情况/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /退回修改/ }));
    let dialog = await screen.findByRole('dialog');
    const ok = () => within(dialog).getByRole('button', { name: /确\s*定/ }) as HTMLButtonElement;
    expect(ok().disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('退回理由'), { target: { value: '请补充实施依据条款' } });
    expect(ok().disabled).toBe(false);
    fireEvent.click(ok());
    await waitFor(() => expect(f.calls.find((c) => c.path.endsWith('/return'))?.body).toEqual({ comment: '请补充实施依据条款' }));
    await waitFor(() => expect(screen.getByTestId('exante-status').textContent).toBe('已退回'));

    // Approving (a fresh page on the submitted version).
    cleanup();
    renderConsole('/disclosure/exante?agency=lz&section=enforcementItems');
    await screen.findByText('排污单位现场检查');
    fireEvent.click(screen.getByRole('button', { name: /审核通过并公开/ }));
    dialog = await screen.findByRole('dialog');
    expect(ok().disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('审核（审定）机关'), { target: { value: '兰州市司法局' } });
    pickDate(within(dialog).getByLabelText('审核（审定）日期'), '2026-02-27');
    fireEvent.change(within(dialog).getByLabelText('文号'), { target: { value: '兰司法审〔2026〕5号' } });
    await waitFor(() => expect(ok().disabled).toBe(false));
    fireEvent.click(ok());
    await waitFor(() =>
      expect(f.calls.find((c) => c.path.endsWith('/approve'))?.body).toEqual({ externalReview: { body: '兰州市司法局', on: '2026-02-27', reference: '兰司法审〔2026〕5号' } }),
    );
  });

  it('REC-6 · GS-R 13: a generated section is shown read-only with its source', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/exante': { body: { agencies: [overview] } },
      'GET /api/v1/agencies/lz/exante/avItems': {
        body: view('avItems', {
          generated: { content: { rows: [{ activity: '现场检查（现场查验、实地核实）', requirement: '应当进行音像记录', basis: 'GS-R 第九条' }] }, updatedOn: '2026-03-02', source: '甘肃省生态环境系统行政执法信息公示实施办法、全过程记录实施办法（GS19）' },
          current: null,
          versions: [],
          history: [],
          abilities: { save: false, submit: false, approve: false, return: false },
        }),
      },
    });
    renderConsole('/disclosure/exante?agency=lz&section=avItems');
    await screen.findByText('现场检查（现场查验、实地核实）');
    expect(screen.getByText(/本栏目由系统根据甘肃省生态环境系统/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /保存草稿/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /新增/ })).toBeNull();
  });
});
