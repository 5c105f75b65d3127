/**
 * NAT-1, NAT-2 · the working-day calendar (工作日历).
 *
 * Built once from the loaded `CalendarYear`s into a per-day index over the
 * covered range:
 * - `working[i]`   1 if day i is a working day;
 * - `cum[i]`       number of working days before day i (prefix sums);
 * - `workingIdx[k]` the day index of the (k+1)-th working day.
 * So `isWorkingDay`, `addWorkingDays` and `workingDaysBetween` are O(1) array
 * look-ups after one Map look-up of the date string.
 *
 * Years without the State Council's notice (NAT-2) are filled, by default,
 * with provisional years derived from the statutory holidays (NAT-21,
 * statutory.ts: festivals and weekends, no 调休) for 2008–2099; a result that
 * touches one is marked by the caller through `provisionalYearsBetween`, so a
 * deadline never stops work and never silently guesses. With
 * `{ provisional: false }` (and outside 2008–2099) a computation that touches
 * a day in a year that is not loaded throws
 * AppError('calendar.year_missing', { year }) — never a silent Monday–Friday
 * guess (DESIGN §2 "Holidays"). The calendar-period methods
 * (`addCalendarDays`, `addMonths`, `addYears`) need holiday data only when
 * `rollover` (民法典 Art 203) is asked for: a plain calendar period does not
 * depend on holidays, so a publication window ending three years out (PUB-7)
 * is computed without the holiday notice of that year, which does not exist
 * yet. With `rollover` the end day must be in a loaded year.
 *
 * Counting (NAT-1 · 民法典 Art 201): the start day is not counted; the result
 * of `addWorkingDays(from, n)` is the n-th working day after `from`.
 */
import { AppError } from '../errors.js';
import {
  type CivilDate,
  type DateTimeString,
  chinaDateOf,
  daysFromCivil,
  formatDateTime,
  fromDayNumber,
  parseCivil,
  parseDateTime,
  plusMonths,
  toDayNumber,
  weekdayOfDayNumber,
} from './civil-date.js';
import type { CalendarCoverage, CalendarYear } from './types.js';
import { validateCalendarYear } from './validate.js';
import { STATUTORY_FIRST_YEAR, STATUTORY_LAST_YEAR, provisionalCalendarYear } from './statutory.js';

/** Options of `WorkCalendar`. */
export interface WorkCalendarOptions {
  /** NAT-21: fill years without a notice (2008–2099) from the statutory holidays. Default true. */
  provisional?: boolean;
}

/** Options of the calendar-period methods. */
export interface CalendarPeriodOptions {
  /**
   * 民法典 Art 203: when the last day of a period is a statutory rest day
   * (法定休假日: a holiday or an ordinary weekend day; an adjusted working
   * weekend 调休上班 is a working day), the period ends on the first working
   * day after it. Default false.
   */
  rollover?: boolean;
}

/** How one day is classified. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjustedWorkday';

/** Details of one day. */
export interface DayInfo {
  date: CivilDate;
  working: boolean;
  kind: DayKind;
  /** Festival name for a holiday or an adjusted working weekend. */
  name?: string;
  /** NAT-21: the day's year has no notice yet; its status is derived from the statutory holidays. */
  provisional?: true;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new AppError('validation.failed', { detail: `${what}须为整数，收到 ${String(n)}` });
  }
}

export class WorkCalendar {
  /** Years with the State Council's notice, as given (validated, sorted). */
  private readonly yearsData: readonly CalendarYear[];
  private readonly options: WorkCalendarOptions;
  private readonly confirmedYears: ReadonlySet<number>;
  /** Years filled from the statutory holidays (NAT-21). */
  private readonly provisionalSet: ReadonlySet<number>;
  /** Confirmed and provisional years: every year the index answers for. */
  private readonly loadedYears: ReadonlySet<number>;
  private readonly firstYear: number;
  private readonly lastYear: number;
  private readonly hasGaps: boolean;
  /** Day number of the first day of the range. */
  private readonly base: number;
  private readonly working: Uint8Array;
  private readonly cum: Int32Array;
  private readonly workingIdx: Int32Array;
  private readonly dates: string[];
  private readonly index: Map<string, number>;
  private readonly names: Map<string, { kind: 'holiday' | 'adjustedWorkday'; name: string }>;

  /**
   * Validates every year (`validateCalendarYear`) and builds the index.
   * Two entries for the same year → AppError('calendar.year_exists'). A year
   * passed with `provisional: true` counts as provisional, not confirmed.
   */
  constructor(years: readonly CalendarYear[], options: WorkCalendarOptions = {}) {
    this.options = options;
    const given = years.map(validateCalendarYear).sort((a, b) => a.year - b.year);
    const seen = new Set<number>();
    for (const y of given) {
      if (seen.has(y.year)) throw new AppError('calendar.year_exists', { year: y.year });
      seen.add(y.year);
    }
    const confirmed = given.filter((y) => !y.provisional);
    const all = [...given];
    if (options.provisional !== false) {
      for (let y = STATUTORY_FIRST_YEAR; y <= STATUTORY_LAST_YEAR; y++) if (!seen.has(y)) all.push(provisionalCalendarYear(y));
      all.sort((a, b) => a.year - b.year);
    }
    this.yearsData = confirmed;
    this.confirmedYears = new Set(confirmed.map((y) => y.year));
    this.provisionalSet = new Set(all.filter((y) => y.provisional).map((y) => y.year));
    this.loadedYears = new Set(all.map((y) => y.year));
    const validated = all;
    this.firstYear = validated[0]?.year ?? 0;
    this.lastYear = validated[validated.length - 1]?.year ?? -1;
    this.hasGaps = validated.length > 0 && this.lastYear - this.firstYear + 1 !== validated.length;

    this.names = new Map();
    for (const y of validated) {
      for (const h of y.holidays) this.names.set(h.date, { kind: 'holiday', name: h.name });
      for (const w of y.workdays) this.names.set(w.date, { kind: 'adjustedWorkday', name: w.name });
    }

    if (validated.length === 0) {
      this.base = 0;
      this.working = new Uint8Array(0);
      this.cum = new Int32Array(1);
      this.workingIdx = new Int32Array(0);
      this.dates = [];
      this.index = new Map();
      return;
    }

    this.base = daysFromCivil(this.firstYear, 1, 1);
    const end = daysFromCivil(this.lastYear + 1, 1, 1);
    const n = end - this.base;
    this.working = new Uint8Array(n);
    this.cum = new Int32Array(n + 1);
    this.dates = new Array<string>(n);
    this.index = new Map();
    const workingList: number[] = [];
    for (let i = 0; i < n; i++) {
      const dayNumber = this.base + i;
      const date = fromDayNumber(dayNumber);
      this.dates[i] = date;
      const year = Number(date.slice(0, 4));
      let isWorking = false;
      if (this.loadedYears.has(year)) {
        this.index.set(date, i);
        const named = this.names.get(date);
        if (named) {
          isWorking = named.kind === 'adjustedWorkday';
        } else {
          const wd = weekdayOfDayNumber(dayNumber);
          isWorking = wd >= 1 && wd <= 5;
        }
      }
      // Days of a gap year stay non-working here; every query that reaches one throws.
      this.working[i] = isWorking ? 1 : 0;
      this.cum[i + 1] = (this.cum[i] ?? 0) + (isWorking ? 1 : 0);
      if (isWorking) workingList.push(i);
    }
    this.workingIdx = Int32Array.from(workingList);
  }

  /**
   * A new calendar with one more confirmed year (an administrator entering
   * the next notice); it replaces that year's provisional days.
   */
  withYear(year: CalendarYear): WorkCalendar {
    if (this.confirmedYears.has(year.year)) throw new AppError('calendar.year_exists', { year: year.year });
    return new WorkCalendar([...this.yearsData, { ...year, provisional: false }], this.options);
  }

  /** A new calendar with one confirmed year replaced (a corrected notice, NAT-2). */
  withCorrectedYear(year: CalendarYear): WorkCalendar {
    return new WorkCalendar([...this.yearsData.filter((y) => y.year !== year.year), { ...year, provisional: false }], this.options);
  }

  /** Whether the State Council's notice for `year` is loaded (confirmed data). */
  covers(year: number): boolean {
    return this.confirmedYears.has(year);
  }

  /** NAT-21: whether `year` is answered from the statutory holidays only (no notice yet). */
  isProvisionalYear(year: number): boolean {
    return this.provisionalSet.has(year);
  }

  /**
   * NAT-21: the provisional years a computation between two days depends on
   * (the years of `a`, `b` and every year between, in either order), ascending.
   * Empty when every one of them has its notice.
   */
  provisionalYearsBetween(a: CivilDate, b: CivilDate): number[] {
    if (this.provisionalSet.size === 0) return [];
    const ya = Number(a.slice(0, 4));
    const yb = Number(b.slice(0, 4));
    const out: number[] = [];
    for (let y = Math.min(ya, yb); y <= Math.max(ya, yb); y++) if (this.provisionalSet.has(y)) out.push(y);
    return out;
  }

  /** Confirmed years, their sources, and the provisional years (NAT-21). */
  coverage(): CalendarCoverage {
    const first = this.yearsData[0]?.year;
    const last = this.yearsData[this.yearsData.length - 1]?.year;
    return {
      years: this.yearsData.map((y) => y.year),
      first: first !== undefined ? `${first}-01-01` : null,
      last: last !== undefined ? `${last}-12-31` : null,
      sources: this.yearsData.map((y) => ({ year: y.year, source: y.source })),
      provisionalYears: [...this.provisionalSet].sort((x, y) => x - y),
      lastConfirmedYear: last ?? null,
    };
  }

  /** The confirmed years as given (validated and sorted). */
  years(): readonly CalendarYear[] {
    return this.yearsData;
  }

  // -------------------------------------------------------------------------
  // Index helpers

  /** Day index of a loaded date; throws year_missing (or validation.failed for a malformed date). */
  private idx(date: CivilDate): number {
    const i = this.index.get(date);
    if (i !== undefined) return i;
    const { year } = parseCivil(date); // throws validation.failed when malformed
    throw new AppError('calendar.year_missing', { year });
  }

  private yearAt(i: number): number {
    return Number((this.dates[i] as string).slice(0, 4));
  }

  /** Throws for the first unloaded year strictly between the years of two loaded day indexes. */
  private assertNoGapBetween(i: number, j: number): void {
    if (!this.hasGaps) return;
    const a = Math.min(this.yearAt(i), this.yearAt(j));
    const b = Math.max(this.yearAt(i), this.yearAt(j));
    for (let y = a + 1; y < b; y++) {
      if (!this.loadedYears.has(y)) throw new AppError('calendar.year_missing', { year: y });
    }
  }

  /** First unloaded year walking from `year` in direction `step` (used when a count runs off the data). */
  private firstMissingFrom(year: number, step: 1 | -1): number {
    let y = year + step;
    while (this.loadedYears.has(y)) y += step;
    return y;
  }

  private assertCovered(date: CivilDate): void {
    const { year } = parseCivil(date);
    if (!this.loadedYears.has(year)) throw new AppError('calendar.year_missing', { year });
  }

  // -------------------------------------------------------------------------
  // Working days

  /** NAT-2: a working day is Monday–Friday that is not a holiday, or an adjusted working weekend (调休上班). */
  isWorkingDay(date: CivilDate): boolean {
    return this.working[this.idx(date)] === 1;
  }

  /** Classification and festival name of one day. */
  dayInfo(date: CivilDate): DayInfo {
    const working = this.isWorkingDay(date);
    const named = this.names.get(date);
    const mark = this.provisionalSet.has(Number(date.slice(0, 4))) ? { provisional: true as const } : {};
    if (named) return { date, working, kind: named.kind, name: named.name, ...mark };
    return { date, working, kind: working ? 'workday' : 'weekend', ...mark };
  }

  /**
   * NAT-1 · 民法典 Art 201: the n-th working day after `from` (`from` itself is
   * not counted, whether or not it is a working day). n < 0 gives the |n|-th
   * working day before `from` (used for "notice at least 7 working days before
   * the hearing", NAT-4). n = 0 returns `from` unchanged.
   */
  addWorkingDays(from: CivilDate, n: number): CivilDate {
    assertInteger(n, '工作日数');
    const i = this.idx(from);
    if (n === 0) return from;
    let k: number;
    if (n > 0) {
      k = (this.cum[i + 1] as number) + n - 1;
      if (k >= this.workingIdx.length) {
        throw new AppError('calendar.year_missing', { year: this.firstMissingFrom(this.yearAt(i), 1) });
      }
    } else {
      k = (this.cum[i] as number) + n;
      if (k < 0) {
        throw new AppError('calendar.year_missing', { year: this.firstMissingFrom(this.yearAt(i), -1) });
      }
    }
    const j = this.workingIdx[k] as number;
    this.assertNoGapBetween(i, j);
    return this.dates[j] as string;
  }

  /**
   * Working days after `a` up to and including `b` (start day not counted, as in
   * `addWorkingDays`): `addWorkingDays(a, workingDaysBetween(a, b)) === b` when
   * `b` is a working day. Negative when `b` is before `a`; 0 when equal.
   */
  workingDaysBetween(a: CivilDate, b: CivilDate): number {
    const i = this.idx(a);
    const j = this.idx(b);
    this.assertNoGapBetween(i, j);
    return (this.cum[j + 1] as number) - (this.cum[i + 1] as number);
  }

  /** `date` itself when it is a working day, else the first working day after it (民法典 Art 203). */
  nextWorkingDayOnOrAfter(date: CivilDate): CivilDate {
    const i = this.idx(date);
    if (this.working[i] === 1) return date;
    const k = this.cum[i] as number; // day i is not working, so it is the k-th working day's predecessor
    if (k >= this.workingIdx.length) {
      throw new AppError('calendar.year_missing', { year: this.firstMissingFrom(this.yearAt(i), 1) });
    }
    const j = this.workingIdx[k] as number;
    this.assertNoGapBetween(i, j);
    return this.dates[j] as string;
  }

  // -------------------------------------------------------------------------
  // Calendar periods (NAT-1: periods longer than the short day counts, and
  // months and years, are calendar periods)

  private finish(_from: CivilDate, result: CivilDate, options: CalendarPeriodOptions | undefined): CivilDate {
    if (!options?.rollover) return result;
    this.assertCovered(result);
    return this.nextWorkingDayOnOrAfter(result);
  }

  /** `from` + n calendar days (民法典 Art 201: start day not counted, so +1 is the next day). */
  addCalendarDays(from: CivilDate, n: number, options?: CalendarPeriodOptions): CivilDate {
    assertInteger(n, '日数');
    return this.finish(from, fromDayNumber(toDayNumber(from) + n), options);
  }

  /**
   * `from` + n months. 民法典 Art 202: the corresponding day of the last month;
   * if that month has no such day, its last day (Jan 31 + 1 month = Feb 28, or
   * Feb 29 in a leap year; Aug 31 + 1 month = Sep 30).
   */
  addMonths(from: CivilDate, n: number, options?: CalendarPeriodOptions): CivilDate {
    assertInteger(n, '月数');
    return this.finish(from, plusMonths(from, n), options);
  }

  /** `from` + n years, same rule as `addMonths` (Feb 29 + 1 year = Feb 28). */
  addYears(from: CivilDate, n: number, options?: CalendarPeriodOptions): CivilDate {
    assertInteger(n, '年数');
    return this.finish(from, plusMonths(from, n * 12), options);
  }

  /**
   * 民法典 Art 201 ¶2: a period in hours runs from the given moment. Returns the
   * instant n hours later as an ISO string at +08:00. A date-time without an
   * offset is read as China time. The China dates of both instants must be in
   * loaded years (same contract as the other methods).
   */
  addHours(dateTime: DateTimeString, n: number): DateTimeString {
    if (!Number.isFinite(n)) throw new AppError('validation.failed', { detail: `小时数无效：${String(n)}` });
    const ms = parseDateTime(dateTime);
    const result = formatDateTime(ms + Math.round(n * 3_600_000));
    this.assertCovered(chinaDateOf(dateTime));
    this.assertCovered(chinaDateOf(result));
    return result;
  }
}

/** Convenience: a calendar over the given years. */
export function createWorkCalendar(years: readonly CalendarYear[], options?: WorkCalendarOptions): WorkCalendar {
  return new WorkCalendar(years, options);
}
