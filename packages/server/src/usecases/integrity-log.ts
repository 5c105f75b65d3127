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
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { integrity } from '@sanxiang/core';
import type { AppContext } from '../context.js';
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
  await tx.execute(sql`SELECT size FROM log_head WHERE id = 1 FOR UPDATE`);
  const [head] = await tx.select().from(logHead).where(eq(logHead.id, 1));
  if (!head) throw new Error('log_head missing');
  const state = CompactRange.fromHashes(head.size, head.compact.map(fromHex));
  const lh = hashLeaf(new TextEncoder().encode(data));
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
 * The checkpoint signer: SANXIANG_LOG_SIGNER_KEY when configured, else a key
 * generated once and kept in log_keys (fine for a single installation; a
 * production deployment passes its key from a secret store).
 */
export async function loadLogSigner(ctx: AppContext): Promise<LogSigner> {
  const configured = ctx.config.logSignerKey;
  if (configured) {
    const s = parseSignerKey(configured);
    return { name: s.name, signerKey: configured, verifierKey: formatVerifierKey(s.name, s.publicKey) };
  }
  const name = ctx.config.logOrigin;
  const [row] = await ctx.db.select().from(logKeys).where(eq(logKeys.name, name));
  if (row) return { name, signerKey: row.signerKey, verifierKey: row.verifierKey };
  const pair = generateNoteKeyPair(name);
  await ctx.db.insert(logKeys).values({ name, signerKey: pair.signerKey, verifierKey: pair.verifierKey, createdAt: ctx.clock.now() }).onConflictDoNothing();
  const [again] = await ctx.db.select().from(logKeys).where(eq(logKeys.name, name));
  return { name, signerKey: again!.signerKey, verifierKey: again!.verifierKey };
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
