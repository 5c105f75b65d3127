/**
 * REC-16 · SX25-R 22, NAT-18 · 法发〔2016〕22号 Art 5: the log served as C2SP
 * tlog-tiles at /log. Every expectation is computed here from the spec's
 * definitions with node:crypto — leaf hash SHA-256(0x00 || data), node hash
 * SHA-256(0x01 || left || right), tile hash i of tile N at level L =
 * MTH(D[(N·256+i)·256^L : (N·256+i+1)·256^L]) — not through the server's reader.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrity } from '@sanxiang/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../http/app.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { canonicalJson } from '@sanxiang/core';
import { appendLeaf, createCheckpoint, leafData, loadLogSigner, logSize, type LeafInput } from '../integrity-log.js';
import { sealedContent } from '../publications.js';
import { SEAL_BATCH, sealRows } from './seal.js';

const sha = (...parts: Uint8Array[]) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const leafHash = (data: Uint8Array) => sha(Uint8Array.of(0), data);
const nodeHash = (l: Uint8Array, r: Uint8Array) => sha(Uint8Array.of(1), l, r);
/** RFC 6962 §2.1 MTH, straight from the definition (k = largest power of two < n). */
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
const concat = (hs: Uint8Array[]) => Buffer.concat(hs.map((h) => Buffer.from(h)));

const N = 600; // two full level-0 tiles, a partial one of width 88; a level-1 tile of width 2
let ctx: TestContext;
let app: FastifyInstance;
const data: Buffer[] = [];
const leaves: Uint8Array[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
  app = await buildApp(ctx);
  fs.mkdirSync(path.join(ctx.config.dataDir, 'uploads'), { recursive: true });
  await app.ready();
  for (let batch = 0; batch < N / 100; batch++) {
    await ctx.db.transaction(async (tx) => {
      for (let i = batch * 100; i < (batch + 1) * 100; i++) {
        const input: LeafInput = { kind: 'test', objectType: 'test', objectId: `t${i}`, at: new Date(Date.UTC(2026, 2, 2, 1, 0, i % 60)), payload: { i, 名称: `条目${i}` } };
        const d = Buffer.from(leafData(input), 'utf8');
        const got = await appendLeaf(tx, input);
        data.push(d);
        leaves.push(leafHash(d));
        expect(got.leafHash).toBe(Buffer.from(leaves[i]!).toString('hex'));
      }
    });
  }
  await createCheckpoint(ctx);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await new Promise((r) => setTimeout(r, 500));
  await ctx?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('REC-16 · SX25-R 22: the log as C2SP tlog-tiles at /log', () => {
  it('serves the signed checkpoint as text/plain, exactly the note `sanxiang checkpoint` prints', async () => {
    const res = await get('/log/checkpoint');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(String(res.headers['cache-control'])).toMatch(/max-age=\d$/);
    const cp = await createCheckpoint(ctx); // same size: the stored note
    expect(res.body).toBe(cp.note);
    const signer = await loadLogSigner(ctx);
    const opened = integrity.openCheckpoint(res.body, signer.verifierKey);
    expect(opened.checkpoint.size).toBe(N);
    expect(Buffer.from(opened.checkpoint.rootHash)).toEqual(Buffer.from(mth(leaves)));
  });

  it('level-0 tiles hold the leaf hashes: full tiles 8,192 bytes and immutable, the partial one short-lived', async () => {
    const t0 = await get('/log/tile/0/000');
    expect(t0.statusCode).toBe(200);
    expect(t0.headers['content-type']).toBe('application/octet-stream');
    expect(t0.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(t0.rawPayload.byteLength).toBe(8192);
    expect(t0.rawPayload).toEqual(concat(leaves.slice(0, 256)));
    expect((await get('/log/tile/0/001')).rawPayload).toEqual(concat(leaves.slice(256, 512)));
    const p = await get('/log/tile/0/002.p/88');
    expect(p.statusCode).toBe(200);
    expect(p.rawPayload).toEqual(concat(leaves.slice(512, 600)));
    expect(p.headers['cache-control']).toBe('public, max-age=60');
    // A prefix of a tile the tree holds is served too (an older checkpoint's partial tile).
    expect((await get('/log/tile/0/002.p/5')).rawPayload).toEqual(concat(leaves.slice(512, 517)));
    expect((await get('/log/tile/0/000.p/3')).rawPayload).toEqual(concat(leaves.slice(0, 3)));
  });

  it('level-1 tiles hold the MTH of complete level-0 tiles (256 leaves each)', async () => {
    const t = await get('/log/tile/1/000.p/2');
    expect(t.statusCode).toBe(200);
    expect(t.rawPayload).toEqual(concat([mth(leaves.slice(0, 256)), mth(leaves.slice(256, 512))]));
  });

  it('a tile beyond the tree, or a path not in the spec form, is 404', async () => {
    for (const url of ['/log/tile/0/002', '/log/tile/0/002.p/89', '/log/tile/0/003.p/1', '/log/tile/1/000', '/log/tile/1/000.p/3', '/log/tile/2/000.p/1', '/log/tile/entries/002', '/log/tile/0/2', '/log/tile/0/x000/001', '/log/tile/00/000', '/log/tile/0/000.p/256', '/log/tile/entries/000.p/0']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/plain; charset=utf-8');
    }
  });

  it('entry bundles carry each leaf data behind a big-endian uint16 length; each hashes to its level-0 tile entry', async () => {
    const res = await get('/log/tile/entries/001');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const raw = res.rawPayload;
    const got: Buffer[] = [];
    for (let at = 0; at < raw.byteLength; ) {
      const len = raw.readUInt16BE(at);
      got.push(raw.subarray(at + 2, at + 2 + len));
      at += 2 + len;
    }
    expect(got).toEqual(data.slice(256, 512));
    const tile = (await get('/log/tile/0/001')).rawPayload;
    got.forEach((e, i) => expect(Buffer.from(leafHash(e))).toEqual(tile.subarray(i * 32, (i + 1) * 32)));
    // Compressed when the client accepts gzip.
    const gz = await get('/log/tile/entries/002.p/88', { 'accept-encoding': 'gzip, identity' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = zlib.gunzipSync(gz.rawPayload);
    expect(plain.readUInt16BE(0)).toBe(data[512]!.byteLength);
    expect(plain.subarray(2, 2 + data[512]!.byteLength)).toEqual(data[512]);
  });

  it('a tlog client recomputes the signed root of the checkpoint size from the tiles alone', async () => {
    const note = (await get('/log/checkpoint')).body;
    const signer = await loadLogSigner(ctx);
    const { checkpoint } = integrity.openCheckpoint(note, signer.verifierKey);
    const size = checkpoint.size;
    // Tiles as a client fetches them: full when the tree holds the whole tile, else the partial width for this size.
    const tiles = new Map<string, Buffer>();
    const tileHashes = async (level: number, begin: number, end: number): Promise<Uint8Array[]> => {
      const out: Uint8Array[] = [];
      for (let i = begin; i < end; i++) {
        const n = Math.floor(i / 256);
        const full = (n + 1) * 256 <= Math.floor(size / 256 ** level);
        const idx = String(n).padStart(3, '0'); // n < 1000 here
        const url = `/log/tile/${level}/${idx}${full ? '' : `.p/${Math.floor(size / 256 ** level) % 256}`}`;
        if (!tiles.has(url)) {
          const res = await get(url);
          expect(res.statusCode, url).toBe(200);
          tiles.set(url, res.rawPayload);
        }
        out.push(new Uint8Array(tiles.get(url)!.subarray((i % 256) * 32, (i % 256 + 1) * 32)));
      }
      return out;
    };
    // The perfect subtrees of the tree, left to right (one per set bit of the size).
    const peaks: Uint8Array[] = [];
    let start = 0;
    for (let h = 52; h >= 0; h--) {
      const width = 2 ** h;
      if (Math.floor(size / width) % 2 === 0) continue;
      const level = Math.floor(h / 8); // the tile level that holds this subtree's hashes
      const unit = 256 ** level;
      const hashes = await tileHashes(level, start / unit, (start + width) / unit);
      peaks.push(mth(hashes));
      start += width;
    }
    let root = peaks[peaks.length - 1]!;
    for (let i = peaks.length - 2; i >= 0; i--) root = nodeHash(peaks[i]!, root);
    expect(Buffer.from(root)).toEqual(Buffer.from(checkpoint.rootHash));
    expect([...tiles.keys()].sort()).toEqual(['/log/tile/0/002.p/88', '/log/tile/1/000.p/2']);
  });

  it('the OpenAPI document declares the text and binary content types', async () => {
    const doc = (await get('/api/docs/json')).json() as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }> };
    expect(Object.keys(doc.paths['/log/checkpoint']!.get.responses['200']!.content)).toEqual(['text/plain']);
    const tile = Object.entries(doc.paths).find(([p]) => p.startsWith('/log/tile/'))![1];
    expect(Object.keys(tile.get.responses['200']!.content)).toEqual(['application/octet-stream']);
  });
});

describe('REC-16 · SX25-R 22: every leaf fits an entry bundle (≤ 65,535 bytes)', () => {
  it('a larger leaf is refused; row seals are split into leaves that fit; long public content is sealed by its hash', async () => {
    await expect(ctx.db.transaction((tx) => appendLeaf(tx, { kind: 'test', objectType: 'test', objectId: 'big', at: new Date(), payload: { text: 'x'.repeat(70_000) } }))).rejects.toThrow(/65535/);
    const before = (await logSize(ctx.db)).size;
    const rows = Array.from({ length: 2 * SEAL_BATCH + 1 }, (_, i) => ({ id: crypto.randomUUID(), i }));
    await sealRows(ctx.db, 'audit_events', rows, { at: new Date() });
    const after = (await logSize(ctx.db)).size;
    expect(after - before).toBe(3);
    const bundle = (await get(`/log/tile/entries/002.p/${after - 512}`)).rawPayload;
    let at = 0;
    const sizes: number[] = [];
    while (at < bundle.byteLength) {
      sizes.push(bundle.readUInt16BE(at));
      at += 2 + sizes[sizes.length - 1]!;
    }
    expect(sizes).toHaveLength(after - 512);
    const small = { fields: { a: '罚款人民币陆万元整' } };
    expect(sealedContent(small)).toEqual({ content: small });
    const long = { fields: { fullText: '依据'.repeat(20_000) } };
    expect(sealedContent(long)).toEqual({ contentSha256: crypto.createHash('sha256').update(canonicalJson(long)).digest('hex') });
  });
});

describe('REC-16 · SX25-R 22: full level-1 tiles (a tree of 65,536 leaves)', () => {
  it('tile 1/000 holds the 256 MTHs of the full level-0 tiles, immutable; tile 2/000.p/1 the root', async () => {
    // Only the stored nodes a level-1 and a level-2 tile are read from (tree levels 8 and 16), written
    // straight into a log of its own: hashing 65,536 leaves by hand is quick, appending them is not.
    const big = await createTestContext({ seed: false });
    const bigApp = await buildApp(big);
    fs.mkdirSync(path.join(big.config.dataDir, 'uploads'), { recursive: true });
    await bigApp.ready();
    try {
      const all = Array.from({ length: 65_536 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
      const level8 = Array.from({ length: 256 }, (_, n) => mth(all.slice(n * 256, (n + 1) * 256)));
      const root = mth(all);
      expect(Buffer.from(mth(level8))).toEqual(Buffer.from(root)); // MTH of a perfect tree, level by level
      for (let n = 0; n < 256; n += 64) {
        const values = level8.slice(n, n + 64).map((h, j) => `(8, ${n + j}, '${Buffer.from(h).toString('hex')}')`).join(', ');
        await big.database.query(`INSERT INTO log_nodes (level, idx, hash) VALUES ${values}`);
      }
      await big.database.query(`INSERT INTO log_nodes (level, idx, hash) VALUES (16, 0, $1)`, [Buffer.from(root).toString('hex')]);
      await big.database.query(`UPDATE log_head SET size = 65536, compact = $1::jsonb WHERE id = 1`, [JSON.stringify([Buffer.from(root).toString('hex')])]);
      const t1 = await bigApp.inject({ method: 'GET', url: '/log/tile/1/000' });
      expect(t1.statusCode).toBe(200);
      expect(t1.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(t1.rawPayload).toEqual(concat(level8));
      const t2 = await bigApp.inject({ method: 'GET', url: '/log/tile/2/000.p/1' });
      expect(t2.rawPayload).toEqual(Buffer.from(root));
      expect((await bigApp.inject({ method: 'GET', url: '/log/tile/1/001.p/1' })).statusCode).toBe(404);
    } finally {
      await bigApp.close();
      await new Promise((r) => setTimeout(r, 300));
      await big.close();
    }
  }, 120_000);
});
