/**
 * SX25: 山西省生态环境厅 晋环规〔2025〕5号 — 生态环境系统行政执法公示办法 (SX25-P)
 * and 行政执法全过程记录办法 (SX25-R). Inherits SX19, the province-wide rules
 * that still bind a Shanxi environment department; notably the legal-review
 * limit "inherits SX19" (SX25 has no review document of its own).
 *
 * AV lists merge along the chain (see resolve.ts), so SX25's mandatory list is
 * SX25-R 12 plus what SX19-R 10 and MEE19 add (强制拆除, 限制人身自由 …).
 */
import { av, cite, months, set, workingDays, years } from '../spec.js';
import type { ProfileDefinition } from '../types.js';

const P18 = (text: string) => cite('SX25-P', '18', text, '第二款');
const P18_GENERAL = '一般环境违法行为行政处罚信息自行政处罚决定之日起，在网站最短公示期限为三个月，最长公示期限为一年';
const P18_SERIOUS = '严重环境违法行为行政处罚信息自行政处罚决定之日起，在网站最短公示期限为六个月，最长公示期限为三年';
const SERIOUS_NOTE = '严重环境违法行为：需要经过重大行政执法决定法制审核，且认定性质恶劣、情节严重、社会危害程度较大的（SX25-P 第十八条第三款）。';

export const SX25: ProfileDefinition = {
  id: 'SX25',
  name: '山西省生态环境系统行政执法公示办法、全过程记录办法',
  issuer: '山西省生态环境厅',
  docNumber: '晋环规〔2025〕5号',
  effective: null,
  effectiveNote: '两个办法均“自公布之日起施行，有效期五年”；公布日期未见于所存原文，待确认。',
  parent: 'SX19',
  params: {
    // PUB-2 · SX25-P 14
    'publication.penalty': set(
      workingDays(7, 'decisionDate'),
      cite('SX25-P', '14', '行政许可、行政处罚的执法决定信息应当在作出之日起7个工作日内公开，但法律、行政法规另有规定的除外。', '第二款'),
    ),
    'publication.permit': set(
      workingDays(7, 'decisionDate'),
      cite('SX25-P', '14', '行政许可、行政处罚的执法决定信息应当在作出之日起7个工作日内公开，但法律、行政法规另有规定的除外。', '第二款'),
    ),
    'publication.other': set(
      workingDays(20, 'decisionDate'),
      cite('SX25-P', '14', '行政执法决定信息应当在执法决定作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息。', '第一款'),
    ),
    // PUB-8 · SX25-P 25 "三日内" = 3 working days (NAT-1 · 行政处罚法 Art 85)
    'publication.withdrawal': set(
      workingDays(3, 'revocationDate'),
      cite('SX25-P', '25', '公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，生态环境主管部门应当在三日内撤回行政处罚决定信息并公开说明理由。'),
      { note: '“三日”按行政处罚法第八十五条为工作日（NAT-1）。' },
    ),
    // PUB-7 · SX25-P 18: windows counted from the decision date; plain calendar periods (no roll-over)
    'publication.windowMin.general': set(months(3, 'decisionDate'), P18(P18_GENERAL)),
    'publication.windowMax.general': set(years(1, 'decisionDate'), P18(P18_GENERAL)),
    'publication.windowMin.serious': set(months(6, 'decisionDate'), P18(P18_SERIOUS), { note: SERIOUS_NOTE }),
    'publication.windowMax.serious': set(years(3, 'decisionDate'), P18(P18_SERIOUS), { note: SERIOUS_NOTE }),
    // REC-14 · SX25-R 19
    'av.upload': set(
      workingDays(2, 'recordingEnd'),
      cite('SX25-R', '19', '音像记录制作完成后，执法人员应当在两个工作日内将信息存储至执法信息系统或本单位指定的储存器。', '第二款'),
      { note: '连续工作、异地工作或者在边远、交通不便地区执法的，自返回单位之日起算两个工作日。' },
    ),
    // REC-6 · SX25-R 12
    'av.mandatory': set(
      [
        ...av(cite('SX25-R', '12', '查封场所、设施或者财物的', '（一）'), 'seal'),
        ...av(cite('SX25-R', '12', '扣押财物的', '（二）'), 'seize'),
        ...av(cite('SX25-R', '12', '代履行的', '（三）'), 'substituteExecution'),
        ...av(
          cite('SX25-R', '12', '限制开展生产经营活动、责令停产整治、责令停产停业、责令关闭、限制从业、禁止从业的', '（四）'),
          'restrictProduction',
          'suspendForRectification',
          'suspendProduction',
          'close',
          'restrictEmployment',
          'employmentBan',
        ),
        ...av(cite('SX25-R', '12', '责令限期拆除的', '（五）'), 'demolition'),
        ...av(cite('SX25-R', '12', '可能行政拘留的', '（六）'), 'detention'),
        ...av(cite('SX25-R', '12', '其他涉及人身自由、生命健康、重大权益的现场执法活动和执法办案现场', '（七）'), 'majorRightsOnSite'),
      ],
      cite('SX25-R', '12'),
    ),
    // REC-7 · SX25-R 13
    'av.situational': set(
      [
        ...av(cite('SX25-R', '13', '现场执法容易引发争议的', '（一）'), 'disputeProne'),
        ...av(
          cite('SX25-R', '13', '检查、调查、询问、先行登记保存、（取样）等调查取证的', '（二）'),
          'onSiteInspection',
          'evidenceCollection',
          'inquiry',
          'evidencePreservation',
          'sampling',
        ),
        ...av(cite('SX25-R', '13', '举行听证的', '（三）'), 'hearing'),
        ...av(cite('SX25-R', '13', '留置送达和公告送达执法文书的', '（四）'), 'serviceLeftAtDomicile', 'serviceByPublicNotice'),
      ],
      cite('SX25-R', '13'),
    ),
  },
};
