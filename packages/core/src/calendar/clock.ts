/**
 * A deadline clock (期限计算) with pauses (中止/不计入期限的期间) and extensions
 * (延长), e.g. the legal-review clock (REV-6 · SX19-L 14, XX-L 10: supplements,
 * expert review and interpretation requests are not counted) or the penalty
 * clock (NAT-3 · 生态环境行政处罚办法 Art 57: hearing, announcement, monitoring,
 * testing, appraisal, service and suspension are not counted).
 *
 * How a pause moves the due date — one rule for every unit of days:
 *   A day *counts* when it lies after the start day (民法典 Art 201), is of the
 *   period's kind (a working day for `workingDays`, any day for `calendarDays`)
 *   and is not inside any pause. The due date is the day on which the
 *   (amount + extensions)-th counting day falls.
 * Equivalently: every working day (or calendar day) of a pause that falls
 * inside the running window pushes the due date back by one such day. So
 * - overlapping pauses count each day once (they are merged first);
 * - a pause that ends on or before the start, or begins after the due date it
 *   would interrupt, has no effect (it is traced as ignored);
 * - a pause over a weekend or holiday does not move a working-day clock.
 * For `months` and `years` the base due date is computed by 民法典 Art 202 and
 * then pushed back by the number of paused calendar days inside
 * (start, due] (repeated until stable, so a pause reached only after the push
 * counts as well).
 * Pause dates are China civil dates, both ends inclusive. Pauses are not
 * supported for `hours` periods (validation error).
 *
 * Extensions are in the period's unit and add to its amount. An extension
 * approved after the due date it extends gets a warning (the law expects
 * approval before the limit runs out) but is still applied.
 */
import { provisionalMark, type ProvisionalMark } from './statutory.js';
import { AppError } from '../errors.js';
import {
  type CivilDate,
  civilDateOf,
  dayDiff,
  isCivilDate,
  isDateTime,
  parseDateTime,
  plusDays,
  temporalKind,
} from './civil-date.js';
import { type Period, type PeriodUnit, PERIOD_UNITS, formatPeriod } from './period.js';
import type { WorkCalendar } from './work-calendar.js';

/** A span during which the clock does not run (inclusive China dates). */
export interface ClockPause {
  from: CivilDate;
  to: CivilDate;
  /** Why, e.g. '补充材料' (supplement), '专家论证' (expert review), '听证', '检测'. */
  reason: string;
}

/** An approved extension of the period, in the period's unit. */
export interface ClockExtension {
  amount: number;
  /** Who approved, e.g. '机关负责人 张三'. */
  approvedBy: string;
  /** Date or date-time of approval. */
  approvedAt: string;
  /** Legal basis, e.g. 'SX19-L 第十四条'. */
  basis: string;
}

/** Input of `computeDue`. */
export interface ClockInput {
  /** Start: a date, or a date-time (required for `hours`; for day units its China date is used). */
  start: string;
  period: Period;
  pauses?: readonly ClockPause[];
  extensions?: readonly ClockExtension[];
  /** 民法典 Art 203 roll-over for calendar periods (calendarDays, months, years). */
  rollover?: boolean;
}

/** One step of the explanation of a due date. */
export type ClockTraceStep =
  | { step: 'base'; unit: PeriodUnit; amount: number; due: string }
  | {
      step: 'extension';
      amount: number;
      approvedBy: string;
      approvedAt: string;
      basis: string;
      due: string;
      /** Approved after the due date it extended. */
      late: boolean;
    }
  | {
      step: 'pause';
      from: CivilDate;
      to: CivilDate;
      reasons: string[];
      /** Counting days (working days or calendar days) inside the pause and the running window. */
      pausedDays: number;
      effect: 'shifted' | 'ignored';
    }
  | { step: 'rollover'; from: CivilDate; to: CivilDate };

/** Result of `computeDue`; `provisional` etc. when a day it counted is in a year without the notice (NAT-21). */
export interface ClockResult extends ProvisionalMark {
  /** 'YYYY-MM-DD', or an ISO date-time at +08:00 for `hours`. */
  due: string;
  /** Due date of the base period alone (no extensions, no pauses). */
  baseDue: string;
  /** Amount after extensions. */
  totalAmount: number;
  /** Counting days added by pauses. */
  pausedDays: number;
  /** Chinese one-line explanation. */
  basis: string;
  trace: ClockTraceStep[];
  warnings: string[];
}

interface MergedPause {
  from: CivilDate;
  to: CivilDate;
  reasons: string[];
}

function fail(detail: string): never {
  throw new AppError('validation.failed', { detail });
}

/** Sorts pauses and merges overlapping or touching ones. */
export function mergePauses(pauses: readonly ClockPause[]): MergedPause[] {
  for (const p of pauses) {
    if (!isCivilDate(p.from) || !isCivilDate(p.to)) fail(`中止期间的日期须为 YYYY-MM-DD：${p.from}–${p.to}`);
    if (p.from > p.to) fail(`中止期间的起日晚于止日：${p.from}–${p.to}`);
  }
  const sorted = [...pauses].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: MergedPause[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.from <= plusDays(last.to, 1)) {
      if (p.to > last.to) last.to = p.to;
      if (!last.reasons.includes(p.reason)) last.reasons.push(p.reason);
    } else {
      merged.push({ from: p.from, to: p.to, reasons: [p.reason] });
    }
  }
  return merged;
}

interface DayStepper {
  add(from: CivilDate, n: number): CivilDate;
  /** Counting days in (a, b]; 0 when b <= a. */
  count(a: CivilDate, b: CivilDate): number;
}

function stepperFor(unit: 'workingDays' | 'calendarDays', cal: WorkCalendar): DayStepper {
  if (unit === 'workingDays') {
    return {
      add: (from, n) => cal.addWorkingDays(from, n),
      count: (a, b) => (b <= a ? 0 : cal.workingDaysBetween(a, b)),
    };
  }
  return {
    add: (from, n) => cal.addCalendarDays(from, n),
    count: (a, b) => (b <= a ? 0 : dayDiff(a, b)),
  };
}

/** Walks the pauses for a day-unit period; see the module comment. */
function runDays(
  cal: WorkCalendar,
  unit: 'workingDays' | 'calendarDays',
  start: CivilDate,
  total: number,
  pauses: MergedPause[],
  trace: ClockTraceStep[] | null,
): { due: CivilDate; pausedDays: number } {
  const s = stepperFor(unit, cal);
  let cur = start;
  let remaining = total;
  let pausedDays = 0;
  let done = false;
  for (const p of pauses) {
    if (done || p.to <= cur) {
      trace?.push({ step: 'pause', from: p.from, to: p.to, reasons: p.reasons, pausedDays: 0, effect: 'ignored' });
      continue;
    }
    const candidate = s.add(cur, remaining);
    if (candidate < p.from) {
      done = true; // the period ends before this pause begins: it and all later ones are ignored
      trace?.push({ step: 'pause', from: p.from, to: p.to, reasons: p.reasons, pausedDays: 0, effect: 'ignored' });
      continue;
    }
    const dayBefore = p.from > cur ? plusDays(p.from, -1) : cur;
    remaining -= s.count(cur, dayBefore); // counted before the pause; stays >= 1
    const paused = s.count(dayBefore, p.to);
    pausedDays += paused;
    trace?.push({
      step: 'pause',
      from: p.from,
      to: p.to,
      reasons: p.reasons,
      pausedDays: paused,
      effect: paused > 0 ? 'shifted' : 'ignored',
    });
    cur = p.to;
  }
  return { due: s.add(cur, remaining), pausedDays };
}

/** Months/years: Art 202 base date, then pushed back by paused calendar days in (start, due]. */
function runMonths(
  cal: WorkCalendar,
  unit: 'months' | 'years',
  start: CivilDate,
  total: number,
  pauses: MergedPause[],
  trace: ClockTraceStep[] | null,
): { due: CivilDate; pausedDays: number } {
  const base = unit === 'months' ? cal.addMonths(start, total) : cal.addYears(start, total);
  const pausedIn = (end: CivilDate): number => {
    let n = 0;
    for (const p of pauses) {
      const a = p.from > start ? p.from : plusDays(start, 1);
      const b = p.to < end ? p.to : end;
      if (a <= b) n += dayDiff(a, b) + 1;
    }
    return n;
  };
  let due = base;
  for (;;) {
    const next = cal.addCalendarDays(base, pausedIn(due));
    if (next === due) break;
    due = next;
  }
  if (trace) {
    for (const p of pauses) {
      const a = p.from > start ? p.from : plusDays(start, 1);
      const b = p.to < due ? p.to : due;
      const n = a <= b ? dayDiff(a, b) + 1 : 0;
      trace.push({ step: 'pause', from: p.from, to: p.to, reasons: p.reasons, pausedDays: n, effect: n > 0 ? 'shifted' : 'ignored' });
    }
  }
  return { due, pausedDays: dayDiff(base, due) };
}

function validateInput(input: ClockInput): void {
  const { period } = input;
  if (!PERIOD_UNITS.includes(period.unit)) fail(`期限单位无效：${String(period.unit)}`);
  const integral = period.unit !== 'hours';
  const okAmount = (n: number) => Number.isFinite(n) && n >= 0 && (!integral || Number.isInteger(n));
  if (!okAmount(period.amount)) fail(`期限数值无效：${String(period.amount)}`);
  temporalKind(input.start);
  if (period.unit === 'hours' && !isDateTime(input.start)) fail('按小时计算的期限须从具体时刻起算（ISO 日期时间）');
  if (period.unit === 'hours' && (input.pauses?.length ?? 0) > 0) fail('按小时计算的期限不支持中止期间');
  for (const e of input.extensions ?? []) {
    if (!okAmount(e.amount) || e.amount === 0) fail(`延长期限数值无效：${String(e.amount)}`);
    if (!e.approvedBy?.trim()) fail('延长期限须注明批准人');
    if (!e.basis?.trim()) fail('延长期限须注明依据');
    temporalKind(e.approvedAt);
  }
}

function computeOnce(
  cal: WorkCalendar,
  input: ClockInput,
  total: number,
  pauses: MergedPause[],
  trace: ClockTraceStep[] | null,
): { due: string; pausedDays: number } {
  const { unit } = input.period;
  if (unit === 'hours') return { due: cal.addHours(input.start, total), pausedDays: 0 };
  const start = civilDateOf(input.start);
  if (unit === 'workingDays' || unit === 'calendarDays') return runDays(cal, unit, start, total, pauses, trace);
  return runMonths(cal, unit, start, total, pauses, trace);
}

/**
 * Computes the due date of a period with pauses and extensions. See the module
 * comment for the exact rule. Throws 'calendar.year_missing' when a day it
 * needs is in a year without holiday data, 'validation.failed' on bad input.
 */
export function computeDue(calendar: WorkCalendar, input: ClockInput): ClockResult {
  validateInput(input);
  const pauses = mergePauses(input.pauses ?? []);
  // Stable sort by approval date: each extension extends the due date in force when it was approved.
  const extensions = [...(input.extensions ?? [])].sort((a, b) => {
    const x = civilDateOf(a.approvedAt);
    const y = civilDateOf(b.approvedAt);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const trace: ClockTraceStep[] = [];
  const warnings: string[] = [];
  const { unit, amount } = input.period;

  const baseDue = computeOnce(calendar, input, amount, [], null).due;
  trace.push({ step: 'base', unit, amount, due: baseDue });

  let total = amount;
  let previousDue = pauses.length > 0 ? computeOnce(calendar, input, amount, pauses, null).due : baseDue;
  for (const e of extensions) {
    const late =
      unit === 'hours' && isDateTime(e.approvedAt)
        ? parseDateTime(e.approvedAt) > parseDateTime(previousDue)
        : civilDateOf(e.approvedAt) > civilDateOf(previousDue);
    total += e.amount;
    const due = computeOnce(calendar, input, total, pauses, null).due;
    trace.push({ step: 'extension', amount: e.amount, approvedBy: e.approvedBy, approvedAt: e.approvedAt, basis: e.basis, due, late });
    if (late) warnings.push(`延长（${e.approvedBy}，${e.approvedAt}）批准时原期限 ${previousDue} 已届满`);
    previousDue = due;
  }

  const { due: beforeRollover, pausedDays } = computeOnce(calendar, input, total, pauses, trace);
  let due = beforeRollover;
  if (input.rollover && (unit === 'calendarDays' || unit === 'months' || unit === 'years')) {
    due = calendar.nextWorkingDayOnOrAfter(beforeRollover);
    if (due !== beforeRollover) trace.push({ step: 'rollover', from: beforeRollover, to: due });
  }

  const parts = [`自 ${input.start} 起 ${formatPeriod(input.period)}`];
  for (const e of extensions) parts.push(`延长 ${formatPeriod({ unit, amount: e.amount })}（${e.approvedBy}；${e.basis}）`);
  if (pausedDays > 0) {
    const label = unit === 'workingDays' ? '个工作日' : '日';
    parts.push(`中止期间不计入 ${pausedDays}${label}`);
  }
  if (due !== beforeRollover) parts.push(`期间最后一日为休息日，顺延至 ${due}（民法典 第二百零三条）`);
  parts.push(`届满日 ${due}`);

  // NAT-21: working days counted, or a roll-over decided, in a year without the notice.
  const start = civilDateOf(input.start);
  const dueDate = civilDateOf(due);
  const years =
    unit === 'workingDays'
      ? calendar.provisionalYearsBetween(start, dueDate)
      : due !== beforeRollover || input.rollover
        ? calendar.provisionalYearsBetween(civilDateOf(beforeRollover), dueDate)
        : [];
  const mark = provisionalMark(years);
  if (mark.provisional) parts.push('暂定');
  return { due, baseDue, totalAmount: total, pausedDays, basis: parts.join('；'), trace, warnings, ...mark };
}

/** Status of a deadline. */
export type DueStatus = 'onTime' | 'dueSoon' | 'overdue';

/**
 * 'overdue' after the due date (after the due instant when both are
 * date-times); 'dueSoon' when `soonDays` or fewer remain — counted in working
 * days when a calendar is given (so a deadline after a long holiday is not
 * flagged early), otherwise in calendar days; else 'onTime'. The due day itself
 * is not overdue (民法典 Art 203 ¶2: the last day runs to 24:00).
 */
export function dueStatus(due: string, today: string, soonDays: number, calendar?: WorkCalendar): DueStatus {
  if (!Number.isInteger(soonDays) || soonDays < 0) fail(`提醒天数无效：${String(soonDays)}`);
  const dueDate = civilDateOf(due);
  const todayDate = civilDateOf(today);
  if (isDateTime(due) && isDateTime(today)) {
    if (parseDateTime(today) > parseDateTime(due)) return 'overdue';
  } else if (todayDate > dueDate) {
    return 'overdue';
  }
  const remaining = calendar ? calendar.workingDaysBetween(todayDate, dueDate) : dayDiff(todayDate, dueDate);
  return remaining <= soonDays ? 'dueSoon' : 'onTime';
}
