/**
 * SX19: 山西省人民政府办公厅 晋政办发〔2019〕55号 — province-wide 公示办法 (SX19-P),
 * 全过程记录办法 (SX19-R) and 重大行政执法决定法制审核办法 (SX19-L).
 */
import { av, cite, set, workingDays } from '../spec.js';
import type { ProfileDefinition } from '../types.js';

const P13 = cite(
  'SX19-P',
  '13',
  '行政执法决定信息应当在执法决定作出之日起20个工作日内公开。行政许可、行政处罚的执法决定信息应当在执法决定作出之日起7个工作日内公开。',
);

export const SX19: ProfileDefinition = {
  id: 'SX19',
  name: '山西省行政执法公示、全过程记录和重大行政执法决定法制审核办法',
  issuer: '山西省人民政府办公厅',
  docNumber: '晋政办发〔2019〕55号',
  effective: '2019-07-16',
  effectiveNote: '三个办法均“自印发之日起施行”，印发日期 2019年7月16日（成文日期 7月13日）。',
  parent: 'national',
  params: {
    // PUB-2 · SX19-P 13
    'publication.penalty': set(workingDays(7, 'decisionDate'), P13),
    'publication.permit': set(workingDays(7, 'decisionDate'), P13),
    'publication.other': set(workingDays(20, 'decisionDate'), P13),
    // PUB-8 · SX19-P 17 says only "及时" (promptly): counted as the national
    // 3 working days of 行政处罚法 Art 48 (NAT-9), the article that gives a number.
    'publication.withdrawal': set(
      workingDays(3, 'revocationDate'),
      cite('APL', '48', '行政机关应当在三日内撤回行政处罚决定信息并公开说明理由。'),
      {
        related: [
          cite('SX19-P', '17', '行政执法机关应当及时更新……生效行政复议决定或行政诉讼裁判文书变更、撤销行政执法行为，或确认行政执法行为违法或无效的。'),
        ],
        note: 'SX19-P 第十七条只要求“及时”，未定天数；按行政处罚法第四十八条的三个工作日计算。',
      },
    ),
    // REC-14 · SX19-R 17
    'av.upload': set(
      workingDays(2, 'recordingEnd'),
      cite('SX19-R', '17', '音像记录制作完成后，行政执法人员应当在2个工作日内将信息存储至执法信息系统或本单位指定的储存器。'),
      { note: '连续工作、异地工作或者在边远、交通不便地区执法的，自返回单位之日起算2个工作日。' },
    ),
    // REV-6 · SX19-L 14
    'review.timeLimit': set(
      workingDays(10, 'materialsComplete', { extensions: [{ amount: 10, approval: '案件复杂的，经本行政执法机关负责人批准' }] }),
      cite('SX19-L', '14', '法制审核机构应当在收到完备的送审材料之日起10个工作日内完成法制审核。案件复杂的，经本行政执法机关负责人批准可以延长10个工作日。'),
    ),
    'review.pauseReasons': set(
      ['supplement', 'expertReview', 'interpretation'],
      cite('SX19-L', '14', '补充材料、专家论证、提请解释期间不计入审核期限。'),
    ),
    // ORG-7 · SX19-L 7
    'review.reviewerRatio': set(
      0.05,
      cite('SX19-L', '7', '法制审核人员原则上不少于本机关执法人员总数的5%。'),
    ),
    // REV-2 · SX19-L 9
    'majorDecision.criteria': set(
      ['publicInterest', 'socialImpact', 'majorRights', 'afterHearing', 'complex', 'requiredByLaw', 'other'],
      cite('SX19-L', '9', '行政机关应当对下列重大行政执法决定进行法制审核：（一）涉及重大公共利益的；……（七）其他需要进行法制审核的情形。'),
    ),
    // REC-6 · SX19-R 10
    'av.mandatory': set(
      [
        ...av(cite('SX19-R', '10', '查封场所、设施或者财物的', '（一）'), 'seal'),
        ...av(cite('SX19-R', '10', '扣押财物的', '（二）'), 'seize'),
        ...av(cite('SX19-R', '10', '强制拆除的', '（三）'), 'forcedDemolition'),
        ...av(cite('SX19-R', '10', '代履行的', '（四）'), 'substituteExecution'),
        ...av(cite('SX19-R', '10', '限制公民人身自由的', '（五）'), 'restrictPersonalFreedom'),
        ...av(cite('SX19-R', '10', '其他直接涉及人身自由、生命健康、重大财产权益的现场执法活动和执法办案场所', '（六）'), 'majorRightsOnSite'),
      ],
      cite('SX19-R', '10'),
    ),
    // REC-7 · SX19-R 11
    'av.situational': set(
      [
        ...av(cite('SX19-R', '11', '现场执法容易引发争议的', '（一）'), 'disputeProne'),
        ...av(
          cite('SX19-R', '11', '检查、调查、询问、先行登记保存等调查取证的', '（二）'),
          'onSiteInspection',
          'evidenceCollection',
          'inquiry',
          'evidencePreservation',
        ),
        ...av(cite('SX19-R', '11', '举行听证的', '（三）'), 'hearing'),
        ...av(cite('SX19-R', '11', '留置送达和公告送达执法文书的', '（四）'), 'serviceLeftAtDomicile', 'serviceByPublicNotice'),
      ],
      cite('SX19-R', '11'),
    ),
  },
};
