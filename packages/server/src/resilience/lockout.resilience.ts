/**
 * Resilience suite (issue 14 item 9): parallel lockout over real HTTP
 * connections (GB/T 22239-2019 8.1.4.1 登录失败处理) — 30 wrong
 * passwords at once lock the account, for a known and an unknown name alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../testing/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const login = (username: string, password: string) =>
  fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }).then((r) => r.status);

describe('issue 14 · parallel lockout over HTTP', () => {
  it('30 parallel wrong passwords lock a known and an unknown name; the right password is then refused', async () => {
    for (const name of ['ty_officer2', 'nobody_at_all']) {
      const statuses = await Promise.all(Array.from({ length: 30 }, () => login(name, 'Wrong#Password1')));
      const by = statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});
      console.log(`parallel lockout ${name}: ${JSON.stringify(by)}`);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
      expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    }
    expect(await login('ty_officer2', DEMO_PASSWORD)).toBe(423);
  });
});
