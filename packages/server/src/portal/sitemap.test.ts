/**
 * Issue 13 item 5: robots.txt and sitemap.xml (PUB-11: every visible
 * decision and agency page; PUB-7, PUB-8: withdrawn and expired ones leave
 * it), the 大字版 never mixed by a shared cache, and every agency page and
 * the 涉企检查 column citing the agency's own rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { seedPortalScenario } from '../testing/publications-fixture.js';

let server: TestServer;
let s: Awaited<ReturnType<typeof seedPortalScenario>>;

beforeAll(async () => {
  server = await startTestServer();
  s = await seedPortalScenario(server.ctx.db);
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

describe('PUB-11: robots.txt and sitemap.xml', () => {
  it('robots.txt allows the public pages, keeps the console, API and forms out, and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('Disallow: /api/');
    expect(res.body).toContain('Disallow: /requests');
    expect(res.body).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  it('PUB-7 · SX25-P 18, PUB-8 · SX25-P 25: the sitemap lists every visible decision and agency page; withdrawn and expired ones leave it', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    for (const id of Object.values(s.visible)) expect(res.body, id).toContain(`/decisions/${id}</loc>`);
    for (const id of Object.values(s.hidden)) expect(res.body, id).not.toContain(id);
    for (const a of Object.values(s.agencies)) expect(res.body).toContain(`/agencies/${a.id}</loc>`);
    expect(res.body).toContain('/notices</loc>');
    expect(res.body).toContain('/inspections</loc>');
  });
});

describe('SYS · 适老化: the 大字版 is never mixed by a cache', () => {
  it('every cacheable portal page varies on the cookie that chooses the large text', async () => {
    for (const url of ['/', '/decisions', `/decisions/${s.visible.orgPenalty}`, '/agencies', `/agencies/${s.agencies.city.id}`, '/inspections', '/notices']) {
      const plain = await get(url);
      const large = await get(url, { cookie: 'sx_text=large' });
      expect(plain.statusCode, url).toBe(200);
      expect(String(plain.headers.vary ?? ''), url).toMatch(/\bCookie\b/i);
      expect(String(large.headers.vary ?? ''), url).toMatch(/\bCookie\b/i);
      expect(plain.body).not.toBe(large.body);
    }
  });
});

describe('ORG-4, PUB-11: each agency page and the 涉企检查 column cite the agency’s own rules', () => {
  it('a Gansu agency cites the Gansu rules, not the Shanxi ones', async () => {
    const city = await get(`/agencies/${s.agencies.city.id}`);
    expect(city.body).toContain('公示依据');
    expect(city.body).toContain('甘肃省生态环境厅《甘肃省生态环境系统行政执法信息公示实施办法》（甘环发〔2019〕218号）');
    expect(city.body).not.toContain('山西省生态环境厅《');
    const insp = await get('/inspections');
    expect(insp.body).not.toContain('依据《山西省生态环境系统行政执法公示办法》第十条，统一公示各生态环境部门');
  });
});
