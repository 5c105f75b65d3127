/**
 * Data shapes of the working-day calendar (NAT-2).
 */
import type { CivilDate } from './civil-date.js';

/** One named day in a year's schedule. */
export interface CalendarDay {
  /** 'YYYY-MM-DD' */
  date: CivilDate;
  /** Chinese name of the festival, e.g. '春节'; for a working weekend, the festival it makes up for. */
  name: string;
}

/**
 * One year of the State Council's holiday schedule (国务院办公厅关于XXXX年部分节假日安排的通知).
 *
 * - `holidays` (放假): every day off of each holiday span, weekdays and weekend
 *   days alike. A span that crosses New Year is split: each date is listed
 *   under the year it falls in (2022-12-31 belongs to the 2023 New Year span
 *   but is listed under 2022).
 * - `workdays` (调休上班): weekend days that are working days.
 *
 * Every other Monday–Friday is a working day and every other Saturday/Sunday
 * is not.
 */
export interface CalendarYear {
  year: number;
  /** Title and document number of the notice(s), e.g. '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）'. */
  source: string;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
  /**
   * NAT-21: derived from the statutory holidays because the notice is not
   * out yet (statutory.ts); results depending on it are provisional.
   */
  provisional?: boolean;
}

/** What a `WorkCalendar` covers. */
export interface CalendarCoverage {
  /** Years with the State Council's notice (confirmed), ascending. */
  years: number[];
  /** First and last day of the loaded range (a gap year inside it still throws). */
  first: CivilDate | null;
  last: CivilDate | null;
  sources: { year: number; source: string }[];
  /** Years filled provisionally from the statutory holidays (NAT-21), ascending. */
  provisionalYears: number[];
  /** Last year with the State Council's notice, or null. */
  lastConfirmedYear: number | null;
}
