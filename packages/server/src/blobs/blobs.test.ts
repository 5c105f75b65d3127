/**
 * The blob stores and the staging store on their own: write-once under the
 * SHA-256 (REC-16, NAT-18), byte ranges, digests while receiving or on
 * completion, SM3 where 国密 is on (SYS-6), and an S3-compatible store with
 * Object Lock headers (against a small in-process S3 stand-in).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { ConfigError } from '../config.js';
import { ingestBuffer } from '../seed/media.js';
import { loadActor } from '../usecases/auth.js';
import { createCase } from '../usecases/cases.js';
import { users } from '../db/schema.js';
import { eq } from 'drizzle-orm';
import { loadMediaConfig } from './config.js';
import { configureMedia } from './index.js';
import { S3BlobStore } from './s3.js';
import { LocalBlobStore } from './store.js';
import { HashingFileStore } from './tus.js';

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-blobs-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function text(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('REC-16 · NAT-18: local blob store, write-once under the SHA-256', () => {
  it('stores once, never overwrites, reads ranges, and the file is read-only', async () => {
    const store = new LocalBlobStore(path.join(dir, 'local'));
    const data = crypto.randomBytes(5000);
    const src1 = path.join(dir, 'a');
    fs.writeFileSync(src1, data);
    const r1 = await store.put(src1, { sha256: sha(data), size: data.length });
    expect(r1).toEqual({ created: true, key: `sha256/${sha(data).slice(0, 2)}/${sha(data).slice(2, 4)}/${sha(data)}` });
    expect(fs.existsSync(src1)).toBe(false);
    const src2 = path.join(dir, 'b');
    fs.writeFileSync(src2, data);
    expect((await store.put(src2, { sha256: sha(data), size: data.length })).created).toBe(false);
    expect(await store.size(sha(data))).toBe(5000);
    expect((await text(await store.read(sha(data), { start: 10, end: 19 }))).equals(data.subarray(10, 20))).toBe(true);
    const file = path.join(dir, 'local', ...r1.key.split('/'));
    expect(fs.statSync(file).mode & 0o222).toBe(0);
    expect(await store.size('0'.repeat(64))).toBeNull();
  });

  it('REC-18 · XX-R 16: an approved disposal removes the stored file (removing absent content is not an error)', async () => {
    const store = new LocalBlobStore(path.join(dir, 'local-remove'));
    const data = crypto.randomBytes(1000);
    const src = path.join(dir, 'r');
    fs.writeFileSync(src, data);
    await store.put(src, { sha256: sha(data), size: data.length });
    expect(await store.size(sha(data))).toBe(1000);
    await store.remove(sha(data));
    expect(await store.size(sha(data))).toBeNull();
    await expect(store.remove(sha(data))).resolves.toBeUndefined();
  });
});

describe('NAT-18: digests while receiving, or on completion', () => {
  it('SHA-256 and SM3 over exactly the staged bytes, across PATCHes, and from the file when the state is gone', async () => {
    const staging = new HashingFileStore(path.join(dir, 'staging'), ['sha256', 'sm3']);
    fs.mkdirSync(path.join(dir, 'staging'), { recursive: true });
    const data = crypto.randomBytes(300_000);
    await staging.create({ id: 'u1', size: data.length, offset: 0, metadata: {} } as unknown as Parameters<HashingFileStore['create']>[0]);
    let off = await staging.write(Readable.from([data.subarray(0, 100_000)]), 'u1', 0);
    off = await staging.write(Readable.from([data.subarray(100_000)]), 'u1', off);
    expect(off).toBe(data.length);
    const d = await staging.digestOf('u1');
    expect(d).toEqual({ sha256: sha(data), sm3: crypto.createHash('sm3').update(data).digest('hex'), size: data.length, whileReceiving: true });
    // No state left: read from the staged file.
    const again = await staging.digestOf('u1');
    expect(again).toMatchObject({ sha256: sha(data), whileReceiving: false });
    await staging.discard('u1');
    expect(fs.existsSync(staging.stagedPath('u1'))).toBe(false);
  });
});

describe('configuration of the vault', () => {
  it('local by default; S3 needs its bucket; SM3 on demand', () => {
    const c = loadMediaConfig({ blobDir: '/x/blobs', dataDir: '/x' }, {});
    expect(c).toMatchObject({ store: { kind: 'local', dir: '/x/blobs' }, stagingDir: '/x/uploads', algorithms: ['sha256'] });
    expect(() => loadMediaConfig({ blobDir: '/x/blobs', dataDir: '/x' }, { SANXIANG_BLOB_STORE: 's3' })).toThrow(ConfigError);
    expect(() => loadMediaConfig({ blobDir: '/x/blobs', dataDir: '/x' }, { SANXIANG_BLOB_STORE: 's3' })).toThrow(/SANXIANG_S3_BUCKET/);
    expect(loadMediaConfig({ blobDir: '/x/blobs', dataDir: '/x' }, { SANXIANG_HASH_SM3: 'true' }).algorithms).toEqual(['sha256', 'sm3']);
    const s3 = loadMediaConfig({ blobDir: '/x/blobs', dataDir: '/x' }, { SANXIANG_BLOB_STORE: 's3', SANXIANG_S3_BUCKET: 'evidence', SANXIANG_S3_ENDPOINT: 'http://127.0.0.1:9000', SANXIANG_S3_FORCE_PATH_STYLE: 'true' });
    expect(s3.store).toMatchObject({ kind: 's3', bucket: 'evidence', objectLock: 'compliance', forcePathStyle: true });
  });
});

/** A small S3 stand-in: path-style PUT/HEAD/GET (with Range) and the bucket's Object Lock configuration. */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; headers: http.IncomingHttpHeaders }>();
  const puts: http.IncomingHttpHeaders[] = [];
  const deletes: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (url.searchParams.has('versions')) {
        // ListObjectVersions: one (unversioned, "null") version per stored key under the prefix.
        const prefix = url.searchParams.get('prefix') ?? '';
        const bucket = decodeURIComponent(url.pathname).replace(/^\/|\/$/g, '');
        const keys = [...objects.keys()].map((k) => k.slice(bucket.length + 2)).filter((k) => k.startsWith(prefix));
        res.setHeader('content-type', 'application/xml');
        res.end(`<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult><Name>${bucket}</Name><Prefix>${prefix}</Prefix>${keys.map((k) => `<Version><Key>${k}</Key><VersionId>null</VersionId><IsLatest>true</IsLatest></Version>`).join('')}</ListVersionsResult>`);
        return;
      }
      if (req.method === 'DELETE') {
        deletes.push(url.search);
        objects.delete(decodeURIComponent(url.pathname));
        res.statusCode = 204;
        res.end();
        return;
      }
      if (url.searchParams.has('object-lock')) {
        res.setHeader('content-type', 'application/xml');
        res.end('<?xml version="1.0" encoding="UTF-8"?><ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>');
        return;
      }
      const key = decodeURIComponent(url.pathname);
      if (req.method === 'PUT') {
        let body: Buffer = Buffer.concat(chunks);
        // aws-chunked with a trailing checksum (the SDK's default for streamed bodies).
        if (String(req.headers['content-encoding'] ?? '').includes('aws-chunked')) body = decodeAwsChunked(body);
        puts.push(req.headers);
        objects.set(key, { body, headers: req.headers });
        res.setHeader('etag', '"x"');
        res.end();
        return;
      }
      const o = objects.get(key);
      if (!o) {
        res.statusCode = 404;
        res.setHeader('content-type', 'application/xml');
        res.end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>');
        return;
      }
      const m = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
      const body = m ? o.body.subarray(Number(m[1]), Number(m[2]) + 1) : o.body;
      res.statusCode = m ? 206 : 200;
      res.setHeader('content-length', String(req.method === 'HEAD' ? o.body.length : body.length));
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return { server, objects, puts, deletes };
}

function decodeAwsChunked(raw: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', i);
    const size = parseInt(raw.subarray(i, eol).toString().split(';')[0]!, 16);
    if (!size) break;
    out.push(raw.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

describe('an S3-compatible store with Object Lock (REC-16, REC-18)', () => {
  let s3: ReturnType<typeof fakeS3>;
  let endpoint = '';
  beforeAll(async () => {
    s3 = fakeS3();
    await new Promise<void>((r) => s3.server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(s3.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => s3.server.close(r));
  });

  it('puts once with retention headers, reads ranges, and a second put of the same content writes nothing', async () => {
    const store = new S3BlobStore({ bucket: 'evidence', region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, prefix: 'sx/', objectLock: 'compliance', objectLockDays: 3653 });
    const data = crypto.randomBytes(70_000);
    const src = path.join(dir, 's3src');
    fs.writeFileSync(src, data);
    const until = new Date('2037-01-01T00:00:00Z');
    const r = await store.put(src, { sha256: sha(data), size: data.length, contentType: 'video/mp4', retainUntil: until });
    expect(r.created).toBe(true);
    expect(r.key).toBe(`sx/sha256/${sha(data).slice(0, 2)}/${sha(data).slice(2, 4)}/${sha(data)}`);
    expect(fs.existsSync(src)).toBe(false);
    expect(s3.puts).toHaveLength(1);
    expect(s3.puts[0]!['x-amz-object-lock-mode']).toBe('COMPLIANCE');
    expect(new Date(String(s3.puts[0]!['x-amz-object-lock-retain-until-date'])).toISOString()).toBe(until.toISOString());
    expect(s3.puts[0]!['x-amz-meta-sha256']).toBe(sha(data));
    expect(s3.objects.get(`/evidence/${r.key}`)!.body.equals(data)).toBe(true);
    expect(await store.size(sha(data))).toBe(data.length);
    expect((await text(await store.read(sha(data), { start: 5, end: 9 }))).equals(data.subarray(5, 10))).toBe(true);
    const src2 = path.join(dir, 's3src2');
    fs.writeFileSync(src2, data);
    expect((await store.put(src2, { sha256: sha(data), size: data.length })).created).toBe(false);
    expect(s3.puts).toHaveLength(1);
    expect(await store.size('1'.repeat(64))).toBeNull();
  });

  it('REC-18 · XX-R 16: removal deletes every version of the object (Object Lock buckets are versioned)', async () => {
    const store = new S3BlobStore({ bucket: 'evidence', region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, prefix: 'sx/', objectLock: 'off', objectLockDays: 0 });
    const data = crypto.randomBytes(3000);
    const src = path.join(dir, 's3rm');
    fs.writeFileSync(src, data);
    await store.put(src, { sha256: sha(data), size: data.length });
    expect(await store.size(sha(data))).toBe(3000);
    await store.remove(sha(data));
    expect(await store.size(sha(data))).toBeNull();
    expect(s3.deletes.at(-1)).toContain('versionId=null');
  });
});

describe('SYS-6: a 国密 deployment records SM3 next to SHA-256 through the real ingest path', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });
  it('the media row, the blob row and the Merkle leaf carry the SM3 value', async () => {
    configureMedia(ctx, { store: { kind: 'local', dir: path.join(dir, 'sm3-blobs') }, stagingDir: path.join(dir, 'sm3-staging'), maxUploadBytes: 10 * 1024 * 1024, uploadExpiryHours: 24, uploadSweepMinutes: 60, algorithms: ['sha256', 'sm3'] });
    const [a] = await ctx.db.select().from(users).where(eq(users.username, 'ty_officer1'));
    const [b] = await ctx.db.select().from(users).where(eq(users.username, 'ty_officer2'));
    const actor = (await loadActor(ctx, a!.id, '127.0.0.1'))!;
    const c = await createCase(ctx, actor, { actionType: 'inspection', source: 'randomInspection', title: '国密测试', handlerIds: [a!.id, b!.id] });
    const data = crypto.randomBytes(2048);
    const now = ctx.clock.now().toISOString();
    const m = await ingestBuffer(ctx, actor, c.id, { filename: 'p.jpg', mimeType: 'image/jpeg', bytes: data }, { recordedStart: now, recordedEnd: now, place: '现场', officerIds: [a!.id], contentNotes: '国密校验测试' });
    expect(m.sm3).toBe(crypto.createHash('sm3').update(data).digest('hex'));
    const leaves = await ctx.database.query<{ data: string }>("SELECT data FROM log_leaves WHERE object_id = $1 AND kind = 'media.ingest'", [m.id]);
    expect(JSON.parse(leaves[0]!.data).sm3).toBe(m.sm3);
  });
});
