/**
 * The public's requests about published information: corrections (PUB-9 ·
 * SX25-P 23, SX19-P 18, GS-P 17) and complaints (PUB-10 · SX25-P 24,
 * SX19-P 19). Filed on the portal without an account; the requester gets a
 * tracking code to follow the answer. The deadlines come from the profile
 * (correctionSchedule: GS-P 17 verify in 10 working days, then correct or
 * refuse in 3); other profiles set none and the queue shows no due date.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { AppError, correctionSchedule, dueStatus, resolveProfile } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { agencies, publicRequestEvents, publicRequests, publications, type PublicRequestKind, type PublicRequestStatus } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { publicTextSources, redactForPublic } from './public-text/gate.js';
import { authorize, scopeWhere } from './authorize.js';
import { loadCalendar } from './calendar.js';

export type PublicRequestRow = typeof publicRequests.$inferSelect;

export const PUBLIC_REQUEST_STATUS_LABELS: Record<PublicRequestStatus, string> = {
  received: '已受理，正在核实',
  verified: '已核实，待答复',
  corrected: '已更正并告知',
  refused: '不予更正，已告知理由和救济途径',
  forwarded: '已转送有权机关处理',
  answered: '已答复',
};

export const PUBLIC_REQUEST_KIND_LABELS: Record<PublicRequestKind, string> = { correction: '更正申请', complaint: '投诉举报' };

export interface NewPublicRequest {
  kind: PublicRequestKind;
  publicationId?: string | undefined;
  agencyId?: string | undefined;
  requesterName: string;
  requesterContact: string;
  content: string;
  evidence?: string | undefined;
}

/** A short code the requester keeps (no personal data in it): 10 characters without look-alikes. */
function trackingCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(10);
  return Array.from(bytes.subarray(0, 10), (b) => alphabet[b % alphabet.length]).join('');
}

/** PUB-9, PUB-10: file a request from the portal. Returns the tracking code. */
export async function createPublicRequest(ctx: AppContext, input: NewPublicRequest, ip = ''): Promise<PublicRequestRow> {
  const missing: string[] = [];
  if (!input.requesterName.trim()) missing.push('申请人姓名或名称');
  if (!input.requesterContact.trim()) missing.push('联系方式');
  if (!input.content.trim()) missing.push(input.kind === 'correction' ? '需要更正的内容及理由' : '投诉内容');
  if (input.kind === 'correction' && !input.publicationId) missing.push('所涉公示信息');
  if (input.content.length > 5000 || (input.evidence ?? '').length > 5000) missing.push('内容不超过5000字');
  if (missing.length) throw new AppError('public_request.invalid', { detail: missing.join('、') });
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let agencyId = input.agencyId;
  let agencyPath = '';
  if (input.publicationId) {
    const [p] = await ctx.db.select().from(publications).where(eq(publications.id, input.publicationId));
    // Only what the public can see can be the object of a request.
    const visible = p && ((p.online && (!p.removeBy || p.removeBy >= today)) || p.status === 'withdrawn');
    if (!p || !visible) throw new AppError('public_request.invalid', { detail: '所涉公示信息不存在或已撤下' });
    agencyId = p.agencyId;
    agencyPath = p.agencyPath;
  }
  if (!agencyId) throw new AppError('public_request.invalid', { detail: '受理机关' });
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new AppError('public_request.invalid', { detail: '受理机关不存在' });
  agencyPath ||= agency.path;
  const schedule = input.kind === 'correction' ? correctionSchedule({ profile: resolveProfile(agency.profileId, agency.profileOverrides), calendar: await loadCalendar(ctx.db), requestedOn: today }) : null;
  const row: PublicRequestRow = {
    id: newId(),
    kind: input.kind,
    trackingCode: trackingCode(),
    publicationId: input.publicationId ?? null,
    agencyId,
    agencyPath,
    requesterName: input.requesterName.trim(),
    requesterContact: input.requesterContact.trim(),
    content: input.content.trim(),
    evidence: (input.evidence ?? '').trim(),
    receivedAt: now,
    receivedOn: today,
    verifyBy: schedule?.verifyBy ?? null,
    verifiedOn: null,
    verifiedTrue: null,
    respondBy: schedule?.respondBy ?? null,
    status: 'received',
    response: '',
    respondedOn: null,
    updatedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(publicRequests).values(row);
    await requestEvent(tx, row, null, now, 'receive', 'received', '', schedule ? { basis: schedule.basis } : {});
    await recordAudit(tx, { at: now, actor: null, action: `publicRequest.receive`, object: { type: 'publicRequest', id: row.id, agencyId, agencyPath }, ip, detail: { kind: row.kind } });
  });
  return row;
}

async function requestEvent(tx: Tx, r: PublicRequestRow, actor: ActorContext | null, at: Date, kind: string, to: PublicRequestStatus, comment: string, detail: Record<string, unknown> = {}) {
  await tx.insert(publicRequestEvents).values({ requestId: r.id, kind, toStatus: to, comment, detail, actorId: actor?.userId ?? null, actorName: actor?.displayName ?? '公众', at });
}

/** The requester's view, by tracking code: status and the answer, nothing about other requests. */
export async function publicRequestStatus(ctx: AppContext, code: string) {
  const [r] = await ctx.db.select().from(publicRequests).where(eq(publicRequests.trackingCode, code.trim().toUpperCase()));
  if (!r) return null;
  return { kind: r.kind, kindLabel: PUBLIC_REQUEST_KIND_LABELS[r.kind], status: r.status, statusLabel: PUBLIC_REQUEST_STATUS_LABELS[r.status], receivedOn: r.receivedOn, verifyBy: r.verifyBy, respondBy: r.respondBy, response: r.response, respondedOn: r.respondedOn };
}

/** The inbox of the publishing agency (and the city's, for its branches). */
export async function listPublicRequests(ctx: AppContext, actor: ActorContext, f: { status?: 'open' | PublicRequestStatus | undefined; kind?: PublicRequestKind | undefined }) {
  const conds: SQL[] = [scopeWhere(actor, 'publication.read', publicRequests.agencyPath)];
  if (f.status === 'open') conds.push(inArray(publicRequests.status, ['received', 'verified']));
  else if (f.status) conds.push(eq(publicRequests.status, f.status));
  if (f.kind) conds.push(eq(publicRequests.kind, f.kind));
  const rows = await ctx.db.select().from(publicRequests).where(and(...conds)).orderBy(desc(publicRequests.receivedAt), asc(publicRequests.id)).limit(200);
  const calendar = await loadCalendar(ctx.db);
  const today = chinaDate(ctx.clock.now());
  return rows.map((r) => ({ ...present(r), due: dueOfRequest(r, today, calendar) }));
}

function dueOfRequest(r: PublicRequestRow, today: string, calendar: Awaited<ReturnType<typeof loadCalendar>>) {
  if (r.status === 'received' && r.verifyBy) return { date: r.verifyBy, status: dueStatus(r.verifyBy, today, 3, calendar), label: '核实期限' };
  if (r.status === 'verified' && r.respondBy) return { date: r.respondBy, status: dueStatus(r.respondBy, today, 1, calendar), label: '答复期限' };
  return null;
}

function present(r: PublicRequestRow) {
  return { ...r, kindLabel: PUBLIC_REQUEST_KIND_LABELS[r.kind], statusLabel: PUBLIC_REQUEST_STATUS_LABELS[r.status] };
}

export async function getPublicRequest(ctx: AppContext, actor: ActorContext, id: string) {
  const [r] = await ctx.db.select().from(publicRequests).where(eq(publicRequests.id, id));
  if (!r) throw new AppError('not_found');
  authorize(actor, 'publication.read', r, 'publication.read');
  const events = await ctx.db.select().from(publicRequestEvents).where(eq(publicRequestEvents.requestId, r.id)).orderBy(asc(publicRequestEvents.id));
  const calendar = await loadCalendar(ctx.db);
  return { request: { ...present(r), due: dueOfRequest(r, chinaDate(ctx.clock.now()), calendar) }, events };
}

/** PUB-9 · GS-P 17: the verification (核实), which starts the response limit. */
export async function verifyPublicRequest(ctx: AppContext, actor: ActorContext, id: string, input: { verifiedTrue: boolean; note: string }) {
  return handle(ctx, actor, id, async (tx, r, now, agencyProfile) => {
    if (r.kind !== 'correction' || r.status !== 'received') throw new AppError('public_request.transition_invalid', { detail: '只有已受理、尚未核实的更正申请可以登记核实结果' });
    if (!input.note.trim()) throw new AppError('public_request.invalid', { detail: '核实情况' });
    const today = chinaDate(now);
    const schedule = correctionSchedule({ profile: agencyProfile, calendar: await loadCalendar(tx), requestedOn: r.receivedOn, verifiedOn: today });
    await tx.update(publicRequests).set({ status: 'verified', verifiedOn: today, verifiedTrue: input.verifiedTrue, respondBy: schedule.respondBy, updatedAt: now }).where(eq(publicRequests.id, r.id));
    await requestEvent(tx, r, actor, now, 'verify', 'verified', input.note.trim(), { verifiedTrue: input.verifiedTrue, respondBy: schedule.respondBy });
  });
}

/**
 * PUB-9, PUB-10: the answer. 'corrected' (the correction itself is a new
 * version of the publication, approved like any other), 'refused' (with
 * reasons and remedies), 'forwarded' (to the competent body), 'answered'
 * (a complaint).
 */
export async function respondPublicRequest(ctx: AppContext, actor: ActorContext, id: string, input: { outcome: 'corrected' | 'refused' | 'forwarded' | 'answered'; response: string }) {
  return handle(ctx, actor, id, async (tx, r, now) => {
    const open = r.kind === 'correction' ? r.status === 'verified' || (r.status === 'received' && input.outcome === 'forwarded') : r.status === 'received';
    if (!open) throw new AppError('public_request.transition_invalid', { detail: r.kind === 'correction' ? '更正申请须先登记核实结果，才能答复' : '该投诉已答复' });
    if (r.kind === 'complaint' && input.outcome !== 'answered' && input.outcome !== 'forwarded') throw new AppError('public_request.invalid', { detail: '投诉的处理结果应为“已答复”或“已转送”' });
    if (r.kind === 'correction' && input.outcome === 'answered') throw new AppError('public_request.invalid', { detail: '更正申请的处理结果应为更正、不予更正或转送' });
    if (!input.response.trim()) throw new AppError('public_request.invalid', { detail: '答复内容' });
    // GS-P 17: a refusal states the reasons and the remedies.
    if (input.outcome === 'refused' && !/复议|诉讼|救济/.test(input.response)) throw new AppError('public_request.invalid', { detail: '不予更正的，答复中须说明理由和救济途径（行政复议、行政诉讼）' });
    if (input.outcome === 'corrected' && r.publicationId) {
      const [p] = await tx.select().from(publications).where(eq(publications.id, r.publicationId));
      const corrected = (p?.publicContent?.corrections ?? []).some((c) => c.on >= r.receivedOn);
      if (!corrected) throw new AppError('public_request.transition_invalid', { detail: '公示信息尚未完成更正（更正后的版本须经审核后公示）' });
    }
    const today = chinaDate(now);
    // issue 13 item 1: the answer is shown on the portal (by tracking code): through the redaction gate
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, r.agencyId));
    const [pub] = r.publicationId ? await tx.select().from(publications).where(eq(publications.id, r.publicationId)) : [];
    const sources = await publicTextSources(tx, { caseId: pub?.caseId ?? null, agency: agency!, ...(pub ? { agencyName: pub.agencyName, decisionNumber: pub.decisionNumber } : {}) });
    const answer = redactForPublic('requestAnswer', 'response', input.response.trim(), sources);
    await tx.update(publicRequests).set({ status: input.outcome, response: answer.text, respondedOn: today, updatedAt: now }).where(eq(publicRequests.id, r.id));
    await requestEvent(tx, r, actor, now, 'respond', input.outcome, input.response.trim(), { onTime: r.respondBy ? today <= r.respondBy : null, masks: answer.masks.length });
  });
}

async function handle(ctx: AppContext, actor: ActorContext, id: string, body: (tx: Tx, r: PublicRequestRow, now: Date, profile: ReturnType<typeof resolveProfile>) => Promise<void>) {
  const now = ctx.clock.now();
  const [before] = await ctx.db.select().from(publicRequests).where(eq(publicRequests.id, id));
  if (!before) throw new AppError('not_found');
  authorize(actor, 'publicRequest.handle', before, 'publication.read');
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(publicRequests).where(eq(publicRequests.id, id)).for('update');
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, r!.agencyId));
    await body(tx, r!, now, resolveProfile(agency!.profileId, agency!.profileOverrides));
    await recordAudit(tx, { at: now, actor, action: 'publicRequest.handle', object: { type: 'publicRequest', id: r!.id, agencyId: r!.agencyId, agencyPath: r!.agencyPath } });
  });
  return getPublicRequest(ctx, actor, id);
}
