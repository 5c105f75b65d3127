/**
 * How the stage checks read a case's documents (REC-16, REC-25): only the
 * latest version of each document counts; a served document counts once a
 * service record proves it (records/service.ts); a signed or issued document
 * with values must also pass its template (records/validate.ts).
 */
import type { CivilDate } from '../calendar/civil-date.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { ResolvedProfile } from '../profiles/types.js';
import { type DocumentCatalogue, getDocumentKind } from '../records/catalogue.js';
import { DOCUMENT_STATUS_LABELS } from '../records/fields.js';
import { serviceCounts } from '../records/service.js';
import { validateDocumentFields } from '../records/validate.js';
import type { RuleMissingKind } from './citation.js';
import type { ConditionContext } from './conditions.js';
import type { DocAlternative, RequirementNeed } from './requirements.js';
import type { CaseDocumentRef, CaseSnapshot } from './snapshot.js';

/** What a stage check needs: the case, its profile, the calendar and the day. */
export interface AdvanceInput {
  snapshot: CaseSnapshot;
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  /** China date of the check (certificates, hearing period). */
  today: CivilDate;
  /** The agency's catalogue when it has its own kinds; default the built-ins. */
  catalogue?: DocumentCatalogue;
}

/** The input plus the current documents, resolved once per check. */
export interface CheckContext extends ConditionContext {
  input: AdvanceInput;
  docs: CaseDocumentRef[];
  catalogue: DocumentCatalogue;
}

/** The latest version of each document (by `documentId`, else `id`). */
export function currentDocuments(docs: readonly CaseDocumentRef[]): CaseDocumentRef[] {
  const latest = new Map<string, CaseDocumentRef>();
  for (const d of docs) {
    const key = d.documentId ?? d.id;
    const seen = latest.get(key);
    if (!seen || (d.version ?? 1) >= (seen.version ?? 1)) latest.set(key, d);
  }
  return [...latest.values()];
}

/** Chinese name of a kind (agency kinds included), or the key itself. */
export function kindName(ctx: CheckContext, kind: string): string {
  return getDocumentKind(kind, ctx.catalogue)?.name ?? kind;
}

/** Why a served document's service does not count, or null when one service counts. */
export function serviceProblem(ctx: CheckContext, doc: CaseDocumentRef): string | null {
  const services = (ctx.snapshot.services ?? []).filter((s) => s.documentId === doc.id);
  if (services.length === 0) return '尚未送达';
  const docs = ctx.docs.map((d) => ({ id: d.id, kind: d.kind, status: d.status }));
  const results = services.map((s) => serviceCounts(s, { profile: ctx.profile, documents: docs }));
  if (results.some((r) => r.counts)) return null;
  const reasons = results.flatMap((r) => r.missing.map((m) => m.reason));
  return `送达证明不完整：${[...new Set(reasons)].join('；')}`;
}

function statusOk(status: CaseDocumentRef['status'], wanted: 'signed' | 'issued'): boolean {
  return wanted === 'signed' ? status !== 'draft' : status === 'issued';
}

/** Problems of one candidate document for a document row, in the order a user fixes them. */
function documentProblems(ctx: CheckContext, doc: CaseDocumentRef, alt: DocAlternative, need: Extract<RequirementNeed, { type: 'document' }>): string[] {
  const name = kindName(ctx, doc.kind);
  if (alt.whenField && doc.fields?.[alt.whenField] !== true) return [`${name}未告知相应权利`];
  if (!statusOk(doc.status, need.status)) {
    const want = need.status === 'issued' ? '签发' : '签署';
    return [doc.status === 'draft' && (doc.version ?? 1) > 1 ? `${name}的更正版本尚未${want}` : `${name}${DOCUMENT_STATUS_LABELS[doc.status]}，尚未${want}`];
  }
  if (doc.fields) {
    const check = validateDocumentFields(doc.kind, doc.fields, { status: doc.status, catalogue: ctx.catalogue, ...(ctx.snapshot.handlers ? { officers: ctx.snapshot.handlers } : {}) });
    if (!check.ok) {
      const items = [...check.missing, ...check.invalid].map((m) => `${m.label}${m.reason.startsWith('缺少') ? `（${m.reason}）` : `：${m.reason}`}`);
      return [`${name}内容不完整：${items.join('；')}`];
    }
  }
  if (need.served) {
    const p = serviceProblem(ctx, doc);
    if (p) return [`${name}${p}`];
  }
  return [];
}

export function evaluateDocument(ctx: CheckContext, need: Extract<RequirementNeed, { type: 'document' }>): { reasons: string[]; kind: RuleMissingKind } {
  let best: string[] | null = null;
  for (const alt of need.anyOf) {
    for (const doc of ctx.docs.filter((d) => d.kind === alt.kind)) {
      const problems = documentProblems(ctx, doc, alt, need);
      if (problems.length === 0) return { reasons: [], kind: 'document' };
      best ??= problems;
    }
  }
  if (best) return { reasons: best, kind: best.some((p) => p.includes('送达')) ? 'service' : 'document' };
  return { reasons: ['尚未制作'], kind: 'document' };
}

/** The China date on which a document was validly served, if it was. */
export function servedOn(ctx: CheckContext, doc: CaseDocumentRef): CivilDate | undefined {
  const docs = ctx.docs.map((d) => ({ id: d.id, kind: d.kind, status: d.status }));
  return (ctx.snapshot.services ?? [])
    .filter((s) => s.documentId === doc.id)
    .map((s) => serviceCounts(s, { profile: ctx.profile, documents: docs }).servedOn)
    .find((d): d is CivilDate => d !== null);
}
