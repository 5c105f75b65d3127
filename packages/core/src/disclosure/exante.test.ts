import { describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar/index.js';
import { resolveProfile } from '../profiles/resolve.js';
import { PROFILE_IDS, type ProfileId, type ResolvedProfile } from '../profiles/types.js';
import { defaultCatalogue } from '../review/catalogue.js';
import {
  EXANTE_SECTIONS,
  EXANTE_SPECS,
  avItemsContent,
  catalogueContent,
  exAnteDeadline,
  exAnteDueStatus,
  exAnteProblems,
  exAnteTransition,
  externalReviewFor,
  externalReviewProblems,
  formatExAnteProblem,
  formatExAnteValue,
  parseExAnteContent,
  sameApproverProblem,
  type ExAnteContent,
  type ExAnteSection,
} from './exante.js';

const calendar = seedCalendar();
const profiles = Object.fromEntries(PROFILE_IDS.map((id) => [id, resolveProfile(id)])) as Record<ProfileId, ResolvedProfile>;

const randomRow = (over: Record<string, unknown> = {}) => ({
  item: '排污许可证执行情况检查',
  target: '排污许可重点管理单位',
  basis: '《排污许可管理条例》第三十条',
  subject: '太原市生态环境局',
  content: '排污许可证载明事项执行情况',
  method: '现场检查、书面检查',
  ratio: 5,
  frequency: { per: 'quarter', times: 1 },
  ...over,
});

const enterpriseRow = (over: Record<string, unknown> = {}) => ({
  subject: '太原市生态环境局',
  items: '污染物排放情况',
  basis: '《中华人民共和国环境保护法》第二十四条',
  standards: '《大气污染物综合排放标准》（GB 16297）',
  plan: '2026年度涉企行政检查计划',
  frequencyCap: 2,
  discretion: '山西省生态环境行政处罚自由裁量基准',
  ...over,
});

const parsed = (section: ExAnteSection, raw: unknown): ExAnteContent => {
  const r = parseExAnteContent(section, raw);
  expect(r.errors).toEqual([]);
  return r.content;
};
const problemsOf = (section: ExAnteSection, raw: unknown) => exAnteProblems(section, parsed(section, raw)).map(formatExAnteProblem);

describe('ORG-3 · SX25-P 10: the sections of ex-ante information', () => {
  it('ORG-3 · SX25-P 10, GS-P 5: every section named by the rules has a spec, two are generated', () => {
    expect(EXANTE_SECTIONS.map((s) => EXANTE_SPECS[s].label)).toEqual([
      '法律法规规章和行政处罚自由裁量基准',
      '权责清单',
      '执法事项清单',
      '随机抽查事项清单',
      '重大执法决定法制审核目录清单',
      '音像记录事项清单',
      '执法流程图',
      '当事人权利',
      '监督投诉渠道',
      '服务窗口事项',
      '涉企行政检查公示专栏',
    ]);
    expect(EXANTE_SECTIONS.filter((s) => EXANTE_SPECS[s].source === 'generated')).toEqual(['reviewCatalogue', 'avItems']);
  });

  it('ORG-3 · SX25-P 10(一): a legal-basis list needs at least one entry with name, category and issuer', () => {
    expect(problemsOf('legalBases', { rows: [] })).toEqual(['“法律法规规章和行政处罚自由裁量基准”：至少填写1条依据']);
    expect(problemsOf('legalBases', { rows: [{ name: '《中华人民共和国环境保护法》', category: '法律', issuer: '全国人民代表大会常务委员会' }] })).toEqual([]);
    expect(problemsOf('legalBases', { rows: [{ name: '《山西省环境保护条例》', category: '条例', issuer: '' }] })).toEqual([
      expect.stringMatching(/^第1条“类别”：应为法律、行政法规/),
      '第1条“制定机关”：未填写',
    ]);
  });

  it('ORG-3 · GS-P 5(六): the parties\' rights name 陈述, 申辩, 听证, 复议 and 诉讼', () => {
    expect(EXANTE_SPECS.rights.fields!.map((x) => x.label)).toEqual(['陈述权', '申辩权', '听证权', '申请行政复议', '提起行政诉讼']);
    expect(problemsOf('rights', { fields: { statement: '有权陈述', defence: '有权申辩', hearing: '有权要求听证' } })).toEqual(['“申请行政复议”：未填写', '“提起行政诉讼”：未填写']);
  });

  it('ORG-3 · GS-P 5(七): complaint channels with department, post code, phone, mailbox and the feedback procedure', () => {
    const channel = { department: '太原市生态环境局法规科', address: '太原市杏花岭区示例路1号', postcode: '030000', phone: '0351-12369', email: 'jubao@example.gov.cn' };
    expect(problemsOf('supervision', { rows: [channel], fields: { feedbackProcedure: '受理后15个工作日内答复' } })).toEqual([]);
    expect(problemsOf('supervision', { rows: [{ ...channel, postcode: '03000', phone: '电话', email: 'jubao' }] })).toEqual([
      '第1条“邮政编码”：应为6位数字',
      '第1条“电话”：不是有效的电话号码',
      '第1条“电子邮箱”：不是有效的电子邮箱',
      '“反馈程序”：未填写',
    ]);
    expect(problemsOf('supervision', { rows: [{ ...channel, phone: '12369' }], fields: { feedbackProcedure: '及时答复' } })).toEqual([]);
  });

  it('ORG-3 · SX25-P 10(四): a procedure has at least two steps, time limits and remedies', () => {
    const proc = { name: '行政处罚一般程序', category: '行政处罚', steps: ['立案', '  ', '调查取证'], timeLimits: '自立案之日起90日内作出处罚决定', remedies: '60日内申请行政复议或者6个月内提起行政诉讼' };
    const content = parsed('procedures', { rows: [proc] });
    expect(content.rows![0]!.steps).toEqual(['立案', '调查取证']); // blank lines dropped
    expect(exAnteProblems('procedures', content)).toEqual([]);
    expect(problemsOf('procedures', { rows: [{ ...proc, steps: ['立案'] }] })).toEqual(['第1条“办理步骤”：至少填写2项']);
  });

  it('ORG-5 · SX25-P 13: a service item names basis, bodies, conditions, materials, flow, time limit, forms, consultation, complaints and status query', () => {
    const required = EXANTE_SPECS.serviceItems.rows!.filter((x) => x.required).map((x) => x.label);
    expect(required).toEqual(['事项名称', '设定依据', '受理机构', '审批机构', '受理条件', '申请材料清单', '办理流程', '办理时限', '表格下载方式', '咨询渠道', '投诉举报', '状态查询']);
    expect(problemsOf('serviceItems', { rows: [{ name: '建设项目环境影响报告书审批' }] })).toHaveLength(required.length - 1);
  });
});

describe('INS-1 · MEE19 一(一)1(5): random-inspection items', () => {
  it('INS-1 · GS-P 5(五): basis, subject, content, method, ratio and frequency are all required', () => {
    expect(EXANTE_SPECS.randomInspections.rows!.filter((x) => x.required).map((x) => x.label)).toEqual(
      expect.arrayContaining(['抽查依据', '抽查主体', '抽查内容', '抽查方式', '抽查比例', '抽查频次']),
    );
    expect(problemsOf('randomInspections', { rows: [randomRow()] })).toEqual([]);
    expect(problemsOf('randomInspections', { rows: [randomRow({ method: '', frequency: undefined })] })).toEqual(['第1条“抽查方式”：未填写', '第1条“抽查频次”：未填写']);
  });

  it('INS-1 · MEE19 一(一)1(5): the ratio is more than 0 and at most 100 %', () => {
    const ratio = (r: number) => problemsOf('randomInspections', { rows: [randomRow({ ratio: r })] });
    expect(ratio(100)).toEqual([]);
    expect(ratio(2.5)).toEqual([]);
    expect(ratio(0)).toEqual(['第1条“抽查比例”：应大于0且不超过100%']);
    expect(ratio(150)).toEqual(['第1条“抽查比例”：应大于0且不超过100%']);
    expect(ratio(-5)).toEqual(['第1条“抽查比例”：应大于0且不超过100%']);
  });

  it('INS-1: the frequency is a whole number of times per year, half-year, quarter or month', () => {
    expect(problemsOf('randomInspections', { rows: [randomRow({ frequency: { per: 'year', times: 0 } })] })).toEqual(['第1条“抽查频次”：次数应为1至365之间的整数']);
    expect(parseExAnteContent('randomInspections', { rows: [randomRow({ frequency: { per: 'week', times: 1 } })] }).errors).toEqual(['第1条“抽查频次”的周期应为每年、每半年、每季度或每月']);
    expect(formatExAnteValue(EXANTE_SPECS.randomInspections.rows!.find((x) => x.key === 'frequency')!, { per: 'quarter', times: 1 })).toBe('每季度1次');
    expect(formatExAnteValue(EXANTE_SPECS.randomInspections.rows!.find((x) => x.key === 'ratio')!, 5)).toBe('5%');
  });

  it('INS-1: a value of the wrong kind cannot be stored (text where a number belongs)', () => {
    const r = parseExAnteContent('randomInspections', { rows: [randomRow({ ratio: '5%' })] });
    expect(r.errors).toEqual(['第1条“抽查比例”应为数字']);
  });
});

describe('ORG-4 · SX25-P 10: the 涉企行政检查公示专栏', () => {
  it('ORG-4 · SX25-P 10 ¶2: subject, items, basis, standards, plan, frequency cap and discretion benchmark', () => {
    expect(EXANTE_SPECS.enterpriseInspections.rows!.map((x) => x.label)).toEqual(['检查主体', '检查事项', '检查依据', '检查标准', '检查计划', '频次上限', '裁量基准']);
    expect(problemsOf('enterpriseInspections', { rows: [enterpriseRow()] })).toEqual([]);
  });

  it('INS-3 · SX25-P 10: the frequency cap is a positive integer', () => {
    const cap = (v: unknown) => problemsOf('enterpriseInspections', { rows: [enterpriseRow({ frequencyCap: v })] });
    expect(cap(1)).toEqual([]);
    expect(cap(0)).toEqual(['第1条“频次上限”：应为正整数']);
    expect(cap(-2)).toEqual(['第1条“频次上限”：应为正整数']);
    expect(cap(1.5)).toEqual(['第1条“频次上限”：应为正整数']);
    expect(cap(400)).toEqual(['第1条“频次上限”：不能超过365']);
    expect(cap(undefined)).toEqual(['第1条“频次上限”：未填写']);
    expect(formatExAnteValue(EXANTE_SPECS.enterpriseInspections.rows!.find((x) => x.key === 'frequencyCap')!, 2)).toBe('每户企业每年不超过2次');
  });
});

describe('content parsing', () => {
  it('unknown keys are dropped, text trimmed, empty rows removed', () => {
    const r = parseExAnteContent('legalBases', { rows: [{ name: ' 《大气污染防治法》 ', category: '法律', issuer: '全国人大常委会', secret: 'x' }, {}], extra: 1, note: '  说明 ' });
    expect(r).toEqual({ errors: [], content: { rows: [{ name: '《大气污染防治法》', category: '法律', issuer: '全国人大常委会' }], note: '说明' } });
  });

  it('a generated section cannot be entered', () => {
    expect(parseExAnteContent('reviewCatalogue', { rows: [] }).errors).toEqual(['“重大执法决定法制审核目录清单”由系统生成，不能录入']);
    expect(parseExAnteContent('legalBases', []).errors).toEqual(['内容应为对象']);
  });
});

describe('ORG-8 · XX-P 12, GS-P 13-14: clerk enters, another person approves', () => {
  it('ORG-8 · GS-P 13: save → submit → approve or return; a published section takes a new draft beside it', () => {
    expect(exAnteTransition(null, 'save')).toEqual({ ok: true, to: 'draft' });
    expect(exAnteTransition('draft', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(exAnteTransition('submitted', 'approve')).toEqual({ ok: true, to: 'published' });
    expect(exAnteTransition('submitted', 'return')).toEqual({ ok: true, to: 'returned' });
    expect(exAnteTransition('returned', 'save')).toEqual({ ok: true, to: 'draft' });
    expect(exAnteTransition('published', 'save')).toEqual({ ok: true, to: 'draft' });
    expect(exAnteTransition('submitted', 'save')).toEqual({ ok: false, reason: '“待审核”状态下不能保存' });
    expect(exAnteTransition('published', 'approve')).toEqual({ ok: false, reason: '“已公开”状态下不能审核通过并公开' });
    expect(exAnteTransition(null, 'submit')).toEqual({ ok: false, reason: '尚未录入时不能提交审核' });
  });

  it('ORG-8 · GS-P 14: the approver is not the clerk who entered or submitted the version', () => {
    expect(sameApproverProblem('a', { createdBy: 'c', submittedBy: 'c' })).toBeNull();
    expect(sameApproverProblem('c', { createdBy: 'c', submittedBy: 'x' })).toMatch(/录入人员不能审核本人/);
    expect(sameApproverProblem('x', { createdBy: 'c', submittedBy: 'x' })).toMatch(/GS-P 第十三条/);
  });

  it('ORG-8 · GS-P 14 ¶2-3: under GS19 the 执法事项清单 is reviewed by the legal office and the 随机抽查事项清单 approved by the higher department', () => {
    expect(externalReviewFor('enforcementItems', profiles.GS19)).toMatchObject({ reviewer: '本级政府法制机构', basis: 'GS-P 第十四条第二款' });
    expect(externalReviewFor('randomInspections', profiles.GS19)).toMatchObject({ reviewer: '上级业务主管部门', basis: 'GS-P 第十四条第三款' });
    for (const id of ['national', 'SX25', 'SX19', 'XX19'] as const) expect(externalReviewFor('enforcementItems', profiles[id])).toBeNull();
    expect(externalReviewFor('legalBases', profiles.GS19)).toBeNull();
    const rule = externalReviewFor('enforcementItems', profiles.GS19);
    expect(externalReviewProblems(rule, null, '2026-03-02')).toEqual(['执法事项清单对外公示前报本级政府法制机构审核（GS-P 第十四条第二款），请填写审核（审定）机关和日期']);
    expect(externalReviewProblems(rule, { body: '兰州市司法局', on: '2026-03-05' }, '2026-03-02')).toEqual(['审核（审定）日期不能晚于今天']);
    expect(externalReviewProblems(rule, { body: '兰州市司法局', on: '2026-02-27', reference: '兰司审〔2026〕3号' }, '2026-03-02')).toEqual([]);
    expect(externalReviewProblems(null, null, '2026-03-02')).toEqual([]);
  });
});

describe('ORG-6 · GS-P 15: ex-ante information is published within 20 working days of a change', () => {
  const DUE: Record<ProfileId, string | null> = { national: null, SX25: null, SX19: null, GS19: '2026-03-30', XX19: null };
  for (const id of PROFILE_IDS) {
    it(`ORG-6 · ${id === 'GS19' ? 'GS-P 第十五条' : `${id} sets no limit`}: changed 2026-03-02 under ${id} → ${DUE[id] ?? 'no limit'}`, () => {
      const d = exAnteDeadline({ calendar, profile: profiles[id], changedOn: '2026-03-02' });
      expect(d.publishBy).toBe(DUE[id]);
      expect(d.basis).toBe(id === 'GS19' ? 'GS-P 第十五条第一款' : null);
    });
  }

  it('ORG-6 · GS-P 15: the National Day holiday is skipped (NAT-2)', () => {
    // Fri 2026-09-18 + 20 WD: 21–24 (4), Sun 27 is off, 28–30 (3) → 7; Oct 1–7 off, Sat 10 worked …
    expect(exAnteDeadline({ calendar, profile: profiles.GS19, changedOn: '2026-09-18' }).publishBy).toBe(calendar.addWorkingDays('2026-09-18', 20));
    expect(calendar.addWorkingDays('2026-09-18', 20) > '2026-10-16').toBe(true);
  });

  it('ORG-6 · GS-P 15 · NAT-21: a limit that runs into a year without the notice is counted from the statutory holidays and marked provisional', () => {
    // 20 working days from Sunday 2026-12-20: Dec 21–25 (5), Dec 28–31 (4) = 9;
    // 2027-01-01 (Fri) 元旦 is a statutory day off; Jan 4–8 (14), Jan 11–15 (19), Mon Jan 18 = 20.
    const d = exAnteDeadline({ calendar, profile: profiles.GS19, changedOn: '2026-12-20' });
    expect(d.publishBy).toBe('2027-01-18');
    expect(d.provisional).toBe(true);
    expect(d.provisionalYears).toEqual([2027]);
    expect(d.note).toContain('2027年');
  });

  it('ORG-6: an agency override sets a limit where the profile has none', () => {
    const agency = resolveProfile('SX25', { 'publication.exAnte': { value: { kind: 'span', period: { unit: 'workingDays', amount: 10 }, anchor: 'infoChangeDate', direction: 'after', extensions: [], rollover: false } } });
    expect(exAnteDeadline({ calendar, profile: agency, changedOn: '2026-03-02' }).publishBy).toBe('2026-03-16');
  });

  it('ORG-6: due status — onTime, dueSoon, overdue; once online, on time or late', () => {
    const s = (today: string, publishedOn: string | null = null, publishBy: string | null = '2026-03-30') => exAnteDueStatus({ calendar, today, publishBy, publishedOn });
    expect(s('2026-03-02')).toBe('onTime');
    expect(s('2026-03-25')).toBe('dueSoon');
    expect(s('2026-03-30')).toBe('dueSoon');
    expect(s('2026-03-31')).toBe('overdue');
    expect(s('2026-03-31', '2026-03-30')).toBe('publishedOnTime');
    expect(s('2026-04-02', '2026-04-01')).toBe('publishedLate');
    expect(s('2026-04-02', null, null)).toBe('none');
    expect(s('2026-04-02', '2026-04-01', null)).toBe('published');
  });
});

describe('generated sections', () => {
  it('REC-6 · SX25-R 12: the 音像记录事项清单 lists the mandatory measures first, then the situational ones', () => {
    const c = avItemsContent(profiles.SX25);
    const seal = c.rows!.find((r) => r.activity === '查封场所、设施或者财物');
    expect(seal).toMatchObject({ requirement: '应当进行音像记录', basis: expect.stringContaining('SX25-R 第十二条') });
    const firstSituational = c.rows!.findIndex((r) => String(r.requirement).startsWith('根据实际情况'));
    expect(firstSituational).toBeGreaterThan(0);
    expect(c.rows!.slice(firstSituational).every((r) => String(r.requirement).startsWith('根据实际情况'))).toBe(true);
  });

  it('REC-6 · GS-R 9: on-site inspection is mandatory under GS19 and listed once', () => {
    const rows = avItemsContent(profiles.GS19).rows!.filter((r) => r.activity === '现场检查（现场查验、实地核实）');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.requirement).toBe('应当进行音像记录');
  });

  it('REV-2 · SX19-L 9: the 审核目录清单 rows come from the catalogue in force', () => {
    const cat = defaultCatalogue(profiles.SX19);
    const c = catalogueContent(cat);
    expect(c.rows).toHaveLength(cat.items.length);
    expect(c.rows![0]).toEqual({ criterion: expect.any(String), label: cat.items[0]!.label, basis: cat.items[0]!.basis });
  });
});
