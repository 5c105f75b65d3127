/**
 * NAT-2 · checks one year of holiday data before it is loaded, whether from the
 * seed or entered by an administrator from a new State Council notice.
 */
import { AppError } from '../errors.js';
import { isCivilDate, isWeekend } from './civil-date.js';
import type { CalendarDay, CalendarYear } from './types.js';

const MIN_YEAR = 1949;
const MAX_YEAR = 2199;

/**
 * Throws AppError('calendar.invalid_year', { year, detail }) listing every
 * problem found: a date outside the year or malformed, a duplicate, a date
 * that is both a holiday and a working day, a working day (调休上班) that is not
 * a Saturday or Sunday, a missing source or name. Returns a copy with both
 * lists sorted by date.
 */
export function validateCalendarYear(y: CalendarYear): CalendarYear {
  const problems: string[] = [];
  const year = y.year;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    problems.push(`年份须为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数`);
  }
  if (typeof y.source !== 'string' || y.source.trim() === '') {
    problems.push('须注明来源（国务院办公厅通知的标题和文号）');
  }
  if (!Array.isArray(y.holidays) || !Array.isArray(y.workdays)) {
    problems.push('holidays 与 workdays 须为数组');
    throw new AppError('calendar.invalid_year', { year: Number.isFinite(year) ? year : String(year), detail: problems.join('；') });
  }

  const check = (list: CalendarDay[], label: string): Set<string> => {
    const seen = new Set<string>();
    for (const d of list) {
      if (typeof d?.date !== 'string' || !isCivilDate(d.date)) {
        problems.push(`${label}中的日期“${String(d?.date)}”不是有效的 YYYY-MM-DD 日期`);
        continue;
      }
      if (!d.date.startsWith(`${year}-`)) problems.push(`${label}中的 ${d.date} 不在 ${year} 年内`);
      if (seen.has(d.date)) problems.push(`${label}中的 ${d.date} 重复`);
      seen.add(d.date);
      if (typeof d.name !== 'string' || d.name.trim() === '') problems.push(`${label}中的 ${d.date} 缺少名称`);
    }
    return seen;
  };
  const holidays = check(y.holidays, '放假日');
  const workdays = check(y.workdays, '调休上班日');

  for (const d of workdays) {
    if (holidays.has(d)) problems.push(`${d} 同时列为放假日和调休上班日`);
    if (!isWeekend(d)) problems.push(`调休上班日 ${d} 不是周六或周日`);
  }

  if (problems.length > 0) {
    throw new AppError('calendar.invalid_year', { year: Number.isFinite(year) ? year : String(year), detail: problems.join('；') });
  }
  const byDate = (a: CalendarDay, b: CalendarDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return {
    year,
    source: y.source,
    holidays: [...y.holidays].sort(byDate).map((d) => ({ date: d.date, name: d.name })),
    workdays: [...y.workdays].sort(byDate).map((d) => ({ date: d.date, name: d.name })),
    ...(y.provisional ? { provisional: true } : {}),
  };
}
