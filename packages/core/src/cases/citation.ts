/**
 * Small helpers shared by cases/ and records/: building citations in the
 * profiles' `Citation` shape (so `formatCitation` renders them the same way:
 * 'GS-R 第三十七条', '行政处罚法 第五十九条（一）'), and the result shape of a
 * rule check.
 *
 * Rule checks never throw (DESIGN §7 is applied by the server): they return
 * `{ ok: false, missing }`, which the server turns into an AppError.
 */
import { type Citation, type DocKey, formatCitation } from '../profiles/documents.js';

/** A citation: document, article number (or MEE19-style outline), optional item and quote. */
export function ruleRef(doc: DocKey, article: string, item?: string, text?: string): Citation {
  const c: Citation = { doc, article };
  if (item !== undefined) c.item = item;
  if (text !== undefined) c.text = text;
  return c;
}

/** 'GS-R 第三十七条；行政处罚法 第六十一条'. */
export function formatBasis(citations: readonly Citation[]): string {
  return citations.map(formatCitation).join('；');
}

/** What kind of thing a rule check found missing. */
export type RuleMissingKind =
  | 'document'
  | 'service'
  | 'handler'
  | 'decisionRecord'
  | 'av'
  | 'period'
  | 'fact'
  | 'draft'
  | 'field'
  | 'source'
  | 'stage';

/** One thing a rule check found missing or wrong, in Chinese for the user. */
export interface RuleMissing {
  kind: RuleMissingKind;
  /** What is needed, e.g. '行政处罚决定书（已签发）'. */
  label: string;
  /** Why it is not satisfied, e.g. '尚未送达'. */
  reason: string;
  /** Stable id of the rule row, e.g. 'penalty.decision.penaltyDecision'. */
  id?: string;
  /** Formatted citations, e.g. 'GS-R 第八条（五）'. */
  basis?: string;
}

/** Result of a rule check: the server maps `ok: false` to an AppError listing `missing`. */
export type RuleCheck = { ok: true } | { ok: false; missing: RuleMissing[] };

/** `{ ok: true }` when nothing is missing. */
export function toRuleCheck(missing: RuleMissing[]): RuleCheck {
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}
