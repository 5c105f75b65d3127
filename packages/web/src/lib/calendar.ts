/**
 * Helpers for the holiday calendar pages (NAT-2): civil dates 'YYYY-MM-DD'
 * handled as UTC days so that no browser time zone moves them.
 */
import type { CalendarDay } from '../domain.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

function utc(date: string): Date {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return utc(date).getUTCDay();
}

export function isWeekendDate(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** '周一' … '周日'. */
export function weekdayLabel(date: string): string {
  return `周${WEEKDAYS[dayOfWeek(date)]}`;
}

/** '2026-10-13（周二）'; a date-time '2026-05-02T09:30:00+08:00' as '2026-05-02 09:30（周六）'. */
export function dateWithWeekday(value: string): string {
  const date = value.slice(0, 10);
  const time = value.length > 10 ? ` ${value.slice(11, 16)}` : '';
  return `${date}${time}（${weekdayLabel(date)}）`;
}

function nextDate(date: string): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' for each day from `from` to `to` inclusive (at most 366). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 366; d = nextDate(d)) out.push(d);
  return out;
}

export interface HolidaySpan {
  name: string;
  from: string;
  to: string;
  days: number;
}

/** Consecutive days off of the same festival, as spans: 春节 2026-02-15 – 2026-02-23 (9 days). */
export function holidaySpans(days: readonly CalendarDay[]): HolidaySpan[] {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const spans: HolidaySpan[] = [];
  for (const d of sorted) {
    const last = spans.at(-1);
    if (last && last.name === d.name && nextDate(last.to) === d.date) {
      last.to = d.date;
      last.days += 1;
    } else {
      spans.push({ name: d.name, from: d.date, to: d.date, days: 1 });
    }
  }
  return spans;
}

/** Six weeks (Monday first) covering a month, as dates, with null for the days of other months. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth; d++) cells.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  while (cells.length < 42) cells.push(null); // six rows, so that months line up
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
