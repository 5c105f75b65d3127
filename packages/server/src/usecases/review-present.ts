/**
 * What the console and other systems see of a review: the case, every round
 * (REV-9) with its materials, match, reviewer, deadline and due status
 * (REV-6), pauses, extensions, findings, opinion, disagreement and the head's
 * decision, the recusals, the history, whether the decision may be issued
 * now (REV-1), and what the actor may do. And the review queue.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  AppError,
  CHECKLIST_ITEM_LABELS,
  HEAD_DECISION_LABELS,
  MATERIAL_LABELS,
  PAUSE_REASON_LABELS,
  ROUND_STATUS_LABELS,
  allows,
  checkRoundAction,
  discretionOf,
  draftDecisionOf,
  findingLabel,
  formatCitation,
  getDocumentKind,
  resolveProfile,
  reviewPauseReasons,
  reviewRulesFor,
  type ResolvedProfile,
  type RoundAction,
  type RoundStatus,
  type WorkCalendar,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { agencies, cases, mediaFiles, reviewEvents, reviewRounds, reviews } from '../db/schema.js';
import { chinaDate } from '../lib/time.js';
import { relationTo, scopeWhere } from './authorize.js';
import { loadCalendar } from './calendar.js';
import { loadCaseContext, type CaseContext } from './case-context.js';
import { gateFor } from './review-gate.js';
import { violationCatalogueInForce } from './violation-catalogue.js';
import { clockOf, eligibleReviewers, loadReviewState, roundState, type ReviewState, type RoundRow } from './review-state.js';

/** Loads a review by id for an actor who may read it (404 otherwise). */
export async function getReview(ctx: AppContext, actor: ActorContext, reviewId: string) {
  const [r] = await ctx.db.select().from(reviews).where(eq(reviews.id, reviewId));
  if (!r) throw new AppError('not_found');
  return getCaseReview(ctx, actor, r.caseId);
}

/** The review of a case (also when it has none yet: then only what submitting needs). */
export async function getCaseReview(ctx: AppContext, actor: ActorContext, caseId: string) {
  const [row] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new AppError('not_found');
  const rel = relationTo(actor, { agencyId: row.agencyId, agencyPath: row.agencyPath });
  if (!allows(actor, 'review.read', rel)) throw new AppError('not_found');
  const c = await loadCaseContext(ctx.db, row);
  const state = await loadReviewState(ctx.db, caseId);
  return presentReview(ctx, actor, c, state);
}

async function presentReview(ctx: AppContext, actor: ActorContext, c: CaseContext, state: ReviewState) {
  const today = chinaDate(ctx.clock.now());
  const rules = reviewRulesFor(c.profile);
  const rel = relationTo(actor, { agencyId: c.row.agencyId, agencyPath: c.row.agencyPath });
  const docRows = new Map(c.documentRows.map((d) => [d.id, d]));
  const currentVersion = new Map<string, (typeof c.versionRows)[number]>();
  for (const v of c.versionRows) if ((currentVersion.get(v.documentId)?.version ?? 0) <= v.version) currentVersion.set(v.documentId, v);
  const fileIds = [...new Set(state.rounds.flatMap((r) => r.materials.flatMap((m) => m.fileIds ?? [])))];
  const files = fileIds.length ? await ctx.db.select({ id: mediaFiles.id, recordNumber: mediaFiles.recordNumber, filename: mediaFiles.filename }).from(mediaFiles).where(inArray(mediaFiles.id, fileIds)) : [];
  const fileById = new Map(files.map((f) => [f.id, f]));
  const events = state.review ? await ctx.db.select().from(reviewEvents).where(eq(reviewEvents.reviewId, state.review.id)).orderBy(asc(reviewEvents.id)) : [];
  const pauseReasons = (() => {
    try {
      return reviewPauseReasons(c.profile);
    } catch {
      return { reasons: [], basis: '' };
    }
  })();

  const docRef = (id: string) => {
    const d = docRows.get(id);
    const v = currentVersion.get(id);
    return { documentId: id, kind: d?.kind ?? '', kindName: getDocumentKind(d?.kind ?? '')?.name ?? d?.kind ?? '', recordNumber: d?.recordNumber ?? '', status: v?.status ?? null };
  };

  const rounds = state.rounds.map((r) => {
    const clock = clockOf(c.profile, c.calendar, r, state, today);
    return {
      id: r.id,
      round: r.round,
      status: r.status,
      statusLabel: ROUND_STATUS_LABELS[r.status],
      submittedAt: r.submittedAt.toISOString(),
      submittedByName: r.submittedByName,
      receivedOn: r.receivedOn,
      note: r.note,
      materials: r.materials.map((m) => ({
        key: m.key,
        label: rules.materials.find((x) => x.key === m.key)?.label ?? MATERIAL_LABELS[m.key] ?? m.key,
        documents: (m.documentIds ?? []).map(docRef),
        files: (m.fileIds ?? []).map((id) => fileById.get(id) ?? { id, recordNumber: '', filename: '' }),
        text: m.text ?? '',
      })),
      declared: r.declared,
      match: r.match,
      catalogueVersion: r.catalogueVersion,
      reviewedDecision: r.reviewedDecision ? { ...docRef(r.reviewedDecision.documentId), terms: r.reviewedDecision.terms } : null,
      reviewer: r.reviewerId ? { id: r.reviewerId, name: r.reviewerName ?? '' } : null,
      assignedAt: r.assignedAt?.toISOString() ?? null,
      clock,
      pauses: state.pauses
        .filter((p) => p.roundId === r.id)
        .map((p) => ({ id: p.id, reason: p.reason, reasonLabel: PAUSE_REASON_LABELS[p.reason] ?? p.reason, requestedOn: p.requestedOn, resumedOn: p.resumedOn, note: p.note, openedByName: p.openedByName, closedByName: p.closedByName })),
      extensions: state.extensions
        .filter((e) => e.roundId === r.id)
        .map((e) => ({ id: e.id, amount: e.amount, approval: e.approval, approvedByName: e.approvedByName, approvedOn: e.approvedOn, reason: e.reason })),
      checklist: (r.checklist ?? []).map((e) => ({ ...e, label: CHECKLIST_ITEM_LABELS[e.item], findingLabel: findingLabel(e.item, e.finding) })),
      outcome: r.outcome ?? null,
      outcomeLabel: r.outcome ? rules.outcomeLabels[r.outcome] : null,
      opinion: r.opinion ?? null,
      grounds: r.grounds ?? [],
      leaderApproval: r.leaderApproval ?? null,
      decidedOn: r.decidedOn ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      opinionDocument: r.opinionDocumentId ? docRef(r.opinionDocumentId) : null,
      disagreement: r.disagreement ?? null,
      headDecision: r.headDecision ? { ...r.headDecision, decisionLabel: HEAD_DECISION_LABELS[r.headDecision.decision] } : null,
      collectiveDiscussion: r.collectiveDiscussion ?? null,
    };
  });

  const latest = state.latest;
  const draft = draftDecisionOf(c.snapshot);
  const gate = draft ? await gateFor(ctx.db, c, state, { documentId: draft.documentId ?? draft.id, kind: draft.kind, fields: { ...(draft.fields ?? {}) } }) : null;
  const isHandler = c.handlers.some((h) => h.id === actor.userId);
  const head = actor.roles.includes('unitHead') || actor.roles.includes('agencyHead');
  const open = c.row.state !== 'archived';
  const can = (action: RoundAction) => open && checkRoundAction(latest ? roundState(latest) : null, action).ok;
  const assigned = latest?.reviewerId === actor.userId;
  const openPause = latest ? state.pauses.some((p) => p.roundId === latest.id && p.resumedOn === null) : false;
  const abilities = {
    submit: can('resubmit') && (c.row.state === 'investigation' || c.row.state === 'decision') && allows(actor, 'review.submit', rel) && (head || isHandler),
    assign: can('assign') && allows(actor, 'review.assign', rel),
    recuse: can('recuse') && allows(actor, 'review.recuse', rel),
    pause: can('pause') && assigned && allows(actor, 'review.decide', rel) && !openPause,
    resume: can('resume') && assigned && allows(actor, 'review.decide', rel) && openPause,
    extend: can('extend') && allows(actor, 'review.extend', rel),
    decide: can('decide') && assigned && allows(actor, 'review.decide', rel),
    disagree: can('disagree') && allows(actor, 'review.disagree', rel),
    headDecide: can('headDecide') && allows(actor, 'review.headDecide', rel),
    overrule: rules.headMayOverrule,
    collectiveDiscussion: can('collectiveDiscussion') && (allows(actor, 'review.headDecide', rel) || (allows(actor, 'review.submit', rel) && (head || isHandler))),
  };
  const reviewers = abilities.assign ? await eligibleReviewers(ctx.db, c.row, state) : null;

  return {
    id: state.review?.id ?? null,
    caseId: c.row.id,
    caseNumber: c.row.caseNumber,
    caseTitle: c.row.title,
    caseState: c.row.state,
    actionType: c.row.actionType,
    agencyId: c.row.agencyId,
    agencyName: c.agency.name,
    profileId: c.profile.id,
    rules: {
      family: rules.family,
      label: rules.label,
      origin: rules.origin,
      outcomeLabels: rules.outcomeLabels,
      checklist: rules.checklist.map((i) => ({ item: i.item, label: CHECKLIST_ITEM_LABELS[i.item], basis: formatCitation(i.citation), binary: !i.onFlaw })),
      materials: rules.materials.map((m) => ({ key: m.key, label: m.label, when: m.when, basis: formatCitation(m.citation), textSuffices: m.textSuffices })),
      pauseReasons: pauseReasons.reasons.map((k) => ({ key: k, label: PAUSE_REASON_LABELS[k] })),
      pauseBasis: pauseReasons.basis,
      headMayOverrule: rules.headMayOverrule,
      disagreementBasis: formatCitation(rules.disagreementCitation),
      opinionApproval: rules.opinionApproval ? { by: rules.opinionApproval.by, basis: formatCitation(rules.opinionApproval.citation) } : null,
      gateBasis: formatCitation(rules.gateCitation),
      recusalBasis: formatCitation(rules.recusalCitation),
    },
    status: latest?.status ?? null,
    statusLabel: latest ? ROUND_STATUS_LABELS[latest.status] : '未送审',
    currentRound: latest?.round ?? 0,
    clock: rounds.at(-1)?.clock ?? null,
    rounds,
    recusals: state.recusals.map((r) => ({ userId: r.userId, userName: r.userName, reason: r.reason, declaredByName: r.declaredByName, declaredAt: r.declaredAt.toISOString() })),
    history: events.map((e) => ({ id: e.id, round: e.round, at: e.at.toISOString(), actorName: e.actorName, kind: e.kind, detail: e.detail })),
    decisionRecord: c.row.decisionRecords.legalReview ?? null,
    gate: gate ? { documentId: draft!.documentId ?? draft!.id, kind: draft!.kind, ...gate } : null,
    // REV-4 (裁量适当) · NAT-22 · 行政处罚法 第三十四条: the cited catalogue entry, its range, the band and the officer's reason.
    discretion: draft && draft.kind === 'penaltyDecision' ? discretionOf(draft.fields ?? {}, (await violationCatalogueInForce(ctx.db, c.row.agencyId)).entries) : null,
    abilities,
    eligibleReviewers: reviewers?.eligible ?? [],
    excludedReviewers: reviewers?.excluded ?? [],
  };
}

export interface ReviewListFilter {
  status?: 'open' | 'closed' | RoundStatus | undefined;
  mine?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * The review queue: the latest round of each review the actor may read, with
 * the deadline badge (REV-6), most urgent first.
 */
export async function listReviews(ctx: AppContext, actor: ActorContext, f: ReviewListFilter) {
  const today = chinaDate(ctx.clock.now());
  const conds: SQL[] = [scopeWhere(actor, 'review.read', reviewRounds.agencyPath)];
  // Only the latest round of each review.
  conds.push(sql`${reviewRounds.round} = (SELECT max(r2.round) FROM review_rounds r2 WHERE r2.review_id = ${reviewRounds.reviewId})`);
  if (f.status === 'open') conds.push(inArray(reviewRounds.status, ['submitted', 'inReview', 'disputed']));
  else if (f.status === 'closed') conds.push(inArray(reviewRounds.status, ['decided', 'headDecided']));
  else if (f.status) conds.push(eq(reviewRounds.status, f.status));
  if (f.mine) conds.push(eq(reviewRounds.reviewerId, actor.userId));
  const where = and(...conds);
  const rows = await ctx.db
    .select({ r: reviewRounds, caseNumber: cases.caseNumber, title: cases.title, agencyId: cases.agencyId })
    .from(reviewRounds)
    .innerJoin(cases, eq(cases.id, reviewRounds.caseId))
    .where(where)
    .orderBy(desc(reviewRounds.submittedAt));
  const calendar = await loadCalendar(ctx.db);
  const profiles = new Map<string, ResolvedProfile>();
  const profileOf = async (agencyId: string) => {
    let p = profiles.get(agencyId);
    if (!p) {
      const [a] = await ctx.db.select().from(agencies).where(eq(agencies.id, agencyId));
      p = resolveProfile(a!.profileId, a!.profileOverrides);
      profiles.set(agencyId, p);
    }
    return p;
  };
  const items = [];
  for (const { r, caseNumber, title, agencyId } of rows) {
    const profile = await profileOf(agencyId);
    const state = await loadReviewState(ctx.db, r.caseId);
    items.push(listItem(r, caseNumber, title, profile, calendar, state, today));
  }
  // Most urgent first: overdue, due soon, paused, on time; then the earliest due date.
  const rank: Record<string, number> = { overdue: 0, dueSoon: 1, paused: 2, onTime: 3, unknown: 4, late: 5, done: 6 };
  items.sort((a, b) => (rank[a.clockStatus] ?? 9) - (rank[b.clockStatus] ?? 9) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  const total = items.length;
  return { total, page: f.page, pageSize: f.pageSize, items: items.slice((f.page - 1) * f.pageSize, f.page * f.pageSize) };
}

function listItem(r: RoundRow, caseNumber: string, title: string, profile: ResolvedProfile, calendar: WorkCalendar, state: ReviewState, today: string) {
  const rules = reviewRulesFor(profile);
  const clock = clockOf(profile, calendar, r, state, today);
  return {
    reviewId: r.reviewId,
    caseId: r.caseId,
    caseNumber,
    caseTitle: title,
    round: r.round,
    status: r.status,
    statusLabel: ROUND_STATUS_LABELS[r.status],
    reviewerId: r.reviewerId,
    reviewerName: r.reviewerName,
    submittedAt: r.submittedAt.toISOString(),
    submittedByName: r.submittedByName,
    major: r.match.major,
    matched: r.match.matches.map((m) => m.criterionLabel),
    outcome: r.outcome ?? null,
    outcomeLabel: r.outcome ? rules.outcomeLabels[r.outcome] : null,
    due: clock.due,
    clockStatus: clock.status,
    clockStatusLabel: clock.statusLabel,
  };
}

