/**
 * Demo data of ex-post disclosure (执法公示): decisions of each demo agency
 * taken through the real path — case, documents, the decision issued (which
 * makes the publication draft), the clerk's version, the approver's
 * approval. Some facts name a witness with an ID number and a mobile number
 * (the inquiry record knows the witness), so a new user sees redaction at
 * work; one decision is withdrawn after a reconsideration, one is withheld
 * (a minor party), and one draft waits in 太原's queue.
 */
import { demoActor } from './actors.js';
import { eq } from 'drizzle-orm';
import { idNumberCheckChar, SAMPLE_ID_NUMBER, STAGE_REQUIREMENTS, type ActionType, type PartyInput, type PenaltyType } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { officerCertificates, publications } from '../db/schema.js';
import { createCase, updateCaseFacts } from '../usecases/cases.js';
import { CaseWalk } from './walk.js';
import { createParty } from '../usecases/parties.js';
import { approvePublication, decideWithdraw, getPublication, requestWithdraw, savePublication, submitPublication } from '../usecases/publications.js';
import { demoCreditCode } from './demo.js';

type Org = 'ty' | 'lz' | 'xx' | 'xd';

interface DemoDecision {
  org: Org;
  actionType: ActionType;
  kind: string;
  title: string;
  party: PartyInput;
  /** Fields of the decision document beyond the samples. */
  fields: Record<string, unknown>;
  /** A witness interviewed in the case, named in the facts. */
  witness?: { name: string; idNumber: string; phone: string };
  /** What the clerk adds (fields the decision does not carry, e.g. GS-P 7(二) 违法行为类型). */
  clerk?: Record<string, string>;
  then: 'publish' | 'draft' | 'withdraw';
}

const WITNESS_ID = SAMPLE_ID_NUMBER;

async function certificateOf(ctx: AppContext, userId: string): Promise<string> {
  const [c] = await ctx.db.select({ number: officerCertificates.number }).from(officerCertificates).where(eq(officerCertificates.userId, userId));
  return c?.number ?? '';
}

const org = (code17: string, name: string, address: string, rep: string): PartyInput => ({
  kind: 'organisation',
  name,
  creditCode: demoCreditCode(code17),
  legalRepresentative: { name: rep },
  address,
});

const DECISIONS: DemoDecision[] = [
  {
    org: 'ty',
    actionType: 'penalty',
    kind: 'penaltyDecision',
    title: '太原市晋阳化工有限公司超标排放大气污染物案',
    party: org('91140100MA0K8J2Q1', '太原市晋阳化工有限公司', '太原市晋源区化工路18号', '刘建国'),
    witness: { name: '王小明', idNumber: WITNESS_ID, phone: '13912345678' },
    fields: { penaltyTypes: ['fine'], fineAmount: 150000, penaltyContent: '罚款人民币壹拾伍万元整', legalBasis: '《中华人民共和国大气污染防治法》第九十九条第（二）项' },
    clerk: { violationType: '超标排放大气污染物' },
    then: 'publish',
  },
  {
    org: 'ty',
    actionType: 'penalty',
    kind: 'penaltyDecision',
    title: '山西龙城建材有限公司未落实扬尘防治措施案',
    party: org('91140100MA0K8J3R2', '山西龙城建材有限公司', '太原市小店区建材街6号', '陈志强'),
    fields: { penaltyTypes: ['fine'], fineAmount: 30000, penaltyContent: '罚款人民币叁万元整', legalBasis: '《中华人民共和国大气污染防治法》第一百零八条第（五）项', facts: '2026年10月，当事人堆场未采取密闭、围挡、遮盖等措施防治扬尘污染。' },
    then: 'withdraw',
  },
  {
    org: 'ty',
    actionType: 'coercion',
    kind: 'sealSeizeDecision',
    title: '太原市恒通电镀厂查封排污设施案',
    party: org('91140100MA0K8J4T3', '太原市恒通电镀厂', '太原市尖草坪区工业园12号', '赵海'),
    fields: { reasonAndBasis: '当事人通过暗管排放含重金属废水，依据《中华人民共和国环境保护法》第二十五条，对其排污设施实施查封。', items: ['2号电镀线排污泵1台', '暗管阀门1处'], termDays: 30 },
    then: 'publish',
  },
  {
    org: 'ty',
    actionType: 'penalty',
    kind: 'penaltyDecision',
    title: '太原市汾河印染有限公司废水超标排放案',
    party: org('91140100MA0K8J5U4', '太原市汾河印染有限公司', '太原市万柏林区纺织路3号', '孙立'),
    witness: { name: '李秀英', idNumber: WITNESS_ID, phone: '13700001111' },
    fields: { penaltyTypes: ['fine'], fineAmount: 120000, penaltyContent: '罚款人民币壹拾贰万元整', legalBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项' },
    then: 'draft',
  },
  {
    org: 'xd',
    actionType: 'penalty',
    kind: 'penaltyDecision',
    title: '小店区鑫源汽修厂未密闭喷漆作业案',
    party: org('92140105MA0K8J6W5', '太原市小店区鑫源汽车修理厂', '太原市小店区亲贤街88号', '周鑫'),
    fields: { penaltyTypes: ['fine'], fineAmount: 20000, penaltyContent: '罚款人民币贰万元整', legalBasis: '《中华人民共和国大气污染防治法》第一百零八条第（一）项', facts: '当事人在未密闭的场所内从事喷漆作业，未按规定安装、使用污染防治设施。' },
    then: 'publish',
  },
  {
    org: 'lz',
    actionType: 'penalty',
    kind: 'penaltyDecision',
    title: '兰州西固石化配套有限公司危险废物贮存不规范案',
    party: org('91620100MA0K8J7W6', '兰州西固石化配套有限公司', '兰州市西固区福利路66号', '马永福'),
    witness: { name: '韩梅', idNumber: WITNESS_ID, phone: '13609310000' },
    fields: { penaltyTypes: ['fine'], fineAmount: 150000, penaltyContent: '罚款人民币壹拾伍万元整', legalBasis: '《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（六）项' },
    clerk: { violationType: '未按规定贮存危险废物', validity: '长期' },
    then: 'publish',
  },
  {
    org: 'lz',
    actionType: 'coercion',
    kind: 'sealSeizeDecision',
    title: '兰州安宁区某砖厂扣押违法生产设备案',
    party: org('91620100MA0K8J8X7', '兰州安宁黄河砖瓦有限公司', '兰州市安宁区沙井驿村', '何军'),
    fields: { reasonAndBasis: '当事人在禁燃区内使用高污染燃料，依据《中华人民共和国大气污染防治法》第三十八条，扣押燃煤锅炉。', items: ['燃煤锅炉1台'], termDays: 30 },
    then: 'publish',
  },
  {
    org: 'xx',
    actionType: 'penalty',
    kind: 'penaltyDecision',
    title: '湘西州吉首锰业有限公司未批先建案',
    party: org('91433100MA0K8J9Y8', '湘西州吉首锰业有限公司', '吉首市乾州街道工业大道9号', '彭德华'),
    witness: { name: '田娟', idNumber: WITNESS_ID, phone: '18874300000' },
    fields: { penaltyTypes: ['fine'], fineAmount: 50000, penaltyContent: '责令停止建设，罚款人民币伍万元整（项目总投资伍佰万元的百分之一）', legalBasis: '《中华人民共和国环境影响评价法》第三十一条第一款' },
    clerk: { execution: '当事人已停止建设并缴纳罚款' },
    then: 'publish',
  },
  {
    org: 'xx',
    actionType: 'inspection',
    kind: 'inspectionRecord',
    title: '湘西州凤凰县污水处理厂双随机检查',
    party: org('91433123MA0K8JAX9', '凤凰县城市污水处理有限公司', '凤凰县沱江镇南华路1号', '杨光'),
    fields: { findings: '在线监测设施运行正常，出水水质符合排放标准；危险废物台账记录不完整，已当场责令整改。', place: '凤凰县城市污水处理有限公司厂区' },
    clerk: {
      basis: '《中华人民共和国水污染防治法》第三十条；湘西州生态环境局随机抽查事项清单第3项',
      items: '污染防治设施运行、在线监测、危险废物管理',
      spotCheckContent: '出水水质、在线监测数据、危险废物台账',
      problems: '危险废物台账记录不完整',
      rectification: '已当场责令整改，限期10日内完善台账',
      outcome: '责令改正',
    },
    then: 'publish',
  },
];

/** The minor party whose decision is withheld automatically (PUB-5 · SX25-P 19(一)). */
const MINOR_ID17 = '14010520100315001';

/** Days before now each demo case was filed, so the demo reads as a year of work on any date. */
const FILED_DAYS_AGO = [75, 150, 40, 30, 95, 120, 60, 200, 20, 110];

/** What the decision kind waits for in the checklist: the row it satisfies itself. */
const DECISION_ROW: Record<string, string> = {
  penaltyDecision: 'penalty.decision.penaltyDecision',
  sealSeizeDecision: 'measure.investigation.sealSeizeDecision',
  inspectionRecord: 'inspection.investigation.onSite',
};

/**
 * Takes a demo case the lawful way (seed/walk.ts): filed some weeks ago, each
 * stage's records made on later days, the decision issued when the law allows
 * it and served; the publication follows the next day.
 */
async function issue(ctx: AppContext, d: DemoDecision, filedDaysAgo: number, partyOverride?: PartyInput): Promise<{ publication: typeof publications.$inferSelect; walk: CaseWalk }> {
  const prefix = d.org;
  const officer = await demoActor(ctx, `${prefix}_officer1`);
  const officer2 = await demoActor(ctx, `${prefix}_officer2`);
  const head = await demoActor(ctx, `${prefix}_head`);
  const city = d.org === 'xd' ? 'ty' : d.org;
  const reviewer = await demoActor(ctx, `${city}_reviewer`).catch(() => undefined);
  const people = { officer, officer2, head, reviewer, certificates: [await certificateOf(ctx, officer.userId), await certificateOf(ctx, officer2.userId)] as [string, string] };
  const walk = new CaseWalk(ctx, new Date(ctx.clock.now().getTime() - filedDaysAgo * 86_400_000), people);
  const party = await createParty(walk.ctx, officer, partyOverride ?? d.party);
  const measures = d.kind === 'sealSeizeDecision' ? (['seal'] as const) : [];
  const c = await createCase(walk.ctx, officer, { actionType: d.actionType, source: d.actionType === 'inspection' ? 'randomInspection' : 'complaint', title: d.title, partyId: party.id, handlerIds: [officer.userId, officer2.userId], measures: [...measures] });
  walk.caseId = c.id;
  walk.common = {
    partyName: party.name,
    partyAddress: party.address,
    partyCreditCode: party.creditCode ?? undefined,
    partyIdNumber: party.idNumber ?? undefined,
    legalRepresentative: (party.legalRepresentative as { name?: string } | null)?.name ?? '',
    agencyName: officer.agencyName,
    place: party.address,
    legalBasis: d.fields.legalBasis,
    facts: d.fields.facts,
    proposal: d.fields.penaltyContent,
  };
  if (d.actionType === 'penalty' && Array.isArray(d.fields.penaltyTypes)) {
    const fine = typeof d.fields.fineAmount === 'number' ? { fineAmount: d.fields.fineAmount } : {};
    await updateCaseFacts(walk.ctx, officer, c.id, { proposedPenalty: { types: d.fields.penaltyTypes as PenaltyType[], ...fine } });
  }
  await walk.walkTo('investigation');
  let facts = String(d.fields.facts ?? '');
  if (d.witness) {
    await walk.doc('inquiryRecord', { intervieweeName: d.witness.name, intervieweeRole: 'witness', intervieweeIdNumber: d.witness.idNumber, questionsAndAnswers: `问：你看到了什么？答：我看到${party.name}夜间排放。` });
    walk.next();
    facts = `经查，当事人存在上述违法行为。证人${d.witness.name}（身份证号码${d.witness.idNumber}，联系电话${d.witness.phone}）证实了违法事实，并有现场检查笔录、监测报告等证据为证。`;
  }
  const row = DECISION_ROW[d.kind]!;
  const stage = STAGE_REQUIREMENTS.find((r) => r.id === row)!.stage;
  await walk.walkTo(stage);
  const documentId = await walk.decide(d.kind, {
    evidence: ['现场检查笔录', '监测报告', '询问笔录'],
    performanceManner: '自收到本决定书之日起十五日内缴至指定银行',
    performanceDeadline: '十五日',
    reconsiderationBody: '本级人民政府',
    litigationCourt: '所在地基层人民法院',
    remedies: '如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。',
    ...d.fields,
    ...(facts ? { facts } : {}),
  }, { until: row });
  const [p] = await ctx.db.select().from(publications).where(eq(publications.documentId, documentId));
  walk.next();
  return { publication: p!, walk };
}

export async function seedDemoPublications(ctx: AppContext): Promise<void> {
  for (const [i, d] of DECISIONS.entries()) {
    const { publication: p, walk } = await issue(ctx, d, FILED_DAYS_AGO[i]!);
    const at = walk.ctx;
    // SX25-P 9: a city's branches publish through the city's platform.
    const city = d.org === 'xd' ? 'ty' : d.org;
    const clerk = await demoActor(ctx, `${city}_clerk`);
    const approver = await demoActor(ctx, `${city}_approver`);
    if (d.clerk) {
      const view = await getPublication(at, clerk, p.id);
      await savePublication(at, clerk, p.id, { form: view.version.form, fields: { ...view.version.fields, ...d.clerk }, fullText: view.version.fullText, overrides: view.version.overrides, note: '录入员补充公示要素' });
    }
    if (d.then === 'draft') continue;
    await submitPublication(at, clerk, p.id, '');
    await approvePublication(at, approver, p.id, '同意公示');
    if (d.then === 'withdraw') {
      walk.next(3);
      const today = walk.today;
      await requestWithdraw(walk.ctx, clerk, p.id, {
        cause: 'revoked',
        statement: '该行政处罚决定经行政复议被撤销，现撤回原公示信息。',
        changedOn: today,
        changingDecision: { body: '太原市人民政府', number: `并政复决〔${today.slice(0, 4)}〕15号`, date: today, content: '撤销太原市生态环境局作出的行政处罚决定，责令重新作出处理。' },
      });
      await decideWithdraw(walk.ctx, approver, p.id, { approve: true, comment: '同意撤回' });
    }
  }
  // PUB-5: a minor party — withheld without anyone asking.
  const minor: PartyInput = { kind: 'naturalPerson', name: '张小某', idType: 'residentId', idNumber: MINOR_ID17 + idNumberCheckChar(MINOR_ID17), address: '太原市迎泽区某小区' };
  await issue(ctx, { ...DECISIONS[1]!, title: '未成年人露天焚烧垃圾案', fields: { penaltyTypes: ['warning'], fineAmount: undefined, penaltyContent: '警告', legalBasis: '《中华人民共和国大气污染防治法》第一百一十九条第二款', facts: '当事人在禁止区域露天焚烧垃圾。' }, then: 'draft' }, 25, minor);
}
