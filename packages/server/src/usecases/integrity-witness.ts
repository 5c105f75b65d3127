/**
 * Witnesses (issue 12 item 4; REC-16 · SX25-R 22, NAT-18): an external
 * witness checks that our log only grows and cosigns its checkpoints (C2SP
 * tlog-cosignature, Ed25519 cosignature/v1). Witnesses are configured
 * (SANXIANG_WITNESS_KEYS); a cosignature from any other key, or one that does
 * not verify over the stored checkpoint, is refused. Accepted cosignatures are
 * kept append-only (log_cosignatures), served appended to `/log/checkpoint`,
 * shown on the portal's 完整性公钥 page, and held by `sanxiang verify` like
 * any signed checkpoint (a log shorter than a witnessed checkpoint fails).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { AppError, integrity } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { logCheckpoints, logCosignatures } from '../db/schema.js';

/** Cosignatures whose timestamp is further ahead of the server clock than this are refused (the spec allows it). */
const FUTURE_SLACK_SECONDS = 600;

export function configuredWitnesses(ctx: AppContext): integrity.Cosigner[] {
  return ctx.config.witnessKeys.map((k) => integrity.parseCosignerKey(k));
}

/** The body (text) of a stored signed checkpoint. */
function checkpointText(note: string): string {
  return integrity.parseNote(note).text;
}

export interface StoredCosignature {
  checkpointSize: number;
  witnessName: string;
  keyId: string;
  signedAt: Date;
  receivedAt: Date;
  line: string;
}

/**
 * Verifies and stores a witness's cosignature line(s) for the checkpoint of
 * `size`. Returns what was stored and what was already there (a witness
 * sending the same cosignature twice gets the first one back).
 */
export async function submitCosignature(ctx: AppContext, input: { size: number; cosignature: string }): Promise<{ created: StoredCosignature[]; existing: StoredCosignature[] }> {
  const [cp] = await ctx.db.select().from(logCheckpoints).where(eq(logCheckpoints.size, input.size));
  if (!cp) throw new AppError('log.checkpoint_unknown', { size: input.size });
  const text = checkpointText(cp.note);
  const witnesses = configuredWitnesses(ctx);
  let opened: ReturnType<typeof integrity.openCosignatures>;
  try {
    opened = integrity.openCosignatures(text, input.cosignature.replace(/\r\n/g, '\n'), witnesses);
  } catch (e) {
    if (integrity.isIntegrityError(e) && e.code === 'integrity.note_bad_signature') {
      const name = /cosignature of ([^+]+)\+/.exec(e.detail)?.[1] ?? '';
      throw new AppError('log.cosignature_invalid', { name, detail: '签名与本检查点不符（或不是该见证人的签名）' });
    }
    if (integrity.isIntegrityError(e)) throw new AppError('log.cosignature_malformed', { detail: e.detail });
    throw e;
  }
  if (opened.unknown.length) throw new AppError('log.witness_unknown', { name: opened.unknown.map((u) => `${u.name}+${integrity.keyIdHex(u.keyId)}`).join('、') });
  if (!opened.verified.length) throw new AppError('log.cosignature_malformed', { detail: '没有副署签名行' });
  const now = ctx.clock.now();
  for (const v of opened.verified) {
    if (v.timestamp > now.getTime() / 1000 + FUTURE_SLACK_SECONDS) throw new AppError('log.cosignature_invalid', { name: v.name, detail: '签名时间晚于当前时间' });
  }
  const created: StoredCosignature[] = [];
  const existing: StoredCosignature[] = [];
  for (const v of opened.verified) {
    const row = {
      checkpointSize: cp.size,
      checkpointText: text,
      witnessName: v.name,
      keyId: integrity.keyIdHex(v.keyId),
      signedAt: new Date(v.timestamp * 1000),
      line: v.line,
      receivedAt: now,
    };
    const [inserted] = await ctx.db.insert(logCosignatures).values(row).onConflictDoNothing().returning();
    if (inserted) created.push(present(inserted));
    else {
      const [prior] = await ctx.db
        .select()
        .from(logCosignatures)
        .where(and(eq(logCosignatures.checkpointSize, cp.size), eq(logCosignatures.witnessName, v.name), eq(logCosignatures.keyId, row.keyId)));
      existing.push(present(prior!));
    }
  }
  return { created, existing };
}

function present(r: typeof logCosignatures.$inferSelect): StoredCosignature {
  return { checkpointSize: r.checkpointSize, witnessName: r.witnessName, keyId: r.keyId, signedAt: r.signedAt, receivedAt: r.receivedAt, line: r.line };
}

export async function cosignaturesOf(db: DbOrTx, size: number): Promise<StoredCosignature[]> {
  const rows = await db.select().from(logCosignatures).where(eq(logCosignatures.checkpointSize, size)).orderBy(asc(logCosignatures.id));
  return rows.map(present);
}

/** The cosignatures of the largest checkpoint any witness has cosigned (empty when none). */
export async function latestWitnessed(db: DbOrTx): Promise<StoredCosignature[]> {
  const [top] = await db.select({ size: logCosignatures.checkpointSize }).from(logCosignatures).orderBy(desc(logCosignatures.checkpointSize)).limit(1);
  return top ? cosignaturesOf(db, top.size) : [];
}

/** Every stored cosignature with the body it signed (for verify). */
export async function allCosignatures(db: DbOrTx) {
  return db.select().from(logCosignatures).orderBy(asc(logCosignatures.id));
}

/** The checkpoint note with its witnesses' cosignature lines appended (C2SP signed-note: more signature lines). */
export function cosignedNote(note: string, cosignatures: readonly StoredCosignature[]): string {
  return note + cosignatures.map((c) => c.line).join('');
}
