/**
 * XX19: 湘西州生态环境局 (trial, 2019) — 行政执法公示制度 (XX-P), 执法全过程记录制度
 * incl. body-worn cameras (XX-R), 重大行政执法决定法制审核制度 (XX-L).
 *
 * Digest vs document: REQUIREMENTS §8 lists "publish penalty / permit
 * decision: 7 WD (P14)" for XX19, but XX-P 14 names only 行政处罚 for the
 * 7 working days (all other decisions: 20 working days). The permit value is
 * therefore not set here; it is inherited from the national baseline (MEE19
 * 一(三)1, 7 working days), which binds the bureau as well.
 */
import { av, cite, set, workingDays, years } from '../spec.js';
import type { ProfileDefinition } from '../types.js';

const P15 = cite('XX-P', '15', '行政执法决定信息公示满1年，可以从州生态环境局门户网站上撤回。');
const P15_NOTE = 'XX-P 第十五条自公示之日起算（SX25-P 第十八条自处罚决定之日起算），且不分一般、严重；未规定最长期限。';
const R5 = (item: string, text: string) => cite('XX-R', '5', text, item);
const R10 = (item: string, text: string) => cite('XX-R', '10', text, item);

export const XX19: ProfileDefinition = {
  id: 'XX19',
  name: '湘西州生态环境局行政执法公示制度、执法全过程记录制度、重大行政执法决定法制审核制度（试行）',
  issuer: '湘西州生态环境局',
  docNumber: null,
  effective: null,
  effectiveNote: '三项制度均“自发布（印发）之日起施行”；所存原文未载文号与日期（2019年试行），待确认。',
  parent: 'national',
  params: {
    // PUB-2 · XX-P 14
    'publication.penalty': set(
      workingDays(7, 'decisionDate'),
      cite('XX-P', '14', '其中，行政处罚信息应当在作出之日起7个工作日内公示。'),
    ),
    'publication.other': set(
      workingDays(20, 'decisionDate'),
      cite('XX-P', '14', '行政执法决定应在作出之日起 20 个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息。'),
    ),
    // PUB-8 · XX-P 17 "及时" (promptly): counted as the 3 working days of 行政处罚法 Art 48 (NAT-9)
    'publication.withdrawal': set(
      workingDays(3, 'revocationDate'),
      cite('APL', '48', '行政机关应当在三日内撤回行政处罚决定信息并公开说明理由。'),
      {
        related: [cite('XX-P', '17', '已公示的行政执法决定被依法撤销、变更或解除的，应当及时更新更正，并作出必要的说明。')],
        note: 'XX-P 第十七条只要求“及时”，未定天数；按行政处罚法第四十八条的三个工作日计算。',
      },
    ),
    // PUB-7 · XX-P 15: may be withdrawn once published for 1 year (a minimum, counted from publication)
    'publication.windowMin.general': set(years(1, 'publicationDate'), P15, { note: P15_NOTE }),
    'publication.windowMin.serious': set(years(1, 'publicationDate'), P15, { note: P15_NOTE }),
    // REC-14 · XX-R 15: an event, not a span
    'av.upload': set(
      { kind: 'event', anchor: 'investigationEnd', description: '每个案件调查终结后，及时将执法记录仪声像资料连同案卷一并交核审' },
      cite('XX-R', '15', '执法人员应当在每个案件调查终结后，及时将存储执法记录仪记录的声像资料连同案卷一并交局州生态环境政策法规科核审。'),
    ),
    // REV-6 · XX-L 10
    'review.timeLimit': set(
      workingDays(7, 'materialsReceived', { extensions: [{ amount: 3, approval: '情况复杂的，经分管法规的局领导批准' }] }),
      cite('XX-L', '10', '政策法规科自收到承办机构送审材料之日起，一般在7个工作日内完成法制审核。情况复杂的，经分管法规的局领导批准可以延长3个工作日。'),
    ),
    'review.pauseReasons': set(
      ['supplement', 'expertReview', 'thirdPartyReview', 'consultation', 'interpretation'],
      cite('XX-L', '10', '补充材料、专家或第三方机构论证、对疑难复杂案件征询意见或提请有权机关作出解释所需时间不计入审核期限。'),
    ),
    // REV-2 · XX-L 3
    'majorDecision.criteria': set(
      ['publicInterest', 'socialImpact', 'majorRights', 'afterHearing', 'complex', 'transferToJudiciary', 'requiredByLaw'],
      cite('XX-L', '3', '（一）涉及重大公共利益、可能造成重大影响或者引发社会风险的；……（五）将环境违法行为移送公安机关、司法机关追究刑事责任的；（六）法律、法规、规章或者规范性文件规定的其他情形。'),
    ),
    // REC-6 · XX-R 5 and XX-R 10
    'av.mandatory': set(
      [
        ...av(R5('（一）', '接投诉、举报，出现场的'), 'complaintCallOut'),
        ...av(
          R5('（二）', '现场检查、实地调查、实施行政强制措施、证据保全、抽样取证等查处违法行为和现场办案的全过程'),
          'onSiteInspection',
          'evidenceCollection',
          'coerciveMeasure',
          'evidencePreservation',
          'sampling',
        ),
        ...av(R10('（一）', '突发性、群体性事（案）件'), 'massIncident'),
        ...av(R10('（二）', '涉及人身安全等复杂案件的现场处置'), 'personalSafetyCase'),
        ...av(R10('（三）', '当事人逃避、拒绝、阻碍执法人员依法执行公务的，或者谩骂、侮辱、殴打执法人员的'), 'obstructionOrAbuse'),
        ...av(R10('（四）', '当事人对执法提出异议并可能复议、诉讼、投诉、上访的'), 'objectionLikelyLitigation'),
        ...av(R10('（五）', '其他敏感、重大、复杂案件有备份保存必要的'), 'sensitiveCase'),
      ],
      cite('XX-R', '5'),
    ),
    // REC-18 · XX-R 16, 10
    'av.retention.routineMonths': set(
      12,
      cite('XX-R', '16', '日常执法检查执法记录仪记录的原始声像资料保存期限一般不少于12个月（第十条规定除外）。'),
    ),
    'av.retention.evidence': set(
      'withCaseFile',
      cite('XX-R', '16', '执法记录仪所录制的内容需作为证据使用的……随卷统一归档。'),
    ),
    'av.retention.longTerm': set(
      ['massIncident', 'personalSafetyCase', 'obstructionOrAbuse', 'objectionLikelyLitigation', 'sensitiveCase'],
      cite('XX-R', '10', '对下列执法现场，执法人员必须进行全程录音录像，并要求归档长期保存。'),
    ),
  },
};
