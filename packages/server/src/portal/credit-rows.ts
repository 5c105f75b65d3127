/**
 * NAT-15 · 双公示 (行政处罚): a published penalty decision → the credit
 * platform's row, built only from what the portal shows (the redacted public
 * content, PUB-4; PUB-11 · SX25-P 8: every channel shows the same
 * information), through the core's `creditExportRow`.
 *
 * What the public content does not say is inferred or left empty:
 * - 行政相对人类别: a valid 统一社会信用代码 in the content makes an
 *   organisation — an individual business when its registration code is 92
 *   (GB 32100: 9 工商, 2 个体工商户); without one, a natural person.
 * - 证件类型/证件号码 of natural persons stay empty: ID numbers are never
 *   published (PUB-4 · SX25-P 16), so this public feed cannot carry them.
 * - 罚款金额: parsed from the published amount ('200000元', '20万元',
 *   '200,000.00 元'); 处罚类别 from the published labels ('警告、罚款').
 * - 公示截止期: the end of the publication window (remove_by).
 * A decision whose content does not fit the data set's rules (an
 * organisation without a valid code, a fine without an amount) still gets its
 * row — one row per visible decision — with the columns that could be filled
 * and the reason in 备注, so that the receiving platform sees the gap.
 */
import {
  CREDIT_EXPORT_COLUMNS,
  CREDIT_MULTI_VALUE_SEPARATOR,
  PENALTY_TYPE_LABELS,
  checkCreditCode,
  creditExportRow,
  isAppError,
  isCivilDate,
  yuanToWan,
  type CreditExportDecision,
  type CreditExportRow,
  type Party,
  type PenaltyType,
} from '@sanxiang/core';
import type { ExportDecisionRow } from '../usecases/portal-read.js';

const LABEL_TO_PENALTY = new Map<string, PenaltyType>(Object.entries(PENALTY_TYPE_LABELS).map(([k, v]) => [v, k as PenaltyType]));

/** The published amount in yuan as a decimal string, or undefined when it is not a plain amount. */
export function parseYuan(text: string): string | undefined {
  const s = text.normalize('NFKC').replace(/[\s,]/g, '').replace(/^(罚款)?(人民币)?/, '').replace(/整$/, '');
  const yuan = /^(\d+(?:\.\d{1,2})?)元$/.exec(s);
  if (yuan) return yuan[1];
  const wan = /^(\d+)(?:\.(\d{1,6}))?万元$/.exec(s);
  if (wan) {
    // 万元 → 元 exactly: shift the decimal point by four places.
    const frac = ((wan[2] ?? '') + '000000').slice(0, 6);
    const whole = (BigInt(wan[1]!) * 10000n + BigInt(frac.slice(0, 4))).toString();
    const cents = frac.slice(4).replace(/0+$/, '');
    return cents ? `${whole}.${cents}` : whole;
  }
  return undefined;
}

function splitLabels(text: string): string[] {
  return text
    .split(/[、，,;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The party as far as the public content tells it. */
function publicParty(name: string, creditCode: string, legalRepresentative: string): Party {
  const code = checkCreditCode(creditCode);
  if (code.ok) {
    const individual = code.value.startsWith('92');
    return {
      kind: individual ? 'individualBusiness' : 'organisation',
      name,
      creditCode: code.value,
      ...(legalRepresentative ? (individual ? { operator: { name: legalRepresentative } } : { legalRepresentative: { name: legalRepresentative } }) : {}),
      address: '',
      minor: false,
    };
  }
  // A code that is there but not valid (masked, mistyped) or a representative: an organisation, which the core will refuse without a code.
  if (creditCode || legalRepresentative) return { kind: 'organisation', name, creditCode, ...(legalRepresentative ? { legalRepresentative: { name: legalRepresentative } } : {}), address: '', minor: false };
  return { kind: 'naturalPerson', name, address: '', minor: false };
}

/** One NAT-15 row of a published penalty decision; `sourceUrl` goes into 备注 (PUB-11: channels are linked). */
export function creditRowOfPublic(d: ExportDecisionRow, sourceUrl: string): CreditExportRow {
  const f = new Map((d.content?.fields ?? []).map((x) => [x.key, x.text]));
  const get = (k: string) => (f.get(k) ?? '').trim();
  const name = get('partyName') || d.party || get('target');
  const labels = splitLabels(get('penaltyCategory'));
  const penaltyTypes = labels.map((l) => LABEL_TO_PENALTY.get(l)).filter((t): t is PenaltyType => t !== undefined);
  const fine = parseYuan(get('fineAmount'));
  const validity = get('validity');
  const remarks = [`公示页面：${sourceUrl}`];
  if (validity && !isCivilDate(validity)) remarks.push(`有效期限：${validity}`);
  const decision: CreditExportDecision = {
    party: publicParty(name, get('creditCode'), get('legalRepresentative')),
    decisionNumber: get('decisionNumber') || d.decisionNumber,
    violationType: get('violationType'),
    facts: get('facts'),
    legalBasis: get('legalBasis'),
    penaltyTypes,
    content: get('result') || get('conclusion'),
    ...(fine !== undefined ? { fineYuan: fine } : {}),
    decisionDate: d.decisionDate,
    ...(isCivilDate(validity) ? { validUntil: validity } : {}),
    ...(d.removeBy ? { publicationUntil: d.removeBy } : {}),
    agency: { name: d.agencyName, creditCode: d.agencyCreditCode },
  };
  let row: CreditExportRow;
  try {
    row = creditExportRow({ ...decision, remarks: remarks.join('；') });
  } catch (e) {
    if (!isAppError(e)) throw e;
    row = fallbackRow(decision, [...remarks, `数据项不完整：${e.userMessage}`]);
  }
  // Natural persons' ID numbers are not public: no 证件类型 without a number.
  if (!row['证件号码']) row['证件类型'] = '';
  // Labels the core does not know (typed by the clerk) still reach the platform as published.
  if (labels.length !== penaltyTypes.length) row['处罚类别'] = labels.join(CREDIT_MULTI_VALUE_SEPARATOR);
  return row;
}

/** The columns that need no validation, when the core refuses the decision. */
function fallbackRow(d: CreditExportDecision, remarks: string[]): CreditExportRow {
  const row = Object.fromEntries(CREDIT_EXPORT_COLUMNS.map((c) => [c, ''])) as CreditExportRow;
  const slash = (s: string | undefined) => (s ? s.replace(/-/g, '/') : '');
  row['行政相对人名称'] = d.party.name;
  row['行政相对人类别'] = d.party.kind === 'naturalPerson' ? '自然人' : d.party.kind === 'individualBusiness' ? '个体工商户' : '法人及非法人组织';
  row['统一社会信用代码'] = d.party.creditCode ?? '';
  row['法定代表人'] = d.party.legalRepresentative?.name ?? d.party.operator?.name ?? '';
  row['行政处罚决定书文号'] = d.decisionNumber;
  row['违法行为类型'] = d.violationType;
  row['违法事实'] = d.facts;
  row['处罚依据'] = d.legalBasis;
  row['处罚类别'] = d.penaltyTypes.map((t) => PENALTY_TYPE_LABELS[t]).join(CREDIT_MULTI_VALUE_SEPARATOR);
  row['处罚内容'] = d.content;
  if (d.fineYuan !== undefined) row['罚款金额（万元）'] = yuanToWan(d.fineYuan);
  row['处罚决定日期'] = slash(d.decisionDate);
  row['处罚有效期'] = slash(d.validUntil);
  row['公示截止期'] = slash(d.publicationUntil);
  row['处罚机关'] = d.agency.name;
  row['处罚机关统一社会信用代码'] = d.agency.creditCode;
  row['数据来源单位'] = d.agency.name;
  row['数据来源单位统一社会信用代码'] = d.agency.creditCode;
  row['备注'] = remarks.join('；');
  return row;
}
