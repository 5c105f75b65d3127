import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { createFixtureAgencies, insertPublication, seedPortalScenario } from '../testing/publications-fixture.js';

let server: TestServer;
let s: Awaited<ReturnType<typeof seedPortalScenario>>;
const manyIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  s = await seedPortalScenario(server.ctx.db);
  // 24 decisions of the neighbouring province for the pages: 23 here plus the scenario's inspection.
  for (let i = 1; i <= 23; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    manyIds.push(await insertPublication(server.ctx.db, { agency: s.agencies.other, party: `分页测试企业${i}号`, decisionNumber: `邻环罚〔2026〕${i}号`, decisionDate: `2026-01-${day}` }));
  }
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string) => server.app.inject({ method: 'GET', url });
const resultIds = (body: string) => [...body.matchAll(/<h3><a href="\/decisions\/([0-9a-f-]{36})">/g)].map((m) => m[1]!);
const q = (params: Record<string, string>) => `/decisions?${new URLSearchParams(params).toString()}`;

describe('PUB-11 · SYS-4 站内搜索: the decision search works without JavaScript', () => {
  it('PUB-11: the search page is a plain GET form with labelled controls', async () => {
    const res = await get('/decisions');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script');
    expect(res.body).toMatch(/<form class="card" action="\/decisions" method="get"/);
    for (const id of ['f-q', 'f-type', 'f-agency', 'f-from', 'f-to']) expect(res.body).toContain(`<label for="${id}">`);
    // the agency select lists the fixture agencies, the branch indented below the city
    expect(res.body).toContain(`<option value="${s.agencies.branch.id}">\u3000\u3000测试市生态环境局河西分局</option>`);
  });

  it('PUB-11: by a substring of the party name', async () => {
    const ids = resultIds((await get(q({ q: '测绘科技' }))).body);
    expect(ids).toEqual([s.visible.orgPenalty]);
    const both = resultIds((await get(q({ q: '青禾' }))).body);
    expect(both.sort()).toEqual([s.visible.orgPenalty, s.visible.permit].sort());
  });

  it('PUB-11: by 文号, also typed with half-width brackets or in part', async () => {
    expect(resultIds((await get(q({ q: '甘环罚〔2026〕102号' }))).body)).toEqual([s.visible.personPenalty]);
    expect(resultIds((await get(q({ q: '甘环许' }))).body)).toEqual([s.visible.permit]);
  });

  it('PUB-11: by action type', async () => {
    const ids = resultIds((await get(q({ type: 'permit', q: '青禾' }))).body);
    expect(ids).toEqual([s.visible.permit]);
    const inspections = resultIds((await get(q({ type: 'inspection', agency: s.agencies.other.id }))).body);
    expect(inspections).toEqual([s.visible.inspection]);
  });

  it('PUB-11 · SX25-P 9: by agency, including the agencies below it', async () => {
    const province = resultIds((await get(q({ agency: s.agencies.province.id }))).body);
    expect(province.sort()).toEqual([s.visible.orgPenalty, s.visible.personPenalty, s.visible.permit, s.visible.scriptParty].sort());
    const city = resultIds((await get(q({ agency: s.agencies.city.id }))).body);
    expect(city.sort()).toEqual([s.visible.orgPenalty, s.visible.personPenalty, s.visible.scriptParty].sort());
    const branch = resultIds((await get(q({ agency: s.agencies.branch.id }))).body);
    expect(branch.sort()).toEqual([s.visible.orgPenalty, s.visible.scriptParty].sort());
  });

  it('PUB-11: by decision date range (inclusive), newest first', async () => {
    const ids = resultIds((await get(q({ agency: s.agencies.province.id, from: '2026-02-01', to: '2026-02-10' }))).body);
    expect(ids).toEqual([s.visible.orgPenalty, s.visible.scriptParty]);
  });

  it('PUB-11: numbered pages with the total', async () => {
    const first = await get(q({ agency: s.agencies.other.id }));
    expect(first.body).toContain('共 24 条');
    expect(resultIds(first.body)).toHaveLength(20);
    expect(first.body).toContain('<nav class="pager" aria-label="分页">');
    expect(first.body).toContain('<span aria-current="page">1</span>');
    const next = /<a href="([^"]+)" rel="next">下一页<\/a>/.exec(first.body)![1]!.replace(/&amp;/g, '&');
    // 下一页 carries the last row shown (keyset, issue 18); the numbered links stay plain pages.
    const last = resultIds(first.body).at(-1)!;
    expect(next).toMatch(new RegExp(`^/decisions\\?agency=${s.agencies.other.id}&page=2&after=2026-\\d\\d-\\d\\d\\.${last}$`));
    expect(first.body).toContain(`href="/decisions?agency=${s.agencies.other.id}&amp;page=2" aria-label="第2页"`);
    const second = await get(next);
    const ids2 = resultIds(second.body);
    expect(ids2).toHaveLength(4);
    expect(new Set([...resultIds(first.body), ...ids2])).toEqual(new Set([...manyIds, s.visible.inspection]));
    expect(second.body).toContain('<span aria-current="page">2</span>');
    expect(second.body).toContain('共 24 条');
    // The numbered link (OFFSET) shows the same rows as the keyset link.
    expect(resultIds((await get(q({ agency: s.agencies.other.id, page: '2' }))).body)).toEqual(ids2);
    // 上一页 from page 2 is the plain first page.
    expect(second.body).toContain(`<a href="/decisions?agency=${s.agencies.other.id}" rel="prev">上一页</a>`);
  });

  it('PUB-11 · issue 18: 下一页 and 上一页 walk the whole result by keyset, the same rows as numbered pages', async () => {
    const { searchPublished } = await import('../usecases/portal-search.js');
    const query = { agencyPath: s.agencies.other.path, pageSize: 5 };
    const byOffset: string[][] = [];
    for (let p = 1; p <= 5; p++) byOffset.push((await searchPublished(server.ctx.db, { ...query, page: p }, '2026-03-02')).items.map((i) => i.id));
    expect(byOffset.flat()).toHaveLength(24);
    // forwards
    let page = await searchPublished(server.ctx.db, query, '2026-03-02');
    const forwards = [page.items.map((i) => i.id)];
    expect(page.prev).toBeUndefined();
    for (let p = 2; page.next; p++) {
      page = await searchPublished(server.ctx.db, { ...query, page: p, after: page.next }, '2026-03-02');
      forwards.push(page.items.map((i) => i.id));
    }
    expect(forwards).toEqual(byOffset);
    expect(page.next).toBeUndefined();
    // backwards from the last page
    const backwards = [page.items.map((i) => i.id)];
    for (let p = 4; page.prev; p--) {
      page = await searchPublished(server.ctx.db, { ...query, page: p, before: page.prev }, '2026-03-02');
      backwards.unshift(page.items.map((i) => i.id));
    }
    expect(backwards).toEqual(byOffset);
  });

  it('PUB-11: an edited 翻页 link is a 400 page that says to start again, not a 500', async () => {
    const res = await get(q({ agency: s.agencies.other.id, page: '2', after: "2026-01-01.x' OR 1=1" }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('翻页链接已失效，请从第一页重新查询。');
  });

  it('PUB-11: past 1000 hits the count stops and says so; the numbered pages run to the last counted one and 下一页 goes on by keyset', async () => {
    const big = await createFixtureAgencies(server.ctx.db, '容量');
    await server.ctx.db.execute(sql`
      INSERT INTO publications (id, agency_id, agency_path, agency_name, action_type, decision_kind, decision_number, decision_date, severity, status, publish_by, online,
        first_published_on, remove_by, public_title, public_party, public_content, search_grams, search_text, created_at, created_by, updated_at)
      SELECT gen_random_uuid()::text, ${big.city.id}, ${big.city.path}, ${big.city.name}, 'penalty', 'penaltyDecision', '容环罚' || g, DATE '2025-06-01' + (g % 200), 'general', 'published', DATE '2025-06-01', true,
        DATE '2025-12-01', DATE '2027-12-31', '行政处罚决定书', '容量测试企业' || g, '{"form":"summary","fields":[],"fullText":"","corrections":[]}'::jsonb, '{}', '', now(), 'fixture', now()
      FROM generate_series(1, 1101) g`);
    const res = await get(q({ agency: big.city.id }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('超过1000条');
    expect(res.body).toContain('aria-label="第50页">50</a>');
    expect(res.body).not.toContain('aria-label="第51页"');
    // Page 50 by its number, then 下一页 by cursor to 51 and on to the last rows (1101 = 55 pages and one row).
    let page = await get(q({ agency: big.city.id, page: '50' }));
    expect(page.body).toContain('<span aria-current="page">50</span>');
    const seen = new Set<string>();
    for (let n = 51; n <= 56; n++) {
      const next = /<a href="([^"]+)" rel="next">下一页<\/a>/.exec(page.body);
      expect(next, `page ${n - 1} has 下一页`).not.toBeNull();
      page = await get(next![1]!.replace(/&amp;/g, '&'));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<span aria-current="page">${n}</span>`);
      for (const m of page.body.matchAll(/decisions\/([0-9a-f-]{36})"/g)) seen.add(m[1]!);
    }
    expect(page.body).not.toContain('rel="next"');
    expect(seen.size).toBe(1101 - 50 * 20);
  });

  it('SYS-4: an empty result says so and suggests what to change', async () => {
    const res = await get(q({ q: '不存在的企业名称' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('共 0 条');
    expect(res.body).toContain('没有找到符合条件的执法决定');
  });

  it('SYS-4: a bad date is a 400 page with a clear Chinese message, the input kept', async () => {
    const res = await get(q({ q: '青禾', from: '2026-02-30' }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('起始日期“2026-02-30”不是有效日期');
    expect(res.body).toContain('value="青禾"');
    expect(res.body).toContain('value="2026-02-30" placeholder="2026-01-01" aria-invalid="true"');
    const reversed = await get(q({ from: '2026-03-01', to: '2026-02-01' }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('截止日期不能早于起始日期');
    const words = await get(q({ to: 'yesterday' }));
    expect(words.statusCode).toBe(400);
    for (const bad of [q({ type: 'bogus' }), q({ agency: 'x' }), q({ page: '0' }), q({ page: '501' }), q({ q: '长'.repeat(51) })]) {
      expect((await get(bad)).statusCode, bad).toBe(400);
    }
  });

  it('PUB-4: HTML in a party name is escaped, never markup', async () => {
    const res = await get(q({ q: '污染&公司' }));
    expect(resultIds(res.body)).toEqual([s.visible.scriptParty]);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;污染&amp;公司');
    const page = await get(`/decisions/${s.visible.scriptParty}`);
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toContain('<b>标签</b>');
    expect(page.body).toContain('&quot;引号&quot; &amp; &lt;b&gt;标签&lt;/b&gt;');
  });
});

describe('PUB-3 · SX25-P 15,17: a decision page', () => {
  it('PUB-3: title, agency, dates, the published fields, corrections and the window', async () => {
    const res = await get(`/decisions/${s.visible.orgPenalty}`);
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b).toContain('<h1>行政处罚决定书（甘环罚〔2026〕101号）</h1>');
    expect(b).toContain(`<a href="/agencies/${s.agencies.branch.id}">测试市生态环境局河西分局</a>`);
    expect(b).toContain('<th scope="row">主要违法事实</th>');
    expect(b).toContain('颗粒物排放浓度超标1.2倍');
    expect(b).toContain('更正记录');
    expect(b).toContain('更正违法事实中的检查日期');
    expect(b).toContain('公示截止');
    expect(b).toContain('2027-12-31');
    expect(b).toContain(`href="/decisions/${s.visible.orgPenalty}/correction"`);
    expect(b).toContain('aria-current="true">执法决定</a>'); // the section in the main navigation
    expect(b).toContain('<link rel="alternate" type="application/atom+xml" href="/feeds/decisions.atom"');
  });

  it('PUB-3: a full-text publication shows the text', async () => {
    const id = await insertPublication(server.ctx.db, { agency: s.agencies.city, party: '全文公开企业', decisionNumber: '甘环罚〔2026〕150号', decisionDate: '2026-02-05', form: 'full', fullText: '甘肃测试市生态环境局\n行政处罚决定书\n（全文）' });
    const res = await get(`/decisions/${id}`);
    expect(res.body).toContain('决定书全文');
    expect(res.body).toContain('行政处罚决定书\n（全文）');
  });

  it('PUB-8 · SX25-P 25, GS-P 16: a withdrawn decision answers 410 with the notice instead of the content', async () => {
    const res = await get(`/decisions/${s.hidden.withdrawn}`);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('撤回公告');
    expect(res.body).toContain('该处罚决定已被行政复议决定撤销，现撤回原公示信息。');
    expect(res.body).toContain('甘政复决〔2026〕5号');
    expect(res.body).toContain('撤销原行政处罚决定');
    expect(res.body).not.toContain('撤回化工丁公司'); // the notice names the decision, not the party
  });

  it('PUB-8: /notices lists the withdrawals with their statements, while the window would have run', async () => {
    const res = await get('/notices');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('该处罚决定已被行政复议决定撤销');
    expect(res.body).toContain('原决定已被撤销');
    expect(res.body).toContain(`href="/decisions/${s.hidden.withdrawn}"`);
    expect(res.body).not.toContain('旧的撤回说明');
    expect((await get(`/decisions/${s.hidden.withdrawnOld}`)).statusCode).toBe(404);
    expect((await get('/notices?page=x')).statusCode).toBe(400);
  });

  it('PUB-5, PUB-7: drafts, withheld and expired decisions are 404 like unknown ones', async () => {
    for (const id of [s.hidden.draft, s.hidden.withheld, s.hidden.expired, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const res = await get(`/decisions/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.body).toContain('页面不存在');
    }
  });
});

describe('SYS-4: the home page', () => {
  it('shows the latest decisions and a search box', async () => {
    const todays = await insertPublication(server.ctx.db, { agency: s.agencies.city, party: '今日公示企业', decisionNumber: '甘环罚〔2026〕160号', decisionDate: '2026-03-02' });
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('最新公示');
    expect(res.body).toContain('<label for="home-q">查询执法决定</label>');
    expect(res.body).toContain(`href="/decisions/${todays}"`);
    expect(res.body).not.toContain('隐秘化工');
    expect(res.body).toContain('<a href="/notices">撤回公告</a>');
  });
});

describe('issue 18: the count of a query is computed once per portal generation', () => {
  it('PUB-11: page 2 reuses the count of page 1 until something the portal shows changes', async () => {
    const shape = { agency: s.agencies.other.id, to: '2026-12-31' };
    expect((await get(q(shape))).body).toContain('共 24 条');
    // A row added behind the generation's back (the trigger off): the memo still answers 24 …
    await server.ctx.db.execute(sql`ALTER TABLE publications DISABLE TRIGGER publications_portal_generation`);
    const extra = await insertPublication(server.ctx.db, { agency: s.agencies.other, party: '计数测试企业', decisionNumber: '邻环罚〔2026〕99号', decisionDate: '2026-01-15' });
    await server.ctx.db.execute(sql`ALTER TABLE publications ENABLE TRIGGER publications_portal_generation`);
    const second = await get(q({ ...shape, page: '2' }));
    expect(second.body).toContain('共 24 条');
    expect(resultIds(second.body)).toHaveLength(5); // … while the rows are read fresh
    // … and a new generation (what every real change does, in its own transaction) counts again.
    await server.ctx.db.execute(sql`UPDATE portal_generation SET gen = gen + 1 WHERE id = 1`);
    expect((await get(q({ ...shape, page: '2' }))).body).toContain('共 25 条');
    expect(extra).toBeTruthy();
  });
});
