/**
 * 事前公开 ex-ante disclosure (ORG-3..ORG-6, ORG-8, INS-1, INS-3): what an
 * agency publishes before it acts — its legal bases, lists, procedures, the
 * parties' rights and the channels of complaint — section by section, each
 * entered by the disclosure clerk and approved by another person before it
 * goes online.
 *
 * One spec per section drives the server's checks, the console's editor and
 * the portal's rendering. Two sections are not entered but generated: the
 * 重大执法决定法制审核目录清单 from the catalogue in force (REV-2) and the
 * 音像记录事项清单 from the agency's profile (REC-6, REC-7). Pure functions:
 * no I/O, no clock; the calendar and the profile are arguments.
 */
import { mergeProvisional, type ProvisionalMark } from '../calendar/statutory.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { isCivilDate } from '../calendar/civil-date.js';
import { AppError } from '../errors.js';
import { SENSITIVE_KIND_LABELS, type SensitiveKind } from './basis.js';
import { formatCitation } from '../profiles/documents.js';
import { formatDeadline, previewDeadline } from '../profiles/rules.js';
import type { ProfileId, ResolvedProfile } from '../profiles/types.js';
import { MAJOR_CRITERION_LABELS, MEASURE_LABELS } from '../profiles/vocabulary.js';
import type { ReviewCatalogue } from '../review/catalogue.js';

// ── Sections and their fields ──

export const EXANTE_SECTIONS = [
  'legalBases',
  'powers',
  'enforcementItems',
  'randomInspections',
  'reviewCatalogue',
  'avItems',
  'procedures',
  'rights',
  'supervision',
  'serviceItems',
  'enterpriseInspections',
] as const;
/** A section (栏目) of an agency's ex-ante information. */
export type ExAnteSection = (typeof EXANTE_SECTIONS)[number];

export function isExAnteSection(s: string): s is ExAnteSection {
  return (EXANTE_SECTIONS as readonly string[]).includes(s);
}

export type ExAnteFieldType = 'text' | 'longText' | 'choice' | 'date' | 'percent' | 'positiveInt' | 'frequency' | 'lines' | 'postcode' | 'phone' | 'email' | 'url';

export interface ExAnteField {
  key: string;
  label: string;
  type: ExAnteFieldType;
  required: boolean;
  /** Choices of a 'choice' field. */
  options?: readonly string[];
  /** Largest value of a number field. */
  maxValue?: number;
  /** Fewest entries of a 'lines' field. */
  minItems?: number;
  /** Help text for the clerk. */
  hint?: string;
  /** How a number reads on the portal: '{value}' is replaced, e.g. '每户每年不超过{value}次'. */
  template?: string;
}

export interface ExAnteSectionSpec {
  key: ExAnteSection;
  label: string;
  /** Requirement ids the section answers. */
  requirements: readonly string[];
  /** Articles, for the console and the portal. */
  basis: string;
  description: string;
  source: 'entered' | 'generated';
  /** What a generated section is built from. */
  generatedFrom?: string;
  /** The noun of one row, e.g. '事项'. */
  rowLabel?: string;
  /** Columns of the section's list (rows). */
  rows?: readonly ExAnteField[];
  minRows?: number;
  /** Single fields of the section (besides the rows). */
  fields?: readonly ExAnteField[];
}

/** Periods of a random-inspection frequency (抽查频次). */
export const FREQUENCY_PERIOD_LABELS = { year: '每年', halfYear: '每半年', quarter: '每季度', month: '每月' } as const;
export type FrequencyPeriod = keyof typeof FREQUENCY_PERIOD_LABELS;
export interface Frequency {
  per: FrequencyPeriod;
  times: number;
}

/** Kinds of enforcement power (GS-P 2; 权责清单 categories). */
export const POWER_CATEGORIES = ['行政处罚', '行政强制', '行政检查', '行政许可', '行政确认', '行政登记', '行政征收', '行政奖励', '其他行政权力'] as const;
export const LEGAL_BASIS_CATEGORIES = ['法律', '行政法规', '地方性法规', '部门规章', '地方政府规章', '规范性文件', '行政处罚自由裁量基准', '生态环境标准'] as const;

const f = (key: string, label: string, type: ExAnteFieldType, required = true, extra: Partial<ExAnteField> = {}): ExAnteField => ({ key, label, type, required, ...extra });

export const EXANTE_SPECS: Record<ExAnteSection, ExAnteSectionSpec> = {
  legalBases: {
    key: 'legalBases',
    label: '法律法规规章和行政处罚自由裁量基准',
    requirements: ['ORG-3'],
    basis: 'SX25-P 第十条（一）；GS-P 第五条（三）；MEE19 一（一）1（1）',
    description: '实施行政执法所依据的法律、法规、规章、标准和行政处罚自由裁量基准等规范性文件。',
    source: 'entered',
    rowLabel: '依据',
    minRows: 1,
    rows: [
      f('name', '名称', 'text'),
      f('category', '类别', 'choice', true, { options: LEGAL_BASIS_CATEGORIES }),
      f('issuer', '制定机关', 'text'),
      f('docNumber', '文号', 'text', false),
      f('effectiveOn', '施行日期', 'date', false),
      f('url', '全文链接', 'url', false),
    ],
  },
  powers: {
    key: 'powers',
    label: '权责清单',
    requirements: ['ORG-3'],
    basis: 'SX25-P 第十条（二）；GS-P 第五条（五）；MEE19 一（一）2',
    description: '职能职责、执法依据、责任事项和问责情形。',
    source: 'entered',
    rowLabel: '事项',
    minRows: 1,
    rows: [
      f('name', '事项名称', 'text'),
      f('category', '职权类别', 'choice', true, { options: POWER_CATEGORIES }),
      f('basis', '设定依据', 'longText'),
      f('responsibility', '责任事项', 'longText'),
      f('accountability', '追责情形', 'longText', false),
    ],
  },
  enforcementItems: {
    key: 'enforcementItems',
    label: '执法事项清单',
    requirements: ['ORG-3', 'ORG-8'],
    basis: 'SX25-P 第十条（六）；GS-P 第十四条第二款',
    description: '本机关实施的行政执法事项。',
    source: 'entered',
    rowLabel: '事项',
    minRows: 1,
    rows: [
      f('name', '事项名称', 'text'),
      f('category', '执法类别', 'choice', true, { options: POWER_CATEGORIES }),
      f('basis', '实施依据', 'longText'),
      f('subject', '实施主体', 'text'),
      f('note', '备注', 'text', false),
    ],
  },
  randomInspections: {
    key: 'randomInspections',
    label: '随机抽查事项清单',
    requirements: ['ORG-3', 'INS-1', 'ORG-8'],
    basis: 'GS-P 第五条（五）；SX25-P 第十条（六）；MEE19 一（一）1（5）；GS-P 第十四条第三款',
    description: '“双随机、一公开”抽查事项：抽查依据、抽查主体、抽查内容、抽查方式、抽查比例、抽查频次。',
    source: 'entered',
    rowLabel: '抽查事项',
    minRows: 1,
    rows: [
      f('item', '抽查事项', 'text'),
      f('target', '抽查对象', 'text'),
      f('basis', '抽查依据', 'longText'),
      f('subject', '抽查主体', 'text'),
      f('content', '抽查内容', 'longText'),
      f('method', '抽查方式', 'text'),
      f('ratio', '抽查比例', 'percent', true, { hint: '占抽查对象总数的百分比，大于0且不超过100' }),
      f('frequency', '抽查频次', 'frequency'),
    ],
  },
  reviewCatalogue: {
    key: 'reviewCatalogue',
    label: '重大执法决定法制审核目录清单',
    requirements: ['ORG-3', 'REV-2'],
    basis: 'GS-P 第五条（五）；SX19-L 第九条；XX-L 第三条',
    description: '本机关现行的重大执法决定法制审核目录清单，随目录清单新版本自动更新。',
    source: 'generated',
    generatedFrom: '现行重大执法决定法制审核目录清单',
    rowLabel: '事项标准',
    rows: [f('criterion', '情形', 'text'), f('label', '事项标准', 'longText'), f('basis', '依据', 'text')],
  },
  avItems: {
    key: 'avItems',
    label: '音像记录事项清单',
    requirements: ['ORG-3', 'REC-6', 'REC-7'],
    basis: 'GS-R 第十三条；SX25-R 第十二条、第十三条；GS-P 第五条（五）',
    description: '应当进行音像记录和根据实际情况进行音像记录的执法活动，依本机关适用的规则生成。',
    source: 'generated',
    generatedFrom: '本机关适用的规则配置（音像记录范围）',
    rowLabel: '执法活动',
    rows: [f('activity', '执法活动', 'text'), f('requirement', '记录要求', 'text'), f('basis', '依据', 'text')],
  },
  procedures: {
    key: 'procedures',
    label: '执法流程图',
    requirements: ['ORG-3'],
    basis: 'SX25-P 第十条（四）；GS-P 第五条（四）；MEE19 一（一）1（3）',
    description: '行政处罚、行政强制、行政检查、行政许可等执法流程：步骤、时限和救济途径。',
    source: 'entered',
    rowLabel: '流程',
    minRows: 1,
    rows: [
      f('name', '流程名称', 'text'),
      f('category', '执法类别', 'choice', true, { options: POWER_CATEGORIES }),
      f('steps', '办理步骤', 'lines', true, { minItems: 2, hint: '每行一个步骤，按先后顺序' }),
      f('timeLimits', '办理时限', 'longText'),
      f('remedies', '救济途径', 'longText'),
      f('chartUrl', '流程图链接', 'url', false),
    ],
  },
  rights: {
    key: 'rights',
    label: '当事人权利',
    requirements: ['ORG-3'],
    basis: 'GS-P 第五条（六）；SX25-P 第十二条；MEE19 一（二）2',
    description: '行政相对人依法享有的陈述权、申辩权、听证权，申请行政复议和提起行政诉讼的权利，及其行使方式和期限。',
    source: 'entered',
    fields: [
      f('statement', '陈述权', 'longText'),
      f('defence', '申辩权', 'longText'),
      f('hearing', '听证权', 'longText'),
      f('reconsideration', '申请行政复议', 'longText'),
      f('litigation', '提起行政诉讼', 'longText'),
    ],
  },
  supervision: {
    key: 'supervision',
    label: '监督投诉渠道',
    requirements: ['ORG-3'],
    basis: 'GS-P 第五条（七）；SX25-P 第十条（五）；MEE19 一（一）1（4）',
    description: '投诉举报的受理部门、地址、邮政编码、电话、邮箱、受理条件及反馈程序。',
    source: 'entered',
    rowLabel: '渠道',
    minRows: 1,
    rows: [
      f('department', '受理部门', 'text'),
      f('address', '地址', 'text'),
      f('postcode', '邮政编码', 'postcode'),
      f('phone', '电话', 'phone'),
      f('email', '电子邮箱', 'email'),
    ],
    fields: [f('conditions', '受理条件', 'longText', false), f('feedbackProcedure', '反馈程序', 'longText')],
  },
  serviceItems: {
    key: 'serviceItems',
    label: '服务窗口事项',
    requirements: ['ORG-5'],
    basis: 'SX25-P 第十三条；SX19-P 第十二条；XX-P 第八条；MEE19 一（二）3',
    description: '政务服务窗口公示的许可或者服务事项。',
    source: 'entered',
    rowLabel: '事项',
    minRows: 1,
    rows: [
      f('name', '事项名称', 'text'),
      f('basis', '设定依据', 'longText'),
      f('acceptingBody', '受理机构', 'text'),
      f('approvingBody', '审批机构', 'text'),
      f('conditions', '受理条件', 'longText'),
      f('materials', '申请材料清单', 'lines', true, { minItems: 1, hint: '每行一项材料' }),
      f('flow', '办理流程', 'longText'),
      f('timeLimit', '办理时限', 'text'),
      f('forms', '表格下载方式', 'text'),
      f('consultation', '咨询渠道', 'text'),
      f('complaints', '投诉举报', 'text'),
      f('statusQuery', '状态查询', 'text'),
      f('certificate', '证照发放', 'text', false),
      f('fees', '收费标准', 'text', false),
    ],
  },
  enterpriseInspections: {
    key: 'enterpriseInspections',
    label: '涉企行政检查公示专栏',
    requirements: ['ORG-4', 'INS-3'],
    basis: 'SX25-P 第十条第二款；国办发〔2024〕54号',
    description: '行政检查主体、事项、依据、标准、计划、频次上限、裁量基准。',
    source: 'entered',
    rowLabel: '检查事项',
    minRows: 1,
    rows: [
      f('subject', '检查主体', 'text'),
      f('items', '检查事项', 'longText'),
      f('basis', '检查依据', 'longText'),
      f('standards', '检查标准', 'longText'),
      f('plan', '检查计划', 'longText'),
      f('frequencyCap', '频次上限', 'positiveInt', true, { maxValue: 365, template: '每户企业每年不超过{value}次', hint: '同一企业每年接受本项检查的次数上限（正整数）' }),
      f('discretion', '裁量基准', 'longText'),
    ],
  },
};

export function exAnteSpec(section: ExAnteSection): ExAnteSectionSpec {
  return EXANTE_SPECS[section];
}

// ── Content ──

export type ExAnteValue = string | number | readonly string[] | Frequency;
export type ExAnteRow = Record<string, ExAnteValue>;

/** What the clerk enters for a section (one version). */
export interface ExAnteContent {
  rows?: ExAnteRow[];
  fields?: Record<string, ExAnteValue>;
  /** 说明, shown with the section. */
  note?: string;
  /**
   * Issue 13 item 1: the clerk's decisions on the 疑似个人信息 of this version
   * (mask a value everywhere in the section, or dismiss it with why). Kept
   * with the version; never published.
   */
  redaction?: ExAnteRedaction[];
}

/** A clerk's decision on a 疑似个人信息 of entered content. */
export interface ExAnteRedaction {
  action: 'add' | 'dismiss';
  value: string;
  reason: string;
  kind?: SensitiveKind;
}

const MAX_ROWS = 500;
const MAX_TEXT = 300;
const MAX_LONG = 5000;
const MAX_LINES = 100;

export interface ExAnteParseResult {
  content: ExAnteContent;
  /** Values of the wrong kind (not a string, not a number …), in Chinese; the content cannot be stored. */
  errors: string[];
}

function maxLen(field: ExAnteField): number {
  return field.type === 'longText' ? MAX_LONG : field.type === 'url' ? 1000 : MAX_TEXT;
}

function parseValue(field: ExAnteField, raw: unknown, where: string, errors: string[]): ExAnteValue | undefined {
  if (raw === undefined || raw === null) return undefined;
  const bad = (what: string) => {
    errors.push(`${where}“${field.label}”${what}`);
    return undefined;
  };
  switch (field.type) {
    case 'percent':
    case 'positiveInt':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return bad('应为数字');
      return raw;
    case 'frequency': {
      if (typeof raw !== 'object' || Array.isArray(raw)) return bad('应为频次（周期和次数）');
      const r = raw as Record<string, unknown>;
      if (typeof r.per !== 'string' || !(r.per in FREQUENCY_PERIOD_LABELS)) return bad('的周期应为每年、每半年、每季度或每月');
      if (typeof r.times !== 'number' || !Number.isFinite(r.times)) return bad('的次数应为数字');
      return { per: r.per as FrequencyPeriod, times: r.times };
    }
    case 'lines': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) return bad('应为文字列表');
      const lines = (raw as string[]).map((x) => x.trim()).filter((x) => x.length > 0);
      if (lines.length > MAX_LINES) return bad(`不能超过${MAX_LINES}项`);
      if (lines.some((x) => x.length > MAX_TEXT * 2)) return bad(`每项不能超过${MAX_TEXT * 2}字`);
      return lines;
    }
    default: {
      if (typeof raw !== 'string') return bad('应为文字');
      const s = raw.trim();
      if (s.length > maxLen(field)) return bad(`不能超过${maxLen(field)}字`);
      return s.length ? s : undefined;
    }
  }
}

function parseRecord(fields: readonly ExAnteField[], raw: unknown, where: string, errors: string[]): Record<string, ExAnteValue> {
  const out: Record<string, ExAnteValue> = {};
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push(`${where}应为对象`);
    return out;
  }
  const r = raw as Record<string, unknown>;
  for (const field of fields) {
    const v = parseValue(field, r[field.key], where, errors);
    if (v !== undefined) out[field.key] = v;
  }
  return out;
}

/**
 * Reads what the console sent for a section: known fields only, text
 * trimmed, empty values dropped. A value of the wrong kind is an error (the
 * version is not stored); missing or out-of-range values are problems
 * (`exAnteProblems`) that block submission but not saving a draft.
 */
export function parseExAnteContent(section: ExAnteSection, raw: unknown): ExAnteParseResult {
  const spec = EXANTE_SPECS[section];
  const errors: string[] = [];
  const content: ExAnteContent = {};
  if (spec.source === 'generated') return { content, errors: [`“${spec.label}”由系统生成，不能录入`] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { content, errors: ['内容应为对象'] };
  const r = raw as Record<string, unknown>;
  if (spec.rows) {
    const rows = r.rows ?? [];
    if (!Array.isArray(rows)) errors.push('列表（rows）应为数组');
    else if (rows.length > MAX_ROWS) errors.push(`列表不能超过${MAX_ROWS}条`);
    else content.rows = rows.map((row, i) => parseRecord(spec.rows!, row, `第${i + 1}条`, errors)).filter((row) => Object.keys(row).length > 0);
  }
  if (spec.fields) content.fields = parseRecord(spec.fields, r.fields, '', errors);
  if (r.note !== undefined && r.note !== null) {
    if (typeof r.note !== 'string') errors.push('说明应为文字');
    else if (r.note.trim().length > 2000) errors.push('说明不能超过2000字');
    else if (r.note.trim()) content.note = r.note.trim();
  }
  if (r.redaction !== undefined && r.redaction !== null) {
    const list = parseRedaction(r.redaction, errors);
    if (list.length) content.redaction = list;
  }
  return { content, errors };
}

function parseRedaction(raw: unknown, errors: string[]): ExAnteRedaction[] {
  if (!Array.isArray(raw) || raw.length > MAX_ROWS) {
    errors.push('隐去与排除记录（redaction）应为不超过500项的数组');
    return [];
  }
  const out: ExAnteRedaction[] = [];
  raw.forEach((x, i) => {
    const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
    const where = `第${i + 1}项隐去与排除记录`;
    if (o.action !== 'add' && o.action !== 'dismiss') return void errors.push(`${where}的处理应为隐去（add）或排除（dismiss）`);
    if (typeof o.value !== 'string' || !o.value.trim() || o.value.length > MAX_TEXT) return void errors.push(`${where}须写明内容（不超过${MAX_TEXT}字）`);
    if (typeof o.reason !== 'string' || !o.reason.trim() || o.reason.length > 500) return void errors.push(`${where}须说明理由（不超过500字）`);
    if (o.kind !== undefined && (typeof o.kind !== 'string' || !(o.kind in SENSITIVE_KIND_LABELS))) return void errors.push(`${where}的信息类别无效`);
    out.push({ action: o.action, value: o.value.trim(), reason: o.reason.trim(), ...(o.kind ? { kind: o.kind as SensitiveKind } : {}) });
  });
  return out;
}

// ── Free text for the redaction gate (issue 13 item 1) ──

/** One free text of a section, where it sits and how the clerk knows it. */
export interface ExAnteText {
  /** 'rows.0.basis', 'rows.1.steps.2', 'fields.statement', 'note'. */
  key: string;
  label: string;
  text: string;
}

const FREE_TEXT: ReadonlySet<ExAnteFieldType> = new Set(['text', 'longText', 'lines']);

/**
 * The free text of a section the redaction gate reads: text, long text, each
 * line of a list, and the note. Typed values (choices, dates, numbers, the
 * channels' postcode, phone, e-mail, URL) are checked by their own shape.
 */
export function exAnteTexts(section: ExAnteSection, content: ExAnteContent): ExAnteText[] {
  return collectTexts(section, content).map(({ key, label, text }) => ({ key, label, text }));
}

function collectTexts(section: ExAnteSection, content: ExAnteContent) {
  const spec = EXANTE_SPECS[section];
  const out: (ExAnteText & { set: (c: ExAnteContent, v: string) => void })[] = [];
  const fromRecord = (fields: readonly ExAnteField[], rec: Record<string, ExAnteValue>, prefix: string, where: string, at: (c: ExAnteContent) => Record<string, ExAnteValue>) => {
    for (const field of fields) {
      if (!FREE_TEXT.has(field.type)) continue;
      const v = rec[field.key];
      if (typeof v === 'string') out.push({ key: `${prefix}${field.key}`, label: `${where}“${field.label}”`, text: v, set: (c, t) => void (at(c)[field.key] = t) });
      else if (Array.isArray(v)) {
        (v as readonly string[]).forEach((line, j) =>
          out.push({ key: `${prefix}${field.key}.${j}`, label: `${where}“${field.label}”第${j + 1}项`, text: line, set: (c, t) => void ((at(c)[field.key] as string[])[j] = t) }),
        );
      }
    }
  };
  if (spec.rows) (content.rows ?? []).forEach((row, i) => fromRecord(spec.rows!, row, `rows.${i}.`, `第${i + 1}条`, (c) => c.rows![i]!));
  if (spec.fields) fromRecord(spec.fields, content.fields ?? {}, 'fields.', '', (c) => c.fields!);
  if (content.note) out.push({ key: 'note', label: '“说明”', text: content.note, set: (c, t) => void (c.note = t) });
  return out;
}

/** The content with each free text replaced by `fn`'s result, and without the clerk's redaction record (what goes online). */
export function mapExAnteTexts(section: ExAnteSection, content: ExAnteContent, fn: (t: ExAnteText) => string): ExAnteContent {
  const copy = JSON.parse(JSON.stringify(content)) as ExAnteContent;
  delete copy.redaction;
  for (const t of collectTexts(section, content)) t.set(copy, fn(t));
  return copy;
}

/** GS-P 5(七): the agency's own complaint channels (department, address, phone, e-mail) are public by law. */
export function exAnteChannelValues(section: ExAnteSection, content: ExAnteContent): string[] {
  if (section !== 'supervision') return [];
  return (content.rows ?? []).flatMap((r) => ['department', 'address', 'phone', 'email'].map((k) => r[k]).filter((v): v is string => typeof v === 'string' && v.length > 0));
}

/** One reason a section cannot be submitted or published. */
export interface ExAnteProblem {
  /** Row index (0-based), or null for a single field or the whole section. */
  row: number | null;
  field: string | null;
  label: string;
  reason: string;
}

const POSTCODE = /^\d{6}$/;
const PHONE = /^[0-9()（）+\-—\s、转]{3,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^https?:\/\/[^\s]+$/;

/** The problem of one value, or null when it is fine (absent values are checked by the caller). */
export function exAnteValueProblem(field: ExAnteField, value: ExAnteValue): string | null {
  switch (field.type) {
    case 'percent':
      // INS-1 · GS-P 5(五): 抽查比例 is a share of the targets.
      return typeof value === 'number' && value > 0 && value <= 100 ? null : '应大于0且不超过100%';
    case 'positiveInt': {
      // INS-3 · SX25-P 10: a frequency cap is a whole number of inspections.
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return '应为正整数';
      return field.maxValue !== undefined && value > field.maxValue ? `不能超过${field.maxValue}` : null;
    }
    case 'frequency': {
      const v = value as Frequency;
      return Number.isInteger(v.times) && v.times >= 1 && v.times <= 365 ? null : '次数应为1至365之间的整数';
    }
    case 'lines': {
      const n = (value as readonly string[]).length;
      return field.minItems !== undefined && n < field.minItems ? `至少填写${field.minItems}项` : null;
    }
    case 'choice':
      return field.options?.includes(value as string) ? null : `应为${field.options?.join('、')}之一`;
    case 'date':
      return isCivilDate(value as string) ? null : '日期格式应为 YYYY-MM-DD';
    case 'postcode':
      return POSTCODE.test(value as string) ? null : '应为6位数字';
    case 'phone':
      return PHONE.test(value as string) && /\d{3}/.test((value as string).replace(/\D/g, '')) ? null : '不是有效的电话号码';
    case 'email':
      return EMAIL.test(value as string) ? null : '不是有效的电子邮箱';
    case 'url':
      return URL.test(value as string) ? null : '应为以 http:// 或 https:// 开头的网址';
    default:
      return null;
  }
}

function isEmpty(v: ExAnteValue | undefined): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function recordProblems(fields: readonly ExAnteField[], rec: Record<string, ExAnteValue>, row: number | null): ExAnteProblem[] {
  const out: ExAnteProblem[] = [];
  for (const field of fields) {
    const v = rec[field.key];
    if (isEmpty(v)) {
      if (field.required) out.push({ row, field: field.key, label: field.label, reason: '未填写' });
      continue;
    }
    const p = exAnteValueProblem(field, v!);
    if (p) out.push({ row, field: field.key, label: field.label, reason: p });
  }
  return out;
}

/**
 * ORG-3, ORG-4, ORG-5, INS-1: everything that keeps a section from being
 * submitted — required fields, the list's minimum, and values out of range
 * (抽查比例 within 0-100 %, 频次上限 a positive integer, postcodes, phones).
 */
export function exAnteProblems(section: ExAnteSection, content: ExAnteContent): ExAnteProblem[] {
  const spec = EXANTE_SPECS[section];
  if (spec.source === 'generated') return [];
  const out: ExAnteProblem[] = [];
  if (spec.rows) {
    const rows = content.rows ?? [];
    if (rows.length < (spec.minRows ?? 0)) out.push({ row: null, field: null, label: spec.label, reason: `至少填写${spec.minRows}条${spec.rowLabel ?? ''}` });
    rows.forEach((row, i) => out.push(...recordProblems(spec.rows!, row, i)));
  }
  if (spec.fields) out.push(...recordProblems(spec.fields, content.fields ?? {}, null));
  return out;
}

/** '第2条“抽查比例”：应大于0且不超过100%'. */
export function formatExAnteProblem(p: ExAnteProblem): string {
  return `${p.row !== null ? `第${p.row + 1}条` : ''}“${p.label}”：${p.reason}`;
}

/** A value as it reads on the portal and in the console (lines joined with '；'). */
export function formatExAnteValue(field: ExAnteField, value: ExAnteValue | undefined): string {
  if (value === undefined) return '';
  switch (field.type) {
    case 'percent':
      return `${value as number}%`;
    case 'positiveInt':
      return field.template ? field.template.replace('{value}', String(value)) : String(value);
    case 'frequency': {
      const v = value as Frequency;
      return `${FREQUENCY_PERIOD_LABELS[v.per]}${v.times}次`;
    }
    case 'lines':
      return (value as readonly string[]).join('；');
    default:
      return String(value);
  }
}

// ── Workflow (ORG-8) ──

export const EXANTE_STATUS_LABELS = {
  draft: '待提交',
  submitted: '待审核',
  returned: '已退回',
  published: '已公开',
} as const;
export type ExAnteStatus = keyof typeof EXANTE_STATUS_LABELS;

export const EXANTE_ACTION_LABELS = { save: '保存', submit: '提交审核', approve: '审核通过并公开', return: '退回修改' } as const;
export type ExAnteAction = keyof typeof EXANTE_ACTION_LABELS;

/**
 * ORG-8 · XX-P 12, GS-P 13-14: the clerk (录入员) saves and submits, the
 * approver (审核员) approves or returns. A published section stays online
 * while a change is drafted: a save starts a new draft beside it.
 */
const TRANSITIONS: Record<ExAnteAction, { from: readonly (ExAnteStatus | null)[]; to: ExAnteStatus }> = {
  save: { from: [null, 'draft', 'returned', 'published'], to: 'draft' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'published' },
  return: { from: ['submitted'], to: 'returned' },
};

export type ExAnteTransition = { ok: true; to: ExAnteStatus } | { ok: false; reason: string };

/** Whether `action` may be taken on a section in `status` (null: nothing entered yet). */
export function exAnteTransition(status: ExAnteStatus | null, action: ExAnteAction): ExAnteTransition {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return { ok: true, to: t.to };
  const where = status ? `“${EXANTE_STATUS_LABELS[status]}”状态下` : '尚未录入时';
  return { ok: false, reason: `${where}不能${EXANTE_ACTION_LABELS[action]}` };
}

/**
 * ORG-8 · XX-P 12, GS-P 14: the approver is another person than the clerk
 * who entered or submitted the version. Returns the reason, or null.
 */
export function sameApproverProblem(approverId: string, entered: { createdBy: string; submittedBy: string | null }): string | null {
  if (approverId === entered.createdBy || approverId === entered.submittedBy) {
    return '录入人员不能审核本人录入或提交的事前公开信息，须由审核员审核（GS-P 第十三条、第十四条；XX-P 第十二条）';
  }
  return null;
}

/** ORG-8 · GS-P 14 ¶2-3: outside review before a list is published. */
export interface ExternalReviewRule {
  section: ExAnteSection;
  /** e.g. '报本级政府法制机构审核'. */
  requirement: string;
  /** Who reviews, e.g. '本级政府法制机构'. */
  reviewer: string;
  basis: string;
  profiles: readonly ProfileId[];
}

const EXTERNAL_REVIEW: readonly ExternalReviewRule[] = [
  { section: 'enforcementItems', requirement: '对外公示前报本级政府法制机构审核', reviewer: '本级政府法制机构', basis: 'GS-P 第十四条第二款', profiles: ['GS19'] },
  { section: 'randomInspections', requirement: '对外公示前报上级业务主管部门审定', reviewer: '上级业务主管部门', basis: 'GS-P 第十四条第三款', profiles: ['GS19'] },
];

/** The outside review a section needs under a profile (GS19 only), or null. */
export function externalReviewFor(section: ExAnteSection, profile: Pick<ResolvedProfile, 'chain'>): ExternalReviewRule | null {
  return EXTERNAL_REVIEW.find((r) => r.section === section && r.profiles.some((p) => profile.chain.includes(p))) ?? null;
}

/** The record of an outside review the approver enters (审核或审定机关, date, 文号). */
export interface ExternalReview {
  body: string;
  on: string;
  reference?: string;
}

/** Problems of an outside review record, for the approver (empty when fine or not needed). */
export function externalReviewProblems(rule: ExternalReviewRule | null, review: ExternalReview | null | undefined, today: string): string[] {
  if (!rule) return [];
  if (!review || !review.body.trim() || !review.on) return [`${EXANTE_SPECS[rule.section].label}${rule.requirement}（${rule.basis}），请填写审核（审定）机关和日期`];
  if (!isCivilDate(review.on)) return ['审核（审定）日期格式应为 YYYY-MM-DD'];
  if (review.on > today) return ['审核（审定）日期不能晚于今天'];
  return [];
}

// ── Deadline (ORG-6) ──

export interface ExAnteDeadline extends ProvisionalMark {
  /** The last day to publish, or null when the profile sets no limit (or the calendar lacks the year). */
  publishBy: string | null;
  basis: string | null;
  note: string;
}

/**
 * ORG-6 · GS-P 15: ex-ante information goes online within 20 working days of
 * being created or changed — only where the profile (or the agency) sets
 * 'publication.exAnte'; the other documents set no limit. A year without
 * notice is counted from the statutory holidays and marked provisional (NAT-21).
 */
export function exAnteDeadline(input: { calendar: WorkCalendar; profile: ResolvedProfile; changedOn: string }): ExAnteDeadline {
  const p = input.profile.params['publication.exAnte'];
  if (!p) return { publishBy: null, basis: null, note: '本机关适用的规则未规定事前公开信息的公开时限' };
  try {
    const d = previewDeadline({ calendar: input.calendar, profile: input.profile, rule: 'publication.exAnte', from: input.changedOn });
    const mark = mergeProvisional(d);
    const note = `自信息生成或者变更之日（${input.changedOn}）起${formatDeadline(p.value)}内公开（${d.basis}）${mark.provisional ? `。${mark.provisionalReason}` : ''}`;
    return { publishBy: d.due, basis: d.basis, note, ...mark };
  } catch (e) {
    if (e instanceof AppError && e.code === 'calendar.year_missing') return { publishBy: null, basis: p.basis, note: e.userMessage };
    throw e;
  }
}

export const EXANTE_DUE_LABELS = {
  none: '无公开时限',
  onTime: '期限内',
  dueSoon: '即将到期',
  overdue: '已逾期',
  published: '已公开',
  publishedOnTime: '按时公开',
  publishedLate: '逾期公开',
} as const;
export type ExAnteDueStatus = keyof typeof EXANTE_DUE_LABELS;

/** Working days before the limit from which a pending change is 'dueSoon'. */
export const EXANTE_DUE_SOON_WORKING_DAYS = 3;

/**
 * ORG-6: where a change stands against its limit. `publishedOn` is set when
 * the change has gone online (then: on time or late); otherwise the change
 * is pending and is on time, due soon, or overdue on `today`.
 */
export function exAnteDueStatus(input: { calendar: WorkCalendar; today: string; publishBy: string | null; publishedOn: string | null }): ExAnteDueStatus {
  const { publishBy, publishedOn, today } = input;
  if (publishedOn) {
    if (!publishBy) return 'published';
    return publishedOn <= publishBy ? 'publishedOnTime' : 'publishedLate';
  }
  if (!publishBy) return 'none';
  if (today > publishBy) return 'overdue';
  try {
    return input.calendar.addWorkingDays(today, EXANTE_DUE_SOON_WORKING_DAYS) >= publishBy ? 'dueSoon' : 'onTime';
  } catch {
    return 'onTime';
  }
}

// ── Generated sections ──

/**
 * The 音像记录事项清单 of a profile (GS-R 13: 明确本单位音像记录现场执法活动的范围，并向社会公开):
 * mandatory measures first (REC-6), then situational ones not already mandatory (REC-7).
 */
export function avItemsContent(profile: ResolvedProfile): ExAnteContent {
  const mandatory = profile.params['av.mandatory']?.value ?? [];
  const situational = profile.params['av.situational']?.value ?? [];
  const seen = new Set(mandatory.map((e) => e.measure));
  const row = (measure: keyof typeof MEASURE_LABELS, requirement: string, citations: readonly Parameters<typeof formatCitation>[0][]): ExAnteRow => ({
    activity: MEASURE_LABELS[measure],
    requirement,
    basis: citations.map(formatCitation).join('；'),
  });
  return {
    rows: [
      ...mandatory.map((e) => row(e.measure, '应当进行音像记录', e.citations)),
      ...situational.filter((e) => !seen.has(e.measure)).map((e) => row(e.measure, '根据实际情况进行音像记录；不能记录的，书面说明理由', e.citations)),
    ],
  };
}

/** The 重大执法决定法制审核目录清单 in force, as rows (REV-2). */
export function catalogueContent(catalogue: ReviewCatalogue): ExAnteContent {
  return {
    rows: catalogue.items.map((i) => ({ criterion: MAJOR_CRITERION_LABELS[i.criterion], label: i.label, basis: i.basis })),
    ...(catalogue.note ? { note: catalogue.note } : {}),
  };
}
