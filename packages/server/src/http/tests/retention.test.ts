/**
 * Issue 5, the rest of the evidence vault: retention (REC-18) — disposal of a
 * media file after its retention date as an approved, logged act, litigation
 * holds, shared stored bytes, the integrity check and case bundles of a
 * disposed file — and the withdrawal of an access grant (REC-20).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { verifyCaseBundle, type BundleManifest } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { auditEvents, cases, logLeaves, mediaFiles, userRoles, users } from '../../db/schema.js';
import { mediaServices } from '../../blobs/index.js';
import { ingestBuffer } from '../../seed/media.js';
import { loadActor } from '../../usecases/auth.js';
import { exportCaseBundle, readBundle } from '../../usecases/bundle.js';
import { createCase } from '../../usecases/cases.js';
import { verifyAll } from '../../usecases/verify.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};
const TODAY = '2026-03-02'; // the test clock's China date

beforeAll(async () => {
  server = await startTestServer({ config: { sessionIdleMinutes: 24 * 60 } });
  for (const u of ['ty_officer1', 'ty_unithead', 'ty_head', 'ty_keeper', 'ty_clerk', 'lz_keeper', 'xd_head']) cookie[u] = await loginCookie(server.app, u);
  for (const u of await server.ctx.db.select().from(users)) ids[u.username] = u.id;
});
afterAll(async () => {
  await server?.close();
});

type Method = 'GET' | 'POST';
const api = (method: Method, url: string, who: string | null, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: who ? { cookie: cookie[who]! } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

async function actor(username: string) {
  return (await loadActor(server.ctx, ids[username]!, '127.0.0.1'))!;
}

/** A penalty case of 太原市局 handled by 执法一、执法二. */
async function newCase(title = '保存期限测试案') {
  return createCase(server.ctx, await actor('ty_officer1'), { actionType: 'penalty', source: 'complaint', title, handlerIds: [ids.ty_officer1!, ids.ty_officer2!] });
}

/** A recording; `recordedDaysAgo` places it in the past (routine AV: 12 months from the recording, REC-18 · XX-R 16). */
async function addFile(caseId: string, opts: { bytes?: Buffer; recordedDaysAgo?: number; evidence?: boolean } = {}) {
  const end = new Date(server.ctx.clock.now().getTime() - (opts.recordedDaysAgo ?? 0) * 86_400_000);
  const start = new Date(end.getTime() - 600_000);
  return ingestBuffer(server.ctx, await actor('ty_officer1'), caseId, { filename: 'clip.mp4', mimeType: 'video/mp4', bytes: opts.bytes ?? crypto.randomBytes(2048) }, {
    recordedStart: start.toISOString(),
    recordedEnd: end.toISOString(),
    place: '某公司厂区',
    officerIds: [ids.ty_officer1!],
    contentNotes: '现场检查全过程录像',
    ...(opts.evidence ? { evidence: true, cameraOperatorId: ids.ty_officer2!, deviceLabel: '某品牌 X1', evidenceExplanation: '作为证据使用的现场录像' } : {}),
  });
}

async function archive(caseId: string, on = TODAY) {
  const [c] = await server.ctx.db.select().from(cases).where(eq(cases.id, caseId));
  await server.ctx.db.update(cases).set({ state: 'archived', dates: { ...c!.dates, archivedOn: on } }).where(eq(cases.id, caseId));
}

const media = async (id: string, who = 'ty_keeper') => (await api('GET', `/media/${id}`, who)).json().media;
const leafKinds = async (objectId: string) => (await server.ctx.db.select().from(logLeaves).where(eq(logLeaves.objectId, objectId)).orderBy(asc(logLeaves.idx))).map((l) => l.kind);

describe('REC-18 · XX-R 16, SX25-R 22: disposal only after the retention date, asked by the keeper, approved by another person', () => {
  it('nothing of an open case, nothing before its date; evidence follows the case file (NAT-19: 30 years for a penalty file)', async () => {
    const c = await newCase();
    const recent = await addFile(c.id);
    const evidence = await addFile(c.id, { evidence: true, recordedDaysAgo: 500 });
    const open = await api('POST', `/media/${recent.id}/disposals`, 'ty_keeper', { reason: '保存期满，按规定销毁' });
    expect(open.statusCode).toBe(409);
    expect(open.json().error).toMatchObject({ code: 'media.retention_not_passed', message: expect.stringContaining('案件归档后确定') });
    await archive(c.id);
    const early = await api('POST', `/media/${recent.id}/disposals`, 'ty_keeper', { reason: '保存期满，按规定销毁' });
    expect(early.json().error.message).toBe('不能销毁：保存期限至 2027-03-02 方届满（日常音像记录保存12个月）');
    const ev = await api('POST', `/media/${evidence.id}/disposals`, 'ty_keeper', { reason: '保存期满，按规定销毁' });
    expect(ev.json().error.message).toContain('保存期限至 2057-01-01 方届满');
    expect((await media(recent.id)).retention).toMatchObject({ status: 'retained', statusLabel: '保存期内', earliestDisposal: '2027-03-02', disposal: null });
  });

  it('after the date: the keeper asks with a reason; the head approves; the bytes go, the record stays as 已销毁, sealed and audited', async () => {
    const c = await newCase();
    const bytes = crypto.randomBytes(4096);
    const m = await addFile(c.id, { bytes, recordedDaysAgo: 400 });
    await archive(c.id);
    expect((await media(m.id)).retention).toMatchObject({ status: 'disposable', earliestDisposal: TODAY, blockers: [] });
    expect((await media(m.id)).abilities).toMatchObject({ requestDisposal: true, approveDisposal: false });

    // Who may ask: the records keeper only.
    expect((await api('POST', `/media/${m.id}/disposals`, 'ty_officer1', { reason: '保存期满，按规定销毁' })).statusCode).toBe(403);
    expect((await api('POST', `/media/${m.id}/disposals`, 'lz_keeper', { reason: '保存期满，按规定销毁' })).statusCode).toBe(404);
    expect((await api('POST', `/media/${m.id}/disposals`, 'ty_keeper', { reason: '销毁' })).json().error.code).toBe('media.disposal_invalid');
    const asked = await api('POST', `/media/${m.id}/disposals`, 'ty_keeper', { reason: '日常执法检查录像保存期满，经清点无诉讼、复议' });
    expect(asked.statusCode, asked.body).toBe(201);
    const disposal = asked.json().disposal as { id: string; status: string; requestedBy: string; earliestDisposal: string };
    expect(disposal).toMatchObject({ status: 'pending', earliestDisposal: TODAY, requestedBy: '太原市局档案设备管理员' });
    expect(asked.json().media.retention.status).toBe('pending');
    expect((await api('POST', `/media/${m.id}/disposals`, 'ty_keeper', { reason: '再次申请销毁该录像' })).json().error.code).toBe('media.disposal_pending');
    // The head's queue shows it.
    const queue = await api('GET', '/media-disposals?status=pending', 'ty_head');
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(disposal.id);

    // Who may approve: the agency head only.
    expect((await api('POST', `/media-disposals/${disposal.id}/decision`, 'ty_unithead', { approved: true })).statusCode).toBe(403);
    expect((await api('POST', `/media-disposals/${disposal.id}/decision`, 'ty_keeper', { approved: true })).statusCode).toBe(403);
    const ok = await api('POST', `/media-disposals/${disposal.id}/decision`, 'ty_head', { approved: true, comment: '同意销毁' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().disposal).toMatchObject({ status: 'disposed', statusLabel: '已批准并销毁', decision: { approved: true, by: '太原市局局长', bytesDeleted: true, bytesNote: '存储文件已删除' } });
    expect(ok.json().media).toMatchObject({ disposed: true, retention: { status: 'disposed', statusLabel: '已销毁' }, abilities: { view: false, download: false, hold: false, requestDisposal: false } });
    expect((await api('POST', `/media-disposals/${disposal.id}/decision`, 'ty_head', { approved: true })).json().error.code).toBe('media.disposal_decided');

    // The bytes are gone; the row is still there (append-only) and the table still refuses a delete.
    expect(await mediaServices(server.ctx).blobs.size(sha(bytes))).toBeNull();
    expect((await server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, m.id))).length).toBe(1);
    await expect(server.ctx.database.query('DELETE FROM media_files WHERE id = $1', [m.id])).rejects.toThrow(/append-only/);
    await expect(server.ctx.database.query('DELETE FROM media_disposal_decisions WHERE media_id = $1', [m.id])).rejects.toThrow(/append-only/);

    // Sealed and audited, in the act's transaction.
    expect(await leafKinds(m.id)).toEqual(['media.ingest', 'media.disposal']);
    expect(await leafKinds(disposal.id)).toEqual(['media.disposal.request']);
    const [leaf] = await server.ctx.db.select().from(logLeaves).where(and(eq(logLeaves.objectId, m.id), eq(logLeaves.kind, 'media.disposal')));
    expect(JSON.parse(leaf!.data)).toMatchObject({ sha256: sha(bytes), disposalId: disposal.id, requestedBy: ids.ty_keeper, approvedBy: ids.ty_head, bytesDeleted: true });
    const [audit] = await server.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'media.dispose'), eq(auditEvents.objectId, m.id)));
    expect(audit?.detail).toMatchObject({ disposalId: disposal.id, bytesDeleted: true, leafIndex: Number(leaf!.idx) });

    // Nobody plays or copies it any more — a clear answer, not a 503 "blob missing".
    const view = await api('POST', `/media/${m.id}/views`, 'ty_head', {});
    expect(view.statusCode).toBe(410);
    expect(view.json().error.message).toBe(`音像记录 ${m.recordNumber} 已于 ${TODAY} 依批准销毁（日常执法检查录像保存期满，经清点无诉讼、复议），原文件不再提供。`);
    expect((await api('POST', `/media/${m.id}/downloads`, 'ty_head', {})).statusCode).toBe(410);
    // The case tab lists it with its disposal record.
    const tab = await api('GET', `/cases/${c.id}/media`, 'ty_officer1');
    expect(tab.json().items[0]).toMatchObject({ id: m.id, disposed: true, retention: { disposal: { id: disposal.id, reason: '日常执法检查录像保存期满，经清点无诉讼、复议' } } });
  });

  it('a refusal is final for that request, logged, and the file stays', async () => {
    const c = await newCase();
    const m = await addFile(c.id, { recordedDaysAgo: 400 });
    await archive(c.id);
    const id = (await api('POST', `/media/${m.id}/disposals`, 'ty_keeper', { reason: '保存期满，申请销毁' })).json().disposal.id as string;
    const no = await api('POST', `/media-disposals/${id}/decision`, 'ty_head', { approved: false, comment: '涉及信访，暂缓' });
    expect(no.json().disposal).toMatchObject({ status: 'refused', decision: { approved: false, comment: '涉及信访，暂缓' } });
    expect(no.json().media.retention.status).toBe('disposable');
    expect(await leafKinds(id)).toEqual(['media.disposal.request', 'media.disposal.refusal']);
    expect((await api('POST', `/media/${m.id}/views`, 'ty_head', {})).statusCode).toBe(201);
  });

  it('two people for every destruction: a head who also keeps the records cannot approve the request it made', async () => {
    const c = await newCase();
    const m = await addFile(c.id, { recordedDaysAgo: 400 });
    await archive(c.id);
    await server.ctx.db.insert(userRoles).values({ userId: ids.ty_head!, role: 'recordsKeeper' });
    try {
      const id = (await api('POST', `/media/${m.id}/disposals`, 'ty_head', { reason: '保存期满，申请销毁' })).json().disposal.id as string;
      expect((await media(m.id, 'ty_head')).abilities.approveDisposal).toBe(false);
      const self = await api('POST', `/media-disposals/${id}/decision`, 'ty_head', { approved: true });
      expect(self.statusCode).toBe(403);
      expect(self.json().error.code).toBe('media.disposal_same_person');
    } finally {
      await server.ctx.db.delete(userRoles).where(and(eq(userRoles.userId, ids.ty_head!), eq(userRoles.role, 'recordsKeeper')));
    }
  });
});

describe('REC-18 · GS-R 43 ¶3: a litigation hold keeps the files while the lawsuit is open', () => {
  it('a case-wide hold blocks the request; a file hold placed after the request blocks the approval; released holds do not', async () => {
    const c = await newCase();
    const m = await addFile(c.id, { recordedDaysAgo: 400 });
    await archive(c.id);
    expect((await api('POST', `/cases/${c.id}/media-holds`, 'ty_officer1', { reason: '行政诉讼未结' })).statusCode).toBe(403);
    expect((await api('POST', `/cases/${c.id}/media-holds`, 'lz_keeper', { reason: '行政诉讼未结' })).statusCode).toBe(404);
    expect((await api('POST', `/cases/${c.id}/media-holds`, 'ty_keeper', { reason: '诉讼' })).json().error.code).toBe('media.hold_invalid');
    const hold = await api('POST', `/cases/${c.id}/media-holds`, 'ty_keeper', { reason: '当事人提起行政诉讼，诉讼未结', reference: '（2026）晋0105行初12号' });
    expect(hold.statusCode, hold.body).toBe(201);
    expect(hold.json().hold).toMatchObject({ scope: 'case', active: true, reference: '（2026）晋0105行初12号', placedBy: '太原市局档案设备管理员' });
    const holdId = hold.json().hold.id as string;
    expect((await media(m.id)).retention).toMatchObject({ status: 'held', statusLabel: '诉讼保全中' });

    const blocked = await api('POST', `/media/${m.id}/disposals`, 'ty_keeper', { reason: '保存期满，申请销毁' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'media.hold_active', message: expect.stringContaining('当事人提起行政诉讼，诉讼未结') });
    expect(blocked.json().error.message).toContain('诉讼保全中');
    // Issue 15 item 2: a 山西 officer is not shown 甘肃's rule (GS-R 第四十三条第三款) as the basis.
    expect(blocked.json().error.message).not.toContain('GS-R');

    expect((await api('POST', `/media-holds/${holdId}/release`, 'ty_officer1', { reason: '判决已生效' })).statusCode).toBe(403);
    const released = await api('POST', `/media-holds/${holdId}/release`, 'ty_keeper', { reason: '二审判决已生效，诉讼终结' });
    expect(released.json().hold).toMatchObject({ active: false, release: { reason: '二审判决已生效，诉讼终结', by: '太原市局档案设备管理员' } });
    expect((await api('POST', `/media-holds/${holdId}/release`, 'ty_head', { reason: '二审判决已生效' })).json().error.code).toBe('media.hold_released');
    expect(await leafKinds(holdId)).toEqual(['media.hold', 'media.hold.release']);

    const asked = await api('POST', `/media/${m.id}/disposals`, 'ty_keeper', { reason: '保存期满，申请销毁' });
    expect(asked.statusCode).toBe(201);
    // A new lawsuit on this very file, after the request: the head cannot approve.
    const fileHold = await api('POST', `/cases/${c.id}/media-holds`, 'ty_head', { mediaId: m.id, reason: '第三人另案起诉，需保全该录像' });
    expect(fileHold.json().hold).toMatchObject({ scope: 'file', mediaId: m.id });
    const refused = await api('POST', `/media-disposals/${asked.json().disposal.id}/decision`, 'ty_head', { approved: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('media.hold_active');
    await api('POST', `/media-holds/${fileHold.json().hold.id}/release`, 'ty_head', { reason: '另案已撤诉' });
    expect((await api('POST', `/media-disposals/${asked.json().disposal.id}/decision`, 'ty_head', { approved: true })).statusCode).toBe(200);
    // The case's holds, released ones included.
    const list = await api('GET', `/cases/${c.id}/media-holds`, 'ty_officer1');
    expect(list.json().items.map((h: { active: boolean }) => h.active)).toEqual([false, false]);
    // A disposed file takes no new hold.
    expect((await api('POST', `/cases/${c.id}/media-holds`, 'ty_keeper', { mediaId: m.id, reason: '再次保全该录像' })).json().error.code).toBe('media.hold_invalid');
  });
});

describe('REC-18 · NAT-18: stored bytes shared by several files go only with the last live one', () => {
  it('disposing of one file keeps the bytes another case still uses; the last disposal deletes them', async () => {
    const bytes = crypto.randomBytes(3000);
    const c1 = await newCase('共享文件甲案');
    const c2 = await newCase('共享文件乙案');
    const a = await addFile(c1.id, { bytes, recordedDaysAgo: 400 });
    const b = await addFile(c2.id, { bytes, recordedDaysAgo: 400 });
    await archive(c1.id);
    const ida = (await api('POST', `/media/${a.id}/disposals`, 'ty_keeper', { reason: '保存期满，申请销毁' })).json().disposal.id as string;
    const first = await api('POST', `/media-disposals/${ida}/decision`, 'ty_head', { approved: true });
    expect(first.json().disposal.decision).toMatchObject({ bytesDeleted: false, bytesNote: expect.stringContaining('另有 1 个音像记录引用') });
    expect(await mediaServices(server.ctx).blobs.size(sha(bytes))).toBe(3000);
    // The other case's file still plays.
    const view = await api('POST', `/media/${b.id}/views`, 'ty_officer1', {});
    expect(view.statusCode).toBe(201);
    const got = await fetch(`${server.url}${view.json().url}`, { headers: { cookie: cookie.ty_officer1! } });
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    // …while the disposed one does not.
    expect((await api('POST', `/media/${a.id}/views`, 'ty_officer1', {})).statusCode).toBe(410);

    await archive(c2.id);
    const idb = (await api('POST', `/media/${b.id}/disposals`, 'ty_keeper', { reason: '保存期满，申请销毁' })).json().disposal.id as string;
    const last = await api('POST', `/media-disposals/${idb}/decision`, 'ty_head', { approved: true });
    expect(last.json().disposal.decision.bytesDeleted).toBe(true);
    expect(await mediaServices(server.ctx).blobs.size(sha(bytes))).toBeNull();
    // A ticket issued before the disposal serves nothing after it.
    const stale = await fetch(`${server.url}${view.json().url}`, { headers: { cookie: cookie.ty_officer1! } });
    expect(stale.status).toBe(410);
  });
});

describe('REC-20 · XX-R 18: the head withdraws an approved grant; link and tickets stop at once', () => {
  it('an external link, revoked with a reason: logged and sealed; the link and its issued tickets are refused', async () => {
    const c = await newCase();
    const m = await addFile(c.id);
    const other = await addFile(c.id);
    const reqId = (await api('POST', '/access-requests', 'ty_clerk', { caseId: c.id, mediaIds: [m.id], requesterKind: 'court', requesterName: '张法官', requesterOrg: '太原市小店区人民法院', reason: '行政诉讼案件审理需要调取录像' })).json().request.id as string;
    // A pending request has nothing to revoke.
    expect((await api('POST', `/access-requests/${reqId}/revocation`, 'ty_head', { reason: '申请人撤回申请' })).json().error.code).toBe('access.revoke_invalid');
    const until = new Date(server.ctx.clock.now().getTime() + 3 * 3600_000).toISOString();
    const dec = await api('POST', `/access-requests/${reqId}/decision`, 'ty_head', { approved: true, validUntil: until });
    const token = dec.json().accessToken as string;
    expect(dec.json().request.abilities).toEqual({ decide: false, revoke: true });
    const view = await api('POST', `/access/${token}/media/${m.id}/views`, null, {});
    expect(view.statusCode).toBe(201);

    expect((await api('POST', `/access-requests/${reqId}/revocation`, 'ty_unithead', { reason: '不再需要' })).statusCode).toBe(403);
    expect((await api('POST', `/access-requests/${reqId}/revocation`, 'ty_head', { reason: '撤' })).json().error.code).toBe('access.revoke_invalid');
    const rv = await api('POST', `/access-requests/${reqId}/revocation`, 'ty_head', { reason: '查阅链接被转发给无关人员' });
    expect(rv.statusCode, rv.body).toBe(200);
    expect(rv.json().request).toMatchObject({ status: 'revoked', statusLabel: '已撤销', active: false, revocation: { reason: '查阅链接被转发给无关人员', by: '太原市局局长' }, abilities: { revoke: false } });
    expect((await api('POST', `/access-requests/${reqId}/revocation`, 'ty_head', { reason: '再次撤销该批准' })).json().error.code).toBe('access.revoke_invalid');

    const again = await api('POST', `/access/${token}/media/${m.id}/views`, null, {});
    expect(again.statusCode).toBe(403);
    expect(again.json().error).toMatchObject({ code: 'access.revoked', message: expect.stringContaining('查阅链接被转发给无关人员') });
    expect((await fetch(`${server.url}${view.json().url}`)).status).toBe(403);
    expect((await api('GET', `/access/${token}`, null)).json().request).toMatchObject({ status: 'revoked' });
    expect(await leafKinds(reqId)).toEqual(['access.request', 'access.decision', 'access.revocation']);
    const [audit] = await server.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'access.revoke'), eq(auditEvents.objectId, reqId)));
    expect(audit?.detail).toMatchObject({ reason: '查阅链接被转发给无关人员' });
    const revoked = await api('GET', `/access-requests?caseId=${c.id}&status=revoked`, 'ty_head');
    expect(revoked.json().items.map((i: { id: string }) => i.id)).toEqual([reqId]);
    expect((await api('GET', `/access-requests?caseId=${c.id}&status=approved`, 'ty_head')).json().items).toEqual([]);
    void other;
  });

  it('REC-18: an access link lists a disposed file as disposed and does not play it; disposed files cannot be asked for', async () => {
    const c = await newCase();
    const m = await addFile(c.id, { recordedDaysAgo: 400 });
    const reqId = (await api('POST', '/access-requests', 'ty_clerk', { caseId: c.id, requesterKind: 'party', requesterName: '某化工有限公司', reason: '当事人申请查阅本案录像' })).json().request.id as string;
    const until = new Date(server.ctx.clock.now().getTime() + 3 * 3600_000).toISOString();
    const token = (await api('POST', `/access-requests/${reqId}/decision`, 'ty_head', { approved: true, validUntil: until })).json().accessToken as string;
    await archive(c.id);
    const id = (await api('POST', `/media/${m.id}/disposals`, 'ty_keeper', { reason: '保存期满，申请销毁' })).json().disposal.id as string;
    await api('POST', `/media-disposals/${id}/decision`, 'ty_head', { approved: true });
    const summary = await api('GET', `/access/${token}`, null);
    expect(summary.json().items).toEqual([expect.objectContaining({ id: m.id, disposed: true })]);
    expect((await api('POST', `/access/${token}/media/${m.id}/views`, null, {})).statusCode).toBe(410);
    const ask = await api('POST', '/access-requests', 'ty_clerk', { caseId: c.id, mediaIds: [m.id], requesterKind: 'party', requesterName: '某化工有限公司', reason: '当事人申请查阅本案录像' });
    expect(ask.json().error.message).toContain('已依批准销毁');
  });
});

describe('REC-18 · NAT-18: `sanxiang verify` and case bundles name a disposed file as disposed, not missing', () => {
  let caseId = '';
  let disposedId = '';
  beforeAll(async () => {
    const c = await newCase('核验与导出测试案');
    caseId = c.id;
    await addFile(c.id, { recordedDaysAgo: 400 });
    const m = await addFile(c.id, { recordedDaysAgo: 400 });
    disposedId = m.id;
    await archive(c.id);
    const id = (await api('POST', `/media/${m.id}/disposals`, 'ty_keeper', { reason: '保存期满，申请销毁' })).json().disposal.id as string;
    await api('POST', `/media-disposals/${id}/decision`, 'ty_head', { approved: true });
  });

  it('verify: no problem for any disposed file; each is named with its disposal record', async () => {
    const report = await verifyAll(server.ctx);
    expect(report.problems).toEqual([]);
    const note = report.notes.find((n) => n.ref.mediaId === disposedId);
    expect(note).toMatchObject({ kind: 'media.disposed', message: expect.stringMatching(/音像002（clip\.mp4）已于 2026-03-02 依批准销毁：保存期满，申请销毁（申请 太原市局档案设备管理员，批准 太原市局局长，日志第 \d+ 条；存储文件已删除）/) });
  });

  it('bundle: the disposed file is listed without bytes, with its sealed disposal; verify-bundle passes offline and catches a swapped entry', async () => {
    const { zip, manifest } = await exportCaseBundle(server.ctx, await actor('ty_head'), caseId, { includeMedia: true });
    expect(manifest.media).toHaveLength(2);
    const gone = manifest.media.find((f) => f.disposed)!;
    expect(gone).toMatchObject({ path: null, disposed: { reason: '保存期满，申请销毁' } });
    expect(manifest.media.find((f) => !f.disposed)!.path).toMatch(/^media\//);
    const files = await readBundle(zip);
    const report = verifyCaseBundle(files);
    expect(report).toMatchObject({ ok: true, media: 2, mediaDisposed: 1, mediaHashOnly: 0, problems: [] });
    expect(new TextDecoder().decode(files.get('README.txt')!)).toContain('经批准销毁');
    // A disposal entry that is not this file's disposal is caught.
    const forged: BundleManifest = { ...manifest, media: manifest.media.map((f) => (f.disposed ? { ...f, disposed: { ...f.disposed, entry: f.entry } } : f)) };
    const bad = new Map(files);
    bad.set('bundle.json', new TextEncoder().encode(JSON.stringify(forged)));
    expect(verifyCaseBundle(bad).problems.map((p) => p.message)).toEqual([expect.stringContaining('不是该音像文件的销毁记录')]);
  });

  it('REC-16 · SX25-R 22: bytes deleted behind the log’s back, covered by a forged disposal row, are still named', async () => {
    const c = await newCase('伪造销毁记录测试案');
    const bytes = crypto.randomBytes(1500);
    const m = await addFile(c.id, { bytes });
    // Someone deletes the file and inserts disposal rows without going through the use case (no leaf).
    await mediaServices(server.ctx).blobs.remove(sha(bytes));
    await server.ctx.database.query(
      `INSERT INTO media_disposals (id, media_id, case_id, agency_id, agency_path, reason, earliest_disposal, retention_label, requested_by, requested_by_name, requested_at, leaf_index)
       SELECT $1, id, case_id, agency_id, agency_path, '伪造', '2026-01-01', '伪造', created_by, created_by_name, now(), 0 FROM media_files WHERE id = $2`,
      ['00000000-0000-4000-8000-000000000001', m.id],
    );
    await server.ctx.database.query(
      `INSERT INTO media_disposal_decisions (disposal_id, media_id, approved, sha256, decided_by, decided_by_name, decided_at, leaf_index)
       SELECT $1, id, true, sha256, created_by, created_by_name, now(), 0 FROM media_files WHERE id = $2`,
      ['00000000-0000-4000-8000-000000000001', m.id],
    );
    const report = await verifyAll(server.ctx);
    const mine = report.problems.filter((p) => p.ref.mediaId === m.id).map((p) => p.kind);
    expect(mine).toEqual(['object.unlogged', 'blob.missing']);
    expect(report.notes.some((n) => n.ref.mediaId === m.id)).toBe(false);
  });
});
