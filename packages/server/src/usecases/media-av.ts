/**
 * What the stage gate sees of a case's audio-video record (REC-6, REC-7):
 * each media file with the situations it covers, plus each approved,
 * complete exception (REC-11, REC-12). Imported by case-context.ts, so it
 * depends on the tables and the core only.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { avCoverage, type AvException, type AvRecordRef } from '@sanxiang/core';
import type { DbOrTx } from '../db/client.js';
import { avExceptionDecisions, avExceptions, mediaFiles } from '../db/schema.js';

type ExceptionRow = typeof avExceptions.$inferSelect;
type DecisionRow = typeof avExceptionDecisions.$inferSelect;

export function toCore(e: ExceptionRow, d: DecisionRow | undefined): AvException {
  return {
    id: e.id,
    kind: e.kind,
    situations: e.situations,
    reason: e.reason,
    explanation: e.explanation,
    signedRequestRef: e.signedRequestRef,
    approval: d ? { approved: d.approved, by: d.decidedBy, byName: d.decidedByName, at: d.decidedAt.toISOString(), comment: d.comment } : null,
  };
}

export async function loadExceptions(db: DbOrTx, caseId: string) {
  const rows = await db.select().from(avExceptions).where(eq(avExceptions.caseId, caseId)).orderBy(asc(avExceptions.createdAt));
  const decisions = rows.length ? await db.select().from(avExceptionDecisions).where(inArray(avExceptionDecisions.exceptionId, rows.map((r) => r.id))) : [];
  const byId = new Map(decisions.map((d) => [d.exceptionId, d]));
  return rows.map((r) => ({ row: r, decision: byId.get(r.id) }));
}

/** The snapshot's `avRecords` (case-context.ts). */
export async function avRecordsOfCase(db: DbOrTx, caseId: string): Promise<AvRecordRef[]> {
  const [files, exceptions] = await Promise.all([
    db.select({ id: mediaFiles.id, situations: mediaFiles.situations }).from(mediaFiles).where(eq(mediaFiles.caseId, caseId)),
    loadExceptions(db, caseId),
  ]);
  return avCoverage(
    files.map((f) => ({ id: f.id, situations: f.situations })),
    exceptions.map((e) => toCore(e.row, e.decision)),
  );
}

