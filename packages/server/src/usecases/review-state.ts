/**
 * Loading a case's review (rounds, pauses, extensions, recusals, events) and
 * deriving what every screen shows: the round's state for the pure rules, its
 * deadline (REV-6) and the case's decision-stage link (REV-1).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  AppError,
  legalReviewLink,
  reviewClock,
  reviewRulesFor,
  type ReviewClock,
  type ResolvedProfile,
  type RoundState,
  type WorkCalendar,
} from '@sanxiang/core';
import type { ActorContext } from '../context.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { caseEvents, caseHandlers, cases, reviewEvents, reviewExtensions, reviewPauses, reviewRecusals, reviewRounds, reviews, userRoles, users } from '../db/schema.js';
import { recordAudit } from './audit.js';
import type { CaseRow } from './case-context.js';

export type ReviewRow = typeof reviews.$inferSelect;
export type RoundRow = typeof reviewRounds.$inferSelect;
export type PauseRow = typeof reviewPauses.$inferSelect;
export type ExtensionRow = typeof reviewExtensions.$inferSelect;
export type RecusalRow = typeof reviewRecusals.$inferSelect;

export interface ReviewState {
  review: ReviewRow | null;
  /** Oldest first. */
  rounds: RoundRow[];
  latest: RoundRow | null;
  pauses: PauseRow[];
  extensions: ExtensionRow[];
  recusals: RecusalRow[];
}

export async function loadReviewState(db: DbOrTx, caseId: string): Promise<ReviewState> {
  const [review] = await db.select().from(reviews).where(eq(reviews.caseId, caseId));
  if (!review) return { review: null, rounds: [], latest: null, pauses: [], extensions: [], recusals: [] };
  const rounds = await db.select().from(reviewRounds).where(eq(reviewRounds.reviewId, review.id)).orderBy(asc(reviewRounds.round));
  const ids = rounds.map((r) => r.id);
  const [pauses, extensions, recusals] = await Promise.all([
    ids.length ? db.select().from(reviewPauses).where(inArray(reviewPauses.roundId, ids)).orderBy(asc(reviewPauses.openedAt)) : Promise.resolve([]),
    ids.length ? db.select().from(reviewExtensions).where(inArray(reviewExtensions.roundId, ids)).orderBy(asc(reviewExtensions.createdAt)) : Promise.resolve([]),
    db.select().from(reviewRecusals).where(eq(reviewRecusals.reviewId, review.id)).orderBy(asc(reviewRecusals.declaredAt)),
  ]);
  return { review, rounds, latest: rounds.at(-1) ?? null, pauses, extensions, recusals };
}

/** The round as the pure rules see it. */
export function roundState(r: RoundRow): RoundState {
  return {
    round: r.round,
    status: r.status,
    outcome: r.outcome ?? null,
    headDecision: r.headDecision?.decision ?? null,
    decidedOn: r.decidedOn ?? null,
    headDecidedOn: r.headDecision?.on ?? null,
  };
}

export type ClockView = (ReviewClock & { error?: undefined }) | { error: string; status: 'unknown'; statusLabel: string; due: null };

/** The deadline of a round (REV-6), or the reason it cannot be computed (a year without holiday data). */
export function clockOf(profile: ResolvedProfile, calendar: WorkCalendar, round: RoundRow, state: Pick<ReviewState, 'pauses' | 'extensions'>, today: string): ClockView {
  try {
    return reviewClock({
      profile,
      calendar,
      start: round.receivedOn,
      pauses: state.pauses.filter((p) => p.roundId === round.id).map((p) => ({ reason: p.reason, requestedOn: p.requestedOn, resumedOn: p.resumedOn })),
      extensions: state.extensions.filter((e) => e.roundId === round.id).map((e) => ({ amount: e.amount, approvedBy: e.approvedByName, approvedOn: e.approvedOn, approval: e.approval })),
      today,
      decidedOn: round.decidedOn ?? null,
    });
  } catch (e) {
    if (e instanceof AppError && (e.code === 'calendar.year_missing' || e.code === 'profile.value_unset' || e.code === 'profile.rule_undefined')) {
      return { error: e.userMessage, status: 'unknown', statusLabel: '无法计算', due: null };
    }
    throw e;
  }
}

/** Appends the review event, the case event and the audit event of one act, in the caller's transaction. */
export async function reviewEvent(tx: Tx, c: Pick<CaseRow, 'id' | 'agencyId' | 'agencyPath'>, reviewId: string, round: number, actor: ActorContext, at: Date, kind: string, detail: Record<string, unknown> = {}) {
  await tx.insert(reviewEvents).values({ reviewId, round, at, actorId: actor.userId, actorName: actor.displayName, kind, detail });
  await tx.insert(caseEvents).values({ caseId: c.id, at, actorId: actor.userId, actorName: actor.displayName, kind: `review.${kind}`, detail: { reviewId, round, ...detail } });
  await recordAudit(tx, { at, actor, action: `review.${kind}`, object: { type: 'review', id: reviewId, agencyId: c.agencyId, agencyPath: c.agencyPath }, detail: { caseId: c.id, round, ...detail } });
}

/**
 * REV-1: keeps case.decisionRecords.legalReview in step with the latest round
 * (so the stage checklist sees the review), and marks the case as a major
 * decision once it was sent to review (SX19-L 5 ¶2: a case the agency sends
 * to review is reviewed as one).
 */
export async function syncCaseLink(tx: Tx, caseId: string, profile: ResolvedProfile, reviewId: string, latest: RoundRow, at: Date) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new AppError('not_found');
  const link = legalReviewLink(reviewId, roundState(latest), reviewRulesFor(profile), latest.receivedOn);
  await tx
    .update(cases)
    .set({ decisionRecords: { ...row.decisionRecords, legalReview: link }, flags: { ...row.flags, majorDecision: true }, updatedAt: at })
    .where(eq(cases.id, caseId));
}

export interface EligibleReviewer {
  id: string;
  name: string;
  openRounds: number;
}

/**
 * The agency's legal reviewers who may review the case (REV-10 · SX19-L 8
 * ¶3): not a handler of the case, not its submitter, no declared interest.
 */
export async function eligibleReviewers(db: DbOrTx, c: CaseRow, state: ReviewState): Promise<{ eligible: EligibleReviewer[]; excluded: { id: string; name: string; reason: string }[] }> {
  const rows = await db
    .select({ id: users.id, name: users.displayName, disabled: users.disabled })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.agencyId, c.agencyId), eq(userRoles.role, 'legalReviewer')));
  const handlers = new Set((await db.select({ id: caseHandlers.userId }).from(caseHandlers).where(eq(caseHandlers.caseId, c.id))).map((h) => h.id));
  const recused = new Map(state.recusals.map((r) => [r.userId, r.reason]));
  const submitter = state.latest?.submittedBy;
  const open = rows.length
    ? await db
        .select({ id: reviewRounds.reviewerId, n: sql<number>`count(*)::int` })
        .from(reviewRounds)
        .where(and(inArray(reviewRounds.reviewerId, rows.map((r) => r.id)), inArray(reviewRounds.status, ['submitted', 'inReview'])))
        .groupBy(reviewRounds.reviewerId)
    : [];
  const load = new Map(open.map((o) => [o.id, o.n]));
  const eligible: EligibleReviewer[] = [];
  const excluded: { id: string; name: string; reason: string }[] = [];
  for (const r of rows) {
    if (r.disabled) excluded.push({ id: r.id, name: r.name, reason: '账号已停用' });
    else if (handlers.has(r.id)) excluded.push({ id: r.id, name: r.name, reason: '系本案承办人员，应当回避' });
    else if (recused.has(r.id)) excluded.push({ id: r.id, name: r.name, reason: `已申明回避：${recused.get(r.id)}` });
    else if (r.id === submitter) excluded.push({ id: r.id, name: r.name, reason: '系本轮送审人，应当回避' });
    else eligible.push({ id: r.id, name: r.name, openRounds: load.get(r.id) ?? 0 });
  }
  eligible.sort((a, b) => a.openRounds - b.openRounds || a.name.localeCompare(b.name, 'zh'));
  return { eligible, excluded };
}

