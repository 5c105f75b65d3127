/**
 * Retention of the evidence vault (REC-18): litigation holds and the disposal
 * (销毁) of a media file whose retention period ran out.
 *
 * - A hold (诉讼保全, GS-R 43 ¶3: AV is kept while an administrative lawsuit
 *   is open) covers one file or the whole case until it is released; the
 *   records keeper or the agency head places and releases it.
 * - A disposal is asked for by the records keeper with a reason, only after
 *   the earliest disposal date (REC-16 · SX25-R 22: nothing is destroyed
 *   within the retention period) and with no hold in force; the agency head —
 *   another person — approves, which carries it out in the same transaction:
 *   the decision row, the audit event and the Merkle leaf are written, and
 *   the stored bytes are deleted unless another file that is not disposed of
 *   still refers to the same SHA-256 (one blob per content, NAT-18). The
 *   media_files row stays (append-only): the file is shown as 已销毁 with its
 *   disposal record, and `sanxiang verify` and case bundles name it as
 *   disposed, not missing.
 *
 * Each step is an append-only row, an audit event and a leaf of the log.
 */
import { and, eq, sql } from 'drizzle-orm';
import { AppError, blobDisposition, disposalApprovalBlockers, disposalRequestBlockers, type DisposalBlocker } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { mediaDisposalDecisions, mediaDisposals, mediaFiles, mediaHoldReleases, mediaHolds } from '../db/schema.js';
import { mediaServices } from '../blobs/index.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize, scopeWhere } from './authorize.js';
import { loadReadableCase } from './cases.js';
import { appendLeaf } from './integrity-log.js';
import { disposalDateOf, loadReadableMedia, presentMedia } from './media.js';
import { disposedError, fileRetention, loadRetentionState, presentDisposal, presentHold } from './media-retention-state.js';

const ID = /^[0-9a-f-]{36}$/;

/** The first blocker as the matching error (REC-18: each reason has its own code). */
function blockerError(b: DisposalBlocker, recordNumber: string, executed?: { at: Date; reason: string }): AppError {
  switch (b.code) {
    case 'disposed':
      return executed ? disposedError(recordNumber, executed.at, executed.reason) : new AppError('media.disposal_invalid', { detail: b.reason });
    case 'hold':
      return new AppError('media.hold_active', { detail: b.reason });
    case 'pending':
      return new AppError('media.disposal_pending');
    case 'retention':
      return new AppError('media.retention_not_passed', { detail: b.reason });
    case 'samePerson':
      return new AppError('media.disposal_same_person');
  }
}

/** Row locks that serialise holds and disposals of one case (and so of its files). */
async function lockCase(tx: Tx, caseId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM cases WHERE id = ${caseId} FOR UPDATE`);
}

export interface HoldInput {
  /** One file of the case; absent: every media file of the case. */
  mediaId?: string | null | undefined;
  reason: string;
  /** The court's case number or another reference. */
  reference?: string | undefined;
}

/** REC-18 · GS-R 43 ¶3: places a litigation hold on one file or on every media file of a case. */
export async function placeHold(ctx: AppContext, actor: ActorContext, caseId: string, input: HoldInput) {
  const now = ctx.clock.now();
  const c = await loadReadableCase(ctx, actor, caseId);
  authorize(actor, 'media.hold', c, 'case.read');
  const reason = input.reason.trim();
  if (reason.length < 4) throw new AppError('media.hold_invalid', { detail: '须写明保全理由（如诉讼、复议案件）' });
  const mediaId = input.mediaId ?? null;
  let recordNumber: string | null = null;
  if (mediaId) {
    const [m] = ID.test(mediaId) ? await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId)) : [];
    if (!m || m.caseId !== c.id) throw new AppError('media.hold_invalid', { detail: '保全范围须为本案音像记录' });
    recordNumber = m.recordNumber;
  }
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, c.id);
    if (mediaId && fileRetention(await loadRetentionState(tx, c.id), mediaId).executed) {
      throw new AppError('media.hold_invalid', { detail: `${recordNumber} 已销毁` });
    }
    const reference = input.reference?.trim() ?? '';
    const leaf = await appendLeaf(tx, { kind: 'media.hold', objectType: 'mediaHold', objectId: id, caseId: c.id, agencyPath: c.agencyPath, at: now, payload: { mediaId, reason, reference, by: actor.userId } });
    await tx.insert(mediaHolds).values({ id, caseId: c.id, mediaId, agencyId: c.agencyId, agencyPath: c.agencyPath, reason, reference, placedBy: actor.userId, placedByName: actor.displayName, placedAt: now, leafIndex: leaf.index });
    await recordAudit(tx, { at: now, actor, action: 'media.hold', object: { type: 'mediaHold', id, agencyId: c.agencyId, agencyPath: c.agencyPath }, detail: { caseId: c.id, mediaId, recordNumber, reason, reference, leafIndex: leaf.index } });
  });
  const state = await loadRetentionState(ctx.db, c.id);
  return presentHold(state.holds.find((h) => h.hold.id === id)!);
}

/** REC-18: ends a hold (the litigation is over), with the reason. */
export async function releaseHold(ctx: AppContext, actor: ActorContext, holdId: string, input: { reason: string }) {
  const now = ctx.clock.now();
  const [h] = ID.test(holdId) ? await ctx.db.select().from(mediaHolds).where(eq(mediaHolds.id, holdId)) : [];
  if (!h) throw new AppError('not_found');
  const c = await loadReadableCase(ctx, actor, h.caseId);
  authorize(actor, 'media.hold', c, 'case.read');
  const reason = input.reason.trim();
  if (reason.length < 4) throw new AppError('media.hold_invalid', { detail: '须写明解除理由（如判决已生效）' });
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, c.id);
    const [done] = await tx.select().from(mediaHoldReleases).where(eq(mediaHoldReleases.holdId, h.id));
    if (done) throw new AppError('media.hold_released', { at: chinaDate(done.releasedAt) });
    const leaf = await appendLeaf(tx, { kind: 'media.hold.release', objectType: 'mediaHold', objectId: h.id, caseId: c.id, agencyPath: c.agencyPath, at: now, payload: { reason, by: actor.userId } });
    await tx.insert(mediaHoldReleases).values({ holdId: h.id, reason, releasedBy: actor.userId, releasedByName: actor.displayName, releasedAt: now, leafIndex: leaf.index });
    await recordAudit(tx, { at: now, actor, action: 'media.hold.release', object: { type: 'mediaHold', id: h.id, agencyId: c.agencyId, agencyPath: c.agencyPath }, detail: { caseId: c.id, mediaId: h.mediaId, reason, leafIndex: leaf.index } });
  });
  const state = await loadRetentionState(ctx.db, c.id);
  return presentHold(state.holds.find((x) => x.hold.id === h.id)!);
}

/** The holds of a case (in force and released), for whoever reads the case. */
export async function listHolds(ctx: AppContext, actor: ActorContext, caseId: string) {
  const c = await loadReadableCase(ctx, actor, caseId);
  const state = await loadRetentionState(ctx.db, c.id);
  return { items: state.holds.map(presentHold) };
}

/**
 * REC-18 · SX25-R 22: the records keeper asks to dispose of a file whose
 * retention ran out and that no hold covers, stating the reason.
 */
export async function requestDisposal(ctx: AppContext, actor: ActorContext, mediaId: string, input: { reason: string }) {
  const now = ctx.clock.now();
  const { media: m, c } = await loadReadableMedia(ctx, actor, mediaId);
  authorize(actor, 'media.dispose.request', m, 'case.read');
  const reason = input.reason.trim();
  if (reason.length < 4) throw new AppError('media.disposal_invalid', { detail: '须写明销毁理由' });
  const dates = await disposalDateOf(ctx.db, m, { c });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, c.id);
    const fr = fileRetention(await loadRetentionState(tx, c.id), m.id);
    const blockers = disposalRequestBlockers({
      earliest: dates.earliest,
      earliestLabel: dates.label,
      today: chinaDate(now),
      activeHolds: fr.activeHolds.map((h) => ({ reason: h.hold.reason })),
      disposed: !!fr.executed,
      pending: !!fr.pending,
    });
    if (blockers.length) throw blockerError(blockers[0]!, m.recordNumber, fr.executed ? { at: fr.executed.decision!.decidedAt, reason: fr.executed.request.reason } : undefined);
    const leaf = await appendLeaf(tx, {
      kind: 'media.disposal.request',
      objectType: 'mediaDisposal',
      objectId: id,
      caseId: c.id,
      agencyPath: c.agencyPath,
      at: now,
      payload: { mediaId: m.id, sha256: m.sha256, reason, earliestDisposal: dates.earliest, by: actor.userId },
    });
    await tx.insert(mediaDisposals).values({
      id,
      mediaId: m.id,
      caseId: c.id,
      agencyId: m.agencyId,
      agencyPath: m.agencyPath,
      reason,
      earliestDisposal: dates.earliest!,
      retentionLabel: dates.label,
      requestedBy: actor.userId,
      requestedByName: actor.displayName,
      requestedAt: now,
      leafIndex: leaf.index,
    });
    await recordAudit(tx, {
      at: now,
      actor,
      action: 'media.disposal.request',
      object: { type: 'media', id: m.id, agencyId: m.agencyId, agencyPath: m.agencyPath },
      detail: { caseId: c.id, disposalId: id, recordNumber: m.recordNumber, reason, earliestDisposal: dates.earliest, leafIndex: leaf.index },
    });
  });
  return { disposal: presentDisposal((await loadRetentionState(ctx.db, c.id)).disposals.find((d) => d.request.id === id)!), media: await presentMedia(ctx, actor, m) };
}

export interface DisposalDecisionInput {
  approved: boolean;
  comment?: string | undefined;
}

/**
 * REC-18: the agency head decides a disposal request, once. An approval is
 * checked again on the day (retention passed, no hold, another person than
 * the one who asked) and carries the disposal out.
 */
export async function decideDisposal(ctx: AppContext, actor: ActorContext, disposalId: string, input: DisposalDecisionInput) {
  const now = ctx.clock.now();
  const [r] = ID.test(disposalId) ? await ctx.db.select().from(mediaDisposals).where(eq(mediaDisposals.id, disposalId)) : [];
  if (!r) throw new AppError('not_found');
  const { media: m, c } = await loadReadableMedia(ctx, actor, r.mediaId);
  authorize(actor, 'media.dispose.approve', m, 'case.read');
  const comment = input.comment?.trim() ?? '';
  const dates = await disposalDateOf(ctx.db, m, { c });
  const svc = mediaServices(ctx);
  const object = { type: 'media', id: m.id, agencyId: m.agencyId, agencyPath: m.agencyPath };
  try {
    await ctx.db.transaction(async (tx) => {
      await lockCase(tx, c.id);
      const [decided] = await tx.select().from(mediaDisposalDecisions).where(eq(mediaDisposalDecisions.disposalId, r.id));
      if (decided) throw new AppError('media.disposal_decided', { status: decided.approved ? '已批准并销毁' : '未批准' });
      if (!input.approved) {
        const leaf = await appendLeaf(tx, { kind: 'media.disposal.refusal', objectType: 'mediaDisposal', objectId: r.id, caseId: c.id, agencyPath: c.agencyPath, at: now, payload: { mediaId: m.id, by: actor.userId } });
        await tx.insert(mediaDisposalDecisions).values({ disposalId: r.id, mediaId: m.id, approved: false, comment, sha256: m.sha256, decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now, leafIndex: leaf.index });
        await recordAudit(tx, { at: now, actor, action: 'media.disposal.refuse', object, detail: { caseId: c.id, disposalId: r.id, recordNumber: m.recordNumber, comment, leafIndex: leaf.index } });
        return;
      }
      const fr = fileRetention(await loadRetentionState(tx, c.id), m.id);
      const blockers = disposalApprovalBlockers({
        earliest: dates.earliest,
        earliestLabel: dates.label,
        today: chinaDate(now),
        activeHolds: fr.activeHolds.map((h) => ({ reason: h.hold.reason })),
        disposed: !!fr.executed,
        requestedBy: r.requestedBy,
        approverId: actor.userId,
      });
      if (blockers.length) throw blockerError(blockers[0]!, m.recordNumber, fr.executed ? { at: fr.executed.decision!.decidedAt, reason: fr.executed.request.reason } : undefined);

      // NAT-18: one blob per content. The blob row lock serialises disposals of
      // the same content; one statement (one snapshot) counts the uploads in
      // progress and the files still live, so an ingest committing meanwhile is
      // seen either as one or as the other.
      await tx.execute(sql`SELECT sha256 FROM media_blobs WHERE sha256 = ${m.sha256} FOR UPDATE`);
      const refs = await tx.execute<{ live: string | number; uploads: string | number }>(sql`
        SELECT
          (SELECT count(*) FROM media_uploads u WHERE u.declared_sha256 = ${m.sha256} AND u.status = 'pending') AS uploads,
          (SELECT count(*) FROM media_files f WHERE f.sha256 = ${m.sha256} AND f.id <> ${m.id}
             AND NOT EXISTS (SELECT 1 FROM media_disposal_decisions x WHERE x.media_id = f.id AND x.approved)) AS live`);
      const row = (refs as unknown as { rows?: { live: string | number; uploads: string | number }[] }).rows?.[0] ?? (refs as unknown as { live: string | number; uploads: string | number }[])[0]!;
      const bytes = blobDisposition({ otherLiveReferences: Number(row.live), pendingUploads: Number(row.uploads) });

      const leaf = await appendLeaf(tx, {
        kind: 'media.disposal',
        objectType: 'media',
        objectId: m.id,
        caseId: c.id,
        agencyPath: c.agencyPath,
        at: now,
        payload: { sha256: m.sha256, disposalId: r.id, recordNumber: m.recordNumber, reason: r.reason, earliestDisposal: r.earliestDisposal, requestedBy: r.requestedBy, approvedBy: actor.userId, bytesDeleted: bytes.deleteBytes },
      });
      await tx.insert(mediaDisposalDecisions).values({
        disposalId: r.id,
        mediaId: m.id,
        approved: true,
        comment,
        sha256: m.sha256,
        bytesDeleted: bytes.deleteBytes,
        bytesNote: bytes.note,
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
        decidedAt: now,
        leafIndex: leaf.index,
      });
      await recordAudit(tx, {
        at: now,
        actor,
        action: 'media.dispose',
        object,
        detail: { caseId: c.id, disposalId: r.id, recordNumber: m.recordNumber, sha256: m.sha256, requestedBy: r.requestedByName, reason: r.reason, comment, bytesDeleted: bytes.deleteBytes, bytesNote: bytes.note, leafIndex: leaf.index },
      });
      // Last, still inside the transaction and under the blob lock: a failed
      // delete rolls the disposal back, so the record never says 已销毁 while the
      // bytes it vouches for were not touched, and a live file never loses them.
      if (bytes.deleteBytes) {
        try {
          await svc.blobs.remove(m.sha256);
        } catch (e) {
          throw new AppError('media.dispose_failed', { detail: (e as Error).message });
        }
      }
    });
  } catch (e) {
    // Two heads approving at once: the second finds the first decision.
    if (!(e instanceof AppError)) {
      const [again] = await ctx.db.select().from(mediaDisposalDecisions).where(eq(mediaDisposalDecisions.disposalId, r.id));
      if (again) throw new AppError('media.disposal_decided', { status: again.approved ? '已批准并销毁' : '未批准' });
    }
    throw e;
  }
  const [fresh] = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, m.id));
  const state = await loadRetentionState(ctx.db, c.id);
  return { disposal: presentDisposal(state.disposals.find((d) => d.request.id === r.id)!), media: await presentMedia(ctx, actor, fresh!, { retention: state }) };
}

export interface DisposalListFilter {
  status?: 'pending' | 'disposed' | 'refused' | undefined;
}

/** Disposal requests of the agency (the head's queue), newest first. */
export async function listDisposals(ctx: AppContext, actor: ActorContext, f: DisposalListFilter) {
  const rows = await ctx.db
    .select({ r: mediaDisposals, d: mediaDisposalDecisions, recordNumber: mediaFiles.recordNumber, filename: mediaFiles.filename })
    .from(mediaDisposals)
    .leftJoin(mediaDisposalDecisions, eq(mediaDisposalDecisions.disposalId, mediaDisposals.id))
    .innerJoin(mediaFiles, eq(mediaFiles.id, mediaDisposals.mediaId))
    .where(
      and(
        scopeWhere(actor, 'case.read', mediaDisposals.agencyPath),
        f.status === 'pending' ? sql`${mediaDisposalDecisions.disposalId} IS NULL` : f.status === 'disposed' ? eq(mediaDisposalDecisions.approved, true) : f.status === 'refused' ? eq(mediaDisposalDecisions.approved, false) : undefined,
      ),
    )
    .orderBy(sql`${mediaDisposals.requestedAt} DESC`, sql`${mediaDisposals.id} DESC`)
    .limit(200);
  return { items: rows.map((x) => ({ ...presentDisposal({ request: x.r, decision: x.d ?? undefined }), recordNumber: x.recordNumber, filename: x.filename })) };
}
