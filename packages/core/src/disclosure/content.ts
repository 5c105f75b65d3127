/**
 * What a publication contains (PUB-3).
 *
 * A decision is published in full or as a summary (SX25-P 17; SX19-P 14;
 * GS-P 8). Every summary has 执法主体、执法对象、执法类别、执法结论、决定日期
 * (SX25-P 17; SX19-P 14; MEE19 一(三)1). On top of that, per action type:
 * - 行政处罚: decision number; the punished citizen's name, or the
 *   organisation's name, 统一社会信用代码 and legal representative; main
 *   facts; result and basis; deciding department and date (SX25-P 15;
 *   生态环境行政处罚办法 Art 62); GS-P 7(二), 8 add the decision's name,
 *   违法行为类型, 处罚类别, 罚款金额 and 有效期限; XX-P 9(一) adds the evidence
 *   (违法事实及证据) and 执行情况.
 * - 行政检查 (XX-P 9(三)): subject, target, basis, method, time, items,
 *   spot-check content, problems, rectification, outcome.
 * - 行政强制 (XX-P 9(二)): subject, the measure decided, method, result.
 * - 行政许可 (GS-P 7(一)): holder, permitting body, document name and
 *   number, category, licence name and number, content, date, validity.
 * A field is required when a document of the agency's profile chain (or the
 * national baseline) names it; fields named only by another province's
 * documents are listed as recommended (`required: false`) — publishing more
 * than the local rule asks is allowed, never less.
 */
import { isCivilDate } from '../calendar/civil-date.js';
import type { ActionType } from '../cases/action-types.js';
import { ACTION_TYPE_INFO } from '../cases/action-types.js';
import { type RuleMissing, formatBasis, ruleRef } from '../cases/citation.js';
import type { PartyKind } from '../cases/party.js';
import { checkCreditCode } from '../identity/identity.js';
import type { Citation, DocKey } from '../profiles/documents.js';
import type { ProfileId } from '../profiles/types.js';

/** Which parties a field applies to (credit code and legal representative only for organisations). */
type Applies = 'all' | 'organisation' | 'naturalPerson' | 'fine';

interface FieldDef {
  key: string;
  label: string;
  citations: readonly Citation[];
  applies?: Applies;
  /** Required under every profile (the date: every document dates a decision; the portal lists by it). */
  always?: boolean;
}

/** One field of a publication. */
export interface PublicationField {
  key: string;
  label: string;
  required: boolean;
  /** 'organisation': only when the party is an organisation or an individual business with a code; 'fine': only when a fine is imposed. */
  applies: Applies;
  citations: readonly Citation[];
  basis: string;
}

const SX25_17 = ruleRef('SX25-P', '17', undefined, '应当包括执法主体、执法对象、执法类别、执法结论、决定日期等内容');
const SX19_14 = ruleRef('SX19-P', '14', undefined, '应当包括执法主体、执法对象、执法类别、执法结论、决定日期等内容');
const MEE19_1 = ruleRef('MEE19', '一(三)1', undefined, '向社会公布执法机关、执法对象、执法类别、执法结论等信息');
const SUMMARY = [SX25_17, SX19_14, MEE19_1];
const SX15 = (item: string) => ruleRef('SX25-P', '15', item);
const EPPM62 = (item?: string): Citation => ({ ...ruleRef('EPPM', '62', item), confirm: true });
const GS7 = (item: string) => ruleRef('GS-P', '7', item);
const GS8 = ruleRef('GS-P', '8', undefined, '文号、名称、当事人姓氏或者名称、违法事实、法律依据、执法决定、执法主体名称、日期');
const XX9 = (item: string) => ruleRef('XX-P', '9', item);

const COMMON: readonly FieldDef[] = [
  { key: 'agency', label: '执法主体（作出决定的机关名称）', citations: SUMMARY },
  { key: 'target', label: '执法对象', citations: SUMMARY },
  { key: 'category', label: '执法类别', citations: SUMMARY },
  { key: 'conclusion', label: '执法结论', citations: SUMMARY },
  { key: 'decisionDate', label: '决定日期', citations: [SX25_17, SX19_14, GS8], always: true },
];

const BY_TYPE: Record<ActionType, readonly FieldDef[]> = {
  penalty: [
    { key: 'decisionNumber', label: '行政处罚决定书文号', citations: [SX15('（一）'), EPPM62(), GS7('（二）'), GS8] },
    { key: 'documentName', label: '决定书名称', citations: [GS8] },
    { key: 'partyName', label: '被处罚的公民姓名或者法人、其他组织名称', citations: [SX15('（二）'), EPPM62('（二）'), GS8] },
    { key: 'creditCode', label: '统一社会信用代码', citations: [SX15('（二）'), EPPM62('（二）')], applies: 'organisation' },
    { key: 'legalRepresentative', label: '法定代表人（负责人）姓名', citations: [SX15('（二）'), EPPM62('（二）')], applies: 'organisation' },
    { key: 'violationType', label: '违法行为类型', citations: [GS7('（二）')] },
    { key: 'facts', label: '主要违法事实', citations: [SX15('（三）'), EPPM62(), GS7('（二）'), GS8, XX9('（一）')] },
    { key: 'evidence', label: '主要证据', citations: [XX9('（一）')] },
    { key: 'penaltyCategory', label: '处罚类别', citations: [GS7('（二）')] },
    { key: 'result', label: '行政处罚结果（处罚内容）', citations: [SX15('（四）'), EPPM62(), GS7('（二）'), GS8, XX9('（一）')] },
    { key: 'legalBasis', label: '处罚依据', citations: [SX15('（四）'), EPPM62(), GS7('（二）'), GS8, XX9('（一）')] },
    { key: 'fineAmount', label: '罚款金额', citations: [GS7('（二）')], applies: 'fine' },
    { key: 'validity', label: '有效期限', citations: [GS7('（二）')] },
    { key: 'execution', label: '行政处罚决定执行情况', citations: [XX9('（一）')] },
  ],
  inspection: [
    { key: 'basis', label: '检查依据', citations: [XX9('（三）')] },
    { key: 'method', label: '检查方式', citations: [XX9('（三）')] },
    { key: 'inspectionTime', label: '检查时间', citations: [XX9('（三）')] },
    { key: 'items', label: '检查事项', citations: [XX9('（三）')] },
    { key: 'spotCheckContent', label: '抽查内容', citations: [XX9('（三）')] },
    { key: 'problems', label: '存在问题', citations: [XX9('（三）')] },
    { key: 'rectification', label: '整改情况', citations: [XX9('（三）')] },
    { key: 'outcome', label: '处理结果', citations: [XX9('（三）')] },
  ],
  coercion: [
    { key: 'measureDecision', label: '强制措施决定', citations: [XX9('（二）')] },
    { key: 'executionMethod', label: '执行方式', citations: [XX9('（二）')] },
    { key: 'executionResult', label: '执行结果', citations: [XX9('（二）')] },
  ],
  permit: [
    { key: 'documentName', label: '许可决定文书名称', citations: [GS7('（一）')] },
    { key: 'documentNumber', label: '许可决定文书号', citations: [GS7('（一）')] },
    { key: 'permitCategory', label: '许可类别', citations: [GS7('（一）')] },
    { key: 'licenceName', label: '许可证书名称', citations: [GS7('（一）')] },
    { key: 'licenceNumber', label: '许可编号', citations: [GS7('（一）')] },
    { key: 'permitContent', label: '许可内容', citations: [GS7('（一）')] },
    { key: 'validity', label: '有效期限', citations: [GS7('（一）')] },
  ],
  // 行政确认、行政登记 follow the application flow of permits (GS-R 2); no document lists their fields: the summary only.
  confirmation: [],
  registration: [],
};

const DOC_PROFILE: Partial<Record<DocKey, ProfileId>> = {
  'SX25-P': 'SX25',
  'SX19-P': 'SX19',
  'GS-P': 'GS19',
  'XX-P': 'XX19',
  MEE19: 'national',
  EPPM: 'national',
  APL: 'national',
};

const CHAIN: Record<ProfileId, readonly ProfileId[]> = {
  national: ['national'],
  SX19: ['SX19', 'national'],
  SX25: ['SX25', 'SX19', 'national'],
  GS19: ['GS19', 'national'],
  XX19: ['XX19', 'national'],
};

function requiredUnder(citations: readonly Citation[], profile: ProfileId | undefined): boolean {
  if (!profile) return true;
  return citations.some((c) => {
    const p = DOC_PROFILE[c.doc];
    return p !== undefined && CHAIN[profile].includes(p);
  });
}

/**
 * The fields of a publication summary for `actionType`. Without a profile
 * every field is required (the union of all documents); with one, fields
 * named only by documents outside its chain are `required: false`.
 */
export function publicationFields(actionType: ActionType, options: { profile?: ProfileId } = {}): PublicationField[] {
  const defs = [...COMMON, ...(BY_TYPE[actionType] ?? [])];
  const byKey = new Map<string, FieldDef>();
  for (const d of defs) {
    const prev = byKey.get(d.key);
    byKey.set(d.key, prev ? { ...prev, citations: [...prev.citations, ...d.citations], always: prev.always === true || d.always === true } : d);
  }
  return [...byKey.values()].map((d) => ({
    key: d.key,
    label: d.label,
    required: d.always === true || requiredUnder(d.citations, options.profile),
    applies: d.applies ?? 'all',
    citations: d.citations,
    basis: formatBasis(d.citations),
  }));
}

/** A publication as entered by the disclosure clerk (录入员). */
export interface PublicationContent {
  actionType: ActionType;
  /** 'full': the decision itself (with `fullText`); 'summary': the fields. */
  form: 'summary' | 'full';
  partyKind: PartyKind;
  /** Keys of `publicationFields`; empty strings count as missing. */
  fields: Readonly<Record<string, string | number | null | undefined>>;
  /** Penalty types imposed (cases/penalty-types.ts), to know whether 罚款金额 applies. */
  penaltyTypes?: readonly string[];
  fullText?: string;
  profile?: ProfileId;
}

function absent(v: string | number | null | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * What a publication lacks (PUB-3): missing required fields (a summary), a
 * missing text (a full publication), an invalid date or credit code. Empty
 * when complete. Fields that are only recommended under the profile are not
 * reported.
 */
export function checkPublication(content: PublicationContent): RuleMissing[] {
  const missing: RuleMissing[] = [];
  const isOrg = content.partyKind !== 'naturalPerson';
  const hasFine = (content.penaltyTypes ?? []).includes('fine');
  if (!Object.prototype.hasOwnProperty.call(ACTION_TYPE_INFO, content.actionType)) {
    return [{ kind: 'field', label: '执法类别', reason: `未知的执法类别“${String(content.actionType)}”`, id: 'actionType' }];
  }
  const fields = publicationFields(content.actionType, content.profile ? { profile: content.profile } : {});
  if (content.form === 'full') {
    if (absent(content.fullText)) missing.push({ kind: 'field', label: '决定书全文', reason: '以全文方式公开的，须提供经隐去处理的决定书全文', id: 'fullText', basis: formatBasis([SX25_17, SX19_14]) });
    // a full publication still needs what the portal lists and sorts by
    for (const key of ['agency', 'decisionDate', ...(content.actionType === 'penalty' ? ['decisionNumber'] : [])]) {
      const f = fields.find((x) => x.key === key);
      if (f && absent(content.fields[key])) missing.push({ kind: 'field', label: f.label, reason: `缺少${f.label}`, id: key, basis: f.basis });
    }
  } else {
    for (const f of fields) {
      if (!f.required) continue;
      if (f.applies === 'organisation' && !isOrg) continue;
      if (f.applies === 'fine' && !hasFine) continue;
      // an individual business registered before 2016 may have no credit code (cases/party.ts)
      if (f.key === 'creditCode' && content.partyKind === 'individualBusiness' && absent(content.fields.creditCode)) continue;
      if (absent(content.fields[f.key])) missing.push({ kind: 'field', label: f.label, reason: `摘要缺少${f.label}`, id: f.key, basis: f.basis });
    }
  }
  const date = content.fields.decisionDate;
  if (!absent(date) && !(typeof date === 'string' && isCivilDate(date))) {
    missing.push({ kind: 'field', label: '决定日期', reason: '决定日期应为 YYYY-MM-DD', id: 'decisionDate' });
  }
  const code = content.fields.creditCode;
  if (isOrg && typeof code === 'string' && code.trim() !== '') {
    const r = checkCreditCode(code);
    if (!r.ok) missing.push({ kind: 'field', label: '统一社会信用代码', reason: `“${code}”无效：${r.reason}`, id: 'creditCode', basis: 'NAT-13 · GB 32100' });
  }
  return missing;
}
