/**
 * REC-16 · SX25-R 22, NAT-18 · 法发〔2016〕22号 Art 5 (issue 12 item 7): media
 * is served only when sound. The bytes are altered on disk (local blob store)
 * and the file requested as a viewer would: a full response is cut off, a
 * range is refused behind a failed check, and a 完整性告警 reaches the records
 * keeper and the agency head.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { auditEvents, cases, mediaFiles, mediaIntegrityAlerts, mediaVerifications } from '../../db/schema.js';
import { demoActor } from '../../seed/actors.js';
import { ingestBuffer } from '../../seed/media.js';
import { sampleWav } from '../../seed/media-samples.js';
import { mediaServices } from '../../blobs/index.js';

let server: TestServer;
const cookie: Record<string, string> = {};
let media: typeof mediaFiles.$inferSelect;
let file: string;
let original: Buffer;

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

async function ticketUrl(who = 'ty_keeper'): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: `/api/v1/media/${media.id}/views`, headers: { cookie: cookie[who]! }, payload: { reason: '核查' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().url as string;
}

/** A raw HTTP GET: the bytes received, the declared length, and whether the body arrived complete. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; declared: number; bytes: Buffer; complete: boolean; json?: { error: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}${url}`, { headers: { cookie: cookie.ty_keeper!, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        const bytes = Buffer.concat(chunks);
        const json = String(res.headers['content-type'] ?? '').startsWith('application/json') ? JSON.parse(bytes.toString('utf8')) : undefined;
        resolve({ status: res.statusCode ?? 0, declared: Number(res.headers['content-length'] ?? -1), bytes, complete: res.complete, json });
      };
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', done);
      res.on('aborted', done);
      res.on('error', done);
      res.on('close', done);
    });
    req.on('error', reject);
  });
}

async function todoKinds(who: string) {
  const res = await server.app.inject({ method: 'GET', url: '/api/v1/todo', headers: { cookie: cookie[who]! } });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { kind: string; title: string }[]).filter((i) => i.kind === 'integrityAlert');
}

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_keeper', 'ty_head', 'ty_officer1']) cookie[u] = await loginCookie(server.app, u);
  // A recording of several read chunks (20 s of audio, 320 kB) in the demo case of the keeper's agency.
  const [demoCase] = await server.ctx.db.select().from(cases).where(eq(cases.title, '某化工有限公司超标排放案（音像记录演示）'));
  const officer = await demoActor(server.ctx, 'ty_officer1');
  const at = (m: number) => new Date(server.ctx.clock.now().getTime() - m * 60_000).toISOString();
  const stored = await ingestBuffer(server.ctx, officer, demoCase!.id, { filename: '长时询问录音.wav', mimeType: 'audio/wav', bytes: sampleWav({ seconds: 20 }) }, {
    place: '太原市小店区某化工有限公司厂区',
    officerIds: [officer.userId],
    stage: 'investigation',
    recordedStart: at(60),
    recordedEnd: at(40),
    contentNotes: '询问公司负责人（完整性测试）。',
    speakers: [{ name: '王某', identity: '当事人环保负责人' }],
    situations: ['inquiry'],
  });
  media = (await server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, stored.id)))[0]!;
  expect(media.size).toBeGreaterThan(256 * 1024);
  const services = mediaServices(server.ctx);
  expect(services.blobs.kind).toBe('local');
  file = path.join(services.config.store.kind === 'local' ? services.config.store.dir : '', services.blobs.key(media.sha256));
  original = fs.readFileSync(file);
  expect(sha(original)).toBe(media.sha256);
}, 120_000);
afterAll(async () => {
  await server?.close();
});

function alter(at: number) {
  const bytes = Buffer.from(original);
  bytes[at] = bytes[at]! ^ 0x01;
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, bytes);
}

describe('REC-16 · SX25-R 22: media served only when sound', () => {
  it('a sound file is served whole (and marked verified), and by ranges', async () => {
    const url = await ticketUrl();
    const all = await rawGet(url);
    expect(all.status).toBe(200);
    expect(all.complete).toBe(true);
    expect(all.bytes.equals(original)).toBe(true);
    const [mark] = await server.ctx.db.select().from(mediaVerifications).where(eq(mediaVerifications.mediaId, media.id));
    expect(mark).toMatchObject({ ok: true, sha256: media.sha256 });
    const part = await rawGet(url, { range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(original.subarray(0, 10))).toBe(true);
  });

  it('altered bytes on disk: the full response is cut off (not a clean 200), a 完整性告警 is recorded once and reaches the keeper and the head', async () => {
    alter(original.length - 1); // the very last byte: everything before it is sound
    const url = await ticketUrl();
    const cut = await rawGet(url);
    expect(cut.status).toBe(200); // the headers went out before the end of the file was hashed …
    expect(cut.complete).toBe(false); // … but the body never completes
    expect(cut.bytes.byteLength).toBeLessThan(cut.declared);
    expect(cut.bytes.equals(original.subarray(0, cut.bytes.byteLength))).toBe(true); // nothing altered went out
    const alerts = await server.ctx.db.select().from(mediaIntegrityAlerts).where(eq(mediaIntegrityAlerts.mediaId, media.id));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ expectedSha256: media.sha256, detectedDuring: 'stream', recordNumber: media.recordNumber });
    const audit = await server.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'media.integrityAlert'), eq(auditEvents.objectId, media.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.outcome).toBe('failed');
    // Asked again: cut off again, no second alert for the same content.
    expect((await rawGet(await ticketUrl())).complete).toBe(false);
    expect(await server.ctx.db.select().from(mediaIntegrityAlerts).where(eq(mediaIntegrityAlerts.mediaId, media.id))).toHaveLength(1);
    // 待办: the records keeper and the agency head; not the officer.
    const keeper = await todoKinds('ty_keeper');
    expect(keeper).toHaveLength(1);
    expect(keeper[0]!.title).toContain(media.recordNumber);
    expect(await todoKinds('ty_head')).toHaveLength(1);
    expect(await todoKinds('ty_officer1')).toHaveLength(0);
  });

  it('a file of one read chunk, altered: nothing has gone out yet, so the answer is 503 with the Chinese message', async () => {
    const small = (await server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, media.caseId))).find((m) => m.mimeType === 'image/png')!;
    const services = mediaServices(server.ctx);
    const smallFile = path.join(services.config.store.kind === 'local' ? services.config.store.dir : '', services.blobs.key(small.sha256));
    const bytes = fs.readFileSync(smallFile);
    fs.chmodSync(smallFile, 0o644);
    fs.writeFileSync(smallFile, Buffer.concat([bytes.subarray(0, 8), Buffer.from([bytes[8]! ^ 1]), bytes.subarray(9)]));
    const open = await server.app.inject({ method: 'POST', url: `/api/v1/media/${small.id}/views`, headers: { cookie: cookie.ty_keeper! }, payload: { reason: '核查' } });
    const r = await rawGet(open.json().url as string);
    expect(r.status).toBe(503);
    expect(r.json!.error.code).toBe('media.integrity_failed');
    expect(r.json!.error.message).toContain(small.recordNumber);
    fs.writeFileSync(smallFile, bytes);
    // Restored: served again, and its alert leaves the 待办 (a later good check).
    const again = await server.app.inject({ method: 'POST', url: `/api/v1/media/${small.id}/views`, headers: { cookie: cookie.ty_keeper! }, payload: { reason: '核查' } });
    const ok = await rawGet(again.json().url as string);
    expect(ok.status).toBe(200);
    expect(ok.bytes.equals(bytes)).toBe(true);
    expect((await todoKinds('ty_keeper')).map((i) => i.title).join()).not.toContain(small.recordNumber);
  });

  it('a range is refused behind the failed check with a stable code and a Chinese message', async () => {
    const r = await rawGet(await ticketUrl(), { range: 'bytes=0-9' });
    expect(r.status).toBe(503);
    expect(r.json!.error.code).toBe('media.integrity_failed');
    expect(r.json!.error.message).toContain(`音像记录 ${media.recordNumber} 的内容与登记的完整性校验值不符`);
  });

  it('restored from a copy: served whole again, the 待办 item goes; altered once more, a range with no recent mark checks the whole file first and refuses', async () => {
    fs.writeFileSync(file, original);
    const whole = await rawGet(await ticketUrl());
    expect(whole.complete).toBe(true);
    expect(whole.bytes.equals(original)).toBe(true);
    expect(await todoKinds('ty_keeper')).toHaveLength(0);
    expect((await rawGet(await ticketUrl(), { range: 'bytes=0-9' })).status).toBe(206);
    // Altered again, and the good mark has expired (removed): the range request hashes the whole file.
    alter(0);
    await server.ctx.db.delete(mediaVerifications).where(eq(mediaVerifications.mediaId, media.id));
    const r = await rawGet(await ticketUrl(), { range: 'bytes=100-199' });
    expect(r.status).toBe(503);
    expect(r.json!.error.code).toBe('media.integrity_failed');
    const alerts = await server.ctx.db.select().from(mediaIntegrityAlerts).where(eq(mediaIntegrityAlerts.mediaId, media.id)).orderBy(mediaIntegrityAlerts.id);
    expect(alerts.map((a) => a.detectedDuring)).toEqual(['stream', 'range']);
    expect(await todoKinds('ty_keeper')).toHaveLength(2);
    fs.writeFileSync(file, original);
  });
});
