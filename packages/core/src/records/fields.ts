/**
 * A small field schema for document templates (REC-2 · SX25-R 8: unified
 * document formats): each document kind lists its fields with a Chinese
 * label, a type and when it is required. Plain data, so an agency can define
 * its own kinds in the same shape (kinds.ts).
 */
import { isCivilDate, isDateTime } from '../calendar/civil-date.js';
import type { RuleMissing } from '../cases/citation.js';
import { checkCreditCode, checkIdNumber } from '../identity/identity.js';

export const FIELD_TYPE_LABELS = {
  text: '文本',
  longText: '长文本',
  date: '日期',
  dateTime: '日期时间',
  boolean: '是/否',
  integer: '整数',
  money: '金额（元）',
  textList: '文本列表',
  choice: '单选',
  choiceList: '多选',
  creditCode: '统一社会信用代码',
  idNumber: '居民身份证号码',
} as const;
export type FieldType = keyof typeof FIELD_TYPE_LABELS;

export interface FieldOption {
  value: string;
  label: string;
}

/** One field of a document template. */
export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  /** true: required to sign or issue; 'onIssue': only when issued (文号, seal, date). Default false. */
  required?: boolean | 'onIssue';
  /** Required when another field has this value (e.g. witness when the party refused to sign). */
  requiredWhen?: { field: string; equals: string | number | boolean };
  /** A confirmation that must be ticked whenever the field is required. */
  mustBeTrue?: boolean;
  minItems?: number;
  min?: number;
  max?: number;
  options?: readonly FieldOption[];
  /** Requirement and article behind the field, e.g. 'DUR-1 · GS-R 22(六)'. */
  rule?: string;
  hint?: string;
}

export type DocumentFieldValues = Readonly<Record<string, unknown>>;

/** 文书状态: draft 草稿, signed 已签署 (internal records, approvals), issued 已签发 (sealed, numbered, for the party). */
export type DocumentStatus = 'draft' | 'signed' | 'issued';
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = { draft: '草稿', signed: '已签署', issued: '已签发' };

export type FieldCheck = { ok: true } | { ok: false; missing: RuleMissing[]; invalid: RuleMissing[] };

/** A value counts as absent when undefined, null, blank text or an empty list. */
export function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** Whether `spec` is required for a document in `status`, given the other values. */
export function isRequired(spec: FieldSpec, values: DocumentFieldValues, status: DocumentStatus): boolean {
  if (status === 'draft') return false;
  if (spec.required === true) return true;
  if (spec.required === 'onIssue') return status === 'issued';
  if (spec.requiredWhen) return values[spec.requiredWhen.field] === spec.requiredWhen.equals;
  return false;
}

function hasAtMostTwoDecimals(n: number): boolean {
  return Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
}

/** Why a present value is not acceptable for its type, or null. */
export function valueProblem(spec: FieldSpec, v: unknown): string | null {
  const optionValues = spec.options?.map((o) => o.value);
  switch (spec.type) {
    case 'text':
    case 'longText':
      return typeof v === 'string' ? null : '应为文本';
    case 'date':
      return typeof v === 'string' && isCivilDate(v) ? null : '应为 YYYY-MM-DD 日期';
    case 'dateTime':
      return typeof v === 'string' && isDateTime(v) ? null : '应为 ISO 8601 日期时间';
    case 'boolean':
      return typeof v === 'boolean' ? null : '应为是或否';
    case 'integer':
    case 'money': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return '应为数字';
      if (spec.type === 'integer' && !Number.isInteger(v)) return '应为整数';
      if (spec.type === 'money' && (v < 0 || !hasAtMostTwoDecimals(v))) return '金额应为非负数，最多两位小数';
      if (spec.min !== undefined && v < spec.min) return `不得小于 ${spec.min}`;
      if (spec.max !== undefined && v > spec.max) return `不得大于 ${spec.max}`;
      return null;
    }
    case 'textList':
    case 'choiceList': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) return '应为非空文本的列表';
      if (spec.minItems !== undefined && v.length < spec.minItems) return `至少 ${spec.minItems} 项`;
      if (spec.type === 'choiceList') {
        const bad = v.filter((x) => !optionValues?.includes(x as string));
        if (bad.length > 0) return `不在可选范围内：${bad.join('、')}`;
        if (new Set(v).size !== v.length) return '有重复项';
      }
      return null;
    }
    case 'choice':
      return typeof v === 'string' && optionValues?.includes(v) ? null : `应为以下之一：${spec.options?.map((o) => o.label).join('、') ?? ''}`;
    case 'creditCode': {
      if (typeof v !== 'string') return '应为文本';
      const r = checkCreditCode(v);
      return r.ok ? null : r.reason;
    }
    case 'idNumber': {
      if (typeof v !== 'string') return '应为文本';
      const r = checkIdNumber(v);
      return r.ok ? null : r.reason;
    }
  }
}

/** Checks values against specs: required fields present, present fields well-typed, confirmations ticked. */
export function validateFields(specs: readonly FieldSpec[], values: DocumentFieldValues, status: DocumentStatus): FieldCheck {
  const missing: RuleMissing[] = [];
  const invalid: RuleMissing[] = [];
  for (const spec of specs) {
    const v = values[spec.key];
    const required = isRequired(spec, values, status);
    const extra = spec.rule ? { basis: spec.rule } : {};
    if (isAbsent(v)) {
      if (required) missing.push({ kind: 'field', label: spec.label, reason: '须填写', id: spec.key, ...extra });
      continue;
    }
    const problem = valueProblem(spec, v);
    if (problem) invalid.push({ kind: 'field', label: spec.label, reason: problem, id: spec.key, ...extra });
    else if (required && spec.mustBeTrue && v !== true) invalid.push({ kind: 'field', label: spec.label, reason: '须确认', id: spec.key, ...extra });
  }
  return missing.length === 0 && invalid.length === 0 ? { ok: true } : { ok: false, missing, invalid };
}
