/**
 * REC-16 · SX25-R 22 and NAT-18 · 法发〔2016〕22号 Art 5: originals are sealed in
 * an append-only Merkle log; `sanxiang verify` catches and names tampering;
 * an exported bundle is checked offline.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDocumentKind, integrity, sampleFields, verifyCaseBundle } from '@sanxiang/core';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { documentVersions, logLeaves, users } from '../db/schema.js';
import type { ActorContext } from '../context.js';
import { loadActor } from './auth.js';
import { createCase } from './cases.js';
import { createDocument, finalizeDocument } from './documents.js';
import { createCheckpoint, inclusionProof, loadLogSigner, logSize } from './integrity-log.js';
import { verifyAll } from './verify.js';
import { exportCaseBundle, readBundle } from './bundle.js';

let ctx: TestContext;
let officer: ActorContext;
let head: ActorContext;
let caseId: string;
const versionIds: string[] = [];

async function actor(username: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
  return (await loadActor(ctx, u!.id, '127.0.0.1'))!;
}

/** Runs SQL with the append-only triggers switched off, as an attacker with database access would. */
async function tamper(sql: string, params: unknown[] = []) {
  await ctx.database.dedicated(async (conn) => {
    await conn.exec('SET session_replication_role = replica');
    try {
      await conn.query(sql, params);
    } finally {
      await conn.exec('SET session_replication_role = origin');
    }
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await actor('ty_officer1');
  head = await actor('ty_head');
  const [o2] = await ctx.db.select().from(users).where(eq(users.username, 'ty_officer2'));
  const c = await createCase(ctx, officer, { actionType: 'penalty', source: 'complaint', title: '完整性测试案', handlerIds: [officer.userId, o2!.id] });
  caseId = c.id;
  // Two records of 启动 (issue 11: documents are bound to stages).
  for (const kind of ['sourceRecord', 'filingApproval'] as const) {
    const spec = getDocumentKind(kind)!;
    const d = await createDocument(ctx, officer, caseId, { kind, fields: sampleFields(spec) });
    const done = await finalizeDocument(ctx, spec.finalStatus === 'issued' ? head : officer, caseId, d.documentId, { status: spec.finalStatus });
    versionIds.push(done.history[0]!.id);
  }
  await createCheckpoint(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

describe('REC-16 · SX25-R 22: the integrity log', () => {
  it('every signed or issued version is a leaf; the log verifies clean', async () => {
    const leaves = await ctx.db.select().from(logLeaves);
    // This case's originals (the demo data has cases of its own).
    expect(leaves.filter((l) => l.kind === 'document.version' && l.caseId === caseId).map((l) => l.objectId).sort()).toEqual([...versionIds].sort());
    const report = await verifyAll(ctx);
    expect(report.problems).toEqual([]);
    const [finals] = await ctx.database.query<{ n: number }>("SELECT count(*)::int AS n FROM document_versions WHERE status <> 'draft'");
    expect(report.records).toBe(finals!.n);
    expect(leaves.filter((l) => l.kind === 'document.version').length).toBe(finals!.n);
  });

  it('NAT-18: a signed checkpoint and inclusion proofs verify with the published key', async () => {
    const cp = await createCheckpoint(ctx);
    const signer = await loadLogSigner(ctx);
    const opened = integrity.openCheckpoint(cp.note, [signer.verifierKey]);
    const { size, root } = await logSize(ctx.db);
    expect(opened.checkpoint.size).toBe(size);
    expect(integrity.toHex(opened.checkpoint.rootHash)).toBe(root);
    const leaves = await ctx.db.select().from(logLeaves);
    for (const l of leaves) {
      const proof = (await inclusionProof(ctx.db, l.idx, size)).map(integrity.fromHex);
      expect(integrity.verifyInclusion(integrity.fromHex(l.leafHash), l.idx, size, proof, opened.checkpoint.rootHash)).toBe(true);
    }
  });
});

describe('NAT-18 · 法发〔2016〕22号 Art 5: offline bundle', () => {
  it('an exported bundle verifies offline; an altered file is caught and named; a wrong key fails', async () => {
    const { zip } = await exportCaseBundle(ctx, head, caseId, { includeMedia: true });
    const files = await readBundle(zip);
    const ok = verifyCaseBundle(files);
    expect(ok.problems).toEqual([]);
    expect(ok.records).toBe(2);
    expect(new TextDecoder().decode(files.get('README.txt')!)).toContain('离线核验');

    const recordPath = [...files.keys()].find((p) => p.startsWith('records/') && p.endsWith('.json'))!;
    const altered = new Map(files);
    const bytes = new Uint8Array(files.get(recordPath)!);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01;
    altered.set(recordPath, bytes);
    const bad = verifyCaseBundle(altered);
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.path)).toContain(recordPath);
    expect(bad.problems[0]!.message).toMatch(/已被修改/);

    const other = integrity.generateNoteKeyPair('sanxiang.local/log');
    const wrongKey = verifyCaseBundle(files, { trustedKey: other.verifierKey });
    expect(wrongKey.ok).toBe(false);

    // Round trip through a real zip file
    const z = await JSZip.loadAsync(zip);
    expect(Object.keys(z.files)).toContain('bundle.json');
  });

  it('the signed file list catches an edited .docx, an added and a removed file; a re-signed bundle fails against the published key', async () => {
    const { zip, manifest } = await exportCaseBundle(ctx, head, caseId, { includeMedia: false });
    const files = await readBundle(zip);
    const docx = [...files.keys()].find((p) => p.endsWith('.docx'))!;
    expect(docx).toBeTruthy();
    expect(manifest.files).toContain(docx);
    const edited = new Map(files);
    const b = new Uint8Array(files.get(docx)!);
    b[b.length - 10] = b[b.length - 10]! ^ 0x01;
    edited.set(docx, b);
    expect(verifyCaseBundle(edited).problems.map((p) => [p.path, p.message])).toEqual([[docx, expect.stringMatching(/已被修改/)]]);
    const added = new Map(files).set('records/说明补充.txt', new TextEncoder().encode('后加的文件'));
    expect(verifyCaseBundle(added).problems.map((p) => p.message)).toEqual([expect.stringMatching(/不在签名的文件清单中/)]);
    const removed = new Map(files);
    removed.delete('README.txt');
    expect(verifyCaseBundle(removed).problems.map((p) => p.message)).toEqual([expect.stringMatching(/README.txt 缺失/)]);
    // Re-signed with a key of the attacker's: only the published key tells.
    const forger = integrity.generateNoteKeyPair(manifest.origin);
    const resigned: typeof manifest = { ...manifest, verifierKey: forger.verifierKey, files: integrity.signNote(integrity.parseNote(manifest.files!).text, forger.signerKey) };
    const forged = new Map(files).set('bundle.json', new TextEncoder().encode(JSON.stringify(resigned)));
    const signer = await loadLogSigner(ctx);
    expect(verifyCaseBundle(forged, { trustedKey: signer.verifierKey }).ok).toBe(false);
  });

  it('NAT-18: verify-bundle without --key fails and says so; --trust-embedded-key or the published key passes', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { main } = await import('../cli.js');
    const { zip } = await exportCaseBundle(ctx, head, caseId, { includeMedia: false });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sx-bundle-')), 'b.zip');
    fs.writeFileSync(file, zip);
    const errs: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const out = process.stdout.write.bind(process.stdout);
    process.stderr.write = ((chunk: string) => (errs.push(String(chunk)), true)) as typeof process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await main(['verify-bundle', file])).toBe(3);
      expect(errs.join('')).toMatch(/未提供可信公钥/);
      expect(await main(['verify-bundle', file, '--trust-embedded-key'])).toBe(0);
      expect(await main(['verify-bundle', file, '--key', (await loadLogSigner(ctx)).verifierKey])).toBe(0);
    } finally {
      process.stderr.write = write;
      process.stdout.write = out;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('only the posts allowed to export may (REC-20 · GS-R 47)', async () => {
    await expect(exportCaseBundle(ctx, officer, caseId, { includeMedia: false })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('REC-16 · SX25-R 22: `sanxiang verify` catches tampering and names it', () => {
  it('an UPDATE of a signed record row is named', async () => {
    await tamper(`UPDATE document_versions SET fields = jsonb_set(fields, '{facts}', '"改写的事实"') WHERE id = $1`, [versionIds[1]]);
    const report = await verifyAll(ctx);
    const changed = report.problems.filter((p) => p.kind === 'record.changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.ref.versionId).toBe(versionIds[1]);
    expect(changed[0]!.message).toMatch(/被修改/);
  });

  it('a DELETE of a log row is named, with its index', async () => {
    const [first] = await ctx.db.select().from(logLeaves).where(eq(logLeaves.objectId, versionIds[0]!));
    await tamper('DELETE FROM log_leaves WHERE idx = $1', [first!.idx]);
    const report = await verifyAll(ctx);
    expect(report.problems.some((p) => p.kind === 'leaf.missing' && p.ref.index === first!.idx)).toBe(true);
    // …and the record it sealed is now unlogged.
    expect(report.problems.some((p) => p.kind === 'record.unlogged' && p.ref.versionId === versionIds[0])).toBe(true);
  });

  it('an altered log row is named', async () => {
    const [l] = await ctx.db.select().from(logLeaves).where(eq(logLeaves.objectId, versionIds[1]!));
    await tamper(`UPDATE log_leaves SET data = replace(data, '"v":1', '"v":2') WHERE idx = $1`, [l!.idx]);
    const report = await verifyAll(ctx);
    expect(report.problems.some((p) => p.kind === 'leaf.altered' && p.ref.index === l!.idx)).toBe(true);
  });

  it('a deleted record row is named', async () => {
    await tamper('DELETE FROM document_versions WHERE id = $1', [versionIds[1]]);
    const report = await verifyAll(ctx);
    expect(report.problems.some((p) => p.kind === 'record.missing' && p.ref.versionId === versionIds[1])).toBe(true);
    expect((await ctx.db.select().from(documentVersions).where(eq(documentVersions.id, versionIds[1]!))).length).toBe(0);
  });
});

describe('REC-16 · NAT-18: media blobs under verify and in bundles', () => {
  it('a flipped byte in a stored blob is named; a bundle with media files verifies and catches an altered file', async () => {
    await import('./media-integrity.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { mediaServices } = await import('../blobs/index.js');
    const { mediaFiles } = await import('../db/schema.js');
    const media = await ctx.db.select().from(mediaFiles);
    expect(media.length).toBeGreaterThan(0); // the demo seed stores media through the real path
    const caseWithMedia = media[0]!.caseId;
    const keeper = await actor('ty_keeper');
    const { zip } = await exportCaseBundle(ctx, keeper, caseWithMedia, { includeMedia: true });
    const files = await readBundle(zip);
    const report = verifyCaseBundle(files);
    expect(report.problems).toEqual([]);
    expect(report.media).toBe(media.filter((m) => m.caseId === caseWithMedia).length);
    const mediaPath = [...files.keys()].find((p) => p.startsWith('media/'))!;
    const altered = new Map(files);
    const b = new Uint8Array(files.get(mediaPath)!);
    b[0] = b[0]! ^ 0xff;
    altered.set(mediaPath, b);
    expect(verifyCaseBundle(altered).problems.map((p) => p.path)).toContain(mediaPath);

    const services = mediaServices(ctx);
    expect(services.blobs.kind).toBe('local');
    const target = media[0]!;
    const file = path.join(services.config.store.kind === 'local' ? services.config.store.dir : '', services.blobs.key(target.sha256));
    const bytes = fs.readFileSync(file);
    fs.chmodSync(file, 0o644);
    bytes[10] = bytes[10]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    const after = await verifyAll(ctx);
    const altered2 = after.problems.filter((p) => p.kind === 'blob.altered');
    expect(altered2.some((p) => p.ref.mediaId === target.id)).toBe(true);
  });
});
