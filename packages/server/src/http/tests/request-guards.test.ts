/**
 * Issue 14 items 3 and 4: cross-site requests are refused (Origin/Referer,
 * JSON only), and every error — 404 of an unknown route, 413, 414, 415, the
 * tus endpoint, a 500 — has the one Chinese shape; a 5xx is logged with its
 * request id at the default log level.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { buildApp } from '../app.js';
import { cases } from '../../db/schema.js';

let server: TestServer;
let cookie = '';
beforeAll(async () => {
  server = await startTestServer();
  cookie = await loginCookie(server.app, 'ty_officer1');
});
afterAll(async () => {
  await server?.close();
});

const chinese = /[\u4e00-\u9fff]/;
const shape = (res: { json(): any }, code: string) => {
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(chinese);
  expect(body.error.message).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/); // no English sentences
};

describe('issue 14 item 3 · CSRF: cross-site state changes are refused', () => {
  it('a cross-site form POST with the session cookie creates no case (403 by Origin, 415 without it)', async () => {
    const before = (await server.ctx.db.select().from(cases)).length;
    const form = 'sourceKind=complaint&summary=x';
    const withOrigin = await server.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
    expect(withOrigin.statusCode).toBe(403);
    shape(withOrigin, 'request.cross_origin');
    const noOrigin = await server.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
    expect(noOrigin.statusCode).toBe(415);
    shape(noOrigin, 'request.json_only');
    const textPlain = await server.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie, 'content-type': 'text/plain' }, payload: '{"a":1}' });
    expect(textPlain.statusCode).toBe(415);
    expect((await server.ctx.db.select().from(cases)).length).toBe(before);
  });

  it('a JSON request from another site (Origin, or Referer without Origin, or Origin "null") is refused', async () => {
    for (const headers of [{ origin: 'http://localhost.evil.example' }, { referer: 'https://evil.example/page' }, { origin: 'null' }]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, ...headers } });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
  });

  it('the platform\'s own origin, and clients that send neither header, pass', async () => {
    const own = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie, origin: 'https://evil.example' } });
    expect(own.statusCode).toBe(200); // reads are not state changes
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ty_officer1', password: 'Sanxiang@2026' }) });
    expect(res.status).toBe(200);
    const viaReferer = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { referer: `${server.url}/console/`, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ty_officer1', password: 'Sanxiang@2026' }) });
    expect(viaReferer.status).toBe(200);
  });
});

describe('issue 14 item 4 · one error shape in Chinese', () => {
  it('404 of an unknown API route', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    shape(res, 'not_found');
  });
  it('413 for a body over the limit', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(3 * 1024 * 1024), password: 'y' }) });
    expect(res.statusCode).toBe(413);
    shape(res, 'request.too_large');
  });
  it('414 for an over-long path parameter', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/api/v1/cases/${'a'.repeat(500)}`, headers: { cookie } });
    expect(res.statusCode).toBe(414);
    shape(res, 'request.url_too_long');
  });
  it('400 for JSON that does not parse', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    shape(res, 'request.malformed');
  });
  it('the tus endpoint: 412 without Tus-Resumable, 404 of an unknown upload, in the same shape', async () => {
    const a = await server.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { cookie } });
    expect(a.statusCode).toBe(412);
    shape(a, 'request.malformed');
    const b = await server.app.inject({ method: 'HEAD', url: '/api/v1/uploads/00000000-0000-0000-0000-000000000000', headers: { cookie, 'tus-resumable': '1.0.0' } });
    expect(b.statusCode).toBeGreaterThanOrEqual(400);
  });
  it('a 500 answers with a request id and is logged with it at the default level', async () => {
    const ctx = await createTestContext({ config: { logLevel: 'info' } });
    const lines: string[] = [];
    const logStream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const app = await buildApp(ctx, { logger: true, logStream });
    app.get('/api/v1/test-boom', async () => { throw new Error('boom'); });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/test-boom' });
      expect(res.statusCode).toBe(500);
      shape(res, 'internal');
      const id = res.json().error.requestId;
      expect(id).toBeTruthy();
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.level === 50);
      expect(logged).toMatchObject({ reqId: id, msg: 'request failed' });
      // No request lines at the default level, only the error.
      expect(lines.length).toBe(1);
    } finally {
      await app.close();
      await ctx.close();
    }
  });
});
