/**
 * Issue 14 item 1: bad bytes are 400, never 500 — one request-wide rule at the
 * boundary (NUL, lone surrogates, integers beyond the column, impossible
 * dates), and the message names the field. Each case below answered 500
 * before the rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { agencies, users } from '../../db/schema.js';
import { badNumber, badString, findBadInput } from '../input-guard.js';

let server: TestServer;
let sys = '';
let clerk = '';
let tyId = '';
beforeAll(async () => {
  server = await startTestServer();
  sys = await loginCookie(server.app, 'ty_sysadmin');
  clerk = await loginCookie(server.app, 'ty_clerk');
  const [ty] = await server.ctx.db.select().from(agencies).where(eq(agencies.shortName, '太原市局'));
  tyId = ty!.id;
});
afterAll(async () => {
  await server?.close();
});

const expect400 = (res: { statusCode: number; body: string; json(): any }, field: RegExp) => {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.code).toBe('validation.failed');
  expect(res.json().error.message).toMatch(field);
};

describe('the boundary rule (pure part)', () => {
  it('refuses NUL, lone surrogates and impossible dates; accepts ordinary text and real dates', () => {
    expect(badString('a\u0000b')).toMatch(/空字符/);
    expect(badString('x\uD800')).toMatch(/代理字符/);
    expect(badString('\uDC00x')).toMatch(/代理字符/);
    expect(badString('😀 表情')).toBeNull(); // a proper pair
    expect(badString('2026-02-30')).toMatch(/日期/);
    expect(badString('2024-02-29')).toBeNull();
    expect(badString('2025-02-29')).toMatch(/日期/);
    expect(badString('2026-03-02T25:00:00Z')).toMatch(/时间/);
    expect(badString('2026-03-02T01:00:00.000Z')).toBeNull();
    expect(badString('0000-01-01')).toMatch(/日期/);
  });
  it('integers fit int4 except the byte-size fields, which fit bigint', () => {
    expect(badNumber(2 ** 31, 'sortOrder')).toMatch(/范围/);
    expect(badNumber(2 ** 31 - 1, 'sortOrder')).toBeNull();
    expect(badNumber(-(2 ** 31) - 1, 'x')).toMatch(/范围/);
    expect(badNumber(5 * 2 ** 31, 'size')).toBeNull();
    expect(badNumber(5e9, 'fineAmount')).toBeNull(); // money in jsonb, not an int4 column
    expect(badNumber(2 ** 60, 'size')).toMatch(/范围/);
    expect(badNumber(1e300 + 0.5, 'amount')).toMatch(/范围/);
    expect(findBadInput({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toEqual({ field: 'body.a[1].c', problem: expect.stringContaining('空字符') });
    expect(findBadInput({ ['k\u0000']: 1 }, 'body')?.problem).toMatch(/字段名/);
  });
});

describe('issue 14 findings: 400 naming the field, where there was a 500', () => {
  it('NUL in the sign-in name (anonymous)', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ty\u0000clerk', password: 'x' } });
    expect400(res, /body\.username/);
  });
  it('%00 in the anonymous portal search and in a path id', async () => {
    const portal = await server.app.inject({ method: 'GET', url: '/decisions?q=%E7%8E%AF%00' });
    // The portal answers people with its HTML error page, same rule and message.
    expect(portal.statusCode).toBe(400);
    expect(portal.body).toContain('query.q 含有空字符');
    const path = await server.app.inject({ method: 'GET', url: '/api/v1/cases/ab%00cd', headers: { cookie: clerk } });
    expect400(path, /path\.id/);
  });
  it('a lone surrogate written into a JSON column', async () => {
    const res = await server.app.inject({ method: 'PUT', url: `/api/v1/agencies/${tyId}/exante/powers`, headers: { cookie: clerk, 'content-type': 'application/json' }, payload: '{"content":{"items":[{"name":"\\ud800"}]}}', });
    expect400(res, /body\.content\.items\[0\]\.name/);
  });
  it('PATCH /users/{id} with {} is a clear 400, not "No values to set"', async () => {
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_officer2'));
    const res = await server.app.inject({ method: 'PATCH', url: `/api/v1/users/${u!.id}`, headers: { cookie: sys }, payload: {} });
    expect400(res, /未包含任何要修改的字段/);
  });
  it('integers above 2³¹−1 in a path and in a body', async () => {
    expect400(await server.app.inject({ method: 'GET', url: '/api/v1/calendar/years/99999999999', headers: { cookie: sys } }), /path\.year/);
    const [u] = await server.ctx.db.select().from(agencies).where(eq(agencies.id, tyId));
    const res = await server.app.inject({ method: 'PATCH', url: `/api/v1/agencies/${u!.id}`, headers: { cookie: sys }, payload: { sortOrder: 2 ** 31 } });
    expect400(res, /body\.sortOrder/);
  });
  it('an ex-ante changedOn of 2026-02-30', async () => {
    const res = await server.app.inject({ method: 'PUT', url: `/api/v1/agencies/${tyId}/exante/powers`, headers: { cookie: clerk }, payload: { content: {}, changedOn: '2026-02-30' } });
    expect400(res, /body\.changedOn/);
  });
});
