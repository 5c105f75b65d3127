/**
 * What the console's inspection pages needed from the server (issue 16):
 * the defaults of a new 抽查计划 (NAT-17 ⚙) — each class's pool, the ratio of
 * the agency's profile for its level and the number drawn per round, as a
 * plan created without overrides gets — and 回避 respected when an
 * inspection is registered by hand, not only in a draw (INS-2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { creditCodeCheckChar } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { users } from '../../db/schema.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const get = (url: string, who: string) => server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookie[who]! } });
const post = (url: string, who: string, payload: object) => server.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, payload });
const userId = async (username: string) => (await server.ctx.db.select().from(users).where(eq(users.username, username)))[0]!.id;

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_unithead', 'ty_officer1', 'ty_officer2', 'ty_auditadmin']) cookie[u] = await loginCookie(server.app, u);
});
afterAll(async () => {
  await server?.close();
});

describe('NAT-17 · 环办〔2015〕88号 三: a new plan starts from the profile’s ratios', () => {
  it('NAT-17: the preview gives each class’s pool, ratio and count, as a plan without overrides', async () => {
    const res = await get('/inspections/plans/quota-preview', 'ty_unithead');
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.level).toBe('city');
    expect(preview.cap).toBe(2);
    // The demo directory: 8 targets, one at its yearly cap (seed/inspections.ts).
    expect(preview.poolSize).toBe(7);
    expect(preview.atCap).toBe(1);
    const key = preview.quota.find((l: { targetClass: string }) => l.targetClass === 'keyPolluter');
    expect(key).toMatchObject({ ratio: 0.05, per: 'quarter', count: 1 });
    const plans = (await get('/inspections/plans', 'ty_unithead')).json();
    expect(plans.items[0].quota).toEqual(preview.quota);
    // An officer reads it too; an audit administrator does not see inspections at all (404).
    expect((await get('/inspections/plans/quota-preview', 'ty_officer1')).statusCode).toBe(200);
    expect((await get('/inspections/plans/quota-preview', 'ty_auditadmin')).statusCode).toBe(404);
  });
});

describe('INS-2 · 回避 in every inspection', () => {
  it('INS-2: an officer with a declared relation to the enterprise cannot be registered to inspect it; another team can', async () => {
    const body = '91140105MA0K9' + '8765';
    const created = await post('/inspections/targets', 'ty_unithead', { creditCode: body + creditCodeCheckChar(body), name: '太原回避测试有限公司', riskClass: 'medium' });
    expect(created.statusCode, created.body).toBe(200);
    const targetId = created.json().id as string;
    const [o1, o2, head] = [await userId('ty_officer1'), await userId('ty_officer2'), await userId('ty_unithead')];
    expect((await post('/inspections/relations', 'ty_officer2', { userId: o2, targetId, relation: '配偶在该单位任职' })).statusCode).toBe(200);
    const today = server.ctx.clock.now().toISOString().slice(0, 10);
    const refused = await post('/inspections', 'ty_officer1', { targetId, kind: 'complaint', plannedDate: today, inspectorIds: [o1, o2] });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('inspection.inspector_recused');
    expect(refused.json().error.message).toContain('太原回避测试有限公司');
    const ok = await post('/inspections', 'ty_officer1', { targetId, kind: 'complaint', plannedDate: today, inspectorIds: [o1, head] });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
