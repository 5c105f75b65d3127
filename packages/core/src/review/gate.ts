/**
 * The hard gate (REV-1 · SX19-L 5; XX-L 5; MEE19 三; 行政处罚法 Art 58): the
 * decision document of a major case cannot be issued unless the latest round
 * of legal review approved it — or, where the rules allow (SX19-L 15), the
 * agency head decided after a recorded disagreement. The document issued must
 * be the draft that was reviewed, with the same terms (a changed fine or
 * penalty is a new draft and goes back to review, REV-9). Where the law
 * requires a collective discussion (NAT-6 · 行政处罚法 Art 57 ¶2; SX19-L 15
 * ¶2) it must be recorded first.
 *
 * A case is major when it is flagged, when it was sent to review, or when the
 * document being issued meets the catalogue: not submitting a case does not
 * open the gate.
 */
import type { ActionType } from '../cases/action-types.js';
import { formatCitation } from '../profiles/documents.js';
import type { MatchResult } from './matching.js';
import { roundPasses, type RoundState } from './rounds.js';
import { DECISION_DOCUMENT_KINDS, type ReviewRules } from './rules.js';
import { ROUND_STATUS_LABELS } from './vocabulary.js';

/** The kind of the written opinion, made only by the review module (REV-7). */
export const LEGAL_REVIEW_OPINION_KIND = 'legalReviewOpinion';

/** Whether issuing (or signing) a document of `kind` is a decision the gate guards. */
export function isGatedDecision(kind: string, actionType: ActionType): boolean {
  if ((DECISION_DOCUMENT_KINDS as readonly string[]).includes(kind)) return true;
  // In a coercion case the seal or seizure decision is the enforcement decision itself (XX-L 3: 行政处罚、行政强制等决定).
  return kind === 'sealSeizeDecision' && actionType === 'coercion';
}

/** The terms of a decision that the review judged: what is decided and how much. */
export interface DecisionTerms {
  penaltyTypes: readonly string[];
  fineAmount: number | null;
  /** Permit-type decisions: 'grant' or 'refuse'. */
  decision: string | null;
}

/** The terms read from a decision document's fields. */
export function decisionTerms(fields: Readonly<Record<string, unknown>>): DecisionTerms {
  const types = Array.isArray(fields.penaltyTypes) ? fields.penaltyTypes.filter((t): t is string => typeof t === 'string') : [];
  const fine = typeof fields.fineAmount === 'number' && Number.isFinite(fields.fineAmount) ? fields.fineAmount : null;
  const decision = typeof fields.decision === 'string' ? fields.decision : null;
  return { penaltyTypes: [...types].sort(), fineAmount: fine, decision };
}

/** How the terms differ ('罚款数额 200000 → 250000'), empty when the same. */
export function termsDiffer(reviewed: DecisionTerms, now: DecisionTerms): string[] {
  const out: string[] = [];
  const a = [...reviewed.penaltyTypes].sort().join('、');
  const b = [...now.penaltyTypes].sort().join('、');
  if (a !== b) out.push(`处罚种类（${a || '无'} → ${b || '无'}）`);
  const fen = (n: number | null) => (n === null ? null : Math.round(n * 100));
  if (fen(reviewed.fineAmount) !== fen(now.fineAmount)) out.push(`罚款数额（${reviewed.fineAmount ?? '无'} → ${now.fineAmount ?? '无'}）`);
  if ((reviewed.decision ?? null) !== (now.decision ?? null)) out.push(`决定内容（${reviewed.decision ?? '无'} → ${now.decision ?? '无'}）`);
  return out;
}

/** The latest round as the gate needs it. */
export interface GateRound extends RoundState {
  /** The draft decision that was reviewed (lineage id and terms), when one was linked. */
  reviewedDecision: { documentId: string; terms: DecisionTerms } | null;
}

export interface GateInput {
  documentKind: string;
  actionType: ActionType;
  /** Lineage id of the document being issued. */
  documentId: string;
  terms: DecisionTerms;
  /** The catalogue matched on the document being issued. */
  match: MatchResult | null;
  /** case.flags.majorDecision. */
  flaggedMajor: boolean;
  /** Whether the case was ever sent to review. */
  submitted: boolean;
  latest: GateRound | null;
  rules: ReviewRules;
  collectiveDiscussion: { required: boolean; recorded: boolean };
}

export type GateCode = 'required' | 'pending' | 'notPassed' | 'changed' | 'collective' | 'opinionSystemOnly';

export type GateResult =
  | { ok: true; applies: boolean; reason: string; basis: string }
  | { ok: false; code: GateCode; reason: string; basis: string };

/** REV-1: whether the document may be signed or issued, and why not. */
export function decisionGate(input: GateInput): GateResult {
  const { rules } = input;
  const basis = formatCitation(rules.gateCitation);
  if (input.documentKind === LEGAL_REVIEW_OPINION_KIND) {
    return { ok: false, code: 'opinionSystemOnly', reason: '法制审核意见书由法制审核人员在审核中出具，不能作为案件文书另行签署', basis: rules.opinionCitations.map(formatCitation).join('；') };
  }
  if (!isGatedDecision(input.documentKind, input.actionType)) return { ok: true, applies: false, reason: '不属于决定书', basis };
  const matched = input.match?.major === true;
  const major = input.flaggedMajor || input.submitted || matched;
  if (!major) return { ok: true, applies: false, reason: input.match?.summary ?? '不属于重大执法决定', basis };

  const why = matched ? input.match!.summary : input.flaggedMajor ? '本案已标记为重大执法决定' : '本案已送法制审核';
  const round = input.latest;
  if (!round) return { ok: false, code: 'required', reason: `${why}；未经法制审核，不得作出决定`, basis };
  if (round.status === 'submitted' || round.status === 'inReview') {
    return { ok: false, code: 'pending', reason: `第${round.round}轮法制审核${ROUND_STATUS_LABELS[round.status]}，审核通过前不得作出决定`, basis };
  }
  if (!roundPasses(round, rules)) {
    const outcome = round.outcome ? rules.outcomeLabels[round.outcome] : '未通过';
    const tail = round.status === 'disputed'
      ? '承办机构已提出异议，待机关负责人决定（REV-8）'
      : round.status === 'headDecided' && round.headDecision === 'overrule'
        ? `${formatCitation(rules.disagreementCitation)}：负责人不能决定不采纳审核意见，须补正后重新送审`
        : '须按审核意见补正后重新送审（REV-9）';
    return { ok: false, code: 'notPassed', reason: `第${round.round}轮法制审核意见为“${outcome}”，审核未通过的不得作出决定；${tail}`, basis };
  }
  const reviewed = round.reviewedDecision;
  if (reviewed) {
    if (reviewed.documentId !== input.documentId) {
      return { ok: false, code: 'changed', reason: '签发的决定书不是经法制审核的代拟稿，须重新送审', basis };
    }
    const diff = termsDiffer(reviewed.terms, input.terms);
    if (diff.length > 0) return { ok: false, code: 'changed', reason: `决定书与经法制审核的代拟稿不一致：${diff.join('；')}，须重新送审`, basis };
  }
  if (input.collectiveDiscussion.required && !input.collectiveDiscussion.recorded) {
    return { ok: false, code: 'collective', reason: '本案须经负责人集体讨论决定，集体讨论尚未记录', basis: '行政处罚法 第五十七条第二款；SX19-L 第十五条第二款' };
  }
  const how = round.status === 'headDecided' && round.outcome !== 'approve' ? `经机关负责人决定（${formatCitation(rules.disagreementCitation)}）` : `第${round.round}轮法制审核同意`;
  return { ok: true, applies: true, reason: `${why}；${how}`, basis };
}
