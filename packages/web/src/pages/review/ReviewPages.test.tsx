import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import type { QueueItem, ReviewView } from './reviewApi.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const reviewer = me({ id: 'u-r', username: 'ty_reviewer', displayName: '太原市局法制审核员', roles: ['legalReviewer'], roleLabels: ['法制审核人员'] });

const queueItem = (over: Partial<QueueItem>): QueueItem => ({
  reviewId: 'r1',
  caseId: 'c1',
  caseNumber: '并环罚案〔2026〕1号',
  caseTitle: '某公司超标排放案',
  round: 1,
  status: 'inReview',
  statusLabel: '审核中',
  reviewerName: '太原市局法制审核员',
  submittedAt: '2026-03-02T01:00:00.000Z',
  submittedByName: '太原市局执法一',
  major: true,
  matched: ['直接关系行政相对人或第三人重大权益'],
  outcome: null,
  outcomeLabel: null,
  due: '2026-03-16',
  clockStatus: 'onTime',
  clockStatusLabel: '期限内',
  ...over,
});

const CHECKLIST = [
  { item: 'subjectLawful', label: '执法主体是否合法', basis: 'SX19-L 第十一条（一）', binary: true },
  { item: 'factsClear', label: '案件事实是否清楚', basis: 'SX19-L 第十一条（三）', binary: false },
];

const view = (over: Partial<ReviewView> = {}): ReviewView => ({
  id: 'r1',
  caseId: 'c1',
  caseNumber: '并环罚案〔2026〕1号',
  caseTitle: '某公司超标排放案',
  caseState: 'investigation',
  agencyName: '太原市生态环境局',
  profileId: 'SX25',
  rules: {
    family: 'SX19',
    label: '山西省重大行政执法决定法制审核办法（SX19-L）',
    origin: 'document',
    outcomeLabels: { approve: '同意', correct: '纠正', notDecide: '不予作出行政执法决定', transfer: '移送' },
    checklist: CHECKLIST,
    materials: [],
    pauseReasons: [{ key: 'supplement', label: '补充材料' }],
    pauseBasis: 'SX19-L 第十四条',
    headMayOverrule: true,
    disagreementBasis: 'SX19-L 第十五条',
    opinionApproval: null,
    gateBasis: 'SX19-L 第五条',
    recusalBasis: 'SX19-L 第八条第三款',
  },
  status: 'inReview',
  statusLabel: '审核中',
  currentRound: 1,
  clock: { due: '2026-03-16', status: 'onTime', statusLabel: '期限内', basis: '自 2026-03-02 起 10个工作日；届满日 2026-03-16' },
  rounds: [
    {
      id: 'rr1',
      round: 1,
      status: 'inReview',
      statusLabel: '审核中',
      submittedAt: '2026-03-02T01:00:00.000Z',
      submittedByName: '太原市局执法一',
      receivedOn: '2026-03-02',
      note: '',
      materials: [{ key: 'proposal', label: '重大行政执法决定建议及其情况说明', documents: [], files: [], text: '建议处罚' }],
      match: { major: true, matches: [], notMet: [], summary: '', source: '' },
      reviewer: { id: 'u-r', name: '太原市局法制审核员' },
      clock: { due: '2026-03-16', status: 'onTime', statusLabel: '期限内', basis: '自 2026-03-02 起 10个工作日' },
      pauses: [],
      extensions: [],
      checklist: [],
      outcome: null,
      outcomeLabel: null,
      opinion: null,
      grounds: [],
      leaderApproval: null,
      decidedOn: null,
      opinionDocument: null,
      disagreement: null,
      headDecision: null,
      collectiveDiscussion: null,
    },
  ],
  recusals: [],
  history: [{ id: 1, round: 1, at: '2026-03-02T01:00:00.000Z', actorName: '太原市局执法一', kind: 'submit', detail: {} }],
  gate: { ok: false, code: 'pending', reason: '第1轮法制审核审核中，审核通过前不得作出决定', basis: 'SX19-L 第五条', kind: 'penaltyDecision' },
  abilities: { submit: false, assign: false, recuse: true, pause: true, resume: false, extend: false, decide: true, disagree: false, headDecide: false, overrule: true, collectiveDiscussion: false },
  eligibleReviewers: [],
  excludedReviewers: [],
  ...over,
});

describe('法制审核 console', () => {
  it('REV-6: the queue shows each review with its deadline badge, most urgent first; the menu has 法制审核', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: reviewer } },
      'GET /api/v1/reviews': { body: { total: 2, items: [queueItem({ reviewId: 'r2', caseId: 'c2', caseNumber: '并环罚案〔2026〕2号', clockStatus: 'overdue', clockStatusLabel: '已超期', due: '2026-03-01' }), queueItem({ clockStatus: 'paused', clockStatusLabel: '计时中止' })] } },
    });
    renderConsole('/review/queue');
    const row = (await screen.findByText('并环罚案〔2026〕2号')).closest('tr') as HTMLElement;
    expect(within(row).getByTestId('review-deadline').textContent).toBe('已超期 · 2026-03-01');
    const paused = screen.getByText('并环罚案〔2026〕1号').closest('tr') as HTMLElement;
    expect(within(paused).getByTestId('review-deadline').dataset.status).toBe('paused');
    const sider = document.querySelector('.ant-layout-sider') as HTMLElement;
    expect(sider.textContent).toContain('法制审核');
    expect(sider.textContent).toContain('目录清单');
  });

  it('REV-1 · REV-4: the review page shows why the decision cannot be issued yet, and the assigned reviewer decides item by item', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: reviewer } },
      'GET /api/v1/cases/c1/review': { body: { review: view() } },
      'GET /api/v1/cases/c1/review/match': { body: { match: { major: true, matches: [{ itemId: 'fine.organisation', criterion: 'majorRights', criterionLabel: '直接关系行政相对人或第三人重大权益', label: '对法人或者其他组织处以20万元以上罚款的', value: '罚款 250000 元，达到20万元以上（法人或者其他组织）', basis: '' }], notMet: [], summary: '', source: '行政处罚决定书（代拟稿）', catalogueVersion: 0, catalogueAdopted: false } } },
      'POST /api/v1/reviews/r1/decision': { body: { review: view({ gate: { ok: true, applies: true, reason: '第1轮法制审核同意', basis: 'SX19-L 第五条', kind: 'penaltyDecision' } }) } },
    });
    renderConsole('/review/cases/c1');
    expect((await screen.findByTestId('review-gate')).textContent).toContain('审核通过前不得作出决定');
    expect(await screen.findByText(/罚款 250000 元/)).toBeTruthy();
    // 执法主体 is right or wrong: no "有瑕疵".
    const subject = screen.getByRole('radiogroup', { name: '执法主体是否合法' });
    expect(within(subject).queryByText('有瑕疵')).toBeNull();
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '案件事实是否清楚' })).getByText('有瑕疵'));
    fireEvent.change(screen.getByLabelText('案件事实是否清楚问题'), { target: { value: '违法持续时间不清' } });
    fireEvent.change(screen.getByLabelText('审核意见'), { target: { value: '请纠正' } });
    fireEvent.click(screen.getByRole('button', { name: /出具审核意见/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/reviews/r1/decision')).toBe(true));
    const call = f.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/reviews/r1/decision')!;
    expect(call.body).toEqual({
      checklist: [
        { item: 'subjectLawful', finding: 'pass' },
        { item: 'factsClear', finding: 'flaw', note: '违法持续时间不清' },
      ],
      opinion: '请纠正',
    });
  });
});

describe('NAT-22 · REV-4 (SX19-L 11: 裁量适当): the reviewer sees the discretion applied', () => {
  it('NAT-22 · 《中华人民共和国行政处罚法》第三十四条: the review page shows the cited entry, the statutory range, the band and the officer\u2019s reason, in Chinese', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: reviewer } },
      'GET /api/v1/cases/c1/review': {
        body: {
          review: view({
            discretion: {
              violation: '超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物',
              violated: '《中华人民共和国大气污染防治法》第十八条',
              basis: '《中华人民共和国大气污染防治法》第九十九条',
              range: '10万元以上100万元以下',
              fineAmount: 800_000,
              band: { label: '较轻', circumstances: '首次违法、及时改正、危害后果轻微', range: '10万元至37万元' },
              outsideBand: true,
              reason: '超标倍数高，且经责令改正后仍未改正',
            },
          }),
        },
      },
      'GET /api/v1/cases/c1/review/match': { body: { match: { major: true, matches: [], notMet: [], summary: '', source: '', catalogueVersion: 0, catalogueAdopted: false } } },
    });
    renderConsole('/review/cases/c1');
    const card = await screen.findByTestId('review-discretion');
    const text = card.textContent ?? '';
    expect(text).toContain('违法行为超过大气污染物排放标准');
    expect(text).toContain('违反条款《中华人民共和国大气污染防治法》第十八条');
    expect(text).toContain('处罚依据《中华人民共和国大气污染防治法》第九十九条');
    expect(text).toContain('法定幅度10万元以上100万元以下');
    expect(text).toContain('裁量档次较轻（首次违法、及时改正、危害后果轻微）：10万元至37万元');
    expect(text).toContain('超出裁量档次');
    expect(within(card).getByTestId('discretion-reason').textContent).toBe('超标倍数高，且经责令改正后仍未改正');
    expect(text).not.toMatch(/NAT-|REV-|GS-R|待确认/);
  });
});

describe('ORG-7 · SX19-L 7: reviewer ratio on the review queue', () => {
  it('shows officers, reviewers and whether the profile minimum is met', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: reviewer } },
      'GET /api/v1/reviews': { body: { total: 0, items: [] } },
      'GET /api/v1/review/ratio': {
        body: { ratio: { agencyName: '太原市生态环境局', officers: 41, reviewers: 2, ratio: 2 / 41, required: 0.05, minimumReviewers: 3, meets: false, basis: 'SX19-L 第七条' } },
      },
    });
    renderConsole('/review/queue');
    const card = await screen.findByTestId('reviewer-ratio');
    expect(card.textContent).toContain('执法人员 41 人');
    expect(card.textContent).toContain('至少 3 人');
    expect(card.textContent).toContain('不足');
  });
});
