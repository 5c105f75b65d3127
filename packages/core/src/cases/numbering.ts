/**
 * Numbers: 案号 case numbers (per agency and year), 文号 document numbers (per
 * agency, document kind and year) and 编号 numbers of internal records (per
 * case and kind) — REC-15 · SX25-R 20: every record is numbered.
 *
 * The layout is an agency-configurable template with these tokens:
 *   {agency}  the agency's short code, e.g. 晋太环
 *   {type}    the action type's code (案号 only), e.g. 罚
 *   {kind}    the document kind's code, e.g. 罚 for 行政处罚决定书
 *   {year}    four-digit year of filing (案号) or of issue (文号), China date
 *   {seq}     sequence number; {seq:3} pads with zeros to 3 digits
 *   {case}    the case number (record numbers only)
 * Defaults follow GB/T 9704-2012 7.2.3 for 发文字号: year in 六角括号 〔〕,
 * sequence without 第 and without leading zeros, then 号 — '晋太环罚〔2026〕12号'.
 *
 * Allocating sequences without gaps is the database's job (one counter row
 * per scope, taken under a row lock in the issuing transaction); the core
 * gives the scope keys and `sequenceGaps` to check a series.
 */
import type { RuleMissing } from './citation.js';

export const DEFAULT_CASE_NUMBER_TEMPLATE = '{agency}{type}案〔{year}〕{seq}号';
export const DEFAULT_DOCUMENT_NUMBER_TEMPLATE = '{agency}{kind}〔{year}〕{seq}号';
export const DEFAULT_RECORD_NUMBER_TEMPLATE = '{case}-{kind}{seq:2}';

/** What a template numbers. */
export type NumberScope = 'case' | 'document' | 'record';

type TokenName = 'agency' | 'type' | 'kind' | 'year' | 'seq' | 'case';

const ALLOWED: Record<NumberScope, readonly TokenName[]> = {
  case: ['agency', 'type', 'year', 'seq'],
  document: ['agency', 'kind', 'year', 'seq'],
  record: ['agency', 'case', 'kind', 'year', 'seq'],
};

/** Tokens without which two numbers of one scope could collide. */
const REQUIRED: Record<NumberScope, readonly TokenName[]> = {
  // Each action type has its own sequence (罚、强、检… each from 1), so the type code keeps them apart.
  case: ['type', 'year', 'seq'],
  document: ['kind', 'year', 'seq'],
  record: ['case', 'kind', 'seq'],
};

const TOKEN_LABELS: Record<TokenName, string> = {
  agency: '机关代字',
  type: '执法类别代字',
  kind: '文书代字',
  year: '年份',
  seq: '序号',
  case: '案号',
};

type Piece = { literal: string } | { token: TokenName; pad: number };

const TOKEN_RE = /\{([a-z]+)(?::(\d+))?\}/g;

function parseTemplate(template: string): { pieces: Piece[]; problems: string[] } {
  const pieces: Piece[] = [];
  const problems: string[] = [];
  let last = 0;
  for (const m of template.matchAll(TOKEN_RE)) {
    const at = m.index ?? 0;
    if (at > last) pieces.push({ literal: template.slice(last, at) });
    const name = m[1] as string;
    if (!Object.prototype.hasOwnProperty.call(TOKEN_LABELS, name)) problems.push(`未知的占位符“{${name}}”`);
    else {
      const pad = m[2] === undefined ? 0 : Number(m[2]);
      if (m[2] !== undefined && name !== 'seq') problems.push(`只有序号可以补零：“${m[0]}”`);
      if (pad > 10) problems.push(`序号补零位数过大：“${m[0]}”`);
      pieces.push({ token: name as TokenName, pad });
    }
    last = at + m[0].length;
  }
  if (last < template.length) pieces.push({ literal: template.slice(last) });
  for (const p of pieces) {
    if ('literal' in p && /[{}]/.test(p.literal)) problems.push(`模板含有不成对的花括号：“${p.literal}”`);
  }
  return { pieces, problems };
}

function tokensOf(pieces: Piece[]): TokenName[] {
  return pieces.flatMap((p) => ('token' in p ? [p.token] : []));
}

export type NumberTemplateCheck = { ok: true } | { ok: false; missing: RuleMissing[] };

/** Checks an agency's template before it is saved. */
export function checkNumberTemplate(template: string, scope: NumberScope): NumberTemplateCheck {
  const { pieces, problems } = parseTemplate(template);
  const tokens = tokensOf(pieces);
  for (const t of tokens) if (!ALLOWED[scope].includes(t)) problems.push(`此类编号不能使用“{${t}}”（${TOKEN_LABELS[t]}）`);
  for (const t of REQUIRED[scope]) if (!tokens.includes(t)) problems.push(`须包含“{${t}}”（${TOKEN_LABELS[t]}），否则编号可能重复`);
  for (const t of new Set(tokens)) if (tokens.filter((x) => x === t).length > 1) problems.push(`“{${t}}”只能出现一次`);
  if (problems.length === 0) return { ok: true };
  return { ok: false, missing: problems.map((reason) => ({ kind: 'field', label: '编号模板', reason, id: 'template' })) };
}

/** Values filled into a template. */
export interface NumberParts {
  agency?: string;
  type?: string;
  kind?: string;
  year?: number;
  seq: number;
  case?: string;
}

export type NumberResult = { ok: true; value: string } | { ok: false; missing: RuleMissing[] };

function codeProblem(label: string, v: string | undefined): string | null {
  if (v === undefined || v.trim() === '') return `须提供${label}`;
  if (/[\s{}〔〕]/.test(v)) return `${label}“${v}”不能含空白、花括号或六角括号`;
  return null;
}

/** Fills a template (see the module comment); checks the template and each value it uses. */
export function formatNumber(template: string, scope: NumberScope, parts: NumberParts): NumberResult {
  const check = checkNumberTemplate(template, scope);
  if (!check.ok) return check;
  const { pieces } = parseTemplate(template);
  const problems: string[] = [];
  const out: string[] = [];
  for (const p of pieces) {
    if ('literal' in p) {
      out.push(p.literal);
      continue;
    }
    switch (p.token) {
      case 'year': {
        const y = parts.year;
        if (y === undefined || !Number.isInteger(y) || y < 1900 || y > 2999) problems.push(`年份无效：${String(y)}`);
        else out.push(String(y));
        break;
      }
      case 'seq': {
        const s = parts.seq;
        if (!Number.isSafeInteger(s) || s < 1) problems.push(`序号须为正整数：${String(s)}`);
        else out.push(String(s).padStart(p.pad, '0'));
        break;
      }
      case 'case': {
        const v = parts.case;
        if (v === undefined || v.trim() === '') problems.push('须提供案号');
        else out.push(v);
        break;
      }
      default: {
        const v = parts[p.token];
        const problem = codeProblem(TOKEN_LABELS[p.token], v);
        if (problem) problems.push(problem);
        else out.push(v as string);
      }
    }
  }
  if (problems.length > 0) return { ok: false, missing: problems.map((reason) => ({ kind: 'field', label: '编号', reason })) };
  return { ok: true, value: out.join('') };
}

/** 案号, e.g. formatCaseNumber({ agencyCode: '晋太环', typeCode: '罚', year: 2026, sequence: 7 }) → '晋太环罚案〔2026〕7号'. */
export function formatCaseNumber(p: { agencyCode: string; typeCode: string; year: number; sequence: number; template?: string }): NumberResult {
  return formatNumber(p.template ?? DEFAULT_CASE_NUMBER_TEMPLATE, 'case', { agency: p.agencyCode, type: p.typeCode, year: p.year, seq: p.sequence });
}

/** 文号, e.g. formatDocumentNumber({ agencyCode: '晋太环', kindCode: '罚', year: 2026, sequence: 12 }) → '晋太环罚〔2026〕12号'. */
export function formatDocumentNumber(p: { agencyCode: string; kindCode: string; year: number; sequence: number; template?: string }): NumberResult {
  return formatNumber(p.template ?? DEFAULT_DOCUMENT_NUMBER_TEMPLATE, 'document', { agency: p.agencyCode, kind: p.kindCode, year: p.year, seq: p.sequence });
}

/** 编号 of an internal record (笔录, 审批表), e.g. '晋太环罚案〔2026〕7号-询录01'. */
export function formatRecordNumber(p: { caseNumber: string; kindCode: string; sequence: number; agencyCode?: string; year?: number; template?: string }): NumberResult {
  const parts: NumberParts = { case: p.caseNumber, kind: p.kindCode, seq: p.sequence };
  if (p.agencyCode !== undefined) parts.agency = p.agencyCode;
  if (p.year !== undefined) parts.year = p.year;
  return formatNumber(p.template ?? DEFAULT_RECORD_NUMBER_TEMPLATE, 'record', parts);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads a number back into its parts. Adjacent text tokens ({agency}{kind})
 * cannot be split without knowing one of them: pass the known codes in
 * `known` and they are matched literally. Returns null when it does not fit.
 */
export function parseNumber(template: string, value: string, known: Partial<Pick<NumberParts, 'agency' | 'type' | 'kind' | 'case'>> = {}): NumberParts | null {
  const { pieces, problems } = parseTemplate(template);
  if (problems.length > 0) return null;
  let re = '^';
  for (const p of pieces) {
    if ('literal' in p) re += escapeRe(p.literal);
    else if (p.token === 'year') re += '(?<year>\\d{4})';
    else if (p.token === 'seq') re += p.pad > 0 ? `(?<seq>\\d{${p.pad},})` : '(?<seq>[1-9]\\d*)';
    else {
      const k = known[p.token];
      re += k !== undefined ? `(?<${p.token}>${escapeRe(k)})` : `(?<${p.token}>.+?)`;
    }
  }
  const m = new RegExp(`${re}$`, 'u').exec(value);
  if (!m?.groups) return null;
  const g = m.groups;
  const parts: NumberParts = { seq: Number(g.seq) };
  if (g.year !== undefined) parts.year = Number(g.year);
  for (const k of ['agency', 'type', 'kind', 'case'] as const) if (g[k] !== undefined) parts[k] = g[k];
  return parts;
}

/** Counter key of a case number: one sequence per agency and year. */
export function caseNumberScope(agencyId: string, actionType: string, year: number): string {
  return `case:${agencyId}:${actionType}:${year}`;
}

/** Counter key of a 文号: one sequence per agency, document kind code and year. */
export function documentNumberScope(agencyId: string, kindCode: string, year: number): string {
  return `doc:${agencyId}:${kindCode}:${year}`;
}

/** Counter key of an internal record number: one sequence per case and kind code. */
export function recordNumberScope(caseId: string, kindCode: string): string {
  return `rec:${caseId}:${kindCode}`;
}

/** Sequence numbers missing from 1..max of an issued series (should be empty). */
export function sequenceGaps(issued: readonly number[]): number[] {
  const have = new Set(issued);
  const max = issued.reduce((a, b) => Math.max(a, b), 0);
  const gaps: number[] = [];
  for (let i = 1; i <= max; i++) if (!have.has(i)) gaps.push(i);
  return gaps;
}
