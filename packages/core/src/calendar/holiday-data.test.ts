import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromDayNumber, toDayNumber, weekday } from './civil-date.js';
import { CALENDAR_SEED } from './holiday-data.js';
import { validateCalendarYear } from './validate.js';
import { WorkCalendar } from './work-calendar.js';

// The notices alone (no provisional years): the cross-check is about 2019–2026 as published.
const cal = new WorkCalendar(CALENDAR_SEED, { provisional: false });

function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = toDayNumber(from); d <= toDayNumber(to); d++) out.push(fromDayNumber(d));
  return out;
}

describe('NAT-2 · seed data 2019–2026 (国务院办公厅节假日安排通知)', () => {
  it('NAT-2: covers exactly 2019–2026, one entry per year', () => {
    expect(CALENDAR_SEED.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each(CALENDAR_SEED.map((y) => [y.year, y] as const))('NAT-2: %i passes validateCalendarYear', (_year, y) => {
    expect(() => validateCalendarYear(y)).not.toThrow();
  });

  it.each([
    [2019, '国办发明电〔2018〕15号'],
    [2019, '国办发明电〔2019〕3号'],
    [2020, '国办发明电〔2019〕16号'],
    [2020, '国办发明电〔2020〕1号'],
    [2021, '国办发明电〔2020〕27号'],
    [2022, '国办发明电〔2021〕11号'],
    [2023, '国办发明电〔2022〕16号'],
    [2024, '国办发明电〔2023〕7号'],
    [2025, '国办发明电〔2024〕12号'],
    [2026, '国办发明电〔2025〕7号'],
  ])('NAT-2: the %i source names %s', (year, number) => {
    expect(CALENDAR_SEED.find((y) => y.year === year)?.source).toContain(number);
  });

  it('NAT-2: every adjusted working day (调休上班) is a Saturday or Sunday', () => {
    for (const y of CALENDAR_SEED) for (const w of y.workdays) expect([0, 6]).toContain(weekday(w.date));
  });
});

describe('NAT-2 · 2026 (国办发明电〔2025〕7号), every day listed in the requirement', () => {
  const off2026 = [
    ...everyDay('2026-01-01', '2026-01-03'),
    ...everyDay('2026-02-15', '2026-02-23'),
    ...everyDay('2026-04-04', '2026-04-06'),
    ...everyDay('2026-05-01', '2026-05-05'),
    ...everyDay('2026-06-19', '2026-06-21'),
    ...everyDay('2026-09-25', '2026-09-27'),
    ...everyDay('2026-10-01', '2026-10-07'),
  ];
  const worked2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

  it.each(off2026)('NAT-2: %s is a day off', (d) => {
    expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.dayInfo(d).kind).toBe('holiday');
  });

  it.each(worked2026)('NAT-2: %s (weekend) is a working day', (d) => {
    expect([0, 6]).toContain(weekday(d));
    expect(cal.isWorkingDay(d)).toBe(true);
    expect(cal.dayInfo(d).kind).toBe('adjustedWorkday');
  });

  it('NAT-2: 2026 has exactly these 33 days off and 6 working weekends', () => {
    const y = CALENDAR_SEED.find((x) => x.year === 2026);
    expect(y?.holidays.map((h) => h.date)).toEqual(off2026.sort());
    expect(y?.workdays.map((w) => w.date)).toEqual(worked2026);
  });
});

/**
 * chinese-days builds its tables and reads dates in the host time zone; west of
 * UTC every answer is off by a day. Pin China time for this file (restored
 * afterwards) and load the package only then.
 */
let cd: typeof import('chinese-days');
beforeAll(async () => {
  vi.stubEnv('TZ', 'Asia/Shanghai');
  cd = await import('chinese-days');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('NAT-2 · day-by-day cross-check 2019-01-01…2026-12-31 against chinese-days', () => {
  const days = everyDay('2019-01-01', '2026-12-31');
  const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const seedHolidays = new Set(CALENDAR_SEED.flatMap((y) => y.holidays.map((h) => h.date)));
  const seedWorkdays = new Set(CALENDAR_SEED.flatMap((y) => y.workdays.map((w) => w.date)));

  /**
   * Deliberate differences in *which days are named holidays* (none in working
   * status). The notices say "1月1日放假，与周末连休" / "6月10日放假，与周末连休":
   * a three-day span whose weekend days we list as 元旦/端午节; chinese-days lists
   * only the weekday. The State Council notice wins; both agree these days are
   * not working days.
   */
  const NAMED_HOLIDAY_DIFFERENCES: Record<string, string> = {
    '2023-12-30': '2024 元旦：1月1日放假，与周末连休（国办发明电〔2023〕7号）',
    '2023-12-31': '2024 元旦：1月1日放假，与周末连休（国办发明电〔2023〕7号）',
    '2024-06-08': '2024 端午节：6月10日放假，与周末连休（国办发明电〔2023〕7号）',
    '2024-06-09': '2024 端午节：6月10日放假，与周末连休（国办发明电〔2023〕7号）',
  };

  it('NAT-2: 2922 days checked', () => {
    expect(days).toHaveLength(2922);
  });

  it('NAT-2: working / not working agrees with chinese-days on every day (no deliberate differences)', () => {
    const disagreements = days.filter(
      (d) => cal.isWorkingDay(d) !== cd.isWorkday(d) || cal.isWorkingDay(d) === cd.isHoliday(d),
    );
    expect(disagreements).toEqual([]);
  });

  it('NAT-2: named holidays and working weekends agree, except the documented 与周末连休 weekends', () => {
    const holidayDiffs: string[] = [];
    const workdayDiffs: string[] = [];
    for (const d of days) {
      const detail = cd.getDayDetail(d);
      const named = !WEEKDAY_NAMES.includes(detail.name);
      if (seedHolidays.has(d) !== (!detail.work && named)) holidayDiffs.push(d);
      if (seedWorkdays.has(d) !== (detail.work && named)) workdayDiffs.push(d);
    }
    expect(holidayDiffs).toEqual(Object.keys(NAMED_HOLIDAY_DIFFERENCES));
    expect(workdayDiffs).toEqual([]);
    for (const d of holidayDiffs) expect(cal.isWorkingDay(d)).toBe(false);
  });

  it('NAT-1: addWorkingDays agrees with chinese-days findWorkday (n = 1, 3, 7) from every start day', () => {
    const disagreements: string[] = [];
    let reaches2027 = 0;
    for (const d of days) {
      for (const n of [1, 3, 7]) {
        const theirs = cd.findWorkday(n, d);
        let ours: string;
        try {
          ours = cal.addWorkingDays(d, n);
        } catch (e) {
          // Deliberate: no 2027 notice is loaded, so we refuse where chinese-days guesses Mon–Fri.
          expect(theirs.startsWith('2027-')).toBe(true);
          reaches2027++;
          continue;
        }
        if (ours !== theirs) disagreements.push(`${d} +${n}: ${ours} vs ${theirs}`);
      }
    }
    expect(disagreements).toEqual([]);
    // starts whose answer is in 2027: n=1 from 12-31; n=3 from 12-29…31; n=7 from 12-23…31 (incl. the weekend)
    expect(reaches2027).toBe(1 + 3 + 9);
  });

  it('NAT-2: amending notices applied — 2019 劳动节 (〔2019〕3号) and the 2020 Spring Festival extension (〔2020〕1号)', () => {
    expect(everyDay('2019-05-01', '2019-05-04').map((d) => cal.isWorkingDay(d))).toEqual([false, false, false, false]);
    expect(cal.isWorkingDay('2019-04-28')).toBe(true);
    expect(cal.isWorkingDay('2019-05-05')).toBe(true);
    // 2020-02-01 (Sat) was to be worked under 〔2019〕16号; the extension to 2月2日 made it a day off.
    expect(cal.isWorkingDay('2020-02-01')).toBe(false);
    expect(cal.isWorkingDay('2020-01-31')).toBe(false);
    expect(cal.isWorkingDay('2020-02-03')).toBe(true);
  });

  it('NAT-2: a New Year span across years is listed under the year each day falls in', () => {
    expect(cal.dayInfo('2022-12-31')).toMatchObject({ kind: 'holiday', name: '元旦' });
    expect(cal.dayInfo('2023-01-02')).toMatchObject({ kind: 'holiday', name: '元旦', working: false });
  });
});
