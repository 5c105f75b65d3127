/**
 * Demo data of 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16, NAT-17),
 * taken through the real use cases, dated from `ctx.clock.now()`: 太原's
 * directory, a plan, a draw committed, run, inspected and published (the
 * portal's proof page recomputes it), one result published and the others
 * waiting in the clerk's queue, and an enterprise at its yearly cap.
 */
import { eq } from 'drizzle-orm';
import { creditCodeCheckChar } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { inspections, users } from '../db/schema.js';
import { chinaDate } from '../lib/time.js';
import { commitDraw, publishDraw, runCommittedDraw } from '../usecases/inspections/draws.js';
import { createPlan } from '../usecases/inspections/plans.js';
import { declareRelation } from '../usecases/inspections/pool.js';
import { signInspectionRecord } from '../usecases/inspections/record.js';
import { registerInspection } from '../usecases/inspections/register.js';
import { createTarget } from '../usecases/inspections/targets.js';
import { approvePublication, submitPublication } from '../usecases/publications.js';
import { demoActor } from './actors.js';

const code = (n: number) => {
  const body = `91140105MA0K${String(10000 + n).slice(-5)}`;
  return body + creditCodeCheckChar(body);
};

const TARGETS: [string, boolean, 'high' | 'medium' | 'low', string][] = [
  ['太原晋阳焦化有限公司', true, 'high', '化学原料和化学制品制造业'],
  ['太原汾河热电有限公司', true, 'medium', '电力、热力生产和供应业'],
  ['小店区清源污水处理有限公司', false, 'high', '水的生产和供应业'],
  ['太原龙城铸造有限公司', false, 'high', '金属制品业'],
  ['太原并州印刷有限公司', false, 'medium', '印刷和记录媒介复制业'],
  ['太原晋祠酿造有限公司', false, 'medium', '酒、饮料和精制茶制造业'],
  ['太原迎泽汽车维修有限公司', false, 'low', '机动车维修'],
  ['太原杏花岭干洗有限公司', false, 'low', '居民服务业'],
];

export async function seedDemoInspections(ctx: AppContext): Promise<void> {
  const head = await demoActor(ctx, 'ty_unithead');
  const officer = await demoActor(ctx, 'ty_officer2');
  const ids: string[] = [];
  for (const [i, [name, keyPolluter, riskClass, industry]] of TARGETS.entries()) {
    const t = await createTarget(ctx, head, {
      creditCode: code(i),
      name,
      address: `山西省太原市小店区示例路${i + 10}号`,
      legalRepresentative: ['王建国', '李卫东', '赵明', '张丽', '刘强', '陈静', '杨帆', '周敏'][i],
      permitNumber: keyPolluter ? `${code(i)}001P` : '',
      permitClass: keyPolluter ? 'key' : riskClass === 'low' ? 'registration' : 'simplified',
      keyPolluter,
      industry,
      district: '小店区',
      riskClass,
      riskSource: `${chinaDate(ctx.clock.now()).slice(0, 4)}年企业环境信用评价结果`,
    });
    ids.push(t.id);
  }
  // 回避: 执法一's relative works at the coking plant.
  const [o1] = await ctx.db.select().from(users).where(eq(users.username, 'ty_officer1'));
  await declareRelation(ctx, head, { userId: o1!.id, targetId: ids[0]!, relation: '近亲属在该单位任职' });

  const year = Number(chinaDate(ctx.clock.now()).slice(0, 4));
  const plan = await createPlan(ctx, head, {
    year,
    title: `${year}年污染源日常环境监管“双随机”抽查`,
    item: '排污单位污染物排放及污染防治设施运行情况检查',
    basis: '《中华人民共和国环境保护法》第二十四条；《排污许可管理条例》第三十一条',
    content: '污染物排放浓度和总量、污染防治设施运行、自行监测、排污许可证执行报告',
    method: '现场检查、资料核查',
    rounds: 'quarter',
    jointDepartments: ['太原市水务局'],
  });
  const draw = await commitDraw(ctx, head, plan.id, { roundLabel: '第一季度' });
  const drawn = await runCommittedDraw(ctx, head, draw.id);
  for (const i of drawn.inspections) await signInspectionRecord(ctx, i.id, '污染防治设施正常运行，自行监测数据齐全，未发现环境违法行为。');
  await publishDraw(ctx, head, draw.id);
  // Results partly published: the first through the clerk and the approver; the others wait.
  const clerk = await demoActor(ctx, 'ty_clerk');
  const approver = await demoActor(ctx, 'ty_approver');
  const first = (await ctx.db.select().from(inspections).where(eq(inspections.drawId, draw.id)))[0];
  if (first?.caseId) {
    const { publications } = await import('../db/schema.js');
    const [p] = await ctx.db.select().from(publications).where(eq(publications.caseId, first.caseId));
    if (p) {
      await submitPublication(ctx, clerk, p.id, '');
      await approvePublication(ctx, approver, p.id, '同意公示');
    }
  }
  // An enterprise at its cap (the profile's yearly cap, 2 by default): a complaint and a special campaign.
  const today = chinaDate(ctx.clock.now());
  const team = [officer.userId, head.userId];
  // One not drawn this round (the draw is random), so that two registrations bring it exactly to the cap.
  const drawnIds = new Set((await ctx.db.select().from(inspections).where(eq(inspections.drawId, draw.id))).map((r) => r.targetId));
  const atCap = ids.find((id) => !drawnIds.has(id))!;
  await registerInspection(ctx, officer, { targetId: atCap, kind: 'complaint', plannedDate: today, inspectorIds: team });
  await registerInspection(ctx, officer, { targetId: atCap, kind: 'campaign', plannedDate: today, inspectorIds: team });
}
