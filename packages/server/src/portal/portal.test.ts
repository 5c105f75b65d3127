import { createCheckpoint } from '../usecases/integrity-log.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { escapeHtml, html } from './html.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('ORG-1 · SX19-P 9: the public portal publishes the roster of enforcement bodies', () => {
  it('the home page lists every agency as plain HTML, without login', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    for (const name of ['山西省生态环境厅', '太原市生态环境局', '太原市生态环境局小店分局', '甘肃省生态环境厅', '兰州市生态环境局', '湘西州生态环境局']) {
      expect(res.body).toContain(name);
    }
    expect(res.body).not.toContain('<script'); // works without JavaScript
    expect(res.body).toContain('lang="zh-CN"');
    expect(res.body).toContain('跳到主要内容');
  });

  it('an agency page shows its contacts and its parent', async () => {
    const home = await server.app.inject({ method: 'GET', url: '/' });
    const href = /href="(\/agencies\/[0-9a-f-]{36})">太原市生态环境局小店分局</.exec(home.body)![1]!;
    const res = await server.app.inject({ method: 'GET', url: href });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('联系电话');
    expect(res.body).toContain('0351-0000003');
    expect(res.body).toContain('上级机关');
    expect(res.body).toContain('太原市生态环境局</a>');
  });

  it('an unknown agency is a Chinese 404 page', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/agencies/00000000-0000-0000-0000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('页面不存在');
  });

  it('SYS-4 · GB/T 37668-2019: large text mode (适老化) works without JavaScript and only redirects locally', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/a11y/text-size?size=large&back=/agencies' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/agencies');
    const cookie = res.cookies.find((c) => c.name === 'sx_text')!;
    const page = await server.app.inject({ method: 'GET', url: '/agencies', headers: { cookie: `sx_text=${cookie.value}` } });
    expect(page.body).toContain('<html lang="zh-CN" class="large">');
    const evil = await server.app.inject({ method: 'GET', url: '/a11y/text-size?size=large&back=//evil.example' });
    expect(evil.headers.location).toBe('/');
  });
});

describe('portal HTML escaping', () => {
  it('interpolated text is escaped', () => {
    expect(html`<p>${'<script>alert(1)</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});

describe('health and API documentation', () => {
  it('GET /api/v1/health → 200 with the database kind', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('the OpenAPI document lists the routes and the UI is served at /api/docs', async () => {
    const doc = await server.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/auth/login', '/api/v1/agencies', '/api/v1/users', '/api/v1/audit']));
    const ui = await server.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('bad input gets 400 with a stable code and a Chinese message, never 500', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.message).toMatch(/提交的数据不符合要求/);
    const unknown = await server.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
  });
});

describe('DESIGN §6: the log public key is published on the portal', () => {
  it('/integrity shows the verifier key, the same as the API', async () => {
    const key = (await server.app.inject({ method: 'GET', url: '/api/v1/log/public-key' })).json().verifierKey as string;
    expect(key).toMatch(/^sanxiang\.local\/log\+[0-9a-f]{8}\+/);
    const page = await server.app.inject({ method: 'GET', url: '/integrity' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(key.replace(/\+/g, '+'));
  });

  it('issue 15: the checkpoint time is China time, not UTC', async () => {
    await createCheckpoint(server.ctx);
    const page = await server.app.inject({ method: 'GET', url: '/integrity' });
    // The test clock stands at 2026-03-02T01:00Z, 09:00 in Beijing.
    expect(page.body).toMatch(/签署时间<\/dt><dd>2026-03-02 09:00:00（北京时间）/);
    expect(page.body).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  });
});
