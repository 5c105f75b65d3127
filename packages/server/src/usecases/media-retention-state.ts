/**
 * The retention state of a case's media (REC-18): litigation holds with their
 * releases, disposal requests with their decisions — loaded once per case and
 * read per file by the presenter, the use cases and the integrity checks.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, activeHoldsOn, holdCovers } from '@sanxiang/core';
import type { DbOrTx } from '../db/client.js';
import { mediaDisposalDecisions, mediaDisposals, mediaHoldReleases, mediaHolds } from '../db/schema.js';

export type HoldRow = typeof mediaHolds.$inferSelect;
export type HoldReleaseRow = typeof mediaHoldReleases.$inferSelect;
export type DisposalRow = typeof mediaDisposals.$inferSelect;
export type DisposalDecisionRow = typeof mediaDisposalDecisions.$inferSelect;

export interface HoldState {
  hold: HoldRow;
  release: HoldReleaseRow | undefined;
}
export interface DisposalState {
  request: DisposalRow;
  decision: DisposalDecisionRow | undefined;
}
export interface RetentionState {
  holds: HoldState[];
  disposals: DisposalState[];
}

export async function loadRetentionState(db: DbOrTx, caseId: string): Promise<RetentionState> {
  const holds = await db.select().from(mediaHolds).where(eq(mediaHolds.caseId, caseId)).orderBy(asc(mediaHolds.placedAt), asc(mediaHolds.id));
  const releases = holds.length ? await db.select().from(mediaHoldReleases).where(inArray(mediaHoldReleases.holdId, holds.map((h) => h.id))) : [];
  const requests = await db.select().from(mediaDisposals).where(eq(mediaDisposals.caseId, caseId)).orderBy(asc(mediaDisposals.requestedAt), asc(mediaDisposals.id));
  const decisions = requests.length ? await db.select().from(mediaDisposalDecisions).where(inArray(mediaDisposalDecisions.disposalId, requests.map((r) => r.id))) : [];
  return {
    holds: holds.map((hold) => ({ hold, release: releases.find((r) => r.holdId === hold.id) })),
    disposals: requests.map((request) => ({ request, decision: decisions.find((d) => d.disposalId === request.id) })),
  };
}

/** What one file's retention looks like in the case's state. */
export function fileRetention(state: RetentionState, mediaId: string) {
  const holds = state.holds.filter((h) => holdCovers(h.hold, mediaId));
  const active = activeHoldsOn(
    holds.map((h) => ({ ...h, mediaId: h.hold.mediaId, reason: h.hold.reason, released: !!h.release })),
    mediaId,
  );
  const mine = state.disposals.filter((d) => d.request.mediaId === mediaId);
  return {
    holds,
    activeHolds: active,
    executed: mine.find((d) => d.decision?.approved),
    pending: mine.find((d) => !d.decision),
    history: mine,
  };
}

export function presentHold(h: HoldState) {
  return {
    id: h.hold.id,
    caseId: h.hold.caseId,
    mediaId: h.hold.mediaId,
    scope: h.hold.mediaId ? ('file' as const) : ('case' as const),
    reason: h.hold.reason,
    reference: h.hold.reference,
    placedBy: h.hold.placedByName,
    placedAt: h.hold.placedAt.toISOString(),
    active: !h.release,
    release: h.release ? { reason: h.release.reason, by: h.release.releasedByName, at: h.release.releasedAt.toISOString() } : null,
  };
}

export function presentDisposal(d: DisposalState) {
  const r = d.request;
  const x = d.decision;
  return {
    id: r.id,
    mediaId: r.mediaId,
    caseId: r.caseId,
    reason: r.reason,
    earliestDisposal: r.earliestDisposal,
    retentionLabel: r.retentionLabel,
    requestedBy: r.requestedByName,
    requestedById: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    status: !x ? ('pending' as const) : x.approved ? ('disposed' as const) : ('refused' as const),
    statusLabel: !x ? '待审批' : x.approved ? '已批准并销毁' : '未批准',
    decision: x
      ? { approved: x.approved, comment: x.comment, by: x.decidedByName, at: x.decidedAt.toISOString(), bytesDeleted: x.bytesDeleted, bytesNote: x.bytesNote, leafIndex: x.leafIndex }
      : null,
  };
}

/** The approved disposal of a file, if any. */
export async function disposalOfMedia(db: DbOrTx, mediaId: string): Promise<{ request: DisposalRow; decision: DisposalDecisionRow } | undefined> {
  const [x] = await db
    .select()
    .from(mediaDisposalDecisions)
    .where(and(eq(mediaDisposalDecisions.mediaId, mediaId), eq(mediaDisposalDecisions.approved, true)));
  if (!x) return undefined;
  const [r] = await db.select().from(mediaDisposals).where(eq(mediaDisposals.id, x.disposalId));
  return r ? { request: r, decision: x } : undefined;
}

/** REC-18: a disposed file is no longer played, copied or served (410, naming the disposal). */
export async function assertNotDisposed(db: DbOrTx, m: { id: string; recordNumber: string }): Promise<void> {
  const d = await disposalOfMedia(db, m.id);
  if (d) throw disposedError(m.recordNumber, d.decision.decidedAt, d.request.reason);
}

export function disposedError(recordNumber: string, at: Date, reason: string): AppError {
  return new AppError('media.disposed', { recordNumber, at: new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10), reason });
}

/** Ids of the files among `mediaIds` that were disposed of. */
export async function disposedIds(db: DbOrTx, mediaIds: readonly string[]): Promise<Set<string>> {
  if (!mediaIds.length) return new Set();
  const rows = await db
    .select({ mediaId: mediaDisposalDecisions.mediaId })
    .from(mediaDisposalDecisions)
    .where(and(inArray(mediaDisposalDecisions.mediaId, [...mediaIds]), eq(mediaDisposalDecisions.approved, true)));
  return new Set(rows.map((r) => r.mediaId));
}
