/**
 * Issue 13 item 1: ex-ante content (事前公开信息) through the same redaction
 * gate as every other public text. A person's phone or ID number typed into a
 * free-text field is a 疑似个人信息 that blocks approval until the clerk masks
 * it or dismisses it (the dismissal kept with its reason); an ID number can
 * only be masked. The officers' names and certificate numbers of the
 * 执法人员 roster and the agency's own channels are lawful public content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { agencies, users } from '../../db/schema.js';

let server: TestServer;
const cookie: Record<string, string> = {};
let ty = '';

type Method = 'GET' | 'POST' | 'PUT';
const api = (method: Method, url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const ok = async (method: Method, url: string, who: string, payload?: unknown) => {
  const res = await api(method, url, who, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_clerk', 'ty_approver']) cookie[u] = await loginCookie(server.app, u);
  const [a] = await server.ctx.db.select().from(agencies).where(eq(agencies.name, '太原市生态环境局'));
  ty = a!.id;
});
afterAll(async () => {
  await server?.close();
});

const PERSON = '褚文博';
const ID = '140105197803120015';
const MOBILE = '13600001111';
const RIGHTS = {
  statement: '当事人有权就行政执法机关认定的事实、理由和依据进行陈述。',
  defence: '当事人有权进行申辩。',
  hearing: `当事人有权要求听证；听证事宜请联系${PERSON}，手机${MOBILE}，身份证号${ID}。`,
  reconsideration: '可以自知道该决定之日起六十日内依法申请行政复议。',
  litigation: '可以自知道或者应当知道作出该决定之日起六个月内依法提起行政诉讼。',
};
const url = () => `/agencies/${ty}/exante/rights`;

describe('issue 13 item 1 · PUB-4 · SX25-P 16(一); GS-P 9: ex-ante content through the redaction gate', () => {
  it('PUB-4 · SX25-P 16(一): a phone and an ID number typed into a free-text field are 疑似个人信息 and block approval (409)', async () => {
    const saved = await ok('PUT', url(), 'ty_clerk', { content: { fields: RIGHTS } });
    const values = saved.gate.texts.flatMap((t: { suspects: { original: string }[] }) => t.suspects.map((s) => s.original));
    expect(values).toEqual(expect.arrayContaining([MOBILE, ID]));
    expect(saved.gate.texts[0]).toMatchObject({ kind: 'exante', key: 'fields.hearing', original: RIGHTS.hearing });
    expect(saved.gate.problems.map((p: { code: string }) => p.code)).toContain('suspect');
    await ok('POST', `${url()}/submit`, 'ty_clerk', {});
    const seen = await ok('GET', url(), 'ty_approver');
    expect(seen.abilities.approve).toBe(false);
    expect(seen.gate.problems.some((p: { message: string }) => p.message.includes('疑似个人信息'))).toBe(true);
    const refused = await api('POST', `${url()}/approve`, 'ty_approver', { comment: '同意' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('exante.gate_closed');
    expect((await server.app.inject({ method: 'GET', url: `/agencies/${ty}` })).body).not.toContain(MOBILE);
    await ok('POST', `${url()}/return`, 'ty_approver', { comment: '请隐去个人信息' });
  });

  it('PUB-4 · SX25-P 16(一): an ID number cannot be dismissed (422), only masked', async () => {
    const res = await api('PUT', url(), 'ty_clerk', { content: { fields: RIGHTS, redaction: [{ action: 'dismiss', value: ID, reason: '不是个人信息' }] } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('disclosure.dismiss_forbidden');
  });

  it('PUB-4 · SX25-P 16, 19 第二款: masked and dismissed (with the reason recorded), it is approved; the portal shows the masks only', async () => {
    const redaction = [
      { action: 'add', value: PERSON, reason: '听证联系人的姓名', kind: 'name' },
      { action: 'add', value: ID, reason: '身份证件号码', kind: 'idNumber' },
      { action: 'dismiss', value: MOBILE, reason: '本机关听证室值班手机，依法公开' },
    ];
    const saved = await ok('PUT', url(), 'ty_clerk', { content: { fields: RIGHTS, redaction } });
    expect(saved.gate.problems).toEqual([]);
    expect(saved.gate.texts[0].dismissed[0]).toMatchObject({ original: MOBILE, dismissReason: '本机关听证室值班手机，依法公开' });
    await ok('POST', `${url()}/submit`, 'ty_clerk', {});
    const approved = await ok('POST', `${url()}/approve`, 'ty_approver', { comment: '同意' });
    expect(approved.summary.status).toBe('published');
    const event = approved.history.at(-1);
    expect(event.detail).toMatchObject({ masked: 2, dismissed: [{ value: MOBILE, reason: '本机关听证室值班手机，依法公开' }] });
    const page = (await server.app.inject({ method: 'GET', url: `/agencies/${ty}` })).body;
    expect(page).toContain('听证事宜请联系褚某');
    expect(page).toContain(MOBILE);
    for (const secret of [PERSON, ID, '1401051978', '不是个人信息']) expect(page, secret).not.toContain(secret);
  });

  it("ORG-2 · GS-P 5(二): officers' names and certificate numbers of the roster and the agency's own channels are lawful public content, not flagged", async () => {
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_officer1'));
    await server.ctx.db.update(users).set({ displayName: '张建国' }).where(eq(users.id, u!.id));
    const list = await ok('GET', `/agencies/${ty}/exante`, 'ty_clerk');
    const officer = list.roster.find((o: { name: string }) => o.name === '张建国');
    expect(officer).toBeTruthy();
    const content = {
      rows: [
        {
          subject: '太原市生态环境局',
          items: '污染物排放情况',
          basis: '《中华人民共和国环境保护法》第二十四条',
          standards: '国家和地方污染物排放标准',
          plan: `由执法人员张建国（执法证号${officer.certificateNumber}）牵头按季度实施`,
          frequencyCap: 2,
          discretion: '《山西省生态环境行政处罚自由裁量基准》（晋环规〔2025〕5号）',
        },
      ],
    };
    const saved = await ok('PUT', `/agencies/${ty}/exante/enterpriseInspections`, 'ty_clerk', { content });
    expect(saved.gate.problems).toEqual([]);
    // the agency's own channels as published in 监督投诉渠道
    const supervision = await ok('GET', `/agencies/${ty}/exante/supervision`, 'ty_clerk');
    expect(supervision.gate.problems).toEqual([]);
    const service = await ok('GET', `/agencies/${ty}/exante/serviceItems`, 'ty_clerk');
    expect(service.gate.problems).toEqual([]);
  });
});
