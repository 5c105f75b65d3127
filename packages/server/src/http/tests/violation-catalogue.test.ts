/**
 * Issue 11 item 3 · NAT-22, ORG-3 (SX25-P 10(一)): the portal's 行政处罚裁量基准
 * of an agency is generated from its violation catalogue — a new version
 * (append-only) shows up on the agency page at once — and passes the
 * redaction gate (PUB-4 · SX25-P 16).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { VIOLATIONS } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { agencies } from '../../db/schema.js';

let server: TestServer;
const cookie: Record<string, string> = {};
let tyId = '';

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_reviewer', 'ty_officer1']) cookie[u] = await loginCookie(server.app, u);
  tyId = (await server.ctx.db.select().from(agencies).where(eq(agencies.name, '太原市生态环境局')))[0]!.id;
});
afterAll(async () => {
  await server?.close();
});

const api = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const portal = async () => {
  const res = await server.app.inject({ method: 'GET', url: `/agencies/${tyId}` });
  expect(res.statusCode).toBe(200);
  const at = res.body.indexOf('id="exante-discretion-section"');
  expect(at).toBeGreaterThan(0);
  return res.body.slice(at, res.body.indexOf('</section>', at));
};

describe('NAT-22 · ORG-3 (SX25-P 10(一)): the portal\u2019s 行政处罚裁量基准 comes from the violation catalogue', () => {
  it('NAT-22 · 大气污染防治法 第九十九条: a catalogue entry appears on the agency page with its violated article, basis by full title, statutory range and bands', async () => {
    const html = await portal();
    expect(html).toContain('超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物');
    expect(html).toContain('<dt>违反条款</dt><dd>《中华人民共和国大气污染防治法》第十八条</dd>');
    expect(html).toContain('<dt>处罚依据</dt><dd>《中华人民共和国大气污染防治法》第九十九条</dd>');
    expect(html).toContain('<dt>法定幅度</dt><dd>10万元以上100万元以下；可按日连续处罚</dd>');
    expect(html).toContain('较轻：首次违法、及时改正、危害后果轻微（10万元至37万元）');
    expect(html).toContain('平台示范裁量基准');
    expect(html).not.toMatch(/NAT-|ORG-|待确认/);
  });

  it('NAT-22 · ORG-3: a new version of the catalogue (append-only) shows up on the portal; the API gives the benchmark rows; the old version stays', async () => {
    const entries = VIOLATIONS.map((v) => ({ ...v, bands: v.bands.map((b) => ({ ...b })) }));
    entries[0] = { ...entries[0]!, bands: entries[0]!.bands.map((b, i) => (i === 0 ? { ...b, circumstances: '首次违法且超标倍数低于0.5倍，主动改正' } : b)) };
    const saved = await api('POST', '/violation-catalogue', 'ty_reviewer', { entries, note: '依本局裁量基准调整' });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().catalogue).toMatchObject({ version: 1, adopted: true });
    expect(saved.json().catalogue.benchmark[0].bands[0]).toEqual({ label: '较轻', circumstances: '首次违法且超标倍数低于0.5倍，主动改正', range: '10万元至37万元' });
    const html = await portal();
    expect(html).toContain('较轻：首次违法且超标倍数低于0.5倍，主动改正（10万元至37万元）');
    expect(html).toContain('本机关违法行为目录第 1 版');
    const again = await api('POST', '/violation-catalogue', 'ty_reviewer', { entries: entries.slice(1) });
    expect(again.json().catalogue.version).toBe(2);
    expect(await portal()).not.toContain('首次违法且超标倍数低于0.5倍');
    await expect(server.ctx.database.query('UPDATE violation_catalogues SET note = $1', ['x'])).rejects.toThrow(/append-only|不得修改|forbid/i);
    expect((await server.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM violation_catalogues')).at(0)?.n).toBe(2);
  });

  it('PUB-4 · SX25-P 16: a version whose texts hold personal information is refused (409); a band outside the range (422); an officer may not adopt one (403)', async () => {
    const entries = VIOLATIONS.map((v) => ({ ...v, bands: v.bands.map((b) => ({ ...b })) }));
    const phone = [{ ...entries[0]!, bands: [{ ...entries[0]!.bands[0]!, circumstances: '首次违法，联系人电话13912345678' }] }];
    const leaked = await api('POST', '/violation-catalogue', 'ty_reviewer', { entries: phone });
    expect(leaked.statusCode, leaked.body).toBe(409);
    expect(leaked.json().error.code).toBe('violation_catalogue.personal_info');
    expect(leaked.json().error.message).toContain('不得含有个人信息');
    const wide = [{ ...entries[0]!, bands: [{ label: '较重', circumstances: '拒不改正', min: 500_000, max: 2_000_000 }] }];
    const bad = await api('POST', '/violation-catalogue', 'ty_reviewer', { entries: wide });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('裁量档次“较重”超出法定幅度（10万元以上100万元以下）');
    expect((await api('POST', '/violation-catalogue', 'ty_officer1', { entries })).statusCode).toBe(403);
  });
});
