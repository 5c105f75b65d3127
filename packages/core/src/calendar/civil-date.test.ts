import { describe, expect, it } from 'vitest';
import {
  chinaDateOf,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatDateTime,
  fromDayNumber,
  isCivilDate,
  isDateTime,
  isLeapYear,
  parseDateTime,
  plusMonths,
  temporalKind,
  toDayNumber,
  weekday,
} from './civil-date.js';

describe('civil dates', () => {
  it('day numbers round-trip over 1900–2200 and match known anchors', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    for (let n = daysFromCivil(1900, 1, 1); n <= daysFromCivil(2200, 12, 31); n += 7) {
      const p = civilFromDays(n);
      expect(daysFromCivil(p.year, p.month, p.day)).toBe(n);
    }
  });

  it.each([
    [2020, true],
    [2024, true],
    [2023, false],
    [1900, false],
    [2000, true],
  ] as const)('isLeapYear(%i) = %s', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
    expect(daysInMonth(y, 2)).toBe(leap ? 29 : 28);
  });

  it.each([
    ['2026-02-14', 6],
    ['2026-01-04', 0],
    ['2020-02-29', 6],
    ['2024-06-10', 1],
  ] as const)('weekday(%s) = %i', (d, w) => {
    expect(weekday(d)).toBe(w);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-02-13T10:00:00+08:00', false],
  ] as const)('isCivilDate(%s) = %s', (s, ok) => {
    expect(isCivilDate(s)).toBe(ok);
  });

  it('民法典 Art 202 month-end clamp in plusMonths', () => {
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMonths('2024-12-31', 2)).toBe('2025-02-28');
    expect(plusMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(fromDayNumber(toDayNumber('2024-02-28') + 1)).toBe('2024-02-29');
  });
});

describe('date-times', () => {
  it.each([
    ['2026-02-13T10:00:00+08:00', '2026-02-13T10:00:00+08:00'],
    ['2026-02-13T02:00:00Z', '2026-02-13T10:00:00+08:00'],
    ['2026-02-13T10:00', '2026-02-13T10:00:00+08:00'],
    ['2026-02-12T20:30:00-05:00', '2026-02-13T09:30:00+08:00'],
    ['2026-02-13T10:00:00.500+08:00', '2026-02-13T10:00:00+08:00'],
  ] as const)('parse/format %s → %s', (s, out) => {
    expect(formatDateTime(parseDateTime(s))).toBe(out);
  });

  it('China date of an instant', () => {
    expect(chinaDateOf('2026-02-13T16:30:00Z')).toBe('2026-02-14');
    expect(chinaDateOf('2026-02-13T15:59:59Z')).toBe('2026-02-13');
  });

  it.each([
    ['2026-02-13', 'date'],
    ['2026-02-13T10:00:00+08:00', 'dateTime'],
    ['2026-02-13T10:00:00Z', 'dateTime'],
  ] as const)('temporalKind(%s) = %s', (s, k) => {
    expect(temporalKind(s)).toBe(k);
  });

  it.each(['2026-02-13T25:00:00+08:00', '2026-02-30T10:00:00+08:00', 'tomorrow', ''])('rejects %j', (s) => {
    expect(isDateTime(s)).toBe(false);
    expect(() => temporalKind(s)).toThrow();
  });
});
