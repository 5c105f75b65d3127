/**
 * Legal review of major decisions (重大执法决定法制审核): submission with the
 * materials (REV-3), assignment with recusal (REV-10), pauses and extensions
 * of the deadline (REV-6), disagreement and the head's decision (REV-8),
 * collective discussion (NAT-6), the reviewer ratio (ORG-7). The findings and
 * the opinion are in review-decide.ts; the gate in review-gate.ts.
 *
 * Every act: load the case through the scope → authorize (policy) → pure rule
 * → state + review event + case event + audit in one transaction, with the
 * case row locked so two acts on one case never interleave.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  AppError,
  EMPTY_DECLARATION,
  HEAD_DECISION_LABELS,
  PAUSE_REASON_LABELS,
  allows,
  checkExtension,
  checkMaterials,
  checkRoundAction,
  decisionTerms,
  draftDecisionOf,
  formatCitation,
  getParam,
  hearingHeld,
  isGatedDecision,
  matchCatalogue,
  matchFactsFromCase,
  reviewPauseReasons,
  resolveProfile,
  reviewRulesFor,
  suggestMaterials,
  type DeclaredCriterion,
  type HeadDecision,
  type PauseReasonKey,
  type RoundAction,
  type SubmittedMaterial,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { agencies, caseHandlers, cases, documentVersions, documents, mediaFiles, reviewExtensions, reviewPauses, reviewRecusals, reviewRounds, reviews, userRoles, users } from '../db/schema.js';
import type { SubmissionDeclaration } from '../db/schema-review.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { appendLeaf } from './integrity-log.js';
import { authorize, relationTo } from './authorize.js';
import { loadCaseContext, type CaseContext, type CaseRow } from './case-context.js';
import { findCase } from './cases.js';
import { catalogueInForce } from './review-catalogue.js';
import { eligibleReviewers, loadReviewState, reviewEvent, roundState, syncCaseLink, type EligibleReviewer, type ReviewState, type RoundRow } from './review-state.js';
import { getReview } from './review-present.js';

const scopeOf = (c: Pick<CaseRow, 'agencyId' | 'agencyPath'>) => ({ agencyId: c.agencyId, agencyPath: c.agencyPath });

/** Loads a case whose review the actor may read (404 otherwise), then checks `action` (403). */
export async function loadReviewCase(ctx: AppContext, actor: ActorContext, caseId: string, action: Parameters<typeof authorize>[1] = 'review.read'): Promise<CaseRow> {
  const c = await findCase(ctx, caseId);
  if (!c) throw new AppError('not_found');
  authorize(actor, action, scopeOf(c), 'review.read');
  return c;
}

/** Loads the case of a review id. */
export async function caseOfReview(ctx: AppContext, actor: ActorContext, reviewId: string, action: Parameters<typeof authorize>[1] = 'review.read'): Promise<CaseRow> {
  const [r] = await ctx.db.select().from(reviews).where(eq(reviews.id, reviewId));
  if (!r) throw new AppError('not_found');
  return loadReviewCase(ctx, actor, r.caseId, action);
}

/** Runs `fn` with the case row locked and freshly loaded context and review state. */
export async function withLockedCase<T>(ctx: AppContext, caseId: string, fn: (tx: Tx, c: CaseContext, state: ReviewState) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM cases WHERE id = ${caseId} FOR UPDATE`);
    const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
    if (!row) throw new AppError('not_found');
    if (row.state === 'archived') throw new AppError('case.archived');
    const c = await loadCaseContext(tx, row);
    return fn(tx, c, await loadReviewState(tx, caseId));
  });
}

function requireAction(latest: RoundRow | null, action: RoundAction) {
  const check = checkRoundAction(latest ? roundState(latest) : null, action);
  if (!check.ok) throw new AppError('review.state_invalid', { reason: check.reason });
}

function requireLatest(state: ReviewState): RoundRow {
  if (!state.review || !state.latest) throw new AppError('review.state_invalid', { reason: '本案尚未送法制审核' });
  return state.latest;
}

/** Officers act only on cases they handle; the unit head on any case of the agency. */
async function requireHandlerOrHead(db: Tx | AppContext['db'], actor: ActorContext, caseId: string) {
  if (actor.roles.includes('unitHead') || actor.roles.includes('agencyHead')) return;
  const [h] = await db.select().from(caseHandlers).where(and(eq(caseHandlers.caseId, caseId), eq(caseHandlers.userId, actor.userId)));
  if (!h) throw new AppError('forbidden', {}, 'officer is not a handler of this case');
}

// ── Matching (REV-2) ────────────────────────────────────────────────────────

export interface DeclarationInput {
  criteria?: DeclaredCriterion[] | undefined;
  complex?: boolean | undefined;
  transferToJudiciary?: boolean | undefined;
  consulted?: boolean | undefined;
  assessed?: boolean | undefined;
}

function declarationOf(input: DeclarationInput = {}): SubmissionDeclaration {
  return {
    criteria: (input.criteria ?? []).filter((d) => d.reason.trim() !== '').map((d) => ({ criterion: d.criterion, reason: d.reason.trim() })),
    complex: input.complex ?? false,
    transferToJudiciary: input.transferToJudiciary ?? false,
    consulted: input.consulted ?? false,
    assessed: input.assessed ?? false,
  };
}

/** The catalogue matched on a decision document of the case (default: the draft decision). */
export async function matchOnCase(db: Tx | AppContext['db'], c: CaseContext, decision: { documentId: string; kind: string; fields: Record<string, unknown> } | null, declaration: SubmissionDeclaration = EMPTY_DECLARATION as SubmissionDeclaration) {
  const inForce = await catalogueInForce(db, c.agency, c.profile);
  // Issue 15: the source names the document's status (an issued decision is not a 代拟稿).
  const status = decision ? c.versionRows.filter((v) => v.documentId === decision.documentId).sort((a, b) => b.version - a.version)[0]?.status : undefined;
  const facts = matchFactsFromCase(c.snapshot, c.profile, decision ? { ...decision, status } : null, declaration);
  return { match: matchCatalogue(inForce.catalogue, facts), catalogueVersion: inForce.version, adopted: inForce.adopted, facts };
}

function draftDecision(c: CaseContext) {
  const d = draftDecisionOf(c.snapshot);
  return d ? { documentId: d.documentId ?? d.id, kind: d.kind, fields: { ...(d.fields ?? {}) } } : null;
}

/** REV-2: is the case major on its draft decision, which items matched, with which values. */
export async function matchCase(ctx: AppContext, actor: ActorContext, caseId: string, input: DeclarationInput = {}) {
  const row = await loadReviewCase(ctx, actor, caseId);
  const c = await loadCaseContext(ctx.db, row);
  const decision = draftDecision(c);
  const { match, catalogueVersion, adopted } = await matchOnCase(ctx.db, c, decision, declarationOf(input));
  return {
    caseId,
    decision: decision ? { documentId: decision.documentId, kind: decision.kind } : null,
    catalogueVersion,
    catalogueAdopted: adopted,
    ...match,
  };
}

// ── Submission (REV-3) ──────────────────────────────────────────────────────

export interface SubmitInput extends DeclarationInput {
  materials: SubmittedMaterial[];
  note?: string | undefined;
}

function caseMaterialDocs(c: CaseContext) {
  const current = new Map<string, (typeof c.versionRows)[number]>();
  for (const v of c.versionRows) {
    const seen = current.get(v.documentId);
    if (!seen || v.version >= seen.version) current.set(v.documentId, v);
  }
  const kindOf = new Map(c.documentRows.map((d) => [d.id, d]));
  return [...current.values()].map((v) => ({ documentId: v.documentId, kind: kindOf.get(v.documentId)?.kind ?? '', status: v.status, fields: v.fields, recordNumber: kindOf.get(v.documentId)?.recordNumber ?? '' }));
}

/** What a submission would lack, and the materials the case already holds (the console pre-fills from this). */
export async function previewSubmission(ctx: AppContext, actor: ActorContext, caseId: string) {
  const row = await loadReviewCase(ctx, actor, caseId);
  const c = await loadCaseContext(ctx.db, row);
  const rules = reviewRulesFor(c.profile);
  const docs = caseMaterialDocs(c);
  const suggested = suggestMaterials(rules, docs);
  const files = await ctx.db.select({ id: mediaFiles.id, recordNumber: mediaFiles.recordNumber, filename: mediaFiles.filename, evidence: mediaFiles.evidence }).from(mediaFiles).where(eq(mediaFiles.caseId, caseId));
  const held = hearingHeld(c.snapshot);
  const missing = checkMaterials(rules, suggested, { hearingOrAssessment: held, consulted: false, transfer: false }, docs, files.map((f) => f.id));
  return {
    family: rules.family,
    familyLabel: rules.label,
    materials: rules.materials.map((m) => ({ key: m.key, label: m.label, when: m.when, textSuffices: m.textSuffices, basis: formatCitation(m.citation), documentKinds: m.documentKinds })),
    suggested,
    missing,
    documents: docs.map((d) => ({ documentId: d.documentId, kind: d.kind, recordNumber: d.recordNumber, status: d.status })),
    files,
    hearingHeld: held,
  };
}

/**
 * REV-3: submits (or resubmits, REV-9) the case for review with its
 * materials. Missing materials are named and nothing is stored. The clock
 * starts on the day of a complete submission (REV-6 · SX19-L 14 收到完备的送审材料之日;
 * XX-L 10 收到送审材料之日 — the same day, since an incomplete submission is refused).
 */
export async function submitReview(ctx: AppContext, actor: ActorContext, caseId: string, input: SubmitInput) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const row = await loadReviewCase(ctx, actor, caseId, 'review.submit');
  await requireHandlerOrHead(ctx.db, actor, caseId);
  if (row.state !== 'investigation' && row.state !== 'decision') {
    throw new AppError('review.state_invalid', { reason: '送审须在调查终结后、作出决定前（调查取证或审核决定环节）' });
  }
  const declaration = declarationOf(input);
  const reviewId = await withLockedCase(ctx, caseId, async (tx, c, state) => {
    if (state.latest) {
      const check = checkRoundAction(roundState(state.latest), 'resubmit');
      if (!check.ok) throw new AppError('review.already_open', { round: state.latest.round, status: check.reason });
    }
    const rules = reviewRulesFor(c.profile);
    const docs = caseMaterialDocs(c);
    const files = await tx.select({ id: mediaFiles.id }).from(mediaFiles).where(eq(mediaFiles.caseId, caseId));
    const conditions = { hearingOrAssessment: hearingHeld(c.snapshot) || declaration.assessed, consulted: declaration.consulted, transfer: declaration.transferToJudiciary };
    const materials = input.materials.map((m) => ({ key: m.key, ...(m.documentIds?.length ? { documentIds: [...new Set(m.documentIds)] } : {}), ...(m.fileIds?.length ? { fileIds: [...new Set(m.fileIds)] } : {}), ...(m.text?.trim() ? { text: m.text.trim() } : {}) }));
    const missing = checkMaterials(rules, materials, conditions, docs, files.map((f) => f.id));
    if (missing.length > 0) {
      throw new AppError('review.materials_incomplete', { missing: missing.map((m) => `${m.label}（${m.reason}${m.basis ? `，${m.basis}` : ''}）`), details: missing });
    }
    // The reviewed draft: the decision document submitted as 代拟稿 (REV-1: the gate compares what is issued with it).
    const draftId = materials.find((m) => m.key === 'draftDecision')?.documentIds?.[0];
    const draft = draftId ? docs.find((d) => d.documentId === draftId) : undefined;
    const decision = draft ? { documentId: draft.documentId, kind: draft.kind, fields: draft.fields } : draftDecision(c);
    const { match, catalogueVersion } = await matchOnCase(tx, c, decision, declaration);
    const reviewedDecision = decision && isGatedDecision(decision.kind, c.row.actionType) ? { documentId: decision.documentId, kind: decision.kind, terms: decisionTerms(decision.fields) } : null;

    let id = state.review?.id;
    if (!id) {
      id = newId();
      await tx.insert(reviews).values({ id, caseId, agencyId: c.row.agencyId, agencyPath: c.row.agencyPath, createdAt: now, createdBy: actor.userId, updatedAt: now });
    } else {
      await tx.update(reviews).set({ updatedAt: now }).where(eq(reviews.id, id));
    }
    const roundNo = (state.latest?.round ?? 0) + 1;
    const [round] = await tx
      .insert(reviewRounds)
      .values({
        id: newId(),
        reviewId: id,
        caseId,
        agencyPath: c.row.agencyPath,
        round: roundNo,
        status: 'submitted',
        submittedAt: now,
        submittedBy: actor.userId,
        submittedByName: actor.displayName,
        receivedOn: today,
        materials,
        declared: declaration,
        match,
        reviewedDecision,
        catalogueVersion,
        note: input.note?.trim() ?? '',
        updatedAt: now,
      })
      .returning();
    await syncCaseLink(tx, caseId, c.profile, id, round!, now);
    // The submission is sealed: the unit answers for what it submitted (REV-11 · SX19-L 16).
    await appendLeaf(tx, { kind: 'review.submission', objectType: 'reviewRound', objectId: round!.id, caseId, agencyPath: c.row.agencyPath, at: now, payload: { reviewId: id, round: roundNo, materials, declared: declaration, major: match.major, actorId: actor.userId } });
    await reviewEvent(tx, c.row, id, roundNo, actor, now, roundNo === 1 ? 'submit' : 'resubmit', { materials: materials.map((m) => m.key), major: match.major, matched: match.matches.map((m) => m.itemId) });
    return id;
  });
  return getReview(ctx, actor, reviewId);
}

// ── Assignment and recusal (REV-10) ─────────────────────────────────────────

/** REV-10: assigns the round to a legal reviewer (the given one, or the least busy eligible one). */
export async function assignReviewer(ctx: AppContext, actor: ActorContext, reviewId: string, input: { reviewerId?: string | undefined }) {
  const now = ctx.clock.now();
  const row = await caseOfReview(ctx, actor, reviewId, 'review.assign');
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = requireLatest(state);
    requireAction(latest, 'assign');
    const { eligible, excluded } = await eligibleReviewers(tx, c.row, state);
    let chosen: EligibleReviewer | undefined;
    if (input.reviewerId) {
      chosen = eligible.find((e) => e.id === input.reviewerId);
      if (!chosen) {
        const ex = excluded.find((e) => e.id === input.reviewerId);
        const [u] = ex ? [] : await tx.select({ name: users.displayName }).from(users).where(eq(users.id, input.reviewerId));
        throw new AppError('review.reviewer_ineligible', { name: ex?.name ?? u?.name ?? input.reviewerId, reason: ex?.reason ?? '不是本机关的法制审核人员' });
      }
    } else {
      chosen = eligible[0];
      if (!chosen) throw new AppError('review.no_reviewer');
    }
    await tx.update(reviewRounds).set({ reviewerId: chosen.id, reviewerName: chosen.name, assignedAt: now, status: 'inReview', updatedAt: now }).where(eq(reviewRounds.id, latest.id));
    const [fresh] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, latest.id));
    await syncCaseLink(tx, c.row.id, c.profile, reviewId, fresh!, now);
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'assign', { reviewerId: chosen.id, reviewerName: chosen.name, previous: latest.reviewerName ?? null });
  });
  return getReview(ctx, actor, reviewId);
}

/**
 * REV-10 · SX19-L 8 ¶3: a reviewer declares an interest in the case (or the
 * head records one for a reviewer). The person is excluded from the case's
 * review; a round assigned to them goes back to be assigned.
 */
export async function declareRecusal(ctx: AppContext, actor: ActorContext, reviewId: string, input: { userId?: string | undefined; reason: string }) {
  const now = ctx.clock.now();
  const row = await caseOfReview(ctx, actor, reviewId, 'review.recuse');
  const userId = input.userId ?? actor.userId;
  if (userId !== actor.userId && !actor.roles.includes('agencyHead')) throw new AppError('forbidden', {}, 'only the head records a recusal for someone else');
  const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!u || u.agencyId !== row.agencyId) throw new AppError('review.reviewer_ineligible', { name: u?.displayName ?? userId, reason: '不是本机关人员' });
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = requireLatest(state);
    requireAction(latest, 'recuse');
    if (state.recusals.some((r) => r.userId === userId)) throw new AppError('review.state_invalid', { reason: `${u.displayName}已申明回避` });
    await tx.insert(reviewRecusals).values({ id: newId(), reviewId, userId, userName: u.displayName, reason: input.reason, declaredBy: actor.userId, declaredByName: actor.displayName, declaredAt: now });
    if (latest.reviewerId === userId) {
      await tx.update(reviewRounds).set({ reviewerId: null, reviewerName: null, assignedAt: null, status: 'submitted', updatedAt: now }).where(eq(reviewRounds.id, latest.id));
      // The clock keeps running while the round waits for another reviewer: an open pause is closed.
      await tx.update(reviewPauses).set({ resumedOn: chinaDate(now), closedBy: actor.userId, closedByName: actor.displayName, closedAt: now }).where(and(eq(reviewPauses.roundId, latest.id), sql`${reviewPauses.resumedOn} IS NULL`));
      const [fresh] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, latest.id));
      await syncCaseLink(tx, c.row.id, c.profile, reviewId, fresh!, now);
    }
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'recuse', { userId, userName: u.displayName, reason: input.reason, unassigned: latest.reviewerId === userId });
  });
  return getReview(ctx, actor, reviewId);
}

/** The assigned reviewer of the latest round, or 403. */
function requireAssigned(actor: ActorContext, latest: RoundRow) {
  if (latest.reviewerId !== actor.userId) throw new AppError('review.not_assigned');
}

// ── The deadline (REV-6) ────────────────────────────────────────────────────

/** REV-6: the reviewer stops the clock for a reason the profile allows (补充材料, 专家论证 …). */
export async function pauseReview(ctx: AppContext, actor: ActorContext, reviewId: string, input: { reason: PauseReasonKey; note?: string | undefined }) {
  const now = ctx.clock.now();
  const row = await caseOfReview(ctx, actor, reviewId, 'review.decide');
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = requireLatest(state);
    requireAssigned(actor, latest);
    requireAction(latest, 'pause');
    const allowed = reviewPauseReasons(c.profile);
    if (!allowed.reasons.includes(input.reason)) {
      throw new AppError('review.pause_reason_invalid', { reason: PAUSE_REASON_LABELS[input.reason] ?? input.reason, basis: allowed.basis, allowed: allowed.reasons.map((r) => PAUSE_REASON_LABELS[r]) });
    }
    if (state.pauses.some((p) => p.roundId === latest.id && p.resumedOn === null)) throw new AppError('review.state_invalid', { reason: '审核计时已中止，须先恢复计时' });
    await tx.insert(reviewPauses).values({ id: newId(), roundId: latest.id, reason: input.reason, requestedOn: chinaDate(now), note: input.note?.trim() ?? '', openedBy: actor.userId, openedByName: actor.displayName, openedAt: now });
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'pause', { reason: input.reason, reasonLabel: PAUSE_REASON_LABELS[input.reason], note: input.note ?? '' });
  });
  return getReview(ctx, actor, reviewId);
}

/** REV-6: the material or opinion arrived; the clock runs again (from the day after `on`, default today). */
export async function resumeReview(ctx: AppContext, actor: ActorContext, reviewId: string, input: { on?: string | undefined; note?: string | undefined }) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const row = await caseOfReview(ctx, actor, reviewId, 'review.decide');
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = requireLatest(state);
    requireAssigned(actor, latest);
    requireAction(latest, 'resume');
    const open = state.pauses.find((p) => p.roundId === latest.id && p.resumedOn === null);
    if (!open) throw new AppError('review.state_invalid', { reason: '审核计时未中止' });
    const on = input.on ?? today;
    if (on < open.requestedOn || on > today) throw new AppError('validation.failed', { detail: `恢复日期须在 ${open.requestedOn} 至 ${today} 之间` });
    await tx.update(reviewPauses).set({ resumedOn: on, closedBy: actor.userId, closedByName: actor.displayName, closedAt: now }).where(eq(reviewPauses.id, open.id));
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'resume', { reason: open.reason, requestedOn: open.requestedOn, resumedOn: on, note: input.note ?? '' });
  });
  return getReview(ctx, actor, reviewId);
}

/**
 * REV-6 · SX19-L 14 (案件复杂的，经本行政执法机关负责人批准可以延长10个工作日);
 * XX-L 10 (情况复杂的，经分管法规的局领导批准可以延长3个工作日): the agency's
 * leader approves an extension with the reason.
 */
export async function extendReview(ctx: AppContext, actor: ActorContext, reviewId: string, input: { amount?: number | undefined; reason: string }) {
  const now = ctx.clock.now();
  const row = await caseOfReview(ctx, actor, reviewId, 'review.extend');
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = requireLatest(state);
    requireAction(latest, 'extend');
    const used = state.extensions.filter((e) => e.roundId === latest.id).length;
    const check = checkExtension(c.profile, used, input.amount);
    if (!check.ok) throw new AppError('review.extension_invalid', { detail: check.reason, basis: check.basis });
    await tx.insert(reviewExtensions).values({ id: newId(), roundId: latest.id, amount: check.extension.amount, approval: check.extension.approval, approvedBy: actor.userId, approvedByName: actor.displayName, approvedOn: chinaDate(now), reason: input.reason, createdAt: now });
    await appendLeaf(tx, { kind: 'review.extension', objectType: 'reviewRound', objectId: latest.id, caseId: c.row.id, agencyPath: c.row.agencyPath, at: now, payload: { reviewId, round: latest.round, amount: check.extension.amount, approval: check.extension.approval, reason: input.reason, actorId: actor.userId } });
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'extend', { amount: check.extension.amount, approval: check.extension.approval, basis: check.basis, reason: input.reason });
  });
  return getReview(ctx, actor, reviewId);
}

// ── Disagreement, the head's decision, collective discussion (REV-8, NAT-6) ──

/** REV-8 · SX19-L 15: the handling unit does not accept the opinion; it records the consultation and reports to the head. */
export async function recordDisagreement(ctx: AppContext, actor: ActorContext, reviewId: string, input: { reason: string; consultation: string }) {
  const now = ctx.clock.now();
  const row = await caseOfReview(ctx, actor, reviewId, 'review.disagree');
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = requireLatest(state);
    requireAction(latest, 'disagree');
    const disagreement = { reason: input.reason, consultation: input.consultation, by: actor.userId, byName: actor.displayName, at: now.toISOString(), on: chinaDate(now) };
    await tx.update(reviewRounds).set({ status: 'disputed', disagreement, updatedAt: now }).where(eq(reviewRounds.id, latest.id));
    const [fresh] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, latest.id));
    await syncCaseLink(tx, c.row.id, c.profile, reviewId, fresh!, now);
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'disagree', { reason: input.reason, consultation: input.consultation });
  });
  return getReview(ctx, actor, reviewId);
}

/**
 * REV-8 · SX19-L 15: the agency head decides a disagreement. 'overrule' (the
 * decision may be made as the unit proposes) only where the rules provide it;
 * under XX-L the head can only have the unit follow the opinion (XX-L 5, 12).
 */
export async function decideDisagreement(ctx: AppContext, actor: ActorContext, reviewId: string, input: { decision: HeadDecision; opinion: string }) {
  const now = ctx.clock.now();
  const row = await caseOfReview(ctx, actor, reviewId, 'review.headDecide');
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = requireLatest(state);
    requireAction(latest, 'headDecide');
    const rules = reviewRulesFor(c.profile);
    if (input.decision === 'overrule' && !rules.headMayOverrule) throw new AppError('review.override_not_allowed', { basis: `${formatCitation(rules.gateCitation)}、${formatCitation(rules.disagreementCitation)}` });
    const headDecision = { decision: input.decision, opinion: input.opinion, by: actor.userId, byName: actor.displayName, at: now.toISOString(), on: chinaDate(now) };
    await tx.update(reviewRounds).set({ status: 'headDecided', headDecision, updatedAt: now }).where(eq(reviewRounds.id, latest.id));
    const [fresh] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, latest.id));
    await syncCaseLink(tx, c.row.id, c.profile, reviewId, fresh!, now);
    await appendLeaf(tx, { kind: 'review.headDecision', objectType: 'reviewRound', objectId: latest.id, caseId: c.row.id, agencyPath: c.row.agencyPath, at: now, payload: { reviewId, round: latest.round, decision: input.decision, opinion: input.opinion, actorId: actor.userId } });
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'headDecide', { decision: input.decision, decisionLabel: HEAD_DECISION_LABELS[input.decision], opinion: input.opinion, basis: formatCitation(rules.disagreementCitation) });
  });
  return getReview(ctx, actor, reviewId);
}

/**
 * NAT-6 · 行政处罚法 Art 57 ¶2; SX19-L 15 ¶2: the collective discussion the law
 * requires, recorded on the review by linking the case's signed
 * 集体讨论记录 (the gate checks it before the decision is issued).
 */
export async function recordCollectiveDiscussion(ctx: AppContext, actor: ActorContext, reviewId: string, input: { documentId: string; conclusion: string }) {
  const now = ctx.clock.now();
  const row = await caseOfReview(ctx, actor, reviewId);
  const rel = relationTo(actor, scopeOf(row));
  if (!allows(actor, 'review.headDecide', rel)) {
    authorize(actor, 'review.submit', scopeOf(row), 'review.read');
    await requireHandlerOrHead(ctx.db, actor, row.id);
  }
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = requireLatest(state);
    requireAction(latest, 'collectiveDiscussion');
    const [doc] = await tx.select().from(documents).where(and(eq(documents.id, input.documentId), eq(documents.caseId, c.row.id)));
    if (!doc || doc.kind !== 'collectiveDiscussionRecord') throw new AppError('validation.failed', { detail: '所引用的文书不是本案的集体讨论记录' });
    const versions = await tx.select().from(documentVersions).where(eq(documentVersions.documentId, doc.id));
    const current = versions.sort((a, b) => b.version - a.version)[0];
    if (!current || current.status === 'draft') throw new AppError('validation.failed', { detail: '集体讨论记录尚未签署' });
    const record = { documentId: doc.id, conclusion: input.conclusion, on: chinaDate(now), by: actor.userId, byName: actor.displayName };
    await tx.update(reviewRounds).set({ collectiveDiscussion: record, updatedAt: now }).where(eq(reviewRounds.id, latest.id));
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'collectiveDiscussion', { documentId: doc.id, recordNumber: doc.recordNumber, conclusion: input.conclusion });
  });
  return getReview(ctx, actor, reviewId);
}

// ── Reviewer ratio (ORG-7) ──────────────────────────────────────────────────

/**
 * ORG-7 · SX19-L 7: legal reviewers 原则上不少于本机关执法人员总数的5%.
 * Officers are the agency's active users holding the officer role (执法人员);
 * reviewers those holding the legal-reviewer role (legal advisers and
 * government lawyers may hold it, SX19-L 7 ¶2).
 */
export async function reviewerRatio(ctx: AppContext, actor: ActorContext, agencyId?: string) {
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, agencyId ?? actor.agencyId));
  if (!agency) throw new AppError('not_found');
  authorize(actor, 'review.ratio', { agencyId: agency.id, agencyPath: agency.path }, 'review.ratio');
  const counts = await ctx.db
    .select({ role: userRoles.role, n: sql<number>`count(DISTINCT ${users.id})::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.agencyId, agency.id), eq(users.disabled, false), inArray(userRoles.role, ['officer', 'legalReviewer'])))
    .groupBy(userRoles.role);
  const officers = counts.find((r) => r.role === 'officer')?.n ?? 0;
  const reviewers = counts.find((r) => r.role === 'legalReviewer')?.n ?? 0;
  const profile = resolveProfile(agency.profileId, agency.profileOverrides);
  let required: number | null = null;
  let basis = '本机关适用的规则未规定法制审核人员比例';
  let note: string | undefined;
  try {
    const p = getParam(profile, 'review.reviewerRatio');
    required = p.value;
    basis = p.basis;
    note = p.note;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'profile.value_unset')) throw e;
  }
  const ratio = officers === 0 ? null : reviewers / officers;
  // "不少于 5%": the smallest whole number of reviewers that reaches the ratio.
  const minimumReviewers = required === null ? null : Math.ceil(officers * required - 1e-9);
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    profileId: profile.id,
    officers,
    reviewers,
    ratio,
    required,
    minimumReviewers,
    meets: required === null ? null : minimumReviewers !== null && reviewers >= minimumReviewers,
    basis,
    ...(note ? { note } : {}),
    counting: '执法人员：本机关未停用、具有执法人员角色的用户；法制审核人员：具有法制审核人员角色的用户（含法律顾问、公职律师）。原则性要求（“原则上不少于”）。',
  };
}

