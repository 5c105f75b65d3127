/**
 * Finishing and expiring resumable uploads (issue 14 item 7; REC-14, REC-16,
 * NAT-18).
 *
 * A crash between the last byte and the end of `completeUpload` leaves the
 * staged file complete but the upload `pending`: tus-js-client then sees a
 * full offset on its next HEAD and reports success although no media record
 * exists. So a complete staged file is finished — verified, stored, recorded
 * and sealed by the same `completeUpload` — on the tus HEAD request, on every
 * start (recovery pass) and by the periodic sweep. Finishing is idempotent:
 * a finished upload answers with its record, and finishes of one upload in
 * this process run one after the other (a second finds it completed). Across
 * servers sharing a staging folder the UNIQUE (case_id, sha256) of
 * media_files keeps the record single: a loser that still read the staged
 * file becomes a `duplicate` pointing at it; one that finds the file already
 * moved fails that attempt (logged) and the next HEAD or sweep sees the
 * upload completed. A cross-server lock is not taken (not needed for one
 * record, left for the pg-boss worker setup).
 *
 * An upload that received no byte for `SANXIANG_UPLOAD_EXPIRY_HOURS` (24 h by
 * default) expires: its staged bytes are removed, the row becomes `failed`
 * with the code `media.upload_expired`, and the tus client is answered 410.
 * Staged files without a pending upload (left by a crash after the row was
 * written) are removed after the same time.
 */
import fsp from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { AppError } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import { mediaUploads } from '../../db/schema.js';
import { mediaServices } from '../../blobs/index.js';
import { recordAudit } from '../audit.js';
import { loadActor } from '../auth.js';
import { completeUpload, findUpload, type UploadRow } from '../media.js';

const UUID = /^[0-9a-f-]{36}$/;

/** Finishes of one upload in this process, one after the other (the second sees it completed). */
const running = new Map<string, Promise<unknown>>();

function serialised<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const before = running.get(id) ?? Promise.resolve();
  const next = before.catch(() => {}).then(fn);
  const tail = next.catch(() => {});
  running.set(id, tail);
  void tail.then(() => {
    if (running.get(id) === tail) running.delete(id);
  });
  return next;
}

export function expiryMs(ctx: AppContext): number {
  return mediaServices(ctx).config.uploadExpiryHours * 3600_000;
}

/** Last sign of life of an upload: the row's last change or the staged file's last write. */
async function lastActivity(ctx: AppContext, u: UploadRow): Promise<number> {
  const st = await fsp.stat(mediaServices(ctx).staging.stagedPath(u.id)).catch(() => null);
  return Math.max(u.updatedAt.getTime(), st ? st.mtimeMs : 0);
}

export function isExpiredRow(u: Pick<UploadRow, 'status' | 'error'>): boolean {
  return u.status === 'failed' && u.error?.code === 'media.upload_expired';
}

export function expiredError(ctx: AppContext): AppError {
  return new AppError('media.upload_expired', { hours: mediaServices(ctx).config.uploadExpiryHours });
}

/** Whether all declared bytes are staged. */
async function stagedComplete(ctx: AppContext, u: UploadRow): Promise<boolean> {
  return (await mediaServices(ctx).staging.stagedSize(u.id)) === u.declaredSize;
}

/**
 * Finishes a pending upload whose bytes are all staged, as its uploader.
 * Returns the upload after the attempt (completed, duplicate or failed), or
 * null when it is not (or no longer) finishable. A refused file (size or hash
 * mismatch) ends `failed` like on the normal path.
 */
export async function finishStagedUpload(ctx: AppContext, uploadId: string, actor?: ActorContext): Promise<UploadRow | null> {
  return serialised(uploadId, async () => {
    const u = await findUpload(ctx.db, uploadId);
    if (!u || u.status !== 'pending' || !(await stagedComplete(ctx, u))) return u ?? null;
    const who = actor ?? (await loadActor(ctx, u.createdBy, 'recovery'));
    if (!who) return u; // the uploader's account is gone or disabled: left to expire
    try {
      await completeUpload(ctx, who, u.id);
    } catch (e) {
      // Refusals (hash or size mismatch, archived case) are recorded on the row by completeUpload.
      if (!(e instanceof AppError)) throw e;
    }
    return (await findUpload(ctx.db, uploadId)) ?? null;
  });
}

/** Marks an unfinished upload expired and removes its staged bytes. */
async function expireUpload(ctx: AppContext, u: UploadRow, idleMs: number): Promise<void> {
  const now = ctx.clock.now();
  const err = expiredError(ctx);
  await mediaServices(ctx).staging.discard(u.id);
  await ctx.db.transaction(async (tx) => {
    await tx.update(mediaUploads).set({ status: 'failed', error: { code: err.code, message: err.userMessage }, updatedAt: now }).where(eq(mediaUploads.id, u.id));
    await recordAudit(tx, {
      at: now,
      actor: null,
      ip: 'system',
      action: 'media.uploadExpired',
      outcome: 'failed',
      object: { type: 'case', id: u.caseId, agencyId: u.agencyId, agencyPath: u.agencyPath },
      detail: { caseId: u.caseId, uploadId: u.id, filename: u.filename, declaredSize: u.declaredSize, idleHours: Math.round(idleMs / 360_000) / 10 },
    });
  });
}

/**
 * The answer to a tus HEAD for one upload (the client asks how far it got):
 * finished → the full offset (after finishing a complete staged file first);
 * expired → 410; otherwise null (the tus server answers from the staged file).
 */
export async function uploadHead(ctx: AppContext, actor: ActorContext, uploadId: string): Promise<{ offset: number; length: number } | null> {
  let u = UUID.test(uploadId) ? await findUpload(ctx.db, uploadId) : undefined;
  if (!u || u.createdBy !== actor.userId) throw new AppError('not_found');
  if (isExpiredRow(u)) throw expiredError(ctx);
  if (u.status === 'pending') {
    const idle = ctx.clock.now().getTime() - (await lastActivity(ctx, u));
    if (!(await stagedComplete(ctx, u))) {
      if (idle <= expiryMs(ctx)) return null;
      await expireUpload(ctx, u, idle);
      throw expiredError(ctx);
    }
    u = (await finishStagedUpload(ctx, uploadId, actor)) ?? u;
  }
  if (u.status === 'completed' || u.status === 'duplicate') return { offset: u.declaredSize, length: u.declaredSize };
  if (u.status === 'failed') throw new AppError('media.upload_invalid', { detail: u.error?.message ?? '该上传已失败，请重新发起' });
  return null;
}

export interface SweepResult {
  finished: number;
  expired: number;
  orphansRemoved: number;
}

/**
 * One pass over the unfinished uploads: at start (recovery) and periodically.
 * Complete staged files are finished; idle ones past the limit expire; staged
 * files with no pending upload older than the limit are removed.
 */
export async function sweepUploads(ctx: AppContext): Promise<SweepResult> {
  const svc = mediaServices(ctx);
  const limit = expiryMs(ctx);
  const now = ctx.clock.now().getTime();
  const result: SweepResult = { finished: 0, expired: 0, orphansRemoved: 0 };
  const pending = await ctx.db.select().from(mediaUploads).where(eq(mediaUploads.status, 'pending'));
  for (const u of pending) {
    if (await stagedComplete(ctx, u)) {
      const after = await finishStagedUpload(ctx, u.id);
      if (after && after.status !== 'pending') result.finished++;
      continue;
    }
    const idle = now - (await lastActivity(ctx, u));
    if (idle > limit) {
      await expireUpload(ctx, u, idle);
      result.expired++;
    }
  }
  // Staged bytes (and tus's <id>.json) of no pending upload.
  const pendingIds = new Set(pending.map((u) => u.id));
  const names = await fsp.readdir(svc.config.stagingDir).catch(() => [] as string[]);
  const ids = new Set(names.map((n) => n.replace(/\.json$/, '')).filter((id) => UUID.test(id) && !pendingIds.has(id)));
  for (const id of ids) {
    const u = await findUpload(ctx.db, id);
    if (u?.status === 'pending') continue; // declared meanwhile
    const st = await fsp.stat(svc.staging.stagedPath(id)).catch(() => fsp.stat(`${svc.staging.stagedPath(id)}.json`).catch(() => null));
    if (!st || now - st.mtimeMs <= limit) continue;
    await svc.staging.discard(id);
    result.orphansRemoved++;
  }
  return result;
}

/** The periodic sweep, started with the server and stopped when it closes. */
export function startUploadSweeper(ctx: AppContext, log: (line: string) => void): { run: () => Promise<void>; stop: () => void } {
  const run = () =>
    sweepUploads(ctx)
      .then((r) => {
        if (r.finished) log(`已完成 ${r.finished} 个中断后停留在“待处理”的上传。`);
        if (r.expired || r.orphansRemoved) log(`已清理过期上传 ${r.expired} 个、无主暂存文件 ${r.orphansRemoved} 个。`);
      })
      .catch((e: unknown) => log(`上传清理失败：${(e as Error).message}`));
  const timer = setInterval(run, mediaServices(ctx).config.uploadSweepMinutes * 60_000);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}
