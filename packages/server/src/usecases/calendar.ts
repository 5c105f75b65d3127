/**
 * The working-day calendar as stored (NAT-2): the years of the State
 * Council's notices, seeded from `CALENDAR_SEED` and extended by a system
 * administrator with the source of each new year. A year without a notice is
 * answered provisionally from the statutory holidays (NAT-21, core
 * calendar/statutory.ts) and every result that depends on it says so.
 *
 * Entering a notice, or approving a correction of one, recomputes the open
 * deadlines that depend on that year in the same transaction: each change
 * (old date, new date, why) is a `deadline_changes` row and a case-timeline
 * event the handlers can list (deadline-changes.ts).
 */
import { and, asc, count, desc, eq, max, ne, sql, sum } from 'drizzle-orm';
import {
  AppError,
  CALENDAR_SEED,
  WorkCalendar,
  allows,
  caseDeadlines,
  provisionalCalendarYear,
  publicationSchedule,
  resolveProfile,
  validateCalendarYear,
  type CalendarYear,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { agencies, calendarCorrections, calendarYears, caseEvents, cases, deadlineChanges } from '../db/schema.js';
import { publications } from '../db/schema-disclosure.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { scopeWhere } from './authorize.js';

/** Inserts the seeded years that are not stored yet (reference data, every mode). */
export async function ensureCalendarSeed(db: DbOrTx): Promise<number> {
  const rows = CALENDAR_SEED.map((y) => ({ year: y.year, source: y.source, holidays: y.holidays, workdays: y.workdays, origin: 'seed' as const }));
  const inserted = await db.insert(calendarYears).values(rows).onConflictDoNothing().returning({ year: calendarYears.year });
  return inserted.length;
}

let cache: { key: string; calendar: WorkCalendar } | undefined;

/**
 * The calendar over every stored year, other years provisional (NAT-21).
 * Cached per process and rebuilt when the stored years change (any server
 * may add or correct a year).
 */
export async function loadCalendar(db: DbOrTx): Promise<WorkCalendar> {
  const [v] = await db.select({ n: count(), last: max(calendarYears.addedAt), versions: sum(calendarYears.version) }).from(calendarYears);
  const key = `${v?.n ?? 0}:${v?.last?.toISOString() ?? ''}:${v?.versions ?? 0}`;
  if (cache?.key === key) return cache.calendar;
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const calendar = new WorkCalendar(rows.map(toCalendarYear));
  cache = { key, calendar };
  return calendar;
}

function toCalendarYear(r: typeof calendarYears.$inferSelect): CalendarYear {
  return { year: r.year, source: r.source, holidays: r.holidays, workdays: r.workdays };
}

/**
 * NAT-2 · NAT-21: when the notice for `year` is missing from `today` on.
 * From 1 November the next year's notice is expected (it came out on
 * 2016-12-01 for 2017 and on 2025-11-04 for 2026); the current year's is
 * missing whenever it is not stored.
 */
export function calendarWarnings(calendar: WorkCalendar, today: string): string[] {
  const year = Number(today.slice(0, 4));
  const out: string[] = [];
  if (!calendar.covers(year)) {
    out.push(`${year}年国务院办公厅节假日安排通知尚未录入：本年度的工作日按法定节假日推算，相关期限均标为“暂定”。请系统管理员在“工作日历”中录入。`);
  }
  if (today.slice(5) >= '11-01' && !calendar.covers(year + 1)) {
    out.push(`${year + 1}年国务院办公厅节假日安排通知尚未录入：跨入${year + 1}年的期限按法定节假日推算，标为“暂定”。通知发布后请及时录入，系统将自动重算。`);
  }
  return out;
}

/** Each year from the first stored one to two years ahead: confirmed (with its source and version) or provisional. */
export async function listCalendarYears(ctx: AppContext) {
  const rows = await ctx.db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const calendar = await loadCalendar(ctx.db);
  const today = chinaDate(ctx.clock.now());
  const thisYear = Number(today.slice(0, 4));
  const stored = rows.map((r) => ({
    year: r.year,
    status: 'confirmed' as const,
    source: r.source,
    origin: r.origin as 'seed' | 'admin' | 'statutory',
    version: r.version,
    addedAt: r.addedAt.toISOString() as string | null,
    holidays: r.holidays.length,
    workdays: r.workdays.length,
  }));
  const first = rows[0]?.year ?? thisYear;
  const provisional = [];
  for (let y = first; y <= Math.max(thisYear + 1, rows[rows.length - 1]?.year ?? thisYear); y++) {
    if (!calendar.isProvisionalYear(y)) continue;
    const p = provisionalCalendarYear(y);
    provisional.push({ year: y, status: 'provisional' as const, source: p.source, origin: 'statutory' as const, version: 0, addedAt: null, holidays: p.holidays.length, workdays: 0 });
  }
  const years = [...stored, ...provisional].sort((a, b) => a.year - b.year);
  return { years, warnings: calendarWarnings(calendar, today), lastConfirmedYear: calendar.coverage().lastConfirmedYear };
}

/** One year: the stored notice, or the provisional days (NAT-21) when none is stored. */
export async function getCalendarYear(ctx: AppContext, year: number) {
  const [r] = await ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const corrections = await ctx.db.select().from(calendarCorrections).where(eq(calendarCorrections.year, year)).orderBy(asc(calendarCorrections.requestedAt));
  const history = corrections.map(presentCorrection);
  if (!r) {
    const calendar = await loadCalendar(ctx.db);
    if (!calendar.isProvisionalYear(year)) throw new AppError('calendar.year_missing', { year });
    const p = provisionalCalendarYear(year);
    return { year, status: 'provisional' as const, source: p.source, origin: 'statutory' as const, version: 0, addedAt: null, holidays: p.holidays, workdays: p.workdays, corrections: history };
  }
  return { year: r.year, status: 'confirmed' as const, source: r.source, origin: r.origin, version: r.version, addedAt: r.addedAt.toISOString(), holidays: r.holidays, workdays: r.workdays, corrections: history };
}

function presentCorrection(c: typeof calendarCorrections.$inferSelect) {
  return {
    id: c.id,
    year: c.year,
    fromVersion: c.fromVersion,
    source: c.source,
    reason: c.reason,
    status: c.status,
    holidays: c.holidays.length,
    workdays: c.workdays.length,
    requestedBy: c.requestedBy,
    requestedByName: c.requestedByName,
    requestedAt: c.requestedAt.toISOString(),
    decidedByName: c.decidedByName,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decisionNote: c.decisionNote,
  };
}

function checkSource(year: CalendarYear, input: CalendarYear): void {
  if (!year.source.trim()) throw new AppError('calendar.invalid_year', { year: input.year, detail: '须注明来源（国务院办公厅通知名称及文号）' });
}

/**
 * NAT-2: a system administrator adds a new year with its source citation.
 * The open deadlines that depended on the provisional year are recomputed in
 * the same transaction (NAT-21).
 */
export async function addCalendarYear(ctx: AppContext, actor: ActorContext, input: CalendarYear) {
  if (!allows(actor, 'calendar.manage', 'own')) throw new AppError('forbidden');
  const year = validateCalendarYear({ ...input, provisional: false });
  checkSource(year, input);
  const now = ctx.clock.now();
  let changed = 0;
  await ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.year, year.year));
    if (exists) throw new AppError('calendar.year_exists', { year: year.year });
    const before = await loadCalendar(tx);
    await tx.insert(calendarYears).values({ year: year.year, source: year.source.trim(), holidays: year.holidays, workdays: year.workdays, origin: 'admin', addedBy: actor.userId, addedAt: now });
    const after = before.withYear(year);
    changed = await recomputeOpenDeadlines(tx, { before, after, year: year.year, actor, at: now, reason: `录入${year.year}年节假日安排（${year.source.trim()}）` });
    await recordAudit(tx, { at: now, actor, action: 'calendar.addYear', object: { type: 'calendarYear', id: String(year.year), agencyId: actor.agencyId, agencyPath: actor.agencyPath }, detail: { source: year.source, holidays: year.holidays.length, workdays: year.workdays.length, deadlinesChanged: changed } });
  });
  return { ...(await getCalendarYear(ctx, year.year)), deadlinesChanged: changed };
}

/** NAT-2: a correction of a stored year (a new version), waiting for a second administrator. */
export async function requestCalendarCorrection(ctx: AppContext, actor: ActorContext, input: CalendarYear & { reason: string }) {
  if (!allows(actor, 'calendar.manage', 'own')) throw new AppError('forbidden');
  const reason = (input.reason ?? '').trim();
  if (!reason) throw new AppError('validation.failed', { detail: '更正须说明理由（如国务院办公厅的补充通知及文号）' });
  const year = validateCalendarYear({ year: input.year, source: input.source, holidays: input.holidays, workdays: input.workdays });
  checkSource(year, input);
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year.year));
    if (!current) throw new AppError('calendar.year_missing', { year: year.year });
    const [pending] = await tx.select({ id: calendarCorrections.id }).from(calendarCorrections).where(and(eq(calendarCorrections.year, year.year), eq(calendarCorrections.status, 'pending')));
    if (pending) throw new AppError('calendar.correction_pending', { year: year.year });
    await tx.insert(calendarCorrections).values({
      id,
      year: year.year,
      fromVersion: current.version,
      source: year.source.trim(),
      holidays: year.holidays,
      workdays: year.workdays,
      previous: { source: current.source, holidays: current.holidays, workdays: current.workdays },
      reason,
      requestedBy: actor.userId,
      requestedByName: actor.displayName,
      requestedAt: now,
      status: 'pending',
    });
    await recordAudit(tx, { at: now, actor, action: 'calendar.requestCorrection', object: { type: 'calendarYear', id: String(year.year), agencyId: actor.agencyId, agencyPath: actor.agencyPath }, detail: { correctionId: id, reason } });
  });
  return getCalendarYear(ctx, year.year);
}

/**
 * NAT-2: a second administrator approves or refuses a correction. Approval
 * makes the corrected data the year's next version and recomputes the open
 * deadlines in the same transaction; the requester cannot decide.
 */
export async function decideCalendarCorrection(ctx: AppContext, actor: ActorContext, id: string, input: { approve: boolean; note?: string | undefined }) {
  if (!allows(actor, 'calendar.manage', 'own')) throw new AppError('forbidden');
  const now = ctx.clock.now();
  let year = 0;
  let changed = 0;
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(calendarCorrections).where(eq(calendarCorrections.id, id));
    if (!c) throw new AppError('not_found');
    year = c.year;
    if (c.status !== 'pending') throw new AppError('calendar.correction_decided', { year: c.year });
    if (c.requestedBy === actor.userId) throw new AppError('calendar.correction_same_person', { year: c.year });
    const [current] = await tx.select().from(calendarYears).where(eq(calendarYears.year, c.year));
    if (!current || current.version !== c.fromVersion) throw new AppError('calendar.correction_decided', { year: c.year });
    await tx
      .update(calendarCorrections)
      .set({ status: input.approve ? 'approved' : 'refused', decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now, decisionNote: input.note?.trim() || null })
      .where(eq(calendarCorrections.id, id));
    if (input.approve) {
      const before = await loadCalendar(tx);
      await tx.update(calendarYears).set({ source: c.source, holidays: c.holidays, workdays: c.workdays, version: current.version + 1 }).where(eq(calendarYears.year, c.year));
      const after = before.withCorrectedYear({ year: c.year, source: c.source, holidays: c.holidays, workdays: c.workdays });
      changed = await recomputeOpenDeadlines(tx, { before, after, year: c.year, actor, at: now, reason: `${c.year}年节假日安排更正（${c.reason}）` });
    }
    await recordAudit(tx, { at: now, actor, action: input.approve ? 'calendar.approveCorrection' : 'calendar.refuseCorrection', object: { type: 'calendarYear', id: String(c.year), agencyId: actor.agencyId, agencyPath: actor.agencyPath }, detail: { correctionId: id, deadlinesChanged: changed } });
  });
  return { ...(await getCalendarYear(ctx, year)), deadlinesChanged: changed };
}

interface Recompute {
  before: WorkCalendar;
  after: WorkCalendar;
  year: number;
  actor: ActorContext;
  at: Date;
  reason: string;
}

/**
 * NAT-21: recomputes the open deadlines under `after`, compares them with
 * `before`, and records each that changed. Case deadlines are computed on
 * read, so only the record is written; a publication's stored due date
 * (PUB-2) is updated. Returns the number of changes.
 */
export async function recomputeOpenDeadlines(tx: Tx, r: Recompute): Promise<number> {
  const today = chinaDate(r.at);
  let changed = 0;
  const rows = await tx
    .select({ c: cases, agency: { profileId: agencies.profileId, profileOverrides: agencies.profileOverrides } })
    .from(cases)
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .where(ne(cases.state, 'archived'));
  for (const { c, agency } of rows) {
    const profile = resolveProfile(agency.profileId, agency.profileOverrides);
    const compute = (calendar: WorkCalendar) => {
      try {
        return caseDeadlines({ actionType: c.actionType, summaryProcedure: c.flags.summaryProcedure ?? false, measures: c.measures, dates: c.dates, profile, calendar, today });
      } catch (e) {
        if (e instanceof AppError) return [];
        throw e;
      }
    };
    const old = new Map(compute(r.before).map((d) => [d.key, d]));
    for (const d of compute(r.after)) {
      const o = old.get(d.key);
      if (!o || d.completedOn || o.due === d.due) continue;
      changed++;
      const detail = { key: d.key, label: d.label, oldDue: o.due, newDue: d.due, wasProvisional: o.provisional === true, calendarYear: r.year, reason: r.reason };
      await tx.insert(deadlineChanges).values({ at: r.at, calendarYear: r.year, agencyId: c.agencyId, agencyPath: c.agencyPath, objectType: 'case', objectId: c.id, caseId: c.id, caseNumber: c.caseNumber, deadlineKey: d.key, label: d.label, oldDue: o.due, newDue: d.due, wasProvisional: o.provisional === true, reason: r.reason });
      await tx.insert(caseEvents).values({ caseId: c.id, at: r.at, actorId: r.actor.userId, actorName: r.actor.displayName, kind: 'deadline.recomputed', detail });
    }
  }

  // PUB-2: publication due dates are stored; those not yet published are recomputed.
  const pubs = await tx
    .select({ p: publications, agency: { profileId: agencies.profileId, profileOverrides: agencies.profileOverrides } })
    .from(publications)
    .innerJoin(agencies, eq(agencies.id, publications.agencyId))
    .where(sql`${publications.status} IN ('draft', 'submitted')`);
  for (const { p, agency } of pubs) {
    const profile = resolveProfile(agency.profileId, agency.profileOverrides);
    let next: string;
    try {
      next = publicationSchedule({ profile, calendar: r.after, actionType: p.actionType, decisionDate: p.decisionDate, severity: p.severity }).publishBy;
    } catch (e) {
      if (e instanceof AppError) continue;
      throw e;
    }
    if (next === p.publishBy) continue;
    changed++;
    const wasProvisional = r.before.provisionalYearsBetween(p.decisionDate, p.publishBy).length > 0;
    await tx.update(publications).set({ publishBy: next }).where(eq(publications.id, p.id));
    await tx.insert(deadlineChanges).values({ at: r.at, calendarYear: r.year, agencyId: p.agencyId, agencyPath: p.agencyPath, objectType: 'publication', objectId: p.id, caseId: p.caseId, caseNumber: null, deadlineKey: 'publication.publish', label: '公示期限', oldDue: p.publishBy, newDue: next, wasProvisional, reason: r.reason });
    if (p.caseId) {
      await tx.insert(caseEvents).values({ caseId: p.caseId, at: r.at, actorId: r.actor.userId, actorName: r.actor.displayName, kind: 'deadline.recomputed', detail: { key: 'publication.publish', label: '公示期限', oldDue: p.publishBy, newDue: next, wasProvisional, calendarYear: r.year, reason: r.reason } });
    }
  }
  return changed;
}

/**
 * NAT-21: the deadline changes the actor may see (cases it may read: its own
 * agency, and the agencies below for a supervisor), newest first.
 */
export async function listDeadlineChanges(ctx: AppContext, actor: ActorContext, f: { caseId?: string | undefined; limit: number }) {
  const where = and(scopeWhere(actor, 'case.read', deadlineChanges.agencyPath), f.caseId ? eq(deadlineChanges.caseId, f.caseId) : undefined);
  const rows = await ctx.db.select().from(deadlineChanges).where(where).orderBy(desc(deadlineChanges.id)).limit(f.limit);
  return rows.map((d) => ({
    id: d.id,
    at: d.at.toISOString(),
    calendarYear: d.calendarYear,
    objectType: d.objectType,
    objectId: d.objectId,
    caseId: d.caseId,
    caseNumber: d.caseNumber,
    label: d.label,
    oldDue: d.oldDue,
    newDue: d.newDue,
    wasProvisional: d.wasProvisional,
    reason: d.reason,
  }));
}
