/**
 * Ex-ante information on the portal (ORG-2..ORG-4, ORG-8, INS-1, INS-3): the
 * agency page shows every published section with its 更新日期 and never a
 * draft; the 涉企行政检查公示专栏 lists every agency's frequency caps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie, startTestServer, type TestServer } from '../testing/harness.js';
import { agencies } from '../db/schema.js';

let server: TestServer;
const ids: Record<string, string> = {};
const cookie: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const a of await server.ctx.db.select().from(agencies)) ids[a.name] = a.id;
  for (const u of ['ty_clerk', 'ty_approver']) cookie[u] = await loginCookie(server.app, u);
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const api = (method: 'PUT' | 'POST' | 'GET', url: string, who: string, payload?: object) => server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload ? { payload } : {}) });
const section = (body: string, key: string) => {
  const m = new RegExp(`<section aria-labelledby="exante-${key}"[\\s\\S]*?</section>`).exec(body);
  return m?.[0] ?? '';
};

describe('ORG-3 · SX25-P 10: the agency page publishes the approved ex-ante information', () => {
  it('ORG-3: every published section with its 更新日期 and 公开日期, the generated lists, and a table of contents', async () => {
    const res = await get(`/agencies/${ids['太原市生态环境局']}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h2 id="exante">事前公开信息</h2>');
    for (const label of ['法律法规规章和行政处罚自由裁量基准', '权责清单', '执法事项清单', '随机抽查事项清单', '重大执法决定法制审核目录清单', '音像记录事项清单', '执法流程图', '当事人权利', '监督投诉渠道', '服务窗口事项', '涉企行政检查公示专栏']) {
      expect(res.body).toContain(`>${label}</h3>`);
      expect(res.body).toContain(`<a href="#exante-`);
    }
    const legal = section(res.body, 'legalBases');
    expect(legal).toContain('更新日期：2026-03-02');
    expect(legal).toContain('公开日期：2026-03-02');
    expect(legal).toContain('《中华人民共和国环境保护法》');
    expect(legal).toContain('《中华人民共和国大气污染防治法》');
    expect(legal).toContain('晋环规〔2025〕5号');
    // INS-1: ratio and frequency as the public reads them.
    const random = section(res.body, 'randomInspections');
    expect(random).toContain('<dt>抽查比例</dt><dd>5%</dd>');
    expect(random).toContain('每季度1次');
    // The parties' rights and the procedures (steps as a list).
    expect(section(res.body, 'rights')).toContain('<dt>听证权</dt>');
    expect(section(res.body, 'procedures')).toContain('<li>立案</li>');
    // Generated: the AV list names its source.
    expect(section(res.body, 'avItems')).toContain('查封场所、设施或者财物');
    expect(section(res.body, 'avItems')).toContain('依据：');
    expect(res.body).not.toContain('<script');
  });

  it('ORG-2 · GS-P 5(二): the officer roster shows name, unit, post, certificate and validity of valid certificates only', async () => {
    const res = await get(`/agencies/${ids['太原市生态环境局']}`);
    const roster = /<section aria-labelledby="exante-roster"[\s\S]*?<\/section>/.exec(res.body)![0];
    expect(roster).toContain('<th scope="col">执法证号</th>');
    expect(roster).toContain('太原市局执法一');
    expect(roster).not.toContain('执法三（证件过期）');
    expect(roster).not.toContain('公示录入员');
  });

  it('ORG-8 · GS-P 14: drafts and submitted changes stay off the portal until approved', async () => {
    const url = `/agencies/${ids['太原市生态环境局']}`;
    // The demo's submitted new service item is not shown.
    const before = await get(url);
    expect(section(before.body, 'serviceItems')).toContain('建设项目环境影响报告表审批');
    expect(before.body).not.toContain('排污许可证核发');

    const rightsUrl = `/agencies/${ids['太原市生态环境局']}/exante/rights`;
    const current = (await api('GET', rightsUrl, 'ty_clerk')).json();
    const marker = '草稿标记：陈述权<b>修订稿</b>';
    const saved = await api('PUT', rightsUrl, 'ty_clerk', { content: { fields: { ...current.published.content.fields, statement: marker } } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await get(url)).body).not.toContain('草稿标记');
    expect((await api('POST', `${rightsUrl}/submit`, 'ty_clerk', {})).statusCode).toBe(200);
    expect((await get(url)).body).not.toContain('草稿标记');
    expect((await api('POST', `${rightsUrl}/approve`, 'ty_approver', {})).statusCode).toBe(200);
    const after = await get(url);
    // Online now, and escaped.
    expect(section(after.body, 'rights')).toContain('草稿标记：陈述权&lt;b&gt;修订稿&lt;/b&gt;');
    expect(section((await get(`/agencies/${ids['太原市生态环境局']}`)).body, 'serviceItems')).not.toContain('排污许可证核发');
  });

  it('ORG-3: an agency without ex-ante information still shows its roster and the generated lists', async () => {
    const res = await get(`/agencies/${ids['山西省生态环境厅']}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('事前公开信息');
    expect(res.body).toContain('暂无持有效执法证件的人员。');
    expect(res.body).toContain('>音像记录事项清单</h3>');
    expect(res.body).not.toContain('>权责清单</h3>');
  });
});

describe('ORG-4 · SX25-P 10 ¶2: the 涉企行政检查公示专栏', () => {
  it('ORG-4, INS-3: /inspections lists every agency\'s inspections with the frequency cap per enterprise, linked from the navigation', async () => {
    const res = await get('/inspections');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>涉企行政检查公示专栏</h1>');
    expect(res.body).toMatch(/<a href="\/inspections" aria-current="page">涉企检查<\/a>/);
    for (const name of ['太原市生态环境局', '太原市生态环境局小店分局', '兰州市生态环境局', '湘西州生态环境局']) {
      expect(res.body).toContain(`#exante-enterpriseInspections">${name}</a>`);
    }
    expect(res.body).toContain('每户企业每年不超过2次');
    expect(res.body).toContain('每户企业每年不超过3次'); // 兰州
    for (const label of ['检查主体', '检查事项', '检查依据', '检查标准', '检查计划', '频次上限', '裁量基准']) expect(res.body).toContain(label);
    // Directory order: 太原 before 小店 before 兰州 before 湘西.
    const order = ['太原市生态环境局</a>', '小店分局</a>', '兰州市生态环境局</a>', '湘西州生态环境局</a>'].map((s) => res.body.indexOf(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(res.body).not.toContain('<script');
    const home = await get('/');
    expect(home.body).toContain('<a href="/inspections">涉企检查</a>');
  });

  it('SYS-4: the 专栏 honours the large-text setting', async () => {
    const res = await get('/inspections', { cookie: 'sx_text=large' });
    expect(res.body).toContain('<html lang="zh-CN" class="large">');
  });
});
