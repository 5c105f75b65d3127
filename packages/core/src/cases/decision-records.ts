/**
 * 审核决定环节的记录 decision-stage records (REC-4 · GS-R 8): the handler's
 * opinion with facts, evidence, legal basis and the discretion rule applied;
 * the handling unit's review; the legal review; the collective discussion;
 * the approval. Each part is signed by its author on a date; the approval
 * comes last.
 *
 * The legal review is a placeholder link (`reviewId` + outcome) until the
 * review module exists; the hard gate (REV-1 · SX19-L 5) already applies.
 */
import type { CivilDate } from '../calendar/civil-date.js';
import { isCivilDate } from '../calendar/civil-date.js';
import type { Citation } from '../profiles/documents.js';
import { type RuleMissing, formatBasis, ruleRef } from './citation.js';

export const DECISION_PART_LABELS = {
  handlerOpinion: '承办人处理意见',
  unitReview: '承办机构审核意见',
  legalReview: '法制审核意见',
  collectiveDiscussion: '集体讨论决定',
  approval: '负责人审批决定',
} as const;

/** A part of the decision-stage record. */
export type DecisionPart = keyof typeof DECISION_PART_LABELS;
export const DECISION_PARTS = Object.keys(DECISION_PART_LABELS) as DecisionPart[];

export const DECISION_PART_CITATIONS: Record<DecisionPart, readonly Citation[]> = {
  handlerOpinion: [ruleRef('GS-R', '8', '（一）', '承办人的处理意见以及相关事实、证据、法律依据、相关行政裁量权适用规则')],
  unitReview: [ruleRef('GS-R', '8', '（二）', '承办机构审核的情况')],
  legalReview: [ruleRef('GS-R', '8', '（三）', '法制审核的情况'), ruleRef('SX19-L', '5'), ruleRef('APL', '58')],
  collectiveDiscussion: [ruleRef('GS-R', '8', '（四）', '集体讨论的情况'), ruleRef('APL', '57', '第二款')],
  approval: [ruleRef('GS-R', '8', '（五）', '审批决定意见')],
};

/** 承办人处理意见. */
export interface HandlerOpinion {
  by: readonly string[];
  at: CivilDate;
  facts: string;
  evidence: readonly string[];
  legalBasis: string;
  /** 适用的行政裁量权基准. */
  discretionRule: string;
  proposal: string;
}

/** 承办机构审核意见. */
export interface UnitReview {
  reviewer: string;
  at: CivilDate;
  opinion: string;
  agreed: boolean;
}

export const LEGAL_REVIEW_OUTCOME_LABELS = {
  pending: '审核中',
  passed: '同意（合法）',
  correct: '纠正后再审',
  notDecide: '不予作出决定或重新调查',
  transfer: '移送',
} as const;
export type LegalReviewOutcome = keyof typeof LEGAL_REVIEW_OUTCOME_LABELS;

/** Link to the legal review (法制审核; REV-1..REV-9, to be filled by the review module). */
export interface LegalReviewLink {
  reviewId: string;
  outcome: LegalReviewOutcome;
  at?: CivilDate;
}

/** 集体讨论: the signed 集体讨论记录 and its conclusion. */
export interface CollectiveDiscussionLink {
  /** Id of the 集体讨论记录 document. */
  documentId: string;
  at: CivilDate;
  conclusion: string;
}

/** 负责人审批. */
export interface Approval {
  approver: string;
  at: CivilDate;
  opinion: string;
  approved: boolean;
}

export interface DecisionStageRecords {
  handlerOpinion?: HandlerOpinion;
  unitReview?: UnitReview;
  legalReview?: LegalReviewLink;
  collectiveDiscussion?: CollectiveDiscussionLink;
  approval?: Approval;
}

function blank(s: unknown): boolean {
  return typeof s !== 'string' || s.trim() === '';
}

/** A document the collective-discussion link can point to: id, kind and whether it is signed. */
export interface LinkedDocument {
  id: string;
  kind: string;
  signed: boolean;
}

/**
 * Why one part is not satisfied, or null. `documents` resolves the
 * collective-discussion link (the current version of each document).
 */
export function decisionPartProblem(records: DecisionStageRecords, part: DecisionPart, documents: readonly LinkedDocument[] = []): string | null {
  switch (part) {
    case 'handlerOpinion': {
      const o = records.handlerOpinion;
      if (!o) return '尚未填写承办人处理意见';
      const lacking = [
        (o.by ?? []).length === 0 ? '承办人' : null,
        blank(o.facts) ? '事实' : null,
        (o.evidence ?? []).filter((e) => !blank(e)).length === 0 ? '证据' : null,
        blank(o.legalBasis) ? '法律依据' : null,
        blank(o.discretionRule) ? '适用的裁量基准' : null,
        blank(o.proposal) ? '处理意见' : null,
        isCivilDate(o.at ?? '') ? null : '日期',
      ].filter((x): x is string => x !== null);
      return lacking.length > 0 ? `承办人处理意见缺少：${lacking.join('、')}` : null;
    }
    case 'unitReview': {
      const r = records.unitReview;
      if (!r) return '尚未经承办机构审核';
      if (blank(r.reviewer) || blank(r.opinion) || !isCivilDate(r.at ?? '')) return '承办机构审核意见缺少审核人、意见或者日期';
      return r.agreed ? null : '承办机构审核未同意，须补正后重新审核';
    }
    case 'legalReview': {
      const l = records.legalReview;
      if (!l || blank(l.reviewId)) return '尚未进行法制审核；未经法制审核或者审核未通过的，不得作出决定';
      return l.outcome === 'passed' ? null : `法制审核结论为“${LEGAL_REVIEW_OUTCOME_LABELS[l.outcome] ?? String(l.outcome)}”，未通过，不得作出决定`;
    }
    case 'collectiveDiscussion': {
      const c = records.collectiveDiscussion;
      if (!c || blank(c.documentId)) return '尚未经负责人集体讨论';
      const doc = documents.find((d) => d.id === c.documentId);
      if (!doc || doc.kind !== 'collectiveDiscussionRecord') return '引用的文书不是本案的集体讨论记录';
      if (!doc.signed) return '集体讨论记录尚未签署';
      return blank(c.conclusion) ? '集体讨论决定未记录结论' : null;
    }
    case 'approval': {
      const a = records.approval;
      if (!a) return '尚未经负责人审批';
      if (blank(a.approver) || blank(a.opinion) || !isCivilDate(a.at ?? '')) return '审批意见缺少审批人、意见或者日期';
      if (!a.approved) return '负责人未批准';
      // GS-R 8 lists the approval last: it may not predate the parts it rests on.
      const earlier: [DecisionPart, string | undefined][] = [
        ['handlerOpinion', records.handlerOpinion?.at],
        ['unitReview', records.unitReview?.at],
        ['legalReview', records.legalReview?.at],
        ['collectiveDiscussion', records.collectiveDiscussion?.at],
      ];
      const after = earlier.filter(([, d]) => d !== undefined && isCivilDate(d) && d > a.at).map(([p]) => DECISION_PART_LABELS[p]);
      return after.length > 0 ? `审批日期 ${a.at} 早于${after.join('、')}的日期` : null;
    }
  }
}

/** The parts in `parts` that are not satisfied, as missing items. */
export function checkDecisionRecords(
  records: DecisionStageRecords,
  parts: readonly DecisionPart[],
  documents: readonly LinkedDocument[] = [],
): RuleMissing[] {
  const missing: RuleMissing[] = [];
  for (const part of parts) {
    const problem = decisionPartProblem(records, part, documents);
    if (problem) missing.push({ kind: 'decisionRecord', label: DECISION_PART_LABELS[part], reason: problem, id: part, basis: formatBasis(DECISION_PART_CITATIONS[part]) });
  }
  return missing;
}
