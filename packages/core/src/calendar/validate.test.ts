import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { CalendarYear } from './types.js';
import { validateCalendarYear } from './validate.js';

const good: CalendarYear = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  holidays: [
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-01', name: '元旦' },
  ],
  workdays: [{ date: '2027-01-09', name: '元旦' }],
};

function detailOf(y: CalendarYear): string {
  try {
    validateCalendarYear(y);
  } catch (e) {
    if (e instanceof AppError && e.code === 'calendar.invalid_year') return String(e.params.detail);
    throw e;
  }
  throw new Error('expected calendar.invalid_year');
}

describe('NAT-2 · validateCalendarYear', () => {
  it('NAT-2: accepts a valid year and returns it sorted', () => {
    expect(validateCalendarYear(good).holidays.map((h) => h.date)).toEqual(['2027-01-01', '2027-01-02']);
  });

  it.each([
    ['a date outside the year', { ...good, holidays: [{ date: '2026-12-31', name: '元旦' }] }, '不在 2027 年内'],
    ['a malformed date', { ...good, holidays: [{ date: '2027-02-30', name: '春节' }] }, '不是有效的'],
    ['a duplicate holiday', { ...good, holidays: [good.holidays[0], good.holidays[0]] }, '重复'],
    ['a day both off and worked', { ...good, holidays: [{ date: '2027-01-09', name: '元旦' }] }, '同时列为'],
    ['a working day on a weekday', { ...good, workdays: [{ date: '2027-01-04', name: '元旦' }] }, '不是周六或周日'],
    ['no source', { ...good, source: ' ' }, '来源'],
    ['no name', { ...good, holidays: [{ date: '2027-01-01', name: '' }] }, '缺少名称'],
    ['a bad year', { ...good, year: 2027.5 }, '整数'],
  ] as const)('NAT-2: refuses %s', (_name, y, fragment) => {
    expect(detailOf(y as CalendarYear)).toContain(fragment);
  });

  it('NAT-2: the error carries the year for the Chinese message', () => {
    try {
      validateCalendarYear({ ...good, workdays: [{ date: '2027-01-04', name: 'x' }] });
    } catch (e) {
      expect((e as AppError).userMessage).toContain('2027 年的日历数据有误');
    }
  });
});
