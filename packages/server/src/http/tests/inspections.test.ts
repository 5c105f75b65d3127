/**
 * 双随机、一公开 and 涉企行政检查 through the API (INS-2, INS-3, NAT-16,
 * NAT-17): the directory import with its error report, a draw committed,
 * run and published that anyone recomputes from the revealed seed and
 * lists, 回避, cases opened for the drawn teams, the yearly cap refused at
 * the edge and passed only with the head's approval, and results due on the
 * right working day and published through the publication workflow.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { creditCodeCheckChar, listDigests, runDraw, sha256Hex } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { agencies, caseHandlers, inspections, inspectionTargets, logLeaves, users } from '../../db/schema.js';
import { signInspectionRecord } from '../../usecases/inspections/record.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const USERS = ['ty_unithead', 'ty_officer1', 'ty_officer2', 'ty_head', 'ty_clerk', 'ty_approver', 'lz_unithead'];

type Method = 'GET' | 'POST' | 'PATCH';
const api = (method: Method, url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const ok = async (method: Method, url: string, who: string, payload?: unknown) => {
  const res = await api(method, url, who, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};
const code = (n: number) => {
  const body = `91140100MA${String(9_000_000 + n).slice(-7)}`;
  return body + creditCodeCheckChar(body);
};
const userId = async (username: string) => (await server.ctx.db.select().from(users).where(eq(users.username, username)))[0]!.id;

const HEADER = '统一社会信用代码,名称,地址,法定代表人（负责人）,排污许可证编号,排污许可管理类别,重点排污单位,行业类别,所在区县,风险（信用）等级,等级来源';
const CLASSES: [string, string][] = [
  ['是', '高'],
  ['是', '低'],
  ['否', '高'],
  ['否', '高'],
  ['否', '高'],
  ['否', '中'],
  ['否', '中'],
  ['否', '中'],
  ['否', '低'],
  ['否', '低'],
];
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\n')}\n`, 'utf8').toString('base64');

beforeAll(async () => {
  server = await startTestServer({ config: { sessionIdleMinutes: 60 * 24 * 90 } });
  for (const u of USERS) cookie[u] = await loginCookie(server.app, u);
  // The demo's own directory (seed/inspections.ts) is set aside, so this file counts only its own targets.
  const [ty] = await server.ctx.db.select().from(agencies).where(eq(agencies.shortName, '太原市局'));
  await server.ctx.db.update(inspectionTargets).set({ active: false }).where(eq(inspectionTargets.agencyId, ty!.id));
});
const mine = (items: { creditCode: string }[]) => items.filter((t) => TEST_CODES.has(t.creditCode));
const TEST_CODES = new Set(Array.from({ length: 100 }, (_, i) => code(i)));
afterAll(async () => {
  await server?.close();
});

describe('INS-2 · directory import (template, per-row error report, all or nothing)', () => {
  it('the template is a workbook with the import columns', async () => {
    const res = await api('GET', '/inspections/targets/template.xlsx', 'ty_unithead');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1).join(',')).toBe(HEADER);
  });

  it('a file with bad rows imports nothing and names each row, column and problem', async () => {
    const bad = [`${code(1)},甲化工有限公司,太原市,张三,,重点管理,是,化工,小店区,高,信用评价`, `91140100MA0000000X,乙公司,,,,,否,,,中,`, `${code(1)},丙公司,,,,未知类别,也许,,,极高,`];
    const r = await ok('POST', '/inspections/targets/import', 'ty_unithead', { filename: 'targets.csv', contentBase64: csv(bad) });
    expect(r.ok).toBe(false);
    expect(r.created).toBe(0);
    const at = (row: number, column: string) => r.errors.find((e: { row: number; column: string }) => e.row === row && e.column === column);
    expect(at(3, '统一社会信用代码').message).toMatch(/无效/);
    expect(at(4, '统一社会信用代码').message).toMatch(/与第 2 行重复/);
    expect(at(4, '排污许可管理类别')).toBeTruthy();
    expect(at(4, '重点排污单位')).toBeTruthy();
    expect(at(4, '风险（信用）等级')).toBeTruthy();
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(Buffer.from(r.reportBase64, 'base64') as unknown as ArrayBuffer);
    expect(report.worksheets[0]!.rowCount).toBe(r.errors.length + 1);
    expect(mine((await ok('GET', '/inspections/targets', 'ty_unithead')).items)).toHaveLength(0);
  });

  it('a clean CSV imports every row; an officer may read the directory but not import (403)', async () => {
    const rows = CLASSES.map(([kp, risk], i) => `${code(10 + i)},检查对象${i}有限公司,太原市小店区示例路${i}号,法人${i},,${kp === '是' ? '重点管理' : '简化管理'},${kp},化工,小店区,${risk},2026年信用评价`);
    const r = await ok('POST', '/inspections/targets/import', 'ty_unithead', { filename: 'targets.csv', contentBase64: csv(rows) });
    expect(r).toMatchObject({ ok: true, created: 10, updated: 0 });
    const list = await ok('GET', '/inspections/targets', 'ty_officer1');
    expect(mine(list.items).filter((t) => (t as { targetClass?: string }).targetClass === 'keyPolluter')).toHaveLength(2);
    expect((await api('POST', '/inspections/targets/import', 'ty_officer1', { filename: 'targets.csv', contentBase64: csv(rows) })).statusCode).toBe(403);
    // Another city's staff cannot see this directory at all.
    const ty = (await server.ctx.db.select().from(agencies).where(eq(agencies.shortName, '太原市局')))[0]!;
    expect((await api('GET', `/inspections/targets?agencyId=${ty.id}`, 'lz_unithead')).statusCode).toBe(404);
  });
});

describe('INS-2 · MEE19 一(一)(5); NAT-17: a draw anyone can check', () => {
  let planId = '';
  let drawId = '';
  let officer1 = '';

  it('NAT-17: a plan per 抽查事项 with joint departments; the quota follows the ratios by class', async () => {
    const plan = await ok('POST', '/inspections/plans', 'ty_unithead', { year: 2026, title: '2026年污染源日常监管随机抽查', item: '排污单位污染物排放情况检查', rounds: 'quarter', jointDepartments: ['太原市水务局'] });
    planId = plan.id;
    const list = await ok('GET', '/inspections/plans', 'ty_unithead');
    const item = list.items.find((p: { id: string }) => p.id === planId);
    const quota = Object.fromEntries(item.quota.map((l: { targetClass: string; count: number }) => [l.targetClass, l.count]));
    // city level: 重点 2×5% → 1, 高 3×20% → 1, 中 3×10% → 1, 低 2×5% → 1
    expect(quota).toEqual({ keyPolluter: 1, high: 1, medium: 1, low: 1 });
    expect(item.jointDepartments).toEqual(['太原市水务局']);
    expect((await api('POST', '/inspections/plans', 'ty_unithead', { year: 2026, title: 'x', item: 'y', rounds: 'year', quotaOverride: { high: 0 } })).statusCode).toBe(400);
  });

  it('INS-2 · 回避: an officer related to every target is never drawn', async () => {
    officer1 = await userId('ty_officer1');
    const targets = mine((await ok('GET', '/inspections/targets', 'ty_unithead')).items) as unknown as { id: string }[];
    for (const t of targets) await ok('POST', '/inspections/relations', 'ty_officer1', { userId: officer1, targetId: t.id, relation: '近亲属在该单位任职' });
    // Declaring for someone else is for the unit head only.
    expect((await api('POST', '/inspections/relations', 'ty_officer2', { userId: officer1, targetId: targets[0]!.id, relation: 'x' })).statusCode).toBe(403);
  });

  it('NAT-17: the seed is committed before the draw — its hash a leaf of the integrity log, the seed itself secret', async () => {
    const d = await ok('POST', `/inspections/plans/${planId}/draws`, 'ty_unithead', { roundLabel: '2026年第一季度' });
    drawId = d.id;
    expect(d.status).toBe('committed');
    expect(d.seed).toBeNull();
    const [leaf] = await server.ctx.db.select().from(logLeaves).where(and(eq(logLeaves.objectId, drawId), eq(logLeaves.kind, 'inspection.draw.commit')));
    expect(JSON.parse(leaf!.data)).toMatchObject({ seedHash: d.seedHash, digests: d.digests });
    expect(leaf!.idx).toBe(d.commitLeaf);
    // Officers cannot draw; other agencies cannot even see the draw.
    expect((await api('POST', `/inspections/draws/${drawId}/run`, 'ty_officer1')).statusCode).toBe(403);
    expect((await api('GET', `/inspections/draws/${drawId}`, 'lz_unithead')).statusCode).toBe(404);
    // The portal shows the commitment, no names.
    const page = await server.app.inject({ method: 'GET', url: `/draws/${drawId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(d.seedHash);
    expect(page.body).not.toContain('检查对象0有限公司');
  });

  it('ORG-2 · SX19-L 11(一); INS-2: the draw registers each drawn target with a team of two valid officers and opens its inspection case', async () => {
    const d = await ok('POST', `/inspections/draws/${drawId}/run`, 'ty_unithead');
    expect(d.status).toBe('drawn');
    expect(d.inspections).toHaveLength(4);
    expect((await api('POST', `/inspections/draws/${drawId}/run`, 'ty_unithead')).statusCode).toBe(409);
    for (const i of d.inspections) {
      expect(i.kind).toBe('random');
      expect(i.status).toBe('registered');
      expect(i.code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
      expect(i.inspectors).toHaveLength(2);
      expect(i.inspectors.map((x: { userId: string }) => x.userId)).not.toContain(officer1);
      const handlers = await server.ctx.db.select().from(caseHandlers).where(eq(caseHandlers.caseId, i.caseId));
      expect(handlers.map((h) => h.userId).sort()).toEqual(i.inspectors.map((x: { userId: string }) => x.userId).sort());
    }
    // NAT-17: names stay secret until the inspection — the draw cannot be published yet.
    const early = await api('POST', `/inspections/draws/${drawId}/publish`, 'ty_unithead');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('inspection.draw_state');
  });

  it('NAT-17 · MEE19 一(三)1: results are due 20 working days after the inspection and published through the publication workflow and its redaction gate (PUB-4 · SX25-P 16)', async () => {
    const d = await ok('GET', `/inspections/draws/${drawId}`, 'ty_unithead');
    // Issue 13 item 1: the first result names a person on site; it goes through the same redaction gate as a decision.
    const WITNESS_LINE = '现场陪同人员证人褚文博（手机13600001111，身份证号140105197803120015）确认：';
    for (const [n, i] of d.inspections.entries()) await signInspectionRecord(server.ctx, i.id, `${n === 0 ? WITNESS_LINE : ''}污染防治设施正常运行，未发现环境违法行为。`);
    const after = await ok('GET', `/inspections/draws/${drawId}`, 'ty_unithead');
    const first = after.inspections.find((x: { id: string }) => x.id === d.inspections[0].id);
    // Test clock: Monday 2026-03-02 → 20 working days → Monday 2026-03-30.
    expect(first.result).toMatchObject({ inspectedOn: '2026-03-02', publishBy: '2026-03-30', published: false, overdue: false });
    const pubId = first.result.publicationId;
    await ok('POST', `/publications/${pubId}/submit`, 'ty_clerk', { comment: '' });
    await ok('POST', `/publications/${pubId}/approve`, 'ty_approver', { comment: '同意' });
    const one = await ok('GET', `/inspections/${first.id}`, 'ty_unithead');
    expect(one.result).toMatchObject({ published: true, publicationStatus: 'published' });
    // PUB-3 · XX-P 9, PUB-4 · SX25-P 16(一): the inspection result went online redacted
    const pub = await ok('GET', `/publications/${pubId}`, 'ty_clerk');
    const masked = Object.values(pub.version.redacted as Record<string, { masks: { original: string }[] }>).flatMap((f) => f.masks.map((m) => m.original));
    expect(masked).toEqual(expect.arrayContaining(['褚文博', '13600001111', '140105197803120015']));
    const page = (await server.app.inject({ method: 'GET', url: `/decisions/${pubId}` })).body;
    expect(page).toContain('污染防治设施正常运行');
    for (const secret of ['褚文博', '13600001111', '140105197803120015']) expect(page, secret).not.toContain(secret);
  });

  it('NAT-17: after publication anyone recomputes the draw from the revealed seed and lists', async () => {
    const d = await ok('POST', `/inspections/draws/${drawId}/publish`, 'ty_unithead');
    expect(d.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex(d.seed)).toBe(d.seedHash);
    const res = await server.app.inject({ method: 'GET', url: `/draws/${drawId}.json` });
    expect(res.statusCode).toBe(200);
    const pub = res.json();
    const lists = { targets: pub.revealed.targets, inspectors: pub.revealed.inspectors, conflicts: pub.revealed.conflicts };
    expect(listDigests(lists)).toEqual(d.digests);
    const again = runDraw({ seed: pub.revealed.seed, ...lists, quota: pub.quota, teamSize: pub.teamSize });
    expect(again).toEqual(pub.revealed.result);
    expect(again.assignments.map((a) => a.targetKey).sort()).toEqual(d.inspections.map((i: { creditCode: string }) => i.creditCode).sort());
    const page = await server.app.inject({ method: 'GET', url: `/draws/${drawId}` });
    expect(page.body).toContain('检查对象');
    expect(page.body).toContain('/assets/draw-proof.js');
  });

  it('NAT-16: problems found open a penalty case linked to the inspection', async () => {
    const d = await ok('GET', `/inspections/draws/${drawId}`, 'ty_unithead');
    const i = d.inspections[1];
    const lead = i.inspectors[0].userId === (await userId('ty_unithead')) ? 'ty_unithead' : 'ty_officer2';
    const r = await ok('POST', `/inspections/${i.id}/penalty-case`, lead, { title: '检查发现超标排放' });
    expect(r.penaltyCaseId).toBeTruthy();
    const c = await ok('GET', `/cases/${r.penaltyCaseId}`, 'ty_unithead');
    expect(c.case.actionType).toBe('penalty');
    expect((await api('POST', `/inspections/${i.id}/penalty-case`, lead, { title: '再次' })).statusCode).toBe(409);
  });
});

describe('INS-3 · SX25-P 10; NAT-16 · 国办发〔2024〕54号: the yearly cap per enterprise', () => {
  let targetId = '';
  let team: string[] = [];
  it('NAT-16: registered below the cap with an inspection code; refused at the edge', async () => {
    const [ty] = await server.ctx.db.select().from(agencies).where(eq(agencies.shortName, '太原市局'));
    await server.ctx.db.update(agencies).set({ profileOverrides: { ...ty!.profileOverrides, 'inspection.yearlyCap': { value: 2, basis: '本省公布的频次上限' }, 'inspection.qrCode': { value: true, basis: '本省推行扫码入企' } } }).where(eq(agencies.id, ty!.id));
    const t = await ok('POST', '/inspections/targets', 'ty_unithead', { creditCode: code(99), name: '频次测试有限公司', riskClass: 'low', legalRepresentative: '李四', address: '太原市' });
    targetId = t.id;
    team = [await userId('ty_officer2'), await userId('ty_unithead')];
    const first = await ok('POST', '/inspections', 'ty_officer2', { targetId, kind: 'complaint', plannedDate: '2026-03-03', inspectorIds: team });
    expect(first.status).toBe('registered');
    expect(first.qrSvg).toContain('<svg');
    expect(first.codeUrl).toContain(`/inspection-code/${first.code}`);
    expect(first.caseId).toBeTruthy();
    // A team of one, or an officer with an expired certificate, is refused.
    expect((await api('POST', '/inspections', 'ty_officer2', { targetId, kind: 'complaint', plannedDate: '2026-03-05', inspectorIds: [team[0]] })).statusCode).toBe(400);
    expect((await api('POST', '/inspections', 'ty_officer2', { targetId, kind: 'complaint', plannedDate: '2026-03-05', inspectorIds: [team[0], await userId('ty_officer3')] })).statusCode).toBe(409);
    await ok('POST', '/inspections', 'ty_officer2', { targetId, kind: 'campaign', plannedDate: '2026-03-04', inspectorIds: team });
    const third = await api('POST', '/inspections', 'ty_officer2', { targetId, kind: 'campaign', plannedDate: '2026-03-05', inspectorIds: team });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('inspection.cap_reached');
    // The enterprise's code check page shows the registered inspection.
    const check = await server.app.inject({ method: 'GET', url: `/inspection-code/${first.code}` });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('频次测试有限公司');
    // Registering after the fact is refused: registration comes before entry.
    expect((await api('POST', '/inspections', 'ty_officer2', { targetId, kind: 'complaint', plannedDate: '2026-03-01', inspectorIds: team })).statusCode).toBe(400);
  });

  it('NAT-16: beyond the cap only a lawful exception approved by the head, with the reason recorded', async () => {
    const pending = await ok('POST', '/inspections', 'ty_officer2', { targetId, kind: 'complaint', plannedDate: '2026-03-05', inspectorIds: team, exception: { reason: 'complaint', note: '群众举报夜间偷排，需立即核查' } });
    expect(pending.status).toBe('pendingApproval');
    expect(pending.caseId).toBeNull();
    expect((await api('POST', `/inspections/${pending.id}/exception`, 'ty_unithead', { approve: true })).statusCode).toBe(403);
    const approved = await ok('POST', `/inspections/${pending.id}/exception`, 'ty_head', { approve: true, comment: '同意' });
    expect(approved.status).toBe('registered');
    expect(approved.exception).toMatchObject({ reason: 'complaint', note: '群众举报夜间偷排，需立即核查', cap: 2, count: 2, approvedByName: '太原市局局长' });
    expect(approved.caseId).toBeTruthy();
    const list = await ok('GET', `/inspections?targetId=${targetId}`, 'ty_head');
    expect(list.items.filter((i: { status: string }) => i.status === 'registered')).toHaveLength(3);
    // An unlawful reason is refused outright.
    expect((await api('POST', '/inspections', 'ty_officer2', { targetId, kind: 'campaign', plannedDate: '2026-03-06', inspectorIds: team, exception: { reason: 'whim', note: 'x' } })).statusCode).toBe(400);
    // A draw leaves the enterprise at its cap out of the pool.
    const rows = await server.ctx.db.select().from(inspections).where(eq(inspections.targetId, targetId));
    expect(rows).toHaveLength(3);
  });

  it('INS-3 · SX25-P 10: the portal 涉企行政检查公示专栏 lists each enterprise’s inspections and counts', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/inspections' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('涉企行政检查公示专栏');
    expect(res.body).toContain('频次上限');
    // The drawn enterprises, inspected, now appear with their counts.
    expect(res.body).toContain('检查对象');
  });
});
