/**
 * SYS-5 · GB/T 22239-2019 8.1.4.1 登录失败处理 (issue 14 item 2): the failure
 * counter is one atomic UPDATE … RETURNING, so parallel attempts cannot
 * overwrite each other; names without an account answer exactly like names
 * with one (no enumeration).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../../testing/harness.js';
import { auditEvents, users } from '../../db/schema.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const login = (username: string, password: string) => server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('SYS-5 · GB/T 22239-2019 8.1.4.1 lockout under parallel attempts', () => {
  it('30 parallel wrong passwords lock the account; the right password is then refused', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => login('ty_officer2', 'Wrong#Password1')));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 401 || s === 423), statuses.join()).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_officer2'));
    expect(u!.lockedUntil!.getTime()).toBeGreaterThan(server.ctx.clock.now().getTime());
    const right = await login('ty_officer2', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('auth.locked');
    const lockouts = await server.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.lockout'));
    expect(lockouts.length).toBe(1);
  });
});

describe('SYS-5 · GB/T 22239-2019 8.1.4.1 no enumeration of names', () => {
  it('an unknown name answers 401 four times, then 423 with the same body as a known name', async () => {
    const known: Array<[number, unknown]> = [];
    const unknown: Array<[number, unknown]> = [];
    for (let i = 0; i < 6; i++) {
      const a = await login('ty_officer1', 'Wrong#Password1');
      const b = await login('no_such_officer', 'Wrong#Password1');
      known.push([a.statusCode, a.json()]);
      unknown.push([b.statusCode, b.json()]);
    }
    expect(known.map(([s]) => s)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown).toEqual(known);
    // The lock of an unknown name ends like an account's.
    server.ctx.clock.advanceMinutes(16);
    expect((await login('no_such_officer', 'Wrong#Password1')).statusCode).toBe(401);
    expect((await login('ty_officer1', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('30 parallel attempts under an unknown name lock it too', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => login('ghost_user', 'Wrong#Password1')));
    expect(results.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(4);
    expect((await login('ghost_user', 'Wrong#Password1')).statusCode).toBe(423);
  });
});
