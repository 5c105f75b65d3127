/**
 * The demo's 按日连续处罚 (issue 11 item 6; NAT-11 · 环境保护法 第五十九条;
 * 《环境保护主管部门实施按日连续处罚办法》), walked the lawful way in 太原:
 *
 *   原处罚案 filed → 责令改正违法行为决定书 issued and served on the spot (第八条)
 *   → the original decision, 100,000 yuan under 大气污染防治法 第九十九条
 *   (within its 10万–100万 range) → the 复查, covert, 10 days after the service,
 *   finds the violation continuing (第十条、第十三条) → the 按日连续处罚 case,
 *   linked to the original (第七条), with its 告知, hearing rights and legal
 *   review → the decision: 10 days × 100,000 = 1,000,000 yuan (第十七条、第十九条),
 *   issued after the original decision, and served.
 *
 * Dates are relative to now, in order, each on a later day than what it follows.
 */
import { eq } from 'drizzle-orm';
import { dayDiff, type PartyInput } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { officerCertificates } from '../db/schema.js';
import { createCase, findCase, updateCaseFacts } from '../usecases/cases.js';
import { createParty } from '../usecases/parties.js';
import { linkDailyPenalty } from '../usecases/procedure/daily-penalty.js';
import { demoActor } from './actors.js';
import { demoCreditCode } from './demo.js';
import { CaseWalk, type WalkPeople } from './walk.js';

const DAY = 86_400_000;
const AIR_99 = '《中华人民共和国大气污染防治法》第九十九条第（二）项';
const ORIGINAL_FINE = 100_000;
/** The 复查 this many days after the service: 10 days of 按日连续处罚. */
const REINSPECTION_AFTER = 10;

const PARTY: PartyInput = {
  kind: 'organisation',
  name: '太原市鑫华焦化有限公司',
  creditCode: demoCreditCode('91140100MA0K8J9D7'),
  legalRepresentative: { name: '郭建平' },
  address: '太原市清徐县焦化工业园9号',
};

const REMEDIES = {
  evidence: ['现场检查笔录', '监测报告', '复查笔录'],
  performanceManner: '自收到本决定书之日起十五日内缴至指定银行',
  performanceDeadline: '十五日',
  reconsiderationBody: '太原市人民政府',
  litigationCourt: '太原市小店区人民法院',
  remedies: '如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。',
};

async function people(ctx: AppContext): Promise<WalkPeople> {
  const cert = async (id: string) => (await ctx.db.select({ number: officerCertificates.number }).from(officerCertificates).where(eq(officerCertificates.userId, id)))[0]?.number ?? '';
  const officer = await demoActor(ctx, 'ty_officer1');
  const officer2 = await demoActor(ctx, 'ty_officer2');
  return { officer, officer2, head: await demoActor(ctx, 'ty_head'), reviewer: await demoActor(ctx, 'ty_reviewer'), certificates: [await cert(officer.userId), await cert(officer2.userId)] };
}

async function openCase(ctx: AppContext, walk: CaseWalk, partyId: string, title: string, fineAmount: number, legalBasis: string, facts: string): Promise<string> {
  const p = walk.people;
  const c = await createCase(walk.ctx, p.officer, { actionType: 'penalty', source: 'exOfficio', title, partyId, handlerIds: [p.officer.userId, p.officer2.userId] });
  walk.caseId = c.id;
  walk.common = { partyName: PARTY.name, partyAddress: PARTY.address, partyCreditCode: PARTY.creditCode, legalRepresentative: '郭建平', agencyName: p.officer.agencyName, place: PARTY.address, legalBasis, facts, proposal: `罚款人民币${fineAmount}元` };
  await updateCaseFacts(walk.ctx, p.officer, c.id, { proposedPenalty: { types: ['fine'], fineAmount } });
  return c.id;
}

export async function seedDemoDailyPenalty(ctx: AppContext, filedDaysAgo = 80): Promise<{ originalCaseId: string; dailyCaseId: string }> {
  const who = await people(ctx);
  // The original case: on-site inspection finds SO2 over the standard; the 责令改正 is served there and then (第八条).
  const o = new CaseWalk(ctx, new Date(ctx.clock.now().getTime() - filedDaysAgo * DAY), who);
  const party = await createParty(o.ctx, who.officer, PARTY);
  const factsO = '当事人焦炉烟囱二氧化硫排放浓度超过《炼焦化学工业污染物排放标准》规定的限值，超标排放大气污染物。';
  const originalCaseId = await openCase(ctx, o, party.id, '太原市鑫华焦化有限公司超标排放大气污染物案', ORIGINAL_FINE, AIR_99, factsO);
  await o.walkTo('investigation');
  await o.doc('correctionOrder', {
    facts: `${factsO}有现场检查笔录、监测报告为证。`,
    legalBasis: `违反《中华人民共和国大气污染防治法》第十八条，依据该法第九十九条及《中华人民共和国环境保护法》第五十九条`,
    correctionContent: '立即停止超标排放大气污染物，采取措施确保污染物达标排放。',
    consequenceStated: true,
  });
  const servedOn = o.today;
  await o.walkTo('decision');
  await o.decide('penaltyDecision', { ...REMEDIES, penaltyTypes: ['fine'], fineAmount: ORIGINAL_FINE, penaltyContent: '罚款人民币壹拾万元整', legalBasis: AIR_99, discretionBand: '较轻', facts: factsO });

  // The 按日连续处罚 case, filed the day before the 复查; the covert 复查 on day 10 after the service (第十条).
  const reinspectedOn = new Date(new Date(`${servedOn}T10:00:00+08:00`).getTime() + REINSPECTION_AFTER * DAY);
  const d = new CaseWalk(ctx, new Date(reinspectedOn.getTime() - DAY), who);
  const factsD = `当事人因超标排放大气污染物受到罚款处罚，并于${servedOn}收到责令改正违法行为决定书；本机关复查发现其仍在继续超标排放，拒不改正。`;
  const dailyCaseId = await openCase(ctx, d, party.id, '太原市鑫华焦化有限公司拒不改正超标排放按日连续处罚案', ORIGINAL_FINE * REINSPECTION_AFTER, `《中华人民共和国环境保护法》第五十九条、${AIR_99}`, factsD);
  await linkDailyPenalty(d.ctx, who.officer, dailyCaseId, { originalCaseId });
  await d.walkTo('investigation');
  const correction = (await findCase(ctx, originalCaseId))!;
  await d.doc('reinspectionRecord', {
    correctionOrderNumber: `本机关于 ${correction.dates.correctionServedOn ?? servedOn} 送达的责令改正违法行为决定书`,
    reinspectedOn: d.today,
    place: PARTY.address,
    covert: true,
    finding: 'continuing',
    findings: '以暗查方式复查，焦炉烟囱在线监测数据及现场采样显示二氧化硫排放浓度仍超过排放限值。',
    evidence: ['复查现场照片', '监测报告'],
  });
  const days = dayDiff(correction.dates.correctionServedOn ?? servedOn, d.today);
  await d.walkTo('decision');
  // 第七条: the daily decision after the original decision.
  if (d.t < o.t) d.t = new Date(o.t);
  await d.decide('penaltyDecision', {
    ...REMEDIES,
    penaltyTypes: ['fine'],
    fineAmount: ORIGINAL_FINE * days,
    penaltyContent: `按日连续处罚：自责令改正违法行为决定书送达之日的次日起至复查发现违法行为之日止共${days}日，每日罚款人民币壹拾万元，合计罚款人民币${ORIGINAL_FINE * days}元`,
    legalBasis: `《中华人民共和国环境保护法》第五十九条、${AIR_99}、《环境保护主管部门实施按日连续处罚办法》第十七条、第十九条`,
    facts: factsD,
  }, { reviewFirst: true });
  return { originalCaseId, dailyCaseId };
}
