/**
 * The document catalogue (文书目录, REC-2, REC-5, REC-25): the built-in kinds
 * of GS19 chapters 2–6 and national law, plus an agency's own kinds.
 */
import { ACTION_TYPES, type ActionType } from '../cases/action-types.js';
import type { RuleMissing } from '../cases/citation.js';
import { CASE_STAGES, type CaseStage } from '../cases/stages.js';
import { DECISION_KINDS } from './catalogue/decision.js';
import { EXECUTION_KINDS } from './catalogue/execution.js';
import { INITIATION_KINDS } from './catalogue/initiation.js';
import { INVESTIGATION_KINDS } from './catalogue/investigation.js';
import { FIELD_TYPE_LABELS, type FieldSpec } from './fields.js';
import { DOCUMENT_CHECK_KEYS, type DocumentCheckKey, type DocumentKindSpec } from './kind-spec.js';

export const BUILT_IN_DOCUMENT_KINDS = {
  ...INITIATION_KINDS,
  ...INVESTIGATION_KINDS,
  ...DECISION_KINDS,
  ...EXECUTION_KINDS,
};

/** Keys of the built-in kinds. */
export type DocumentKindKey = keyof typeof BUILT_IN_DOCUMENT_KINDS;
export const DOCUMENT_KIND_KEYS = Object.keys(BUILT_IN_DOCUMENT_KINDS) as DocumentKindKey[];

/** Kinds by key: the built-ins plus an agency's. */
export type DocumentCatalogue = Readonly<Record<string, DocumentKindSpec>>;

export const DEFAULT_CATALOGUE: DocumentCatalogue = BUILT_IN_DOCUMENT_KINDS;

export function isBuiltInKind(key: string): key is DocumentKindKey {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_DOCUMENT_KINDS, key);
}

export function getDocumentKind(key: string, catalogue: DocumentCatalogue = DEFAULT_CATALOGUE): DocumentKindSpec | undefined {
  return Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined;
}

/** Kinds an action type uses, in catalogue order. */
export function kindsForActionType(type: ActionType, catalogue: DocumentCatalogue = DEFAULT_CATALOGUE): DocumentKindSpec[] {
  return Object.values(catalogue).filter((k) => k.actionTypes.includes(type));
}

/** Kinds of one stage, in catalogue order. */
export function kindsForStage(stage: CaseStage, catalogue: DocumentCatalogue = DEFAULT_CATALOGUE): DocumentKindSpec[] {
  return Object.values(catalogue).filter((k) => k.stage === stage);
}

/** An agency's own kind as configured (REC-2: agencies may add templates). */
export interface AgencyDocumentKind {
  /** Must start with 'agency.', e.g. 'agency.rectificationOrder'. */
  key: string;
  code: string;
  name: string;
  stage: CaseStage;
  actionTypes: readonly ActionType[];
  finalStatus: 'signed' | 'issued';
  servedToParty?: boolean;
  fields: readonly FieldSpec[];
  checks?: readonly DocumentCheckKey[];
  /** The agency's instrument for the template. */
  basis?: string;
}

const FIELD_KEY_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

function fieldProblems(fields: readonly FieldSpec[]): string[] {
  const problems: string[] = [];
  const keys = fields.map((f) => f.key);
  for (const f of fields) {
    if (!FIELD_KEY_RE.test(f.key ?? '')) problems.push(`字段标识“${String(f.key)}”须以字母开头，只含字母、数字、下划线`);
    if (!f.label?.trim()) problems.push(`字段“${f.key}”缺少中文名称`);
    if (!Object.prototype.hasOwnProperty.call(FIELD_TYPE_LABELS, f.type)) problems.push(`字段“${f.key}”的类型“${String(f.type)}”无效`);
    if ((f.type === 'choice' || f.type === 'choiceList') && !(f.options && f.options.length > 0)) problems.push(`字段“${f.key}”须列出可选项`);
    if (f.requiredWhen && !keys.includes(f.requiredWhen.field)) problems.push(`字段“${f.key}”的条件引用了不存在的字段“${f.requiredWhen.field}”`);
  }
  const dup = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (dup.length > 0) problems.push(`字段标识重复：${[...new Set(dup)].join('、')}`);
  return problems;
}

export type CatalogueResult = { ok: true; catalogue: DocumentCatalogue } | { ok: false; missing: RuleMissing[] };

/** The built-ins plus an agency's kinds, each checked; codes and names may not clash (they drive numbering). */
export function buildCatalogue(agencyKinds: readonly AgencyDocumentKind[] = []): CatalogueResult {
  const catalogue: Record<string, DocumentKindSpec> = { ...BUILT_IN_DOCUMENT_KINDS };
  const missing: RuleMissing[] = [];
  for (const k of agencyKinds) {
    const problems: string[] = [];
    if (!/^agency\.[A-Za-z][A-Za-z0-9_]*$/.test(k.key ?? '')) problems.push('标识须为“agency.”加字母数字，如 agency.rectificationOrder');
    if (Object.prototype.hasOwnProperty.call(catalogue, k.key)) problems.push('标识已存在');
    if (!k.name?.trim()) problems.push('缺少文书名称');
    if (!k.code?.trim() || /[\s{}〔〕]/.test(k.code)) problems.push('文书代字不能为空，且不能含空白、花括号或六角括号');
    const clash = Object.values(catalogue).find((o) => o.code === k.code || o.name === k.name?.trim());
    if (clash) problems.push(`代字或名称与“${clash.name}”重复`);
    if (!CASE_STAGES.includes(k.stage)) problems.push(`环节“${String(k.stage)}”无效`);
    if (!(k.actionTypes?.length > 0) || k.actionTypes.some((t) => !ACTION_TYPES.includes(t))) problems.push('执法类别无效');
    if (k.finalStatus !== 'signed' && k.finalStatus !== 'issued') problems.push('最终状态须为已签署或已签发');
    for (const c of k.checks ?? []) if (!DOCUMENT_CHECK_KEYS.includes(c)) problems.push(`未知的校验“${String(c)}”`);
    problems.push(...fieldProblems(k.fields ?? []));
    if (problems.length > 0) {
      for (const reason of problems) missing.push({ kind: 'document', label: k.name?.trim() || k.key, reason, id: k.key });
      continue;
    }
    catalogue[k.key] = {
      key: k.key,
      code: k.code,
      name: k.name.trim(),
      stage: k.stage,
      actionTypes: [...k.actionTypes],
      finalStatus: k.finalStatus,
      servedToParty: k.servedToParty ?? k.finalStatus === 'issued',
      fields: k.fields,
      checks: k.checks ?? [],
      citations: [],
      builtIn: false,
      ...(k.basis !== undefined ? { basis: k.basis } : {}),
    };
  }
  return missing.length === 0 ? { ok: true, catalogue } : { ok: false, missing };
}
