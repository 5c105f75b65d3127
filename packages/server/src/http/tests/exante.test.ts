/**
 * Ex-ante disclosure (事前公开, ORG-2..ORG-8, INS-1, INS-3) through the API:
 * the demo's published sections, the clerk → approver workflow with versions
 * that never change, another person approving, the checks of each section,
 * the GS-P 15 limit (GS19 only), GS-P 14's outside reviews, the generated
 * sections and the live officer roster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { agencies, exAnteVersions, officerCertificates, userRoles, users } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const agencyId: Record<string, string> = {};

const USERS = ['ty_clerk', 'ty_approver', 'ty_head', 'ty_supervisor', 'ty_reviewer', 'ty_officer1', 'lz_clerk', 'lz_approver', 'xx_clerk', 'xx_approver'];

type Method = 'GET' | 'POST' | 'PUT';
const api = (method: Method, url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const ok = async (method: Method, url: string, who: string, payload?: unknown) => {
  const res = await api(method, url, who, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};
const sectionUrl = (agency: string, section: string) => `/agencies/${agencyId[agency]}/exante/${section}`;
const summary = async (agency: string, section: string, who: string) => (await ok('GET', `/agencies/${agencyId[agency]}/exante`, who)).sections.find((s: { key: string }) => s.key === section);

async function addUser(username: string, like: string, roles: string[]) {
  const [proto] = await server.ctx.db.select().from(users).where(eq(users.username, like));
  const id = newId();
  await server.ctx.db.insert(users).values({ id, agencyId: proto!.agencyId, username, displayName: username, passwordHash: proto!.passwordHash, createdAt: new Date() });
  await server.ctx.db.insert(userRoles).values(roles.map((role) => ({ userId: id, role })));
  cookie[username] = await loginCookie(server.app, username);
}

beforeAll(async () => {
  server = await startTestServer({ config: { sessionIdleMinutes: 60 * 24 * 90 } });
  for (const u of USERS) cookie[u] = await loginCookie(server.app, u);
  for (const a of await server.ctx.db.select().from(agencies)) agencyId[a.shortName ?? a.name] = a.id;
});
afterAll(async () => {
  await server?.close();
});

const TY = '太原市局';
const XD = '小店分局';
const LZ = '兰州市局';
const XX = '湘西州局';
const ENTERED = ['legalBases', 'powers', 'enforcementItems', 'randomInspections', 'procedures', 'rights', 'supervision', 'serviceItems', 'enterpriseInspections'];

describe('ORG-3: the demo publishes the ex-ante information of every demo agency', () => {
  it('ORG-3 · SX25-P 10: 太原, 小店, 兰州 and 湘西 have every entered section online; 小店 through the city\'s staff (SX25-P 9)', async () => {
    for (const [agency, who] of [[TY, 'ty_approver'], [XD, 'ty_approver'], [LZ, 'lz_approver'], [XX, 'xx_approver']] as const) {
      const list = await ok('GET', `/agencies/${agencyId[agency]}/exante`, who);
      const online = list.sections.filter((s: { publishedVersion: number | null }) => s.publishedVersion !== null).map((s: { key: string }) => s.key);
      expect({ agency, online }).toEqual({ agency, online: ENTERED });
      expect(list.sections.filter((s: { source: string }) => s.source === 'generated').map((s: { key: string; statusLabel: string }) => `${s.key}:${s.statusLabel}`)).toEqual(['reviewCatalogue:自动生成', 'avItems:自动生成']);
    }
  });

  it('ORG-8: a new 太原 service item awaits approval; the approver sees it in the overview', async () => {
    const s = await summary(TY, 'serviceItems', 'ty_approver');
    expect(s).toMatchObject({ status: 'submitted', statusLabel: '待审核', currentVersion: 2, publishedVersion: 1, pending: true, submittedByName: '太原市局公示录入员', due: { status: 'none', publishBy: null } });
    const overview = await ok('GET', '/exante', 'ty_approver');
    expect(overview.agencies.map((a: { name: string }) => a.name)).toEqual(['太原市生态环境局', '太原市生态环境局小店分局']);
    expect(overview.agencies[0]).toMatchObject({ sections: 9, published: 9, submitted: 1, pending: 1, overdue: 0, abilities: { edit: false, approve: true } });
    // ORG-8: the officer has no part in ex-ante disclosure.
    expect((await ok('GET', '/exante', 'ty_officer1')).agencies).toEqual([]);
  });
});

describe('ORG-8 · XX-P 12, GS-P 13-14: the clerk enters, another person approves', () => {
  const powers = (extra: string[]) => ({
    rows: [
      { name: '对超标排放大气污染物的行政处罚', category: '行政处罚', basis: '《中华人民共和国大气污染防治法》第九十九条', responsibility: '立案、调查、决定、送达、执行' },
      ...extra.map((name) => ({ name, category: '行政检查', basis: '《中华人民共和国环境保护法》第二十四条', responsibility: '检查、告知、公开' })),
    ],
  });

  it('ORG-8 · GS-P 13: save → submit → return with a reason → save → submit → approve; the portal keeps the published version until then', async () => {
    const url = sectionUrl(TY, 'powers');
    const before = await ok('GET', url, 'ty_clerk');
    const v1 = before.summary.publishedVersion as number;
    const saved = await ok('PUT', url, 'ty_clerk', { content: powers(['新增：对重点排污单位自动监测数据的检查']), note: '新增检查事项' });
    expect(saved.summary).toMatchObject({ status: 'draft', currentVersion: v1 + 1, publishedVersion: v1, pending: true });
    expect(saved.current.content.rows).toHaveLength(2);
    expect(saved.published.version).toBe(v1);
    expect(saved.abilities).toEqual({ save: true, submit: true, approve: false, return: false });

    // The clerk may not approve (policy), the approver may not submit.
    expect((await api('POST', `${url}/approve`, 'ty_clerk', {})).statusCode).toBe(403);
    expect((await api('POST', `${url}/submit`, 'ty_approver', {})).statusCode).toBe(403);
    // Nothing submitted yet.
    expect((await api('POST', `${url}/approve`, 'ty_approver', {})).json().error).toMatchObject({ code: 'exante.transition_invalid', message: '权责清单：“待提交”状态下不能审核通过并公开' });

    await ok('POST', `${url}/submit`, 'ty_clerk', { comment: '请审核' });
    expect((await api('PUT', url, 'ty_clerk', { content: powers([]) })).json().error.code).toBe('exante.transition_invalid');
    expect((await api('POST', `${url}/return`, 'ty_approver', { comment: ' ' })).statusCode).toBe(400);
    const returned = await ok('POST', `${url}/return`, 'ty_approver', { comment: '依据请写明条款' });
    expect(returned.summary).toMatchObject({ status: 'returned', statusLabel: '已退回' });

    await ok('PUT', url, 'ty_clerk', { content: powers(['对重点排污单位自动监测数据的检查（《环境保护法》第二十四条）']) });
    await ok('POST', `${url}/submit`, 'ty_clerk', {});
    // The agency head may approve too (XX-P 12: 主管领导审核).
    const approved = await ok('POST', `${url}/approve`, 'ty_head', { comment: '同意' });
    expect(approved.summary).toMatchObject({ status: 'published', currentVersion: v1 + 2, publishedVersion: v1 + 2, publishedOn: '2026-03-02', pending: false, due: { status: 'published' } });
    expect(approved.history.slice(-6).map((e: { kind: string; toStatus: string; actorName: string }) => `${e.kind}→${e.toStatus}（${e.actorName}）`)).toEqual([
      'save→draft（太原市局公示录入员）',
      'submit→submitted（太原市局公示录入员）',
      'return→returned（太原市局公示审核员）',
      'save→draft（太原市局公示录入员）',
      'submit→submitted（太原市局公示录入员）',
      'approve→published（太原市局局长）',
    ]);
    expect(approved.history.at(-4).comment).toBe('依据请写明条款');
    // Every version stays readable.
    expect(approved.versions.map((v: { version: number }) => v.version)).toEqual([v1 + 2, v1 + 1, v1]);
    const old = await ok('GET', `${url}?version=${v1 + 1}`, 'ty_supervisor');
    expect(old.shown.content.rows[1].name).toBe('新增：对重点排污单位自动监测数据的检查');
    expect((await api('GET', `${url}?version=99`, 'ty_clerk')).statusCode).toBe(404);
  });

  it('ORG-8 · GS-P 14: a person holding both roles cannot approve what they entered or submitted', async () => {
    await addUser('ty_both', 'ty_clerk', ['disclosureClerk', 'disclosureApprover']);
    const url = sectionUrl(TY, 'rights');
    const current = await ok('GET', url, 'ty_both');
    await ok('PUT', url, 'ty_both', { content: { fields: { ...current.published.content.fields, hearing: '拟作出较大数额罚款等处罚的，当事人可在被告知后五个工作日内要求听证。' } } });
    const submitted = await ok('POST', `${url}/submit`, 'ty_both', {});
    expect(submitted.abilities).toMatchObject({ approve: false, return: false });
    const same = await api('POST', `${url}/approve`, 'ty_both', {});
    expect(same.statusCode).toBe(403);
    expect(same.json().error).toMatchObject({ code: 'exante.same_person', message: expect.stringContaining('录入人员不能审核本人录入或提交') });
    expect((await api('POST', `${url}/return`, 'ty_both', { comment: '退回' })).json().error.code).toBe('exante.same_person');
    expect((await ok('GET', url, 'ty_approver')).abilities).toMatchObject({ approve: true, return: true });
    await ok('POST', `${url}/approve`, 'ty_approver', {});
  });

  it('ORG-8: the versions and the events are append-only in the database', async () => {
    await expect(server.ctx.database.query("UPDATE exante_versions SET note = 'x'")).rejects.toThrow(/append-only/);
    await expect(server.ctx.database.query('DELETE FROM exante_events')).rejects.toThrow(/append-only/);
    await expect(server.ctx.database.query('TRUNCATE exante_versions')).rejects.toThrow(/append-only/);
  });
});

describe('ORG-3, ORG-4, INS-1, INS-3: each section is checked', () => {
  const row = (over: Record<string, unknown>) => ({
    item: '排污许可证执行情况检查',
    target: '重点排污单位',
    basis: '《排污许可管理条例》第三十条',
    subject: '太原市生态环境局',
    content: '许可事项落实情况',
    method: '现场检查',
    ratio: 5,
    frequency: { per: 'quarter', times: 1 },
    ...over,
  });

  it('INS-1 · MEE19 一(一)1(5): a draft may be incomplete, but it cannot be submitted with a ratio over 100 % or no frequency', async () => {
    const url = sectionUrl(XD, 'randomInspections');
    const saved = await ok('PUT', url, 'ty_clerk', { content: { rows: [row({ ratio: 150 }), row({ frequency: null, method: '' })] } });
    expect(saved.problems.map((p: { message: string }) => p.message)).toEqual(['第1条“抽查比例”：应大于0且不超过100%', '第2条“抽查方式”：未填写', '第2条“抽查频次”：未填写']);
    expect(saved.abilities.submit).toBe(false);
    const res = await api('POST', `${url}/submit`, 'ty_clerk', {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'exante.incomplete', message: expect.stringContaining('不能提交审核：第1条“抽查比例”：应大于0且不超过100%') });
    expect(res.json().error.details).toHaveLength(3);
    await ok('PUT', url, 'ty_clerk', { content: { rows: [row({}), row({ ratio: 100, frequency: { per: 'year', times: 2 } })] } });
    await ok('POST', `${url}/submit`, 'ty_clerk', {});
    await ok('POST', `${url}/approve`, 'ty_approver', {});
  });

  it('INS-1: a value of the wrong kind is refused with 400 and nothing is stored', async () => {
    const url = sectionUrl(XD, 'randomInspections');
    const before = (await ok('GET', url, 'ty_clerk')).versions.length;
    const res = await api('PUT', url, 'ty_clerk', { content: { rows: [row({ ratio: '5%' })] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'exante.invalid', message: '事前公开信息格式有误，未保存：第1条“抽查比例”应为数字' });
    expect((await api('PUT', url, 'ty_clerk', { content: { rows: 'x' } })).statusCode).toBe(400);
    expect((await ok('GET', url, 'ty_clerk')).versions.length).toBe(before);
  });

  it('INS-3 · SX25-P 10: the frequency cap of the 涉企行政检查公示专栏 is a positive integer', async () => {
    const url = sectionUrl(XD, 'enterpriseInspections');
    const current = await ok('GET', url, 'ty_clerk');
    const first = current.published.content.rows[0];
    const saved = await ok('PUT', url, 'ty_clerk', { content: { rows: [{ ...first, frequencyCap: 0 }, { ...first, frequencyCap: 1.5 }] } });
    expect(saved.problems.map((p: { message: string }) => p.message)).toEqual(['第1条“频次上限”：应为正整数', '第2条“频次上限”：应为正整数']);
    expect((await api('POST', `${url}/submit`, 'ty_clerk', {})).statusCode).toBe(409);
  });

  it('ORG-3: the information\'s change date cannot be in the future', async () => {
    const res = await api('PUT', sectionUrl(XD, 'procedures'), 'ty_clerk', { content: { rows: [] }, changedOn: '2026-03-03' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不能晚于今天');
  });
});

describe('ORG-6 · GS-P 15: published within 20 working days of the change (GS19 only)', () => {
  it('ORG-6 · GS-P 15: 兰州\'s pending change of its legal bases is due 20 working days after the change; 太原 (SX25) has no limit', async () => {
    const lz = await summary(LZ, 'legalBases', 'lz_clerk');
    expect(lz).toMatchObject({ status: 'draft', changedOn: '2026-03-02', due: { status: 'onTime', label: '期限内', publishBy: '2026-03-30' } });
    const list = await ok('GET', `/agencies/${agencyId[LZ]}/exante`, 'lz_clerk');
    expect(list.deadlineRule).toMatchObject({ basis: 'GS-P 第十五条第一款', period: '20个工作日' });
    expect((await ok('GET', `/agencies/${agencyId[TY]}/exante`, 'ty_clerk')).deadlineRule).toBeNull();
    const ty = await ok('PUT', sectionUrl(TY, 'procedures'), 'ty_clerk', { content: (await ok('GET', sectionUrl(TY, 'procedures'), 'ty_clerk')).published.content });
    expect(ty.summary.due).toEqual({ status: 'none', label: '无公开时限', publishBy: null });
    expect(ty.current.publishByNote).toBe('本机关适用的规则未规定事前公开信息的公开时限');
  });

  it('ORG-6 · GS-P 15: a later draft keeps the first change\'s limit; past the limit the change is overdue and its publication late', async () => {
    const url = sectionUrl(LZ, 'legalBases');
    server.ctx.clock.set('2026-03-20T02:00:00Z');
    const draft = await ok('GET', url, 'lz_clerk');
    const again = await ok('PUT', url, 'lz_clerk', { content: draft.current.content, changedOn: '2026-03-19' });
    expect(again.current).toMatchObject({ changedOn: '2026-03-02', publishBy: '2026-03-30' });
    expect(again.summary.due.status).toBe('onTime');
    server.ctx.clock.set('2026-03-26T02:00:00Z');
    expect((await summary(LZ, 'legalBases', 'lz_clerk')).due.status).toBe('dueSoon');
    server.ctx.clock.set('2026-03-31T02:00:00Z');
    expect((await summary(LZ, 'legalBases', 'lz_clerk')).due).toMatchObject({ status: 'overdue', label: '已逾期' });
    expect((await ok('GET', '/exante', 'lz_approver')).agencies[0]).toMatchObject({ name: '兰州市生态环境局', overdue: 1, pending: 1 });
    await ok('POST', `${url}/submit`, 'lz_clerk', {});
    const published = await ok('POST', `${url}/approve`, 'lz_approver', {});
    expect(published.summary.due).toMatchObject({ status: 'publishedLate', label: '逾期公开' });
    expect(published.history.at(-1).detail).toMatchObject({ changedOn: '2026-03-02', publishBy: '2026-03-30', due: 'publishedLate' });
    expect(published.published.content.rows.some((r: { name: string }) => r.name === '《甘肃省生态环境系统行政执法信息公示实施办法》')).toBe(true);
    server.ctx.clock.set('2026-03-02T01:00:00Z');
  });

  it('ORG-8 · GS-P 14 ¶2-3: under GS19 the 执法事项清单 needs the legal office\'s review before it goes online', async () => {
    const url = sectionUrl(LZ, 'enforcementItems');
    const current = await ok('GET', url, 'lz_clerk');
    expect(current.externalReview).toEqual({ requirement: '对外公示前报本级政府法制机构审核', reviewer: '本级政府法制机构', basis: 'GS-P 第十四条第二款' });
    await ok('PUT', url, 'lz_clerk', { content: current.published.content });
    await ok('POST', `${url}/submit`, 'lz_clerk', {});
    const refused = await api('POST', `${url}/approve`, 'lz_approver', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'exante.external_review_required', message: expect.stringContaining('《甘肃省生态环境系统行政执法信息公示实施办法》第十四条第二款') });
    const done = await ok('POST', `${url}/approve`, 'lz_approver', { externalReview: { body: '兰州市司法局', on: '2026-02-27', reference: '兰司法审〔2026〕5号' } });
    expect(done.history.at(-1).detail.externalReview).toMatchObject({ body: '兰州市司法局', on: '2026-02-27', basis: 'GS-P 第十四条第二款' });
    // Under SX25 no outside review is needed.
    expect((await ok('GET', sectionUrl(TY, 'enforcementItems'), 'ty_clerk')).externalReview).toBeNull();
  });
});

describe('generated sections and the officer roster', () => {
  it('REV-2 · ORG-3: the 审核目录清单 follows the catalogue in force and cannot be entered', async () => {
    const url = sectionUrl(TY, 'reviewCatalogue');
    const before = await ok('GET', url, 'ty_clerk');
    expect(before.generated.source).toContain('建议清单');
    expect(before.generated.updatedOn).toBeNull();
    const res = await api('PUT', url, 'ty_clerk', { content: { rows: [] } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'exante.read_only', message: '“重大执法决定法制审核目录清单”由系统根据现行重大执法决定法制审核目录清单生成，不能在此录入。' });
    const cat = await ok('GET', '/review/catalogue', 'ty_reviewer');
    const items = [...cat.catalogue.items, { id: 'extra', criterion: 'complex', label: '涉及跨区域污染纠纷的', test: { type: 'declared' }, basis: 'SX19-L 第九条（五）' }];
    expect((await api('POST', '/review/catalogue', 'ty_reviewer', { title: '太原市生态环境局重大执法决定法制审核目录清单', items, effectiveFrom: '2026-03-01' })).statusCode).toBe(201);
    const after = await ok('GET', url, 'ty_clerk');
    expect(after.generated.source).toBe('太原市生态环境局重大执法决定法制审核目录清单（第1版）');
    expect(after.generated.updatedOn).toBe('2026-03-01');
    expect(after.generated.content.rows.at(-1)).toEqual({ criterion: '案件情况疑难复杂、涉及多个法律关系', label: '涉及跨区域污染纠纷的', basis: 'SX19-L 第九条（五）' });
  });

  it('REC-6 · SX25-R 12: the 音像记录事项清单 of 太原 lists 查封 as mandatory', async () => {
    const g = (await ok('GET', sectionUrl(TY, 'avItems'), 'ty_supervisor')).generated;
    expect(g.content.rows).toContainEqual({ activity: '查封场所、设施或者财物', requirement: '应当进行音像记录', basis: expect.stringContaining('SX25-R') });
  });

  it('ORG-2 · GS-P 5(二): the roster lists officers with a valid certificate only, without contact data', async () => {
    const list = await ok('GET', `/agencies/${agencyId[TY]}/exante`, 'ty_clerk');
    const names = list.roster.map((o: { name: string }) => o.name);
    expect(names).toContain('太原市局执法一');
    expect(names).toContain('太原市局承办负责人');
    expect(names).not.toContain('太原市局执法三（证件过期）');
    expect(names).not.toContain('太原市局公示录入员');
    expect(Object.keys(list.roster[0]).sort()).toEqual(['certificateNumber', 'name', 'post', 'unit', 'validFrom', 'validTo']);
    expect(list.roster[0].unit).toBe('太原市生态环境局');
    // A suspended certificate leaves the roster at once.
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, 'ty_officer2'));
    await server.ctx.db.update(officerCertificates).set({ status: 'suspended' }).where(eq(officerCertificates.userId, u!.id));
    const after = await ok('GET', `/agencies/${agencyId[TY]}/exante`, 'ty_clerk');
    expect(after.roster.map((o: { name: string }) => o.name)).not.toContain('太原市局执法二');
    await server.ctx.db.update(officerCertificates).set({ status: 'valid' }).where(eq(officerCertificates.userId, u!.id));
  });

  it('ORG-3: every saved version is a row of its own (nothing overwritten)', async () => {
    const rows = await server.ctx.db.select({ version: exAnteVersions.version }).from(exAnteVersions).where(and(eq(exAnteVersions.agencyId, agencyId[TY]!), eq(exAnteVersions.section, 'powers'))).orderBy(exAnteVersions.version);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
  });
});
