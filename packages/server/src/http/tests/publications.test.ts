/**
 * Issue 7: the publication of decisions — the draft made at the decision
 * with its due date per profile, redaction from the case's own knowledge,
 * clerk enters / approver approves, automatic withholding, withdrawal,
 * window expiry, the public's correction requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { SAMPLE_ID_NUMBER, getDocumentKind, idNumberCheckChar, sampleFields } from '@sanxiang/core';
import { walkedCase } from '../../testing/walked-case.js';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { logLeaves, parties, publicationEvents, publications, users } from '../../db/schema.js';
import { expirePublications } from '../../usecases/publications.js';
import { searchPublished } from '../../usecases/portal-search.js';
import { createPublicRequest } from '../../usecases/public-requests.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};
const certs: Record<string, string> = {};
const WITNESS = '王小明';
const WITNESS_PHONE = '13912345678';

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_officer1', 'ty_officer2', 'ty_head', 'ty_clerk', 'ty_approver', 'ty_unithead', 'lz_officer1', 'lz_officer2', 'lz_head', 'lz_clerk', 'lz_approver', 'xx_officer1', 'xx_officer2', 'xx_head', 'xx_clerk', 'lz_supervisor', 'sx_supervisor']) {
    cookie[u] = await loginCookie(server.app, u);
  }
  for (const u of await server.ctx.db.select().from(users)) ids[u.username] = u.id;
  const rows = await server.ctx.database.query<{ username: string; number: string }>('SELECT u.username, c.number FROM officer_certificates c JOIN users u ON u.id = c.user_id');
  for (const r of rows) certs[r.username] = r.number;
});
afterAll(async () => {
  await server?.close();
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });

interface Issued {
  caseId: string;
  documentId: string;
  publicationId: string;
}

/** A case of `org` with a witness interviewed, and its decision of `kind` issued on `issueDate`. */
async function issueDecision(org: 'ty' | 'lz' | 'xx', opts: { actionType?: string; kind?: string; issueDate?: string; partyId?: string; fields?: Record<string, unknown> } = {}): Promise<Issued> {
  const actionType = opts.actionType ?? 'penalty';
  const kind = opts.kind ?? 'penaltyDecision';
  // Issue 11: the case is walked lawfully to the step before the decision, on days before its issue date.
  const issueDate = opts.issueDate ?? '2026-03-02';
  const { caseId } = await walkedCase(server.ctx, {
    org,
    actionType: actionType as 'penalty' | 'coercion',
    before: issueDate,
    daysAgo: 45,
    to: actionType === 'penalty' ? 'decision' : 'investigation',
    ...(actionType === 'penalty' ? { until: 'penalty.decision.penaltyDecision' } : {}),
    ...(opts.partyId ? { partyId: opts.partyId } : {}),
    // The witness is known to the case through the inquiry record (PUB-4 source b).
    inquiry: { intervieweeName: WITNESS, intervieweeRole: 'witness', intervieweeIdNumber: SAMPLE_ID_NUMBER },
  });
  const facts = `经查，当事人于2026年2月排放废气超标。证人${WITNESS}（身份证号码${SAMPLE_ID_NUMBER}，手机${WITNESS_PHONE}）证实该情况。`;
  const fields = sampleFields(getDocumentKind(kind)!, {
    partyName: '太原市晋阳化工有限公司',
    facts,
    issueDate,
    ...(opts.fields ?? {}),
  });
  const doc = await api('POST', `/cases/${caseId}/documents`, `${org}_officer1`, { kind, fields });
  expect(doc.statusCode, doc.body).toBe(201);
  const documentId = doc.json().document.documentId as string;
  const fin = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, `${org}_head`, { status: 'issued' });
  expect(fin.statusCode, fin.body).toBe(200);
  const [p] = await server.ctx.db.select().from(publications).where(eq(publications.documentId, documentId));
  expect(p, 'a publication draft exists').toBeDefined();
  return { caseId, documentId, publicationId: p!.id };
}

async function publish(id: string, org: 'ty' | 'lz' | 'xx' = 'ty') {
  if (org === 'lz') {
    // GS-P 7(二) also asks for 违法行为类型 and 有效期限, which the decision does not carry: the clerk fills them in.
    const v = (await api('GET', `/publications/${id}`, 'lz_clerk')).json().version;
    const saved = await api('PUT', `/publications/${id}`, 'lz_clerk', { form: v.form, fields: { ...v.fields, violationType: '超标排放大气污染物', validity: '长期' }, fullText: v.fullText, overrides: v.overrides });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  const sub = await api('POST', `/publications/${id}/submit`, `${org}_clerk`, { comment: '' });
  expect(sub.statusCode, sub.body).toBe(200);
  const ok = await api('POST', `/publications/${id}/approve`, `${org}_approver`, { comment: '同意' });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json();
}

describe('PUB-2 · SX25-P 14, GS-P 15, XX-P 14: a draft with its due date is made when the decision is issued', () => {
  it('SX25 (太原): a penalty within 7 working days of the decision', async () => {
    // The test clock stands at 2026-03-02 09:00 (harness.ts).
    const f = await issueDecision('ty', { issueDate: '2026-03-02' });
    const res = await api('GET', `/publications/${f.publicationId}`, 'ty_clerk');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.publication.status).toBe('draft');
    expect(body.publication.publishBy).toBe('2026-03-11'); // 3,4,5,6,9,10,11 March
    expect(body.publication.schedule.basis).toMatch(/SX25-P/);
    expect(body.version.fields.decisionNumber).toMatch(/罚〔2026〕\d+号/);
  });

  it('XX19 (湘西): a coercive measure within 20 working days; GS19 (兰州): every decision within 7', async () => {
    const xx = await issueDecision('xx', { actionType: 'coercion', kind: 'sealSeizeDecision', issueDate: '2026-03-02' });
    const [px] = await server.ctx.db.select().from(publications).where(eq(publications.id, xx.publicationId));
    expect(px!.actionType).toBe('coercion');
    expect(px!.publishBy).toBe('2026-03-30');
    const lz = await issueDecision('lz', { actionType: 'coercion', kind: 'sealSeizeDecision', issueDate: '2026-03-02' });
    const [pl] = await server.ctx.db.select().from(publications).where(eq(publications.id, lz.publicationId));
    expect(pl!.publishBy).toBe('2026-03-11');
  });

  it('the queue lists open items by due date with an overdue badge', async () => {
    await issueDecision('ty', { issueDate: '2026-01-05' }); // due 2026-01-14: overdue on 2026-03-02
    const res = await api('GET', '/publications?status=open', 'ty_clerk');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { publishBy: string; due: { status: string } | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.publishBy)).toEqual([...items.map((i) => i.publishBy)].sort());
    expect(items[0]!.due!.status).toBe('overdue');
  });
});

describe('PUB-4 · SX25-P 16, GS-P 9: redaction from the case and from patterns', () => {
  it('the witness named in the inquiry record, the ID number and the phone are masked with reasons; the clerk sees both sides', async () => {
    const f = await issueDecision('ty');
    const body = (await api('GET', `/publications/${f.publicationId}`, 'ty_clerk')).json();
    const facts = body.version.redacted.facts as { text: string; masks: { original: string; reason: string; source: string }[] };
    expect(body.version.fields.facts).toContain(WITNESS);
    expect(facts.text).not.toContain(WITNESS);
    expect(facts.text).not.toContain(SAMPLE_ID_NUMBER);
    expect(facts.text).not.toContain(WITNESS_PHONE);
    expect(facts.masks.find((m) => m.original === WITNESS)?.source).toBe('known');
    expect(facts.masks.every((m) => m.reason.length > 0)).toBe(true);
    expect(body.version.redacted.partyName.text).toBe('太原市晋阳化工有限公司'); // the organisation is published (SX25-P 15)
  });

  it('a lifted mask needs a reason; the final guard refuses text that still matches a sensitive pattern', async () => {
    const f = await issueDecision('ty');
    const v = (await api('GET', `/publications/${f.publicationId}`, 'ty_clerk')).json().version;
    const noReason = await api('PUT', `/publications/${f.publicationId}`, 'ty_clerk', { form: v.form, fields: v.fields, fullText: v.fullText, overrides: { facts: [{ action: 'lift', value: WITNESS_PHONE, reason: '' }] } });
    expect(noReason.statusCode).toBe(400);
    // A mask lifted without a recorded ground (SX25-P 19 第二款) leaves the number in the text: the guard catches it at approval.
    const leaky = { ...v.fields, result: `罚款。联系人电话13800138000` };
    const saved = await api('PUT', `/publications/${f.publicationId}`, 'ty_clerk', { form: 'summary', fields: leaky, fullText: v.fullText, overrides: { result: [{ action: 'lift', value: '13800138000', reason: '误判' }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version.redacted.result.text).toContain('13800138000');
    expect(saved.json().problems.map((p: { code: string }) => p.code)).toContain('leak');
    await api('POST', `/publications/${f.publicationId}/submit`, 'ty_clerk', {});
    const refused = await api('POST', `/publications/${f.publicationId}/approve`, 'ty_approver', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('publication.gate_closed');
    expect(refused.json().error.message).toMatch(/应隐去/);
    const [p] = await server.ctx.db.select().from(publications).where(eq(publications.id, f.publicationId));
    expect(p!.online).toBe(false);
  });
});

describe('PUB-1 · SX25-P 7, GS-P 13-14: the clerk enters, the approver approves', () => {
  it('the clerk cannot approve; the approver publishes; the portal search finds it by party name, without the witness', async () => {
    const f = await issueDecision('ty');
    expect((await api('POST', `/publications/${f.publicationId}/submit`, 'ty_clerk', {})).statusCode).toBe(200);
    const byClerk = await api('POST', `/publications/${f.publicationId}/approve`, 'ty_clerk', {});
    expect(byClerk.statusCode).toBe(403);
    const ok = await api('POST', `/publications/${f.publicationId}/approve`, 'ty_approver', { comment: '同意公示' });
    expect(ok.statusCode, ok.body).toBe(200);
    const p = ok.json().publication;
    expect(p.status).toBe('published');
    expect(p.online).toBe(true);
    // SX25-P 18: a general violation stays at most 1 year from the decision.
    expect(p.removeBy).toBe('2027-03-02');
    const found = await searchPublished(server.ctx.db, { q: '晋阳化工' }, '2026-11-21');
    expect(found.items.map((i) => i.id)).toContain(f.publicationId);
    const [row] = await server.ctx.db.select().from(publications).where(eq(publications.id, f.publicationId));
    expect(JSON.stringify(row!.publicContent)).not.toContain(WITNESS);
    expect(JSON.stringify(row!.publicContent)).not.toContain(SAMPLE_ID_NUMBER);
    // What went online is a leaf of the integrity log.
    expect((await server.ctx.db.select().from(logLeaves).where(and(eq(logLeaves.objectId, f.publicationId), eq(logLeaves.kind, 'publication.publish')))).length).toBe(1);
  });

  it('another city cannot see the item (404); the province supervisor can read it but not approve', async () => {
    const f = await issueDecision('ty');
    expect((await api('GET', `/publications/${f.publicationId}`, 'lz_clerk')).statusCode).toBe(404);
    expect((await api('GET', `/publications/${f.publicationId}`, 'sx_supervisor')).statusCode).toBe(200);
    await api('POST', `/publications/${f.publicationId}/submit`, 'ty_clerk', {});
    expect((await api('POST', `/publications/${f.publicationId}/approve`, 'sx_supervisor', {})).statusCode).toBe(403);
    expect((await api('GET', '/publications', 'lz_clerk')).json().items.map((i: { id: string }) => i.id)).not.toContain(f.publicationId);
  });

  it('an approver who entered the version cannot approve it (SX25-P 7)', async () => {
    const f = await issueDecision('ty');
    // The agency head may approve; as a submitter (not possible without the clerk role) the gate would refuse. Here the returned item is reworked.
    await api('POST', `/publications/${f.publicationId}/submit`, 'ty_clerk', {});
    const back = await api('POST', `/publications/${f.publicationId}/return`, 'ty_approver', { comment: '请补充违法行为类型' });
    expect(back.statusCode).toBe(200);
    expect(back.json().publication.status).toBe('draft');
    expect((await api('POST', `/publications/${f.publicationId}/return`, 'ty_approver', { comment: 'x' })).statusCode).toBe(409);
  });
});

describe('PUB-5 · SX25-P 19: withholding', () => {
  it('a minor party is withheld automatically, with the reason, and never reaches the portal', async () => {
    const minorId = '14010520150101001' + idNumberCheckChar('14010520150101001');
    const party = await api('POST', '/parties', 'ty_officer1', { kind: 'naturalPerson', name: '赵小军', idType: 'residentId', idNumber: minorId, address: '太原市小店区某街1号' });
    expect(party.statusCode, party.body).toBe(201);
    const f = await issueDecision('ty', { partyId: party.json().party.id });
    const [p] = await server.ctx.db.select().from(publications).where(eq(publications.id, f.publicationId));
    const [prow] = await server.ctx.db.select().from(parties).where(eq(parties.id, party.json().party.id));
    expect(prow!.minor).toBe(true);
    expect(p!.status).toBe('withheld');
    expect(p!.withholding!.reason).toBe('minor');
    expect(p!.withholding!.automatic).toBe(true);
    expect((await api('POST', `/publications/${f.publicationId}/submit`, 'ty_clerk', {})).statusCode).toBe(409);
  });

  it('a withholding asked by the clerk needs the approver; refused, it goes back to draft', async () => {
    const f = await issueDecision('ty');
    const ask = await api('POST', `/publications/${f.publicationId}/withhold`, 'ty_clerk', { reason: 'hindersInvestigation', note: '关联案件正在调查' });
    expect(ask.statusCode, ask.body).toBe(200);
    expect(ask.json().publication.status).toBe('withholdPending');
    const no = await api('POST', `/publications/${f.publicationId}/withhold/decision`, 'ty_approver', { approve: false, comment: '不属于不予公开情形' });
    expect(no.json().publication.status).toBe('draft');
    await api('POST', `/publications/${f.publicationId}/withhold`, 'ty_clerk', { reason: 'hindersInvestigation', note: '关联案件正在调查' });
    const yes = await api('POST', `/publications/${f.publicationId}/withhold/decision`, 'ty_approver', { approve: true, comment: '同意' });
    expect(yes.json().publication.status).toBe('withheld');
    expect(yes.json().publication.withholding.approvedBy).toBeTruthy();
  });
});

describe('PUB-8 · SX25-P 25, GS-P 16: withdrawal', () => {
  it('SX25: due 3 working days after the revocation; approved, the decision leaves the portal and the notice is kept', async () => {
    const f = await issueDecision('ty');
    await publish(f.publicationId);
    const ask = await api('POST', `/publications/${f.publicationId}/withdraw`, 'ty_clerk', { cause: 'revoked', statement: '原处罚决定经行政复议被撤销', changedOn: '2026-03-06', changingDecision: { body: '太原市人民政府', number: '并政复决〔2026〕1号', date: '2026-03-06', content: '撤销原处罚决定' } });
    expect(ask.statusCode, ask.body).toBe(200);
    expect(ask.json().publication.withdrawal.withdrawBy).toBe('2026-03-11'); // 9, 10, 11 March
    const ok = await api('POST', `/publications/${f.publicationId}/withdraw/decision`, 'ty_approver', { approve: true, comment: '' });
    expect(ok.json().publication.status).toBe('withdrawn');
    expect(ok.json().publication.online).toBe(false);
    expect((await searchPublished(server.ctx.db, { q: '晋阳化工' }, '2026-11-21')).items.map((i) => i.id)).not.toContain(f.publicationId);
  });

  it('GS19: the changing decision’s body, number, date and content are required; due in 7 working days', async () => {
    const f = await issueDecision('lz');
    await publish(f.publicationId, 'lz');
    const bare = await api('POST', `/publications/${f.publicationId}/withdraw`, 'lz_clerk', { cause: 'changed', statement: '决定已变更', changedOn: '2026-03-02', changingDecision: { body: '', number: '', date: '', content: '' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('《甘肃省生态环境系统行政执法信息公示实施办法》第十六条'); // issue 15: by full title
    const ok = await api('POST', `/publications/${f.publicationId}/withdraw`, 'lz_clerk', { cause: 'changed', statement: '决定已变更', changedOn: '2026-03-02', changingDecision: { body: '兰州市生态环境局', number: '兰环变〔2026〕1号', date: '2026-03-02', content: '罚款数额变更为五万元' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().publication.withdrawal.withdrawBy).toBe('2026-03-11');
  });
});

describe('PUB-7 · SX25-P 18: the window', () => {
  it('at the end of the maximum window the item comes off the portal by itself, with an event', async () => {
    const f = await issueDecision('ty', { issueDate: '2025-06-02' });
    await publish(f.publicationId);
    const [p] = await server.ctx.db.select().from(publications).where(eq(publications.id, f.publicationId));
    expect(p!.removeBy).toBe('2026-06-02');
    // Shown through its last day, not after — even before the job runs …
    expect((await searchPublished(server.ctx.db, { q: '晋阳化工' }, '2026-06-02')).items.map((i) => i.id)).toContain(f.publicationId);
    expect((await searchPublished(server.ctx.db, { q: '晋阳化工' }, '2026-06-03')).items.map((i) => i.id)).not.toContain(f.publicationId);
    expect(await expirePublications(server.ctx)).toBe(0);
    // … and the job takes it down the next day.
    server.ctx.clock.set('2026-06-03T01:00:00Z');
    try {
      expect(await expirePublications(server.ctx)).toBeGreaterThanOrEqual(1);
    } finally {
      server.ctx.clock.set('2026-03-02T01:00:00Z');
    }
    const [after] = await server.ctx.db.select().from(publications).where(eq(publications.id, f.publicationId));
    expect(after!.status).toBe('expired');
    expect(after!.online).toBe(false);
    const events = await server.ctx.db.select().from(publicationEvents).where(eq(publicationEvents.publicationId, f.publicationId)).orderBy(publicationEvents.id);
    expect(events.at(-1)!.kind).toBe('expire');
    expect(events.at(-1)!.actorName).toBe('系统');
  });
});

describe('PUB-9 · GS-P 17: correction requests', () => {
  it('GS19: verify in 10 working days, then answer in 3; a correction is a new approved version', async () => {
    const f = await issueDecision('lz', { issueDate: '2026-03-02' });
    await publish(f.publicationId, 'lz');
    const req = await createPublicRequest(server.ctx, { kind: 'correction', publicationId: f.publicationId, requesterName: '兰州某公司', requesterContact: '0931-1234567', content: '公示的处罚内容有误', evidence: '变更决定书' });
    expect(req.trackingCode).toMatch(/^[A-Z0-9]{10}$/);
    expect(req.verifyBy).not.toBeNull();
    const inbox = await api('GET', '/public-requests?status=open', 'lz_clerk');
    expect(inbox.json().items.map((i: { id: string }) => i.id)).toContain(req.id);
    expect((await api('GET', `/public-requests/${req.id}`, 'ty_clerk')).statusCode).toBe(404);
    const early = await api('POST', `/public-requests/${req.id}/respond`, 'lz_clerk', { outcome: 'corrected', response: '已更正' });
    expect(early.statusCode).toBe(409);
    const verified = await api('POST', `/public-requests/${req.id}/verify`, 'lz_clerk', { verifiedTrue: true, note: '经核实属实' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().request.respondBy).toBeTruthy();
    const notYet = await api('POST', `/public-requests/${req.id}/respond`, 'lz_clerk', { outcome: 'corrected', response: '已更正' });
    expect(notYet.statusCode).toBe(409); // the publication is not corrected yet
    const v = (await api('GET', `/publications/${f.publicationId}`, 'lz_clerk')).json().version;
    const corrected = await api('PUT', `/publications/${f.publicationId}`, 'lz_clerk', { form: v.form, fields: { ...v.fields, result: '罚款五万元' }, fullText: v.fullText, overrides: {}, note: '根据更正申请更正处罚内容' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().publication.online).toBe(true); // the approved version stays online meanwhile
    await publish(f.publicationId, 'lz');
    const [p] = await server.ctx.db.select().from(publications).where(eq(publications.id, f.publicationId));
    expect(p!.publicContent!.corrections).toHaveLength(1);
    expect(p!.publicContent!.fields.find((x) => x.key === 'result')!.text).toBe('罚款五万元');
    const answered = await api('POST', `/public-requests/${req.id}/respond`, 'lz_clerk', { outcome: 'corrected', response: '已予更正' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().request.status).toBe('corrected');
  });

  it('a refusal states reasons and remedies; a request about nothing online is refused at the door', async () => {
    await expect(createPublicRequest(server.ctx, { kind: 'correction', publicationId: 'nope', requesterName: '某人', requesterContact: '123', content: 'x' })).rejects.toMatchObject({ code: 'public_request.invalid' });
    await expect(createPublicRequest(server.ctx, { kind: 'correction', requesterName: '', requesterContact: '', content: '' })).rejects.toMatchObject({ code: 'public_request.invalid' });
    const f = await issueDecision('ty');
    await publish(f.publicationId);
    const req = await createPublicRequest(server.ctx, { kind: 'correction', publicationId: f.publicationId, requesterName: '某公司', requesterContact: '0351-1234567', content: '我公司未违法' });
    expect(req.verifyBy).toBeNull(); // SX25 sets no limit
    await api('POST', `/public-requests/${req.id}/verify`, 'ty_clerk', { verifiedTrue: false, note: '经核实公示信息与决定书一致' });
    const bare = await api('POST', `/public-requests/${req.id}/respond`, 'ty_clerk', { outcome: 'refused', response: '不予更正' });
    expect(bare.statusCode).toBe(400);
    const ok = await api('POST', `/public-requests/${req.id}/respond`, 'ty_clerk', { outcome: 'refused', response: '公示信息与决定书一致，不予更正。如不服，可依法申请行政复议或者提起行政诉讼。' });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
