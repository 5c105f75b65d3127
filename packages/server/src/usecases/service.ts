/**
 * Service (送达, REC-25 · GS-R 37-40): direct, mail, refusal with witnesses,
 * entrusted, public notice. A service is recorded only with its proof; an
 * incomplete proof is refused with what is missing, and nothing is stored.
 */
import { and, eq } from 'drizzle-orm';
import { AppError, checkActDate, getDocumentKind, serviceCounts, type ServiceRecord } from '@sanxiang/core';
import { chinaDate } from '../lib/time.js';
import { caseTimeline } from './procedure/gate.js';
import type { ActorContext, AppContext } from '../context.js';
import { caseEvents, cases, documentVersions, documents, serviceRecords } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { recordAudit } from './audit.js';
import { currentVersionId, loadCaseContext } from './case-context.js';
import { catalogueOfAgency } from './document-kinds.js';
import { loadReadableCase, requireCaseWriter } from './cases.js';

export async function recordService(ctx: AppContext, actor: ActorContext, caseId: string, input: { documentId: string; record: Record<string, unknown> }) {
  const now = ctx.clock.now();
  const row = await loadReadableCase(ctx, actor, caseId);
  await requireCaseWriter(ctx, actor, row, 'service.record');
  const [doc] = await ctx.db.select().from(documents).where(and(eq(documents.id, input.documentId), eq(documents.caseId, caseId)));
  if (!doc) throw new AppError('not_found');
  const versions = await ctx.db.select().from(documentVersions).where(eq(documentVersions.documentId, doc.id));
  const current = versions.sort((a, b) => b.version - a.version)[0]!;
  const kind = getDocumentKind(doc.kind, await catalogueOfAgency(ctx.db, row.agencyId));
  if (!kind?.servedToParty) throw new AppError('conflict', { detail: `${kind?.name ?? doc.kind}不需要送达当事人` });
  if (current.status === 'draft') throw new AppError('conflict', { detail: '文书尚未签署或签发，不能送达' });
  const c = await loadCaseContext(ctx.db, row);
  const id = newId();
  // The record names the version served: a corrected document is served again.
  const approval = input.record.approvalDocumentId;
  const record = {
    ...input.record,
    // A 公告送达审批意见书 may be named by its document id; the check reads its current version.
    ...(typeof approval === 'string' && c.documentRows.some((d) => d.id === approval) ? { approvalDocumentId: currentVersionId(approval, c.versionRows) } : {}),
    id,
    documentId: current.id,
  } as unknown as ServiceRecord;
  const docRefs = c.versionRows.map((v) => ({ id: v.id, kind: c.documentRows.find((d) => d.id === v.documentId)?.kind ?? '', status: v.status }));
  const result = serviceCounts(record, { profile: c.profile, documents: docRefs });
  if (!result.counts) {
    throw new AppError('service.proof_incomplete', { missing: result.missing.map((m) => `${m.label}（${m.reason}）`), details: result.missing });
  }
  // Issue 11 item 1: a service is dated within the case's life, and not before the issue of what it serves.
  if (result.servedOn) {
    const issued = typeof current.fields.issueDate === 'string' ? current.fields.issueDate : current.finalizedAt ? chinaDate(current.finalizedAt) : undefined;
    const dated = checkActDate({ date: result.servedOn, today: chinaDate(now), timeline: caseTimeline(c), what: `${kind.name}送达`, ...(issued ? { notBefore: { date: issued, label: `${kind.name}签发（签署）日期` } } : {}) });
    if (!dated.ok) throw new AppError('document.date_invalid', { detail: dated.missing.map((m) => m.reason).join('；'), details: dated.missing });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.insert(serviceRecords).values({ id, caseId, documentId: doc.id, method: String(input.record.method), record: record as unknown as Record<string, unknown>, counts: true, servedOn: result.servedOn, createdAt: now, createdBy: actor.userId });
    const detail = { documentId: doc.id, version: current.version, method: input.record.method, servedOn: result.servedOn };
    await tx.insert(caseEvents).values({ caseId, at: now, actorId: actor.userId, actorName: actor.displayName, kind: 'service.record', detail });
    // NAT-8, NAT-12: the service of the decision starts the payment and remedy periods.
    if (doc.kind === 'penaltyDecision' && result.servedOn && !row.dates.serviceDate) {
      await tx.update(cases).set({ dates: { ...row.dates, serviceDate: result.servedOn }, updatedAt: now }).where(eq(cases.id, caseId));
    }
    // NAT-11 · 按日连续处罚办法 第八条、第十条: the first service of a 责令改正违法行为决定书 starts the 复查 period.
    if (doc.kind === 'correctionOrder' && result.servedOn && !row.dates.correctionServedOn) {
      await tx.update(cases).set({ dates: { ...row.dates, correctionServedOn: result.servedOn }, updatedAt: now }).where(eq(cases.id, caseId));
    }
    await recordAudit(tx, { at: now, actor, action: 'service.record', object: { type: 'case', id: caseId, agencyId: row.agencyId, agencyPath: row.agencyPath }, detail });
  });
  return { id, counts: true, servedOn: result.servedOn, advisories: result.advisories };
}
