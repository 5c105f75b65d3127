import { describe, expect, it } from 'vitest';
import { computeDue } from './clock.js';
import { CALENDAR_SEED } from './holiday-data.js';
import { provisionalCalendarYear, statutoryHolidays, statutoryVersionOf } from './statutory.js';
import { WorkCalendar } from './work-calendar.js';
import type { CalendarYear } from './types.js';

const cal = new WorkCalendar(CALENDAR_SEED); // 2019–2026 confirmed, other years provisional

describe('NAT-21 · 全国年节及纪念日放假办法: statutory holidays', () => {
  it.each(CALENDAR_SEED.map((y) => [y.year, y] as const))('NAT-21: every statutory day of %i lies inside the days off of that year’s State Council notice', (year, notice) => {
    const off = new Set(notice.holidays.map((d) => d.date));
    const statutory = statutoryHolidays(year);
    const v = statutoryVersionOf(year)!;
    // 元旦 1 + 春节 (3, or 4 from 2025) + 清明 1 + 劳动节 (1, or 2 from 2025) + 端午 1 + 中秋 1 + 国庆 3 (中秋 on 国庆 merges)
    expect(statutory.length).toBeGreaterThanOrEqual(v.from >= 2025 ? 12 : 10);
    expect(statutory.filter((d) => !off.has(d.date))).toEqual([]);
  });

  it('NAT-21: the version in force — 2014–2024 春节 初一–初三 and one 劳动节 day; from 2025 除夕–初三 and May 1–2', () => {
    const names = (y: number, name: string) => statutoryHolidays(y).filter((d) => d.name.includes(name)).map((d) => d.date);
    expect(names(2024, '春节')).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']); // 初一 = 2024-02-10
    expect(names(2024, '劳动节')).toEqual(['2024-05-01']);
    expect(names(2025, '春节')).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']); // 除夕 = 01-28
    expect(names(2025, '劳动节')).toEqual(['2025-05-01', '2025-05-02']);
    expect(names(2027, '春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(names(2027, '清明')).toEqual(['2027-04-05']);
    expect(names(2027, '端午')).toEqual(['2027-06-09']);
    expect(names(2027, '中秋')).toEqual(['2027-09-15']);
    // 2028: 中秋 falls on 国庆's third day — one day off, both names.
    expect(statutoryHolidays(2028).find((d) => d.date === '2028-10-03')?.name).toBe('中秋节、国庆节');
    expect(statutoryVersionOf(2007)).toBeUndefined();
  });

  it('NAT-21: a provisional year has the statutory days and weekends only — no 调休 guessed', () => {
    const y = provisionalCalendarYear(2027);
    expect(y.provisional).toBe(true);
    expect(y.workdays).toEqual([]);
    expect(y.source).toContain('尚未录入');
    expect(cal.isProvisionalYear(2027)).toBe(true);
    expect(cal.isProvisionalYear(2026)).toBe(false);
    expect(cal.covers(2027)).toBe(false);
    expect(cal.dayInfo('2027-10-04')).toEqual({ date: '2027-10-04', working: true, kind: 'workday', provisional: true }); // no 国庆 week guessed
    expect(cal.dayInfo('2027-02-05').working).toBe(false); // 除夕
    expect(cal.coverage().lastConfirmedYear).toBe(2026);
  });
});

describe('NAT-21: provisional due dates across a year boundary (worked by hand)', () => {
  // 2027: Jan 1 is a Friday (元旦); 春节 除夕 Fri Feb 5 to 初三 Mon Feb 8; 清明 Mon Apr 5;
  // 劳动节 Sat–Sun May 1–2; 端午 Wed Jun 9; 中秋 Wed Sep 15; 国庆 Fri–Sun Oct 1–3.
  // 2028-01-01 is a Saturday.
  it.each([
    // from, working days, due, provisional years, reasoning
    ['2026-12-31', 1, '2027-01-04', [2027], 'Jan 1 元旦 (Fri), Jan 2–3 weekend → Mon Jan 4'],
    ['2026-12-30', 3, '2027-01-05', [2027], 'Dec 31 (1), Jan 4 (2), Jan 5 (3)'],
    ['2026-12-24', 7, '2027-01-05', [2027], 'Dec 25 (1), Dec 28–31 (2–5), Jan 4 (6), Jan 5 (7)'],
    ['2026-12-18', 10, '2027-01-04', [2027], 'Dec 21–25 (1–5), Dec 28–31 (6–9), Jan 4 (10)'],
    ['2027-02-04', 1, '2027-02-09', [2027], '除夕 Fri Feb 5 to 初三 Mon Feb 8 off → Tue Feb 9'],
    ['2027-02-01', 5, '2027-02-10', [2027], 'Feb 2–4 (1–3), Feb 5–8 off, Feb 9 (4), Feb 10 (5)'],
    ['2027-04-01', 2, '2027-04-06', [2027], 'Apr 2 (1), weekend, 清明 Mon Apr 5 off, Apr 6 (2)'],
    ['2027-06-08', 1, '2027-06-10', [2027], '端午 Wed Jun 9 off → Thu Jun 10'],
    ['2027-09-30', 1, '2027-10-04', [2027], '国庆 Oct 1–3 only (no 调休 week guessed) → Mon Oct 4'],
    ['2027-12-31', 1, '2028-01-03', [2027, 2028], '2028 元旦 falls on Saturday (no substitute guessed) → Mon Jan 3'],
    ['2026-12-01', 5, '2026-12-08', [], 'inside 2026 (the notice is loaded): not provisional'],
  ] as [string, number, string, number[], string][])('NAT-21: %s + %i working days = %s (provisional %j): %s', (from, n, due, years) => {
    expect(cal.addWorkingDays(from, n)).toBe(due);
    expect(cal.provisionalYearsBetween(from, due)).toEqual(years);
    const r = computeDue(cal, { start: from, period: { unit: 'workingDays', amount: n } });
    expect(r.due).toBe(due);
    expect(r.provisional).toBe(years.length > 0 ? true : undefined);
    if (years.length > 0) expect(r.provisionalReason).toContain(`自 ${years[0]}-01-01 起`);
  });

  it('NAT-21 · 民法典 第二百零三条: a calendar period ending on a provisional holiday rolls over and is provisional', () => {
    // 30 days from 2026-12-02 end on Fri 2027-01-01 (元旦) → Mon 2027-01-04.
    const r = computeDue(cal, { start: '2026-12-02', period: { unit: 'calendarDays', amount: 30 }, rollover: true });
    expect(r.due).toBe('2027-01-04');
    expect(r.provisional).toBe(true);
    // Without roll-over a calendar period does not depend on holidays at all.
    const plain = computeDue(cal, { start: '2026-12-02', period: { unit: 'calendarDays', amount: 30 } });
    expect(plain.due).toBe('2027-01-01');
    expect(plain.provisional).toBeUndefined();
  });

  it('NAT-2 · NAT-21: entering the notice replaces the provisional year and the results change', () => {
    // A hypothetical 2027 notice: 元旦 Jan 1–3, and Saturday Jan 9 worked (调休).
    const notice: CalendarYear = {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
      holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-02', name: '元旦' }, { date: '2027-01-03', name: '元旦' }],
      workdays: [{ date: '2027-01-09', name: '元旦' }],
    };
    const next = cal.withYear(notice);
    expect(next.covers(2027)).toBe(true);
    expect(next.isProvisionalYear(2027)).toBe(false);
    expect(next.provisionalYearsBetween('2026-12-18', '2027-01-20')).toEqual([]);
    // Jan 4–8 (1–5), Sat Jan 9 worked (6)
    expect(cal.addWorkingDays('2027-01-03', 6)).toBe('2027-01-11');
    expect(next.addWorkingDays('2027-01-03', 6)).toBe('2027-01-09');
    // A corrected notice replaces the confirmed year.
    const corrected = next.withCorrectedYear({ ...notice, workdays: [] });
    expect(corrected.addWorkingDays('2027-01-03', 6)).toBe('2027-01-11');
  });

  it('NAT-21: years before 2008 (no version of the rules modelled) stay an explicit error', () => {
    expect(() => cal.isWorkingDay('2007-06-01')).toThrow(/calendar.year_missing|2007/);
  });
});
