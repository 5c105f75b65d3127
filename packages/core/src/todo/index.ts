/**
 * 待办 (what waits for a person): the urgency of an item and the order of the
 * list. Pure: today and the working-day calendar are arguments.
 */
import { dueStatus } from '../calendar/clock.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';

/** 预警 from this many working days before the due date (issue 15: "due within 2 working days"). */
export const TODO_WARNING_WORKING_DAYS = 2;

/** overdue 逾期; warning 预警 (due within two working days); normal; none (no due date). */
export type TodoUrgency = 'overdue' | 'warning' | 'normal' | 'none';

export const TODO_URGENCY_LABELS: Record<TodoUrgency, string> = {
  overdue: '逾期',
  warning: '预警',
  normal: '',
  none: '',
};

/**
 * Urgency of an item due on `due` (a civil date or date-time). The due day
 * itself is not overdue (民法典 第二百零三条: the last day runs to 24:00). A
 * calendar that does not know a year in between throws; the item is then
 * judged by calendar days, never left without a badge.
 */
export function todoUrgency(due: string | null | undefined, today: string, calendar?: WorkCalendar): TodoUrgency {
  if (!due) return 'none';
  let s;
  try {
    s = dueStatus(due, today, TODO_WARNING_WORKING_DAYS, calendar);
  } catch {
    s = dueStatus(due, today, TODO_WARNING_WORKING_DAYS);
  }
  return s === 'overdue' ? 'overdue' : s === 'dueSoon' ? 'warning' : 'normal';
}

/** The fields the order reads. */
export interface TodoSortable {
  due: string | null;
  urgency: TodoUrgency;
  title: string;
}

const RANK: Record<TodoUrgency, number> = { overdue: 0, warning: 1, normal: 2, none: 3 };

/** Ordered by due date (earliest first, so overdue items lead); items without a date last; ties by title. */
export function sortTodo<T extends TodoSortable>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.due && b.due) return a.due.slice(0, 10).localeCompare(b.due.slice(0, 10)) || RANK[a.urgency] - RANK[b.urgency] || a.title.localeCompare(b.title, 'zh-CN');
    if (a.due) return -1;
    if (b.due) return 1;
    return RANK[a.urgency] - RANK[b.urgency] || a.title.localeCompare(b.title, 'zh-CN');
  });
}

/**
 * The working-day calendar must hold next year's State Council holiday notice
 * before the year starts; from this month on, a missing next year is an item
 * for the system administrators (NAT-21 deadlines are otherwise provisional).
 */
export const HOLIDAY_NOTICE_FROM_MONTH = 11;

/** The year whose holiday notice is missing and due, or null. `years`: the years the calendar holds. */
export function missingHolidayYear(years: readonly number[], today: string): number | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (!years.includes(year)) return year;
  if (month >= HOLIDAY_NOTICE_FROM_MONTH && !years.includes(year + 1)) return year + 1;
  return null;
}
