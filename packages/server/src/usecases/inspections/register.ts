/**
 * 涉企行政检查 registered before entry (NAT-16; INS-3 · SX25-P 10): every
 * inspection of an enterprise — random, campaign, complaint, 上级交办 — gets
 * an inspection code (a QR code for 扫码入企 where the province uses it)
 * and counts against the yearly cap. At the cap it is refused, unless a
 * lawful exception applies and the agency head approves it; the reason is
 * recorded. Each registered inspection is an inspection case (the case
 * machinery: 现场检查笔录, AV rules); signing its record starts the result's
 * publication (usecases/publications.ts); problems found open a linked
 * penalty case.
 */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { AppError, checkInspectionCap, getParam, INSPECTION_KIND_LABELS, resultDue, type CapExceptionKey, type CaseSource, type InspectionKind } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { inspectionRelations, inspections, inspectionTargets, parties, publications, type InspectionException } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { chinaDate } from '../../lib/time.js';
import { findAgency, type AgencyRow } from '../agencies.js';
import { recordAudit } from '../audit.js';
import { authorize } from '../authorize.js';
import { loadCalendar } from '../calendar.js';
import { createCase } from '../cases.js';
import { createParty } from '../parties.js';
import { capCounts } from './plans.js';
import { agencyOfficers } from './pool.js';
import { loadTarget, profileOf, readableAgency, yearOf, type TargetRow } from './common.js';

export type InspectionRow = typeof inspections.$inferSelect;

const SOURCE_OF_KIND: Record<InspectionKind, CaseSource> = { random: 'randomInspection', campaign: 'exOfficio', complaint: 'complaint', assigned: 'transfer' };

/** 行政检查码: 12 random characters (no 0/O/1/I), so that nobody can guess the code of a drawn target before the inspection (NAT-17). */
export function newInspectionCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = crypto.randomBytes(12);
  return Array.from(bytes, (b) => alphabet[b % 32]).join('');
}

export interface RegisterInput {
  targetId: string;
  kind: InspectionKind;
  plannedDate: string;
  inspectorIds: string[];
  exception?: { reason: CapExceptionKey; note: string } | undefined;
}

async function inspectorsOf(tx: Tx, agencyId: string, ids: readonly string[], date: string) {
  const officers = await agencyOfficers(tx, agencyId, date);
  const unique = [...new Set(ids)];
  const chosen = unique.map((id) => officers.find((o) => o.userId === id));
  if (chosen.some((o) => !o)) throw new AppError('validation.failed', { detail: '检查人员须为本机关的执法人员' });
  const bad = chosen.filter((o) => !o!.usable);
  if (bad.length) throw new AppError('officer.certificate_invalid', { number: bad.map((o) => o!.certificateNumber ?? '（无）').join('、'), reason: bad.map((o) => `${o!.name}：${o!.problem}`).join('；') });
  if (unique.length < 2) throw new AppError('inspection.team_too_small', { min: 2 });
  return chosen.map((o) => ({ userId: o!.userId, name: o!.name, certificateNumber: o!.certificateNumber! }));
}

/**
 * Inserts a registered (or, beyond the cap, pending) inspection inside the
 * caller's transaction; the target row is locked so two registrations
 * cannot both take the last place under the cap.
 */
export async function insertInspection(tx: Tx, agency: AgencyRow, actor: ActorContext, now: Date, t: TargetRow, input: RegisterInput & { drawId?: string; planId?: string }): Promise<InspectionRow> {
  await tx.select({ id: inspectionTargets.id }).from(inspectionTargets).where(eq(inspectionTargets.id, t.id)).for('update');
  const year = yearOf(input.plannedDate);
  const count = (await capCounts(tx, agency.id, year)).get(t.creditCode) ?? 0;
  const profile = profileOf(agency);
  const cap = getParam(profile, 'inspection.yearlyCap').value;
  let exception: InspectionException | null = null;
  let status: InspectionRow['status'] = 'registered';
  if (count >= cap) {
    if (!input.exception) throw new AppError('inspection.cap_reached', { cap, count });
    // Checked now without approval: a lawful reason is required before the head is asked.
    const lawful = getParam(profile, 'inspection.capExceptions').value;
    if (!lawful.includes(input.exception.reason)) throw new AppError('inspection.cap_exception_invalid', { reason: String(input.exception.reason) });
    if (!input.exception.note.trim()) throw new AppError('validation.failed', { detail: '超出频次上限检查须写明具体理由' });
    exception = { reason: input.exception.reason, note: input.exception.note.trim(), cap, count, requestedBy: actor.displayName, approvedBy: null, approvedByName: null, approvedAt: null };
    status = 'pendingApproval';
  } else {
    checkInspectionCap({ profile, countThisYear: count });
  }
  const team = await inspectorsOf(tx, agency.id, input.inspectorIds, input.plannedDate);
  // INS-2 · 回避: an officer who declared a relation to the enterprise does not inspect it, whatever the kind
  // (a draw has already left them out from its frozen lists, which a later declaration must not break).
  if (!input.drawId) {
    const related = await tx.select({ userId: inspectionRelations.userId }).from(inspectionRelations).where(and(eq(inspectionRelations.targetId, t.id), inArray(inspectionRelations.userId, team.map((m) => m.userId))));
    if (related.length) throw new AppError('inspection.inspector_recused', { names: team.filter((m) => related.some((r) => r.userId === m.userId)).map((m) => m.name).join('、'), target: t.name });
  }
  const [row] = await tx
    .insert(inspections)
    .values({
      id: newId(),
      agencyId: agency.id,
      agencyPath: agency.path,
      code: newInspectionCode(),
      kind: input.kind,
      targetId: t.id,
      creditCode: t.creditCode,
      targetName: t.name,
      year,
      plannedDate: input.plannedDate,
      status,
      inspectors: team,
      drawId: input.drawId ?? null,
      planId: input.planId ?? null,
      exception,
      caseId: null,
      penaltyCaseId: null,
      registeredAt: now,
      registeredBy: actor.userId,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, { at: now, actor, action: status === 'registered' ? 'inspection.register' : 'inspection.requestException', object: { type: 'inspection', id: row!.id, agencyId: agency.id, agencyPath: agency.path }, detail: { kind: input.kind, creditCode: t.creditCode, count, cap, ...(exception ? { exception: exception.reason } : {}) } });
  return row!;
}

/** The inspection case (REC-3) for a registered inspection, with the enterprise as party and the team as handlers. */
export async function openInspectionCase(ctx: AppContext, actor: ActorContext, i: InspectionRow): Promise<string> {
  if (i.caseId) return i.caseId;
  const t = (await ctx.db.select().from(inspectionTargets).where(eq(inspectionTargets.id, i.targetId)))[0]!;
  const [existing] = await ctx.db.select().from(parties).where(and(eq(parties.agencyId, i.agencyId), eq(parties.creditCode, t.creditCode)));
  const party = existing ?? (await createParty(ctx, actor, { kind: 'organisation', name: t.name, creditCode: t.creditCode, address: t.address || '（名录未登记地址）', legalRepresentative: { name: t.legalRepresentative || '未登记' } }));
  const c = await createCase(ctx, actor, { actionType: 'inspection', source: SOURCE_OF_KIND[i.kind], title: `${t.name}${INSPECTION_KIND_LABELS[i.kind]}`, partyId: party.id, handlerIds: i.inspectors.map((x) => x.userId) });
  await ctx.db.update(inspections).set({ caseId: c.id, updatedAt: ctx.clock.now() }).where(eq(inspections.id, i.id));
  return c.id;
}

export async function registerInspection(ctx: AppContext, actor: ActorContext, input: RegisterInput) {
  const t = await loadTarget(ctx.db, actor, input.targetId, 'inspection.register');
  if (input.kind === 'random') throw new AppError('validation.failed', { detail: '“双随机”抽查由抽取结果自动登记' });
  const agency = (await findAgency(ctx.db, t.agencyId))!;
  const now = ctx.clock.now();
  if (input.plannedDate < chinaDate(now)) throw new AppError('validation.failed', { detail: '须在入企检查前登记，计划检查日期不能早于今天' });
  const row = await ctx.db.transaction((tx) => insertInspection(tx, agency, actor, now, t, input));
  if (row.status === 'registered') await openInspectionCase(ctx, actor, row);
  return getInspection(ctx, actor, row.id);
}

/** NAT-16: the agency head approves (or refuses) an inspection beyond the cap; the reason stays recorded. */
export async function decideException(ctx: AppContext, actor: ActorContext, id: string, input: { approve: boolean; comment: string }) {
  const i = await loadInspection(ctx, actor, id, 'inspection.approve');
  if (i.status !== 'pendingApproval' || !i.exception) throw new AppError('inspection.not_registered', { detail: '该检查不在待批准状态' });
  const now = ctx.clock.now();
  const agency = (await findAgency(ctx.db, i.agencyId))!;
  const exception: InspectionException = input.approve
    ? { ...i.exception, approvedBy: actor.userId, approvedByName: actor.displayName, approvedAt: now.toISOString() }
    : { ...i.exception, refusedComment: input.comment };
  if (input.approve) {
    // The pure rule again, now with the approval: reason lawful, approved, recorded.
    const count = (await capCounts(ctx.db, agency.id, i.year)).get(i.creditCode) ?? 0;
    checkInspectionCap({ profile: profileOf(agency), countThisYear: count, exception: { reason: i.exception.reason, approvedBy: actor.userId, note: i.exception.note } });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(inspections).set({ status: input.approve ? 'registered' : 'refused', exception, updatedAt: now }).where(eq(inspections.id, i.id));
    await recordAudit(tx, { at: now, actor, action: input.approve ? 'inspection.approveException' : 'inspection.refuseException', object: { type: 'inspection', id: i.id, agencyId: i.agencyId, agencyPath: i.agencyPath }, detail: { reason: i.exception!.reason, comment: input.comment } });
  });
  if (input.approve) {
    const [row] = await ctx.db.select().from(inspections).where(eq(inspections.id, i.id));
    // The case is opened in the name of the officer who registered it (the head is not a handler).
    const registrar = await import('../auth.js').then((m) => m.loadActor(ctx, row!.registeredBy, actor.ip));
    await openInspectionCase(ctx, registrar ?? actor, row!);
  }
  return getInspection(ctx, actor, i.id);
}

/** Problems found: a penalty case for the same enterprise, handled by the same team, linked both ways. */
export async function openPenaltyCase(ctx: AppContext, actor: ActorContext, id: string, input: { title: string }) {
  const i = await loadInspection(ctx, actor, id, 'inspection.register');
  if (!i.caseId) throw new AppError('inspection.not_registered', { detail: '检查尚未立案' });
  if (i.penaltyCaseId) throw new AppError('conflict', { detail: '已就该检查发现的问题立案' });
  const [pub] = await ctx.db.select().from(publications).where(eq(publications.caseId, i.caseId));
  if (!pub) throw new AppError('inspection.not_registered', { detail: '现场检查笔录签署后方可就发现的问题立案' });
  const [inspCase] = await import('../../db/schema.js').then((m) => ctx.db.select().from(m.cases).where(eq(m.cases.id, i.caseId!)));
  const c = await createCase(ctx, actor, { actionType: 'penalty', source: SOURCE_OF_KIND[i.kind], title: input.title, ...(inspCase?.partyId ? { partyId: inspCase.partyId } : {}), handlerIds: i.inspectors.map((x) => x.userId), discoveryDate: pub.decisionDate });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(inspections).set({ penaltyCaseId: c.id, updatedAt: now }).where(eq(inspections.id, i.id));
    await recordAudit(tx, { at: now, actor, action: 'inspection.penaltyCase', object: { type: 'inspection', id: i.id, agencyId: i.agencyId, agencyPath: i.agencyPath }, detail: { caseId: c.id } });
  });
  return getInspection(ctx, actor, i.id);
}

export async function loadInspection(ctx: AppContext, actor: ActorContext, id: string, action: 'inspection.read' | 'inspection.register' | 'inspection.approve') {
  const [i] = await ctx.db.select().from(inspections).where(eq(inspections.id, id));
  if (!i) throw new AppError('not_found');
  authorize(actor, action, i, 'inspection.read');
  return i;
}

export interface ResultState {
  /** The 现场检查笔录 signed (the inspection took place): the day of the inspection. */
  inspectedOn: string | null;
  /** NAT-17: publish by this day (20 working days). */
  publishBy: string | null;
  publicationId: string | null;
  publicationStatus: string | null;
  published: boolean;
  overdue: boolean;
}

export async function resultStates(ctx: AppContext, rows: readonly InspectionRow[]): Promise<Map<string, ResultState>> {
  const caseIds = rows.map((r) => r.caseId).filter((x): x is string => !!x);
  const pubs = caseIds.length ? await ctx.db.select().from(publications).where(inArray(publications.caseId, caseIds)).orderBy(desc(publications.createdAt)) : [];
  const calendar = await loadCalendar(ctx.db);
  const today = chinaDate(ctx.clock.now());
  const agencies = new Map<string, AgencyRow>();
  const out = new Map<string, ResultState>();
  for (const r of rows) {
    const p = pubs.find((x) => x.caseId === r.caseId);
    if (!p) {
      out.set(r.id, { inspectedOn: null, publishBy: null, publicationId: null, publicationStatus: null, published: false, overdue: false });
      continue;
    }
    if (!agencies.has(r.agencyId)) agencies.set(r.agencyId, (await findAgency(ctx.db, r.agencyId))!);
    const due = resultDue(profileOf(agencies.get(r.agencyId)!), calendar, p.decisionDate).due;
    const published = p.firstPublishedOn !== null;
    out.set(r.id, { inspectedOn: p.decisionDate, publishBy: due, publicationId: p.id, publicationStatus: p.status, published, overdue: !published && today > due });
  }
  return out;
}

export function presentInspection(i: InspectionRow, result: ResultState | undefined) {
  return {
    id: i.id,
    agencyId: i.agencyId,
    code: i.code,
    kind: i.kind,
    targetId: i.targetId,
    creditCode: i.creditCode,
    targetName: i.targetName,
    year: i.year,
    plannedDate: i.plannedDate,
    status: i.status,
    inspectors: i.inspectors,
    drawId: i.drawId,
    planId: i.planId,
    exception: i.exception,
    caseId: i.caseId,
    penaltyCaseId: i.penaltyCaseId,
    registeredAt: i.registeredAt.toISOString(),
    result: result ?? null,
  };
}

/** `base`: the portal's address as the request saw it (the QR code must carry an absolute URL). */
export async function getInspection(ctx: AppContext, actor: ActorContext, id: string, base = ctx.config.publicUrl?.replace(/\/+$/, '') ?? '') {
  const i = await loadInspection(ctx, actor, id, 'inspection.read');
  const agency = (await findAgency(ctx.db, i.agencyId))!;
  const qr = getParam(profileOf(agency), 'inspection.qrCode').value;
  const url = `${base}/inspection-code/${i.code}`;
  return {
    ...presentInspection(i, (await resultStates(ctx, [i])).get(i.id)),
    codeUrl: url,
    // 扫码入企 where the province uses it (NAT-16).
    qrSvg: qr && i.status === 'registered' ? await QRCode.toString(url, { type: 'svg', margin: 1 }) : null,
  };
}

export async function listInspections(ctx: AppContext, actor: ActorContext, q: { agencyId?: string | undefined; drawId?: string | undefined; targetId?: string | undefined }) {
  const agency = await readableAgency(ctx, actor, q.agencyId);
  const conds = [eq(inspections.agencyId, agency.id)];
  if (q.drawId) conds.push(eq(inspections.drawId, q.drawId));
  if (q.targetId) conds.push(eq(inspections.targetId, q.targetId));
  const rows = await ctx.db.select().from(inspections).where(and(...conds)).orderBy(desc(inspections.registeredAt));
  const results = await resultStates(ctx, rows);
  const cap = getParam(profileOf(agency), 'inspection.yearlyCap').value;
  return { cap, items: rows.map((r) => presentInspection(r, results.get(r.id))) };
}
