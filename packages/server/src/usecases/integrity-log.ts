/**
 * The platform's one append-only Merkle log (DESIGN §6; REC-16, NAT-18):
 * every record version, media ingest, access decision, view, download and
 * export becomes a leaf, in the same transaction as the act it records.
 *
 * - Leaf bytes: canonical JSON of the act (`data`), hashed per RFC 6962
 *   (H(0x00 || data)).
 * - The head row holds the size and the compact range; each append locks it,
 *   so appends from any number of servers are serialised and never fork.
 * - Every completed perfect subtree is stored (log_nodes), so an inclusion
 *   proof is one query plus `assembleProof`.
 * - Checkpoints are C2SP tlog-checkpoints in Ed25519 signed notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { integrity } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { ConfigError } from '../config.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { logCheckpoints, logHead, logKeys, logLeaves, logNodes } from '../db/schema.js';
import { canonicalJson } from './canonical.js';

const { CompactRange, fromHex, toHex, leafHash: hashLeaf, inclusionProofPlan, consistencyProofPlan, assembleProof, signCheckpoint, generateNoteKeyPair, parseSignerKey, formatVerifierKey } = integrity;

export interface LeafInput {
  /** What happened, e.g. 'document.version', 'media.ingest', 'access.view', 'export'. */
  kind: string;
  objectType: string;
  objectId: string;
  caseId?: string | null;
  agencyPath?: string | null;
  at: Date;
  /** The facts to seal: ids, hashes, actor; kept small and free of personal data beyond ids. */
  payload: Record<string, unknown>;
}

/** The exact bytes of a leaf: canonical JSON, so a verifier rebuilds them from the same facts. */
export function leafData(input: LeafInput): string {
  return canonicalJson({ v: 1, kind: input.kind, objectType: input.objectType, objectId: input.objectId, caseId: input.caseId ?? null, at: input.at.toISOString(), ...input.payload });
}

/** Appends one leaf inside the caller's transaction; returns its index and hash. */
export async function appendLeaf(tx: Tx, input: LeafInput): Promise<{ index: number; leafHash: string }> {
  const data = leafData(input);
  const bytes = new TextEncoder().encode(data);
  // C2SP tlog-tiles: every leaf is served in an entry bundle behind a uint16 length.
  if (bytes.byteLength > integrity.MAX_ENTRY_BYTES) throw new Error(`log leaf ${input.kind} of ${bytes.byteLength} bytes exceeds ${integrity.MAX_ENTRY_BYTES} bytes: seal a hash of large content instead`);
  await tx.execute(sql`SELECT size FROM log_head WHERE id = 1 FOR UPDATE`);
  const [head] = await tx.select().from(logHead).where(eq(logHead.id, 1));
  if (!head) throw new Error('log_head missing');
  const state = CompactRange.fromHashes(head.size, head.compact.map(fromHex));
  const lh = hashLeaf(bytes);
  const { state: next, completed } = state.append(lh);
  const index = head.size;
  await tx.insert(logLeaves).values({ idx: index, leafHash: toHex(lh), data, kind: input.kind, objectType: input.objectType, objectId: input.objectId, caseId: input.caseId ?? null, agencyPath: input.agencyPath ?? null, createdAt: input.at });
  await tx.insert(logNodes).values(completed.map((n) => ({ level: n.level, idx: n.index, hash: toHex(n.hash) })));
  await tx.update(logHead).set({ size: next.size, compact: next.hashes.map(toHex) }).where(eq(logHead.id, 1));
  return { index, leafHash: toHex(lh) };
}

export async function logSize(db: DbOrTx): Promise<{ size: number; root: string }> {
  const [head] = await db.select().from(logHead).where(eq(logHead.id, 1));
  const state = CompactRange.fromHashes(head!.size, head!.compact.map(fromHex));
  return { size: head!.size, root: toHex(state.root()) };
}

async function getNodes(db: DbOrTx, ids: readonly { level: number; index: number }[]): Promise<Uint8Array[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(logNodes)
    .where(sql`(${logNodes.level}, ${logNodes.idx}) IN (${sql.join(ids.map((i) => sql`(${i.level}, ${i.index})`), sql`, `)})`);
  const map = new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
  return ids.map((i) => {
    const h = map.get(`${i.level}:${i.index}`);
    if (!h) throw new Error(`log node ${i.level}/${i.index} missing`);
    return fromHex(h);
  });
}

/** Inclusion proof of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3). */
export async function inclusionProof(db: DbOrTx, index: number, size: number): Promise<string[]> {
  const plan = inclusionProofPlan(index, size);
  return assembleProof(plan, await getNodes(db, plan.nodeIds)).map(toHex);
}

/** Consistency proof between two sizes (RFC 9162 §2.1.4). */
export async function consistencyProof(db: DbOrTx, size1: number, size2: number): Promise<string[]> {
  const plan = consistencyProofPlan(size1, size2);
  return assembleProof(plan, await getNodes(db, plan.nodeIds)).map(toHex);
}

export interface LogSigner {
  name: string;
  signerKey: string;
  verifierKey: string;
}

/**
 * The checkpoint signer, kept outside the database (whoever can write the
 * database must not be able to rewrite the log and sign it again):
 * SANXIANG_LOG_SIGNER_KEY from the environment (a secret store), or the key
 * file at SANXIANG_LOG_KEY_FILE (mode 0600). Demo mode generates the file in
 * the data folder on first use; production refuses to run without a key. A
 * key left in `log_keys` by an earlier version is moved out to the file, and
 * the row deleted, with a message saying so.
 */
export async function loadLogSigner(ctx: AppContext): Promise<LogSigner> {
  const configured = ctx.config.logSignerKey;
  if (configured) return signerOf(configured);
  const file = ctx.config.logKeyFile;
  const name = ctx.config.logOrigin;
  const [legacy] = await ctx.db.select().from(logKeys).where(eq(logKeys.name, name));
  if (file && fs.existsSync(file)) {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) throw new ConfigError([`日志签名密钥文件 ${file} 的权限为 ${mode.toString(8)}，须为 600（仅属主可读写）`]);
    const signer = signerOf(fs.readFileSync(file, 'utf8').trim());
    if (legacy) await ctx.db.delete(logKeys).where(eq(logKeys.name, name));
    return signer;
  }
  if (legacy) {
    if (!file) throw new ConfigError(['日志签名密钥仍保存在数据库中（log_keys）。请设置 SANXIANG_LOG_KEY_FILE，启动时将把它移出数据库写入该文件。']);
    writeKeyFile(file, legacy.signerKey);
    await ctx.db.delete(logKeys).where(eq(logKeys.name, name));
    process.stderr.write(`日志签名密钥已从数据库（log_keys）移出，保存到 ${file}（权限 600）。请妥善备份此文件；数据库中不再保存签名密钥。\n`);
    return signerOf(legacy.signerKey);
  }
  if (!file || ctx.config.mode === 'production') {
    throw new ConfigError(['生产模式须提供日志签名密钥：设置 SANXIANG_LOG_SIGNER_KEY（密钥管理系统中的机密），或 SANXIANG_LOG_KEY_FILE（权限 600 的密钥文件）。']);
  }
  // Demo: generated once beside the data; two processes racing read the winner's file.
  writeKeyFile(file, generateNoteKeyPair(name).signerKey);
  return signerOf(fs.readFileSync(file, 'utf8').trim());
}

function signerOf(signerKey: string): LogSigner {
  const s = parseSignerKey(signerKey);
  return { name: s.name, signerKey, verifierKey: formatVerifierKey(s.name, s.publicKey) };
}

/** Writes a new key file with mode 0600; false when it already exists. */
function writeKeyFile(file: string, signerKey: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${signerKey}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Signs and stores a checkpoint of the current tree (on a schedule and on demand). */
export async function createCheckpoint(ctx: AppContext): Promise<{ size: number; rootHash: string; note: string }> {
  const signer = await loadLogSigner(ctx);
  const { size, root } = await logSize(ctx.db);
  const [existing] = await ctx.db.select().from(logCheckpoints).where(eq(logCheckpoints.size, size));
  if (existing) return { size, rootHash: existing.rootHash, note: existing.note };
  const note = signCheckpoint({ origin: signer.name, size, rootHash: fromHex(root), extensions: [] }, [signer.signerKey]);
  await ctx.db.insert(logCheckpoints).values({ size, rootHash: root, note, createdAt: ctx.clock.now() }).onConflictDoNothing();
  return { size, rootHash: root, note };
}

export async function latestCheckpoint(db: DbOrTx) {
  const [c] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.size)).limit(1);
  return c;
}

export async function leavesOf(db: DbOrTx, filter: { caseId?: string; objectIds?: string[] }) {
  if (filter.caseId) return db.select().from(logLeaves).where(eq(logLeaves.caseId, filter.caseId)).orderBy(asc(logLeaves.idx));
  if (filter.objectIds?.length) return db.select().from(logLeaves).where(inArray(logLeaves.objectId, filter.objectIds)).orderBy(asc(logLeaves.idx));
  return [];
}
