/**
 * The documents a profile value can cite, and how a citation is shown
 * ('SX25-P 第十四条', '行政处罚法 第四十八条', 'MEE19 一（三）1').
 */

/** Short name of a cited document (seeds/README.md for the five policy documents). */
export type DocKey =
  | 'MEE19'
  | 'SX25-P'
  | 'SX25-R'
  | 'SX19-P'
  | 'SX19-R'
  | 'SX19-L'
  | 'GS-P'
  | 'GS-R'
  | 'XX-P'
  | 'XX-R'
  | 'XX-L'
  | 'APL'
  | 'ACL'
  | 'CivilCode'
  | 'EPPM'
  | 'GOV24-54'
  | 'MEE15-88'
  | 'MEP-DP';

/** A cited document. */
export interface DocumentInfo {
  /** Label used in a basis string. */
  short: string;
  title: string;
  issuer: string;
  /** Document number (文号) where one exists. */
  number: string | null;
}

export const DOCUMENTS: Record<DocKey, DocumentInfo> = {
  MEE19: {
    short: 'MEE19',
    title: '关于在生态环境系统推进行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的实施意见',
    issuer: '生态环境部办公厅',
    number: '环办执法〔2019〕42号',
  },
  'SX25-P': { short: 'SX25-P', title: '生态环境系统行政执法公示办法', issuer: '山西省生态环境厅', number: '晋环规〔2025〕5号' },
  'SX25-R': { short: 'SX25-R', title: '生态环境系统行政执法全过程记录办法', issuer: '山西省生态环境厅', number: '晋环规〔2025〕5号' },
  'SX19-P': { short: 'SX19-P', title: '山西省行政执法公示办法', issuer: '山西省人民政府办公厅', number: '晋政办发〔2019〕55号' },
  'SX19-R': { short: 'SX19-R', title: '山西省行政执法全过程记录办法', issuer: '山西省人民政府办公厅', number: '晋政办发〔2019〕55号' },
  'SX19-L': { short: 'SX19-L', title: '山西省重大行政执法决定法制审核办法', issuer: '山西省人民政府办公厅', number: '晋政办发〔2019〕55号' },
  'GS-P': { short: 'GS-P', title: '甘肃省生态环境系统行政执法信息公示实施办法', issuer: '甘肃省生态环境厅', number: '甘环发〔2019〕218号' },
  'GS-R': { short: 'GS-R', title: '甘肃省生态环境系统行政执法全过程记录实施办法', issuer: '甘肃省生态环境厅', number: '甘环发〔2019〕218号' },
  'XX-P': { short: 'XX-P', title: '湘西州生态环境局行政执法公示制度（试行）', issuer: '湘西州生态环境局', number: null },
  'XX-R': { short: 'XX-R', title: '湘西州生态环境局执法全过程记录制度（试行）', issuer: '湘西州生态环境局', number: null },
  'XX-L': { short: 'XX-L', title: '湘西州生态环境局重大行政执法决定法制审核制度（试行）', issuer: '湘西州生态环境局', number: null },
  APL: { short: '行政处罚法', title: '中华人民共和国行政处罚法（2021年修订）', issuer: '全国人民代表大会常务委员会', number: null },
  ACL: { short: '行政强制法', title: '中华人民共和国行政强制法', issuer: '全国人民代表大会常务委员会', number: null },
  CivilCode: { short: '民法典', title: '中华人民共和国民法典', issuer: '全国人民代表大会', number: null },
  EPPM: { short: '生态环境行政处罚办法', title: '生态环境行政处罚办法', issuer: '生态环境部', number: '生态环境部令第30号' },
  'GOV24-54': { short: '国务院办公厅关于严格规范涉企行政检查的意见', title: '国务院办公厅关于严格规范涉企行政检查的意见', issuer: '国务院办公厅', number: '国办发〔2024〕54号' },
  // NAT-11 · 按日连续处罚 (环境保护法 第五十九条).
  'MEP-DP': { short: '按日连续处罚办法', title: '环境保护主管部门实施按日连续处罚办法', issuer: '环境保护部', number: '环境保护部令第28号' },
  'MEE15-88': { short: '关于在污染源日常环境监管领域推广随机抽查制度的实施方案', title: '关于在污染源日常环境监管领域推广随机抽查制度的实施方案', issuer: '环境保护部办公厅', number: '环办〔2015〕88号' },
};

/**
 * Where a value comes from: document and article (第N条), optionally an item
 * and a short Chinese quote. `confirm` marks a value taken from a secondary
 * source that an agency should check (REQUIREMENTS §9 "(confirm)").
 */
export interface Citation {
  doc: DocKey;
  /** '14' for 第十四条; free text such as '一(三)1' for MEE19's outline numbering. */
  article: string;
  /** e.g. '（一）' or '第二款'. */
  item?: string;
  text?: string;
  confirm?: boolean;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 14 → 十四, 25 → 二十五, 203 → 二百零三 (up to 999). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  const d = (i: number) => DIGITS[i] as string;
  if (n < 10) return d(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : d(n % 10)}`;
  if (n < 100) return `${d(Math.floor(n / 10))}十${n % 10 === 0 ? '' : d(n % 10)}`;
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return `${d(h)}百`;
  if (rest < 10) return `${d(h)}百零${d(rest)}`;
  return `${d(h)}百${rest < 20 ? '一' : ''}${chineseNumber(rest)}`;
}

/**
 * 'SX25-P 第十四条', 'SX25-R 第十二条（一）', 'MEE19 一（三）1'.
 * A citation still to be checked against its source (`confirm`) reads the same: 「待确认」 is
 * an administrator's note on the profile (the flag stays on the citation object), never text
 * shown to officers in a basis (issue 15).
 */
export function formatCitation(c: Citation): string {
  const doc = DOCUMENTS[c.doc].short;
  const article = /^\d+$/.test(c.article)
    ? `第${chineseNumber(Number(c.article))}条`
    : c.article.replace(/\(/g, '（').replace(/\)/g, '）');
  return `${doc} ${article}${c.item ?? ''}`;
}

/** The document's full title for a citation on screen: 《中华人民共和国行政处罚法》 (the revision note dropped). */
export function citationTitle(doc: DocKey): string {
  return `《${DOCUMENTS[doc].title.replace(/（[^）]*修订）$/, '')}》`;
}

/**
 * A citation by full title and article, as officers and the public read it:
 * '《中华人民共和国行政处罚法》第六十条', '《生态环境行政处罚办法》第五十七条'.
 */
export function formatCitationTitled(c: Citation): string {
  const article = /^\d+$/.test(c.article)
    ? `第${chineseNumber(Number(c.article))}条`
    : c.article.replace(/\(/g, '（').replace(/\)/g, '）');
  return `${citationTitle(c.doc)}${article}${c.item ?? ''}`;
}
