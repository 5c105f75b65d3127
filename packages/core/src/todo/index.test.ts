import { describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar/index.js';
import { missingHolidayYear, sortTodo, todoUrgency } from './index.js';

const calendar = seedCalendar();

describe('待办 urgency (预警 within 2 working days, 逾期 after the due day)', () => {
  it.each([
    ['2026-03-06', '2026-03-05', 'warning'], // Friday, one working day ahead
    ['2026-03-09', '2026-03-05', 'warning'], // Monday: two working days (the weekend does not count)
    ['2026-03-10', '2026-03-05', 'normal'],
    ['2026-03-05', '2026-03-05', 'warning'], // the due day itself is not overdue (民法典 第二百零三条)
    ['2026-03-04', '2026-03-05', 'overdue'],
  ] as const)('due %s, today %s → %s', (due, today, want) => {
    expect(todoUrgency(due, today, calendar)).toBe(want);
  });

  it('counts working days: across the Spring Festival break a due date 11 calendar days away is 预警', () => {
    // 2026 春节 holidays 02-15..02-23: after 02-13 (Fri) come 02-14 (make-up Saturday) and 02-24 (Tue).
    expect(todoUrgency('2026-02-24', '2026-02-13', calendar)).toBe('warning');
    expect(todoUrgency('2026-02-24', '2026-02-13')).toBe('normal');
  });

  it('no due date → none; a year the calendar lacks falls back to calendar days', () => {
    expect(todoUrgency(null, '2026-03-05', calendar)).toBe('none');
    expect(todoUrgency('2099-01-02', '2099-01-01', calendar)).toBe('warning');
  });
});

describe('待办 order', () => {
  it('earliest due first, overdue leading, undated last', () => {
    const items = [
      { title: '乙', due: null, urgency: 'none' as const },
      { title: '甲', due: '2026-03-20', urgency: 'normal' as const },
      { title: '丙', due: '2026-03-01', urgency: 'overdue' as const },
      { title: '丁', due: '2026-03-06T17:00:00+08:00', urgency: 'warning' as const },
    ];
    expect(sortTodo(items).map((i) => i.title)).toEqual(['丙', '丁', '甲', '乙']);
  });
});

describe('missing holiday notice (NAT-21)', () => {
  it('the current year missing is always an item; next year from November', () => {
    expect(missingHolidayYear([2025], '2026-03-01')).toBe(2026);
    expect(missingHolidayYear([2026], '2026-10-31')).toBeNull();
    expect(missingHolidayYear([2026], '2026-12-07')).toBe(2027);
    expect(missingHolidayYear([2026, 2027], '2026-12-07')).toBeNull();
  });
});
