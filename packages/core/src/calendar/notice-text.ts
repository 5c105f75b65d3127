/**
 * NAT-2: the plain-text form of a State Council holiday notice, for
 * `sanxiang calendar import FILE`. One statement a line; `#` starts a comment.
 *
 *     年份 2027
 *     来源 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕8号）
 *     放假 元旦 2027-01-01 至 2027-01-03
 *     放假 春节 2027-02-05 至 2027-02-12
 *     上班 春节 2027-02-14 2027-02-20
 *
 * `放假 名称 起日 [至 止日]` lists days off (every day of the span, weekends
 * included, as the notice words it); `上班 名称 日期…` lists weekend days that
 * are worked (调休上班). English keywords work too: year, source, off, work,
 * and `..` for 至. Errors name the line.
 */
import { AppError } from '../errors.js';
import { fromDayNumber, isCivilDate, toDayNumber } from './civil-date.js';
import type { CalendarDay, CalendarYear } from './types.js';
import { validateCalendarYear } from './validate.js';

const KEYWORDS: Record<string, 'year' | 'source' | 'off' | 'work'> = { 年份: 'year', year: 'year', 来源: 'source', source: 'source', 放假: 'off', off: 'off', 上班: 'work', work: 'work' };

function bad(line: number, detail: string): never {
  throw new AppError('calendar.invalid_year', { year: '?', detail: `第 ${line} 行：${detail}` });
}

/** Parses the plain-text notice; the result is validated like any entered year. */
export function parseNoticeText(text: string): CalendarYear {
  let year: number | undefined;
  let source = '';
  const holidays: CalendarDay[] = [];
  const workdays: CalendarDay[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [head = '', ...rest] = line.split(/\s+/);
    const kind = KEYWORDS[head.replace(/[:：]$/, '')];
    if (!kind) bad(n, `无法识别“${head}”，每行应以 年份、来源、放假 或 上班 开头`);
    if (kind === 'year') {
      const y = Number(rest[0]);
      if (!Number.isInteger(y)) bad(n, `年份“${rest[0] ?? ''}”无效`);
      year = y;
    } else if (kind === 'source') {
      source = rest.join(' ');
    } else if (kind === 'off') {
      const [name, from, sep, to] = rest;
      if (!name || !from || !isCivilDate(from)) bad(n, '格式应为：放假 名称 YYYY-MM-DD [至 YYYY-MM-DD]');
      const end = sep === undefined ? from : to;
      if ((sep !== undefined && sep !== '至' && sep !== '..' && sep !== '-') || !end || !isCivilDate(end)) bad(n, '格式应为：放假 名称 YYYY-MM-DD [至 YYYY-MM-DD]');
      if (end < from) bad(n, `止日 ${end} 早于起日 ${from}`);
      for (let d = toDayNumber(from); d <= toDayNumber(end); d++) holidays.push({ date: fromDayNumber(d), name });
    } else {
      const [name, ...dates] = rest;
      if (!name || dates.length === 0) bad(n, '格式应为：上班 名称 YYYY-MM-DD [YYYY-MM-DD …]');
      for (const d of dates.flatMap((x) => x.split(/[,，、]/)).filter(Boolean)) {
        if (!isCivilDate(d)) bad(n, `日期“${d}”无效`);
        workdays.push({ date: d, name });
      }
    }
  });
  if (year === undefined) throw new AppError('calendar.invalid_year', { year: '?', detail: '缺少“年份”一行' });
  // A span across New Year (e.g. 元旦 2027-12-31 至 2028-01-02) keeps only this year's days; the rest belongs to the next notice's year.
  return validateCalendarYear({ year, source, holidays: holidays.filter((d) => d.date.startsWith(`${year}-`)), workdays });
}
