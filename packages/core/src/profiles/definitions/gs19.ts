/**
 * GS19: 甘肃省生态环境厅 甘环发〔2019〕218号 — 行政执法信息公示实施办法 (GS-P) and
 * 全过程记录实施办法 (GS-R), the most detailed per-action recording rules.
 * GS19 has no legal-review document of its own (GS-P 14 refers to a separate
 * 甘肃省生态环境系统重大行政执法决定法制审核办法 that is not among the sources),
 * so the review limit is left to the agency.
 */
import { av, calendarDays, cite, hours, set, unset, workingDays } from '../spec.js';
import type { ProfileDefinition } from '../types.js';

const P15_EX_POST = cite('GS-P', '15', '生态环境部门事后公开的行政执法信息，要在行政执法决定作出之日起7个工作日内公开。', '第二款');
const R9 = (item: string, text: string) => cite('GS-R', '9', text, item);

export const GS19: ProfileDefinition = {
  id: 'GS19',
  name: '甘肃省生态环境系统行政执法信息公示实施办法、全过程记录实施办法',
  issuer: '甘肃省生态环境厅',
  docNumber: '甘环发〔2019〕218号',
  effective: '2019-09-11',
  effectiveNote: '两个办法均“自公布之日起施行”；通知及印发日期为 2019年9月11日。',
  parent: 'national',
  params: {
    // PUB-2 · GS-P 15: every ex-post item within 7 working days
    'publication.penalty': set(workingDays(7, 'decisionDate'), P15_EX_POST),
    'publication.permit': set(workingDays(7, 'decisionDate'), P15_EX_POST),
    'publication.other': set(workingDays(7, 'decisionDate'), P15_EX_POST, { note: 'GS-P 第十五条对全部事后公开信息统一适用7个工作日。' }),
    // ORG-6 · GS-P 15
    'publication.exAnte': set(
      workingDays(20, 'infoChangeDate'),
      cite('GS-P', '15', '生态环境部门事前公开的行政执法信息，要在信息生成或者变更之日起20个工作日内予以公开。', '第一款'),
    ),
    // PUB-8 · GS-P 16
    'publication.withdrawal': set(
      workingDays(7, 'revocationDate'),
      cite('GS-P', '16', '被变更、撤销或者被确认违法的，应当在7个工作日内将变更、撤销或者确认违法决定的作出机关、文号、日期、内容等相关信息变更公示，并作出必要的说明。'),
    ),
    // PUB-9 · GS-P 17
    'correction.verify': set(
      workingDays(10, 'correctionRequestDate'),
      cite('GS-P', '17', '生态环境部门应当在10个工作日内进行核实。'),
    ),
    'correction.respond': set(
      workingDays(3, 'verificationDate'),
      cite('GS-P', '17', '对公示内容不准确的信息，应当在3个工作日内更正并告知当事人；不予更正的，应当在3个工作日内告知当事人并说明理由和救济途径。'),
    ),
    // REC-14 · GS-R 43
    'av.upload': set(
      hours(24, 'recordingEnd'),
      cite('GS-R', '43', '音像记录制作完成后，行政执法人员应当在24小时内按照要求将信息存储至行政执法信息平台或者本单位指定的存储器，不得自行保存。', '第二款'),
      { note: '连续工作、异地执法或者在水上、边远、交通不便区域执法的，自返回单位之时起算24小时。' },
    ),
    // REC-19 · GS-R 41 (calendar days; the agency's own deadline, so Art 203 roll-over applies)
    archive: set(
      calendarDays(30, 'actionEnd', { rollover: true }),
      cite('GS-R', '41', '在行政执法行为终结之日起30日内（法律、法规、规章有具体要求的，从其规定），应将行政执法过程中形成的文字资料，形成相应案卷……归档、保存。'),
    ),
    // REV-6: not set in GS19 — the agency configures (default as national)
    'review.timeLimit': unset(
      'GS19 未规定法制审核时限（GS-P 第十四条援引的法制审核办法不在本规则依据之内），由机关配置；默认10个工作日，经负责人批准可延长10个工作日。',
      undefined,
      cite('GS-P', '14', '要按照《甘肃省生态环境系统重大行政执法决定法制审核办法》的要求，由政策法规职能部门进行法制审核。'),
    ),
    // REC-6 · GS-R 9, 13, 17, 18, 28, 30, 38, 40
    'av.mandatory': set(
      [
        ...av(R9('（一）', '现场查验、实地核实、调查取证等执法事项'), 'onSiteInspection', 'evidenceCollection'),
        ...av(R9('（二）', '实施环保保全措施、环保强制执行措施'), 'coerciveMeasure', 'enforcement'),
        ...av(R9('（三）', '审查决定环节'), 'reviewDecision'),
        ...av(R9('（四）', '送达执行环节'), 'serviceAndExecution'),
        ...av(R9('（五）', '结案归档情况'), 'archiving'),
        ...av(R9('（六）', '在服务大厅、信访接待室办理的行政执法事项'), 'serviceHall'),
        ...av(R9('（七）', '通知相关人员到生态环境部门进行约谈、询问和相关人员申请的听证等行政执法事项'), 'interview', 'inquiry', 'hearing'),
        ...av(R9('（八）', '与行政相对人或者其他利害关系人容易产生争议的其他现场执法事项'), 'disputeProne'),
        ...av(
          cite('GS-R', '13', '对查封扣押财产、强制拆除等直接涉及人身自由、生命健康、重大财产权益的现场执法活动和执法办案场所，要推行全程音像记录', '第二款'),
          'seal',
          'seize',
          'forcedDemolition',
          'majorRightsOnSite',
        ),
        ...av(cite('GS-R', '28', '作出行政处罚前的告知和听取当事人陈述、申辩、申请回避、申请听证的全过程记录采用文字记录与音像记录相结合的方式。'), 'statementAndDefence'),
        ...av(cite('GS-R', '38', '拒绝签收……采用音像记录等方式记录送达过程。'), 'serviceLeftAtDomicile'),
        ...av(cite('GS-R', '40', '公告送达的……以适当方式进行音像记录。'), 'serviceByPublicNotice'),
      ],
      cite('GS-R', '9'),
    ),
    // REC-7 · GS-R 13 (most of these are already mandatory under GS-R 9; mandatory wins)
    'av.situational': set(
      av(
        cite('GS-R', '13', '对执法现场、调查取证、举行听证、留置送达和公告送达等容易引起争议的行政执法过程，要根据实际情况进行音像记录。', '第二款'),
        'onSiteInspection',
        'evidenceCollection',
        'hearing',
        'serviceLeftAtDomicile',
        'serviceByPublicNotice',
      ),
      cite('GS-R', '13'),
    ),
    // REC-18 · GS-R 43
    'av.retention.evidence': set(
      'withCaseFile',
      cite('GS-R', '43', '音像记录作为稽查案件证据的，保存期限与稽查案卷保存期限相同。', '第三款'),
    ),
    'av.retention.litigationHold': set(
      true,
      cite('GS-R', '43', '行政诉讼案件未结案前，音像记录应同步保存。', '第三款'),
    ),
  },
};
