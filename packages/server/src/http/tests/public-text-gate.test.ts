/**
 * Issue 13: every public text through one redaction gate; withholding
 * re-evaluated at approval from the case's current facts; masks on persons
 * who are not the party. Through the API and the portal routes.
 */
import { walkedCase } from '../../testing/walked-case.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDocumentKind, sampleFields } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { caseEvents, publicationEvents, publications, users } from '../../db/schema.js';
import { createPublicRequest } from '../../usecases/public-requests.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};

// the witness of the issue's report, known to the case through the inquiry record
const WITNESS = '褚文博';
const WITNESS_ID = '140105197803120015';
const WITNESS_PHONE = '13600001111';

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_officer1', 'ty_officer2', 'ty_head', 'ty_clerk', 'ty_approver']) cookie[u] = await loginCookie(server.app, u);
  for (const u of await server.ctx.db.select().from(users)) ids[u.username] = u.id;
});
afterAll(async () => {
  await server?.close();
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const portal = (url: string) => server.app.inject({ method: 'GET', url });

async function issue(facts = '经查，当事人于2026年2月超标排放废气。') {
  // Issue 11: the case is walked lawfully to the step before the decision; the witness is known through the inquiry record.
  const { caseId } = await walkedCase(server.ctx, {
    org: 'ty',
    before: '2026-03-02',
    daysAgo: 45,
    to: 'decision',
    until: 'penalty.decision.penaltyDecision',
    inquiry: { intervieweeName: WITNESS, intervieweeRole: 'witness', intervieweeIdNumber: WITNESS_ID },
  });
  const doc = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: sampleFields(getDocumentKind('penaltyDecision')!, { partyName: '太原市晋阳化工有限公司', facts, issueDate: '2026-03-02' }) });
  expect(doc.statusCode, doc.body).toBe(201);
  const documentId = doc.json().document.documentId as string;
  const fin = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
  expect(fin.statusCode, fin.body).toBe(200);
  const [p] = await server.ctx.db.select().from(publications).where(eq(publications.documentId, documentId));
  return { caseId, publicationId: p!.id };
}

async function publish(id: string) {
  expect((await api('POST', `/publications/${id}/submit`, 'ty_clerk', { comment: '' })).statusCode).toBe(200);
  const ok = await api('POST', `/publications/${id}/approve`, 'ty_approver', { comment: '同意' });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json();
}

/** Every public page, feed, search result and export the portal has. */
async function everythingPublic(publicationId: string): Promise<string> {
  const [p] = await server.ctx.db.select().from(publications).where(eq(publications.id, publicationId));
  const urls = [
    '/',
    '/decisions',
    `/decisions/${publicationId}`,
    '/notices',
    '/feeds/decisions.atom',
    '/feeds/decisions.rss',
    '/feeds/decisions.json',
    '/export/credit.csv',
    '/export/credit.json',
    '/sitemap.xml',
    '/robots.txt',
    '/agencies',
    `/agencies/${p!.agencyId}`,
    '/inspections',
    '/draws',
    '/integrity',
    '/complaints',
    // search results by the masked form and the decision number
    ...['褚某', '撤回', p!.decisionNumber].map((q) => `/decisions?q=${encodeURIComponent(q)}`),
  ];
  const bodies: string[] = [];
  for (const u of urls) bodies.push((await portal(u)).body);
  // searching by the witness's name, ID or phone finds nothing (the page only echoes the query)
  for (const q of [WITNESS, WITNESS_ID, WITNESS_PHONE, '文博']) {
    const found = (await portal(`/decisions?q=${encodeURIComponent(q)}`)).body;
    expect(found, q).toContain('没有找到符合条件的执法决定');
    bodies.push(found.split(q).join(''));
  }
  return bodies.join('\n');
}

describe('issue 13 item 1 · PUB-8 · SX25-P 25, PUB-4 · SX25-P 16: a withdrawal statement naming a witness', () => {
  it('leaves no trace of the witness in any public page, feed, sitemap, search result or export; the approver sees both sides', async () => {
    const f = await issue();
    await publish(f.publicationId);
    const statement = `因证人${WITNESS}（身份证号${WITNESS_ID}，电话${WITNESS_PHONE}）翻供，原处罚决定经行政复议被撤销。`;
    const ask = await api('POST', `/publications/${f.publicationId}/withdraw`, 'ty_clerk', {
      cause: 'revoked',
      statement,
      changedOn: '2026-03-02',
      changingDecision: { body: '太原市人民政府', number: '并政复决〔2026〕9号', date: '2026-03-02', content: `复议认为${WITNESS}的证言不足以认定违法事实，撤销原决定。` },
    });
    expect(ask.statusCode, ask.body).toBe(200);
    const view = ask.json();
    // the approver's side-by-side view: original on one side, what goes online on the other
    expect(view.publicTexts).toHaveLength(2);
    expect(view.publicTexts[0].original).toContain(WITNESS);
    expect(view.publicTexts[0].text).not.toContain(WITNESS);
    expect(view.publicTexts[0].masks.length).toBeGreaterThanOrEqual(3);
    expect(view.publication.withdrawal.statement).toContain('褚某');
    const ok = await api('POST', `/publications/${f.publicationId}/withdraw/decision`, 'ty_approver', { approve: true, comment: '' });
    expect(ok.statusCode, ok.body).toBe(200);
    const gone = await portal(`/decisions/${f.publicationId}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('褚某');
    const all = await everythingPublic(f.publicationId);
    for (const secret of [WITNESS, WITNESS_ID, WITNESS_PHONE, '文博', '1401051978']) expect(all, secret).not.toContain(secret);
  });

  it('an answer to a complaint goes out redacted: the witness the case knows is masked in what the requester reads', async () => {
    const f = await issue();
    await publish(f.publicationId);
    const req = await createPublicRequest(server.ctx, { kind: 'complaint', publicationId: f.publicationId, requesterName: '某公众', requesterContact: '0351-1234567', content: '公示不完整' });
    const answered = await api('POST', `/public-requests/${req.id}/respond`, 'ty_clerk', { outcome: 'answered', response: `经核查，证人${WITNESS}的证言已依法隐去，公示内容完整。` });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().request.response).toContain('褚某');
    const page = await portal(`/requests?code=${req.trackingCode}`);
    expect(page.body).not.toContain(WITNESS);
  });
});

describe('issue 13 item 2 · PUB-5 · SX25-P 19(五): withholding re-evaluated at approval', () => {
  it('a police transfer recorded after the decision was issued, before approval, withholds it with the reason; the transfer is a case event with its 移送书', async () => {
    const f = await issue();
    expect((await api('POST', `/publications/${f.publicationId}/submit`, 'ty_clerk', { comment: '' })).statusCode).toBe(200);
    const bad = await api('POST', `/cases/${f.caseId}/transfers`, 'ty_officer1', { to: 'police', letterNumber: '', transferredOn: '2026-03-02' });
    expect(bad.statusCode).toBe(400);
    const other = await api('POST', `/cases/${f.caseId}/transfers`, 'ty_clerk', { to: 'police', letterNumber: '并环移〔2026〕1号', transferredOn: '2026-03-02' });
    expect([403, 404]).toContain(other.statusCode);
    const t = await api('POST', `/cases/${f.caseId}/transfers`, 'ty_officer1', { to: 'police', letterNumber: '并环移〔2026〕1号', transferredOn: '2026-03-02' });
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json().transfer.toLabel).toBe('公安机关');
    const events = await server.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, f.caseId));
    expect(events.find((e) => e.kind === 'transfer')?.detail).toMatchObject({ letterNumber: '并环移〔2026〕1号' });
    const preview = (await api('GET', `/publications/${f.publicationId}`, 'ty_approver')).json();
    expect(preview.problems.map((p: { code: string }) => p.code)).toContain('withholdingReason');
    const res = await api('POST', `/publications/${f.publicationId}/approve`, 'ty_approver', { comment: '同意' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().publication.status).toBe('withheld');
    expect(res.json().publication.withholding).toMatchObject({ reason: 'policeTransfer', automatic: true });
    expect((await portal(`/decisions/${f.publicationId}`)).statusCode).toBe(404);
  });

  it('a published decision whose case is then transferred to 纪检监察 alerts the clerk and starts the withdrawal', async () => {
    const f = await issue();
    await publish(f.publicationId);
    const t = await api('POST', `/cases/${f.caseId}/transfers`, 'ty_officer1', { to: 'discipline', letterNumber: '并环移〔2026〕2号', transferredOn: '2026-03-02' });
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json().withdrawalsStarted).toBe(1);
    const [p] = await server.ctx.db.select().from(publications).where(eq(publications.id, f.publicationId));
    expect(p!.status).toBe('withdrawPending');
    expect(p!.withdrawal).toMatchObject({ automatic: true });
    const alerts = await server.ctx.db.select().from(publicationEvents).where(eq(publicationEvents.publicationId, f.publicationId));
    expect(alerts.find((e) => e.kind === 'withholdingAlert')?.comment).toMatch(/纪检监察机关/);
    const queue = (await api('GET', '/publications?status=withdrawPending', 'ty_clerk')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(f.publicationId);
    // the case page's list: the transfer, the reason that stands, the decision's withdrawal with the alert
    const list = await api('GET', `/cases/${f.caseId}/transfers`, 'ty_officer1');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().transfers).toMatchObject([{ to: 'discipline', toLabel: '纪检监察机关', letterNumber: '并环移〔2026〕2号', transferredOn: '2026-03-02' }]);
    expect(list.json().withholding.map((r: { key: string }) => r.key)).toEqual(['hindersInvestigation']);
    expect(list.json().publications[0]).toMatchObject({ id: f.publicationId, status: 'withdrawPending', withdrawal: { automatic: true } });
    expect(list.json().publications[0].alert.comment).toMatch(/纪检监察机关/);
    const ok = await api('POST', `/publications/${f.publicationId}/withdraw/decision`, 'ty_approver', { approve: true, comment: '' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await portal(`/decisions/${f.publicationId}`)).statusCode).toBe(410);
  });

  it('a transfer to another body is recorded with its 移送书 but withholds nothing (SX25-P 19(五) names the police and 纪检监察 only)', async () => {
    const f = await issue();
    await publish(f.publicationId);
    const noName = await api('POST', `/cases/${f.caseId}/transfers`, 'ty_officer1', { to: 'other', letterNumber: '并环移〔2026〕3号', transferredOn: '2026-03-02' });
    expect(noName.statusCode).toBe(400);
    const t = await api('POST', `/cases/${f.caseId}/transfers`, 'ty_officer1', { to: 'other', toName: '太原市住房和城乡建设局', letterNumber: '并环移〔2026〕3号', transferredOn: '2026-03-02' });
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json()).toMatchObject({ withdrawalsStarted: 0, transfer: { to: 'other', toLabel: '太原市住房和城乡建设局' } });
    const list = (await api('GET', `/cases/${f.caseId}/transfers`, 'ty_officer1')).json();
    expect(list.withholding).toEqual([]);
    expect(list.publications[0]).toMatchObject({ status: 'published', withdrawal: null, alert: null });
  });
});

describe('issue 13 item 3 · PUB-4 · SX25-P 16(一), 19 第二款: masks on natural persons who are not the party', () => {
  const facts = `经查，当事人于2026年2月超标排放废气，证人${WITNESS}（身份证号码${WITNESS_ID}，手机${WITNESS_PHONE}）证实该情况。`;

  it('a witness’s ID number can never be unmasked (422), whatever the ground', async () => {
    const f = await issue(facts);
    const v = (await api('GET', `/publications/${f.publicationId}`, 'ty_clerk')).json().version;
    for (const ground of ['notPersonal', 'thirdPartyConsent']) {
      const res = await api('PUT', `/publications/${f.publicationId}`, 'ty_clerk', { form: v.form, fields: v.fields, fullText: v.fullText, overrides: { facts: [{ action: 'lift', value: WITNESS_ID, reason: '核实', ground }] } });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code ?? res.json().code).toBe('disclosure.lift_forbidden');
    }
  });

  it('lifting the witness’s name needs a legal ground, and the approver’s explicit consent before it goes online', async () => {
    const f = await issue(facts);
    const v = (await api('GET', `/publications/${f.publicationId}`, 'ty_clerk')).json().version;
    const noGround = await api('PUT', `/publications/${f.publicationId}`, 'ty_clerk', { form: v.form, fields: v.fields, fullText: v.fullText, overrides: { facts: [{ action: 'lift', value: WITNESS, reason: '不是个人信息', ground: 'notPersonal' }] } });
    expect(noGround.statusCode).toBe(422);
    const saved = await api('PUT', `/publications/${f.publicationId}`, 'ty_clerk', { form: v.form, fields: v.fields, fullText: v.fullText, overrides: { facts: [{ action: 'lift', value: WITNESS, reason: '证人书面同意公开姓名', ground: 'thirdPartyConsent' }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await api('POST', `/publications/${f.publicationId}/submit`, 'ty_clerk', { comment: '' })).statusCode).toBe(200);
    const refused = await api('POST', `/publications/${f.publicationId}/approve`, 'ty_approver', { comment: '同意' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('明确同意');
    const ok = await api('POST', `/publications/${f.publicationId}/approve`, 'ty_approver', { comment: '同意', liftConsent: true });
    expect(ok.statusCode, ok.body).toBe(200);
    const page = (await portal(`/decisions/${f.publicationId}`)).body;
    expect(page).toContain(WITNESS);
    expect(page).not.toContain(WITNESS_ID);
    expect(page).not.toContain(WITNESS_PHONE);
  });
});
