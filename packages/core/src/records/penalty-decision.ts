/**
 * NAT-7 · 行政处罚法 Art 59: what a 行政处罚决定书 must state. Issuing a
 * decision without any of these items is refused (the server turns the
 * result into an error).
 *
 *   (一) 当事人的姓名或者名称、地址
 *   (二) 违反法律、法规、规章的事实和证据
 *   (三) 行政处罚的种类和依据
 *   (四) 行政处罚的履行方式和期限
 *   (五) 申请行政复议、提起行政诉讼的途径和期限
 *   (六) 作出行政处罚决定的行政机关名称和作出决定的日期
 *   第二款 必须盖有作出行政处罚决定的行政机关的印章
 *
 * The remedy periods are checked as numbers: 行政复议 at least 60 days
 * (行政复议法 Art 20) and 行政诉讼 at least 6 months (行政诉讼法 Art 46); a
 * shorter stated period would mislead the party. Those two laws are not in the
 * profiles' document list, so the citation is Art 59(五) with the periods in
 * the text.
 */
import { isCivilDate } from '../calendar/civil-date.js';
import { type RuleCheck, type RuleMissing, formatBasis, ruleRef } from '../cases/citation.js';
import { isPenaltyType } from '../cases/penalty-types.js';
import { isAbsent, type DocumentFieldValues } from './fields.js';

interface Nat7Item {
  item: string;
  label: string;
  /** Field key → Chinese name of what is missing; checked for presence. */
  fields: Readonly<Record<string, string>>;
}

export const NAT7_ITEMS: readonly Nat7Item[] = [
  { item: '（一）', label: '当事人的姓名或者名称、地址', fields: { partyName: '当事人姓名或者名称', partyAddress: '当事人地址' } },
  { item: '（二）', label: '违法事实和证据', fields: { facts: '违法事实', evidence: '证据' } },
  { item: '（三）', label: '行政处罚的种类和依据', fields: { penaltyTypes: '处罚种类', penaltyContent: '处罚内容', legalBasis: '处罚依据' } },
  { item: '（四）', label: '行政处罚的履行方式和期限', fields: { performanceManner: '履行方式', performanceDeadline: '履行期限' } },
  {
    item: '（五）',
    label: '申请行政复议、提起行政诉讼的途径和期限',
    fields: { reconsiderationBody: '行政复议机关', reconsiderationDays: '复议期限', litigationCourt: '管辖法院', litigationMonths: '诉讼期限' },
  },
  { item: '（六）', label: '作出决定的行政机关名称和日期', fields: { agencyName: '作出机关', issueDate: '作出日期' } },
];

/** 行政复议法 Art 20: 60 days; 行政诉讼法 Art 46: 6 months. */
export const MIN_RECONSIDERATION_DAYS = 60;
export const MIN_LITIGATION_MONTHS = 6;

const basisOf = (item: string) => formatBasis([ruleRef('APL', '59', item)]);

/** NAT-7: every item of 行政处罚法 Art 59 present and the seal affixed. */
export function checkPenaltyDecision(fields: DocumentFieldValues): RuleCheck {
  const missing: RuleMissing[] = [];
  const add = (label: string, reason: string, id: string, item: string) =>
    missing.push({ kind: 'field', label, reason, id, basis: basisOf(item) });

  for (const it of NAT7_ITEMS) {
    const absent = Object.entries(it.fields).filter(([k]) => isAbsent(fields[k]));
    if (absent.length > 0) add(it.label, `缺少：${absent.map(([, name]) => name).join('、')}`, absent[0]?.[0] ?? '', it.item);
  }

  // (三) the types must be known; a fine needs its amount.
  const types = fields.penaltyTypes;
  if (Array.isArray(types) && types.length > 0) {
    const unknown = types.filter((t) => typeof t !== 'string' || !isPenaltyType(t));
    if (unknown.length > 0) add('行政处罚的种类和依据', `未知的处罚种类：${unknown.join('、')}`, 'penaltyTypes', '（三）');
    const fine = fields.fineAmount;
    if (types.includes('fine') && !(typeof fine === 'number' && fine > 0)) add('行政处罚的种类和依据', '处以罚款的，须载明罚款金额', 'fineAmount', '（三）');
  }

  // (五) periods no shorter than the law gives.
  const days = fields.reconsiderationDays;
  if (!isAbsent(days) && !(typeof days === 'number' && days >= MIN_RECONSIDERATION_DAYS)) {
    add('申请行政复议、提起行政诉讼的途径和期限', `申请行政复议的期限应为${MIN_RECONSIDERATION_DAYS}日（行政复议法第二十条），载明为 ${String(days)}`, 'reconsiderationDays', '（五）');
  }
  const months = fields.litigationMonths;
  if (!isAbsent(months) && !(typeof months === 'number' && months >= MIN_LITIGATION_MONTHS)) {
    add('申请行政复议、提起行政诉讼的途径和期限', `提起行政诉讼的期限应为${MIN_LITIGATION_MONTHS}个月（行政诉讼法第四十六条），载明为 ${String(months)}`, 'litigationMonths', '（五）');
  }

  // (六) a real date.
  const issueDate = fields.issueDate;
  if (!isAbsent(issueDate) && !(typeof issueDate === 'string' && isCivilDate(issueDate))) {
    add('作出决定的行政机关名称和日期', '作出日期应为 YYYY-MM-DD', 'issueDate', '（六）');
  }

  // 第二款: the seal.
  if (fields.sealAffixed !== true) add('行政机关印章', '须加盖作出行政处罚决定的行政机关的印章', 'sealAffixed', '第二款');

  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}
