/**
 * Rounds of a review (REV-9 · XX-L 12; MEE19 三(三)): each submission is a
 * round; a failed review is fixed and resubmitted as a new round, and every
 * round stays in the history. Within a round:
 *
 *   submitted ──assign──▶ inReview ──decide──▶ decided
 *                           │ ▲                  │ (not approved)
 *                      pause│ │resume            ├──disagree──▶ disputed ──headDecide──▶ headDecided
 *                           ▼ │                  │
 *                        (paused)                └──resubmit──▶ next round
 *
 * REV-8 · SX19-L 15: the unit that disagrees consults the reviewers and, if
 * they still disagree, the agency head decides. Only where the rules let the
 * head overrule (SX19-L; the national default) does that decision open the
 * gate; under XX-L the unit fixes the draft and resubmits (XX-L 12).
 */
import type { LegalReviewLink } from '../cases/decision-records.js';
import type { CivilDate } from '../calendar/civil-date.js';
import type { ReviewRules } from './rules.js';
import { OUTCOME_LINK, ROUND_STATUS_LABELS, type HeadDecision, type ReviewOutcome, type RoundStatus } from './vocabulary.js';

/** What can be done to a round. */
export type RoundAction = 'assign' | 'recuse' | 'pause' | 'resume' | 'extend' | 'decide' | 'disagree' | 'headDecide' | 'resubmit' | 'collectiveDiscussion';

export const ROUND_ACTION_LABELS: Record<RoundAction, string> = {
  assign: '分配审核人员',
  recuse: '申明回避',
  pause: '中止计时',
  resume: '恢复计时',
  extend: '延长审核期限',
  decide: '出具审核意见',
  disagree: '提出异议',
  headDecide: '由负责人决定',
  resubmit: '重新送审',
  collectiveDiscussion: '记录集体讨论',
};

const ALLOWED: Record<RoundAction, readonly RoundStatus[]> = {
  assign: ['submitted', 'inReview'],
  recuse: ['submitted', 'inReview'],
  pause: ['inReview'],
  resume: ['inReview'],
  extend: ['inReview'],
  decide: ['inReview'],
  disagree: ['decided'],
  headDecide: ['disputed'],
  resubmit: ['decided', 'headDecided'],
  collectiveDiscussion: ['submitted', 'inReview', 'decided', 'disputed', 'headDecided'],
};

/** The latest round as far as the rules care. */
export interface RoundState {
  round: number;
  status: RoundStatus;
  outcome: ReviewOutcome | null;
  headDecision: HeadDecision | null;
  decidedOn: CivilDate | null;
  headDecidedOn: CivilDate | null;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** Whether `action` may be taken on a round in its state. */
export function checkRoundAction(round: RoundState | null, action: RoundAction): TransitionCheck {
  if (!round) return action === 'resubmit' ? { ok: true } : { ok: false, reason: '尚未送审' };
  if (!ALLOWED[action].includes(round.status)) {
    return { ok: false, reason: `第${round.round}轮审核当前为“${ROUND_STATUS_LABELS[round.status]}”，不能${ROUND_ACTION_LABELS[action]}` };
  }
  if (action === 'disagree' && round.outcome === 'approve') return { ok: false, reason: '审核意见为同意，无须提出异议' };
  return { ok: true };
}

/** Whether the latest round lets the decision be made (approved, or overruled by the head where the rules allow). */
export function roundPasses(round: RoundState | null, rules: ReviewRules): boolean {
  if (!round) return false;
  if (round.status === 'decided' && round.outcome === 'approve') return true;
  if (round.status === 'headDecided' && round.outcome === 'approve') return true;
  return round.status === 'headDecided' && round.headDecision === 'overrule' && rules.headMayOverrule;
}

/**
 * The case's decision-stage link (case.decisionRecords.legalReview) from the
 * latest round, so the stage checklist sees the review:
 * - submitted or in review → 'pending';
 * - decided → the outcome ('passed' when approved);
 * - disputed → the outcome (the disagreement does not change it);
 * - overruled by the head where the rules allow → 'passed' (the link has no
 *   outcome of its own for REV-8; the review keeps the whole history).
 */
export function legalReviewLink(reviewId: string, round: RoundState, rules: ReviewRules, submittedOn: CivilDate): LegalReviewLink {
  if (round.status === 'submitted' || round.status === 'inReview' || !round.outcome) return { reviewId, outcome: 'pending', at: submittedOn };
  if (roundPasses(round, rules)) {
    const at = round.status === 'headDecided' ? (round.headDecidedOn ?? round.decidedOn ?? submittedOn) : (round.decidedOn ?? submittedOn);
    return { reviewId, outcome: 'passed', at };
  }
  return { reviewId, outcome: OUTCOME_LINK[round.outcome], at: round.decidedOn ?? submittedOn };
}
