/**
 * The inspector pool (执法检查人员名录, INS-2): the agency's officers whose
 * certificate is valid today (ORG-2), keyed by certificate number; and the
 * relations they declare to targets (回避), which keep them out of the
 * draw for that target.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, certificateState } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { inspectionRelations, inspectionTargets, officerCertificates, userRoles, users } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { chinaDate } from '../../lib/time.js';
import { recordAudit } from '../audit.js';
import { loadTarget, readableAgency } from './common.js';

export interface PoolOfficer {
  userId: string;
  name: string;
  certificateNumber: string | null;
  certificateValidTo: string | null;
  usable: boolean;
  problem: string | null;
}

/** Officers of the agency with their current certificate and whether it is valid on `today`. */
export async function agencyOfficers(db: DbOrTx, agencyId: string, today: string): Promise<PoolOfficer[]> {
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'officer')))
    .where(and(eq(users.agencyId, agencyId), eq(users.disabled, false)))
    .orderBy(asc(users.username));
  const ids = rows.map((r) => r.id);
  const certs = ids.length ? await db.select().from(officerCertificates).where(inArray(officerCertificates.userId, ids)) : [];
  return rows.map((r) => {
    const valid = certs.filter((c) => c.userId === r.id && certificateState(c, today).valid).sort((a, b) => (a.validTo < b.validTo ? 1 : -1))[0];
    const any = certs.filter((c) => c.userId === r.id).sort((a, b) => (a.validTo < b.validTo ? 1 : -1))[0];
    const c = valid ?? any;
    const state = c ? certificateState(c, today) : { valid: false as const, reason: '未登记执法证' };
    return { userId: r.id, name: r.name, certificateNumber: c?.number ?? null, certificateValidTo: c?.validTo ?? null, usable: state.valid, problem: state.valid ? null : state.reason };
  });
}

export async function agencyRelations(db: DbOrTx, agencyId: string) {
  return db
    .select({ id: inspectionRelations.id, userId: inspectionRelations.userId, targetId: inspectionRelations.targetId, relation: inspectionRelations.relation, declaredAt: inspectionRelations.declaredAt, targetName: inspectionTargets.name, creditCode: inspectionTargets.creditCode })
    .from(inspectionRelations)
    .innerJoin(inspectionTargets, eq(inspectionTargets.id, inspectionRelations.targetId))
    .where(eq(inspectionRelations.agencyId, agencyId));
}

export async function getInspectorPool(ctx: AppContext, actor: ActorContext, q: { agencyId?: string | undefined }) {
  const agency = await readableAgency(ctx, actor, q.agencyId);
  const today = chinaDate(ctx.clock.now());
  const officers = await agencyOfficers(ctx.db, agency.id, today);
  const relations = await agencyRelations(ctx.db, agency.id);
  return {
    officers: officers.map((o) => ({ ...o, relations: relations.filter((r) => r.userId === o.userId).map((r) => ({ id: r.id, targetId: r.targetId, targetName: r.targetName, creditCode: r.creditCode, relation: r.relation })) })),
  };
}

/**
 * 回避: an officer's relation to a target, declared by the officer or
 * recorded by the unit head. Append-only; the officer is never drawn for
 * that target afterwards.
 */
export async function declareRelation(ctx: AppContext, actor: ActorContext, input: { userId: string; targetId: string; relation: string }) {
  const t = await loadTarget(ctx.db, actor, input.targetId, 'inspection.read');
  const self = input.userId === actor.userId;
  if (!self && !(actor.roles.includes('unitHead') || actor.roles.includes('agencyHead'))) throw new AppError('forbidden');
  const [u] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
  if (!u || u.agencyId !== t.agencyId) throw new AppError('validation.failed', { detail: '只能登记本机关执法人员的回避关系' });
  if (!input.relation.trim()) throw new AppError('validation.failed', { detail: '请说明关系（如近亲属在该单位任职）' });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(inspectionRelations).where(and(eq(inspectionRelations.userId, u.id), eq(inspectionRelations.targetId, t.id)));
    if (existing) throw new AppError('conflict', { detail: '该关系已登记' });
    const id = newId();
    await tx.insert(inspectionRelations).values({ id, agencyId: t.agencyId, agencyPath: t.agencyPath, userId: u.id, targetId: t.id, relation: input.relation.trim(), declaredAt: now, declaredBy: actor.userId });
    await recordAudit(tx, { at: now, actor, action: 'inspection.relation.declare', object: { type: 'inspectionTarget', id: t.id, agencyId: t.agencyId, agencyPath: t.agencyPath }, detail: { userId: u.id } });
    return { id, userId: u.id, targetId: t.id, relation: input.relation.trim() };
  });
}
