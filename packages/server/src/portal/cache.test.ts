/**
 * Issue 14 item 8: the portal's validators, its in-process page cache and
 * its per-address rate limit (SYS-4 government-site conventions; PUB-8: a
 * withdrawn decision is never served from a cache; PUB-11: a new one shows
 * at once).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publications } from '../db/schema.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { createFixtureAgencies, insertPublication, type FixtureAgency } from '../testing/publications-fixture.js';

let server: TestServer;
let agency: FixtureAgency;

beforeAll(async () => {
  server = await startTestServer({ config: { portalCacheTtlSeconds: 600, portalRatePerMinute: 0 } });
  ({ city: agency } = await createFixtureAgencies(server.ctx.db, '缓存'));
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

describe('issue 14 · portal validators and cache', () => {
  it('SYS-4: a public page carries an ETag and Last-Modified; a matching If-None-Match is answered 304 without a body', async () => {
    const first = await get('/decisions');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['last-modified']).toBeTruthy();
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(first.headers.vary).toMatch(/Cookie/);
    const again = await get('/decisions', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await get('/decisions', { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
    // A page outside the hot set has validators too.
    const agencyPage = await get(`/agencies/${agency.id}`);
    expect(agencyPage.statusCode).toBe(200);
    expect((await get(`/agencies/${agency.id}`, { 'if-none-match': agencyPage.headers.etag as string })).statusCode).toBe(304);
  });

  it('SYS-4: the 大字版 is cached apart from the normal page (Vary: Cookie kept)', async () => {
    const normal = await get('/');
    const large = await get('/', { cookie: 'sx_text=large' });
    const normalAgain = await get('/');
    expect(normalAgain.body).toBe(normal.body);
    expect(normalAgain.headers.vary).toMatch(/Cookie/);
    expect(large.headers.vary).toMatch(/Cookie/);
    expect(large.headers.etag === normal.headers.etag).toBe(large.body === normal.body);
  });

  it('PUB-11 · PUB-8: the cache is served until a publication changes; a new decision shows at once, a withdrawn one is gone at once', async () => {
    const before = await get('/decisions?q=缓存测试企业');
    expect(before.body).not.toMatch(/<h3><a href="\/decisions\//);
    const hits = server.app.portalCache.stats.hits;
    await get('/decisions?q=缓存测试企业');
    expect(server.app.portalCache.stats.hits).toBe(hits + 1); // served from memory

    const id = await insertPublication(server.ctx.db, { agency, party: '缓存测试企业有限公司', decisionNumber: '缓环罚〔2026〕1号', decisionDate: '2026-02-20' });
    const published = await get('/decisions?q=缓存测试企业');
    expect(published.body).toContain(`/decisions/${id}`);
    expect(published.headers.etag).not.toBe(before.headers.etag);
    const home = await get('/');
    expect(home.body).toContain(`/decisions/${id}`);
    const page = await get(`/decisions/${id}`);
    expect(page.statusCode).toBe(200);
    const feed = await get('/feeds/decisions.atom');
    expect(feed.body).toContain(id);
    // Warm every cached view, then withdraw: none of them may show it any more.
    await get(`/decisions/${id}`);
    await server.ctx.db.update(publications).set({ status: 'withdrawn', online: false, updatedAt: server.ctx.clock.now() }).where(eq(publications.id, id));
    expect((await get('/decisions?q=缓存测试企业')).body).not.toContain(`/decisions/${id}`);
    expect((await get('/')).body).not.toContain(`/decisions/${id}`);
    expect((await get(`/decisions/${id}`)).statusCode).toBe(404);
    expect((await get('/feeds/decisions.atom')).body).not.toContain(id);
    // An old ETag of the list no longer matches.
    expect((await get('/decisions?q=缓存测试企业', { 'if-none-match': published.headers.etag as string })).statusCode).toBe(200);
  });
});

describe('issue 14 · portal rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ config: { portalRatePerMinute: 5 } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('SYS-4 · SYS-5: after the per-address limit the portal answers 429 with Retry-After in the Chinese error shape; the staff API is not limited by it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.app.inject({ method: 'GET', url: '/agencies', remoteAddress: '203.0.113.7' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const over = await limited.app.inject({ method: 'GET', url: '/agencies', remoteAddress: '203.0.113.7' });
    expect(over.statusCode).toBe(429);
    const retry = Number(over.headers['retry-after']);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    const body = over.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('portal.rate_limited');
    expect(body.error.message).toMatch(/访问过于频繁，请 \d+ 秒后再试/);
    // Another address is served; the API is outside the portal's limit.
    expect((await limited.app.inject({ method: 'GET', url: '/agencies', remoteAddress: '203.0.113.8' })).statusCode).toBe(200);
    expect((await limited.app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
  });
});
