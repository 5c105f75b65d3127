/**
 * SYS-5 · GB/T 22239-2019 8.1.4.1 (identity authentication) and 8.1.4.3
 * (security audit): sign-in, lockout, idle timeout, password rules, forced
 * change of initial passwords, audit of every login, failure and lockout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD, loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { auditEvents, users } from '../../db/schema.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const login = (username: string, password: string) => server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('SYS-5 · GB/T 22239-2019 8.1.4.1 sign-in', () => {
  it('a good login sets an httpOnly, SameSite=Lax session cookie and returns the user', async () => {
    const res = await login('ty_officer1', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sx_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy(); // plain http in tests; Secure behind TLS
    expect(res.json().user).toMatchObject({ username: 'ty_officer1', roles: ['officer'], mustChangePassword: false });
    expect(JSON.stringify(res.json())).not.toContain('passwordHash');
  });

  it('a wrong password and an unknown user give the same answer', async () => {
    const a = await login('ty_officer2', 'Wrong#Password1');
    const b = await login('nobody_here', 'Wrong#Password1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().error.message).toBe('用户名或密码错误。');
  });

  it('5 failed attempts lock the account for 15 minutes; the lock ends by itself', async () => {
    for (let i = 0; i < 4; i++) expect((await login('ty_clerk', 'Wrong#Password1')).statusCode).toBe(401);
    const fifth = await login('ty_clerk', 'Wrong#Password1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.locked');
    // Even the right password is refused while locked.
    expect((await login('ty_clerk', DEMO_PASSWORD)).statusCode).toBe(423);
    server.ctx.clock.advanceMinutes(14);
    expect((await login('ty_clerk', DEMO_PASSWORD)).statusCode).toBe(423);
    server.ctx.clock.advanceMinutes(2);
    expect((await login('ty_clerk', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('the security administrator can unlock a locked account', async () => {
    for (let i = 0; i < 5; i++) await login('ty_approver', 'Wrong#Password1');
    expect((await login('ty_approver', DEMO_PASSWORD)).statusCode).toBe(423);
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_approver'));
    const sec = await loginCookie(server.app, 'ty_secadmin');
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/users/${u!.id}/unlock`, headers: { cookie: sec } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.locked).toBe(false);
    expect((await login('ty_approver', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('logins, failures and lockouts are audit events (SYS-5 · 网络安全法 Art 21)', async () => {
    const rows = await server.ctx.db.select().from(auditEvents);
    const kinds = new Set(rows.map((r) => `${r.action}:${r.outcome}`));
    expect(kinds).toContain('auth.login:ok');
    expect(kinds).toContain('auth.login:failed');
    expect(kinds).toContain('auth.login:denied');
    expect(kinds).toContain('auth.lockout:ok');
    const failed = rows.find((r) => r.action === 'auth.login' && r.outcome === 'failed' && r.detail.username === 'nobody_here');
    expect(failed?.ip).toBe('127.0.0.1');
  });

  it('a session idle for 30 minutes ends; activity keeps it alive', async () => {
    const cookie = await loginCookie(server.app, 'ty_head');
    const me = () => server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    server.ctx.clock.advanceMinutes(20);
    expect((await me()).statusCode).toBe(200);
    server.ctx.clock.advanceMinutes(25); // 25 minutes after the last activity
    expect((await me()).statusCode).toBe(200);
    server.ctx.clock.advanceMinutes(31);
    const res = await me();
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.session_expired');
    expect((await me()).json().error.code).toBe('auth.required');
  });

  it('logout ends the session', async () => {
    const cookie = await loginCookie(server.app, 'ty_keeper');
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('a disabled account cannot sign in and its sessions end', async () => {
    const cookie = await loginCookie(server.app, 'ty_officer3');
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_officer3'));
    const sys = await loginCookie(server.app, 'ty_sysadmin');
    expect((await server.app.inject({ method: 'PATCH', url: `/api/v1/users/${u!.id}`, headers: { cookie: sys }, payload: { disabled: true } })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const res = await login('ty_officer3', DEMO_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.disabled');
  });
});

describe('SYS-5 · GB/T 22239-2019 8.1.4.1 passwords', () => {
  it('a weak new password is refused with the rule in Chinese; a strong one is accepted', async () => {
    const cookie = await loginCookie(server.app, 'ty_reviewer');
    const weak = await server.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'abcdefghij' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('auth.password_weak');
    expect(weak.json().error.message).toContain('至少 10 位');
    const wrongCurrent = await server.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: 'nope', newPassword: 'Strong#Pass2026' } });
    expect(wrongCurrent.json().error.code).toBe('auth.password_wrong');
    const ok = await server.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Strong#Pass2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await login('ty_reviewer', 'Strong#Pass2026')).statusCode).toBe(200);
    expect((await login('ty_reviewer', DEMO_PASSWORD)).statusCode).toBe(401);
  });

  it('passwords are stored as argon2id hashes', async () => {
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_officer1'));
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('an account with an initial password must change it before doing anything else', async () => {
    const sys = await loginCookie(server.app, 'ty_sysadmin');
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: sys },
      payload: { agencyId: (await server.ctx.db.select().from(users).where(eq(users.username, 'ty_officer1')))[0]!.agencyId, username: 'new_officer', displayName: '新执法人员', initialPassword: 'Initial#Pass2026' },
    });
    expect(created.statusCode).toBe(201);
    const cookie = await loginCookie(server.app, 'new_officer', 'Initial#Pass2026');
    const blocked = await server.app.inject({ method: 'GET', url: '/api/v1/agencies', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.password_change_required');
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().user.mustChangePassword).toBe(true);
    await server.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: 'Initial#Pass2026', newPassword: 'Changed#Pass2026' } });
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/agencies', headers: { cookie } })).statusCode).toBe(200);
  });
});

describe('SYS-5 三员 separation through the API', () => {
  it('the security administrator cannot give one person two administrator roles', async () => {
    const sec = await loginCookie(server.app, 'ty_secadmin');
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_keeper'));
    const res = await server.app.inject({ method: 'PUT', url: `/api/v1/users/${u!.id}/roles`, headers: { cookie: sec }, payload: { roles: ['sysAdmin', 'auditAdmin'] } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('user.role_conflict');
    const [still] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_keeper'));
    expect(still).toBeTruthy();
    const view = await server.app.inject({ method: 'GET', url: `/api/v1/users/${u!.id}`, headers: { cookie: sec } });
    expect(view.json().user.roles).toEqual(['recordsKeeper']); // nothing changed
  });

  it('nobody grants roles to themselves', async () => {
    const sec = await loginCookie(server.app, 'ty_secadmin');
    const [self] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_secadmin'));
    const res = await server.app.inject({ method: 'PUT', url: `/api/v1/users/${self!.id}/roles`, headers: { cookie: sec }, payload: { roles: ['secAdmin'] } });
    expect(res.statusCode).toBe(403);
  });
});

describe('SYS-5 login rate limit', () => {
  it('more than 20 sign-in attempts a minute from one address get 429 (default limit)', async () => {
    const limited = await startTestServer({ config: { loginRatePerMinute: 20 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        statuses.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `spray${i}`, password: 'x' } })).statusCode);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses[20]).toBe(429);
      const res = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ty_officer1', password: DEMO_PASSWORD } });
      expect(res.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
