/**
 * Media served only when sound (issue 12 item 7; REC-16 · SX25-R 22, NAT-18
 * · 法发〔2016〕22号 Art 5). The content route never hands out bytes that no
 * longer hash to the sealed value:
 *
 * - a full response is hashed while it streams; the last chunk is held back
 *   until the hash is known, and on a mismatch the stream is destroyed, so the
 *   client sees a cut-off body (never a clean 200 with altered bytes);
 * - a byte range cannot be checked by itself: it is served only behind a
 *   whole-file check of the same sealed hash that is at most
 *   SANXIANG_MEDIA_VERIFY_HOURS old (`media_verifications`, shared by all
 *   servers); without one the whole file is hashed first (once per file per
 *   process at a time).
 *
 * A mismatch is a 完整性告警: an append-only alert row (one per file and
 * wrong content), an audit event, and a 待办 item for the agency's records
 * keepers and heads (todo/todo.ts).
 */
import crypto from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { AppError, rangeDecision } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { mediaIntegrityAlerts, mediaVerifications } from '../db/schema.js';
import { mediaServices } from '../blobs/index.js';
import { recordAudit } from './audit.js';
import type { MediaRow } from './media.js';

type Actor = Pick<ActorContext, 'userId' | 'displayName' | 'agencyId' | 'ip'> | null;

/** Records a whole-file check (a cache row: replaced by the next check). */
async function mark(ctx: AppContext, m: MediaRow, ok: boolean, actual: string): Promise<void> {
  const row = { mediaId: m.id, sha256: m.sha256, ok, actualSha256: actual, verifiedAt: ctx.clock.now() };
  await ctx.db.insert(mediaVerifications).values(row).onConflictDoUpdate({ target: mediaVerifications.mediaId, set: { sha256: row.sha256, ok, actualSha256: actual, verifiedAt: row.verifiedAt } });
}

/** The 完整性告警 of a file whose bytes no longer hash to the sealed value. */
export async function recordIntegrityAlert(ctx: AppContext, m: MediaRow, actual: string, during: 'stream' | 'range', actor: Actor): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediaIntegrityAlerts)
      .values({ mediaId: m.id, caseId: m.caseId, agencyId: m.agencyId, agencyPath: m.agencyPath, recordNumber: m.recordNumber, expectedSha256: m.sha256, actualSha256: actual, detectedDuring: during, detectedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) return; // already raised for this content
    await recordAudit(tx, {
      at: now,
      actor,
      action: 'media.integrityAlert',
      object: { type: 'media', id: m.id, agencyId: m.agencyId, agencyPath: m.agencyPath },
      outcome: 'failed',
      detail: { caseId: m.caseId, recordNumber: m.recordNumber, expectedSha256: m.sha256, actualSha256: actual, during },
    });
  });
  await mark(ctx, m, false, actual);
}

/**
 * Wraps a full-file stream: hashes every chunk and passes it on one chunk
 * late; at the end the held chunk goes out only when the hash matches.
 */
export function soundStream(ctx: AppContext, m: MediaRow, source: Readable, actor: Actor): Readable {
  const hash = crypto.createHash('sha256');
  let held: Buffer | null = null;
  const out = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      const prev = held;
      held = chunk;
      if (prev) cb(null, prev);
      else cb();
    },
    flush(cb) {
      const actual = hash.digest('hex');
      const ok = actual === m.sha256;
      const settle = ok ? mark(ctx, m, true, actual) : recordIntegrityAlert(ctx, m, actual, 'stream', actor);
      settle
        .catch((e: unknown) => process.stderr.write(`完整性告警记录失败（音像记录 ${m.recordNumber}）：${(e as Error).message}\n`))
        .finally(() => {
          if (ok) cb(null, held ?? undefined);
          // Nothing sent yet (a file of one chunk): the error handler answers 503 with the Chinese message;
          // otherwise the response is destroyed mid-body.
          else cb(new AppError('media.integrity_failed', { recordNumber: m.recordNumber }));
        });
    },
  });
  source.on('error', (e) => out.destroy(e));
  return source.pipe(out);
}

const pending = new Map<string, Promise<boolean>>();

/** Hashes the whole stored file; true when it matches the sealed hash. */
async function checkWhole(ctx: AppContext, m: MediaRow, actor: Actor): Promise<boolean> {
  const key = `${m.id}:${m.sha256}`;
  const running = pending.get(key);
  if (running) return running;
  const p = (async () => {
    const hash = crypto.createHash('sha256');
    for await (const chunk of await mediaServices(ctx).blobs.read(m.sha256)) hash.update(chunk as Buffer);
    const actual = hash.digest('hex');
    if (actual === m.sha256) {
      await mark(ctx, m, true, actual);
      return true;
    }
    await recordIntegrityAlert(ctx, m, actual, 'range', actor);
    return false;
  })().finally(() => pending.delete(key));
  pending.set(key, p);
  return p;
}

/** Before a byte range: a recent good mark, or a whole-file check now; otherwise `media.integrity_failed`. */
export async function assertSoundForRange(ctx: AppContext, m: MediaRow, actor: Actor): Promise<void> {
  const [row] = await ctx.db.select().from(mediaVerifications).where(eq(mediaVerifications.mediaId, m.id));
  const ttlMs = (mediaServices(ctx).config.verifyTtlHours ?? 24) * 3_600_000;
  const decision = rangeDecision(row ? { sha256: row.sha256, ok: row.ok, verifiedAt: row.verifiedAt.getTime() } : undefined, m.sha256, ctx.clock.now().getTime(), ttlMs);
  if (decision === 'serve') return;
  if (decision === 'refuse' || !(await checkWhole(ctx, m, actor))) throw new AppError('media.integrity_failed', { recordNumber: m.recordNumber });
}
