/**
 * The content of a document (文书) laid out once, as a list of blocks that both
 * the Word export (docx.ts) and the print view (html.ts) render — so the two
 * can never say different things.
 *
 * Most kinds are laid out generically from their field schema (REC-2 · SX25-R 8:
 * unified formats): label and value per field, in field order. Two kinds have
 * the structure the law prescribes:
 * - 行政处罚决定书: the items of 行政处罚法 Art 59 as numbered paragraphs, in
 *   the statute's order (NAT-7);
 * - 送达回证: a form table (REC-25 · GS-R 37, 38).
 */
import { SIGNATURE_FIELD_KEYS, isAbsent, isRequired, type DocumentFieldValues, type DocumentKindSpec, type DocumentStatus, type FieldSpec } from '@sanxiang/core';
import { chineseDate, chineseDateTime, chineseOrdinal, clause, formatMoney, formatScalar, listItems, paragraphsOf } from './format.js';

/** What a document is rendered from: one stored version plus its context. */
export interface RenderInput {
  kind: DocumentKindSpec;
  fields: DocumentFieldValues;
  /** 文号 of an issued document, or the number inside the case of a record (REC-15); falls back to the `documentNumber` field. */
  number?: string | null;
  /** The issuing agency: the first title line, and the signature when the kind has no 作出机关 field. */
  agencyName: string;
  /** 案件编号, printed on records made inside a case (REC-15). */
  caseNumber?: string | null;
  /** 1 for the original, +1 per correction (REC-16). */
  version: number;
  status: DocumentStatus;
  /** 更正理由 of a correction (REC-16 · SX25-R 22). */
  correctionReason?: string | null;
  /** 当事人 from the case, used when the fields do not name the party. */
  partyName?: string;
  /** Extra text laid over every page, e.g. who downloaded the copy. */
  watermark?: string;
}

/** One piece of the body, in reading order. */
export type Block =
  /** A heading in 黑体 (an item of a decision, or the label of a long field). */
  | { type: 'heading'; text: string }
  /** Body text, first line indented two characters. */
  | { type: 'paragraph'; text: string }
  /** One `label：value` line, flush left (当事人：…). */
  | { type: 'field'; label: string; value: string }
  /** A table; `header` is a header row; `widths` are percentages of the text width. */
  | { type: 'table'; header: string[] | null; rows: string[][]; widths: number[]; rowHeaders?: boolean };

export interface DocumentLayout {
  agencyName: string;
  /** The kind's name (行政处罚决定书). */
  title: string;
  number: string | null;
  caseNumber: string | null;
  /** A draft carries a visible 草稿 mark (not yet an original, REC-16). */
  draft: boolean;
  /** e.g. 草稿（未签发，不得作为正式文书使用）. */
  draftNote: string | null;
  /** e.g. 本文书为第2版，更正第1版；更正理由：…  (REC-16). */
  correctionNote: string | null;
  blocks: Block[];
  /** The signature and seal block at the end; null for a form signed in its own rows (送达回证). */
  signature: { agencyName: string; date: string | null; seal: boolean } | null;
  /** Text laid diagonally over every page, or null. */
  watermark: string | null;
  partyName: string | null;
  /** Page numbers: 「— 1 —」 on documents issued (GB/T 9704 §7.5), 「第 1 页 共 2 页」 on records signed page by page. */
  pageNumbers: 'gbt9704' | 'ofTotal';
}

/** Fields placed in the heading (文号) and the signature block (机关、日期、印章), not in the body. */
const PLACED_FIELDS = new Set(['documentNumber', 'agencyName', 'issueDate', 'sealAffixed']);

/** Placeholders for a value still missing: a draft is being written; elsewhere it shows a gap. */
function placeholder(status: DocumentStatus): string {
  return status === 'draft' ? '（待填写）' : '（未填写）';
}

// XML 1.0 forbids most control characters and lone surrogates; Word refuses a file that has them.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe for both outputs. */
export function cleanText(s: string): string {
  return s.replace(INVALID_XML, '');
}

/** A single-line value: line breaks become spaces. */
function oneLine(s: string): string {
  return cleanText(s).replace(/\s*\r?\n\s*/g, ' ').trim();
}

function stringField(fields: DocumentFieldValues, key: string): string | null {
  const v = fields[key];
  return typeof v === 'string' && v.trim() !== '' ? oneLine(v) : null;
}

/** The date the signature block carries: 作出日期, else the record's own date. */
function documentDate(kind: DocumentKindSpec, fields: DocumentFieldValues): string | null {
  const issue = fields.issueDate;
  if (typeof issue === 'string' && issue !== '') return chineseDate(issue);
  // The last date of the record (审批日期, 报告日期 …; not a validity period).
  const dates = kind.fields.filter((f) => f.type === 'date' && f.key !== 'validUntil' && typeof fields[f.key] === 'string' && fields[f.key] !== '');
  const lastDate = dates[dates.length - 1];
  if (lastDate) return chineseDate(fields[lastDate.key] as string);
  // A record made at a time (笔录): the day it ended.
  const times = kind.fields.filter((f) => f.type === 'dateTime' && typeof fields[f.key] === 'string' && fields[f.key] !== '');
  const lastTime = times[times.length - 1];
  if (lastTime) return chineseDateTime(fields[lastTime.key] as string).replace(/日.*$/, '日');
  return null;
}

/** Whether the field will have to be filled before the document is final. */
function dueForFinal(kind: DocumentKindSpec, spec: FieldSpec, fields: DocumentFieldValues): boolean {
  return isRequired(spec, fields, kind.finalStatus);
}

/** A list as a numbered table; officers get their certificate numbers beside them (DUR-1 · GS-R 22(六)). */
function listTable(kind: DocumentKindSpec, spec: FieldSpec, fields: DocumentFieldValues): Block {
  const items = listItems(spec, fields[spec.key]).map(cleanText);
  const certSpec = spec.key === 'officerNames' ? kind.fields.find((f) => f.key === 'certificateNumbers') : undefined;
  if (certSpec) {
    const certs = listItems(certSpec, fields.certificateNumbers).map(cleanText);
    const n = Math.max(items.length, certs.length);
    const rows = Array.from({ length: n }, (_, i) => [String(i + 1), items[i] ?? '', certs[i] ?? '']);
    return { type: 'table', header: ['序号', spec.label, certSpec.label], rows, widths: [14, 40, 46] };
  }
  return { type: 'table', header: ['序号', spec.label], rows: items.map((it, i) => [String(i + 1), it]), widths: [14, 86] };
}

/** Label and value per field, in field order (REC-2). */
function genericBlocks(kind: DocumentKindSpec, fields: DocumentFieldValues, status: DocumentStatus): Block[] {
  const blocks: Block[] = [];
  const hasOfficers = kind.fields.some((f) => f.key === 'officerNames');
  const signed = hasSignatureLines(kind);
  for (const spec of kind.fields) {
    if (PLACED_FIELDS.has(spec.key)) continue;
    if (spec.key === 'certificateNumbers' && hasOfficers) continue; // shown beside the officers
    if (signed && SIGNATURE_FIELD_KEYS.has(spec.key)) continue; // printed as signature lines below
    const v = fields[spec.key];
    if (isAbsent(v)) {
      if (!dueForFinal(kind, spec, fields)) continue;
      if (spec.type === 'longText' || spec.type === 'textList') {
        blocks.push({ type: 'heading', text: spec.label }, { type: 'paragraph', text: placeholder(status) });
      } else {
        blocks.push({ type: 'field', label: spec.label, value: placeholder(status) });
      }
      continue;
    }
    if (spec.type === 'longText' && typeof v === 'string') {
      blocks.push({ type: 'heading', text: spec.label });
      for (const p of paragraphsOf(cleanText(v))) blocks.push({ type: 'paragraph', text: p });
    } else if (spec.type === 'textList') {
      blocks.push({ type: 'heading', text: spec.label }, listTable(kind, spec, fields));
    } else {
      blocks.push({ type: 'field', label: spec.label, value: oneLine(formatScalar(spec, v)) });
    }
  }
  if (signed) blocks.push(...signatureLines(kind, fields));
  return blocks;
}

/** A record signed by the people present has lines to sign on, not 「已签名：是」 (issue 15 item 8). */
function hasSignatureLines(kind: DocumentKindSpec): boolean {
  return kind.finalStatus === 'signed' && kind.fields.some((f) => f.key === 'officersSigned' || f.key === 'partySigned');
}

const DATE_LINE = '　　年　 月　 日';

/**
 * REC-5 · GS-R 4(二): officers and the person the record is about sign it (the
 * person by the record's own term, from its 已签名 field: 被检查人, 被询问人,
 * 当事人（代理人）); a refusal is noted and the witness signs. One line per
 * officer named (at least two, REC-5), each with its date, 签名（捺印）.
 */
function signatureLines(kind: DocumentKindSpec, fields: DocumentFieldValues): Block[] {
  const has = (key: string) => kind.fields.some((f) => f.key === key);
  const partySpec = kind.fields.find((f) => f.key === 'partySigned');
  const person = partySpec ? partySpec.label.replace(/已签(名|字).*$/, '') : null;
  const rows: string[][] = [];
  if (kind.key === 'inquiryRecord') rows.push([`${person ?? '被询问人'}核对意见`, '以上笔录已阅（已向我宣读），与我所说相符。', '']);
  if (person) {
    const refused = fields.partyRefused === true;
    const note = stringField(fields, 'refusalNote');
    rows.push([`${person}签名（捺印）`, refused ? `拒绝签名${note ? `：${note}` : ''}` : '', DATE_LINE]);
  }
  if (has('officersSigned')) {
    const officers = Array.isArray(fields.officerNames) ? fields.officerNames.length : 0;
    for (let i = 0; i < Math.max(2, officers); i++) rows.push(['执法人员签名', '', DATE_LINE]);
  }
  if (has('witnessName') && (fields.partyRefused === true || stringField(fields, 'witnessName'))) {
    const witness = stringField(fields, 'witnessName');
    rows.push(['见证人签名', witness ? `（${witness}）` : '', DATE_LINE]);
  }
  return [{ type: 'heading', text: '签名' }, { type: 'table', header: null, rows, widths: [32, 36, 32], rowHeaders: true }];
}

/**
 * NAT-7 · 行政处罚法 Art 59: the decision states, in this order, (一) the
 * party's name and address, (二) the facts and the evidence, (三) the kind of
 * penalty and its basis, (四) how and by when it is to be performed, (五) how
 * and within what time to apply for 行政复议 (行政复议法 Art 20: 60 days) or
 * bring 行政诉讼 (行政诉讼法 Art 46: 6 months), (六) the agency and the date —
 * the last in the signature block, under the seal (Art 59 ¶2).
 */
function penaltyDecisionBlocks(kind: DocumentKindSpec, fields: DocumentFieldValues, status: DocumentStatus, partyName: string | null): Block[] {
  const spec = (key: string) => kind.fields.find((f) => f.key === key);
  const gap = placeholder(status);
  const text = (key: string): string => {
    const s = spec(key);
    const v = fields[key];
    return s && !isAbsent(v) ? oneLine(formatScalar(s, v)) : gap;
  };
  const long = (key: string): string[] => {
    const v = fields[key];
    return typeof v === 'string' && v.trim() !== '' ? paragraphsOf(cleanText(v)) : [gap];
  };
  // 你单位 for an organisation (统一社会信用代码), 你 for a person (身份证号码).
  const you = stringField(fields, 'partyCreditCode') ? '你单位' : stringField(fields, 'partyIdNumber') ? '你' : '你（单位）';

  const blocks: Block[] = [];
  // (一) 当事人的姓名或者名称、地址, with the identifiers the form holds.
  blocks.push({ type: 'field', label: '当事人', value: stringField(fields, 'partyName') ?? partyName ?? gap });
  for (const key of ['partyCreditCode', 'partyIdNumber', 'legalRepresentative']) {
    const s = spec(key);
    const v = stringField(fields, key);
    if (s && v) blocks.push({ type: 'field', label: s.label, value: v });
  }
  blocks.push({ type: 'field', label: '地址', value: text('partyAddress') });

  // (二) 违反法律、法规、规章的事实和证据.
  let item = 0;
  const heading = (t: string) => blocks.push({ type: 'heading', text: `${chineseOrdinal(++item)}、${t}` });
  heading('违法事实和证据');
  blocks.push({ type: 'paragraph', text: `经本机关调查，查明${you}存在以下违法事实：` });
  for (const p of long('facts')) blocks.push({ type: 'paragraph', text: p });
  const evidence = spec('evidence') ? listItems(spec('evidence') as FieldSpec, fields.evidence).map(oneLine) : [];
  blocks.push({ type: 'paragraph', text: '以上事实，有下列证据为证：' });
  if (evidence.length === 0) blocks.push({ type: 'paragraph', text: gap });
  evidence.forEach((e, i) => blocks.push({ type: 'paragraph', text: `${i + 1}．${clause(e)}。` }));

  // (三) 行政处罚的种类和依据.
  heading('行政处罚的种类和依据');
  const types = text('penaltyTypes');
  blocks.push({ type: 'paragraph', text: `依据${clause(text('legalBasis'))}的规定，本机关决定对${you}给予${clause(types)}的行政处罚：` });
  for (const p of long('penaltyContent')) blocks.push({ type: 'paragraph', text: p });
  const fine = fields.fineAmount;
  const hasFine = typeof fine === 'number' && fine > 0;
  if (hasFine) blocks.push({ type: 'paragraph', text: `罚款金额：${formatMoney(fine)}。` });

  // (四) 行政处罚的履行方式和期限.
  heading('履行方式和期限');
  blocks.push({ type: 'paragraph', text: `履行方式：${clause(text('performanceManner'))}。` });
  blocks.push({ type: 'paragraph', text: `履行期限：${clause(text('performanceDeadline'))}。` });
  if (hasFine) {
    // 行政处罚法 Art 72(一)(四): what follows a fine not paid on time.
    blocks.push({
      type: 'paragraph',
      text: '到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额，并可以依法申请人民法院强制执行。',
    });
  }

  // (五) 申请行政复议、提起行政诉讼的途径和期限.
  heading('申请行政复议或者提起行政诉讼的途径和期限');
  blocks.push({
    type: 'paragraph',
    text:
      `${you}如不服本处罚决定，可以自收到本决定书之日起${text('reconsiderationDays')}日内向${clause(text('reconsiderationBody'))}申请行政复议，` +
      `也可以自收到本决定书之日起${text('litigationMonths')}个月内向${clause(text('litigationCourt'))}提起行政诉讼。`,
  });
  // 行政处罚法 Art 73: review or suit does not suspend the penalty.
  blocks.push({ type: 'paragraph', text: '申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。' });
  return blocks;
}

/** REC-25 · GS-R 37, 38: the 送达回证 is a form — every row printed, signed on paper. */
function serviceReceiptBlocks(kind: DocumentKindSpec, fields: DocumentFieldValues): Block[] {
  const rows = kind.fields.map((spec) => {
    const v = fields[spec.key];
    return [spec.label, isAbsent(v) ? '' : oneLine(formatScalar(spec, v))];
  });
  return [{ type: 'table', header: null, rows: [...rows, ['备注', '']], widths: [34, 66], rowHeaders: true }];
}

/** Lays out a document version for rendering. */
export function buildLayout(input: RenderInput): DocumentLayout {
  const { kind, fields, status } = input;
  const partyName = stringField(fields, 'partyName') ?? (input.partyName ? oneLine(input.partyName) : null);
  const number = input.number?.trim() ? oneLine(input.number) : stringField(fields, 'documentNumber');
  const draft = status === 'draft';

  const isForm = kind.key === 'serviceReceipt';
  let blocks: Block[];
  if (kind.key === 'penaltyDecision' || kind.checks.includes('nat7')) blocks = penaltyDecisionBlocks(kind, fields, status, partyName);
  else if (isForm) blocks = serviceReceiptBlocks(kind, fields);
  else blocks = genericBlocks(kind, fields, status);

  const reason = input.correctionReason?.trim() ? oneLine(input.correctionReason) : null;
  const correctionNote =
    input.version > 1 ? `本文书为第${input.version}版，更正第${input.version - 1}版${reason ? `；更正理由：${clause(reason)}` : ''}` : null;

  const watermarks = [draft ? '草稿' : null, input.watermark?.trim() ? oneLine(input.watermark) : null].filter((w): w is string => w !== null);
  const agencyName = oneLine(input.agencyName);
  return {
    agencyName,
    title: cleanText(kind.name),
    number,
    // REC-15: records are numbered inside their case; issued documents carry their 文号 instead.
    caseNumber: kind.finalStatus === 'signed' && input.caseNumber?.trim() ? oneLine(input.caseNumber) : null,
    draft,
    draftNote: draft ? `草稿（${kind.finalStatus === 'issued' ? '未签发' : '未签署'}，不得作为正式文书使用）` : null,
    correctionNote,
    blocks,
    signature: isForm
      ? null
      : {
          agencyName: stringField(fields, 'agencyName') ?? agencyName,
          date: documentDate(kind, fields),
          // 行政处罚法 Art 59 ¶2 and every issued document: the agency's seal over name and date.
          seal: kind.finalStatus === 'issued' || kind.fields.some((f) => f.key === 'sealAffixed'),
        },
    watermark: watermarks.length > 0 ? watermarks.join('　') : null,
    partyName,
    pageNumbers: kind.finalStatus === 'signed' ? 'ofTotal' : 'gbt9704',
  };
}
