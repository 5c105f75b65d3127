import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { fromDayNumber, toDayNumber } from './civil-date.js';
import { CALENDAR_SEED } from './holiday-data.js';
import type { CalendarYear } from './types.js';
import { WorkCalendar } from './work-calendar.js';

/** The strict contract (no provisional years, NAT-2 without NAT-21): a missing year is an explicit error. */
const STRICT = { provisional: false } as const;
const cal = new WorkCalendar(CALENDAR_SEED, STRICT);

function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** Independent reference: walk day by day over the seed lists. */
function naiveAddWorkingDays(from: string, n: number): string {
  const holidays = new Set(CALENDAR_SEED.flatMap((y) => y.holidays.map((h) => h.date)));
  const workdays = new Set(CALENDAR_SEED.flatMap((y) => y.workdays.map((w) => w.date)));
  const isWorking = (d: number) => {
    const s = fromDayNumber(d);
    if (workdays.has(s)) return true;
    if (holidays.has(s)) return false;
    const wd = (((d + 4) % 7) + 7) % 7;
    return wd >= 1 && wd <= 5;
  };
  let d = toDayNumber(from);
  let left = Math.abs(n);
  const step = n > 0 ? 1 : -1;
  while (left > 0) {
    d += step;
    if (isWorking(d)) left--;
  }
  return fromDayNumber(d);
}

describe('NAT-1 · 民法典 Art 201: working days, start day not counted', () => {
  it.each([
    // [from, n, expected, why]
    ['2026-02-13', 1, '2026-02-14', 'Fri → Sat 02-14 is a 调休上班 day'],
    ['2026-02-13', 2, '2026-02-24', 'then the Spring Festival 02-15…23'],
    ['2026-02-13', 7, '2026-03-02', '7 WD publication (PUB-2) across the Spring Festival'],
    ['2026-02-14', 1, '2026-02-24', 'start day itself (a working Saturday) not counted'],
    ['2026-02-15', 1, '2026-02-24', 'start on a holiday: first working day after it'],
    ['2026-09-30', 1, '2026-10-08', 'National Day 10-01…07: next working day after the holiday'],
    ['2026-09-30', 2, '2026-10-09', ''],
    ['2026-09-30', 3, '2026-10-10', '10-10 (Sat) is worked'],
    ['2026-09-30', 4, '2026-10-12', ''],
    ['2025-12-31', 1, '2026-01-04', 'across the year: 01-01…03 off, 01-04 (Sun) worked'],
    ['2024-02-09', 1, '2024-02-18', '2024 春节 02-10…17, 02-18 (Sun) worked'],
    ['2020-01-23', 1, '2020-02-03', '2020 extension: 02-01 no longer worked'],
    ['2019-04-30', 1, '2019-05-05', '2019 劳动节 as amended'],
    ['2026-03-02', 10, '2026-03-16', 'REV-6 SX19-L 14: 10 working days'],
    ['2026-02-13', 0, '2026-02-13', 'n = 0 returns from'],
    ['2026-02-24', -1, '2026-02-14', 'negative: the working day before'],
    ['2026-02-13', -7, '2026-02-04', 'NAT-4 hearing notice: 7 WD before'],
  ] as const)('NAT-1: addWorkingDays(%s, %i) = %s (%s)', (from, n, expected, _why) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected);
  });

  it('NAT-1: agrees with a day-by-day walk for every start day of 2025 and n ∈ {1,2,3,5,7,10,20,-1,-7}', () => {
    for (let d = toDayNumber('2025-01-01'); d <= toDayNumber('2025-12-31'); d++) {
      const from = fromDayNumber(d);
      for (const n of [1, 2, 3, 5, 7, 10, 20, -1, -7]) expect(cal.addWorkingDays(from, n)).toBe(naiveAddWorkingDays(from, n));
    }
  });

  it.each([
    ['2026-02-13', '2026-02-24', 2],
    ['2026-02-13', '2026-03-02', 7],
    ['2026-02-13', '2026-02-13', 0],
    ['2026-02-24', '2026-02-13', -2],
    ['2026-02-15', '2026-02-23', 0],
    ['2019-01-01', '2026-12-31', 1994], // 250+249+250+249+249+251+248+248
  ] as const)('NAT-1: workingDaysBetween(%s, %s) = %i', (a, b, n) => {
    expect(cal.workingDaysBetween(a, b)).toBe(n);
  });

  it('NAT-1: addWorkingDays(a, workingDaysBetween(a, b)) === b for working days b', () => {
    for (const [a, b] of [
      ['2026-01-05', '2026-10-12'],
      ['2020-01-02', '2024-02-18'],
    ] as const) {
      expect(cal.addWorkingDays(a, cal.workingDaysBetween(a, b))).toBe(b);
    }
  });

  it('NAT-1: a fractional count is a validation error', () => {
    expect(errorOf(() => cal.addWorkingDays('2026-02-13', 1.5)).code).toBe('validation.failed');
  });
});

describe('NAT-2 · a year without data is an explicit error, never a Monday–Friday guess', () => {
  it.each([
    ['isWorkingDay 2018', () => cal.isWorkingDay('2018-12-31'), 2018],
    ['isWorkingDay 2027', () => cal.isWorkingDay('2027-01-04'), 2027],
    ['addWorkingDays into 2027', () => cal.addWorkingDays('2026-12-30', 2), 2027],
    ['addWorkingDays back into 2018', () => cal.addWorkingDays('2019-01-02', -1), 2018],
    ['addWorkingDays from 2018', () => cal.addWorkingDays('2018-12-28', 1), 2018],
    ['workingDaysBetween to 2027', () => cal.workingDaysBetween('2026-12-01', '2027-01-05'), 2027],
    ['addCalendarDays with roll-over into 2027', () => cal.addCalendarDays('2026-12-20', 30, { rollover: true }), 2027],
    ['addMonths with roll-over into 2027', () => cal.addMonths('2026-12-31', 1, { rollover: true }), 2027],
    ['addYears with roll-over into 2027', () => cal.addYears('2026-06-01', 1, { rollover: true }), 2027],
    ['addMonths with roll-over into 2018', () => cal.addMonths('2018-11-30', 1, { rollover: true }), 2018],
    ['addHours into 2027 (China date)', () => cal.addHours('2026-12-31T12:00:00+08:00', 24), 2027],
  ] as const)('NAT-2: %s → calendar.year_missing {year}', (_what, f, year) => {
    const e = errorOf(f);
    expect(e.code).toBe('calendar.year_missing');
    expect(e.params.year).toBe(year);
    expect(e.userMessage).toContain(String(year));
  });

  it('NAT-2: the last working day of 2026 is still answered', () => {
    expect(cal.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
  });

  it('NAT-2: a gap year inside the range throws for that year', () => {
    const gappy = new WorkCalendar(CALENDAR_SEED.filter((y) => y.year !== 2022), STRICT);
    expect(errorOf(() => gappy.isWorkingDay('2022-06-01')).params.year).toBe(2022);
    expect(errorOf(() => gappy.addWorkingDays('2021-12-30', 5)).params.year).toBe(2022);
    expect(errorOf(() => gappy.workingDaysBetween('2021-06-01', '2023-06-01')).params.year).toBe(2022);
    expect(gappy.addWorkingDays('2021-12-30', 1)).toBe('2021-12-31');
    expect(gappy.coverage().years).toEqual([2019, 2020, 2021, 2023, 2024, 2025, 2026]);
  });

  it('NAT-2: an administrator adds 2027 with its source; the same year twice is refused', () => {
    const y2027: CalendarYear = {
      year: 2027,
      source: 'test notice',
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    };
    const next = cal.withYear(y2027);
    expect(next.covers(2027)).toBe(true);
    expect(next.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(cal.covers(2027)).toBe(false); // the original is unchanged
    expect(errorOf(() => next.withYear(y2027)).code).toBe('calendar.year_exists');
    expect(errorOf(() => new WorkCalendar([...CALENDAR_SEED, CALENDAR_SEED[0] as CalendarYear])).code).toBe('calendar.year_exists');
  });

  it('NAT-2: coverage lists years and sources', () => {
    const c = cal.coverage();
    expect(c.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(c.first).toBe('2019-01-01');
    expect(c.last).toBe('2026-12-31');
    expect(c.sources.find((s) => s.year === 2026)?.source).toContain('国办发明电〔2025〕7号');
  });

  it('NAT-2: an empty calendar answers nothing', () => {
    expect(errorOf(() => new WorkCalendar([], STRICT).isWorkingDay('2026-01-05')).params.year).toBe(2026);
  });
});

describe('NAT-1 · calendar periods: 民法典 Art 202 month ends, Art 203 roll-over', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29', 'leap year: Jan 31 + 1 month = Feb 29'],
    ['2023-01-31', 1, '2023-02-28', 'common year: Feb 28'],
    ['2025-01-31', 1, '2025-02-28', ''],
    ['2026-08-31', 1, '2026-09-30', '31 → 30'],
    ['2026-03-31', -1, '2026-02-28', 'backwards clamps too'],
    ['2024-03-31', -1, '2024-02-29', ''],
    ['2026-01-15', 3, '2026-04-15', 'PUB-7 SX25-P 18: 3 months'],
    ['2025-11-30', 3, '2026-02-28', ''],
    ['2020-02-29', 12, '2021-02-28', ''],
  ] as const)('民法典 Art 202: addMonths(%s, %i) = %s %s', (from, n, expected, _why) => {
    expect(cal.addMonths(from, n)).toBe(expected);
  });

  it.each([
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2023-02-28', 1, '2024-02-28'],
    ['2023-06-01', 3, '2026-06-01'],
  ] as const)('民法典 Art 202: addYears(%s, %i) = %s', (from, n, expected) => {
    expect(cal.addYears(from, n)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, false, '2024-02-29'],
    ['2024-02-29', 1, false, '2024-03-01'],
    ['2020-02-28', 2, false, '2020-03-01'],
    ['2026-09-16', 15, false, '2026-10-01'],
    ['2026-09-16', 15, true, '2026-10-08'],
    ['2026-03-01', 13, true, '2026-03-16'],
    ['2026-02-13', 15, true, '2026-02-28'],
    ['2026-01-20', 30, false, '2026-02-19'],
    ['2026-01-20', 30, true, '2026-02-24'],
  ] as const)('民法典 Art 203: addCalendarDays(%s, %i, rollover %s) = %s', (from, n, rollover, expected) => {
    expect(cal.addCalendarDays(from, n, { rollover })).toBe(expected);
  });

  it('民法典 Art 203: roll-over lands on an adjusted working weekend, which is a working day', () => {
    // 2026-02-27 + 1 = 02-28 (Sat, 调休上班): not a rest day, no roll-over.
    expect(cal.addCalendarDays('2026-02-27', 1, { rollover: true })).toBe('2026-02-28');
    expect(cal.nextWorkingDayOnOrAfter('2026-02-15')).toBe('2026-02-24');
    expect(cal.nextWorkingDayOnOrAfter('2026-02-24')).toBe('2026-02-24');
  });

  it('民法典 Art 203: months with roll-over', () => {
    expect(cal.addMonths('2026-07-01', 3)).toBe('2026-10-01');
    expect(cal.addMonths('2026-07-01', 3, { rollover: true })).toBe('2026-10-08');
  });
});

describe('民法典 Art 201 ¶2 · hours', () => {
  it.each([
    ['2026-02-13T17:30:00+08:00', 24, '2026-02-14T17:30:00+08:00'],
    ['2026-02-13T17:30:00Z', 24, '2026-02-15T01:30:00+08:00'],
    ['2026-02-13T17:30:00', 24, '2026-02-14T17:30:00+08:00'],
    ['2024-02-28T23:00:00+08:00', 24, '2024-02-29T23:00:00+08:00'],
    ['2026-02-13T10:00:00+08:00', -2, '2026-02-13T08:00:00+08:00'],
  ] as const)('REC-14 GS-R 43: addHours(%s, %i) = %s', (from, n, expected) => {
    expect(cal.addHours(from, n)).toBe(expected);
  });

  it('a malformed date-time is a validation error', () => {
    expect(errorOf(() => cal.addHours('2026-02-30T10:00:00+08:00', 1)).code).toBe('validation.failed');
  });
});

describe('dayInfo', () => {
  it.each([
    ['2026-02-16', { working: false, kind: 'holiday', name: '春节' }],
    ['2026-02-14', { working: true, kind: 'adjustedWorkday', name: '春节' }],
    ['2026-03-07', { working: false, kind: 'weekend' }],
    ['2026-03-09', { working: true, kind: 'workday' }],
  ] as const)('NAT-2: %s', (date, expected) => {
    expect(cal.dayInfo(date)).toEqual({ date, ...expected });
  });

  it('a malformed date is a validation error, not a missing year', () => {
    expect(errorOf(() => cal.isWorkingDay('2026-2-3')).code).toBe('validation.failed');
    expect(errorOf(() => cal.isWorkingDay('2023-02-29')).code).toBe('validation.failed');
  });
});

describe('PUB-7 · SX25-P 18: plain calendar periods need no holiday data', () => {
  it.each([
    ['addYears three years out', () => cal.addYears('2026-06-01', 3), '2029-06-01'],
    ['addMonths into 2027', () => cal.addMonths('2026-12-31', 1), '2027-01-31'],
    ['addCalendarDays into 2027', () => cal.addCalendarDays('2026-12-20', 30), '2027-01-19'],
  ] as const)('%s → %s', (_what, f, due) => {
    expect(f()).toBe(due);
  });
});
