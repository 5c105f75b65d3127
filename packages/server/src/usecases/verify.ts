/**
 * `sanxiang verify` (REC-16, NAT-18): recomputes everything the integrity
 * log vouches for from the database (and, for media, the blobs) and names
 * each mismatch:
 * - a log row missing or altered (leaf hash ≠ H(0x00 || data)), a tree that
 *   no longer matches the head or a signed checkpoint;
 * - a record version changed after it was sealed, deleted, or finalized
 *   without being sealed;
 * - whatever the registered leaf verifiers check (media blobs).
 * A media file disposed of by an approved, sealed act (REC-18) is named as a
 * note, not a problem: its bytes are gone on purpose.
 */
import { asc, gt, isNotNull } from 'drizzle-orm';
import { integrity } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { documentVersions, documents, logCheckpoints, logLeaves } from '../db/schema.js';
import { contentHash } from './documents.js';
import { loadLogSigner, logSize } from './integrity-log.js';
import { allCosignatures, configuredWitnesses } from './integrity-witness.js';
import { checkPublications, checkSealedRows } from './integrity-seal/check.js';

const { CompactRange, fromHex, toHex, leafHash: hashLeaf, openCheckpoint, equalBytes, openCosignatures, parseCheckpoint, SIGNATURE_LINE_PREFIX } = integrity;

export type ProblemKind =
  | 'leaf.missing'
  | 'leaf.altered'
  | 'tree.mismatch'
  | 'checkpoint.invalid'
  | 'log.truncated'
  | 'record.changed'
  | 'record.missing'
  | 'record.unlogged'
  | 'blob.missing'
  | 'blob.altered'
  | 'object.missing'
  | 'object.changed'
  | 'object.unlogged';

export interface Problem {
  kind: ProblemKind;
  /** What is wrong, in Chinese, naming the row or file. */
  message: string;
  ref: Record<string, unknown>;
}

export interface LeafRow {
  idx: number;
  kind: string;
  objectType: string;
  objectId: string;
  data: Record<string, unknown>;
}

/** Something the verifier found in order and names for the reader (a disposed file, REC-18). */
export interface VerifyNote {
  kind: 'media.disposed' | 'cosignature.unchecked';
  message: string;
  ref: Record<string, unknown>;
}

/** Checks the object behind a leaf of one kind (registered by the module that owns the kind). */
export type LeafVerifier = (ctx: AppContext, leaves: LeafRow[]) => Promise<Problem[] | { problems: Problem[]; notes?: VerifyNote[] }>;
const leafVerifiers = new Map<string, LeafVerifier>();

export function registerLeafVerifier(kind: string, verifier: LeafVerifier): void {
  leafVerifiers.set(kind, verifier);
}

export interface VerifyReport {
  leaves: number;
  checkpoints: number;
  /** Witnesses' cosignatures checked and held (issue 12 item 4). */
  cosignatures: number;
  records: number;
  problems: Problem[];
  notes: VerifyNote[];
}

export interface VerifyOptions {
  /**
   * Signed checkpoints saved earlier outside the database (by an auditor or a
   * witness): the log must contain each one (`sanxiang verify --checkpoint FILE`).
   */
  checkpoints?: { label: string; note: string }[];
}

interface HeldCheckpoint {
  size: number;
  root: Uint8Array;
  /** Where it came from, for the message: 数据库 or the file name. */
  label: string;
  matched: boolean;
}

export async function verifyAll(ctx: AppContext, onProgress: (line: string) => void = () => {}, options: VerifyOptions = {}): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const notes: VerifyNote[] = [];
  const head = await logSize(ctx.db);
  const signer = await loadLogSigner(ctx);
  const checkpoints = await ctx.db.select().from(logCheckpoints).orderBy(asc(logCheckpoints.size));
  // REC-16: every signed checkpoint held — in the database or saved outside it — must be in the log.
  const held: HeldCheckpoint[] = [];
  const hold = (note: string, label: string, stored?: { size: number; rootHash: string }) => {
    try {
      const opened = openCheckpoint(note, [signer.verifierKey]);
      if (stored && (opened.checkpoint.size !== stored.size || toHex(opened.checkpoint.rootHash) !== stored.rootHash)) {
        problems.push({ kind: 'tree.mismatch', message: `检查点（${stored.size} 条）的记录与其签名内容不一致`, ref: { checkpointSize: stored.size } });
      }
      held.push({ size: opened.checkpoint.size, root: opened.checkpoint.rootHash, label, matched: false });
      // A saved checkpoint may carry witnesses' cosignatures: those of configured witnesses must verify.
      const extra = opened.note.unverified.map((u) => `${SIGNATURE_LINE_PREFIX}${u.name} ${u.base64}\n`).join('');
      if (extra && !stored) openCosignatures(opened.note.text, extra, configuredWitnesses(ctx));
    } catch (e) {
      problems.push({ kind: 'checkpoint.invalid', message: `检查点（${label}${stored ? `，${stored.size} 条` : ''}）签名无效：${(e as Error).message}`, ref: { checkpointSize: stored?.size ?? null, source: label } });
    }
  };
  for (const c of checkpoints) hold(c.note, '数据库', c);
  for (const c of options.checkpoints ?? []) hold(c.note, c.label);
  // Issue 12 item 4: a checkpoint a witness cosigned is held like any signed checkpoint (the row keeps the body
  // the witness signed, so a rollback that also removed the checkpoint row is still caught).
  const witnesses = configuredWitnesses(ctx);
  const cosignatures = await allCosignatures(ctx.db);
  let cosigned = 0;
  for (const c of cosignatures) {
    const label = `见证人 ${c.witnessName} 副署`;
    try {
      const { verified } = openCosignatures(c.checkpointText, c.line, witnesses);
      if (!verified.length) {
        notes.push({ kind: 'cosignature.unchecked', message: `见证人 ${c.witnessName} 已不在配置的见证人名单中，其对检查点（${c.checkpointSize} 条）的副署未核对`, ref: { checkpointSize: c.checkpointSize, witness: c.witnessName } });
        continue;
      }
      const cp = parseCheckpoint(c.checkpointText);
      if (cp.origin !== signer.name || cp.size !== c.checkpointSize) throw new Error(`副署的检查点不是本日志的（${cp.origin}，${cp.size} 条）`);
      held.push({ size: cp.size, root: cp.rootHash, label, matched: false });
      cosigned++;
    } catch (e) {
      problems.push({ kind: 'checkpoint.invalid', message: `见证人 ${c.witnessName} 对检查点（${c.checkpointSize} 条）的副署无效：${(e as Error).message}`, ref: { checkpointSize: c.checkpointSize, witness: c.witnessName } });
    }
  }
  const heldAt = new Map<number, HeldCheckpoint[]>();
  for (const h of held) heldAt.set(h.size, [...(heldAt.get(h.size) ?? []), h]);
  const verifyCheckpoint = (size: number, root: Uint8Array) => {
    for (const cp of heldAt.get(size) ?? []) {
      cp.matched = true;
      if (!equalBytes(cp.root, root)) {
        problems.push({ kind: 'tree.mismatch', message: `检查点（${cp.label}，${size} 条）的根哈希与按日志重算的不一致：日志已被改写`, ref: { checkpointSize: size, source: cp.label } });
      }
    }
  };

  // 1. Leaves, in order, rebuilt into the tree.
  let state = CompactRange.empty();
  let expected = 0;
  const byKind = new Map<string, LeafRow[]>();
  const BATCH = 5000;
  let last = -1;

  verifyCheckpoint(0, state.root());
  for (;;) {
    const rows = await ctx.db.select().from(logLeaves).where(gt(logLeaves.idx, last)).orderBy(asc(logLeaves.idx)).limit(BATCH);
    if (rows.length === 0) break;
    for (const r of rows) {
      while (expected < r.idx) {
        problems.push({ kind: 'leaf.missing', message: `日志第 ${expected} 条缺失（已被删除）`, ref: { index: expected } });
        // The tree cannot be rebuilt past a hole; keep counting to name every hole.
        expected++;
        state = CompactRange.empty();
      }
      const recomputed = hashLeaf(new TextEncoder().encode(r.data));
      if (toHex(recomputed) !== r.leafHash) {
        problems.push({ kind: 'leaf.altered', message: `日志第 ${r.idx} 条（${r.kind} ${r.objectId}）内容与其哈希不符，已被修改`, ref: { index: r.idx } });
      }
      if (state.size === r.idx) state = state.append(fromHex(r.leafHash)).state;
      expected = r.idx + 1;
      verifyCheckpoint(state.size, state.root());
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(r.data) as Record<string, unknown>;
      } catch {
        problems.push({ kind: 'leaf.altered', message: `日志第 ${r.idx} 条不是有效的 JSON`, ref: { index: r.idx } });
      }
      const list = byKind.get(r.kind) ?? [];
      list.push({ idx: r.idx, kind: r.kind, objectType: r.objectType, objectId: r.objectId, data });
      byKind.set(r.kind, list);
    }
    last = rows[rows.length - 1]!.idx;
    onProgress(`已核验日志 ${expected} / ${head.size} 条`);
  }
  while (expected < head.size) {
    problems.push({ kind: 'leaf.missing', message: `日志第 ${expected} 条缺失（已被删除）`, ref: { index: expected } });
    expected++;
  }
  // Truncation or rollback: a signed checkpoint the log no longer reaches.
  for (const cp of held) {
    if (cp.matched) continue;
    if (cp.size > head.size || cp.size > expected) {
      problems.push({
        kind: 'log.truncated',
        message: `日志只有 ${Math.min(head.size, expected)} 条，短于已签名的检查点（${cp.label}，${cp.size} 条）：日志被截断或回滚`,
        ref: { checkpointSize: cp.size, size: head.size, source: cp.label },
      });
    } else {
      problems.push({ kind: 'tree.mismatch', message: `日志有缺失，无法核对检查点（${cp.label}，${cp.size} 条）`, ref: { checkpointSize: cp.size, source: cp.label } });
    }
  }
  if (state.size === head.size && toHex(state.root()) !== head.root) {
    problems.push({ kind: 'tree.mismatch', message: '按日志重算的根哈希与日志头不一致', ref: { size: head.size } });
  }

  // 2. Record versions against their seals, both ways.
  const sealed = byKind.get('document.version') ?? [];
  const docs = new Map((await ctx.db.select().from(documents)).map((d) => [d.id, d]));
  const versions = await ctx.db.select().from(documentVersions).where(isNotNull(documentVersions.finalizedAt));
  const versionById = new Map(versions.map((v) => [v.id, v]));
  const sealedIds = new Set<string>();
  for (const leaf of sealed) {
    sealedIds.add(leaf.objectId);
    const v = versionById.get(leaf.objectId);
    const d = v ? docs.get(v.documentId) : undefined;
    if (!v || !d) {
      problems.push({ kind: 'record.missing', message: `日志第 ${leaf.idx} 条记载的文书版本 ${leaf.objectId} 在数据库中不存在（已被删除）`, ref: { index: leaf.idx, versionId: leaf.objectId } });
      continue;
    }
    const now = contentHash(d, v);
    if (now !== leaf.data.contentHash || v.contentHash !== leaf.data.contentHash) {
      problems.push({ kind: 'record.changed', message: `文书 ${d.recordNumber} 第 ${v.version} 版在签署后被修改（内容哈希不符，日志第 ${leaf.idx} 条）`, ref: { index: leaf.idx, versionId: v.id, documentId: d.id } });
    }
  }
  for (const v of versions) {
    if (!sealedIds.has(v.id)) {
      const d = docs.get(v.documentId);
      problems.push({ kind: 'record.unlogged', message: `文书 ${d?.recordNumber ?? v.documentId} 第 ${v.version} 版已签署但未记入完整性日志`, ref: { versionId: v.id } });
    }
  }
  onProgress(`已核验文书版本 ${versions.length} 个`);

  // 3. Whatever else the log seals (media blobs, …).
  for (const [kind, verifier] of leafVerifiers) {
    const leaves = byKind.get(kind) ?? [];
    if (!leaves.length) continue;
    const r = await verifier(ctx, leaves);
    if (Array.isArray(r)) problems.push(...r);
    else {
      problems.push(...r.problems);
      notes.push(...(r.notes ?? []));
    }
  }
  // 4. Every sealed row and what the portal shows (run even with no leaf: an unsealed row is a finding).
  problems.push(...(await checkSealedRows(ctx, byKind.get('rows.seal') ?? [])));
  problems.push(...(await checkPublications(ctx, [...(byKind.get('publication.publish') ?? []), ...(byKind.get('publication.withdraw') ?? [])].sort((a, b) => a.idx - b.idx))));
  onProgress('已核验留痕记录与公示内容');
  return { leaves: head.size, checkpoints: checkpoints.length, cosignatures: cosigned, records: versions.length, problems, notes };
}
