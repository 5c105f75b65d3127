import { describe, expect, it } from 'vitest';
import { dateWithWeekday, datesBetween, holidaySpans, monthWeeks } from './calendar.js';

describe('calendar helpers', () => {
  it('groups consecutive days off of one festival into spans', () => {
    const spans = holidaySpans([
      { date: '2026-01-02', name: '元旦' },
      { date: '2026-01-01', name: '元旦' },
      { date: '2026-01-03', name: '元旦' },
      { date: '2026-10-01', name: '国庆节' },
      { date: '2026-10-03', name: '国庆节' },
    ]);
    expect(spans).toEqual([
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', days: 3 },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-01', days: 1 },
      { name: '国庆节', from: '2026-10-03', to: '2026-10-03', days: 1 },
    ]);
  });

  it('lays a month out in six Monday-first weeks', () => {
    const weeks = monthWeeks(2026, 10);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('dates with weekdays; ranges across a month end', () => {
    expect(dateWithWeekday('2026-10-13')).toBe('2026-10-13（周二）');
    expect(dateWithWeekday('2026-05-02T09:30:00+08:00')).toBe('2026-05-02 09:30（周六）');
    expect(datesBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });
});
