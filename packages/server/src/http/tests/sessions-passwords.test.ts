/**
 * SYS-5 · GB/T 22239-2019 8.1.4.1 (issue 14 item 5): a precise idle timeout,
 * a password change ends the user's other sessions, and the policy refuses
 * common, name-derived and published passwords (the demo password only in
 * demo mode), with the reason in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { passwordProblem } from '../../usecases/password-policy.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { sessionIdleMinutes: 1 } });
});
afterAll(async () => {
  await server?.close();
});

const me = (cookie: string) => server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const seconds = (s: number) => server.ctx.clock.set(new Date(server.ctx.clock.now().getTime() + s * 1000));

describe('SYS-5 · GB/T 22239-2019 8.1.4.1 idle timeout', () => {
  it('active at 40 s with a 1-minute timeout: still signed in at 80 s, out at 101 s', async () => {
    const cookie = await loginCookie(server.app, 'ty_head');
    seconds(40);
    expect((await me(cookie)).statusCode).toBe(200);
    seconds(40); // 80 s after sign-in, 40 s after the last request
    expect((await me(cookie)).statusCode).toBe(200);
    seconds(61);
    const res = await me(cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.session_expired');
  });
});

describe('SYS-5 · GB/T 22239-2019 8.1.4.1 password change', () => {
  it('ends the user\'s other sessions and keeps the one in use', async () => {
    const a = await loginCookie(server.app, 'ty_reviewer');
    const b = await loginCookie(server.app, 'ty_reviewer');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: a }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Changed#Pass2026' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(401);
  });

  it('refuses common, name-derived and (outside demo mode) published passwords, saying why in Chinese', async () => {
    const cookie = await loginCookie(server.app, 'ty_officer1');
    const change = (newPassword: string) => server.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: DEMO_PASSWORD, newPassword } });
    const common = await change('Password123');
    expect(common.statusCode).toBe(400);
    expect(common.json().error).toMatchObject({ code: 'auth.password_rejected', message: expect.stringContaining('常见密码') });
    const derived = await change('Ty_Officer1!x');
    expect(derived.json().error).toMatchObject({ code: 'auth.password_rejected', message: expect.stringContaining('用户名') });
    expect((await change('Q7#vLm2!pZr9')).statusCode).toBe(200);
  });
});

describe('the policy (pure part)', () => {
  it('the published demo password only in demo mode', () => {
    expect(passwordProblem(DEMO_PASSWORD, { mode: 'demo', username: 'ty_clerk' })).toBeNull();
    expect(passwordProblem(DEMO_PASSWORD, { mode: 'production', username: 'ty_clerk' })).toMatch(/演示密码/);
    expect(passwordProblem('Password123', { mode: 'production' })).toMatch(/常见/);
    expect(passwordProblem('zhangwei#2026X', { mode: 'production', username: 'zhangwei' })).toMatch(/用户名/);
    expect(passwordProblem('Strong#Pass2026', { mode: 'production', username: 'ty_clerk' })).toBeNull();
  });
});
