/** Small hand-written API answers of the rule endpoints (a few parameters each, shaped as the server resolves them). */
import type { CalendarYearDetail, CalendarYearSummary, ProfileSummary } from '../api/types.js';
import type { DeadlineSpec, ResolvedParam, ResolvedProfile } from '../domain.js';

export const YEARS: CalendarYearSummary[] = [
  { year: 2025, status: 'confirmed', version: 1, source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', origin: 'seed', addedAt: '2026-01-01T00:00:00.000Z', holidays: 28, workdays: 5 },
  { year: 2026, status: 'confirmed', version: 1, source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）', origin: 'admin', addedAt: '2026-01-02T00:00:00.000Z', holidays: 33, workdays: 6 },
];

export const YEAR_2026: CalendarYearDetail = {
  year: 2026,
  status: 'confirmed',
  version: 1,
  source: YEARS[1]!.source,
  origin: 'admin',
  addedAt: '2026-01-02T00:00:00.000Z',
  holidays: [
    { date: '2026-01-01', name: '元旦' },
    { date: '2026-01-02', name: '元旦' },
    { date: '2026-01-03', name: '元旦' },
    { date: '2026-10-01', name: '国庆节' },
  ],
  workdays: [{ date: '2026-01-04', name: '元旦' }],
};

export const PROFILES: ProfileSummary[] = [
  { id: 'national', name: '全国基线（生态环境部三项制度实施意见）', issuer: '生态环境部办公厅', docNumber: '环办执法〔2019〕42号', effective: '2019-05-05', parent: null, chain: ['national'] },
  { id: 'SX25', name: '山西省生态环境系统行政执法公示办法、全过程记录办法', issuer: '山西省生态环境厅', docNumber: '晋环规〔2025〕5号', effective: null, parent: 'SX19', chain: ['SX25', 'SX19', 'national'] },
  { id: 'GS19', name: '甘肃省生态环境系统行政执法信息公示实施办法、全过程记录实施办法', issuer: '甘肃省生态环境厅', docNumber: '甘环发〔2019〕218号', effective: '2019-09-11', parent: 'national', chain: ['GS19', 'national'] },
];

const span = (amount: number, anchor: 'decisionDate' | 'materialsComplete' | 'announcementDate', extensions: { amount: number; approval: string }[] = []): DeadlineSpec => ({
  kind: 'span',
  period: { unit: 'workingDays', amount },
  anchor,
  direction: 'after',
  extensions,
  rollover: false,
});

const param = <T,>(p: Omit<ResolvedParam<T>, 'related'>): ResolvedParam<T> => ({ related: [], ...p });

export const SX25: ResolvedProfile = {
  id: 'SX25',
  name: PROFILES[1]!.name,
  issuer: '山西省生态环境厅',
  docNumber: '晋环规〔2025〕5号',
  effective: null,
  parent: 'SX19',
  chain: ['SX25', 'SX19', 'national'],
  params: {
    'publication.penalty': param({
      key: 'publication.penalty',
      value: span(7, 'decisionDate'),
      origin: 'own',
      from: 'SX25',
      citation: { doc: 'SX25-P', article: '14', item: '第二款', text: '行政许可、行政处罚的执法决定信息应当在作出之日起7个工作日内公开' },
      basis: 'SX25-P 第十四条第二款',
    }),
    'review.timeLimit': param({
      key: 'review.timeLimit',
      value: span(10, 'materialsComplete', [{ amount: 10, approval: '案件复杂的，经本行政执法机关负责人批准' }]),
      origin: 'inherited',
      from: 'SX19',
      citation: { doc: 'SX19-L', article: '14' },
      basis: 'SX19-L 第十四条',
    }),
    service: param({
      key: 'service',
      value: span(7, 'announcementDate'),
      origin: 'inherited',
      from: 'national',
      citation: { doc: 'APL', article: '61' },
      basis: '行政处罚法 第六十一条',
    }),
    'hearing.fineThreshold.individual': param({
      key: 'hearing.fineThreshold.individual',
      value: 5000,
      origin: 'default',
      from: 'national',
      citation: null,
      basis: '规则未规定，由本机关配置（当前为平台默认值）',
      note: '默认 5000 元，由机关按本省规定配置。',
    }),
  },
};

/** GS19 as resolved without the agency's values: the legal-review limit is left to the agency. */
export const GS19: ResolvedProfile = {
  ...SX25,
  id: 'GS19',
  name: PROFILES[2]!.name,
  parent: 'national',
  chain: ['GS19', 'national'],
  params: {
    'publication.penalty': param({ ...SX25.params['publication.penalty']!, from: 'GS19', basis: 'GS-P 第十五条第二款', citation: { doc: 'GS-P', article: '15' } }),
    'review.timeLimit': param({
      key: 'review.timeLimit',
      value: span(10, 'materialsComplete', [{ amount: 10, approval: '经机关负责人批准' }]),
      origin: 'default',
      from: 'GS19',
      citation: { doc: 'GS-P', article: '14' },
      basis: '规则未规定，由本机关配置（当前为平台默认值）；参见 GS-P 第十四条',
      note: 'GS19 未规定法制审核时限，由机关配置。',
    }),
  },
};
