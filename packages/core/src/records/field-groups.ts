/**
 * Field constructors and the groups of fields many documents share, so each
 * template in the catalogue reads like the form it describes.
 */
import type { FieldOption, FieldSpec } from './fields.js';

type Opts = Omit<FieldSpec, 'key' | 'label' | 'type'>;

const field =
  (type: FieldSpec['type']) =>
  (key: string, label: string, opts: Opts = {}): FieldSpec => ({ key, label, type, ...opts });

export const text = field('text');
export const longText = field('longText');
export const date = field('date');
export const dateTime = field('dateTime');
export const bool = field('boolean');
export const integer = field('integer');
export const money = field('money');
export const textList = field('textList');
export const creditCode = field('creditCode');
export const idNumber = field('idNumber');

export function choice(key: string, label: string, options: readonly FieldOption[], opts: Opts = {}): FieldSpec {
  return { key, label, type: 'choice', options, ...opts };
}

export function choiceList(key: string, label: string, options: readonly FieldOption[], opts: Opts = {}): FieldSpec {
  return { key, label, type: 'choiceList', options, ...opts };
}

/** Options from a label map, e.g. PENALTY_TYPE_LABELS. */
export function optionsOf(labels: Readonly<Record<string, string>>): FieldOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

const REQ = { required: true } as const;

/** 当事人 (NAT-7 · 行政处罚法 Art 59(一): name and address). */
export const PARTY = [
  text('partyName', '当事人姓名或者名称', REQ),
  text('partyAddress', '当事人地址', REQ),
  creditCode('partyCreditCode', '统一社会信用代码', { rule: 'NAT-13' }),
  idNumber('partyIdNumber', '居民身份证号码', { rule: 'NAT-13' }),
  text('legalRepresentative', '法定代表人（负责人）'),
] as const;

/** Party name only (applications, lists). */
export const PARTY_NAME = [text('partyName', '当事人姓名或者名称', REQ)] as const;

/** When and where a record was made (REC-8 · SX25-R 11(一)). */
export const TIME_AND_PLACE = [
  dateTime('startAt', '开始时间', REQ),
  dateTime('endAt', '结束时间', REQ),
  text('place', '地点', REQ),
] as const;

/**
 * Officers and what they showed and said (DUR-1 · SX25-P 11, 12; GS-R 22(六);
 * DUR-2 · SX25-P 12; GS-P 6(三); REC-5 · GS-R 4(二)).
 */
export const OFFICERS_AND_NOTICE = [
  textList('officerNames', '执法人员', { required: true, minItems: 2, rule: 'REC-5 · GS-R 4(二)' }),
  textList('certificateNumbers', '出示的执法证号', { required: true, minItems: 2, rule: 'DUR-1 · GS-R 22(六)' }),
  bool('certificateShown', '已出示执法证件、表明身份', { required: true, mustBeTrue: true, rule: 'DUR-1 · SX25-P 12' }),
  bool('rightsNoticeGiven', '已告知执法事由、依据、权利义务和救济途径', { required: true, mustBeTrue: true, rule: 'DUR-2 · SX25-P 12' }),
  longText('rightsNoticeContent', '告知内容', { rule: 'DUR-2' }),
] as const;

/**
 * Signatures on a record made with the party present — the person by the
 * record's own term (被检查人 on a 现场检查笔录, 被询问人 on a 询问笔录, issue 15) (REC-5 · GS-R 4(二):
 * officers and the party sign). When the party refuses, the refusal is noted
 * and a witness signs — the digest's rule; GS-R 4 itself is silent on a
 * refusal, so the witness mirrors GS-R 38 (refused service).
 */
export function signaturesWithWitness(person: string) {
  return [
    bool('officersSigned', '执法人员已签名', { required: true, mustBeTrue: true, rule: 'REC-5 · GS-R 4(二)' }),
    bool('partySigned', `${person}已签名确认`, { rule: 'REC-5 · GS-R 4(二)' }),
    bool('partyRefused', `${person}拒绝签名`, { rule: 'REC-5' }),
    text('refusalNote', '拒绝签名情况', { requiredWhen: { field: 'partyRefused', equals: true }, rule: 'REC-5' }),
    text('witnessName', '见证人姓名', { requiredWhen: { field: 'partyRefused', equals: true }, rule: 'REC-5' }),
    bool('witnessSigned', '见证人已签名', { requiredWhen: { field: 'partyRefused', equals: true }, mustBeTrue: true, rule: 'REC-5' }),
  ] as const;
}

/** The fields of the signatures above: printed as signature lines, not as 是/否 (issue 15). */
export const SIGNATURE_FIELD_KEYS: ReadonlySet<string> = new Set(['officersSigned', 'partySigned', 'partyRefused', 'refusalNote', 'witnessName', 'witnessSigned']);

/** Audio-video records that corroborate the written one (REC-26 · SX25-R 10; REC-15 numbers). */
export const AV_REFERENCES = [textList('avRecordRefs', '相关音像记录编号', { rule: 'REC-26 · SX25-R 10' })] as const;

/** A document issued to the party: number, agency, date, seal (REC-15; 行政处罚法 Art 59 ¶2). */
export const ISSUE = [
  text('documentNumber', '文号', { required: 'onIssue', rule: 'REC-15 · SX25-R 20' }),
  text('agencyName', '作出机关', REQ),
  date('issueDate', '作出日期', { required: 'onIssue' }),
  bool('sealAffixed', '已加盖机关印章', { required: 'onIssue', mustBeTrue: true }),
] as const;

/** Remedies as free text (复议、诉讼途径和期限), for documents outside NAT-7's structured check. */
export const REMEDIES = [longText('remedies', '申请行政复议、提起行政诉讼的途径和期限', { required: true, rule: 'DUR-2 · SX25-P 12' })] as const;

/** Internal approval (审批). */
export const APPROVAL = [
  text('approver', '审批人', REQ),
  longText('approvalOpinion', '审批意见', REQ),
  date('approvedOn', '审批日期', REQ),
] as const;
