import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicRequests } from '../db/schema.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { seedPortalScenario } from '../testing/publications-fixture.js';

let server: TestServer;
let s: Awaited<ReturnType<typeof seedPortalScenario>>;
// Each test posts from its own address, so that the per-address rate limit is only met where a test means to.
let address = 10;
const nextAddress = () => `192.0.2.${address++}`;

beforeAll(async () => {
  server = await startTestServer();
  s = await seedPortalScenario(server.ctx.db);
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string) => server.app.inject({ method: 'GET', url });
const post = (url: string, form: Record<string, string>, opts: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  server.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
    payload: new URLSearchParams(form).toString(),
    remoteAddress: opts.remoteAddress ?? nextAddress(),
  });
const codeOf = (body: string) => /<p class="code">([A-Z2-9]{10})<\/p>/.exec(body)?.[1];

describe('PUB-9 · SX25-P 23, GS-P 17: a correction request from the portal', () => {
  it('PUB-9: the decision page links to a labelled form that works without JavaScript', async () => {
    const res = await get(`/decisions/${s.visible.orgPenalty}/correction`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script');
    expect(res.body).toContain(`<form method="post" action="/decisions/${s.visible.orgPenalty}/correction"`);
    for (const f of ['name', 'contact', 'content', 'evidence']) expect(res.body).toContain(`<label for="f-${f}">`);
    expect(res.body).toContain('行政处罚决定书（甘环罚〔2026〕101号）');
  });

  it('PUB-9 · GS-P 17: POST files the request, shows the tracking code and the deadlines; the status page shows it', async () => {
    const res = await post(`/decisions/${s.visible.orgPenalty}/correction`, { name: '青禾测绘科技有限公司', contact: '0931-1234567', content: '违法事实中的检查日期有误，应为2026年1月6日。', evidence: '现场检查笔录复印件' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const code = codeOf(res.body)!;
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const [row] = await server.ctx.db.select().from(publicRequests).where(eq(publicRequests.trackingCode, code));
    expect(row).toMatchObject({ kind: 'correction', publicationId: s.visible.orgPenalty, agencyId: s.agencies.branch.id, requesterName: '青禾测绘科技有限公司', status: 'received', receivedOn: '2026-03-02' });
    // the fixture agencies run the GS19 profile: verify within 10 working days (GS-P 17)
    expect(row!.verifyBy).toBe('2026-03-16');
    expect(res.body).toContain('核实期限');
    expect(res.body).toContain('2026-03-16');
    const status = await get(`/requests?code=${code.toLowerCase()}`);
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('更正申请：已受理，正在核实');
    expect(status.body).toContain('2026-03-16');
    expect(status.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(status.headers['cache-control']).toBe('no-store');
  });

  it('PUB-9: missing or too long input re-renders the form with Chinese errors and keeps what was typed', async () => {
    const res = await post(`/decisions/${s.visible.orgPenalty}/correction`, { name: '', contact: '13800000000', content: '<b>内容</b>'.repeat(1) + '长'.repeat(5001) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('请填写姓名或名称。');
    expect(res.body).toContain('需要更正的内容及理由不能超过5000个字。');
    expect(res.body).toContain('value="13800000000"');
    expect(res.body).toContain('&lt;b&gt;内容&lt;/b&gt;长长');
    expect(res.body).not.toContain('<b>内容</b>');
    expect(res.body).toContain('id="f-name" name="name" value="" maxlength="100" required aria-required="true" aria-invalid="true" aria-describedby="e-name"');
  });

  it('PUB-9: only a visible decision can be the object of a request', async () => {
    for (const id of [s.hidden.withheld, s.hidden.expired, s.hidden.draft]) {
      expect((await get(`/decisions/${id}/correction`)).statusCode).toBe(404);
      expect((await post(`/decisions/${id}/correction`, { name: '甲', contact: '1', content: '更正' })).statusCode).toBe(404);
    }
  });

  it('PUB-9: a form posted from another site (Sec-Fetch-Site: cross-site) or by a bot (honeypot) files nothing', async () => {
    const before = (await server.ctx.db.select().from(publicRequests)).length;
    const cross = await post(`/decisions/${s.visible.orgPenalty}/correction`, { name: '甲', contact: '1', content: '更正' }, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(cross.statusCode).toBe(403);
    const bot = await post(`/decisions/${s.visible.orgPenalty}/correction`, { name: '甲', contact: '1', content: '更正', homepage: 'http://spam.example' });
    expect(bot.statusCode).toBe(400);
    expect((await server.ctx.db.select().from(publicRequests)).length).toBe(before);
    const same = await post(`/decisions/${s.visible.orgPenalty}/correction`, { name: '甲', contact: '1', content: '更正' }, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(same.statusCode).toBe(201);
  });

  it('PUB-9: a per-address rate limit answers 429 with an HTML page', async () => {
    const ip = nextAddress();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await post(`/decisions/${s.visible.orgPenalty}/correction`, { name: '', contact: '', content: '' }, { remoteAddress: ip })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
    const limited = await post(`/decisions/${s.visible.orgPenalty}/correction`, { name: '甲', contact: '1', content: '更正' }, { remoteAddress: ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('text/html');
    expect(limited.body).toContain('提交或查询过于频繁');
    // another address is not affected
    expect((await post(`/decisions/${s.visible.orgPenalty}/correction`, { name: '乙', contact: '2', content: '更正' })).statusCode).toBe(201);
  });
});

describe('PUB-10 · SX25-P 24: complaints to the publisher or its superior', () => {
  it('PUB-10: the complaint form offers every agency and preselects the publisher of a decision', async () => {
    const res = await get(`/complaints?agency=${s.agencies.branch.id}&decision=${s.visible.orgPenalty}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<option value="${s.agencies.branch.id}" selected>`);
    expect(res.body).toContain(`<option value="${s.agencies.city.id}">`);
    expect(res.body).toContain(`<input type="hidden" name="decision" value="${s.visible.orgPenalty}">`);
  });

  it('PUB-10: a complaint to the superior is filed there, naming the decision', async () => {
    const res = await post('/complaints', { agency: s.agencies.city.id, decision: s.visible.orgPenalty, name: '李某', contact: 'li@example.com', content: '公示内容泄露了个人手机号。' });
    expect(res.statusCode).toBe(201);
    const code = codeOf(res.body)!;
    const [row] = await server.ctx.db.select().from(publicRequests).where(eq(publicRequests.trackingCode, code));
    expect(row).toMatchObject({ kind: 'complaint', agencyId: s.agencies.city.id, publicationId: null, status: 'received' });
    expect(row!.content).toContain('行政处罚决定书（甘环罚〔2026〕101号）');
    const status = await get(`/requests?code=${code}`);
    expect(status.body).toContain('投诉举报：已受理，正在核实');
  });

  it('PUB-10: without an agency, or with an unknown one, the form comes back with the message', async () => {
    const none = await post('/complaints', { agency: '', name: '李某', contact: '1', content: '投诉' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('请选择受理投诉的机关。');
    expect(none.body).toContain('value="李某"');
    const unknown = await post('/complaints', { agency: '00000000-0000-4000-8000-000000000000', name: '李某', contact: '1', content: '投诉' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('所选受理机关不存在');
  });
});

describe('PUB-9, PUB-10: the status lookup', () => {
  it('a malformed code is a 400 and an unknown one a 404, both with the form and a Chinese message', async () => {
    const empty = await get('/requests');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<label for="f-code">查询码</label>');
    const bad = await get('/requests?code=%3Cscript%3E');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('查询码应为 10 位字母和数字');
    expect(bad.body).toContain('value="&lt;script&gt;"');
    const unknown = await get('/requests?code=ABCDEFGHJK');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('未找到该查询码对应的申请');
  });
});
