/**
 * Issue 14 item 7: uploads cut off between their last byte and the finish
 * are finished on the tus HEAD and by the recovery pass at start, exactly
 * once; abandoned uploads expire after SANXIANG_UPLOAD_EXPIRY_HOURS with
 * their staged bytes, and the tus client is answered 410.
 *
 * The crash is simulated by the state it leaves: the upload row `pending`,
 * tus's record of the upload and the complete staged file, nothing else.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { auditEvents, mediaFiles, mediaUploads, users } from '../../db/schema.js';
import { mediaServices } from '../../blobs/index.js';
import { sweepUploads } from '../../usecases/media-uploads/recover.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ config: { sessionIdleMinutes: 7 * 24 * 60 } });
  for (const u of ['ty_officer1', 'ty_officer2']) cookie[u] = await loginCookie(server.app, u);
  for (const u of await server.ctx.db.select().from(users)) ids[u.username] = u.id;
});
afterAll(async () => {
  await server?.close();
});

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const hoursAgo = (h: number) => new Date(server.ctx.clock.now().getTime() - h * 3600_000);
const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie.ty_officer1! }, ...(payload !== undefined ? { payload: payload as object } : {}) });

let caseId = '';
async function theCase() {
  if (caseId) return caseId;
  const res = await api('POST', '/cases', { actionType: 'penalty', source: 'complaint', title: '上传恢复测试案', handlerIds: [ids.ty_officer1, ids.ty_officer2] });
  expect(res.statusCode, res.body).toBe(201);
  caseId = (res.json().case as { id: string }).id;
  return caseId;
}

/** Declares a file and creates its tus upload (no byte sent yet). */
async function declared(bytes: Uint8Array) {
  const d = await api('POST', `/cases/${await theCase()}/media/uploads`, {
    filename: 'clip.mp4',
    mimeType: 'video/mp4',
    size: bytes.length,
    sha256: sha(bytes),
    metadata: { recordedStart: hoursAgo(2).toISOString(), recordedEnd: hoursAgo(1).toISOString(), place: '某公司厂区', officerIds: [ids.ty_officer1], contentNotes: '现场检查全过程录像', situations: ['onSiteInspection'] },
  });
  expect(d.statusCode, d.body).toBe(201);
  const id = (d.json().upload as { id: string }).id;
  const created = await fetch(`${server.url}/api/v1/uploads`, {
    method: 'POST',
    headers: { cookie: cookie.ty_officer1!, 'Tus-Resumable': '1.0.0', 'Upload-Length': String(bytes.length), 'Upload-Metadata': `uploadId ${b64(id)},filename ${b64('clip.mp4')}` },
  });
  expect(created.status).toBe(201);
  return { id, location: created.headers.get('location')!, staged: mediaServices(server.ctx).staging.stagedPath(id) };
}

const head = (location: string) => fetch(`${server.url}${location}`, { method: 'HEAD', headers: { cookie: cookie.ty_officer1!, 'Tus-Resumable': '1.0.0' } });
const mediaOf = (uploadId: string) => server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.uploadId, uploadId));
const uploadRow = async (id: string) => (await server.ctx.db.select().from(mediaUploads).where(eq(mediaUploads.id, id)))[0]!;
const random = (n: number) => new Uint8Array(crypto.randomBytes(n));

describe('issue 14 · uploads cut off after the last byte', () => {
  it('REC-14 · REC-16 · NAT-18: a crash after the last byte — the tus HEAD finishes the upload, the media record exists once', async () => {
    const bytes = random(200_000);
    const up = await declared(bytes);
    fs.writeFileSync(up.staged, bytes); // every byte on disk, the finish never ran
    mediaServices(server.ctx).staging.forgetState(); // a new process knows no digests
    expect((await uploadRow(up.id)).status).toBe('pending');

    const first = await head(up.location);
    expect(first.status).toBe(200);
    expect(first.headers.get('upload-offset')).toBe(String(bytes.length));
    expect(first.headers.get('upload-length')).toBe(String(bytes.length));
    const rows = await mediaOf(up.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sha256).toBe(sha(bytes));
    expect((await uploadRow(up.id)).status).toBe('completed');
    expect(fs.existsSync(up.staged)).toBe(false);

    // Idempotent: the client asking again (or two HEADs at once) finds the same single record.
    const again = await Promise.all([head(up.location), head(up.location)]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    expect(again[0]!.headers.get('upload-offset')).toBe(String(bytes.length));
    expect(await mediaOf(up.id)).toHaveLength(1);
    const r = await api('GET', `/cases/${caseId}/media`);
    expect((r.json().items as { sha256: string }[]).filter((m) => m.sha256 === sha(bytes))).toHaveLength(1);
  });

  it('REC-14 · REC-16: the recovery pass at start finishes a complete staged upload once; a second pass does nothing', async () => {
    const bytes = random(150_000);
    const up = await declared(bytes);
    fs.writeFileSync(up.staged, bytes);
    mediaServices(server.ctx).staging.forgetState();
    const [a, b] = await Promise.all([sweepUploads(server.ctx), sweepUploads(server.ctx)]);
    expect(a.finished + b.finished).toBeGreaterThanOrEqual(1);
    expect(await mediaOf(up.id)).toHaveLength(1);
    expect((await uploadRow(up.id)).status).toBe('completed');
    expect((await sweepUploads(server.ctx)).finished).toBe(0);
    expect(await mediaOf(up.id)).toHaveLength(1);
    // The audit names the uploader, as on the normal path.
    const mediaId = (await mediaOf(up.id))[0]!.id;
    const ingest = (await server.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'media.ingest'))).filter((e) => e.objectId === mediaId);
    expect(ingest).toHaveLength(1);
    expect(ingest[0]!.actorId).toBe(ids.ty_officer1);
  });

  it('a complete staged file that does not match its declaration is refused on HEAD (NAT-18): the upload fails, nothing is kept', async () => {
    const bytes = random(50_000);
    const up = await declared(bytes);
    fs.writeFileSync(up.staged, random(50_000));
    const res = await head(up.location);
    expect(res.status).toBe(409); // the upload has failed: media.upload_invalid with the refusal as detail
    expect(await mediaOf(up.id)).toHaveLength(0);
    expect((await uploadRow(up.id)).status).toBe('failed');
  });
});

describe('issue 14 · abandoned uploads expire', () => {
  it('REC-16 · SYS-5: an upload idle for longer than the limit (24 h) is removed with its bytes and answers 410; a younger one is kept', async () => {
    const oldBytes = random(80_000);
    const youngBytes = random(80_000);
    const old = await declared(oldBytes);
    const young = await declared(youngBytes);
    fs.writeFileSync(old.staged, oldBytes.subarray(0, 30_000));
    fs.writeFileSync(young.staged, youngBytes.subarray(0, 30_000));
    // The old one: declared and last written 25 hours ago; the young one an hour ago.
    await server.ctx.db.update(mediaUploads).set({ updatedAt: hoursAgo(25) }).where(eq(mediaUploads.id, old.id));
    await server.ctx.db.update(mediaUploads).set({ updatedAt: hoursAgo(1) }).where(eq(mediaUploads.id, young.id));
    fs.utimesSync(old.staged, hoursAgo(25), hoursAgo(25));
    fs.utimesSync(young.staged, hoursAgo(1), hoursAgo(1));
    // An orphaned staged file (its row never written) from two days ago.
    const orphan = path.join(mediaServices(server.ctx).config.stagingDir, crypto.randomUUID());
    fs.writeFileSync(orphan, 'x');
    fs.utimesSync(orphan, hoursAgo(48), hoursAgo(48));

    const r = await sweepUploads(server.ctx);
    expect(r.expired).toBe(1);
    expect(r.orphansRemoved).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(old.staged)).toBe(false);
    expect(fs.existsSync(`${old.staged}.json`)).toBe(false);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.statSync(young.staged).size).toBe(30_000);
    const row = await uploadRow(old.id);
    expect(row.status).toBe('failed');
    expect(row.error?.code).toBe('media.upload_expired');
    expect((await uploadRow(young.id)).status).toBe('pending');

    // The tus client is told clearly, in the platform's Chinese error shape.
    expect((await head(old.location)).status).toBe(410);
    const patch = await fetch(`${server.url}${old.location}`, {
      method: 'PATCH',
      headers: { cookie: cookie.ty_officer1!, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '30000', 'Content-Type': 'application/offset+octet-stream' },
      body: oldBytes.subarray(30_000),
    });
    expect(patch.status).toBe(410);
    const body = (await patch.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('media.upload_expired');
    expect(body.error.message).toContain('已过期');

    // The young one still resumes and finishes.
    expect((await head(young.location)).headers.get('upload-offset')).toBe('30000');
    const done = await fetch(`${server.url}${young.location}`, {
      method: 'PATCH',
      headers: { cookie: cookie.ty_officer1!, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '30000', 'Content-Type': 'application/offset+octet-stream' },
      body: youngBytes.subarray(30_000),
    });
    expect(done.status).toBe(200);
    expect(await mediaOf(young.id)).toHaveLength(1);
  });

  it('an idle upload past the limit answers 410 on HEAD even before the sweep ran', async () => {
    const bytes = random(40_000);
    const up = await declared(bytes);
    fs.writeFileSync(up.staged, bytes.subarray(0, 10_000));
    await server.ctx.db.update(mediaUploads).set({ updatedAt: hoursAgo(30) }).where(eq(mediaUploads.id, up.id));
    fs.utimesSync(up.staged, hoursAgo(30), hoursAgo(30));
    expect((await head(up.location)).status).toBe(410);
    expect(fs.existsSync(up.staged)).toBe(false);
    expect((await uploadRow(up.id)).error?.code).toBe('media.upload_expired');
  });
});
