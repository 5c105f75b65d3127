/**
 * Case export bundle (DESIGN §6): records (canonical content and a Word copy),
 * media or only their hashes, the log entries that seal them with inclusion
 * proofs, a signed checkpoint, the log's public key and a Chinese README. A
 * court checks it offline with `sanxiang verify-bundle`. The export itself is
 * a logged act (a leaf of its own).
 */
import JSZip from 'jszip';
import { asc, eq, inArray } from 'drizzle-orm';
import { BUNDLE_FORMAT, getDocumentKind, signBundleFiles, versionContent, type BundleEntry, type BundleFile, type BundleManifest } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { documentVersions, documents, logLeaves } from '../db/schema.js';
import { renderDocx } from '../documents/index.js';
import { recordAudit } from './audit.js';
import { authorize } from './authorize.js';
import { findAgency } from './agencies.js';
import { agencyCatalogue } from './document-kinds.js';
import { loadReadableCase } from './cases.js';
import { appendLeaf, createCheckpoint, inclusionProof, loadLogSigner } from './integrity-log.js';

/** Media contributed to a bundle by the evidence vault: which leaves, which files. */
export interface BundleMediaItem {
  entryObjectId: string;
  sha256: string;
  size: number;
  fileName: string;
  /** REC-18: disposed of after its retention; listed with its sealed disposal, without bytes. */
  disposal?: { at: string; reason: string };
  read: () => Promise<Uint8Array>;
}
export type BundleMediaSource = (ctx: AppContext, caseId: string) => Promise<BundleMediaItem[]>;
let mediaSource: BundleMediaSource = async () => [];
export function registerBundleMediaSource(source: BundleMediaSource): void {
  mediaSource = source;
}

const README = (m: BundleManifest) => `三项制度执法平台 案卷导出包
================================

案件：${m.case.caseNumber} ${m.case.title}
机关：${m.case.agency}
导出时间：${m.exportedAt}
日志：${m.origin}，检查点包含 ${m.treeSize} 条日志

本导出包可以脱离平台离线核验，证明其中每一份文书、每一个音像文件自签署或收存以来未被改动：

1. records/ 目录下的 .json 文件是文书各版本的规范化内容，其 SHA-256 即“完整性校验值”；
   同名 .docx 为便于阅读的 Word 副本。
2. media/ 目录下为音像文件（导出时选择“仅哈希”的，只在 bundle.json 中列出其 SHA-256）。
   保存期满后经批准销毁的音像文件不含内容，只列出其 SHA-256 和记入日志的销毁记录。
3. bundle.json 列出每个文件对应的日志条目、默克尔包含证明（RFC 6962/9162）和签名检查点
   （C2SP tlog-checkpoint，Ed25519 签名），并附以同一公钥签名的文件清单：本包每个文件（含 .docx
   副本和本说明）的 SHA-256，多出、缺少或改动任何文件都会被发现。
4. 核验：npx sanxiang verify-bundle <本文件.zip> --key <公钥>
   公钥应与本机关门户网站“完整性公钥”页面公布的一致：
   ${m.verifierKey}
`;

export async function exportCaseBundle(ctx: AppContext, actor: ActorContext, caseId: string, options: { includeMedia: boolean }): Promise<{ zip: Buffer; manifest: BundleManifest }> {
  const c = await loadReadableCase(ctx, actor, caseId);
  authorize(actor, 'case.export', { agencyId: c.agencyId, agencyPath: c.agencyPath }, 'case.read');
  const now = ctx.clock.now();
  const agency = (await findAgency(ctx.db, c.agencyId))!;
  const docs = await ctx.db.select().from(documents).where(eq(documents.caseId, c.id));
  const versions = (await ctx.db.select().from(documentVersions).where(eq(documentVersions.caseId, c.id)).orderBy(asc(documentVersions.version))).filter((v) => v.finalizedAt);
  const media = await mediaSource(ctx, c.id);

  // The export is itself sealed, before the checkpoint that covers everything in the bundle.
  await ctx.db.transaction(async (tx) => {
    await appendLeaf(tx, { kind: 'export', objectType: 'case', objectId: c.id, caseId: c.id, agencyPath: c.agencyPath, at: now, payload: { actorId: actor.userId, records: versions.length, media: media.length, includeMedia: options.includeMedia } });
    await recordAudit(tx, { at: now, actor, action: 'case.export', object: { type: 'case', id: c.id, agencyId: c.agencyId, agencyPath: c.agencyPath }, detail: { records: versions.length, media: media.length, includeMedia: options.includeMedia } });
  });
  const checkpoint = await createCheckpoint(ctx);
  const signer = await loadLogSigner(ctx);
  const objectIds = [...versions.map((v) => v.id), ...media.map((m) => m.entryObjectId)];
  const leaves = objectIds.length ? await ctx.db.select().from(logLeaves).where(inArray(logLeaves.objectId, objectIds)).orderBy(asc(logLeaves.idx)) : [];
  const leafFor = (objectId: string, kind: string) => leaves.filter((l) => l.objectId === objectId && l.kind === kind && l.idx < checkpoint.size).at(-1);

  const zip = new JSZip();
  // Every file with its bytes, for the signed file list (an edited .docx, an added or removed file is caught).
  const contents = new Map<string, Uint8Array>();
  const put = (path: string, data: string | Uint8Array) => {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    contents.set(path, bytes);
    zip.file(path, bytes);
  };
  const entries: BundleEntry[] = [];
  const entryOf = async (leaf: (typeof leaves)[number]) => {
    if (!entries.some((e) => e.index === leaf.idx)) {
      entries.push({ index: leaf.idx, data: leaf.data, leafHash: leaf.leafHash, proof: await inclusionProof(ctx.db, leaf.idx, checkpoint.size) });
    }
    return leaf.idx;
  };
  const records: BundleFile[] = [];
  for (const v of versions) {
    const d = docs.find((x) => x.id === v.documentId)!;
    const leaf = leafFor(v.id, 'document.version');
    if (!leaf) continue; // `sanxiang verify` reports unsealed versions
    const base = `records/${d.recordNumber}-v${v.version}`.replace(/[\\/:*?"<>|]/g, '_').replace(/^records_/, 'records/');
    const content = versionContent({ documentId: d.id, caseId: d.caseId, kind: d.kind, recordNumber: d.recordNumber, version: v.version, status: v.status, fields: v.fields, docNumber: v.docNumber, supersedes: v.supersedes, correctionReason: v.correctionReason });
    put(`${base}.json`, content);
    const kind = getDocumentKind(d.kind, agencyCatalogue(agency));
    if (kind) {
      put(`${base}.docx`, await renderDocx({ kind, fields: v.fields, number: v.docNumber ?? d.recordNumber, agencyName: agency.name, caseNumber: c.caseNumber, version: v.version, status: v.status, correctionReason: v.correctionReason }));
    }
    records.push({ path: `${base}.json`, sha256: v.contentHash!, entry: await entryOf(leaf) });
  }
  const mediaFiles: BundleFile[] = [];
  for (const m of media) {
    const leaf = leafFor(m.entryObjectId, 'media.ingest');
    if (!leaf) continue;
    const disposalLeaf = m.disposal ? leafFor(m.entryObjectId, 'media.disposal') : undefined;
    if (m.disposal && disposalLeaf) {
      // REC-18: the bytes are gone by an approved act; the bundle proves the act.
      mediaFiles.push({ path: null, sha256: m.sha256, size: m.size, entry: await entryOf(leaf), disposed: { entry: await entryOf(disposalLeaf), at: m.disposal.at, reason: m.disposal.reason } });
      continue;
    }
    const path = options.includeMedia && !m.disposal ? `media/${m.fileName}` : null;
    if (path) put(path, await m.read());
    mediaFiles.push({ path, sha256: m.sha256, size: m.size, entry: await entryOf(leaf) });
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    case: { id: c.id, caseNumber: c.caseNumber, title: c.title, agency: agency.name },
    exportedAt: now.toISOString(),
    origin: signer.name,
    verifierKey: signer.verifierKey,
    checkpoint: checkpoint.note,
    treeSize: checkpoint.size,
    entries: entries.sort((a, b) => a.index - b.index),
    records,
    media: mediaFiles,
  };
  put('README.txt', README(manifest));
  manifest.files = signBundleFiles(signer.name, c.id, contents, signer.signerKey);
  zip.file('bundle.json', JSON.stringify(manifest, null, 2));
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), manifest };
}

/** Unzips a bundle into a path → bytes map for the pure verifier. */
export async function readBundle(buf: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(buf);
  const files = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) files.set(name, await entry.async('uint8array'));
  }
  return files;
}
