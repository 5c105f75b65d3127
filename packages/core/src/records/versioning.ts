/**
 * Versions of a document (REC-16 · SX25-R 22; SX19-R 20; GS-R 46; DESIGN §6):
 * a signed or issued version is an original and is never changed. A
 * correction (更正) is a new version that names the one it supersedes and
 * why; every earlier version stays visible in the history. A draft is not yet
 * an original and may be revised. Nothing in an archived case changes.
 */
import type { CivilDate, DateTimeString } from '../calendar/civil-date.js';
import { type RuleCheck, type RuleMissing, formatBasis, ruleRef } from '../cases/citation.js';
import type { HandlerOfficer } from '../cases/handlers.js';
import type { CaseState } from '../cases/stages.js';
import { type DocumentCatalogue, DEFAULT_CATALOGUE, getDocumentKind } from './catalogue.js';
import { type DocumentFieldValues, type DocumentStatus, DOCUMENT_STATUS_LABELS } from './fields.js';
import { validateDocumentFields } from './validate.js';

/** One stored version of a document. */
export interface DocumentVersion {
  /** Id of this version. */
  id: string;
  /** Id shared by all versions of the document. */
  documentId: string;
  kind: string;
  /** 1 for the first version, +1 per correction. */
  version: number;
  status: DocumentStatus;
  fields: DocumentFieldValues;
  /** The version this one corrects. */
  supersedes: string | null;
  /** 更正理由; set on every correction. */
  correctionReason: string | null;
  createdAt: DateTimeString;
  createdBy: string;
}

const REC16 = formatBasis([ruleRef('SX25-R', '22'), ruleRef('GS-R', '46')]);

function refuse(label: string, reason: string, kind: RuleMissing['kind'] = 'document'): { ok: false; missing: RuleMissing[] } {
  return { ok: false, missing: [{ kind, label, reason, basis: REC16 }] };
}

/** REC-16: an archived case accepts no new record, version, service or transition. */
export function checkCaseWritable(state: CaseState): RuleCheck {
  return state === 'archived' ? refuse('案件状态', '案件已归档，案卷只读，不能再增加或者修改任何记录', 'stage') : { ok: true };
}

/** Whether a version may be edited in place: only a draft of a case not archived. */
export function checkEditable(version: DocumentVersion, caseState: CaseState): RuleCheck {
  const writable = checkCaseWritable(caseState);
  if (!writable.ok) return writable;
  if (version.status !== 'draft') {
    return refuse(`文书第 ${version.version} 版`, `${DOCUMENT_STATUS_LABELS[version.status]}的文书是原始记录，不能修改；如有错误，请提出更正，生成新版本`);
  }
  return { ok: true };
}

/** The latest version of a lineage. */
export function currentVersion<T extends Pick<DocumentVersion, 'version'>>(lineage: readonly T[]): T | undefined {
  return lineage.reduce<T | undefined>((best, v) => (best === undefined || v.version > best.version ? v : best), undefined);
}

export interface HistoryEntry extends DocumentVersion {
  current: boolean;
  /** Id of the version that corrected this one. */
  supersededBy: string | null;
}

/** All versions, oldest first, each marked current or superseded. */
export function documentHistory(lineage: readonly DocumentVersion[]): HistoryEntry[] {
  const sorted = [...lineage].sort((a, b) => a.version - b.version);
  const latest = sorted[sorted.length - 1];
  return sorted.map((v) => ({
    ...v,
    current: v === latest,
    supersededBy: sorted.find((w) => w.supersedes === v.id)?.id ?? null,
  }));
}

export interface CorrectionInput {
  /** Id for the new version (the server makes ids). */
  id: string;
  /** 更正理由. */
  reason: string;
  at: DateTimeString;
  by: string;
  /** The corrected values; default a copy of the previous values, to edit as a draft. */
  fields?: DocumentFieldValues;
}

export type CorrectionResult =
  | {
      ok: true;
      version: DocumentVersion;
      /** The superseded version had been issued: the correction must be issued and served again. */
      reissueRequired: boolean;
    }
  | { ok: false; missing: RuleMissing[] };

/**
 * REC-16: a correction of `previous` — a new draft version (+1) that points
 * at it and carries the reason. Refused for a draft (edit it instead), for a
 * version that is not the latest of `lineage`, without a reason, and in an
 * archived case.
 */
export function correctionOf(
  previous: DocumentVersion,
  input: CorrectionInput,
  context: { lineage?: readonly DocumentVersion[]; caseState?: CaseState } = {},
): CorrectionResult {
  if (context.caseState) {
    const writable = checkCaseWritable(context.caseState);
    if (!writable.ok) return writable;
  }
  const label = `文书第 ${previous.version} 版`;
  if (previous.status === 'draft') return refuse(label, '草稿尚未签署，可直接修改，不需要更正');
  const latest = context.lineage ? currentVersion(context.lineage) : previous;
  if (latest && latest.id !== previous.id) {
    return refuse(label, `该版本已被第 ${latest.version} 版取代，只能更正最新版本`);
  }
  if (input.reason.trim() === '') return refuse('更正理由', '更正须写明理由', 'field');
  return {
    ok: true,
    version: {
      id: input.id,
      documentId: previous.documentId,
      kind: previous.kind,
      version: previous.version + 1,
      status: 'draft',
      fields: input.fields ?? { ...previous.fields },
      supersedes: previous.id,
      correctionReason: input.reason.trim(),
      createdAt: input.at,
      createdBy: input.by,
    },
    reissueRequired: previous.status === 'issued',
  };
}

export interface StatusChangeOptions {
  caseState: CaseState;
  catalogue?: DocumentCatalogue;
  officers?: readonly HandlerOfficer[];
  date?: CivilDate;
}

/**
 * Moving a version on: draft → signed → issued (or draft → issued). Only
 * forward, only to 'issued' for kinds that are issued, and only with the
 * fields the target status requires (validateDocumentFields, incl. NAT-7).
 */
export function checkStatusChange(version: DocumentVersion, to: DocumentStatus, options: StatusChangeOptions): RuleCheck {
  const writable = checkCaseWritable(options.caseState);
  if (!writable.ok) return writable;
  const kind = getDocumentKind(version.kind, options.catalogue ?? DEFAULT_CATALOGUE);
  if (!kind) return refuse('文书种类', `未知的文书种类“${version.kind}”`);
  const order: Record<DocumentStatus, number> = { draft: 0, signed: 1, issued: 2 };
  if (order[to] <= order[version.status]) {
    return refuse(kind.name, `不能从“${DOCUMENT_STATUS_LABELS[version.status]}”改为“${DOCUMENT_STATUS_LABELS[to]}”；已签署、签发的文书只能更正`);
  }
  if (to === 'issued' && kind.finalStatus !== 'issued') return refuse(kind.name, `${kind.name}签署即完成，不对外签发`);
  const check = validateDocumentFields(kind, version.fields, {
    status: to,
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
    ...(options.officers ? { officers: options.officers } : {}),
    ...(options.date ? { date: options.date } : {}),
  });
  return check.ok ? { ok: true } : { ok: false, missing: [...check.missing, ...check.invalid] };
}
