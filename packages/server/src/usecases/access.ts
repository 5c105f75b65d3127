/**
 * Access requests (REC-20, REC-21): records and media are never public. A
 * party (SX25-R 21; GS-R 45), a court, procuratorate or the police (XX-R 18),
 * a supervisory body or another internal unit asks with a reason; staff
 * register the request; the agency head approves it, limited in time and in
 * scope (which files; whether a copy may be made). Each request and decision
 * is an append-only row, an audit event and a Merkle-log leaf.
 *
 * An internal requester uses its own session within the window; an external
 * requester gets an access link (a random token shown once, kept as its
 * SHA-256) that works only within the window. The head may withdraw a grant
 * before its window ends (a revocation: append-only row, audit event, leaf);
 * from then on neither the link nor tickets issued under it work.
 */
import crypto from 'node:crypto';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AppError, allows } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { accessDecisions, accessRequests, accessRevocations, cases, mediaFiles, type RequesterKind } from '../db/schema.js';
import { newId, sha256Hex } from '../lib/ids.js';
import { recordAudit } from './audit.js';
import { authorize, relationTo, scopeWhere } from './authorize.js';
import { loadReadableCase } from './cases.js';
import { appendLeaf } from './integrity-log.js';
import { sealWhere } from './integrity-seal/seal.js';
import { disposedIds } from './media-retention-state.js';

export const REQUESTER_KIND_LABELS: Record<RequesterKind, string> = {
  party: '当事人',
  court: '人民法院',
  procuratorate: '人民检察院',
  police: '公安机关',
  supervisoryBody: '监督机关',
  internalUnit: '本机关其他内设机构',
};
export const REQUESTER_KINDS = Object.keys(REQUESTER_KIND_LABELS) as RequesterKind[];

/** Longest window a head may grant at once. */
export const MAX_ACCESS_DAYS = 90;

export type RequestRow = typeof accessRequests.$inferSelect;
export type DecisionRow = typeof accessDecisions.$inferSelect;
export type RevocationRow = typeof accessRevocations.$inferSelect;

export interface AccessRequestInput {
  caseId: string;
  /** Empty or absent: every media file of the case. */
  mediaIds?: string[] | undefined;
  requesterKind: RequesterKind;
  requesterName?: string | undefined;
  requesterOrg?: string | undefined;
  reason: string;
  wantsCopy?: boolean | undefined;
  requestedFrom?: string | undefined;
  requestedUntil?: string | undefined;
}

function statusOf(d: DecisionRow | undefined, v?: RevocationRow): 'pending' | 'approved' | 'rejected' | 'revoked' {
  return !d ? 'pending' : !d.approved ? 'rejected' : v ? 'revoked' : 'approved';
}

const STATUS_LABELS = { pending: '待审批', approved: '已批准', rejected: '未批准', revoked: '已撤销' } as const;

export function presentAccessRequest(r: RequestRow, d: DecisionRow | undefined, actor: ActorContext | null, now: Date, v?: RevocationRow) {
  const status = statusOf(d, v);
  const active = status === 'approved' && !!d?.validFrom && !!d.validUntil && d.validFrom <= now && now <= d.validUntil;
  const expired = status === 'approved' && !!d?.validUntil && d.validUntil < now;
  return {
    id: r.id,
    caseId: r.caseId,
    mediaIds: r.mediaIds,
    requesterKind: r.requesterKind,
    requesterKindLabel: REQUESTER_KIND_LABELS[r.requesterKind],
    requesterName: r.requesterName,
    requesterOrg: r.requesterOrg,
    requesterUserId: r.requesterUserId,
    external: r.requesterKind !== 'internalUnit',
    reason: r.reason,
    wantsCopy: r.wantsCopy,
    requestedFrom: r.requestedFrom?.toISOString() ?? null,
    requestedUntil: r.requestedUntil?.toISOString() ?? null,
    createdBy: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    status,
    statusLabel: STATUS_LABELS[status],
    active,
    decision: d
      ? { approved: d.approved, validFrom: d.validFrom?.toISOString() ?? null, validUntil: d.validUntil?.toISOString() ?? null, copyAllowed: d.copyAllowed, comment: d.comment, by: d.decidedByName, at: d.decidedAt.toISOString() }
      : null,
    revocation: v ? { reason: v.reason, by: v.revokedByName, at: v.revokedAt.toISOString() } : null,
    abilities: actor
      ? {
          decide: status === 'pending' && allows(actor, 'access.approve', relationTo(actor, r)),
          revoke: status === 'approved' && !expired && allows(actor, 'access.revoke', relationTo(actor, r)),
        }
      : { decide: false, revoke: false },
  };
}

function invalid(detail: string) {
  return new AppError('access.request_invalid', { detail });
}

function optionalDate(s: string | undefined, what: string): Date | null {
  if (!s) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw invalid(`${what}格式有误`);
  return d;
}

/** REC-20: registers a request with its reason; an internal requester asks for itself. */
export async function createAccessRequest(ctx: AppContext, actor: ActorContext, input: AccessRequestInput) {
  const now = ctx.clock.now();
  const c = await loadReadableCase(ctx, actor, input.caseId);
  authorize(actor, 'access.request', c, 'case.read');
  const internal = input.requesterKind === 'internalUnit';
  const name = internal ? actor.displayName : (input.requesterName ?? '').trim();
  const org = internal ? actor.agencyName : (input.requesterOrg ?? '').trim();
  if (!name) throw invalid('须写明申请人姓名或名称');
  if (['court', 'procuratorate', 'police', 'supervisoryBody'].includes(input.requesterKind) && !org) throw invalid('须写明申请机关名称（XX-R 第十八条）');
  // REC-20 · XX-R 18: the request states its reason.
  if (input.reason.trim().length < 4) throw invalid('须写明查阅理由（XX-R 第十八条）');
  const mediaIds = [...new Set(input.mediaIds ?? [])];
  if (mediaIds.length) {
    const rows = await ctx.db.select({ id: mediaFiles.id }).from(mediaFiles).where(and(eq(mediaFiles.caseId, c.id), inArray(mediaFiles.id, mediaIds)));
    if (rows.length !== mediaIds.length) throw invalid('查阅范围须为本案音像记录');
    // REC-18: a file disposed of after its retention can no longer be viewed.
    if ((await disposedIds(ctx.db, mediaIds)).size) throw invalid('所选音像记录已依批准销毁，不能查阅');
  }
  const from = optionalDate(input.requestedFrom, '申请查阅起始时间');
  const until = optionalDate(input.requestedUntil, '申请查阅截止时间');
  if (from && until && until <= from) throw invalid('截止时间须晚于起始时间');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(accessRequests).values({
      id,
      caseId: c.id,
      agencyId: c.agencyId,
      agencyPath: c.agencyPath,
      mediaIds: mediaIds.length ? mediaIds : null,
      requesterKind: input.requesterKind,
      requesterName: name,
      requesterOrg: org,
      requesterUserId: internal ? actor.userId : null,
      reason: input.reason.trim(),
      wantsCopy: input.wantsCopy === true,
      requestedFrom: from,
      requestedUntil: until,
      createdBy: actor.userId,
      createdByName: actor.displayName,
      createdAt: now,
    });
    await sealWhere(tx, 'access_requests', eq(accessRequests.id, id), { at: now, caseId: c.id, agencyPath: c.agencyPath }); // REC-20: requester and reason sealed
    const object = { type: 'accessRequest', id, agencyId: c.agencyId, agencyPath: c.agencyPath };
    await recordAudit(tx, { at: now, actor, action: 'access.request', object, detail: { caseId: c.id, requesterKind: input.requesterKind, requesterName: name, reason: input.reason.trim(), wantsCopy: input.wantsCopy === true, mediaIds } });
    await appendLeaf(tx, { kind: 'access.request', objectType: 'accessRequest', objectId: id, caseId: c.id, agencyPath: c.agencyPath, at: now, payload: { requesterKind: input.requesterKind, mediaIds, wantsCopy: input.wantsCopy === true, by: actor.userId } });
  });
  const [row] = await ctx.db.select().from(accessRequests).where(eq(accessRequests.id, id));
  return presentAccessRequest(row!, undefined, actor, now);
}

export interface FoundRequest {
  request: RequestRow;
  decision: DecisionRow | undefined;
  revocation?: RevocationRow | undefined;
}

export async function findAccessRequest(db: DbOrTx, id: string): Promise<FoundRequest | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const [r] = await db.select().from(accessRequests).where(eq(accessRequests.id, id));
  if (!r) return undefined;
  const [d] = await db.select().from(accessDecisions).where(eq(accessDecisions.requestId, id));
  const [v] = await db.select().from(accessRevocations).where(eq(accessRevocations.requestId, id));
  return { request: r, decision: d, revocation: v };
}

export interface AccessDecisionInput {
  approved: boolean;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  copyAllowed?: boolean | undefined;
  comment?: string | undefined;
}

/**
 * REC-20 · SX25-R 21, XX-R 18: the agency head approves (or refuses), once;
 * an approval sets the window and whether a copy may be made. An external
 * requester's access link is returned here and never again.
 */
export async function decideAccessRequest(ctx: AppContext, actor: ActorContext, id: string, input: AccessDecisionInput) {
  const now = ctx.clock.now();
  const found = await findAccessRequest(ctx.db, id);
  if (!found) throw new AppError('not_found');
  const { request: r } = found;
  await loadReadableCase(ctx, actor, r.caseId);
  authorize(actor, 'access.approve', r, 'case.read');
  if (found.decision) throw new AppError('access.decided', { status: STATUS_LABELS[statusOf(found.decision)] });
  let validFrom: Date | null = null;
  let validUntil: Date | null = null;
  let copyAllowed = false;
  let token: string | null = null;
  if (input.approved) {
    validFrom = optionalDate(input.validFrom, '查阅起始时间') ?? now;
    validUntil = optionalDate(input.validUntil, '查阅截止时间');
    if (!validUntil) throw invalid('批准查阅须确定截止时间');
    if (validUntil <= validFrom) throw invalid('截止时间须晚于起始时间');
    if (validUntil <= now) throw invalid('截止时间已过');
    if (validUntil.getTime() - validFrom.getTime() > MAX_ACCESS_DAYS * 86_400_000) throw invalid(`单次批准的查阅期限不超过 ${MAX_ACCESS_DAYS} 日`);
    copyAllowed = input.copyAllowed === true;
    if (copyAllowed && !r.wantsCopy) throw invalid('申请未要求复制，不能批准复制');
    if (r.requesterKind !== 'internalUnit') token = crypto.randomBytes(24).toString('base64url');
  }
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(accessDecisions).values({
        requestId: r.id,
        approved: input.approved,
        validFrom,
        validUntil,
        copyAllowed,
        comment: input.comment?.trim() ?? '',
        tokenHash: token ? sha256Hex(token) : null,
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
        decidedAt: now,
      });
      await sealWhere(tx, 'access_decisions', eq(accessDecisions.requestId, r.id), { at: now, caseId: r.caseId, agencyPath: r.agencyPath });
      const object = { type: 'accessRequest', id: r.id, agencyId: r.agencyId, agencyPath: r.agencyPath };
      const facts = { approved: input.approved, validFrom: validFrom?.toISOString() ?? null, validUntil: validUntil?.toISOString() ?? null, copyAllowed };
      await recordAudit(tx, { at: now, actor, action: 'access.decide', object, detail: { caseId: r.caseId, ...facts } });
      // DESIGN §6: every access decision is a leaf.
      await appendLeaf(tx, { kind: 'access.decision', objectType: 'accessRequest', objectId: r.id, caseId: r.caseId, agencyPath: r.agencyPath, at: now, payload: { ...facts, by: actor.userId } });
    });
  } catch (e) {
    const again = await findAccessRequest(ctx.db, id);
    if (again?.decision) throw new AppError('access.decided', { status: STATUS_LABELS[statusOf(again.decision)] });
    throw e;
  }
  const after = (await findAccessRequest(ctx.db, id))!;
  return { request: presentAccessRequest(after.request, after.decision, actor, now), ...(token ? { accessToken: token, accessPath: `/console/access/${token}` } : {}) };
}

/**
 * REC-20: the head withdraws an approved grant before its window ends (the
 * need is gone, the requester misused it, the link leaked). The link and every
 * ticket issued under the grant stop working at once.
 */
export async function revokeAccessRequest(ctx: AppContext, actor: ActorContext, id: string, input: { reason: string }) {
  const now = ctx.clock.now();
  const found = await findAccessRequest(ctx.db, id);
  if (!found) throw new AppError('not_found');
  const { request: r, decision: d } = found;
  await loadReadableCase(ctx, actor, r.caseId);
  authorize(actor, 'access.revoke', r, 'case.read');
  const reason = input.reason.trim();
  if (reason.length < 4) throw new AppError('access.revoke_invalid', { detail: '须写明撤销理由' });
  if (!d || !d.approved) throw new AppError('access.revoke_invalid', { detail: `申请${STATUS_LABELS[statusOf(d)]}，无可撤销的批准` });
  if (found.revocation) throw new AppError('access.revoke_invalid', { detail: `已于 ${fmt(found.revocation.revokedAt)} 撤销` });
  if (d.validUntil && d.validUntil < now) throw new AppError('access.revoke_invalid', { detail: '查阅期限已届满' });
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(accessRevocations).values({ requestId: r.id, reason, revokedBy: actor.userId, revokedByName: actor.displayName, revokedAt: now });
      await sealWhere(tx, 'access_revocations', eq(accessRevocations.requestId, r.id), { at: now, caseId: r.caseId, agencyPath: r.agencyPath });
      const object = { type: 'accessRequest', id: r.id, agencyId: r.agencyId, agencyPath: r.agencyPath };
      await recordAudit(tx, { at: now, actor, action: 'access.revoke', object, detail: { caseId: r.caseId, reason } });
      // DESIGN §6: an access decision, sealed like the grant it withdraws.
      await appendLeaf(tx, { kind: 'access.revocation', objectType: 'accessRequest', objectId: r.id, caseId: r.caseId, agencyPath: r.agencyPath, at: now, payload: { reason, by: actor.userId } });
    });
  } catch (e) {
    const again = await findAccessRequest(ctx.db, id);
    if (again?.revocation) throw new AppError('access.revoke_invalid', { detail: `已于 ${fmt(again.revocation.revokedAt)} 撤销` });
    throw e;
  }
  const after = (await findAccessRequest(ctx.db, id))!;
  return { request: presentAccessRequest(after.request, after.decision, actor, now, after.revocation) };
}

export interface AccessListFilter {
  caseId?: string | undefined;
  status?: 'pending' | 'approved' | 'rejected' | 'revoked' | undefined;
}

/** Requests on cases the actor may read, and the actor's own. */
export async function listAccessRequests(ctx: AppContext, actor: ActorContext, f: AccessListFilter) {
  const now = ctx.clock.now();
  const conds: SQL[] = [or(scopeWhere(actor, 'case.read', accessRequests.agencyPath), eq(accessRequests.requesterUserId, actor.userId), eq(accessRequests.createdBy, actor.userId))!];
  if (f.caseId) conds.push(eq(accessRequests.caseId, f.caseId));
  if (f.status === 'pending') conds.push(sql`${accessDecisions.requestId} IS NULL`);
  if (f.status === 'approved') conds.push(eq(accessDecisions.approved, true), sql`${accessRevocations.requestId} IS NULL`);
  if (f.status === 'rejected') conds.push(eq(accessDecisions.approved, false));
  if (f.status === 'revoked') conds.push(sql`${accessRevocations.requestId} IS NOT NULL`);
  const rows = await ctx.db
    .select({ r: accessRequests, d: accessDecisions, v: accessRevocations, caseNumber: cases.caseNumber })
    .from(accessRequests)
    .leftJoin(accessDecisions, eq(accessDecisions.requestId, accessRequests.id))
    .leftJoin(accessRevocations, eq(accessRevocations.requestId, accessRequests.id))
    .innerJoin(cases, eq(cases.id, accessRequests.caseId))
    .where(and(...conds))
    .orderBy(desc(accessRequests.createdAt), desc(accessRequests.id))
    .limit(200);
  return { items: rows.map((x) => ({ ...presentAccessRequest(x.r, x.d ?? undefined, actor, now, x.v ?? undefined), caseNumber: x.caseNumber })) };
}

/** A grant in force right now for one media file, or the reason why not (REC-20: limited in time and scope). */
export function checkGrant(found: FoundRequest, mediaId: string, caseId: string, now: Date, purpose: 'view' | 'download'): void {
  const { request: r, decision: d } = found;
  if (r.caseId !== caseId) throw new AppError('access.out_of_scope');
  if (!d || !d.approved || !d.validFrom || !d.validUntil) throw new AppError('access.not_approved');
  if (found.revocation) throw new AppError('access.revoked', { at: fmt(found.revocation.revokedAt), reason: found.revocation.reason });
  if (now < d.validFrom || now > d.validUntil) throw new AppError('access.outside_window', { from: fmt(d.validFrom), until: fmt(d.validUntil) });
  if (r.mediaIds && !r.mediaIds.includes(mediaId)) throw new AppError('access.out_of_scope');
  // REC-20: external requesters get no raw copy unless a copy was approved.
  if (purpose === 'download' && !d.copyAllowed) throw new AppError('access.copy_not_allowed');
}

function fmt(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** An external requester's grant by its access token, or 404. */
export async function grantByToken(db: DbOrTx, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new AppError('not_found');
  const [d] = await db.select().from(accessDecisions).where(eq(accessDecisions.tokenHash, sha256Hex(token)));
  if (!d) throw new AppError('not_found');
  const [r] = await db.select().from(accessRequests).where(eq(accessRequests.id, d.requestId));
  if (!r) throw new AppError('not_found');
  const [v] = await db.select().from(accessRevocations).where(eq(accessRevocations.requestId, r.id));
  return { request: r, decision: d, revocation: v };
}
