/**
 * The defaults of a new 抽查计划 (NAT-17 ⚙): before any plan exists the
 * console shows each class's pool, the ratio of the agency's profile for its
 * level and the number drawn per round — the same figures a plan created
 * without overrides gets. Read by the agency's case staff only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const get = (url: string, who: string) => server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookie[who]! } });

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_unithead', 'ty_officer1', 'ty_auditadmin']) cookie[u] = await loginCookie(server.app, u);
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
