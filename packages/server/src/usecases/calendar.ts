/**
 * The working-day calendar as stored (NAT-2): the years of the State
 * Council's notices, seeded from `CALENDAR_SEED` and extended by a system
 * administrator with the source of each new year. A deadline in a year that
 * is not stored is an explicit error (calendar.year_missing), never a guess.
 */
import { asc, count, eq, max } from 'drizzle-orm';
import { AppError, CALENDAR_SEED, WorkCalendar, allows, validateCalendarYear, type CalendarYear } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { calendarYears } from '../db/schema.js';
import { recordAudit } from './audit.js';

/** Inserts the seeded years that are not stored yet (reference data, every mode). */
export async function ensureCalendarSeed(db: DbOrTx): Promise<number> {
  const rows = CALENDAR_SEED.map((y) => ({ year: y.year, source: y.source, holidays: y.holidays, workdays: y.workdays, origin: 'seed' as const }));
  const inserted = await db.insert(calendarYears).values(rows).onConflictDoNothing().returning({ year: calendarYears.year });
  return inserted.length;
}

let cache: { key: string; calendar: WorkCalendar } | undefined;

/**
 * The calendar over every stored year. Cached per process and rebuilt when
 * the stored years change (any server may add a year).
 */
export async function loadCalendar(db: DbOrTx): Promise<WorkCalendar> {
  const [v] = await db.select({ n: count(), last: max(calendarYears.addedAt) }).from(calendarYears);
  const key = `${v?.n ?? 0}:${v?.last?.toISOString() ?? ''}`;
  if (cache?.key === key) return cache.calendar;
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const calendar = new WorkCalendar(rows.map(toCalendarYear));
  cache = { key, calendar };
  return calendar;
}

function toCalendarYear(r: typeof calendarYears.$inferSelect): CalendarYear {
  return { year: r.year, source: r.source, holidays: r.holidays, workdays: r.workdays };
}

export async function listCalendarYears(db: DbOrTx) {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    origin: r.origin,
    addedAt: r.addedAt.toISOString(),
    holidays: r.holidays.length,
    workdays: r.workdays.length,
  }));
}

export async function getCalendarYear(db: DbOrTx, year: number) {
  const [r] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  if (!r) throw new AppError('calendar.year_missing', { year });
  return { year: r.year, source: r.source, origin: r.origin, addedAt: r.addedAt.toISOString(), holidays: r.holidays, workdays: r.workdays };
}

/** NAT-2: a system administrator adds a new year with its source citation. */
export async function addCalendarYear(ctx: AppContext, actor: ActorContext, input: CalendarYear) {
  if (!allows(actor, 'calendar.manage', 'own')) throw new AppError('forbidden');
  const year = validateCalendarYear(input);
  if (!year.source.trim()) throw new AppError('calendar.invalid_year', { year: input.year, detail: '须注明来源（国务院办公厅通知名称及文号）' });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.year, year.year));
    if (exists) throw new AppError('calendar.year_exists', { year: year.year });
    await tx.insert(calendarYears).values({ year: year.year, source: year.source.trim(), holidays: year.holidays, workdays: year.workdays, origin: 'admin', addedBy: actor.userId, addedAt: now });
    await recordAudit(tx, { at: now, actor, action: 'calendar.addYear', object: { type: 'calendarYear', id: String(year.year), agencyId: actor.agencyId, agencyPath: actor.agencyPath }, detail: { source: year.source, holidays: year.holidays.length, workdays: year.workdays.length } });
  });
  return getCalendarYear(ctx.db, year.year);
}
