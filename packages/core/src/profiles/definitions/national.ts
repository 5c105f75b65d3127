/**
 * National baseline: the ministry's implementation opinion (MEE19, 环办执法〔2019〕42号)
 * plus the national law around it (REQUIREMENTS §9 NAT). Every other profile
 * inherits from here.
 */
import { av, calendarDays, cite, set, unset, workingDays } from '../spec.js';
import type { ProfileDefinition } from '../types.js';

// NAT-1 · 行政处罚法 Art 85: "二日/三日/五日/七日" are working days; the
// 行政强制法 Art 69: periods of ten days or less are working days. Longer
// periods (15, 30, 90 days) are calendar days.
const APL85 = '行政处罚法第八十五条：“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。';

export const NATIONAL: ProfileDefinition = {
  id: 'national',
  name: '全国基线（生态环境部三项制度实施意见）',
  issuer: '生态环境部办公厅',
  docNumber: '环办执法〔2019〕42号',
  effective: '2019-05-05',
  effectiveNote: '印发日期；文件未另定施行日期。',
  parent: null,
  params: {
    // PUB-2 · MEE19 一(三)1
    'publication.penalty': set(
      workingDays(7, 'decisionDate'),
      cite('MEE19', '一(三)1', '其中，除另有规定外，行政许可、行政处罚信息应在作出之日起7个工作日内公开。'),
    ),
    'publication.permit': set(
      workingDays(7, 'decisionDate'),
      cite('MEE19', '一(三)1', '其中，除另有规定外，行政许可、行政处罚信息应在作出之日起7个工作日内公开。'),
    ),
    'publication.other': set(
      workingDays(20, 'decisionDate'),
      cite('MEE19', '一(三)1', '行政执法决定应在作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息。'),
    ),
    // PUB-8, NAT-9 · 行政处罚法 Art 48 (三日 = 3 working days by Art 85)
    'publication.withdrawal': set(
      workingDays(3, 'revocationDate'),
      cite('APL', '48', '行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由。'),
      {
        related: [cite('MEE19', '一(三)2', '已公开的行政执法决定被依法撤销、确认违法或者要求重新作出的，应当及时从信息公示平台撤下原行政执法决定信息。')],
        note: APL85,
      },
    ),
    // NAT-3 · 生态环境行政处罚办法 Art 18 — calendar days; 民法典 Art 203 roll-over applies to a deadline the agency must meet.
    'filing.decide': set(
      calendarDays(15, 'discoveryDate', { extensions: [{ amount: 15, approval: '经本机关负责人批准' }], rollover: true }),
      cite('EPPM', '18', '应当进行初步审查，并在十五日内决定是否立案；特殊情况下，经本机关负责人批准，可以延长十五日。'),
    ),
    // NAT-3 · 生态环境行政处罚办法 Art 57; 行政处罚法 Art 60
    'penalty.decide': set(
      calendarDays(90, 'filingDate', {
        extensions: [
          { amount: 30, approval: '经生态环境主管部门负责人批准' },
          { amount: 30, approval: '经负责人集体讨论决定继续延期' },
        ],
        rollover: true,
      }),
      cite('EPPM', '57', '应当自立案之日起九十日内作出处理决定……可以延长三十日……继续延长期限不得超过三十日。'),
      { related: [cite('APL', '60', '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。')] },
    ),
    'penalty.pauseReasons': set(
      ['suspension', 'hearing', 'announcement', 'monitoring', 'assessment', 'appraisal', 'determination', 'service'],
      cite('EPPM', '57', '案件办理过程中，中止、听证、公告、监测（检测）、评估、鉴定、认定、送达等时间不计入前款所称期限。'),
    ),
    // NAT-8 · 行政处罚法 Art 61
    service: set(
      workingDays(7, 'announcementDate'),
      cite('APL', '61', '当事人不在场的，行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人。'),
      { note: APL85 },
    ),
    // NAT-4 · 行政处罚法 Art 64
    'hearing.request': set(
      workingDays(5, 'hearingRightsNoticeDate'),
      cite('APL', '64', '当事人要求听证的，应当在行政机关告知后五日内提出。', '（一）'),
      { note: APL85 },
    ),
    // NAT-20 · 行政处罚法 Art 44, 45: the party is heard before the decision. The law sets no number of days;
    // the agency gives a reasonable time in the 告知书 (commonly 5 working days), set per province.
    'statement.period': unset(
      'NAT-20：行政处罚法未规定陈述、申辩的具体期限；默认自告知书送达之日起5个工作日，机关按本省规定配置。',
      workingDays(5, 'priorNoticeServedDate'),
      cite('APL', '45', '当事人有权进行陈述和申辩。行政机关必须充分听取当事人的意见，对当事人提出的事实、理由和证据，应当进行复核。'),
    ),
    'hearing.notice': set(
      workingDays(7, 'hearingDate', { direction: 'before' }),
      cite('APL', '64', '行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点。', '（二）'),
      { note: `${APL85} 结果为最迟发出听证通知之日。` },
    ),
    'hearing.fineThreshold.organisation': set(
      200_000,
      cite('EPPM', '46', '较大数额罚款……对法人或者其他组织是指人民币二十万元以上。'),
      {
        note: 'NAT-4：办法的数额定义条文（二手资料称在第八十九条，且“以上”可能不含本数）待确认；地方性法规、政府规章另有规定的从其规定。',
      },
    ),
    'hearing.fineThreshold.individual': unset(
      'NAT-4（待确认）：对公民的“较大数额”未从原文核实；默认 5000 元（原《环境行政处罚办法》的标准），由机关按本省规定配置。',
      5_000,
      { ...cite('EPPM', '46'), confirm: true },
    ),
    // NAT-10 · 行政强制法 Art 25. Not rolled over: a seizure may not outlast its limit.
    'seizure.max': set(
      calendarDays(30, 'seizureDate', { extensions: [{ amount: 30, approval: '情况复杂的，经行政机关负责人批准' }] }),
      cite('ACL', '25', '查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。'),
    ),
    // NAT-11 · 按日连续处罚办法 第十条: the covert 复查 within 30 days of serving the 责令改正违法行为决定书.
    // Not rolled over: 第十七条 counts the days to the 复查 that found the violation continuing, and a 复查 may be made on any day.
    'dailyPenalty.reinspection': set(
      calendarDays(30, 'correctionServedDate'),
      cite('MEP-DP', '10', '环境保护主管部门应当在送达责令改正违法行为决定书之日起三十日内，以暗查方式组织对排污者违法排放污染物行为的改正情况实施复查。'),
      { note: '地方性法规、规章另有规定的，由机关在规则配置中设定。' },
    ),
    'seizure.pauseReasons': set(
      ['testing'],
      cite('ACL', '25', '查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间。'),
    ),
    // NAT-12 · 行政处罚法 Art 51, 67, 72
    'summary.maxFine.individual': set(200, cite('APL', '51', '对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。')),
    'summary.maxFine.organisation': set(3_000, cite('APL', '51', '对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。')),
    'penalty.payment': set(
      calendarDays(15, 'serviceDate', { rollover: true }),
      cite('APL', '67', '当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。'),
    ),
    'penalty.lateFee': set(
      { ratePerDay: 0.03, cappedAtFine: true },
      cite('APL', '72', '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。', '（一）'),
    ),
    // REV-6: the national documents set no review limit; MEE19 三(四) asks each department to fix one.
    'review.timeLimit': unset(
      '全国层面未规定法制审核时限，由机关配置；默认自收到完备的送审材料之日起10个工作日，经机关负责人批准可延长10个工作日。',
      workingDays(10, 'materialsComplete', { extensions: [{ amount: 10, approval: '经机关负责人批准' }] }),
      cite('MEE19', '三(四)', '确定本部门法制审核流程，明确送审材料报送要求和审核的方式、时限、责任。'),
    ),
    'review.pauseReasons': unset('全国层面未规定，由机关配置；默认同 SX19-L 第十四条。', ['supplement', 'expertReview', 'interpretation']),
    // REV-2 · MEE19 三(二)
    'majorDecision.criteria': set(
      ['publicInterest', 'socialImpact', 'majorRights', 'afterHearing', 'complex'],
      cite('MEE19', '三(二)', '凡涉及重大公共利益，可能造成重大社会影响或引发社会风险，直接关系行政相对人或第三人重大权益，经过听证程序作出行政执法决定，以及案件情况疑难复杂、涉及多个法律关系的，都应进行法制审核。'),
    ),
    'majorDecision.amountThreshold': unset(
      'REV-2：目录清单须结合涉案金额等因素由机关制定；默认与听证“较大数额”一致，机关应按本机关目录清单调整。',
      { organisation: 200_000, individual: 5_000 },
      cite('MEE19', '三(二)', '结合违法行为种类、涉案金额、执法层级、社会影响等因素……制定本部门重大执法决定法制审核目录清单。'),
    ),
    // REC-6, REC-7 · MEE19 二(一)2
    'av.mandatory': set(
      av(
        cite('MEE19', '二(一)2', '对查封扣押、限产停产或者经政府批准的停业关闭等涉及重大权益的现场执法活动和执法办案场所，应全程音像记录。'),
        'seal',
        'seize',
        'restrictProduction',
        'suspendProduction',
        'close',
        'majorRightsOnSite',
      ),
      cite('MEE19', '二(一)2'),
    ),
    'av.situational': set(
      av(
        cite('MEE19', '二(一)2', '对现场执法、调查取证、举行听证、文书送达等容易引发争议的行政执法过程，应根据实际情况进行音像记录。'),
        'onSiteInspection',
        'evidenceCollection',
        'hearing',
        'documentService',
      ),
      cite('MEE19', '二(一)2'),
    ),
    // REC-18
    'av.retention.routineMonths': unset('全国层面未规定日常音像记录保存期限，由机关配置；默认不少于12个月（同 XX-R 第十六条）。', 12),
    'av.retention.evidence': set(
      'withCaseFile',
      cite('MEE19', '二(二)', '行政执法过程中形成的文字和音像记录资料，应当按照有关法律、法规、规章和档案管理规定形成案卷归档保存。'),
    ),
    'av.retention.litigationHold': unset('全国层面未明文规定，默认诉讼未结前同步保存（同 GS-R 第四十三条）。', true),
    // NAT-17: typical ratios; each province confirms its own. Higher risk → higher ratio.
    'inspection.drawRatios': unset(
      '典型比例：重点排污单位每季度市级不低于5%、县级不低于25%；一般排污单位按执法人员与检查对象1:5（市级）、1:10（县级）的工作量每年抽查，平台按风险等级折算为年度比例（高、中、低）。由本机关按本省方案配置。',
      [
        { level: 'city', targetClass: 'keyPolluter', ratio: 0.05, per: 'quarter' },
        { level: 'city', targetClass: 'high', ratio: 0.2, per: 'year' },
        { level: 'city', targetClass: 'medium', ratio: 0.1, per: 'year' },
        { level: 'city', targetClass: 'low', ratio: 0.05, per: 'year' },
        { level: 'county', targetClass: 'keyPolluter', ratio: 0.25, per: 'quarter' },
        { level: 'county', targetClass: 'high', ratio: 0.3, per: 'year' },
        { level: 'county', targetClass: 'medium', ratio: 0.15, per: 'year' },
        { level: 'county', targetClass: 'low', ratio: 0.1, per: 'year' },
      ],
      { ...cite('MEE15-88', '三', '对重点排污单位……抽查比例……对一般排污单位……抽查比例……'), confirm: true },
    ),
    // NAT-16: each province publishes a yearly cap of inspections per enterprise.
    'inspection.yearlyCap': unset(
      '各省公布本省同一行政检查主体对同一企业的年度检查频次上限，由本机关按本省公布值配置；平台默认每年2次。',
      2,
      { ...cite('GOV24-54', '三', '……合理确定年度行政检查频次上限……'), confirm: true },
    ),
    'inspection.capExceptions': unset(
      '对投诉举报、转办交办、数据监测等发现的违法线索及突发事件，可以不受频次上限限制，但须经机关负责人批准并记录理由。',
      ['complaint', 'assigned', 'monitoring', 'emergency'],
      { ...cite('GOV24-54', '三'), confirm: true },
    ),
    // NAT-17: results within 20 working days (MEE19 一(三)1 for enforcement results in general).
    'inspection.resultPublication': set(
      workingDays(20, 'inspectionDate'),
      cite('MEE19', '一(三)1', '行政执法决定应在作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息。'),
      { related: [{ ...cite('MEE15-88', '三'), confirm: true }] },
    ),
    'inspection.qrCode': unset('扫码入企（行政检查码）由各省决定是否使用；默认不使用，使用的省份由本机关配置。', false),
  },
};
