/**
 * The evidence vault's part in `sanxiang verify` and in case bundles
 * (REC-16, NAT-18): every sealed media ingest must still have its row, and
 * its blob must still hash to the sealed SHA-256.
 */
import crypto from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { mediaFiles } from '../db/schema.js';
import { mediaServices } from '../blobs/index.js';
import { registerBundleMediaSource } from './bundle.js';
import { registerLeafVerifier, type Problem } from './verify.js';

async function sha256OfBlob(ctx: AppContext, sha256: string): Promise<string | null> {
  const blobs = mediaServices(ctx).blobs;
  if ((await blobs.size(sha256)) === null) return null;
  const hash = crypto.createHash('sha256');
  for await (const chunk of await blobs.read(sha256)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

registerLeafVerifier('media.ingest', async (ctx, leaves) => {
  const problems: Problem[] = [];
  const rows = await ctx.db.select().from(mediaFiles).where(inArray(mediaFiles.id, leaves.map((l) => l.objectId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
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
    if (!checked.has(sealed)) checked.set(sealed, await sha256OfBlob(ctx, sealed));
    const actual = checked.get(sealed);
    if (actual === null) {
      problems.push({ kind: 'blob.missing', message: `音像文件 ${row.recordNumber}（${row.filename}）的存储文件缺失`, ref: { index: leaf.idx, mediaId: row.id, sha256: sealed } });
    } else if (actual !== sealed) {
      problems.push({ kind: 'blob.altered', message: `音像文件 ${row.recordNumber}（${row.filename}）的存储文件已被改动（SHA-256 不符）`, ref: { index: leaf.idx, mediaId: row.id, sha256: sealed } });
    }
  }
  return problems;
});

registerBundleMediaSource(async (ctx, caseId) => {
  const rows = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, caseId)).orderBy(asc(mediaFiles.seq));
  return rows.map((r) => ({
    entryObjectId: r.id,
    sha256: r.sha256,
    size: r.size,
    fileName: `${r.recordNumber}-${r.filename}`.replace(/[\\/:*?"<>|]/g, '_'),
    read: async () => {
      const chunks: Buffer[] = [];
      for await (const c of await mediaServices(ctx).blobs.read(r.sha256)) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
  }));
});
