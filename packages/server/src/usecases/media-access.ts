/**
 * Playback and copies (REC-20): every view and every download is logged with
 * requester, reason and time (XX-R 18) — a row of media_access_log, an audit
 * event and a Merkle-log leaf, in one transaction — and answered with a
 * short-lived ticket. The player's HTTP range requests present the ticket,
 * so one playback is one logged view however often the viewer seeks. The
 * player overlays the viewer's identity as a watermark.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { desc, eq, inArray } from 'drizzle-orm';
import { AppError, ROLE_LABELS } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { accessRequests, cases, mediaAccessLog, mediaFiles, mediaTickets } from '../db/schema.js';
import { mediaServices } from '../blobs/index.js';
import { sha256Hex } from '../lib/ids.js';
import { recordAudit } from './audit.js';
import { authorize } from './authorize.js';
import { REQUESTER_KIND_LABELS, checkGrant, findAccessRequest, grantByToken, presentAccessRequest, type DecisionRow, type RequestRow, type RevocationRow } from './access.js';
import { appendLeaf } from './integrity-log.js';
import { sealWhere } from './integrity-seal/seal.js';
import { assertNotDisposed, disposedIds } from './media-retention-state.js';
import { assertSoundForRange, soundStream } from './media-soundness.js';
import { loadReadableMedia, postAllows, type MediaRow } from './media.js';

const VIEW_TICKET_MINUTES = 120;
const DOWNLOAD_TICKET_MINUTES = 10;

export type Purpose = 'view' | 'download';

interface Grant {
  request: RequestRow;
  decision: DecisionRow | undefined;
  revocation?: RevocationRow | undefined;
}

interface Viewer {
  actor: ActorContext | null;
  grant: Grant | null;
  /** Who, for the log and the watermark. */
  name: string;
  requesterKind: string;
  reason: string;
  ip: string;
}

function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

async function logAndTicket(ctx: AppContext, m: MediaRow, purpose: Purpose, v: Viewer) {
  const now = ctx.clock.now();
  const token = crypto.randomBytes(24).toString('base64url');
  const minutes = purpose === 'view' ? VIEW_TICKET_MINUTES : DOWNLOAD_TICKET_MINUTES;
  let expiresAt = new Date(now.getTime() + minutes * 60_000);
  const until = v.grant?.decision?.validUntil;
  if (until && until < expiresAt) expiresAt = until;
  const watermark = `${v.name} · ${chinaTime(now)} · 仅供依法查阅，不得翻录、外传`;
  await ctx.db.transaction(async (tx) => {
    // REC-20 · XX-R 18: requester, reason, time — sealed in the log (DESIGN §6).
    const leaf = await appendLeaf(tx, {
      kind: purpose === 'view' ? 'access.view' : 'access.download',
      objectType: 'media',
      objectId: m.id,
      caseId: m.caseId,
      agencyPath: m.agencyPath,
      at: now,
      payload: { sha256: m.sha256, viewer: v.actor?.userId ?? null, accessRequestId: v.grant?.request.id ?? null, requesterKind: v.requesterKind, reason: v.reason },
    });
    await tx.insert(mediaAccessLog).values({
      mediaId: m.id,
      caseId: m.caseId,
      agencyPath: m.agencyPath,
      action: purpose,
      actorId: v.actor?.userId ?? null,
      actorName: v.name,
      requesterKind: v.requesterKind,
      accessRequestId: v.grant?.request.id ?? null,
      reason: v.reason,
      ip: v.ip,
      leafIndex: leaf.index,
      at: now,
    });
    await sealWhere(tx, 'media_access_log', eq(mediaAccessLog.leafIndex, leaf.index), { at: now, caseId: m.caseId, agencyPath: m.agencyPath });
    await recordAudit(tx, {
      at: now,
      actor: v.actor,
      action: purpose === 'view' ? 'media.view' : 'media.download',
      object: { type: 'media', id: m.id, agencyId: m.agencyId, agencyPath: m.agencyPath },
      ip: v.ip,
      detail: { caseId: m.caseId, recordNumber: m.recordNumber, viewer: v.name, requesterKind: v.requesterKind, reason: v.reason, accessRequestId: v.grant?.request.id ?? null, leafIndex: leaf.index },
    });
    await tx.insert(mediaTickets).values({ tokenHash: sha256Hex(token), mediaId: m.id, purpose, userId: v.actor?.userId ?? null, accessRequestId: v.grant?.request.id ?? null, viewerLabel: v.name, expiresAt, createdAt: now });
  });
  const base = v.actor ? `/api/v1/media/${m.id}/content` : `/api/v1/access/${'{token}'}/media/${m.id}/content`;
  return {
    ticket: token,
    expiresAt: expiresAt.toISOString(),
    url: `${base}?ticket=${token}${purpose === 'download' ? '&download=1' : ''}`,
    watermark,
    mimeType: m.mimeType,
    kind: m.kind,
    filename: m.filename,
    recordNumber: m.recordNumber,
  };
}

/**
 * A signed-in user opens a file for playback or a copy: by post (REC-20 ·
 * GS-R 47), or under an approved request of its own (another internal unit).
 */
export async function openMedia(ctx: AppContext, actor: ActorContext, mediaId: string, purpose: Purpose, input: { reason?: string | undefined; accessRequestId?: string | undefined }) {
  const now = ctx.clock.now();
  const { media: m, c } = await loadReadableMediaOrGrant(ctx, actor, mediaId, input.accessRequestId);
  // REC-18: a file disposed of after its retention is no longer played or copied.
  await assertNotDisposed(ctx.db, m);
  const byPost = !input.accessRequestId && (await postAllows(ctx, actor, m, purpose === 'view' ? 'media.view' : 'media.download'));
  if (byPost) {
    const roles = actor.roles.map((r) => ROLE_LABELS[r]).join('、');
    const reason = input.reason?.trim() || `${roles}依职责${purpose === 'view' ? '查阅' : '复制'}`;
    return logAndTicket(ctx, m, purpose, { actor, grant: null, name: `${actor.displayName}（${actor.username}）`, requesterKind: 'post', reason, ip: actor.ip });
  }
  // Another unit's staff: only under an approved request it made itself.
  const grant = input.accessRequestId ? await findAccessRequest(ctx.db, input.accessRequestId) : await activeGrantFor(ctx, actor, m);
  if (!grant || grant.request.requesterUserId !== actor.userId) {
    if (c) throw new AppError(purpose === 'download' && (await postAllows(ctx, actor, m, 'media.view')) ? 'access.copy_not_allowed' : 'forbidden');
    throw new AppError('not_found');
  }
  checkGrant(grant, m.id, m.caseId, now, purpose);
  return logAndTicket(ctx, m, purpose, { actor, grant, name: `${actor.displayName}（${actor.username}）`, requesterKind: grant.request.requesterKind, reason: grant.request.reason, ip: actor.ip });
}

/** The media row, for a reader of the case or for an internal requester with a grant on it (whoever else: 404). */
async function loadReadableMediaOrGrant(ctx: AppContext, actor: ActorContext, mediaId: string, accessRequestId: string | undefined): Promise<{ media: MediaRow; c: unknown }> {
  try {
    const r = await loadReadableMedia(ctx, actor, mediaId);
    return { media: r.media, c: r.c };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'not_found') throw e;
    const [m] = /^[0-9a-f-]{36}$/.test(mediaId) ? await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId)) : [];
    const grant = m ? (accessRequestId ? await findAccessRequest(ctx.db, accessRequestId) : await activeGrantFor(ctx, actor, m)) : undefined;
    if (!m || !grant || grant.request.requesterUserId !== actor.userId || grant.request.caseId !== m.caseId) throw e;
    return { media: m, c: null };
  }
}

async function activeGrantFor(ctx: AppContext, actor: ActorContext, m: MediaRow): Promise<Grant | undefined> {
  const rows = await ctx.db.select().from(accessRequests).where(eq(accessRequests.requesterUserId, actor.userId)).orderBy(desc(accessRequests.createdAt));
  const now = ctx.clock.now();
  let fallback: Grant | undefined;
  for (const r of rows.filter((x) => x.caseId === m.caseId && (!x.mediaIds || x.mediaIds.includes(m.id)))) {
    const g = (await findAccessRequest(ctx.db, r.id))!;
    fallback ??= g;
    const d = g.decision;
    if (d?.approved && !g.revocation && d.validFrom && d.validUntil && d.validFrom <= now && now <= d.validUntil) return g;
  }
  return fallback; // checkGrant then says why it does not hold
}

/** An external requester (party, court, procuratorate, police) with an access link. */
export async function openMediaByToken(ctx: AppContext, token: string, mediaId: string, purpose: Purpose, ip: string) {
  const now = ctx.clock.now();
  const grant = await grantByToken(ctx.db, token);
  const [m] = /^[0-9a-f-]{36}$/.test(mediaId) ? await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId)) : [];
  if (!m || m.caseId !== grant.request.caseId) throw new AppError('not_found');
  checkGrant(grant, m.id, m.caseId, now, purpose);
  await assertNotDisposed(ctx.db, m);
  const r = grant.request;
  const name = `${r.requesterName}（${REQUESTER_KIND_LABELS[r.requesterKind]}${r.requesterOrg ? '·' + r.requesterOrg : ''}）`;
  const t = await logAndTicket(ctx, m, purpose, { actor: null, grant, name, requesterKind: r.requesterKind, reason: r.reason, ip });
  return { ...t, url: t.url.replace('{token}', token) };
}

/** What an access link opens: the request, its window, the files in scope. */
export async function accessLinkSummary(ctx: AppContext, token: string) {
  const now = ctx.clock.now();
  const grant = await grantByToken(ctx.db, token);
  const [c] = await ctx.db.select({ caseNumber: cases.caseNumber, title: cases.title }).from(cases).where(eq(cases.id, grant.request.caseId));
  const files = grant.request.mediaIds
    ? await ctx.db.select().from(mediaFiles).where(inArray(mediaFiles.id, grant.request.mediaIds))
    : await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, grant.request.caseId));
  const disposed = await disposedIds(ctx.db, files.map((m) => m.id));
  files.sort((a, b) => a.seq - b.seq);
  return {
    request: presentAccessRequest(grant.request, grant.decision, null, now, grant.revocation),
    case: { caseNumber: c?.caseNumber ?? '', title: c?.title ?? '' },
    items: files.map((m) => ({
      id: m.id,
      recordNumber: m.recordNumber,
      kind: m.kind,
      filename: m.filename,
      mimeType: m.mimeType,
      size: m.size,
      sha256: m.sha256,
      recordedStart: m.recordedStart.toISOString(),
      // REC-18: listed, but no longer played.
      disposed: disposed.has(m.id),
    })),
  };
}

export interface ContentAnswer {
  status: 200 | 206;
  headers: Record<string, string>;
  body: Readable;
}

/** Parses one `bytes=` range (RFC 9110 §14.1.2); null for none; throws for an unsatisfiable one. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null; // several ranges or another unit: answer with the whole file (RFC 9110 allows ignoring Range)
  const [, a, b] = m;
  let start: number;
  let end: number;
  if (a === '' && b === '') throw new AppError('media.range_invalid', { size });
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) throw new AppError('media.range_invalid', { size });
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) throw new AppError('media.range_invalid', { size });
  return { start, end };
}

/**
 * The bytes of a file for a ticket (full or one range). A user's ticket only
 * works in that user's session; a grant's ticket only while the grant holds.
 */
export async function mediaContent(ctx: AppContext, mediaId: string, ticket: string, session: ActorContext | null, rangeHeader: string | undefined, linkToken?: string): Promise<ContentAnswer> {
  const now = ctx.clock.now();
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(ticket)) throw new AppError('media.ticket_invalid');
  const [t] = await ctx.db.select().from(mediaTickets).where(eq(mediaTickets.tokenHash, sha256Hex(ticket)));
  if (!t || t.mediaId !== mediaId || t.expiresAt < now) throw new AppError('media.ticket_invalid');
  if (t.userId && session?.userId !== t.userId) throw new AppError('media.ticket_invalid');
  if (!t.userId) {
    if (!linkToken || !t.accessRequestId) throw new AppError('media.ticket_invalid');
    const grant = await grantByToken(ctx.db, linkToken);
    if (grant.request.id !== t.accessRequestId) throw new AppError('media.ticket_invalid');
  }
  if (t.accessRequestId) {
    const g = await findAccessRequest(ctx.db, t.accessRequestId);
    if (!g) throw new AppError('media.ticket_invalid');
    checkGrant(g, mediaId, g.request.caseId, now, t.purpose);
  }
  const [m] = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId));
  if (!m) throw new AppError('not_found');
  // REC-18: a ticket issued before the disposal serves nothing after it.
  await assertNotDisposed(ctx.db, m);
  const { blobs } = mediaServices(ctx);
  const size = await blobs.size(m.sha256);
  if (size === null || size !== m.size) throw new AppError('media.blob_missing');
  const range = parseRange(rangeHeader, m.size);
  // Issue 12 item 7: a range only behind a recent whole-file check; a full response is checked as it streams.
  if (range) await assertSoundForRange(ctx, m, session);
  const raw = await blobs.read(m.sha256, range ?? undefined);
  const body = range ? raw : soundStream(ctx, m, raw, session);
  const filename = encodeURIComponent(`${m.recordNumber}-${m.filename}`);
  const headers: Record<string, string> = {
    'content-type': m.mimeType,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-disposition': `${t.purpose === 'download' ? 'attachment' : 'inline'}; filename*=UTF-8''${filename}`,
    // NAT-18: the check value travels with the file.
    'x-content-sha256': m.sha256,
    'content-length': String(range ? range.end - range.start + 1 : m.size),
  };
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${m.size}`;
  return { status: range ? 206 : 200, headers, body };
}

/** REC-20 · XX-R 18: who viewed or copied a file, why and when. */
export async function mediaAccessHistory(ctx: AppContext, actor: ActorContext, mediaId: string) {
  const { media: m } = await loadReadableMedia(ctx, actor, mediaId);
  authorize(actor, 'media.accessLog', m, 'case.read');
  const rows = await ctx.db.select().from(mediaAccessLog).where(eq(mediaAccessLog.mediaId, m.id)).orderBy(desc(mediaAccessLog.id)).limit(500);
  return {
    items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), action: r.action, actorName: r.actorName, requesterKind: r.requesterKind, requesterKindLabel: r.requesterKind === 'post' ? '依职责' : (REQUESTER_KIND_LABELS[r.requesterKind as keyof typeof REQUESTER_KIND_LABELS] ?? r.requesterKind), reason: r.reason, accessRequestId: r.accessRequestId, leafIndex: r.leafIndex })),
  };
}
