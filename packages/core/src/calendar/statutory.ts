/**
 * NAT-21 · 全国年节及纪念日放假办法: the statutory holidays of a year, as the
 * version in force that year sets them, and the provisional calendar year
 * built from them when the State Council's notice (NAT-2) is not out yet.
 *
 * Versions (all days are days off for everyone, 全体公民放假):
 * - 2008–2013 (国务院令第513号, 2007 revision): 元旦 1 day; 春节 3 days (除夕,
 *   正月初一, 初二); 清明 1; 劳动节 1 (May 1); 端午 1; 中秋 1; 国庆 3 (Oct 1–3).
 * - 2014–2024 (国务院令第644号, 2013 revision): 春节 3 days (正月初一 to 初三);
 *   the rest as before.
 * - From 2025 (国务院令第795号, 2024 revision, in force 2025-01-01): 春节 4 days
 *   (除夕 to 正月初三); 劳动节 2 days (May 1–2); the rest as before.
 *
 * The lunar dates and the 清明 solar term come from `tyme4ts` (a maintained
 * lunar/solar-term library), checked in `statutory.test.ts` against the
 * State Council notices of 2019–2026: every statutory day lies inside that
 * year's days off.
 *
 * A provisional year has these days and weekends only: no 调休 (swapped
 * working weekends, extra bridge days) is guessed. Results that depend on it
 * are marked provisional (see `WorkCalendar.provisionalYearsBetween`), and
 * entering the notice recomputes them (server: usecases/calendar).
 */
import { LunarDay, SolarTerm } from 'tyme4ts';
import { fromDayNumber, toDayNumber, type CivilDate } from './civil-date.js';
import type { CalendarDay, CalendarYear } from './types.js';

/** First year for which a provisional calendar can be derived (the 2007 revision took effect in 2008). */
export const STATUTORY_FIRST_YEAR = 2008;
/** Last year for which provisional calendars are built (the lunar tables go further; deadlines do not need to). */
export const STATUTORY_LAST_YEAR = 2099;

/** The version of 全国年节及纪念日放假办法 in force in a year. */
export interface StatutoryVersion {
  /** First year the version applies to. */
  from: number;
  title: string;
  springFestival: 'eveToSecond' | 'firstToThird' | 'eveToThird';
  labourDays: 1 | 2;
}

export const STATUTORY_VERSIONS: readonly StatutoryVersion[] = [
  { from: 2008, title: '《全国年节及纪念日放假办法》（2007年12月14日国务院令第513号修订，2008年1月1日起施行）', springFestival: 'eveToSecond', labourDays: 1 },
  { from: 2014, title: '《全国年节及纪念日放假办法》（2013年12月11日国务院令第644号修订，2014年1月1日起施行）', springFestival: 'firstToThird', labourDays: 1 },
  { from: 2025, title: '《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订，2025年1月1日起施行）', springFestival: 'eveToThird', labourDays: 2 },
];

/** The version in force in `year`, or undefined before 2008. */
export function statutoryVersionOf(year: number): StatutoryVersion | undefined {
  let found: StatutoryVersion | undefined;
  for (const v of STATUTORY_VERSIONS) if (year >= v.from) found = v;
  return found;
}

function civil(y: number, m: number, d: number): CivilDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Solar date of a lunar date of lunar year `year` (月 1..12, non-leap month). */
function lunarToSolar(year: number, month: number, day: number): CivilDate {
  const s = LunarDay.fromYmd(year, month, day).getSolarDay();
  return civil(s.getYear(), s.getMonth(), s.getDay());
}

/** The day of the 清明 solar term in `year`. */
function qingming(year: number): CivilDate {
  const s = SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay();
  return civil(s.getYear(), s.getMonth(), s.getDay());
}

const statutoryCache = new Map<number, CalendarDay[]>();

/**
 * NAT-21: the statutory days off of `year` (dates in that Gregorian year),
 * by the version in force that year. The Spring Festival's 除夕 can fall in
 * January of the same Gregorian year only: the festival is always in
 * January–February, so every day is in `year`. Empty before 2008.
 */
export function statutoryHolidays(year: number): CalendarDay[] {
  const cached = statutoryCache.get(year);
  if (cached) return cached.map((d) => ({ ...d }));
  const version = statutoryVersionOf(year);
  const days: CalendarDay[] = [];
  if (version) {
    days.push({ date: civil(year, 1, 1), name: '元旦' });
    const first = toDayNumber(lunarToSolar(year, 1, 1)); // 正月初一
    const [a, b] = version.springFestival === 'eveToSecond' ? [-1, 1] : version.springFestival === 'firstToThird' ? [0, 2] : [-1, 2];
    for (let d = first + a; d <= first + b; d++) days.push({ date: fromDayNumber(d), name: '春节' });
    days.push({ date: qingming(year), name: '清明节' });
    for (let d = 1; d <= version.labourDays; d++) days.push({ date: civil(year, 5, d), name: '劳动节' });
    days.push({ date: lunarToSolar(year, 5, 5), name: '端午节' });
    days.push({ date: lunarToSolar(year, 8, 15), name: '中秋节' });
    for (let d = 1; d <= 3; d++) days.push({ date: civil(year, 10, d), name: '国庆节' });
    days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    // Two festivals on one day (2028: 中秋 on Oct 3) are one day off with both names.
    for (let i = days.length - 1; i > 0; i--) {
      const a = days[i - 1] as CalendarDay;
      const b = days[i] as CalendarDay;
      if (a.date === b.date) {
        a.name = `${a.name}、${b.name}`;
        days.splice(i, 1);
      }
    }
  }
  statutoryCache.set(year, days);
  return days.map((d) => ({ ...d }));
}

/** Source line of a provisional year (shown where its results are). */
export function provisionalSource(year: number): string {
  const v = statutoryVersionOf(year);
  return `${year}年国务院办公厅节假日安排通知尚未录入：按${v?.title ?? '《全国年节及纪念日放假办法》'}所定法定节假日和周末推算，未计调休（暂定）`;
}

/**
 * NAT-21: a provisional calendar year — the statutory holidays and weekends,
 * no 调休. When a statutory day (e.g. 元旦 or 国庆) falls on a weekend it is a
 * day off anyway; no substitute weekday is guessed (the notice decides).
 */
export function provisionalCalendarYear(year: number): CalendarYear {
  return { year, source: provisionalSource(year), holidays: statutoryHolidays(year), workdays: [], provisional: true };
}

/** Reason text carried by a result that depends on provisional years (NAT-21). */
export function provisionalReason(years: readonly number[]): string {
  if (years.length === 0) return '';
  const list = years.map((y) => `${y}年`).join('、');
  const since = `${years[0]}-01-01`;
  return `自 ${since} 起的日期依《全国年节及纪念日放假办法》所定法定节假日推算：${list}的国务院办公厅节假日安排通知尚未录入，未计调休，为暂定期限；通知录入后自动重算。`;
}

/** The fields a deadline carries when it depends on a provisional year (absent otherwise). */
export interface ProvisionalMark {
  provisional?: true;
  /** Years without the State Council's notice that the result depends on. */
  provisionalYears?: number[];
  /** Chinese explanation (which years, since when, what happens when the notice is entered). */
  provisionalReason?: string;
}

/** `{}` for no years, else the three fields of `ProvisionalMark`. */
export function provisionalMark(years: readonly number[]): ProvisionalMark {
  if (years.length === 0) return {};
  return { provisional: true, provisionalYears: [...years], provisionalReason: provisionalReason(years) };
}

/** Merges marks of several computations into one. */
export function mergeProvisional(...marks: readonly (ProvisionalMark | undefined)[]): ProvisionalMark {
  const set = new Set<number>();
  for (const m of marks) for (const y of m?.provisionalYears ?? []) set.add(y);
  return provisionalMark([...set].sort((a, b) => a - b));
}
