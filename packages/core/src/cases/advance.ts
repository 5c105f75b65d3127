/**
 * The stage machine (REC-3..REC-5): `checkAdvance` refuses to leave a stage
 * while anything in its checklist is missing and lists all of it;
 * `advanceCase` also returns the transition record (actor and time) the
 * server stores. An archived case does not move (REC-16).
 */
import type { DateTimeString } from '../calendar/civil-date.js';
import type { AdvanceInput } from './case-documents.js';
import { stageChecklist } from './checklist.js';
import { type RuleMissing, formatBasis, ruleRef } from './citation.js';
import { type CaseStage, type CaseState, type StageActor, type StageTransition, nextStage } from './stages.js';

export type AdvanceCheck = { ok: true; from: CaseStage; to: CaseState } | { ok: false; missing: RuleMissing[] };

/** May the case leave its current stage? If not, everything missing, with reasons and basis. */
export function checkAdvance(input: AdvanceInput): AdvanceCheck {
  const from = input.snapshot.state;
  if (from === 'archived') {
    return { ok: false, missing: [{ kind: 'stage', label: '案件状态', reason: '案件已归档，案卷只读', basis: formatBasis([ruleRef('SX25-R', '22')]) }] };
  }
  const missing = stageChecklist(input, from)
    .filter((i) => i.status === 'missing')
    .map((i): RuleMissing => ({ kind: i.kind, label: i.label, reason: i.reasons.join('；'), id: i.id, basis: i.basis }));
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, from, to: nextStage(from) ?? 'archived' };
}

export type AdvanceResult = { ok: true; transition: StageTransition } | { ok: false; missing: RuleMissing[] };

/** `checkAdvance` plus the transition record to store (who, when; REC-3..REC-5). */
export function advanceCase(input: AdvanceInput, actor: StageActor, at: DateTimeString): AdvanceResult {
  const check = checkAdvance(input);
  if (!check.ok) return check;
  return { ok: true, transition: { from: check.from, to: check.to, actor, at } };
}
