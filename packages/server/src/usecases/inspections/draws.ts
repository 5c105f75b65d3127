/**
 * A draw anyone can check (INS-2; NAT-17). Three steps, each one transaction:
 * 1. commit — freeze the lists (targets under the cap, officers with valid
 *    certificates, declared relations), take a random seed, and seal
 *    SHA-256(seed) with the lists' digests as a leaf of the integrity log;
 * 2. draw — run SX-DRAW-1 (packages/core/src/inspections/draw.ts), seal the
 *    result as a leaf, register each drawn target as an inspection (code,
 *    cap) and open its inspection case;
 * 3. publish — once every drawn target has been inspected (its 现场检查笔录
 *    signed), reveal the seed and the lists: the portal's proof page
 *    recomputes the draw in the browser. Until then the public sees only
 *    the commitment, never a target's name (NAT-17).
 */
import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError, TARGET_CLASS_LABELS, canonicalJson, listDigests, runDraw, sha256Hex, targetClassOf, type TargetClass } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { agencies, inspectionDraws, inspectionPlans, inspectionRelations, inspections, inspectionTargets, publications, type DrawLists } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { chinaDate } from '../../lib/time.js';
import { recordAudit } from '../audit.js';
import { authorize } from '../authorize.js';
import { appendLeaf } from '../integrity-log.js';
import { agencyOfPlan, drawPool, loadPlan, quotaFor } from './plans.js';
import { agencyOfficers } from './pool.js';
import { insertInspection, openInspectionCase, resultStates, presentInspection } from './register.js';

export type DrawRow = typeof inspectionDraws.$inferSelect;

export async function commitDraw(ctx: AppContext, actor: ActorContext, planId: string, input: { roundLabel: string }) {
  const plan = await loadPlan(ctx, actor, planId, 'inspection.draw');
  const agency = await agencyOfPlan(ctx, plan);
  const now = ctx.clock.now();
  const today = chinaDate(now);
  return ctx.db.transaction(async (tx) => {
    const { pool, atCap } = await drawPool(tx, agency, today);
    const quotaLines = quotaFor(agency, plan, pool);
    const quota = Object.fromEntries(quotaLines.map((l) => [l.targetClass, l.count])) as Partial<Record<TargetClass, number>>;
    const officers = (await agencyOfficers(tx, agency.id, today)).filter((o) => o.usable && o.certificateNumber);
    if (officers.length < plan.teamSize) throw new AppError('inspection.inspectors_insufficient', { target: '（全部）', need: plan.teamSize, have: officers.length });
    const relations = await tx.select().from(inspectionRelations).where(eq(inspectionRelations.agencyId, agency.id));
    const byUser = new Map(officers.map((o) => [o.userId, o.certificateNumber!]));
    const byTarget = new Map(pool.map((t) => [t.id, t.creditCode]));
    const lists: DrawLists = {
      targets: pool.map((t) => ({ key: t.creditCode, targetClass: targetClassOf(t), targetId: t.id, name: t.name })),
      inspectors: officers.map((o) => ({ key: o.certificateNumber!, userId: o.userId, name: o.name })),
      conflicts: relations.filter((r) => byUser.has(r.userId) && byTarget.has(r.targetId)).map((r) => ({ inspectorKey: byUser.get(r.userId)!, targetKey: byTarget.get(r.targetId)! })),
      atCap: atCap.map((t) => ({ key: t.creditCode, targetId: t.id })),
    };
    const seed = crypto.randomBytes(32).toString('hex');
    const seedHash = sha256Hex(seed);
    const digests = listDigests(lists);
    const id = newId();
    const leaf = await appendLeaf(tx, {
      kind: 'inspection.draw.commit',
      objectType: 'inspectionDraw',
      objectId: id,
      agencyPath: agency.path,
      at: now,
      payload: { planId: plan.id, algorithm: 'SX-DRAW-1', seedHash, digests, quota, teamSize: plan.teamSize, actorId: actor.userId },
    });
    await tx.insert(inspectionDraws).values({
      id,
      planId: plan.id,
      agencyId: agency.id,
      agencyPath: agency.path,
      roundLabel: input.roundLabel.trim() || `${plan.year}年`,
      status: 'committed',
      algorithm: 'SX-DRAW-1',
      seed,
      seedHash,
      lists,
      digests,
      quota,
      teamSize: plan.teamSize,
      commitLeaf: leaf.index,
      result: null,
      drawLeaf: null,
      committedAt: now,
      committedBy: actor.userId,
      drawnAt: null,
      drawnBy: null,
      publishedAt: null,
      publishedBy: null,
    });
    await recordAudit(tx, { at: now, actor, action: 'inspection.draw.commit', object: { type: 'inspectionDraw', id, agencyId: agency.id, agencyPath: agency.path }, detail: { seedHash, leaf: leaf.index } });
    return id;
  }).then((id) => getDraw(ctx, actor, id));
}

async function loadDraw(ctx: AppContext, actor: ActorContext, id: string, action: 'inspection.read' | 'inspection.draw') {
  const [d] = await ctx.db.select().from(inspectionDraws).where(eq(inspectionDraws.id, id));
  if (!d) throw new AppError('not_found');
  authorize(actor, action, d, 'inspection.read');
  return d;
}

export async function runCommittedDraw(ctx: AppContext, actor: ActorContext, id: string) {
  const d = await loadDraw(ctx, actor, id, 'inspection.draw');
  if (d.status !== 'committed') throw new AppError('inspection.draw_state', { detail: '该轮已抽取' });
  const [plan] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, d.planId));
  const agency = await agencyOfPlan(ctx, plan!);
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const result = runDraw({ seed: d.seed, targets: d.lists.targets, inspectors: d.lists.inspectors, conflicts: d.lists.conflicts, quota: d.quota, teamSize: d.teamSize });
  const created = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(inspectionDraws).where(eq(inspectionDraws.id, d.id)).for('update');
    if (locked!.status !== 'committed') throw new AppError('inspection.draw_state', { detail: '该轮已抽取' });
    const leaf = await appendLeaf(tx, {
      kind: 'inspection.draw.result',
      objectType: 'inspectionDraw',
      objectId: d.id,
      agencyPath: d.agencyPath,
      at: now,
      payload: { commitLeaf: d.commitLeaf, resultHash: sha256Hex(canonicalJson(result)), actorId: actor.userId },
    });
    await tx.update(inspectionDraws).set({ status: 'drawn', result, drawLeaf: leaf.index, drawnAt: now, drawnBy: actor.userId }).where(eq(inspectionDraws.id, d.id));
    const rows = [];
    for (const a of result.assignments) {
      const t = d.lists.targets.find((x) => x.key === a.targetKey)!;
      const [target] = await tx.select().from(inspectionTargets).where(eq(inspectionTargets.id, t.targetId));
      const userIds = a.inspectorKeys.map((k) => d.lists.inspectors.find((i) => i.key === k)!.userId);
      rows.push(await insertInspection(tx, agency, actor, now, target!, { targetId: t.targetId, kind: 'random', plannedDate: today, inspectorIds: userIds, drawId: d.id, planId: d.planId }));
    }
    await recordAudit(tx, { at: now, actor, action: 'inspection.draw.run', object: { type: 'inspectionDraw', id: d.id, agencyId: d.agencyId, agencyPath: d.agencyPath }, detail: { drawn: result.assignments.length, leaf: leaf.index } });
    return rows;
  });
  // Each drawn target becomes an inspection case handled by its drawn team.
  for (const row of created) await openInspectionCase(ctx, actor, row);
  return getDraw(ctx, actor, d.id);
}

/** NAT-17: names go public only after every drawn target has been inspected. */
export async function publishDraw(ctx: AppContext, actor: ActorContext, id: string) {
  const d = await loadDraw(ctx, actor, id, 'inspection.draw');
  if (d.status !== 'drawn') throw new AppError('inspection.draw_state', { detail: d.status === 'committed' ? '尚未抽取' : '已公开' });
  const rows = await ctx.db.select().from(inspections).where(eq(inspections.drawId, d.id));
  const caseIds = rows.map((r) => r.caseId).filter((x): x is string => !!x);
  const pubs = caseIds.length ? await ctx.db.select({ caseId: publications.caseId }).from(publications).where(inArray(publications.caseId, caseIds)) : [];
  const pending = rows.filter((r) => !pubs.some((p) => p.caseId === r.caseId));
  if (pending.length) throw new AppError('inspection.draw_state', { detail: `还有 ${pending.length} 家检查对象尚未实施检查（现场检查笔录未签署），检查前不得公开名单` });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await appendLeaf(tx, { kind: 'inspection.draw.reveal', objectType: 'inspectionDraw', objectId: d.id, agencyPath: d.agencyPath, at: now, payload: { seed: d.seed, seedHash: d.seedHash, actorId: actor.userId } });
    await tx.update(inspectionDraws).set({ status: 'published', publishedAt: now, publishedBy: actor.userId }).where(and(eq(inspectionDraws.id, d.id), eq(inspectionDraws.status, 'drawn')));
    await recordAudit(tx, { at: now, actor, action: 'inspection.draw.publish', object: { type: 'inspectionDraw', id: d.id, agencyId: d.agencyId, agencyPath: d.agencyPath } });
  });
  return getDraw(ctx, actor, d.id);
}

/** The console's view: everything but the seed until it is revealed. */
export async function getDraw(ctx: AppContext, actor: ActorContext, id: string) {
  const d = await loadDraw(ctx, actor, id, 'inspection.read');
  const rows = await ctx.db.select().from(inspections).where(eq(inspections.drawId, d.id));
  const results = await resultStates(ctx, rows);
  const [plan] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, d.planId));
  return {
    id: d.id,
    planId: d.planId,
    planTitle: plan?.title ?? '',
    roundLabel: d.roundLabel,
    status: d.status,
    algorithm: d.algorithm,
    seedHash: d.seedHash,
    seed: d.status === 'published' ? d.seed : null,
    digests: d.digests,
    quota: d.quota,
    teamSize: d.teamSize,
    commitLeaf: d.commitLeaf,
    drawLeaf: d.drawLeaf,
    committedAt: d.committedAt.toISOString(),
    drawnAt: d.drawnAt?.toISOString() ?? null,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    poolSize: d.lists.targets.length,
    inspectorCount: d.lists.inspectors.length,
    atCap: d.lists.atCap.length,
    inspections: rows.map((r) => presentInspection(r, results.get(r.id))),
    proofUrl: `/draws/${d.id}`,
  };
}

/**
 * The public view (portal): the commitment always; after publication the
 * seed, the lists and the result, which the proof page recomputes.
 */
export async function publicDraw(db: DbOrTx, id: string) {
  const [d] = await db.select().from(inspectionDraws).where(eq(inspectionDraws.id, id));
  if (!d) return null;
  const [plan] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, d.planId));
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, d.agencyId));
  const published = d.status === 'published';
  return {
    id: d.id,
    agencyId: d.agencyId,
    agencyName: agency?.name ?? '',
    planTitle: plan?.title ?? '',
    item: plan?.item ?? '',
    jointDepartments: plan?.jointDepartments ?? [],
    roundLabel: d.roundLabel,
    status: d.status,
    algorithm: d.algorithm,
    seedHash: d.seedHash,
    digests: d.digests,
    quota: d.quota,
    teamSize: d.teamSize,
    commitLeaf: d.commitLeaf,
    drawLeaf: d.drawLeaf,
    committedAt: d.committedAt.toISOString(),
    drawnAt: d.drawnAt?.toISOString() ?? null,
    poolSize: d.lists.targets.length,
    classLabels: TARGET_CLASS_LABELS,
    revealed: published
      ? {
          seed: d.seed,
          targets: d.lists.targets.map((t) => ({ key: t.key, targetClass: t.targetClass, name: t.name })),
          inspectors: d.lists.inspectors.map((i) => ({ key: i.key, name: i.name })),
          conflicts: d.lists.conflicts,
          result: d.result,
        }
      : null,
  };
}

export async function listPublicDraws(db: DbOrTx) {
  const rows = await db
    .select({ id: inspectionDraws.id, status: inspectionDraws.status, roundLabel: inspectionDraws.roundLabel, committedAt: inspectionDraws.committedAt, planTitle: inspectionPlans.title, agencyName: agencies.name })
    .from(inspectionDraws)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
    .innerJoin(agencies, eq(agencies.id, inspectionDraws.agencyId));
  return rows.sort((a, b) => b.committedAt.getTime() - a.committedAt.getTime());
}
