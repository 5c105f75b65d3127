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

import { CALENDAR_SEED } from './holiday-data.js';
import { WorkCalendar } from './work-calendar.js';

/** A calendar over the seeded State Council notices (2019–2026). */
export function seedCalendar(): WorkCalendar {
  return new WorkCalendar(CALENDAR_SEED);
}
