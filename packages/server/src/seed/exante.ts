/**
 * Demo ex-ante information (事前公开, ORG-3..ORG-8): every entered section of
 * 太原市局, 小店分局 (through the city's disclosure staff, SX25-P 9), 兰州市局
 * and 湘西州局, entered by the clerk and approved by the approver through the
 * real use cases. Two changes are left in progress to show the workflow: a
 * new service item of 太原 awaits approval, and a draft change of 兰州's legal
 * bases runs against the GS-P 15 limit (ORG-6).
 */
import { demoActor } from './actors.js';
import type { ExAnteContent, ExAnteRow, ExAnteSection } from '@sanxiang/core/disclosure/exante.js';
import type { AppContext } from '../context.js';
import { agencies } from '../db/schema.js';
import { chinaDate } from '../lib/time.js';
import { approveExAnteSection, saveExAnteDraft, submitExAnteSection } from '../usecases/exante.js';

interface Place {
  name: string;
  /** 山西, 甘肃, 湖南 */
  province: string;
  address: string;
  postcode: string;
  phone: string;
  mailbox: string;
  /** Whether the agency approves environmental impact reports itself (city bureaus). */
  city: boolean;
  /** INS-3: the province's yearly cap of routine inspections per enterprise. */
  cap: number;
  /** The local disclosure rules (规范性文件), when published with the first version. */
  normative?: { name: string; issuer: string; docNumber: string };
}

const NATIONAL_LAWS: ExAnteRow[] = [
  { name: '《中华人民共和国环境保护法》', category: '法律', issuer: '全国人民代表大会常务委员会', effectiveOn: '2015-01-01' },
  { name: '《中华人民共和国大气污染防治法》', category: '法律', issuer: '全国人民代表大会常务委员会', effectiveOn: '2016-01-01' },
  { name: '《中华人民共和国水污染防治法》', category: '法律', issuer: '全国人民代表大会常务委员会', effectiveOn: '2018-01-01' },
  { name: '《中华人民共和国固体废物污染环境防治法》', category: '法律', issuer: '全国人民代表大会常务委员会', effectiveOn: '2020-09-01' },
  { name: '《中华人民共和国土壤污染防治法》', category: '法律', issuer: '全国人民代表大会常务委员会', effectiveOn: '2019-01-01' },
  { name: '《中华人民共和国环境影响评价法》', category: '法律', issuer: '全国人民代表大会常务委员会' },
  { name: '《中华人民共和国行政处罚法》', category: '法律', issuer: '全国人民代表大会常务委员会', effectiveOn: '2021-07-15' },
  { name: '《中华人民共和国行政强制法》', category: '法律', issuer: '全国人民代表大会常务委员会', effectiveOn: '2012-01-01' },
  { name: '《排污许可管理条例》', category: '行政法规', issuer: '国务院', docNumber: '国务院令第736号', effectiveOn: '2021-03-01' },
  { name: '《建设项目环境保护管理条例》', category: '行政法规', issuer: '国务院' },
  { name: '《生态环境行政处罚办法》', category: '部门规章', issuer: '生态环境部', docNumber: '生态环境部令第30号', effectiveOn: '2023-07-01' },
];

function legalBases(p: Place): ExAnteContent {
  return {
    rows: [
      ...NATIONAL_LAWS,
      { name: `《${p.province}省环境保护条例》`, category: '地方性法规', issuer: `${p.province}省人民代表大会常务委员会` },
      { name: `${p.province}省生态环境行政处罚自由裁量基准`, category: '行政处罚自由裁量基准', issuer: `${p.province}省生态环境厅` },
      ...(p.normative ? [{ ...p.normative, category: '规范性文件' }] : []),
    ],
    note: '法律、法规、规章立改废释或者机构职能调整的，本清单随之更新。',
  };
}

const DUTY = '立案责任、调查取证责任、审查决定责任、告知责任、送达执行责任、事后监管责任及其他法律法规规章规定应履行的责任。';
const ACCOUNT = '因不履行或者不正确履行行政职责，有下列情形的，依法追究责任：不依法履行职责的；无法定依据或者违反法定程序实施的；擅自改变处罚种类、幅度的；其他违反法律法规规章规定的行为。';

function powers(p: Place): ExAnteContent {
  return {
    rows: [
      { name: '对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的行政处罚', category: '行政处罚', basis: '《中华人民共和国大气污染防治法》第九十九条', responsibility: DUTY, accountability: ACCOUNT },
      { name: '对利用渗井、渗坑、裂隙、溶洞等逃避监管的方式排放水污染物的行政处罚', category: '行政处罚', basis: '《中华人民共和国水污染防治法》第八十三条', responsibility: DUTY, accountability: ACCOUNT },
      { name: '对违法排放污染物造成或者可能造成严重污染的设施、设备的查封、扣押', category: '行政强制', basis: '《中华人民共和国环境保护法》第二十五条', responsibility: DUTY, accountability: ACCOUNT },
      { name: '对排放污染物的企业事业单位和其他生产经营者的现场检查', category: '行政检查', basis: '《中华人民共和国环境保护法》第二十四条', responsibility: '制定检查计划、随机抽取检查对象和执法人员、实施检查、告知检查结果、公开抽查结果。', accountability: ACCOUNT },
      ...(p.city ? [{ name: '建设项目环境影响报告书、报告表审批', category: '行政许可', basis: '《中华人民共和国环境影响评价法》第二十二条', responsibility: '受理、审查、决定、送达、事后监管。', accountability: ACCOUNT }] : []),
    ],
  };
}

function enforcementItems(p: Place): ExAnteContent {
  return {
    rows: [
      { name: '超标排放大气污染物的行政处罚', category: '行政处罚', basis: '《中华人民共和国大气污染防治法》第九十九条', subject: p.name },
      { name: '未依法取得排污许可证排放污染物的行政处罚', category: '行政处罚', basis: '《排污许可管理条例》第三十三条', subject: p.name },
      { name: '违法排放污染物造成或者可能造成严重污染的查封、扣押', category: '行政强制', basis: '《中华人民共和国环境保护法》第二十五条', subject: p.name },
      { name: '排污单位现场检查', category: '行政检查', basis: '《中华人民共和国环境保护法》第二十四条', subject: p.name },
      ...(p.city ? [{ name: '建设项目环境影响报告书、报告表审批', category: '行政许可', basis: '《中华人民共和国环境影响评价法》第二十二条', subject: p.name }] : []),
    ],
  };
}

function randomInspections(p: Place): ExAnteContent {
  return {
    rows: [
      { item: '排污许可证执行情况检查', target: '重点排污单位', basis: '《排污许可管理条例》第三十条', subject: p.name, content: '排污许可证载明事项落实情况，自行监测和执行报告情况，污染防治设施运行情况', method: '现场检查、书面检查、在线监控核查', ratio: 5, frequency: { per: 'quarter', times: 1 } },
      { item: '一般排污单位污染物排放检查', target: '一般排污单位', basis: '《中华人民共和国环境保护法》第二十四条', subject: p.name, content: '污染物排放情况，污染防治设施建设和运行情况', method: '现场检查', ratio: 10, frequency: { per: 'year', times: 1 } },
      { item: '建设项目环境保护“三同时”检查', target: '在建和已建成投产的建设项目', basis: '《建设项目环境保护管理条例》第十九条', subject: p.name, content: '环境保护设施与主体工程同时设计、同时施工、同时投产使用情况，竣工环境保护验收情况', method: '现场检查、资料核查', ratio: 5, frequency: { per: 'year', times: 1 } },
    ],
    note: '检查对象和执法检查人员从名录库中随机抽取，抽查结果在检查完成之日起20个工作日内向社会公开。',
  };
}

function procedures(): ExAnteContent {
  const remedies = '当事人对行政执法决定不服的，可以自知道该决定之日起六十日内依法申请行政复议，或者自知道或者应当知道作出该决定之日起六个月内依法向人民法院提起行政诉讼。';
  return {
    rows: [
      {
        name: '行政处罚一般程序',
        category: '行政处罚',
        steps: ['立案', '调查取证（执法人员不少于两人，出示执法证件）', '案件审查', '告知拟作出的行政处罚内容及事实、理由、依据，告知陈述、申辩、听证权利', '重大执法决定法制审核、集体讨论', '作出行政处罚决定', '送达', '执行', '结案归档'],
        timeLimits: '自发现涉嫌违法行为之日起十五日内决定是否立案，经批准可延长十五日；自立案之日起九十日内作出处罚决定，经批准可延长；行政处罚决定书在宣告后当场交付，当事人不在场的，七日内送达。',
        remedies,
      },
      {
        name: '查封、扣押程序',
        category: '行政强制',
        steps: ['报机关负责人批准', '通知当事人到场', '出示执法证件，告知查封、扣押的理由、依据和当事人依法享有的权利、救济途径', '听取当事人的陈述和申辩', '制作现场笔录和查封、扣押清单，全程音像记录', '送达查封、扣押决定书'],
        timeLimits: '查封、扣押的期限不得超过三十日；情况复杂的，经机关负责人批准可以延长，但延长期限不得超过三十日。',
        remedies,
      },
      {
        name: '行政检查程序',
        category: '行政检查',
        steps: ['制定检查计划，随机抽取检查对象和执法检查人员', '出示执法证件、表明身份', '现场检查并制作现场检查笔录', '告知检查对象检查情况', '公开抽查检查结果'],
        timeLimits: '检查结果在检查完成之日起二十个工作日内公开；需要检验、检测、技术鉴定的，收到结果后及时告知。',
        remedies,
      },
    ],
  };
}

const RIGHTS: ExAnteContent = {
  fields: {
    statement: '当事人有权就行政执法机关认定的事实、理由和依据进行陈述，行政执法机关应当充分听取并记录。',
    defence: '当事人有权进行申辩；行政执法机关不得因当事人陈述、申辩而给予更重的处罚。',
    hearing: '拟作出较大数额罚款、没收较大数额违法所得或非法财物、降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业等处罚的，当事人有权在被告知后五个工作日内要求听证。',
    reconsideration: '当事人对行政执法决定不服的，可以自知道该决定之日起六十日内依法申请行政复议。',
    litigation: '当事人对行政执法决定不服的，可以自知道或者应当知道作出该决定之日起六个月内依法向人民法院提起行政诉讼。',
  },
};

function supervision(p: Place): ExAnteContent {
  return {
    rows: [
      { department: `${p.name}法规科`, address: p.address, postcode: p.postcode, phone: p.phone, email: p.mailbox },
      { department: '生态环境投诉举报热线', address: p.address, postcode: p.postcode, phone: '12369', email: p.mailbox },
    ],
    fields: {
      conditions: '对本机关及其执法人员的行政执法行为有异议，或者举报生态环境违法行为的，均可提出；请写明被投诉举报对象、具体事实和联系方式。',
      feedbackProcedure: '收到投诉举报后登记受理，十五个工作日内办理完毕并将结果告知投诉举报人；情况复杂的，经批准可适当延长并告知延长理由。',
    },
  };
}

function serviceItems(p: Place, extra = false): ExAnteContent {
  const eia = {
    name: '建设项目环境影响报告表审批',
    basis: '《中华人民共和国环境影响评价法》第二十二条；《建设项目环境保护管理条例》第九条',
    acceptingBody: `${p.name}政务服务窗口`,
    approvingBody: p.name,
    conditions: '建设项目符合生态环境保护法律法规和相关法定规划，符合生态环境分区管控要求；环境影响报告表编制规范。',
    materials: ['建设项目环境影响报告表审批申请', '建设项目环境影响报告表（全本）', '删除涉及国家秘密、商业秘密内容的说明（如有）'],
    flow: '申请 → 受理 → 审查（技术评估） → 决定 → 送达',
    timeLimit: '自受理之日起十五个工作日内作出审批决定（技术评估、公示时间不计入）',
    forms: '申请表可在本机关门户网站“办事指南”栏目下载，或在政务服务窗口领取',
    consultation: `政务服务窗口现场咨询或电话 ${p.phone}`,
    complaints: `投诉举报电话 12369；电子邮箱 ${p.mailbox}`,
    statusQuery: '登录政务服务网凭受理编号查询办理进度',
    certificate: '审批决定可现场领取或邮寄送达',
    fees: '不收费',
  };
  const permit = {
    name: '排污许可证核发',
    basis: '《排污许可管理条例》第六条',
    acceptingBody: `${p.name}政务服务窗口`,
    approvingBody: p.name,
    conditions: '依法取得建设项目环境影响评价文件审批意见或者按照规定完成备案；污染防治设施、污染物排放浓度和排放量符合国家和地方规定。',
    materials: ['排污许可证申请表', '自行监测方案', '由排污单位法定代表人或者主要负责人签字或者盖章的承诺书'],
    flow: '全国排污许可证管理信息平台申请 → 受理 → 审查 → 决定 → 发证',
    timeLimit: '自受理之日起二十日内作出决定（实行重点管理的需进行现场核查的三十日）',
    forms: '全国排污许可证管理信息平台在线填报',
    consultation: `政务服务窗口现场咨询或电话 ${p.phone}`,
    complaints: `投诉举报电话 12369；电子邮箱 ${p.mailbox}`,
    statusQuery: '全国排污许可证管理信息平台查询',
  };
  return { rows: extra ? [eia, permit] : [eia] };
}

function enterpriseInspections(p: Place): ExAnteContent {
  return {
    rows: [
      {
        subject: p.name,
        items: '污染物排放情况；污染防治设施运行情况；排污许可证执行情况；环境风险防范措施落实情况',
        basis: '《中华人民共和国环境保护法》第二十四条；《排污许可管理条例》第三十条',
        standards: '国家和地方污染物排放标准；排污许可证载明的许可事项和管理要求',
        plan: '按年度“双随机、一公开”抽查计划实施，重点排污单位按季度抽查；对信访投诉、上级交办等线索及时核查',
        frequencyCap: p.cap,
        discretion: `${p.province}省生态环境行政处罚自由裁量基准`,
      },
      {
        subject: p.name,
        items: '建设项目环境影响评价和“三同时”制度执行情况',
        basis: '《中华人民共和国环境影响评价法》；《建设项目环境保护管理条例》第十九条',
        standards: '环境影响评价文件及其批复要求',
        plan: '结合建设项目竣工环境保护验收情况，每年组织一次专项检查',
        frequencyCap: 1,
        discretion: `${p.province}省生态环境行政处罚自由裁量基准`,
      },
    ],
    note: '投诉举报核查、上级交办和重大环境风险处置等非例行检查不受频次上限限制。',
  };
}

function allSections(p: Place): [ExAnteSection, ExAnteContent][] {
  return [
    ['legalBases', legalBases(p)],
    ['powers', powers(p)],
    ['enforcementItems', enforcementItems(p)],
    ['randomInspections', randomInspections(p)],
    ['procedures', procedures()],
    ['rights', RIGHTS],
    ['supervision', supervision(p)],
    ['serviceItems', serviceItems(p)],
    ['enterpriseInspections', enterpriseInspections(p)],
  ];
}

const SX25_P = { name: '《生态环境系统行政执法公示办法》', issuer: '山西省生态环境厅', docNumber: '晋环规〔2025〕5号' };
const XX_P = { name: '《全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度》（试行）', issuer: '湘西州生态环境局', docNumber: '' };
const GS_P = { name: '《甘肃省生态环境系统行政执法信息公示实施办法》', issuer: '甘肃省生态环境厅', docNumber: '甘环发〔2019〕218号' };

/** GS-P 14 ¶2-3: the outside review the 兰州 approver records for the two lists. */
const GS_OUTSIDE: Partial<Record<ExAnteSection, { body: string; reference: string }>> = {
  enforcementItems: { body: '兰州市司法局', reference: '兰司法审〔2026〕1号' },
  randomInspections: { body: '甘肃省生态环境厅', reference: '甘环执法函〔2026〕1号' },
};

export async function seedDemoExAnte(ctx: AppContext): Promise<void> {
  const today = chinaDate(ctx.clock.now());
  const byName = new Map((await ctx.db.select().from(agencies)).map((a) => [a.name, a]));
  const plan: { agency: string; staff: string; place: Omit<Place, 'name' | 'address' | 'postcode' | 'phone'> }[] = [
    { agency: '太原市生态环境局', staff: 'ty', place: { province: '山西', mailbox: 'jubao@ty.example.gov.cn', city: true, cap: 2, normative: SX25_P } },
    { agency: '太原市生态环境局小店分局', staff: 'ty', place: { province: '山西', mailbox: 'jubao@xd.example.gov.cn', city: false, cap: 2, normative: SX25_P } },
    { agency: '兰州市生态环境局', staff: 'lz', place: { province: '甘肃', mailbox: 'jubao@lz.example.gov.cn', city: true, cap: 3 } },
    { agency: '湘西州生态环境局', staff: 'xx', place: { province: '湖南', mailbox: 'jubao@xx.example.gov.cn', city: true, cap: 2, normative: XX_P } },
  ];
  for (const step of plan) {
    const agency = byName.get(step.agency);
    if (!agency) continue;
    const clerk = await demoActor(ctx, `${step.staff}_clerk`);
    const approver = await demoActor(ctx, `${step.staff}_approver`);
    const place: Place = { name: agency.name, address: agency.address, postcode: agency.postcode, phone: agency.phone, ...step.place };
    for (const [section, content] of allSections(place)) {
      await saveExAnteDraft(ctx, clerk, agency.id, section, { content, changedOn: today });
      await submitExAnteSection(ctx, clerk, agency.id, section);
      const outside = step.staff === 'lz' ? GS_OUTSIDE[section] : undefined;
      await approveExAnteSection(ctx, approver, agency.id, section, { comment: '经审核，同意公开。', ...(outside ? { externalReview: { ...outside, on: today } } : {}) });
    }
    if (step.agency === '太原市生态环境局') {
      // A new service item, submitted and awaiting the approver (ORG-8).
      await saveExAnteDraft(ctx, clerk, agency.id, 'serviceItems', { content: serviceItems(place, true), note: '新增排污许可证核发事项' });
      await submitExAnteSection(ctx, clerk, agency.id, 'serviceItems', '新增排污许可证核发事项，请审核。');
    }
    if (step.agency === '兰州市生态环境局') {
      // A change in progress: ORG-6 · GS-P 15 gives it 20 working days from the change.
      await saveExAnteDraft(ctx, clerk, agency.id, 'legalBases', { content: legalBases({ ...place, normative: GS_P }), changedOn: today, note: '补充本省行政执法信息公示实施办法' });
    }
  }
}
