/**
 * Stable English keys, with Chinese labels, for the lists a profile holds:
 * enforcement measures and situations that trigger audio-visual recording
 * (音像记录, REC-6, REC-7, REC-18), reasons a clock stops (REV-6, NAT-3,
 * NAT-10) and major-decision criteria (REV-2).
 */

export const MEASURE_LABELS = {
  seal: '查封场所、设施或者财物',
  seize: '扣押财物',
  substituteExecution: '代履行',
  restrictProduction: '限制开展生产经营活动（限产）',
  suspendForRectification: '责令停产整治',
  suspendProduction: '责令停产停业',
  close: '责令关闭',
  restrictEmployment: '限制从业',
  employmentBan: '禁止从业',
  demolition: '责令限期拆除',
  forcedDemolition: '强制拆除',
  detention: '可能行政拘留',
  restrictPersonalFreedom: '限制公民人身自由',
  majorRightsOnSite: '其他涉及人身自由、生命健康、重大权益的现场执法活动和执法办案场所',
  disputeProne: '现场执法容易引发争议的',
  onSiteInspection: '现场检查（现场查验、实地核实）',
  evidenceCollection: '调查取证（实地调查）',
  inquiry: '询问',
  evidencePreservation: '先行登记保存（证据保全）',
  sampling: '抽样取证（取样）',
  coerciveMeasure: '实施行政强制措施（保全措施）',
  enforcement: '强制执行措施',
  hearing: '举行听证',
  statementAndDefence: '告知并听取陈述、申辩',
  reviewDecision: '审查决定环节',
  documentService: '文书送达',
  serviceAndExecution: '送达执行环节',
  serviceLeftAtDomicile: '留置送达',
  serviceByPublicNotice: '公告送达',
  archiving: '结案归档',
  serviceHall: '服务大厅、信访接待室办理的执法事项',
  interview: '约谈、询问',
  complaintCallOut: '接投诉、举报出现场',
  massIncident: '突发性、群体性事（案）件',
  personalSafetyCase: '涉及人身安全等复杂案件的现场处置',
  obstructionOrAbuse: '逃避、拒绝、阻碍执法或谩骂、侮辱、殴打执法人员',
  objectionLikelyLitigation: '当事人提出异议并可能复议、诉讼、投诉、上访',
  sensitiveCase: '其他敏感、重大、复杂案件',
} as const;

/** An enforcement measure or situation relevant to AV recording. */
export type MeasureKey = keyof typeof MEASURE_LABELS;
export const MEASURE_KEYS = Object.keys(MEASURE_LABELS) as MeasureKey[];

export const PAUSE_REASON_LABELS = {
  // REV-6 · SX19-L 14, XX-L 10
  supplement: '补充材料',
  expertReview: '专家论证',
  thirdPartyReview: '第三方机构论证',
  consultation: '征询意见',
  interpretation: '提请有权机关解释',
  // NAT-3 · 生态环境行政处罚办法 Art 57
  suspension: '中止',
  hearing: '听证',
  announcement: '公告',
  monitoring: '监测（检测）',
  assessment: '评估',
  appraisal: '鉴定',
  determination: '认定',
  service: '送达',
  // NAT-10 · 行政强制法 Art 25
  testing: '检测、检验、检疫或者技术鉴定',
} as const;

/** A reason that stops a clock. */
export type PauseReasonKey = keyof typeof PAUSE_REASON_LABELS;
export const PAUSE_REASON_KEYS = Object.keys(PAUSE_REASON_LABELS) as PauseReasonKey[];

export const MAJOR_CRITERION_LABELS = {
  publicInterest: '涉及重大公共利益',
  socialImpact: '可能造成重大社会影响或引发社会风险',
  majorRights: '直接关系行政相对人或第三人重大权益',
  afterHearing: '经过听证程序作出',
  complex: '案件情况疑难复杂、涉及多个法律关系',
  transferToJudiciary: '移送公安机关、司法机关追究刑事责任',
  requiredByLaw: '法律、法规、规章规定应当进行法制审核',
  other: '其他需要进行法制审核的情形',
} as const;

/** A criterion of the major-decision catalogue (重大执法决定法制审核目录清单). */
export type MajorCriterionKey = keyof typeof MAJOR_CRITERION_LABELS;
export const MAJOR_CRITERION_KEYS = Object.keys(MAJOR_CRITERION_LABELS) as MajorCriterionKey[];
