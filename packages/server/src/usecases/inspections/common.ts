/** Shared helpers of the inspection use cases: loading scoped objects, the agency's profile. */
import { and, eq } from 'drizzle-orm';
import { AppError, resolveProfile, type Action, type ResolvedProfile } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { inspectionTargets } from '../../db/schema.js';
import { findAgency, type AgencyRow } from '../agencies.js';
import { authorize } from '../authorize.js';

export type TargetRow = typeof inspectionTargets.$inferSelect;

export const profileOf = (a: Pick<AgencyRow, 'profileId' | 'profileOverrides'>): ResolvedProfile => resolveProfile(a.profileId, a.profileOverrides);

/** The actor's own agency, authorized for `action` (404 when it may not read inspections there). */
export async function ownAgency(ctx: AppContext, actor: ActorContext, action: Action): Promise<AgencyRow> {
  const agency = await findAgency(ctx.db, actor.agencyId);
  if (!agency) throw new AppError('not_found');
  authorize(actor, action, { agencyId: agency.id, agencyPath: agency.path }, 'inspection.read');
  return agency;
}

/** An agency the actor may read inspections of (own, or below for heads and supervisors). */
export async function readableAgency(ctx: AppContext, actor: ActorContext, agencyId: string | undefined): Promise<AgencyRow> {
  const agency = await findAgency(ctx.db, agencyId ?? actor.agencyId);
  if (!agency) throw new AppError('not_found');
  authorize(actor, 'inspection.read', { agencyId: agency.id, agencyPath: agency.path }, 'inspection.read');
  return agency;
}

export async function loadTarget(db: DbOrTx, actor: ActorContext, id: string, action: Action): Promise<TargetRow> {
  const [t] = await db.select().from(inspectionTargets).where(eq(inspectionTargets.id, id));
  if (!t) throw new AppError('not_found');
  authorize(actor, action, t, 'inspection.read');
  return t;
}

export async function targetByCode(db: DbOrTx, agencyId: string, creditCode: string): Promise<TargetRow | undefined> {
  const [t] = await db.select().from(inspectionTargets).where(and(eq(inspectionTargets.agencyId, agencyId), eq(inspectionTargets.creditCode, creditCode)));
  return t;
}

/** China year of a civil date. */
export const yearOf = (d: string) => Number(d.slice(0, 4));
