/**
 * Approved exceptions to mandatory AV recording (REC-6 with REC-11, REC-12):
 * an interruption note (SX25-R 17; GS-R 42) or a permitted stop with the
 * signed request (XX-R 11), filed by the officers and approved by the
 * leader. The filing and the decision are append-only rows, audit events
 * and Merkle-log leaves; only a complete, approved exception satisfies the
 * stage gate (core: cases/av-exceptions.ts).
 */
import { and, eq } from 'drizzle-orm';
import {
  AV_EXCEPTION_BASIS,
  AV_EXCEPTION_KIND_LABELS,
  AppError,
  CASE_STAGE_LABELS,
  MEASURE_KEYS,
  MEASURE_LABELS,
  avExceptionFilingProblems,
  avExceptionProblems,
  avExceptionReasonLabel,
  isCaseStage,
  type AvExceptionKind,
  type CaseStage,
  type MeasureKey,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { avExceptionDecisions, avExceptions, caseHandlers, documents, mediaFiles } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { recordAudit } from './audit.js';
import { authorize } from './authorize.js';
import type { CaseRow } from './case-context.js';
import { loadReadableCase } from './cases.js';
import { appendLeaf } from './integrity-log.js';
import { loadExceptions, toCore } from './media-av.js';

type ExceptionRow = typeof avExceptions.$inferSelect;
type DecisionRow = typeof avExceptionDecisions.$inferSelect;

function present(e: ExceptionRow, d: DecisionRow | undefined) {
  const core = toCore(e, d);
  const problems = avExceptionProblems(core);
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: AV_EXCEPTION_KIND_LABELS[e.kind],
    stage: e.stage,
    stageLabel: CASE_STAGE_LABELS[e.stage],
    situations: e.situations.map((s) => ({ key: s, label: MEASURE_LABELS[s] })),
    reason: e.reason,
    reasonLabel: avExceptionReasonLabel(e.kind, e.reason),
    explanation: e.explanation,
    occurredAt: e.occurredAt.toISOString(),
    signedRequestRef: e.signedRequestRef,
    relatedMediaId: e.relatedMediaId,
    createdBy: e.createdByName,
    createdAt: e.createdAt.toISOString(),
    decision: d ? { approved: d.approved, comment: d.comment, by: d.decidedByName, at: d.decidedAt.toISOString() } : null,
    counts: problems.length === 0,
    problems: problems.map((p) => `${p.label}：${p.reason}`),
    basis: AV_EXCEPTION_BASIS[e.kind],
  };
}

export async function listAvExceptions(ctx: AppContext, _actor: ActorContext, c: CaseRow) {
  return (await loadExceptions(ctx.db, c.id)).map((e) => present(e.row, e.decision));
}

export interface AvExceptionInput {
  kind: AvExceptionKind;
  stage?: CaseStage | undefined;
  situations: MeasureKey[];
  reason: string;
  explanation: string;
  occurredAt: string;
  signedRequestRef?: string | null | undefined;
  relatedMediaId?: string | null | undefined;
}

/** REC-11 · SX25-R 17; REC-12 · XX-R 11: the officers file the note with its reason and, where needed, the signed request. */
export async function createAvException(ctx: AppContext, actor: ActorContext, caseId: string, input: AvExceptionInput) {
  const now = ctx.clock.now();
  const c = await loadReadableCase(ctx, actor, caseId);
  authorize(actor, 'avException.record', c, 'case.read');
  if (c.state === 'archived') throw new AppError('case.archived');
  if (!actor.roles.includes('unitHead')) {
    const [h] = await ctx.db.select().from(caseHandlers).where(and(eq(caseHandlers.caseId, c.id), eq(caseHandlers.userId, actor.userId)));
    if (!h) throw new AppError('forbidden');
  }
  const stage = input.stage ?? (c.state as CaseStage);
  if (!isCaseStage(stage)) throw new AppError('av.exception_invalid', { detail: `未知的执法环节“${stage}”` });
  const situations = [...new Set(input.situations)];
  if (situations.some((s) => !MEASURE_KEYS.includes(s))) throw new AppError('av.exception_invalid', { detail: '未知的执法事项' });
  const occurredAt = new Date(input.occurredAt);
  if (Number.isNaN(occurredAt.getTime()) || occurredAt.getTime() > now.getTime() + 5 * 60_000) throw new AppError('av.exception_invalid', { detail: '发生时间有误' });
  // REC-12: the signed request is a file of this case (photo or scan) or one of its documents.
  const ref = input.signedRequestRef?.trim() || null;
  if (ref) {
    const [m] = await ctx.db.select({ id: mediaFiles.id }).from(mediaFiles).where(and(eq(mediaFiles.id, ref), eq(mediaFiles.caseId, c.id)));
    const [d] = m ? [undefined] : await ctx.db.select({ id: documents.id }).from(documents).where(and(eq(documents.id, ref), eq(documents.caseId, c.id)));
    if (!m && !d) throw new AppError('av.exception_invalid', { detail: '书面申请须为本案已上传的文件或本案文书' });
  }
  if (input.relatedMediaId) {
    const [m] = await ctx.db.select({ id: mediaFiles.id }).from(mediaFiles).where(and(eq(mediaFiles.id, input.relatedMediaId), eq(mediaFiles.caseId, c.id)));
    if (!m) throw new AppError('av.exception_invalid', { detail: '关联的音像记录须为本案文件' });
  }
  const filing = { kind: input.kind, situations, reason: input.reason, explanation: input.explanation.trim(), signedRequestRef: ref };
  const problems = avExceptionFilingProblems(filing);
  if (problems.length) throw new AppError('av.exception_invalid', { detail: problems.map((p) => `${p.label}：${p.reason}（${p.basis}）`).join('；') });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(avExceptions).values({
      id,
      caseId: c.id,
      agencyId: c.agencyId,
      agencyPath: c.agencyPath,
      kind: input.kind,
      stage,
      situations,
      reason: input.reason,
      explanation: filing.explanation,
      occurredAt,
      signedRequestRef: ref,
      relatedMediaId: input.relatedMediaId ?? null,
      createdBy: actor.userId,
      createdByName: actor.displayName,
      createdAt: now,
    });
    const object = { type: 'avException', id, agencyId: c.agencyId, agencyPath: c.agencyPath };
    await recordAudit(tx, { at: now, actor, action: 'avException.create', object, detail: { caseId: c.id, kind: input.kind, situations, reason: input.reason } });
    await appendLeaf(tx, { kind: 'av.exception', objectType: 'avException', objectId: id, caseId: c.id, agencyPath: c.agencyPath, at: now, payload: { exceptionKind: input.kind, situations, reason: input.reason, signedRequestRef: ref, by: actor.userId } });
  });
  const [row] = await ctx.db.select().from(avExceptions).where(eq(avExceptions.id, id));
  return present(row!, undefined);
}

/** REC-12 · XX-R 11: the leader approves or refuses, once. */
export async function decideAvException(ctx: AppContext, actor: ActorContext, caseId: string, exceptionId: string, input: { approved: boolean; comment?: string | undefined }) {
  const now = ctx.clock.now();
  const c = await loadReadableCase(ctx, actor, caseId);
  const [e] = await ctx.db.select().from(avExceptions).where(and(eq(avExceptions.id, exceptionId), eq(avExceptions.caseId, c.id)));
  if (!e) throw new AppError('not_found');
  authorize(actor, 'avException.approve', e, 'case.read');
  const [prior] = await ctx.db.select().from(avExceptionDecisions).where(eq(avExceptionDecisions.exceptionId, e.id));
  if (prior) throw new AppError('av.exception_decided', { status: prior.approved ? '已批准' : '未批准' });
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(avExceptionDecisions).values({ exceptionId: e.id, approved: input.approved, comment: input.comment?.trim() ?? '', decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now });
      const object = { type: 'avException', id: e.id, agencyId: e.agencyId, agencyPath: e.agencyPath };
      await recordAudit(tx, { at: now, actor, action: 'avException.decide', object, detail: { caseId: c.id, approved: input.approved } });
      await appendLeaf(tx, { kind: 'av.exception.decision', objectType: 'avException', objectId: e.id, caseId: c.id, agencyPath: e.agencyPath, at: now, payload: { approved: input.approved, by: actor.userId } });
    });
  } catch (err) {
    const [again] = await ctx.db.select().from(avExceptionDecisions).where(eq(avExceptionDecisions.exceptionId, e.id));
    if (again) throw new AppError('av.exception_decided', { status: again.approved ? '已批准' : '未批准' });
    throw err;
  }
  const [d] = await ctx.db.select().from(avExceptionDecisions).where(eq(avExceptionDecisions.exceptionId, e.id));
  return present(e, d);
}
