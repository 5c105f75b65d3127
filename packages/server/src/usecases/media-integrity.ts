/**
 * The evidence vault's part in `sanxiang verify` and in case bundles
 * (REC-16, NAT-18): every sealed media ingest must still have its row, and
 * its blob must still hash to the sealed SHA-256 — unless the file was
 * disposed of after its retention (REC-18) by an approved act that is itself
 * sealed in the log: then it is named as disposed, with its disposal record,
 * not as missing. A disposal row without its leaf (or a leaf without its row)
 * is a problem, so a deletion cannot be covered up by writing a row.
 */
import crypto from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { logLeaves, mediaDisposalDecisions, mediaDisposals, mediaFiles } from '../db/schema.js';
import { mediaServices } from '../blobs/index.js';
import { registerBundleMediaSource } from './bundle.js';
import { registerLeafVerifier, type Problem, type VerifyNote } from './verify.js';

async function sha256OfBlob(ctx: AppContext, sha256: string): Promise<string | null> {
  const blobs = mediaServices(ctx).blobs;
  if ((await blobs.size(sha256)) === null) return null;
  const hash = crypto.createHash('sha256');
  for await (const chunk of await blobs.read(sha256)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Approved disposals of these files, each with its sealing leaf (if any). */
async function disposalsOf(ctx: AppContext, mediaIds: string[]) {
  if (!mediaIds.length) return new Map<string, { request: typeof mediaDisposals.$inferSelect; decision: typeof mediaDisposalDecisions.$inferSelect; leaf: typeof logLeaves.$inferSelect | undefined }>();
  const rows = await ctx.db
    .select({ request: mediaDisposals, decision: mediaDisposalDecisions })
    .from(mediaDisposalDecisions)
    .innerJoin(mediaDisposals, eq(mediaDisposals.id, mediaDisposalDecisions.disposalId))
    .where(and(inArray(mediaDisposalDecisions.mediaId, mediaIds), eq(mediaDisposalDecisions.approved, true)));
  const leaves = rows.length
    ? await ctx.db.select().from(logLeaves).where(and(eq(logLeaves.kind, 'media.disposal'), inArray(logLeaves.objectId, rows.map((r) => r.decision.mediaId))))
    : [];
  return new Map(rows.map((r) => [r.decision.mediaId, { ...r, leaf: leaves.find((l) => Number(l.idx) === r.decision.leafIndex && l.objectId === r.decision.mediaId) }]));
}

registerLeafVerifier('media.ingest', async (ctx, leaves) => {
  const problems: Problem[] = [];
  const notes: VerifyNote[] = [];
  const rows = await ctx.db.select().from(mediaFiles).where(inArray(mediaFiles.id, leaves.map((l) => l.objectId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const disposals = await disposalsOf(ctx, rows.map((r) => r.id));
  const checked = new Map<string, string | null>();
  for (const leaf of leaves) {
    const sealed = String(leaf.data.sha256 ?? '');
    const row = byId.get(leaf.objectId);
    if (!row) {
      problems.push({ kind: 'object.missing', message: `日志第 ${leaf.idx} 条记载的音像文件 ${leaf.objectId} 在数据库中不存在（已被删除）`, ref: { index: leaf.idx, mediaId: leaf.objectId } });
      continue;
    }
    if (row.sha256 !== sealed) {
      problems.push({ kind: 'object.changed', message: `音像文件 ${row.recordNumber} 的登记哈希被修改（日志第 ${leaf.idx} 条）`, ref: { index: leaf.idx, mediaId: row.id } });
    }
    const disposal = disposals.get(row.id);
    if (disposal) {
      let sealedData: Record<string, unknown> = {};
      try {
        sealedData = disposal.leaf ? (JSON.parse(disposal.leaf.data) as Record<string, unknown>) : {};
      } catch {
        /* an unreadable leaf is reported by the log check */
      }
      if (disposal.leaf && sealedData.sha256 === row.sha256 && sealedData.disposalId === disposal.request.id) {
        // REC-18: destroyed on purpose, by an approved and sealed act — named, not a problem.
        const d = disposal.decision;
        notes.push({
          kind: 'media.disposed',
          message: `音像文件 ${row.recordNumber}（${row.filename}）已于 ${chinaDay(d.decidedAt)} 依批准销毁：${disposal.request.reason}（申请 ${disposal.request.requestedByName}，批准 ${d.decidedByName}，日志第 ${d.leafIndex} 条；${d.bytesNote}）`,
          ref: { mediaId: row.id, disposalId: disposal.request.id, leafIndex: d.leafIndex, bytesDeleted: d.bytesDeleted },
        });
        continue;
      }
      problems.push({
        kind: 'object.unlogged',
        message: `音像文件 ${row.recordNumber} 的销毁记录未记入完整性日志或与日志不符（销毁申请 ${disposal.request.id}）`,
        ref: { index: leaf.idx, mediaId: row.id, disposalId: disposal.request.id },
      });
    }
    if (!checked.has(sealed)) checked.set(sealed, await sha256OfBlob(ctx, sealed));
    const actual = checked.get(sealed);
    if (actual === null) {
      problems.push({ kind: 'blob.missing', message: `音像文件 ${row.recordNumber}（${row.filename}）的存储文件缺失`, ref: { index: leaf.idx, mediaId: row.id, sha256: sealed } });
    } else if (actual !== sealed) {
      problems.push({ kind: 'blob.altered', message: `音像文件 ${row.recordNumber}（${row.filename}）的存储文件已被改动（SHA-256 不符）`, ref: { index: leaf.idx, mediaId: row.id, sha256: sealed } });
    }
  }
  return { problems, notes };
});

// REC-18: every sealed disposal still has its approved decision row, with the same file and hash.
registerLeafVerifier('media.disposal', async (ctx, leaves) => {
  const problems: Problem[] = [];
  const decisions = await ctx.db
    .select()
    .from(mediaDisposalDecisions)
    .where(and(inArray(mediaDisposalDecisions.mediaId, leaves.map((l) => l.objectId)), eq(mediaDisposalDecisions.approved, true)));
  for (const leaf of leaves) {
    const d = decisions.find((x) => x.leafIndex === leaf.idx);
    if (!d || d.mediaId !== leaf.objectId || d.disposalId !== leaf.data.disposalId) {
      problems.push({ kind: 'object.missing', message: `日志第 ${leaf.idx} 条记载的音像文件销毁批准在数据库中不存在或已被改动`, ref: { index: leaf.idx, mediaId: leaf.objectId } });
    } else if (d.sha256 !== leaf.data.sha256) {
      problems.push({ kind: 'object.changed', message: `音像文件销毁记录的哈希与日志第 ${leaf.idx} 条不符`, ref: { index: leaf.idx, mediaId: leaf.objectId } });
    }
  }
  return problems;
});

registerBundleMediaSource(async (ctx, caseId) => {
  const rows = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, caseId)).orderBy(asc(mediaFiles.seq));
  const disposals = await disposalsOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => {
    const d = disposals.get(r.id);
    return {
      entryObjectId: r.id,
      sha256: r.sha256,
      size: r.size,
      fileName: `${r.recordNumber}-${r.filename}`.replace(/[\\/:*?"<>|]/g, '_'),
      // REC-18: listed with its sealed disposal instead of bytes.
      ...(d ? { disposal: { at: d.decision.decidedAt.toISOString(), reason: d.request.reason } } : {}),
      read: async () => {
        const chunks: Buffer[] = [];
        for await (const c of await mediaServices(ctx).blobs.read(r.sha256)) chunks.push(c as Buffer);
        return new Uint8Array(Buffer.concat(chunks));
      },
    };
  });
});
