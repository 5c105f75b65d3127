/**
 * The stages of a case (REC-1..REC-5 · SX25-R 3; SX19-R 3; GS-R 2):
 * 启动 initiation → 调查取证 investigation → 审核决定 review and decision →
 * 送达执行 service and execution → 归档 archive. Completing the archive stage
 * seals the case file: an archived case is read-only (REC-16 · SX25-R 22).
 *
 * GS-R 2 names the third stage 审查决定 and the last 归档管理; the platform
 * uses SX25-R 3's wording, which is the same sequence.
 */
import type { DateTimeString } from '../calendar/civil-date.js';

export const CASE_STAGE_LABELS = {
  initiation: '启动',
  investigation: '调查取证',
  decision: '审核决定',
  serviceExecution: '送达执行',
  archive: '归档',
} as const;

/** 执法环节 stage of a case. */
export type CaseStage = keyof typeof CASE_STAGE_LABELS;
export const CASE_STAGES = Object.keys(CASE_STAGE_LABELS) as CaseStage[];

/** Where a case is: one of the stages, or 已归档 archived (read-only). */
export type CaseState = CaseStage | 'archived';
export const ARCHIVED_LABEL = '已归档';

export function isCaseStage(s: string): s is CaseStage {
  return Object.prototype.hasOwnProperty.call(CASE_STAGE_LABELS, s);
}

export function caseStateLabel(s: CaseState): string {
  return s === 'archived' ? ARCHIVED_LABEL : CASE_STAGE_LABELS[s];
}

/** The state after `s`: the next stage, 'archived' after the archive stage, null once archived. */
export function nextStage(s: CaseState): CaseState | null {
  if (s === 'archived') return null;
  const i = CASE_STAGES.indexOf(s);
  return CASE_STAGES[i + 1] ?? 'archived';
}

/** Position for ordering: initiation 0 … archive 4, archived 5. */
export function stageOrder(s: CaseState): number {
  return s === 'archived' ? CASE_STAGES.length : CASE_STAGES.indexOf(s);
}

/** Who moved a case on, and when (REC-3..REC-5: every transition is recorded). */
export interface StageActor {
  id: string;
  name: string;
}

/** One recorded transition. */
export interface StageTransition {
  from: CaseStage;
  to: CaseState;
  actor: StageActor;
  /** ISO date-time with offset, supplied by the caller (the core has no clock). */
  at: DateTimeString;
}
