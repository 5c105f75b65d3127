/**
 * A time period as the rules state it ("7个工作日", "三十日", "三个月", "24小时").
 */

/** Unit of a period. Short day counts are working days (NAT-1); longer ones calendar days. */
export type PeriodUnit = 'workingDays' | 'calendarDays' | 'months' | 'years' | 'hours';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['workingDays', 'calendarDays', 'months', 'years', 'hours'];

/** A period (期限), e.g. { unit: 'workingDays', amount: 7 }. */
export interface Period {
  unit: PeriodUnit;
  amount: number;
}

const UNIT_LABELS: Record<PeriodUnit, string> = {
  workingDays: '个工作日',
  calendarDays: '日',
  months: '个月',
  years: '年',
  hours: '小时',
};

/** Chinese rendering: '7个工作日', '30日', '3个月', '1年', '24小时'. */
export function formatPeriod(p: Period): string {
  return `${p.amount}${UNIT_LABELS[p.unit]}`;
}
