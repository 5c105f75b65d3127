/**
 * Annual 抽查计划 per 抽查事项 (INS-1 list item; NAT-17): the quota of each
 * round from the profile's ratios for the agency's level, which a plan may
 * raise but not lower; joint inspections with other departments recorded.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, TARGET_CLASSES, drawQuota, getParam, inspectionLevel, targetClassOf, type TargetClass } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { inspectionDraws, inspectionPlans, inspectionTargets, inspections } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { chinaDate } from '../../lib/time.js';
import type { AgencyRow } from '../agencies.js';
import { recordAudit } from '../audit.js';
import { authorize } from '../authorize.js';
import { ownAgency, profileOf, readableAgency, yearOf } from './common.js';
import { findAgency } from '../agencies.js';

export type PlanRow = typeof inspectionPlans.$inferSelect;

export interface PlanInput {
  year: number;
  title: string;
  item: string;
  basis?: string | undefined;
  content?: string | undefined;
  method?: string | undefined;
  rounds: 'quarter' | 'year';
  quotaOverride?: Partial<Record<TargetClass, number>> | undefined;
  jointDepartments?: string[] | undefined;
  teamSize?: number | undefined;
}

/** Inspections counted against the yearly cap for each credit code (INS-3): registered, not refused or pending. */
export async function capCounts(db: DbOrTx, agencyId: string, year: number): Promise<Map<string, number>> {
  const rows = await db.select({ code: inspections.creditCode }).from(inspections).where(and(eq(inspections.agencyId, agencyId), eq(inspections.year, year), eq(inspections.status, 'registered')));
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.code, (m.get(r.code) ?? 0) + 1);
  return m;
}

/** The pool of a draw: active targets of the agency, less those at the yearly cap (INS-3). */
export async function drawPool(db: DbOrTx, agency: AgencyRow, today: string) {
  const cap = getParam(profileOf(agency), 'inspection.yearlyCap').value;
  const counts = await capCounts(db, agency.id, yearOf(today));
  const all = await db.select().from(inspectionTargets).where(and(eq(inspectionTargets.agencyId, agency.id), eq(inspectionTargets.active, true))).orderBy(asc(inspectionTargets.creditCode));
  const pool = all.filter((t) => (counts.get(t.creditCode) ?? 0) < cap);
  const atCap = all.filter((t) => (counts.get(t.creditCode) ?? 0) >= cap);
  return { pool, atCap, cap };
}

export function quotaFor(agency: AgencyRow, plan: Pick<PlanRow, 'quotaOverride'>, pool: readonly { keyPolluter: boolean; riskClass: 'high' | 'medium' | 'low' }[]) {
  const sizes: Partial<Record<TargetClass, number>> = {};
  for (const t of pool) {
    const c = targetClassOf(t);
    sizes[c] = (sizes[c] ?? 0) + 1;
  }
  return drawQuota(profileOf(agency), inspectionLevel(agency.level), sizes, plan.quotaOverride);
}

export function presentPlan(p: PlanRow) {
  return {
    id: p.id,
    agencyId: p.agencyId,
    year: p.year,
    title: p.title,
    item: p.item,
    basis: p.basis,
    content: p.content,
    method: p.method,
    rounds: p.rounds,
    quotaOverride: p.quotaOverride,
    jointDepartments: p.jointDepartments,
    teamSize: p.teamSize,
    createdAt: p.createdAt.toISOString(),
  };
}

export async function createPlan(ctx: AppContext, actor: ActorContext, input: PlanInput) {
  const agency = await ownAgency(ctx, actor, 'inspection.manage');
  for (const [k, v] of Object.entries(input.quotaOverride ?? {})) {
    if (!TARGET_CLASSES.includes(k as TargetClass) || !Number.isInteger(v) || v < 0) throw new AppError('validation.failed', { detail: `抽取数量“${k}”无效` });
  }
  const now = ctx.clock.now();
  const row: PlanRow = {
    id: newId(),
    agencyId: agency.id,
    agencyPath: agency.path,
    year: input.year,
    title: input.title.trim(),
    item: input.item.trim(),
    basis: input.basis?.trim() ?? '',
    content: input.content?.trim() ?? '',
    method: input.method?.trim() ?? '',
    rounds: input.rounds,
    quotaOverride: input.quotaOverride ?? {},
    jointDepartments: (input.jointDepartments ?? []).map((d) => d.trim()).filter(Boolean),
    teamSize: input.teamSize ?? 2,
    createdAt: now,
    createdBy: actor.userId,
  };
  if (row.teamSize < 2) throw new AppError('inspection.team_too_small', { min: 2 });
  // The quota must be computable now (ratios configured, override not below them).
  const { pool } = await drawPool(ctx.db, agency, chinaDate(now));
  quotaFor(agency, row, pool);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(inspectionPlans).values(row);
    await recordAudit(tx, { at: now, actor, action: 'inspection.plan.create', object: { type: 'inspectionPlan', id: row.id, agencyId: agency.id, agencyPath: agency.path }, detail: { title: row.title, item: row.item } });
  });
  return presentPlan(row);
}

export async function loadPlan(ctx: AppContext, actor: ActorContext, id: string, action: 'inspection.read' | 'inspection.draw' | 'inspection.manage') {
  const [p] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  if (!p) throw new AppError('not_found');
  authorize(actor, action, p, 'inspection.read');
  return p;
}

export async function listPlans(ctx: AppContext, actor: ActorContext, q: { agencyId?: string | undefined }) {
  const agency = await readableAgency(ctx, actor, q.agencyId);
  const plans = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.agencyId, agency.id)).orderBy(asc(inspectionPlans.createdAt));
  const draws = plans.length ? await ctx.db.select({ id: inspectionDraws.id, planId: inspectionDraws.planId, status: inspectionDraws.status, roundLabel: inspectionDraws.roundLabel, committedAt: inspectionDraws.committedAt }).from(inspectionDraws).where(inArray(inspectionDraws.planId, plans.map((p) => p.id))) : [];
  const { pool, atCap, cap } = await drawPool(ctx.db, agency, chinaDate(ctx.clock.now()));
  return {
    cap,
    poolSize: pool.length,
    atCap: atCap.length,
    items: plans.map((p) => {
      let quota: ReturnType<typeof quotaFor> = [];
      try {
        quota = quotaFor(agency, p, pool);
      } catch {
        quota = [];
      }
      return { ...presentPlan(p), quota, draws: draws.filter((d) => d.planId === p.id).map((d) => ({ id: d.id, status: d.status, roundLabel: d.roundLabel, committedAt: d.committedAt.toISOString() })) };
    }),
  };
}

export async function agencyOfPlan(ctx: AppContext, p: PlanRow): Promise<AgencyRow> {
  const a = await findAgency(ctx.db, p.agencyId);
  if (!a) throw new AppError('not_found');
  return a;
}


/**
 * The defaults a new plan starts from (NAT-17 ⚙): each class's pool today,
 * the ratio of the agency's profile for its level and the number drawn per
 * round at that ratio — what the plan form shows before a plan exists.
 */
export async function quotaPreview(ctx: AppContext, actor: ActorContext) {
  const agency = await ownAgency(ctx, actor, 'inspection.read');
  const { pool, atCap, cap } = await drawPool(ctx.db, agency, chinaDate(ctx.clock.now()));
  return { level: inspectionLevel(agency.level), cap, poolSize: pool.length, atCap: atCap.length, quota: quotaFor(agency, { quotaOverride: {} }, pool) };
}
