/**
 * NAT-15 · credit-platform export (双公示, 行政处罚): one row per penalty
 * decision in the column order of the credit platforms' 行政处罚 data set
 * (信用中国 and the provincial credit portals; GS-P 12 makes 信用中国（甘肃）
 * the main carrier in Gansu).
 *
 * - 罚款金额（万元） and 没收违法所得、没收非法财物的金额（万元）: yuan → 万元 in
 *   exact decimal arithmetic on 分 (integers), at most 6 decimals, trailing
 *   zeros dropped: 12345.67 → '1.234567', 200000 → '20', 5000 → '0.5'. An
 *   amount finer than 1 分 is refused.
 * - 行政相对人类别: 法人及非法人组织 / 自然人 / 个体工商户.
 * - Dates as YYYY/MM/DD (the format of the national data standard — confirm
 *   against the receiving platform's current template; `dateFormat` option).
 * - ID numbers are exported in full: the feed goes to the credit platform,
 *   which identifies the person and masks on display. `maskIdNumbers: true`
 *   masks them like publication does (masking.ts) for any other use.
 * A minor's decision is never exported (PUB-5 · SX25-P 19(一)).
 */
import { type CivilDate, isCivilDate } from '../calendar/civil-date.js';
import { type Party, ID_TYPE_LABELS } from '../cases/party.js';
import { PENALTY_TYPE_LABELS, type PenaltyType } from '../cases/penalty-types.js';
import { AppError } from '../errors.js';
import { requireCreditCode } from '../identity/identity.js';
import { maskFor } from './masking.js';

/** NAT-15 columns, in CSV order. */
export const CREDIT_EXPORT_COLUMNS = [
  '行政相对人名称',
  '行政相对人类别',
  '统一社会信用代码',
  '工商注册号',
  '组织机构代码',
  '税务登记号',
  '事业单位证书号',
  '社会组织登记证号',
  '法定代表人',
  '法定代表人证件类型',
  '法定代表人证件号码',
  '证件类型',
  '证件号码',
  '行政处罚决定书文号',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚内容',
  '罚款金额（万元）',
  '没收违法所得、没收非法财物的金额（万元）',
  '暂扣或吊销证照名称及编号',
  '处罚决定日期',
  '处罚有效期',
  '公示截止期',
  '处罚机关',
  '处罚机关统一社会信用代码',
  '数据来源单位',
  '数据来源单位统一社会信用代码',
  '备注',
] as const;

export type CreditExportColumn = (typeof CREDIT_EXPORT_COLUMNS)[number];
export type CreditExportRow = Record<CreditExportColumn, string>;

/** 行政相对人类别 by party kind. */
export const CREDIT_PARTY_CATEGORY = {
  organisation: '法人及非法人组织',
  naturalPerson: '自然人',
  individualBusiness: '个体工商户',
} as const;

/** 证件类型 as the credit data set names it (居民身份证 → 身份证). */
const CREDIT_ID_TYPE: Record<keyof typeof ID_TYPE_LABELS, string> = { residentId: '身份证', other: '其他' };

/** Separator between several values in one cell (处罚类别 '警告;罚款'). */
export const CREDIT_MULTI_VALUE_SEPARATOR = ';';

/** A penalty decision as the export needs it. */
export interface CreditExportDecision {
  party: Party;
  /** Older registration numbers of an organisation without (or besides) a credit code. */
  legacyCodes?: {
    businessRegistrationNumber?: string;
    organisationCode?: string;
    taxRegistrationNumber?: string;
    institutionCertificateNumber?: string;
    socialOrganisationNumber?: string;
  };
  decisionNumber: string;
  violationType: string;
  facts: string;
  legalBasis: string;
  penaltyTypes: readonly PenaltyType[];
  /** 处罚内容, e.g. '罚款人民币贰拾万元整'. */
  content: string;
  /** Yuan; a number or a decimal string with at most 2 decimals. */
  fineYuan?: number | string;
  confiscationYuan?: number | string;
  /** 暂扣或吊销的证照. */
  licence?: { name: string; number: string };
  decisionDate: CivilDate;
  /** 处罚有效期: last day the penalty has effect. */
  validUntil?: CivilDate;
  /** 公示截止期: e.g. `publicationSchedule(...).removeBy`. */
  publicationUntil?: CivilDate;
  agency: { name: string; creditCode: string };
  /** 数据来源单位; defaults to the agency. */
  dataSource?: { name: string; creditCode: string };
  remarks?: string;
}

export interface CreditExportOptions {
  maskIdNumbers?: boolean;
  /** 'YYYY/MM/DD' (default) or 'YYYY-MM-DD'. */
  dateFormat?: 'YYYY/MM/DD' | 'YYYY-MM-DD';
}

function invalid(detail: string): never {
  throw new AppError('validation.failed', { detail });
}

/** Yuan → integer 分, exactly; refuses negatives, non-numbers and amounts finer than 1 分. */
export function yuanToFen(yuan: number | string): bigint {
  if (typeof yuan === 'string') {
    const s = yuan.trim().replace(/,/g, '');
    const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
    if (!m) invalid(`金额“${yuan}”应为不超过两位小数的非负数（单位：元）`);
    return BigInt(m[1] as string) * 100n + BigInt(((m[2] ?? '') + '00').slice(0, 2));
  }
  if (!Number.isFinite(yuan) || yuan < 0) invalid(`金额 ${String(yuan)} 无效`);
  const fen = Math.round(yuan * 100);
  if (Math.abs(fen - yuan * 100) > 1e-6 * Math.max(1, Math.abs(yuan))) invalid(`金额 ${String(yuan)} 超过两位小数（分）`);
  if (!Number.isSafeInteger(fen)) invalid(`金额 ${String(yuan)} 过大`);
  return BigInt(fen);
}

/**
 * Yuan → 万元 as a plain decimal string with at most 6 decimals and no
 * trailing zeros (1 万元 = 1,000,000 分): 12345.67 → '1.234567'.
 */
export function yuanToWan(yuan: number | string): string {
  const fen = yuanToFen(yuan);
  const whole = fen / 1_000_000n;
  const frac = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole.toString();
}

function formatDate(d: CivilDate | undefined, format: 'YYYY/MM/DD' | 'YYYY-MM-DD', label: string): string {
  if (d === undefined || d === '') return '';
  if (!isCivilDate(d)) invalid(`${label}“${d}”应为 YYYY-MM-DD`);
  return format === 'YYYY/MM/DD' ? d.replace(/-/g, '/') : d;
}

/** One NAT-15 row; every column present (empty string when not applicable). */
export function creditExportRow(decision: CreditExportDecision, options: CreditExportOptions = {}): CreditExportRow {
  const { party } = decision;
  const fmt = options.dateFormat ?? 'YYYY/MM/DD';
  if (party.kind === 'naturalPerson' && party.minor) invalid('当事人为未成年人的处罚信息不予公开，不得报送（PUB-5 · SX25-P 第十九条（一））');
  const id = (n: string | undefined) => (n ? (options.maskIdNumbers ? maskFor('idNumber', n) : n) : '');

  const row = Object.fromEntries(CREDIT_EXPORT_COLUMNS.map((c) => [c, ''])) as CreditExportRow;
  row['行政相对人名称'] = party.name;
  row['行政相对人类别'] = CREDIT_PARTY_CATEGORY[party.kind];
  if (party.kind === 'naturalPerson') {
    row['证件类型'] = party.idType === 'other' ? (party.idTypeName ?? CREDIT_ID_TYPE.other) : CREDIT_ID_TYPE.residentId;
    row['证件号码'] = id(party.idNumber);
  } else {
    if (party.creditCode) row['统一社会信用代码'] = requireCreditCode(party.creditCode);
    else if (party.kind === 'organisation') invalid('法人及非法人组织须有统一社会信用代码（NAT-13）');
    const legacy = decision.legacyCodes ?? {};
    row['工商注册号'] = legacy.businessRegistrationNumber ?? '';
    row['组织机构代码'] = legacy.organisationCode ?? '';
    row['税务登记号'] = legacy.taxRegistrationNumber ?? '';
    row['事业单位证书号'] = legacy.institutionCertificateNumber ?? '';
    row['社会组织登记证号'] = legacy.socialOrganisationNumber ?? '';
    const rep = party.kind === 'organisation' ? party.legalRepresentative : party.operator;
    if (rep) {
      row['法定代表人'] = rep.name;
      if (rep.idNumber) {
        row['法定代表人证件类型'] = rep.idType === 'other' ? (rep.idTypeName ?? CREDIT_ID_TYPE.other) : CREDIT_ID_TYPE.residentId;
        row['法定代表人证件号码'] = id(rep.idNumber);
      }
    }
  }
  row['行政处罚决定书文号'] = decision.decisionNumber;
  row['违法行为类型'] = decision.violationType;
  row['违法事实'] = decision.facts;
  row['处罚依据'] = decision.legalBasis;
  row['处罚类别'] = decision.penaltyTypes.map((t) => PENALTY_TYPE_LABELS[t] ?? invalid(`未知的处罚种类“${String(t)}”`)).join(CREDIT_MULTI_VALUE_SEPARATOR);
  row['处罚内容'] = decision.content;
  const hasFine = decision.penaltyTypes.includes('fine');
  if (hasFine && decision.fineYuan === undefined) invalid('处以罚款的，须填写罚款金额');
  row['罚款金额（万元）'] = decision.fineYuan !== undefined ? yuanToWan(decision.fineYuan) : '';
  row['没收违法所得、没收非法财物的金额（万元）'] = decision.confiscationYuan !== undefined ? yuanToWan(decision.confiscationYuan) : '';
  row['暂扣或吊销证照名称及编号'] = decision.licence ? `${decision.licence.name} ${decision.licence.number}`.trim() : '';
  row['处罚决定日期'] = formatDate(decision.decisionDate, fmt, '处罚决定日期');
  if (!row['处罚决定日期']) invalid('须填写处罚决定日期');
  row['处罚有效期'] = formatDate(decision.validUntil, fmt, '处罚有效期');
  row['公示截止期'] = formatDate(decision.publicationUntil, fmt, '公示截止期');
  row['处罚机关'] = decision.agency.name;
  row['处罚机关统一社会信用代码'] = requireCreditCode(decision.agency.creditCode);
  const source = decision.dataSource ?? decision.agency;
  row['数据来源单位'] = source.name;
  row['数据来源单位统一社会信用代码'] = requireCreditCode(source.creditCode);
  row['备注'] = decision.remarks ?? '';
  return row;
}

function csvCell(value: string): string {
  // spreadsheet formula injection: a cell starting with = + @ or a control character is prefixed with '
  const safe = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV (CRLF) with the header row, columns in `CREDIT_EXPORT_COLUMNS` order. */
export function creditExportCsv(rows: readonly CreditExportRow[]): string {
  const lines = [CREDIT_EXPORT_COLUMNS.map(csvCell).join(',')];
  for (const r of rows) lines.push(CREDIT_EXPORT_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
