/**
 * Documents (文书) of a case: numbered within the case (REC-15), drafted,
 * then signed or issued with a 文号; a signed or issued version is an
 * original that never changes, and a correction is a new version with its
 * reason that points at the one it supersedes (REC-16). A penalty decision
 * is issued only with every item of 行政处罚法 Art 59 (NAT-7).
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  AppError,
  checkActDate,
  checkEditable,
  checkStatusChange,
  correctionOf,
  documentHistory,
  documentNumberScope,
  formatDocumentNumber,
  formatRecordNumber,
  getDocumentKind,
  recordNumberScope,
  specsForProfile,
  validateDocumentFields,
  versionContentHash,
  type DocumentCatalogue,
  type DocumentFieldValues,
  type DocumentVersion,
  type ProfileId,
  type RuleMissing,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { caseEvents, cases, documentVersions, documents } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize } from './authorize.js';
import { loadHandlers, type CaseRow } from './case-context.js';
import { findAgency } from './agencies.js';
import { loadReadableCase, requireCaseWriter } from './cases.js';
import { nextNumber } from './numbering.js';
import { agencyCatalogue, catalogueOfAgency } from './document-kinds.js';
import { appendLeaf } from './integrity-log.js';
import { assertLegalReviewGate } from './review-gate.js';
import { startPublication } from './publications.js';
import { assertDocumentAct, assertFineWithinRange } from './procedure/gate.js';
import { assertDailyPenalty, recordReinspection } from './procedure/daily-penalty.js';
import { violationCatalogueInForce } from './violation-catalogue.js';

type VersionRow = typeof documentVersions.$inferSelect;
type DocumentRow = typeof documents.$inferSelect;

function toDomain(d: DocumentRow, v: VersionRow): DocumentVersion {
  return {
    id: v.id,
    documentId: v.documentId,
    kind: d.kind,
    version: v.version,
    status: v.status,
    fields: v.fields,
    supersedes: v.supersedes,
    correctionReason: v.correctionReason,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
  };
}

export function contentHash(d: Pick<DocumentRow, 'id' | 'caseId' | 'kind' | 'recordNumber'>, v: Pick<VersionRow, 'version' | 'status' | 'fields' | 'docNumber' | 'supersedes' | 'correctionReason'>): string {
  return versionContentHash({ documentId: d.id, caseId: d.caseId, kind: d.kind, recordNumber: d.recordNumber, version: v.version, status: v.status, fields: v.fields, docNumber: v.docNumber, supersedes: v.supersedes, correctionReason: v.correctionReason });
}

function fieldsError(kind: string, missing: readonly RuleMissing[], catalogue?: DocumentCatalogue): AppError {
  const detail = missing.map((m) => `${m.label}：${m.reason}`).join('；');
  if (kind === 'penaltyDecision' && missing.some((m) => /NAT-7|第五十九条|Art 59/.test(`${m.basis ?? ''}${m.reason}`))) {
    return new AppError('document.penalty_decision_incomplete', { missing: missing.map((m) => m.label), details: missing });
  }
  return new AppError('document.fields_invalid', { kind: getDocumentKind(kind, catalogue)?.name ?? kind, detail, details: missing });
}

async function loadLineage(ctx: AppContext | { db: Tx }, c: CaseRow, documentId: string) {
  const [doc] = await ctx.db.select().from(documents).where(and(eq(documents.id, documentId), eq(documents.caseId, c.id)));
  if (!doc) throw new AppError('not_found');
  const versions = await ctx.db.select().from(documentVersions).where(eq(documentVersions.documentId, documentId)).orderBy(asc(documentVersions.version));
  return { doc, versions, current: versions[versions.length - 1]! };
}

async function event(tx: Tx, c: CaseRow, actor: ActorContext, at: Date, kind: string, detail: Record<string, unknown>) {
  await tx.insert(caseEvents).values({ caseId: c.id, at, actorId: actor.userId, actorName: actor.displayName, kind, detail });
  await recordAudit(tx, { at, actor, action: kind, object: { type: 'case', id: c.id, agencyId: c.agencyId, agencyPath: c.agencyPath }, detail });
}

/** Starts a document of `kind` in the case as a draft (version 1), numbered within the case (REC-15). */
export async function createDocument(ctx: AppContext, actor: ActorContext, caseId: string, input: { kind: string; fields: DocumentFieldValues }) {
  const now = ctx.clock.now();
  const c = await loadReadableCase(ctx, actor, caseId);
  await requireCaseWriter(ctx, actor, c, 'document.write');
  const catalogue = await catalogueOfAgency(ctx.db, c.agencyId);
  const kind = getDocumentKind(input.kind, catalogue);
  if (!kind) throw new AppError('document.unknown_kind', { kind: input.kind });
  if (!kind.actionTypes.includes(c.actionType)) throw new AppError('document.fields_invalid', { kind: kind.name, detail: `不适用于${c.actionType}案件` });
  const check = validateDocumentFields(kind, input.fields, { status: 'draft', catalogue });
  if (!check.ok && check.invalid.length) throw fieldsError(kind.key, check.invalid, catalogue);
  // Issue 11 item 1: a kind is drafted only in its stages (usecases/procedure/gate.ts).
  if (c.state !== 'archived') await assertDocumentAct(ctx.db, c, kind, 'draft', { now });
  const documentId = newId();
  const versionId = newId();
  await ctx.db.transaction(async (tx) => {
    const seq = await nextNumber(tx, recordNumberScope(c.id, kind.code));
    const rn = formatRecordNumber({ caseNumber: c.caseNumber, kindCode: kind.code, sequence: seq });
    if (!rn.ok) throw new AppError('numbering.template_invalid', { detail: rn.missing.map((m) => m.reason).join('；') });
    await tx.insert(documents).values({ id: documentId, caseId: c.id, kind: kind.key, recordNumber: rn.value, createdAt: now, createdBy: actor.userId });
    await tx.insert(documentVersions).values({ id: versionId, documentId, caseId: c.id, version: 1, status: 'draft', fields: { ...input.fields }, createdAt: now, createdBy: actor.userId });
    await event(tx, c, actor, now, 'document.create', { documentId, kind: kind.key, kindName: kind.name, recordNumber: rn.value });
  });
  return getDocument(ctx, actor, caseId, documentId);
}

/** Revises the current draft (only a draft; REC-16). */
export async function saveDraft(ctx: AppContext, actor: ActorContext, caseId: string, documentId: string, fields: DocumentFieldValues) {
  const now = ctx.clock.now();
  const c = await loadReadableCase(ctx, actor, caseId);
  await requireCaseWriter(ctx, actor, c, 'document.write');
  await ctx.db.transaction(async (tx) => {
    const { doc, current } = await loadLineage({ db: tx }, c, documentId);
    const editable = checkEditable(toDomain(doc, current), c.state);
    if (!editable.ok) throw new AppError('document.signed_immutable');
    const catalogue = await catalogueOfAgency(tx, c.agencyId);
    const check = validateDocumentFields(doc.kind, fields, { status: 'draft', catalogue });
    if (!check.ok && check.invalid.length) throw fieldsError(doc.kind, check.invalid, catalogue);
    await tx.update(documentVersions).set({ fields: { ...fields } }).where(eq(documentVersions.id, current.id));
    await event(tx, c, actor, now, 'document.saveDraft', { documentId, version: current.version });
  });
  return getDocument(ctx, actor, caseId, documentId);
}

/**
 * Signs (签署) or issues (签发) the current draft. Issuing needs a unit or
 * agency head, gives the 文号 and the date, and for a penalty decision checks
 * NAT-7. The version is then an original, with its content hash.
 */
export async function finalizeDocument(ctx: AppContext, actor: ActorContext, caseId: string, documentId: string, input: { status: 'signed' | 'issued'; fields?: DocumentFieldValues | undefined }) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const c = await loadReadableCase(ctx, actor, caseId);
  await requireCaseWriter(ctx, actor, c, 'document.write');
  if (input.status === 'issued') authorize(actor, 'document.issue', { agencyId: c.agencyId, agencyPath: c.agencyPath }, 'case.read');
  const agency = (await findAgency(ctx.db, c.agencyId))!;
  await ctx.db.transaction(async (tx) => {
    const { doc, current } = await loadLineage({ db: tx }, c, documentId);
    const catalogue = agencyCatalogue(agency);
    const kind = getDocumentKind(doc.kind, catalogue)!;
    if (current.status !== 'draft') throw new AppError('document.signed_immutable');
    let fields: Record<string, unknown> = { ...current.fields, ...(input.fields ?? {}) };
    // Issue 11 items 1-2: the stage, the order of 行政处罚法 before a decision, and dates in order (usecases/procedure/gate.ts).
    if (c.state !== 'archived') {
      const dated = typeof fields.issueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fields.issueDate) ? fields.issueDate : undefined;
      await assertDocumentAct(tx, c, kind, input.status === 'issued' ? 'issue' : 'sign', { now, date: dated });
    }
    // NAT-11 · 按日连续处罚办法: a linked case's decision follows the original decision, the 责令改正 served and
    // the 复查 finding it continuing, with the original fine × days (procedure/daily-penalty.ts) — the range applies per day.
    if (kind.key === 'penaltyDecision' && c.flags.dailyPenaltyOf) {
      if (input.status === 'issued') {
        const dated = typeof fields.issueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fields.issueDate) ? fields.issueDate : today;
        await assertDailyPenalty(tx, c, fields, dated);
      }
    } else if (kind.key === 'penaltyDecision') {
      // NAT-22: the fine within the cited article's range; outside the benchmark band only with a reason.
      assertFineWithinRange(kind.key, fields, (await violationCatalogueInForce(tx, c.agencyId)).entries);
    }
    // NAT-11 · 按日连续处罚办法 第十条: the 复查 is dated within the case's life, not after the day it is signed.
    if (kind.key === 'reinspectionRecord' && typeof fields.reinspectedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fields.reinspectedOn)) {
      const dated = checkActDate({ date: fields.reinspectedOn, today, timeline: { filingDate: c.dates.filingDate }, what: '复查' });
      if (!dated.ok) throw new AppError('document.date_invalid', { detail: dated.missing.map((m) => m.reason).join('；'), details: dated.missing });
    }
    // REV-1 · SX19-L 5, XX-L 5: a major decision is signed or issued only after a passed legal review (usecases/review-gate.ts).
    await assertLegalReviewGate(tx, c.id, { documentId: doc.id, kind: doc.kind, fields });
    let docNumber: string | null = null;
    if (input.status === 'issued' && kind.finalStatus === 'issued') {
      // The 文号 is taken only if everything else is in order (the transaction rolls it back otherwise).
      const year = Number(today.slice(0, 4));
      const seq = await nextNumber(tx, documentNumberScope(agency.id, kind.code, year));
      const n = formatDocumentNumber({ agencyCode: agency.numberCode || agency.shortName || agency.name, kindCode: kind.code, year, sequence: seq });
      if (!n.ok) throw new AppError('numbering.template_invalid', { detail: n.missing.map((m) => m.reason).join('；') });
      docNumber = n.value;
      fields = { ...fields, documentNumber: docNumber, issueDate: fields.issueDate ?? today };
    }
    const officers = await loadHandlers(tx, c.id);
    const check = checkStatusChange({ ...toDomain(doc, current), fields }, input.status, { caseState: c.state, officers, date: today, catalogue });
    if (!check.ok) {
      if (check.missing.some((m) => m.kind === 'stage')) throw new AppError('case.archived');
      if (check.missing.length === 1 && check.missing[0]!.label === kind.name) {
        throw new AppError('document.status_invalid', { from: current.status, to: input.status });
      }
      throw fieldsError(doc.kind, check.missing, catalogue);
    }
    const hash = contentHash(doc, { ...current, status: input.status, fields, docNumber });
    await tx.update(documentVersions).set({ status: input.status, fields, docNumber, contentHash: hash, finalizedAt: now, finalizedBy: actor.userId }).where(eq(documentVersions.id, current.id));
    // REC-16, NAT-18: the original is sealed into the integrity log with its content hash.
    await appendLeaf(tx, {
      kind: 'document.version',
      objectType: 'documentVersion',
      objectId: current.id,
      caseId: c.id,
      agencyPath: c.agencyPath,
      at: now,
      payload: { documentId: doc.id, version: current.version, status: input.status, contentHash: hash, actorId: actor.userId },
    });
    // NAT-3, NAT-8: issuing the penalty decision ends the decision period and starts the service period.
    if (input.status === 'issued' && doc.kind === 'penaltyDecision' && !c.dates.decisionDate) {
      await tx.update(cases).set({ dates: { ...c.dates, decisionDate: String(fields.issueDate ?? today) }, updatedAt: now }).where(eq(cases.id, c.id));
    }
    // NAT-11: the first 复查 meets the 复查 period of the case that served the 责令改正 (this one or the original).
    if (kind.key === 'reinspectionRecord' && input.status === 'signed' && typeof fields.reinspectedOn === 'string') {
      await recordReinspection(tx, c, fields.reinspectedOn, now);
    }
    await event(tx, c, actor, now, input.status === 'issued' ? 'document.issue' : 'document.sign', { documentId, kind: doc.kind, version: current.version, docNumber, contentHash: hash });
    // PUB-2 · SX25-P 14: a decision made is a publication draft with its due date (usecases/publications.ts).
    if (input.status === kind.finalStatus) await startPublication(tx, { caseRow: c, agency, documentId: doc.id, kind: doc.kind, fields, actor, now });
  });
  return getDocument(ctx, actor, caseId, documentId);
}

/** REC-16: a correction of the current signed or issued version: a new draft version with the reason. */
export async function correctDocument(ctx: AppContext, actor: ActorContext, caseId: string, documentId: string, input: { reason: string; fields?: DocumentFieldValues | undefined }) {
  const now = ctx.clock.now();
  const c = await loadReadableCase(ctx, actor, caseId);
  await requireCaseWriter(ctx, actor, c, 'document.write');
  await ctx.db.transaction(async (tx) => {
    const { doc, versions, current } = await loadLineage({ db: tx }, c, documentId);
    const lineage = versions.map((v) => toDomain(doc, v));
    const result = correctionOf(toDomain(doc, current), { id: newId(), reason: input.reason, at: now.toISOString(), by: actor.userId, ...(input.fields ? { fields: input.fields } : {}) }, { lineage, caseState: c.state });
    if (!result.ok) throw new AppError('document.correction_invalid', { reason: result.missing.map((m) => m.reason).join('；') });
    const v = result.version;
    // A corrected document keeps no stale 文号: the new version is issued with its own.
    const { documentNumber: _n, ...fields } = v.fields as Record<string, unknown>;
    await tx.insert(documentVersions).values({ id: v.id, documentId, caseId: c.id, version: v.version, status: 'draft', fields, supersedes: v.supersedes, correctionReason: v.correctionReason, createdAt: now, createdBy: actor.userId });
    await event(tx, c, actor, now, 'document.correct', { documentId, version: v.version, supersedes: current.version, reason: v.correctionReason, reissueRequired: result.reissueRequired });
  });
  return getDocument(ctx, actor, caseId, documentId);
}

/** A document with its whole history (every version, superseded ones included). */
export async function getDocument(ctx: AppContext, actor: ActorContext, caseId: string, documentId: string) {
  const c = await loadReadableCase(ctx, actor, caseId);
  const { doc, versions } = await loadLineage(ctx, c, documentId);
  const kind = getDocumentKind(doc.kind, await catalogueOfAgency(ctx.db, c.agencyId));
  const byId = new Map(versions.map((v) => [v.id, v]));
  return {
    documentId: doc.id,
    caseId: c.id,
    caseNumber: c.caseNumber,
    kind: doc.kind,
    kindName: kind?.name ?? doc.kind,
    recordNumber: doc.recordNumber,
    // The rule notes in the agency's own terms (issue 15): its province's rules and national law, by title.
    fieldSpecs: specsForProfile(kind?.fields ?? [], ((await findAgency(ctx.db, c.agencyId))?.profileId ?? 'national') as ProfileId),
    finalStatus: kind?.finalStatus ?? 'signed',
    history: documentHistory(versions.map((v) => toDomain(doc, v))).map((h) => ({
      ...h,
      docNumber: byId.get(h.id)?.docNumber ?? null,
      contentHash: byId.get(h.id)?.contentHash ?? null,
      finalizedAt: byId.get(h.id)?.finalizedAt?.toISOString() ?? null,
    })),
  };
}

/** The version to render: a given version or the current one. */
export async function documentForRendering(ctx: AppContext, actor: ActorContext, caseId: string, documentId: string, version?: number) {
  const c = await loadReadableCase(ctx, actor, caseId);
  const { doc, versions, current } = await loadLineage(ctx, c, documentId);
  const v = version ? versions.find((x) => x.version === version) : current;
  if (!v) throw new AppError('not_found');
  const agency = (await findAgency(ctx.db, c.agencyId))!;
  return { case: c, doc, version: v, agency, kind: getDocumentKind(doc.kind, agencyCatalogue(agency))! };
}
