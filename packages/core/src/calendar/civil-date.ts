/**
 * Plain civil dates ('YYYY-MM-DD', a day in China with no time of day) and
 * ISO date-times with an offset, as pure integer arithmetic: no `Date.now()`,
 * no host time zone. A civil date is turned into a *day number* (days since
 * 1970-01-01) with Howard Hinnant's `days_from_civil` algorithm, so adding
 * days or comparing dates is integer work.
 *
 * These helpers know nothing about holidays; the working-day calendar
 * (`work-calendar.ts`) builds on them.
 */
import { AppError } from '../errors.js';

/** A civil date 'YYYY-MM-DD' (公历日期), read as a day in China. */
export type CivilDate = string;
/** An ISO 8601 date-time with seconds and an offset, e.g. '2026-02-13T09:30:00+08:00'. */
export type DateTimeString = string;

/** China Standard Time, UTC+8, in minutes; China has no daylight saving time. */
export const CHINA_OFFSET_MINUTES = 480;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export interface CivilParts {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const d = MONTH_DAYS[month - 1];
  if (d === undefined) throw new AppError('validation.failed', { detail: `月份无效：${month}` });
  return d;
}

/** Day number (days since 1970-01-01) of a civil date; Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `daysFromCivil`. */
export function civilFromDays(dayNumber: number): CivilParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatCivil(parts: CivilParts): CivilDate {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

export function isCivilDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export function isDateTime(s: string): boolean {
  return DATE_TIME_RE.test(s) && parseDateTimeSafe(s) !== null;
}

/** Parses 'YYYY-MM-DD'; anything else (including 2023-02-29) is a validation error. */
export function parseCivil(s: string): CivilParts {
  const m = DATE_RE.exec(s);
  if (m) {
    const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (parts.month >= 1 && parts.month <= 12 && parts.day >= 1 && parts.day <= daysInMonth(parts.year, parts.month)) {
      return parts;
    }
  }
  throw new AppError('validation.failed', { detail: `日期“${s}”不是有效的 YYYY-MM-DD 日期` });
}

export function toDayNumber(s: CivilDate): number {
  const p = parseCivil(s);
  return daysFromCivil(p.year, p.month, p.day);
}

export function fromDayNumber(n: number): CivilDate {
  return formatCivil(civilFromDays(n));
}

/** Day of the week: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function weekday(s: CivilDate): number {
  return weekdayOfDayNumber(toDayNumber(s));
}

export function isWeekend(s: CivilDate): boolean {
  const w = weekday(s);
  return w === 0 || w === 6;
}

/** Calendar-day arithmetic, no holidays involved. */
export function plusDays(s: CivilDate, n: number): CivilDate {
  return fromDayNumber(toDayNumber(s) + n);
}

/** Signed number of calendar days from `a` to `b` (b − a). */
export function dayDiff(a: CivilDate, b: CivilDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Adds calendar months. 民法典 Art 202: a period in months ends on the
 * corresponding day of the last month; if that month has no such day, on the
 * month's last day. So Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year), and
 * Mar 31 − 1 month = Feb 28/29 as well.
 */
export function plusMonths(s: CivilDate, n: number): CivilDate {
  const p = parseCivil(s);
  const total = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return formatCivil({ year, month, day });
}

/** Adds calendar years with the same Art 202 rule: Feb 29 + 1 year = Feb 28. */
export function plusYears(s: CivilDate, n: number): CivilDate {
  return plusMonths(s, n * 12);
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  // 'YYYY-MM-DD' strings order lexicographically like the dates they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(s: CivilDate): number {
  return parseCivil(s).year;
}

// ---------------------------------------------------------------------------
// Date-times

function parseOffsetMinutes(tz: string | undefined): number {
  if (tz === undefined) return CHINA_OFFSET_MINUTES; // default +08:00
  if (tz === 'Z') return 0;
  const sign = tz.startsWith('-') ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = Number(digits.slice(2, 4));
  if (h > 23 || m > 59) return Number.NaN;
  return sign * (h * 60 + m);
}

function parseDateTimeSafe(s: string): number | null {
  const m = DATE_TIME_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = parseOffsetMinutes(m[8]);
  if (Number.isNaN(offset)) return null;
  const localMinutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute;
  return (localMinutes - offset) * 60_000 + Math.round((second + frac) * 1000);
}

/**
 * Parses an ISO date-time to epoch milliseconds. A date-time without an offset
 * is read as China time (+08:00).
 */
export function parseDateTime(s: DateTimeString): number {
  const ms = parseDateTimeSafe(s);
  if (ms === null) {
    throw new AppError('validation.failed', { detail: `时间“${s}”不是有效的 ISO 8601 日期时间` });
  }
  return ms;
}

/** Formats epoch milliseconds as 'YYYY-MM-DDTHH:mm:ss+08:00' (or another offset). */
export function formatDateTime(ms: number, offsetMinutes = CHINA_OFFSET_MINUTES): DateTimeString {
  const local = ms + offsetMinutes * 60_000;
  const dayNumber = Math.floor(local / 86_400_000);
  const rest = local - dayNumber * 86_400_000;
  const totalSeconds = Math.floor(rest / 1000);
  const hh = Math.floor(totalSeconds / 3600);
  const mm = Math.floor((totalSeconds % 3600) / 60);
  const ss = totalSeconds % 60;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${fromDayNumber(dayNumber)}T${pad(hh)}:${pad(mm)}:${pad(ss)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The civil date in China of an instant given as an ISO date-time. */
export function chinaDateOf(dateTime: DateTimeString): CivilDate {
  const local = parseDateTime(dateTime) + CHINA_OFFSET_MINUTES * 60_000;
  return fromDayNumber(Math.floor(local / 86_400_000));
}

/** Whether a `from` value is a civil date or a date-time; anything else is a validation error. */
export function temporalKind(s: string): 'date' | 'dateTime' {
  if (isCivilDate(s)) return 'date';
  if (isDateTime(s)) return 'dateTime';
  throw new AppError('validation.failed', { detail: `“${s}”既不是 YYYY-MM-DD 日期，也不是 ISO 8601 日期时间` });
}

/** The China civil date of a date or a date-time. */
export function civilDateOf(s: string): CivilDate {
  return temporalKind(s) === 'date' ? s : chinaDateOf(s);
}
