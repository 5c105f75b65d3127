import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_EXPORT_COLUMNS } from '@sanxiang/core';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { SCENARIO_ORG_CODE, seedPortalScenario } from '../testing/publications-fixture.js';
import { searchPublished } from '../usecases/portal-search.js';

let server: TestServer;
let s: Awaited<ReturnType<typeof seedPortalScenario>>;

beforeAll(async () => {
  server = await startTestServer();
  s = await seedPortalScenario(server.ctx.db);
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string) => server.app.inject({ method: 'GET', url });

/**
 * A small XML 1.0 well-formedness check: one root, tags nest and match,
 * attributes quoted and unique, only the predefined or numeric entities, no
 * stray '<' or '&'.
 */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/gy;
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body))) {
    const [, close, name, attrs, selfClose, text, stray] = m;
    if (stray) throw new Error(`stray '<' at ${m.index}`);
    if (text !== undefined) {
      if (entity.test(text)) throw new Error(`bad entity in text near ${m.index}: ${text.slice(0, 40)}`);
      if (!stack.length && text.trim()) throw new Error('text outside the root element');
      continue;
    }
    if (!name) continue; // comment or CDATA
    if (close) {
      if (stack.pop() !== name) throw new Error(`mismatched </${name}> at ${m.index}`);
      continue;
    }
    const names = [...(attrs ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')/g)];
    if (new Set(names.map((a) => a[1])).size !== names.length) throw new Error(`duplicate attribute in <${name}>`);
    for (const a of names) if (entity.test(a[2]!)) throw new Error(`bad entity in attribute of <${name}>`);
    if (!stack.length) roots += 1;
    if (!selfClose) stack.push(name);
  }
  if (token.lastIndex !== 0 && token.lastIndex !== body.length) throw new Error(`unparsed input at ${token.lastIndex}`);
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

const atomIds = (xml: string) => [...xml.matchAll(/<id>urn:uuid:([0-9a-f-]{36})<\/id>/g)].map((m) => m[1]!);
const rssIds = (xml: string) => [...xml.matchAll(/<guid isPermaLink="true">[^<]*\/decisions\/([0-9a-f-]{36})<\/guid>/g)].map((m) => m[1]!);

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

describe('PUB-11 · SX25-P 8,9: feeds of the published decisions', () => {
  it('PUB-11: the XML checker itself refuses broken XML', () => {
    expect(() => assertWellFormedXml('<a><b></a></b>')).toThrow();
    expect(() => assertWellFormedXml('<a>x & y</a>')).toThrow();
    expect(() => assertWellFormedXml('<a>1 < 2</a>')).toThrow();
    expect(() => assertWellFormedXml('<a/><b/>')).toThrow();
    expect(() => assertWellFormedXml('<?xml version="1.0"?>\n<a x="1"><b>&amp;&#38;</b></a>\n')).not.toThrow();
  });

  it('PUB-11: Atom 1.0 is well-formed, escaped, and lists the same decisions as the search', async () => {
    const res = await get('/feeds/decisions.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    assertWellFormedXml(res.body);
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    expect(res.body).toMatch(/<link rel="self" type="application\/atom\+xml" href="http:\/\/localhost(:\d+)?\/feeds\/decisions\.atom"\/>/);
    const search = await searchPublished(server.ctx.db, { pageSize: 50 }, '2026-03-02');
    expect(atomIds(res.body)).toEqual(search.items.map((i) => i.id));
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;污染&amp;公司');
    expect(res.body).not.toContain('<script>');
  });

  it('PUB-11: RSS 2.0 and JSON Feed 1.1 carry the same ids', async () => {
    const atom = atomIds((await get('/feeds/decisions.atom')).body);
    const rss = await get('/feeds/decisions.rss');
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    assertWellFormedXml(rss.body);
    expect(rss.body).toContain('<rss version="2.0"');
    expect(rss.body).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
    expect(rssIds(rss.body)).toEqual(atom);
    const json = await get('/feeds/decisions.json');
    expect(json.headers['content-type']).toContain('application/feed+json');
    const feed = json.json();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(atom);
    const org = feed.items.find((i: { id: string }) => i.id === s.visible.orgPenalty);
    expect(org).toMatchObject({ title: '行政处罚决定书（甘环罚〔2026〕101号）', date_published: '2026-02-12T00:00:00+08:00' });
    expect(org.url).toMatch(new RegExp(`/decisions/${s.visible.orgPenalty}$`));
  });

  it('PUB-11 · SX25-P 9: ?agency= limits a feed to the agency and those below; a bad one is a Chinese 400', async () => {
    const res = await get(`/feeds/decisions.atom?agency=${s.agencies.city.id}`);
    assertWellFormedXml(res.body);
    expect(atomIds(res.body).sort()).toEqual([s.visible.orgPenalty, s.visible.personPenalty, s.visible.scriptParty].sort());
    expect(res.body).toContain('<title type="text">测试市生态环境局执法决定公示</title>');
    const page = await get(`/decisions?agency=${s.agencies.city.id}`);
    expect(page.body).toContain(`href="/feeds/decisions.atom?agency=${s.agencies.city.id}"`);
    for (const url of ['/feeds/decisions.rss?agency=nope', '/feeds/decisions.json?agency=00000000-0000-4000-8000-000000000000']) {
      const bad = await get(url);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('参数 agency 无效');
    }
  });

  it('PUB-11: every page announces the feeds with <link rel="alternate">', async () => {
    const home = await get('/');
    for (const t of ['application/atom+xml', 'application/rss+xml', 'application/feed+json']) expect(home.body).toContain(`<link rel="alternate" type="${t}"`);
  });
});

describe('NAT-15 · PUB-11: 双公示 export of penalty decisions', () => {
  it('NAT-15: CSV with BOM, the NAT-15 columns, one row per visible penalty, amounts in 万元, from the public text', async () => {
    const res = await get(`/export/credit.csv?agency=${s.agencies.province.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="credit-penalties-20260302\.csv"/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(res.body.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([...CREDIT_EXPORT_COLUMNS]);
    const records = rows.slice(1).map((r) => Object.fromEntries(CREDIT_EXPORT_COLUMNS.map((c, i) => [c, r[i]!])));
    // penalties only: the permit of the province is not a row
    expect(records.map((r) => r['行政处罚决定书文号']).sort()).toEqual(['甘环罚〔2026〕101号', '甘环罚〔2026〕102号', '甘环罚〔2026〕103号']);
    const org = records.find((r) => r['行政处罚决定书文号'] === '甘环罚〔2026〕101号')!;
    expect(org).toMatchObject({
      行政相对人名称: '青禾测绘科技有限公司',
      行政相对人类别: '法人及非法人组织',
      统一社会信用代码: SCENARIO_ORG_CODE,
      法定代表人: '王某',
      违法行为类型: '超标排放大气污染物',
      处罚类别: '警告;罚款',
      '罚款金额（万元）': '20',
      处罚决定日期: '2026/02/10',
      处罚有效期: '2027/02/10',
      公示截止期: '2027/12/31',
      处罚机关: '测试市生态环境局河西分局',
      处罚机关统一社会信用代码: s.agencies.branch.creditCode,
      数据来源单位: '测试市生态环境局河西分局',
    });
    expect(org['备注']).toMatch(new RegExp(`公示页面：http://localhost(:\\d+)?/decisions/${s.visible.orgPenalty}`));
    const person = records.find((r) => r['行政处罚决定书文号'] === '甘环罚〔2026〕102号')!;
    expect(person).toMatchObject({ 行政相对人名称: '张某某', 行政相对人类别: '自然人', 证件类型: '', 证件号码: '', '罚款金额（万元）': '0.5' });
  });

  it('NAT-15: JSON export has the same rows with each decision id and page; dates filter the decision date', async () => {
    const res = await get(`/export/credit.json?agency=${s.agencies.province.id}&from=2026-02-01&to=2026-02-28`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.columns).toEqual([...CREDIT_EXPORT_COLUMNS]);
    expect(body.rows.map((r: { id: string }) => r.id).sort()).toEqual([s.visible.orgPenalty, s.visible.scriptParty].sort());
    const org = body.rows.find((r: { id: string }) => r.id === s.visible.orgPenalty);
    expect(Object.keys(org.data)).toEqual([...CREDIT_EXPORT_COLUMNS]);
    expect(org.data['罚款金额（万元）']).toBe('20');
  });

  it('NAT-15: bad parameters are a 400 with a Chinese message', async () => {
    for (const [url, text] of [
      ['/export/credit.csv?from=2026-13-01', '参数 from（起始日期）“2026-13-01”不是有效日期'],
      ['/export/credit.csv?from=2026-03-01&to=2026-01-01', '不能早于'],
      ['/export/credit.csv?agency=abc', '参数 agency 无效'],
      ['/export/credit.csv?format=xlsx', '不支持的参数：format'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body).toContain(text);
    }
    const json = await get('/export/credit.json?to=tomorrow');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain('参数 to（截止日期）');
  });
});

describe('PUB-7 · SX25-P 18, PUB-11 · SX25-P 8: every channel shows the same information', () => {
  it('PUB-11: a draft, a withheld, an expired and a withdrawn decision appear nowhere — page, search, feeds, export', async () => {
    const hiddenIds = [s.hidden.draft, s.hidden.withheld, s.hidden.expired, s.hidden.withdrawn, s.hidden.withdrawnOld];
    const hiddenText = ['隐秘化工', '撤回化工', '甘环罚〔2026〕20', '甘环罚〔2026〕301号'];
    for (const id of [s.hidden.draft, s.hidden.withheld, s.hidden.expired, s.hidden.withdrawnOld]) expect((await get(`/decisions/${id}`)).statusCode).toBe(404);
    expect((await get(`/decisions/${s.hidden.withdrawn}`)).statusCode).toBe(410); // the notice only
    const channels = [
      '/',
      '/decisions',
      `/decisions?agency=${s.agencies.province.id}`,
      '/decisions?q=%E9%9A%90%E7%A7%98%E5%8C%96%E5%B7%A5', // 隐秘化工
      '/decisions?q=%E6%92%A4%E5%9B%9E%E5%8C%96%E5%B7%A5', // 撤回化工
      '/feeds/decisions.atom',
      '/feeds/decisions.rss',
      '/feeds/decisions.json',
      `/feeds/decisions.atom?agency=${s.agencies.city.id}`,
      '/export/credit.csv',
      '/export/credit.json',
      `/export/credit.csv?agency=${s.agencies.city.id}`,
    ];
    for (const url of channels) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      // A search page repeats the query in its form: look at the results.
      const shown = url.includes('q=') ? res.body.slice(res.body.indexOf('<section aria-labelledby="results">')) : res.body;
      for (const id of hiddenIds) expect(shown, `${url} shows ${id}`).not.toContain(id);
      for (const t of hiddenText) expect(shown, `${url} shows ${t}`).not.toContain(t);
    }
    expect((await get('/decisions?q=%E9%9A%90%E7%A7%98%E5%8C%96%E5%B7%A5')).body).toContain('共 0 条');
  });

  it('PUB-7: an item is visible through the last day of its window, the expiry job not needed', async () => {
    const { insertPublication } = await import('../testing/publications-fixture.js');
    const lastDay = await insertPublication(server.ctx.db, { agency: s.agencies.other, party: '最后一日企业', decisionNumber: '邻环罚〔2025〕9号', decisionDate: '2025-03-01', removeBy: '2026-03-02' });
    expect((await get(`/decisions/${lastDay}`)).statusCode).toBe(200);
    expect((await get('/feeds/decisions.json?agency=' + s.agencies.other.id)).body).toContain(lastDay);
    server.ctx.clock.set('2026-03-02T16:30:00Z'); // 2026-03-03 00:30 in China
    try {
      expect((await get(`/decisions/${lastDay}`)).statusCode).toBe(404);
      expect((await get('/feeds/decisions.json?agency=' + s.agencies.other.id)).body).not.toContain(lastDay);
      expect((await get('/export/credit.json?agency=' + s.agencies.other.id)).body).not.toContain(lastDay);
      expect((await get('/decisions?agency=' + s.agencies.other.id)).body).not.toContain(lastDay);
    } finally {
      server.ctx.clock.set('2026-03-02T01:00:00Z');
    }
  });
});
