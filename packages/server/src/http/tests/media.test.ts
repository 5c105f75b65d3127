/**
 * Issue 5, the media part of the evidence vault: resumable upload with
 * hashing while receiving (tus), duplicates, refused mismatches, the AV gate
 * with approved exceptions, playback with range requests, access requests
 * limited in time and scope, and every view in the audit and Merkle logs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { integrity } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { auditEvents, cases, logLeaves, mediaAccessLog, mediaBlobs, mediaFiles, mediaUploads, users } from '../../db/schema.js';
import { mediaServices } from '../../blobs/index.js';
import { inclusionProof, logSize } from '../../usecases/integrity-log.js';
import { sampleMp4, samplePhoto, sampleWav } from '../../seed/media-samples.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Some tests move the clock by hours (access windows): keep the sessions alive meanwhile.
  server = await startTestServer({ config: { sessionIdleMinutes: 24 * 60 } });
  for (const u of ['ty_officer1', 'ty_officer2', 'ty_unithead', 'ty_head', 'ty_clerk', 'ty_keeper', 'ty_reviewer', 'lz_officer1', 'lz_officer2', 'lz_head', 'xx_officer1', 'xx_officer2', 'sx_supervisor', 'ty_supervisor', 'ty_sysadmin', 'xd_head']) {
    cookie[u] = await loginCookie(server.app, u);
  }
  for (const u of await server.ctx.db.select().from(users)) ids[u.username] = u.id;
});
afterAll(async () => {
  await server?.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
const api = (method: Method, url: string, who: string | null, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: who ? { cookie: cookie[who]! } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const hoursAgo = (h: number) => new Date(server.ctx.clock.now().getTime() - h * 3600_000).toISOString();

async function newCase(who = 'ty_officer1', body: Record<string, unknown> = {}, handlers = ['ty_officer1', 'ty_officer2']) {
  const res = await api('POST', '/cases', who, { actionType: 'penalty', source: 'complaint', title: '音像记录测试案', handlerIds: handlers.map((h) => ids[h]), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case as { id: string; caseNumber: string };
}

function meta(over: Record<string, unknown> = {}, officers = ['ty_officer1', 'ty_officer2']) {
  return { recordedStart: hoursAgo(2), recordedEnd: hoursAgo(1), place: '某公司厂区', officerIds: officers.map((o) => ids[o]), contentNotes: '现场检查全过程录像', situations: ['onSiteInspection'], ...over };
}

async function declare(caseId: string, bytes: Uint8Array, opts: { who?: string; sha256?: string; size?: number; mimeType?: string; filename?: string; metadata?: Record<string, unknown> } = {}) {
  return api('POST', `/cases/${caseId}/media/uploads`, opts.who ?? 'ty_officer1', {
    filename: opts.filename ?? 'clip.mp4',
    mimeType: opts.mimeType ?? 'video/mp4',
    size: opts.size ?? bytes.length,
    sha256: opts.sha256 ?? sha(bytes),
    metadata: opts.metadata ?? meta(),
  });
}

/** tus creation (POST) through the real HTTP server. */
async function tusCreate(uploadId: string, length: number, who = 'ty_officer1') {
  return fetch(`${server.url}/api/v1/uploads`, {
    method: 'POST',
    headers: { cookie: cookie[who]!, 'Tus-Resumable': '1.0.0', 'Upload-Length': String(length), 'Upload-Metadata': `uploadId ${b64(uploadId)},filename ${b64('clip.mp4')}` },
  });
}

async function tusPatch(location: string, offset: number, body: Uint8Array, who = 'ty_officer1') {
  return fetch(`${server.url}${location}`, {
    method: 'PATCH',
    headers: { cookie: cookie[who]!, 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
    body: Buffer.from(body) as unknown as BodyInit,
  });
}

async function tusOffset(location: string, who = 'ty_officer1'): Promise<number> {
  const res = await fetch(`${server.url}${location}`, { method: 'HEAD', headers: { cookie: cookie[who]!, 'Tus-Resumable': '1.0.0' } });
  expect(res.status).toBe(200);
  return Number(res.headers.get('upload-offset'));
}

/** Declares and uploads a whole file; returns the server's final answer. */
async function upload(caseId: string, bytes: Uint8Array, opts: Parameters<typeof declare>[2] = {}) {
  const d = await declare(caseId, bytes, opts);
  if (d.statusCode === 200) return { status: 200, json: d.json() as { duplicate: boolean; media: MediaJson } };
  expect(d.statusCode, d.body).toBe(201);
  const up = d.json().upload as { id: string };
  const created = await tusCreate(up.id, bytes.length, opts.who);
  expect(created.status).toBe(201);
  const res = await tusPatch(created.headers.get('location')!, 0, bytes, opts.who);
  return { status: res.status, json: (await res.json()) as { duplicate: boolean; media: MediaJson } };
}

interface MediaJson {
  id: string;
  sha256: string;
  size: number;
  recordNumber: string;
  upload: { due: string | null; late: boolean; basis: string };
  retention: { class: string; earliestDisposal: string | null; label: string };
  abilities: { view: boolean; download: boolean; hold: boolean; requestDisposal: boolean; approveDisposal: boolean };
}

async function openView(mediaId: string, who = 'ty_officer1', body: Record<string, unknown> = {}) {
  return api('POST', `/media/${mediaId}/views`, who, body);
}

describe('REC-14 · NAT-18: resumable upload with the hash computed while receiving', () => {
  it('an interrupted upload resumes where it stopped and ends with the right SHA-256', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(3 * 1024 * 1024 + 123);
    const d = await declare(c.id, bytes);
    expect(d.statusCode, d.body).toBe(201);
    const uploadId = d.json().upload.id as string;
    expect(d.json().upload.tus).toEqual({ endpoint: '/api/v1/uploads', metadata: { uploadId, filename: 'clip.mp4', filetype: 'video/mp4' } });
    const created = await tusCreate(uploadId, bytes.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toBe(`/api/v1/uploads/${uploadId}`);

    // The connection drops after about half the file.
    await new Promise<void>((resolve) => {
      const req = http.request(`${server.url}${location}`, {
        method: 'PATCH',
        headers: { cookie: cookie.ty_officer1!, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(bytes.length) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(bytes.subarray(0, 1_500_000), () => setTimeout(() => req.destroy(), 300));
    });
    let offset = 0;
    await expect.poll(async () => (offset = await tusOffset(location)), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(offset).toBeLessThan(bytes.length);
    expect(offset).toBeLessThanOrEqual(1_500_000);

    const res = await tusPatch(location, offset, bytes.subarray(offset));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { duplicate: boolean; media: MediaJson };
    expect(body.duplicate).toBe(false);
    expect(body.media.sha256).toBe(sha(bytes));
    expect(body.media.size).toBe(bytes.length);
    // Stored write-once under its hash, with the same bytes.
    const [blob] = await server.ctx.db.select().from(mediaBlobs).where(eq(mediaBlobs.sha256, sha(bytes)));
    expect(blob?.size).toBe(bytes.length);
    const stream = await mediaServices(server.ctx).blobs.read(sha(bytes));
    const h = crypto.createHash('sha256');
    for await (const chunk of stream) h.update(chunk as Buffer);
    expect(h.digest('hex')).toBe(sha(bytes));
    // The digests were built while receiving (no second pass over the file).
    const [audit] = await server.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'media.ingest'), eq(auditEvents.objectId, body.media.id)));
    expect(audit?.detail.hashedWhileReceiving).toBe(true);
    // The staging folder keeps nothing.
    expect(fs.existsSync(mediaServices(server.ctx).staging.stagedPath(uploadId))).toBe(false);
  });

  it('an upload resumed on another server (no hash state in memory) is hashed from the staged file and still right', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(700_000);
    const d = await declare(c.id, bytes);
    const uploadId = d.json().upload.id as string;
    const created = await tusCreate(uploadId, bytes.length);
    const location = created.headers.get('location')!;
    expect((await tusPatch(location, 0, bytes.subarray(0, 300_000))).status).toBe(204);
    mediaServices(server.ctx).staging.forgetState(); // what a restart or a second server sees
    const res = await tusPatch(location, 300_000, bytes.subarray(300_000));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { media: MediaJson };
    expect(body.media.sha256).toBe(sha(bytes));
    const [audit] = await server.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'media.ingest'), eq(auditEvents.objectId, body.media.id)));
    expect(audit?.detail.hashedWhileReceiving).toBe(false);
  });

  it('REC-15 · SX25-R 20: records are numbered within the case', async () => {
    const c = await newCase();
    const a = await upload(c.id, crypto.randomBytes(1000));
    const b = await upload(c.id, crypto.randomBytes(1000), { mimeType: 'image/jpeg', filename: 'p.jpg' });
    expect([a.json.media.recordNumber, b.json.media.recordNumber]).toEqual(['音像001', '音像002']);
  });
});

describe('duplicates are normal answers (never a 500)', () => {
  it('declaring a file already in the case returns the existing record', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(50_000);
    const first = await upload(c.id, bytes);
    expect(first.status).toBe(200);
    const again = await declare(c.id, bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, media: { id: first.json.media.id, sha256: sha(bytes) } });
  });

  it('two uploads of the same file racing: the second completes as a duplicate pointing at the first', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(40_000);
    const d1 = await declare(c.id, bytes);
    const d2 = await declare(c.id, bytes, { who: 'ty_officer2' });
    expect([d1.statusCode, d2.statusCode]).toEqual([201, 201]);
    const l1 = (await tusCreate(d1.json().upload.id, bytes.length)).headers.get('location')!;
    const l2 = (await tusCreate(d2.json().upload.id, bytes.length, 'ty_officer2')).headers.get('location')!;
    const r1 = (await (await tusPatch(l1, 0, bytes)).json()) as { duplicate: boolean; media: MediaJson };
    const res2 = await tusPatch(l2, 0, bytes, 'ty_officer2');
    expect(res2.status).toBe(200);
    const r2 = (await res2.json()) as { duplicate: boolean; media: MediaJson };
    expect(r1.duplicate).toBe(false);
    expect(r2).toMatchObject({ duplicate: true, media: { id: r1.media.id } });
    expect((await server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, c.id))).length).toBe(1);
  });

  it('declaring the same pending file again (a reloaded page) continues the same upload, so it resumes', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(10_000);
    const d1 = await declare(c.id, bytes);
    const location = (await tusCreate(d1.json().upload.id, bytes.length)).headers.get('location')!;
    expect((await tusPatch(location, 0, bytes.subarray(0, 4000))).status).toBe(204);
    const d2 = await declare(c.id, bytes, { metadata: meta({ contentNotes: '重新打开页面后补充的说明' }) });
    expect(d2.json().upload.id).toBe(d1.json().upload.id);
    expect(await tusOffset(location)).toBe(4000);
    const res = await tusPatch(location, 4000, bytes.subarray(4000));
    expect(res.status).toBe(200);
    const got = (await res.json()) as { media: MediaJson & { contentNotes: string } };
    expect(got.media).toMatchObject({ sha256: sha(bytes), contentNotes: '重新打开页面后补充的说明' });
  });

  it('the same file in another case is a new record sharing the stored bytes', async () => {
    const bytes = crypto.randomBytes(30_000);
    const a = await upload((await newCase()).id, bytes);
    const b = await upload((await newCase()).id, bytes);
    expect(b.json.duplicate).toBe(false);
    expect(b.json.media.id).not.toBe(a.json.media.id);
    expect((await server.ctx.db.select().from(mediaBlobs).where(eq(mediaBlobs.sha256, sha(bytes)))).length).toBe(1);
  });
});

describe('NAT-18: a size or hash that differs from the declaration is refused and nothing is stored', () => {
  it('a wrong SHA-256 is refused with a clear Chinese error; no record, no blob, no staged bytes', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(20_000);
    const declared = sha(crypto.randomBytes(10));
    const d = await declare(c.id, bytes, { sha256: declared });
    const uploadId = d.json().upload.id as string;
    const location = (await tusCreate(uploadId, bytes.length)).headers.get('location')!;
    const res = await tusPatch(location, 0, bytes);
    expect(res.status).toBe(422);
    const err = (await res.json()) as { error: { code: string; message: string } };
    expect(err.error.code).toBe('media.hash_mismatch');
    expect(err.error.message).toContain('完整性校验值与申报不符');
    expect(err.error.message).toContain(sha(bytes));
    expect(await server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, c.id))).toEqual([]);
    expect(await server.ctx.db.select().from(mediaBlobs).where(eq(mediaBlobs.sha256, sha(bytes)))).toEqual([]);
    expect(await mediaServices(server.ctx).blobs.size(sha(bytes))).toBeNull();
    expect(fs.existsSync(mediaServices(server.ctx).staging.stagedPath(uploadId))).toBe(false);
    const [u] = await server.ctx.db.select().from(mediaUploads).where(eq(mediaUploads.id, uploadId));
    expect(u).toMatchObject({ status: 'failed', error: { code: 'media.hash_mismatch' } });
    // The upload cannot be continued.
    expect((await tusPatch(location, 0, bytes)).status).toBe(409);
  });

  it('a length that differs from the declared size is refused at creation', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(5_000);
    const d = await declare(c.id, bytes);
    const res = await tusCreate(d.json().upload.id, bytes.length + 1);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('media.size_mismatch');
  });

  it('only video, audio and photos are accepted', async () => {
    const c = await newCase();
    const res = await declare(c.id, Buffer.from('x'), { mimeType: 'application/pdf', filename: 'a.pdf' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('media.type_unsupported');
  });

  it('REC-15: audio names its speakers; REC-17: evidence names operator, device and explanation', async () => {
    const c = await newCase();
    const audio = await declare(c.id, sampleWav(), { mimeType: 'audio/wav', filename: 'a.wav' });
    expect(audio.statusCode).toBe(400);
    expect(audio.json().error.message).toContain('讲话人');
    const ev = await declare(c.id, crypto.randomBytes(10), { metadata: meta({ evidence: true }) });
    expect(ev.statusCode).toBe(400);
    expect(ev.json().error.message).toContain('摄录人员');
  });

  it('another user cannot continue someone else’s upload (404)', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(1000);
    const d = await declare(c.id, bytes);
    const res = await tusCreate(d.json().upload.id, bytes.length, 'ty_officer2');
    expect(res.status).toBe(404);
    const anon = await fetch(`${server.url}/api/v1/uploads`, { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' } });
    expect(anon.status).toBe(401);
  });
});

describe('REC-6 · SX25-R 12(一): 查封 cannot leave the investigation stage without its recording or an approved exception', () => {
  async function sealCaseInInvestigation() {
    const c = await newCase('ty_officer1', { measures: ['seal'] });
    await server.ctx.db.update(cases).set({ state: 'investigation' }).where(eq(cases.id, c.id));
    return c;
  }
  async function blockedBySeal(caseId: string): Promise<boolean> {
    const res = await api('POST', `/cases/${caseId}/advance`, 'ty_officer1');
    expect(res.statusCode).toBe(409);
    return (res.json().error.details as { id?: string }[]).some((m) => m.id === 'av.investigation.seal');
  }

  it('without a recording the stage gate names the missing 查封 recording; a recording covering it clears that line', async () => {
    const c = await sealCaseInInvestigation();
    expect(await blockedBySeal(c.id)).toBe(true);
    const list = await api('GET', `/cases/${c.id}/media`, 'ty_officer1');
    expect(list.json().avChecklist.find((i: { id: string }) => i.id === 'av.investigation.seal')).toMatchObject({ status: 'missing', basis: expect.stringContaining('《生态环境系统行政执法全过程记录办法》第十二条') });
    await upload(c.id, crypto.randomBytes(2000), { metadata: meta({ situations: ['inquiry'] }) });
    expect(await blockedBySeal(c.id)).toBe(true);
    await upload(c.id, crypto.randomBytes(2000), { metadata: meta({ situations: ['seal'] }) });
    expect(await blockedBySeal(c.id)).toBe(false);
  });

  it('REC-11 · SX25-R 17: an interruption note counts only once the leader approved it', async () => {
    const c = await sealCaseInInvestigation();
    const note = await api('POST', `/cases/${c.id}/av-exceptions`, 'ty_officer1', {
      kind: 'interruption',
      situations: ['seal'],
      reason: 'deviceFault',
      explanation: '执法记录仪在查封开始后电池故障，无法继续录像，已以现场笔录完整记载查封过程。',
      occurredAt: hoursAgo(3),
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json().exception).toMatchObject({ counts: false, problems: ['领导审批：尚待分管领导审批'] });
    expect(await blockedBySeal(c.id)).toBe(true);
    const id = note.json().exception.id as string;
    expect((await api('POST', `/cases/${c.id}/av-exceptions/${id}/decision`, 'ty_officer1', { approved: true })).statusCode).toBe(403);
    const ok = await api('POST', `/cases/${c.id}/av-exceptions/${id}/decision`, 'ty_head', { approved: true, comment: '同意' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().exception.counts).toBe(true);
    expect(await blockedBySeal(c.id)).toBe(false);
    expect((await api('POST', `/cases/${c.id}/av-exceptions/${id}/decision`, 'ty_head', { approved: false })).json().error.code).toBe('av.exception_decided');
    const leaves = await server.ctx.db.select().from(logLeaves).where(eq(logLeaves.objectId, id)).orderBy(logLeaves.idx);
    expect(leaves.map((l) => l.kind)).toEqual(['av.exception', 'av.exception.decision']);
  });

  it('REC-12 · XX-R 11: a witness’s request to stop needs the signed request; a refused stop does not count', async () => {
    const c = await sealCaseInInvestigation();
    const noRequest = await api('POST', `/cases/${c.id}/av-exceptions`, 'ty_officer1', {
      kind: 'permittedStop',
      situations: ['seal'],
      reason: 'witnessRequest',
      explanation: '证人以人身安全为由要求停止录像，经现场负责人同意后停止。',
      occurredAt: hoursAgo(3),
    });
    expect(noRequest.statusCode).toBe(400);
    expect(noRequest.json().error.message).toContain('书面申请');
    const photo = await upload(c.id, samplePhoto(7), { mimeType: 'image/png', filename: '书面申请.png', metadata: meta({ situations: [], contentNotes: '证人签名的停止录像申请' }) });
    const stop = await api('POST', `/cases/${c.id}/av-exceptions`, 'ty_officer1', {
      kind: 'permittedStop',
      situations: ['seal'],
      reason: 'witnessRequest',
      explanation: '证人以人身安全为由要求停止录像，经现场负责人同意后停止。',
      occurredAt: hoursAgo(3),
      signedRequestRef: photo.json.media.id,
    });
    expect(stop.statusCode, stop.body).toBe(201);
    const refused = await api('POST', `/cases/${c.id}/av-exceptions/${stop.json().exception.id}/decision`, 'ty_head', { approved: false, comment: '理由不充分' });
    expect(refused.json().exception.counts).toBe(false);
    expect(await blockedBySeal(c.id)).toBe(true);
  });
});

describe('HTTP range requests for playback', () => {
  let mediaId = '';
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = sampleMp4({ seed: 3 });
    const c = await newCase();
    mediaId = (await upload(c.id, bytes)).json.media.id;
  });

  async function content(url: string, headers: Record<string, string> = {}, who = 'ty_officer1') {
    return fetch(`${server.url}${url}`, { headers: { cookie: cookie[who]!, ...headers } });
  }

  it('a range answers 206 with exactly those bytes; a suffix range the tail; no range the whole file', async () => {
    const view = await openView(mediaId);
    expect(view.statusCode, view.body).toBe(201);
    const url = view.json().url as string;
    const r = await content(url, { range: 'bytes=100-1099' });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes 100-1099/${bytes.length}`);
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await r.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true);
    const tail = await content(url, { range: 'bytes=-16' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 16))).toBe(true);
    const open = await content(url, { range: `bytes=${bytes.length - 5}-` });
    expect(Buffer.from(await open.arrayBuffer()).equals(bytes.subarray(bytes.length - 5))).toBe(true);
    const all = await content(url);
    expect(all.status).toBe(200);
    expect(all.headers.get('x-content-sha256')).toBe(sha(bytes));
    expect(Buffer.from(await all.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('a range past the end answers 416 with the size', async () => {
    const url = (await openView(mediaId)).json().url as string;
    const r = await content(url, { range: `bytes=${bytes.length}-` });
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('no ticket, someone else’s ticket or an expired ticket: refused', async () => {
    const url = (await openView(mediaId)).json().url as string;
    expect((await content(`/api/v1/media/${mediaId}/content?ticket=${'x'.repeat(32)}`)).status).toBe(403);
    expect((await content(url, {}, 'ty_officer2')).status).toBe(403);
    server.ctx.clock.advanceMinutes(121);
    try {
      expect((await content(url)).status).toBe(403);
    } finally {
      server.ctx.clock.advanceMinutes(-121);
    }
  });
});

describe('REC-20 · XX-R 18: every view and copy is logged with requester, reason and time — in the audit log and the Merkle log', () => {
  it('a view is an audit event, an access-log row and a leaf whose inclusion proof checks against the root', async () => {
    const c = await newCase();
    const m = (await upload(c.id, crypto.randomBytes(4000))).json.media;
    const res = await openView(m.id, 'ty_officer1', { reason: '核对现场检查笔录' });
    expect(res.statusCode).toBe(201);
    expect(res.json().watermark).toContain('ty_officer1');
    const [row] = await server.ctx.db.select().from(mediaAccessLog).where(eq(mediaAccessLog.mediaId, m.id));
    expect(row).toMatchObject({ action: 'view', actorId: ids.ty_officer1, reason: '核对现场检查笔录' });
    const audit = await server.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'media.view'), eq(auditEvents.objectId, m.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ reason: '核对现场检查笔录', leafIndex: row!.leafIndex });
    const [leaf] = await server.ctx.db.select().from(logLeaves).where(eq(logLeaves.idx, row!.leafIndex));
    expect(leaf).toMatchObject({ kind: 'access.view', objectType: 'media', objectId: m.id, caseId: c.id });
    expect(JSON.parse(leaf!.data)).toMatchObject({ viewer: ids.ty_officer1, reason: '核对现场检查笔录', sha256: m.sha256 });
    const { size, root } = await logSize(server.ctx.db);
    const proof = await inclusionProof(server.ctx.db, row!.leafIndex, size);
    const ok = integrity.verifyInclusion(integrity.fromHex(leaf!.leafHash), row!.leafIndex, size, proof.map(integrity.fromHex), integrity.fromHex(root));
    expect(ok).toBe(true);
    // The ingest itself is a leaf too.
    expect((await server.ctx.db.select().from(logLeaves).where(eq(logLeaves.objectId, m.id)).orderBy(logLeaves.idx)).map((l) => l.kind)).toEqual(['media.ingest', 'access.view']);
    // And the access history lists it for the unit head.
    const hist = await api('GET', `/media/${m.id}/access-log`, 'ty_unithead');
    expect(hist.json().items[0]).toMatchObject({ action: 'view', reason: '核对现场检查笔录' });
    expect((await api('GET', `/media/${m.id}/access-log`, 'ty_officer1')).statusCode).toBe(403);
  });

  it('REC-14 · GS-R 43: officers may not keep copies; a head may, and the copy is logged', async () => {
    const c = await newCase();
    const m = (await upload(c.id, crypto.randomBytes(4000))).json.media;
    expect(m.abilities).toEqual({ view: true, download: false, hold: false, requestDisposal: false, approveDisposal: false });
    const off = await api('POST', `/media/${m.id}/downloads`, 'ty_officer1', {});
    expect(off.statusCode).toBe(403);
    expect(off.json().error.code).toBe('access.copy_not_allowed');
    const head = await api('POST', `/media/${m.id}/downloads`, 'ty_head', { reason: '移送公安机关' });
    expect(head.statusCode).toBe(201);
    const r = await fetch(`${server.url}${head.json().url}`, { headers: { cookie: cookie.ty_head! } });
    expect(r.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await server.ctx.db.select().from(logLeaves).where(and(eq(logLeaves.objectId, m.id), eq(logLeaves.kind, 'access.download')))).length).toBe(1);
  });
});

describe('REC-20 · SX25-R 21, XX-R 18: access requests approved by the head, limited in time and scope', () => {
  let caseId = '';
  let mediaId = '';
  let otherMediaId = '';
  beforeAll(async () => {
    const c = await newCase();
    caseId = c.id;
    mediaId = (await upload(c.id, crypto.randomBytes(3000))).json.media.id;
    otherMediaId = (await upload(c.id, crypto.randomBytes(3000))).json.media.id;
  });

  it('issue 15 item 2: a refusal cites the officer’s own rules — a 太原 clerk is not shown 湘西’s XX-R as the basis; /auth/me names the profile', async () => {
    const refused = await api('POST', '/access-requests', 'ty_clerk', { caseId, mediaIds: [mediaId], requesterKind: 'court', requesterName: '张法官', reason: '行政诉讼案件审理需要调取查封过程录像' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('须写明申请机关名称');
    expect(refused.json().error.message).not.toMatch(/XX-R|湘西/);
    expect((await api('GET', '/auth/me', 'ty_clerk')).json().user.profileId).toBe('SX25');
  });

  it('a court’s request: nothing before approval; only the head approves; the link works only inside its window and scope; no copy unless approved', async () => {
    const req = await api('POST', '/access-requests', 'ty_clerk', { caseId, mediaIds: [mediaId], requesterKind: 'court', requesterName: '张法官', requesterOrg: '太原市小店区人民法院', reason: '行政诉讼案件审理需要调取查封过程录像' });
    expect(req.statusCode, req.body).toBe(201);
    const id = req.json().request.id as string;
    expect((await api('POST', `/access-requests/${id}/decision`, 'ty_unithead', { approved: true })).statusCode).toBe(403);
    const now = server.ctx.clock.now().getTime();
    const from = new Date(now + 3600_000).toISOString();
    const until = new Date(now + 3 * 3600_000).toISOString();
    const dec = await api('POST', `/access-requests/${id}/decision`, 'ty_head', { approved: true, validFrom: from, validUntil: until });
    expect(dec.statusCode, dec.body).toBe(200);
    const token = dec.json().accessToken as string;
    expect(token).toBeTruthy();
    // The decision is a leaf.
    expect((await server.ctx.db.select().from(logLeaves).where(eq(logLeaves.objectId, id)).orderBy(logLeaves.idx)).map((l) => l.kind)).toEqual(['access.request', 'access.decision']);

    const open = () => api('POST', `/access/${token}/media/${mediaId}/views`, null, {});
    // Before the window.
    const early = await open();
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('access.outside_window');
    // Inside it.
    server.ctx.clock.set(new Date(now + 2 * 3600_000));
    try {
      const inside = await open();
      expect(inside.statusCode, inside.body).toBe(201);
      expect(inside.json().watermark).toContain('张法官');
      const r = await fetch(`${server.url}${inside.json().url}`, { headers: { range: 'bytes=0-9' } });
      expect(r.status).toBe(206);
      // Out of scope, and no copy.
      expect((await api('POST', `/access/${token}/media/${otherMediaId}/views`, null, {})).json().error.code).toBe('access.out_of_scope');
      expect((await api('POST', `/access/${token}/media/${mediaId}/downloads`, null, {})).json().error.code).toBe('access.copy_not_allowed');
      const summary = await api('GET', `/access/${token}`, null);
      expect(summary.json().items.map((i: { id: string }) => i.id)).toEqual([mediaId]);
      const [logged] = await server.ctx.db.select().from(mediaAccessLog).where(and(eq(mediaAccessLog.mediaId, mediaId), eq(mediaAccessLog.accessRequestId, id)));
      expect(logged).toMatchObject({ requesterKind: 'court', reason: '行政诉讼案件审理需要调取查封过程录像', actorId: null });
    } finally {
      server.ctx.clock.set(new Date(now));
    }
    // After it.
    server.ctx.clock.set(new Date(now + 4 * 3600_000));
    try {
      const late = await open();
      expect(late.statusCode).toBe(403);
      expect(late.json().error.code).toBe('access.outside_window');
    } finally {
      server.ctx.clock.set(new Date(now));
    }
    expect((await api('POST', `/access/${'A'.repeat(32)}/media/${mediaId}/views`, null, {})).statusCode).toBe(404);
  });

  it('another unit’s staff (公示录入员) plays a file only under its own approved request, inside the window', async () => {
    expect((await openView(mediaId, 'ty_clerk')).statusCode).toBe(403);
    const req = await api('POST', '/access-requests', 'ty_clerk', { caseId, requesterKind: 'internalUnit', reason: '公示前核对处罚决定相关记录', wantsCopy: false });
    const id = req.json().request.id as string;
    expect((await openView(mediaId, 'ty_clerk')).json().error.code).toBe('access.not_approved');
    const now = server.ctx.clock.now().getTime();
    await api('POST', `/access-requests/${id}/decision`, 'ty_head', { approved: true, validUntil: new Date(now + 3600_000).toISOString() });
    const ok = await openView(mediaId, 'ty_clerk');
    expect(ok.statusCode).toBe(201);
    server.ctx.clock.set(new Date(now + 2 * 3600_000));
    try {
      const late = await openView(mediaId, 'ty_clerk');
      expect(late.statusCode).toBe(403);
      expect(late.json().error.code).toBe('access.outside_window');
      // A ticket issued in the window stops working with it.
      expect((await fetch(`${server.url}${ok.json().url}`, { headers: { cookie: cookie.ty_clerk! } })).status).toBe(403);
    } finally {
      server.ctx.clock.set(new Date(now));
    }
  });

  it('a request states its reason; a copy is approved only if asked for; a decision is final', async () => {
    const noReason = await api('POST', '/access-requests', 'ty_clerk', { caseId, requesterKind: 'party', requesterName: '某公司', reason: '看' });
    expect(noReason.statusCode).toBe(400);
    const req = await api('POST', '/access-requests', 'ty_clerk', { caseId, requesterKind: 'party', requesterName: '某化工有限公司', reason: '当事人申请查阅本案查封录像' });
    const id = req.json().request.id as string;
    const until = new Date(server.ctx.clock.now().getTime() + 86_400_000).toISOString();
    expect((await api('POST', `/access-requests/${id}/decision`, 'ty_head', { approved: true, validUntil: until, copyAllowed: true })).json().error.code).toBe('access.request_invalid');
    expect((await api('POST', `/access-requests/${id}/decision`, 'ty_head', { approved: false, comment: '不符合条件' })).statusCode).toBe(200);
    expect((await api('POST', `/access-requests/${id}/decision`, 'ty_head', { approved: true, validUntil: until })).json().error.code).toBe('access.decided');
    const list = await api('GET', `/access-requests?caseId=${caseId}&status=rejected`, 'ty_head');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });
});

describe('REC-14 · per-profile upload deadlines, flagged when late', () => {
  it('SX25-R 19: 2 working days — on time yesterday, late after a week', async () => {
    const c = await newCase();
    const onTime = await upload(c.id, crypto.randomBytes(500), { metadata: meta({ recordedStart: hoursAgo(25), recordedEnd: hoursAgo(24) }) });
    expect(onTime.json.media.upload).toMatchObject({ late: false, basis: expect.stringContaining('SX25-R 第十九条') });
    const late = await upload(c.id, crypto.randomBytes(500), { metadata: meta({ recordedStart: hoursAgo(24 * 8 + 1), recordedEnd: hoursAgo(24 * 8) }) });
    expect(late.json.media.upload.late).toBe(true);
    expect(late.json.media.upload.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('GS-R 43: 24 hours — counted in hours; working away, from the return to the unit', async () => {
    const c = await newCase('lz_officer1', {}, ['lz_officer1', 'lz_officer2']);
    const lz = ['lz_officer1', 'lz_officer2'];
    const late = await upload(c.id, crypto.randomBytes(500), { who: 'lz_officer1', metadata: meta({ recordedStart: hoursAgo(31), recordedEnd: hoursAgo(30) }, lz) });
    expect(late.json.media.upload.late).toBe(true);
    expect(late.json.media.upload.due).toContain('T');
    const away = await upload(c.id, crypto.randomBytes(500), { who: 'lz_officer1', metadata: meta({ recordedStart: hoursAgo(31), recordedEnd: hoursAgo(30), awayFromUnit: true, returnedAt: hoursAgo(10) }, lz) });
    expect(away.json.media.upload.late).toBe(false);
  });
});

describe('REC-18 · NAT-19: retention class and earliest disposal; no deletion path (disposal: retention.test.ts)', () => {
  it('evidence is kept with the case file, routine AV at least 12 months, XX-R 10 situations long-term', async () => {
    const c = await newCase();
    const ev = await upload(c.id, crypto.randomBytes(500), { metadata: meta({ evidence: true, cameraOperatorId: ids.ty_officer2, deviceLabel: '某品牌 X1', evidenceExplanation: '作为证据使用的现场录像' }) });
    expect(ev.json.media.retention).toMatchObject({ class: 'caseFile', earliestDisposal: null });
    const routine = await upload(c.id, crypto.randomBytes(500));
    expect(routine.json.media.retention).toMatchObject({ class: 'routine', earliestDisposal: null, label: expect.stringContaining('不早于') });
    const x = await newCase('xx_officer1', {}, ['xx_officer1', 'xx_officer2']);
    const lt = await upload(x.id, crypto.randomBytes(500), { who: 'xx_officer1', metadata: meta({ situations: ['obstructionOrAbuse'] }, ['xx_officer1']) });
    expect(lt.json.media.retention).toMatchObject({ class: 'longTerm', label: '长期保存' });
    // REC-16: there is no route that deletes a file, and the table refuses it.
    expect((await server.app.inject({ method: 'DELETE', url: `/api/v1/media/${ev.json.media.id}`, headers: { cookie: cookie.ty_head! } })).statusCode).toBe(404);
    await expect(server.ctx.database.query('DELETE FROM media_files WHERE id = $1', [ev.json.media.id])).rejects.toThrow(/append-only/);
  });
});

describe('REC-9 · REC-23: body cameras — one holder, pre-use checks, loss and damage', () => {
  it('the keeper registers and assigns; the holder checks before use; loss is recorded; officers cannot register', async () => {
    const reg = await api('POST', '/devices', 'ty_keeper', { serial: 'T-100', kind: 'bodyCamera', brand: '某品牌', model: 'K1', assignTo: ids.ty_officer2 });
    expect(reg.statusCode, reg.body).toBe(201);
    const d = reg.json().device;
    expect(d.assignedTo.id).toBe(ids.ty_officer2);
    expect((await api('POST', '/devices', 'ty_keeper', { serial: 'T-100', kind: 'bodyCamera', brand: '某品牌', model: 'K1' })).json().error.code).toBe('device.duplicate_serial');
    expect((await api('POST', '/devices', 'ty_officer1', { serial: 'T-101', kind: 'bodyCamera', brand: '某品牌', model: 'K1' })).statusCode).toBe(403);
    // Reassigning hands it to one person only.
    const re = await api('POST', `/devices/${d.id}/assignment`, 'ty_keeper', { userId: ids.ty_officer1 });
    expect(re.json().device.assignedTo.id).toBe(ids.ty_officer1);
    expect(re.json().device.events.map((e: { kind: string }) => e.kind)).toEqual(['register', 'assign', 'unassign', 'assign']);
    // Only the holder (or the keeper) checks it.
    expect((await api('POST', `/devices/${d.id}/checks`, 'ty_officer2', { batteryPercent: 90, freeStorageMb: 9000, clockOffsetSeconds: 0, functional: true })).statusCode).toBe(403);
    const bad = await api('POST', `/devices/${d.id}/checks`, 'ty_officer1', { batteryPercent: 10, freeStorageMb: 9000, clockOffsetSeconds: 300, functional: true });
    expect(bad.json()).toMatchObject({ passed: false });
    expect(bad.json().problems.join('；')).toMatch(/电量.*时钟偏差/);
    const good = await api('POST', `/devices/${d.id}/checks`, 'ty_officer1', { batteryPercent: 90, freeStorageMb: 9000, clockOffsetSeconds: 2, functional: true });
    expect(good.json().passed).toBe(true);
    // A recording made with it shows the check.
    const c = await newCase();
    const m = await upload(c.id, crypto.randomBytes(300), { metadata: meta({ deviceId: d.id, recordedStart: server.ctx.clock.now().toISOString(), recordedEnd: server.ctx.clock.now().toISOString() }) });
    const got = await api('GET', `/media/${m.json.media.id}`, 'ty_officer1');
    expect(got.json().media).toMatchObject({ deviceLabel: '某品牌 K1（编号 T-100）', deviceCheck: { status: 'passed' } });
    const lost = await api('POST', `/devices/${d.id}/incidents`, 'ty_officer1', { kind: 'loss', description: '执法途中遗失于出租车上' });
    expect(lost.json().device.status).toBe('lost');
    expect((await api('POST', `/devices/${d.id}/assignment`, 'ty_keeper', { userId: ids.ty_officer2 })).json().error.code).toBe('device.unavailable');
    // Another city does not see it.
    expect((await api('GET', `/devices/${d.id}`, 'lz_officer1')).statusCode).toBe(404);
    expect((await api('GET', '/devices', 'lz_officer1')).json().items.map((x: { id: string }) => x.id)).not.toContain(d.id);
  });
});

describe('demo data: a case with a video, an audio recording and a photo stored through the real path', () => {
  it('the seeded files are readable and match their hashes', async () => {
    const [m] = await server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.filename, '查封现场.mp4'));
    expect(m).toBeDefined();
    const all = await server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, m!.caseId));
    expect(all.map((x) => x.kind).sort()).toEqual(['audio', 'photo', 'video']);
    for (const f of all) {
      const s = await mediaServices(server.ctx).blobs.read(f.sha256);
      const h = crypto.createHash('sha256');
      for await (const chunk of s) h.update(chunk as Buffer);
      expect(h.digest('hex')).toBe(f.sha256);
    }
    // The seeded 查封 is covered, so its AV line is met.
    const list = await api('GET', `/cases/${m!.caseId}/media`, 'ty_officer1');
    expect(list.json().items).toHaveLength(3);
  });
});
