/**
 * The review deadline of one round (REV-6 · SX19-L 14: 10 working days from
 * complete materials, +10 with the agency head's approval; XX-L 10: 7 working
 * days from receipt, +3 with the leader in charge of legal affairs). The
 * periods and pause reasons are profile values ('review.timeLimit',
 * 'review.pauseReasons'); the counting is `computeDue` (calendar/clock.ts).
 *
 * A pause (补充材料, 专家论证 …) runs from the day after it was asked for to the
 * day the material or opinion arrived: the day of the request was a day of
 * review, and the day of arrival is, like a start day, not counted (民法典
 * Art 201). An open pause runs to today; the status is then 'paused'.
 */
import { provisionalMark, type ProvisionalMark } from '../calendar/statutory.js';
import { civilDateOf, plusDays, type CivilDate } from '../calendar/civil-date.js';
import { computeDue, dueStatus, type ClockExtension, type ClockPause, type ClockTraceStep } from '../calendar/clock.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { AppError } from '../errors.js';
import { getParam } from '../profiles/resolve.js';
import type { DeadlineExtension, ResolvedProfile, SpanDeadline } from '../profiles/types.js';
import { ANCHOR_LABELS } from '../profiles/types.js';
import { PAUSE_REASON_LABELS, type PauseReasonKey } from '../profiles/vocabulary.js';

/** A pause as recorded: asked for on `requestedOn`, ended on `resumedOn` (null while open). */
export interface ReviewPause {
  reason: PauseReasonKey;
  requestedOn: CivilDate;
  resumedOn: CivilDate | null;
}

/** An approved extension as recorded. */
export interface ReviewExtension {
  amount: number;
  approvedBy: string;
  approvedOn: CivilDate;
  /** The profile's wording of who approves, e.g. '案件复杂的，经本行政执法机关负责人批准'. */
  approval: string;
}

export type ReviewClockStatus = 'onTime' | 'dueSoon' | 'overdue' | 'paused' | 'done' | 'late';

export const REVIEW_CLOCK_STATUS_LABELS: Record<ReviewClockStatus, string> = {
  onTime: '期限内',
  dueSoon: '即将到期',
  overdue: '已超期',
  paused: '计时中止',
  done: '按期完成',
  late: '超期完成',
};

export interface ReviewClockInput {
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  /** The day the complete materials were received (the start day, not counted). */
  start: CivilDate;
  pauses: readonly ReviewPause[];
  extensions: readonly ReviewExtension[];
  today: CivilDate;
  /** The day the opinion was given, when it was. */
  decidedOn?: CivilDate | null;
  /** Working days before the due date that count as 'dueSoon'. */
  soonDays?: number;
}

export interface ReviewClock extends ProvisionalMark {
  start: CivilDate;
  anchorLabel: string;
  due: CivilDate;
  baseDue: CivilDate;
  status: ReviewClockStatus;
  statusLabel: string;
  paused: boolean;
  pausedDays: number;
  /** Extensions approved so far, and those the profile still allows. */
  extensionsUsed: number;
  extensionsLeft: readonly DeadlineExtension[];
  /** Due date if every remaining extension were approved now. */
  dueWithMaxExtension: CivilDate | null;
  /** Chinese explanation from the clock plus the rule. */
  basis: string;
  ruleBasis: string;
  trace: ClockTraceStep[];
  warnings: string[];
}

/** The profile's review limit as a span deadline (an event rule is a configuration error). */
export function reviewLimit(profile: ResolvedProfile): { spec: SpanDeadline; basis: string } {
  const p = getParam(profile, 'review.timeLimit');
  if (p.value.kind !== 'span') throw new AppError('profile.rule_undefined', { profile: profile.id, rule: 'review.timeLimit' });
  return { spec: p.value, basis: p.basis };
}

/** Pause reasons the profile allows (REV-6), with their basis. */
export function reviewPauseReasons(profile: ResolvedProfile): { reasons: readonly PauseReasonKey[]; basis: string } {
  const p = getParam(profile, 'review.pauseReasons');
  return { reasons: p.value, basis: p.basis };
}

/** A recorded pause as a clock pause (null when it covers no day yet). */
export function toClockPause(p: ReviewPause, today: CivilDate): ClockPause | null {
  const from = plusDays(p.requestedOn, 1);
  const to = p.resumedOn ?? today;
  if (to < from) return null;
  return { from, to, reason: PAUSE_REASON_LABELS[p.reason] ?? p.reason };
}

/** The deadline of a round, as of `today`. */
export function reviewClock(input: ReviewClockInput): ReviewClock {
  const { profile, calendar, start, today } = input;
  const { spec, basis: ruleBasis } = reviewLimit(profile);
  const pauses = input.pauses.map((p) => toClockPause(p, today)).filter((p): p is ClockPause => p !== null);
  const extensions: ClockExtension[] = input.extensions.map((e) => ({ amount: e.amount, approvedBy: e.approvedBy, approvedAt: e.approvedOn, basis: `${e.approval}（${ruleBasis}）` }));
  const result = computeDue(calendar, { start, period: spec.period, pauses, extensions });
  const used = input.extensions.length;
  const left = spec.extensions.slice(used);
  const leftAmount = left.reduce((s, e) => s + e.amount, 0);
  const dueWithMaxExtension = leftAmount > 0
    ? computeDue(calendar, { start, period: spec.period, pauses, extensions: [...extensions, { amount: leftAmount, approvedBy: '—', approvedAt: today, basis: '—' }] }).due
    : null;
  const open = input.pauses.some((p) => p.resumedOn === null);
  const decidedOn = input.decidedOn ?? null;
  let status: ReviewClockStatus;
  if (decidedOn) status = decidedOn <= result.due ? 'done' : 'late';
  else if (open) status = 'paused';
  else status = dueStatus(result.due, today, 2, calendar);
  return {
    start,
    anchorLabel: ANCHOR_LABELS[spec.anchor],
    due: civilDateOf(result.due),
    baseDue: civilDateOf(result.baseDue),
    status,
    statusLabel: REVIEW_CLOCK_STATUS_LABELS[status],
    paused: open && !decidedOn,
    pausedDays: result.pausedDays,
    extensionsUsed: used,
    extensionsLeft: left,
    dueWithMaxExtension,
    basis: result.basis,
    ruleBasis,
    trace: result.trace,
    warnings: result.warnings,
    ...provisionalMark(result.provisionalYears ?? []),
  };
}

export type ExtensionCheck = { ok: true; extension: DeadlineExtension; basis: string } | { ok: false; reason: string; basis: string };

/**
 * Whether one more extension may be approved (REV-6): the profile lists each
 * possible extension in order; the amount may not exceed the next one.
 */
export function checkExtension(profile: ResolvedProfile, used: number, amount?: number): ExtensionCheck {
  const { spec, basis } = reviewLimit(profile);
  const next = spec.extensions[used];
  if (!next) {
    return { ok: false, reason: spec.extensions.length === 0 ? '规则未规定可以延长审核期限' : `审核期限已延长 ${used} 次，不能再延长`, basis };
  }
  const a = amount ?? next.amount;
  if (!Number.isInteger(a) || a <= 0 || a > next.amount) return { ok: false, reason: `延长期限须为 1 至 ${next.amount} 个工作日`, basis };
  return { ok: true, extension: { amount: a, approval: next.approval }, basis };
}
