/**
 * The review checklist (REV-4 · SX19-L 11; XX-L 8) and the outcome it calls
 * for (REV-5 · SX19-L 12; XX-L 11). The reviewer records a finding per item;
 * the outcome follows from the findings under the family's articles:
 * - any finding that calls for a transfer → transfer (a suspected crime must
 *   go to the judiciary; under XX-L 11(四) also a case outside the bureau's
 *   jurisdiction);
 * - else the most serious of 'do not decide' and 'correct';
 * - approve only when every item is in order.
 * A reviewer who picks another outcome is told which findings disagree.
 */
import type { RuleMissing } from '../cases/citation.js';
import { isCivilDate } from '../calendar/civil-date.js';
import { formatCitation, type Citation } from '../profiles/documents.js';
import { findingOutcome, type ReviewRules } from './rules.js';
import {
  BINARY_ITEMS,
  CHECKLIST_ITEM_LABELS,
  CRIME_FINDING_LABELS,
  FINDING_LABELS,
  type ChecklistItemKey,
  type Finding,
  type ReviewOutcome,
} from './vocabulary.js';

/** One finding as the reviewer records it. */
export interface ChecklistEntry {
  item: ChecklistItemKey;
  finding: Finding;
  /** What is wrong (required unless the item is in order). */
  note?: string;
}

/** A finding that supports the outcome, with the article that says so. */
export interface Ground {
  item: ChecklistItemKey;
  label: string;
  finding: Finding;
  findingLabel: string;
  note: string;
  outcome: ReviewOutcome;
  basis: string;
}

/** Label of a finding on an item ('涉嫌犯罪，应当移送' for the crime item). */
export function findingLabel(item: ChecklistItemKey, finding: Finding): string {
  if (item === 'crimeTransfer' && finding !== 'flaw') return CRIME_FINDING_LABELS[finding];
  return FINDING_LABELS[finding];
}

/** Every non-passing finding with the outcome it calls for. */
export function groundsOf(rules: ReviewRules, entries: readonly ChecklistEntry[]): Ground[] {
  const out: Ground[] = [];
  for (const e of entries) {
    const r = findingOutcome(rules, e.item, e.finding);
    if (!r) continue;
    out.push({
      item: e.item,
      label: CHECKLIST_ITEM_LABELS[e.item],
      finding: e.finding,
      findingLabel: findingLabel(e.item, e.finding),
      note: e.note?.trim() ?? '',
      outcome: r.outcome,
      basis: formatCitation(r.citation),
    });
  }
  return out;
}

/** The outcome the findings call for (see the module comment). */
export function suggestedOutcome(rules: ReviewRules, entries: readonly ChecklistEntry[]): ReviewOutcome {
  const outcomes = new Set(groundsOf(rules, entries).map((g) => g.outcome));
  if (outcomes.has('transfer')) return 'transfer';
  if (outcomes.has('notDecide')) return 'notDecide';
  if (outcomes.has('correct')) return 'correct';
  return 'approve';
}

/** What the reviewer submits to decide a round. */
export interface DecisionInput {
  checklist: readonly ChecklistEntry[];
  /** When omitted, the outcome the findings call for. */
  outcome?: ReviewOutcome;
  opinion: string;
  /** REV-7 · XX-L 11: approval of the opinion by the leader in charge of legal affairs. */
  leaderApproval?: { approver: string; approvedOn: string } | null;
}

export type DecisionCheck =
  | { ok: true; outcome: ReviewOutcome; grounds: Ground[] }
  | { ok: false; missing: RuleMissing[]; invalid: RuleMissing[]; suggested: ReviewOutcome };

const blank = (s: string | undefined | null) => !s || s.trim() === '';

/** Checks a decision: every item has a finding, problems are explained, the outcome follows the findings. */
export function checkDecision(rules: ReviewRules, input: DecisionInput): DecisionCheck {
  const missing: RuleMissing[] = [];
  const invalid: RuleMissing[] = [];
  const basisOf = (c: Citation) => formatCitation(c);
  const byItem = new Map<ChecklistItemKey, ChecklistEntry>();
  for (const e of input.checklist) {
    const rule = rules.checklist.find((c) => c.item === e.item);
    const label = CHECKLIST_ITEM_LABELS[e.item] ?? String(e.item);
    if (!rule) {
      invalid.push({ kind: 'fact', label, reason: '不是审核要点', id: String(e.item) });
      continue;
    }
    if (byItem.has(e.item)) invalid.push({ kind: 'fact', label, reason: '重复填写', id: e.item, basis: basisOf(rule.citation) });
    byItem.set(e.item, e);
    if (!(e.finding in FINDING_LABELS)) invalid.push({ kind: 'fact', label, reason: `结论“${String(e.finding)}”无效`, id: e.item, basis: basisOf(rule.citation) });
    else if (e.finding === 'flaw' && BINARY_ITEMS.includes(e.item)) invalid.push({ kind: 'fact', label, reason: '此项只能为符合或者不符合', id: e.item, basis: basisOf(rule.citation) });
    else if (e.finding !== 'pass' && blank(e.note)) invalid.push({ kind: 'fact', label, reason: '存在问题的，须写明问题', id: e.item, basis: basisOf(rule.citation) });
  }
  for (const rule of rules.checklist) {
    if (!byItem.has(rule.item)) missing.push({ kind: 'fact', label: CHECKLIST_ITEM_LABELS[rule.item], reason: '未填写审核结论', id: rule.item, basis: basisOf(rule.citation) });
  }
  if (blank(input.opinion)) missing.push({ kind: 'fact', label: '审核意见', reason: '须写明书面审核意见', basis: rules.opinionCitations.map(basisOf).join('；') });
  if (rules.opinionApproval?.required) {
    const a = input.leaderApproval;
    if (!a || blank(a.approver) || !isCivilDate(a.approvedOn ?? '')) {
      missing.push({ kind: 'fact', label: `${rules.opinionApproval.by}同意`, reason: '审核意见须经其同意后交还承办机构（写明同意人和日期）', basis: basisOf(rules.opinionApproval.citation) });
    }
  }

  const entries = [...byItem.values()];
  const suggested = suggestedOutcome(rules, entries);
  const grounds = groundsOf(rules, entries);
  const outcome = input.outcome ?? suggested;
  if (outcome !== suggested && missing.length === 0) {
    const label = `审核结论“${rules.outcomeLabels[outcome] ?? String(outcome)}”`;
    if (outcome === 'approve') {
      const issues = grounds.map((g) => `${g.label}（${g.findingLabel}）`).join('、');
      invalid.push({ kind: 'fact', label, reason: `存在问题的审核要点不能出具${rules.outcomeLabels.approve}意见：${issues}`, basis: basisOf(rules.outcomeCitations.approve) });
    } else {
      const called = grounds.filter((g) => g.outcome === suggested).map((g) => `${g.label}（${g.findingLabel}，${g.basis}）`).join('、');
      invalid.push({
        kind: 'fact',
        label,
        reason: suggested === 'approve' ? '审核要点均符合，应当出具同意意见' : `按审核要点应当出具“${rules.outcomeLabels[suggested]}”意见：${called}`,
        basis: basisOf(rules.outcomeCitations[suggested]),
      });
    }
  }
  if (missing.length > 0 || invalid.length > 0) return { ok: false, missing, invalid, suggested };
  return { ok: true, outcome, grounds: grounds.filter((g) => g.outcome === outcome) };
}
