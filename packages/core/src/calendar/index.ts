/**
 * Working days, periods and deadline clocks (NAT-1, NAT-2).
 */
export * from './civil-date.js';
export * from './types.js';
export * from './period.js';
export * from './holiday-data.js';
export * from './validate.js';
export * from './work-calendar.js';
export * from './clock.js';
export * from './statutory.js';
export * from './notice-text.js';

import { CALENDAR_SEED } from './holiday-data.js';
import { WorkCalendar } from './work-calendar.js';

let seeded: WorkCalendar | undefined;

/**
 * A calendar over the seeded State Council notices (2019–2026), other years
 * provisional (NAT-21). Immutable, so one instance is shared.
 */
export function seedCalendar(): WorkCalendar {
  seeded ??= new WorkCalendar(CALENDAR_SEED);
  return seeded;
}
