/**
 * Words of the legal review (重大执法决定法制审核, REV-1..REV-13): outcomes,
 * checklist items and findings, submission materials, measures of the
 * catalogue, round states. Stable English keys with Chinese labels; the
 * per-profile wording and citations are in rules.ts.
 */
import type { LegalReviewOutcome } from '../cases/decision-records.js';

/** 审核结论 (REV-5 · SX19-L 12; XX-L 11). */
export const REVIEW_OUTCOME_KEYS = ['approve', 'correct', 'notDecide', 'transfer'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOME_KEYS)[number];

/** Generic labels; rules.ts has each profile's own wording (同意/合法, 纠正/改正 …). */
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  approve: '同意',
  correct: '纠正',
  notDecide: '不予作出决定（重新调查）',
  transfer: '移送',
};

/** The case's decision-stage link (decision-records.ts) for each outcome. */
export const OUTCOME_LINK: Record<ReviewOutcome, LegalReviewOutcome> = {
  approve: 'passed',
  correct: 'correct',
  notDecide: 'notDecide',
  transfer: 'transfer',
};

export function isReviewOutcome(s: string): s is ReviewOutcome {
  return (REVIEW_OUTCOME_KEYS as readonly string[]).includes(s);
}

/** 审核要点 (REV-4 · SX19-L 11; XX-L 8). */
export const CHECKLIST_ITEM_LABELS = {
  subjectLawful: '执法主体是否合法',
  officerQualified: '执法人员是否具备执法资格',
  withinAuthority: '是否属于本机关管辖、是否超越法定权限',
  factsClear: '案件事实是否清楚',
  evidenceSufficient: '证据是否合法充分',
  lawCorrect: '适用法律、法规、规章是否准确',
  discretionAppropriate: '裁量基准运用是否适当',
  procedureLawful: '执法程序是否合法',
  documentsComplete: '执法文书是否完备、规范',
  crimeTransfer: '违法行为是否涉嫌犯罪、需要移送司法机关',
  other: '其他应当审核的内容',
} as const;
export type ChecklistItemKey = keyof typeof CHECKLIST_ITEM_LABELS;
export const CHECKLIST_ITEM_KEYS = Object.keys(CHECKLIST_ITEM_LABELS) as ChecklistItemKey[];

/** A reviewer's finding on one item: 符合, 有瑕疵 (can be corrected), 不符合 (serious). */
export const FINDING_LABELS = {
  pass: '符合',
  flaw: '有瑕疵',
  fail: '不符合',
} as const;
export type Finding = keyof typeof FINDING_LABELS;
export const FINDINGS = Object.keys(FINDING_LABELS) as Finding[];

/**
 * Items that are either right or wrong (a subject is lawful or not; a crime
 * is suspected or not): only 'pass' and 'fail'. The others may also be flawed.
 */
export const BINARY_ITEMS: readonly ChecklistItemKey[] = ['subjectLawful', 'officerQualified', 'withinAuthority', 'crimeTransfer'];

/** Finding labels that read naturally for the crime item. */
export const CRIME_FINDING_LABELS: Record<'pass' | 'fail', string> = { pass: '未发现涉嫌犯罪', fail: '涉嫌犯罪，应当移送' };

/** 送审材料 (REV-3 · SX19-L 10; XX-L 7). */
export const MATERIAL_LABELS = {
  proposal: '重大执法决定建议及其情况说明',
  investigationReport: '调查（审查）终结报告及相关程序性材料',
  draftDecision: '决定书代拟稿（建议稿）',
  legalBasisAndEvidence: '相关事实、证据材料及法律依据',
  hearingOrAssessment: '听证笔录、听证报告或者评估报告、论证意见',
  consultationOpinions: '征求有关方面意见的材料',
  transferOpinion: '移送移交意见',
  other: '其他需要提交的材料',
} as const;
export type MaterialKey = keyof typeof MATERIAL_LABELS;
export const MATERIAL_KEYS = Object.keys(MATERIAL_LABELS) as MaterialKey[];

/**
 * Measures and penalty types a catalogue can name as making a decision major
 * (REV-2 · SX19-L 9 "直接关系行政相对人或第三人重大权益"). The keys are the
 * case vocabulary (CaseMeasureKey, PenaltyType), so a case's facts match them
 * directly.
 */
export const MAJOR_MEASURE_LABELS = {
  suspendForRectification: '责令停产整治',
  suspendProduction: '责令停产停业',
  close: '责令关闭',
  revokeLicence: '吊销许可证件',
  suspendLicence: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  restrictProduction: '限制开展生产经营活动（限产）',
  restrictEmployment: '限制从业',
  employmentBan: '禁止从业',
  detention: '移送行政拘留',
  seal: '查封场所、设施或者财物',
  seize: '扣押财物',
  forcedDemolition: '强制拆除',
  substituteExecution: '代履行',
} as const;
export type MajorMeasureKey = keyof typeof MAJOR_MEASURE_LABELS;
export const MAJOR_MEASURE_KEYS = Object.keys(MAJOR_MEASURE_LABELS) as MajorMeasureKey[];

export function isMajorMeasure(s: string): s is MajorMeasureKey {
  return Object.prototype.hasOwnProperty.call(MAJOR_MEASURE_LABELS, s);
}

/** State of one round (轮次) of review (REV-9). */
export const ROUND_STATUS_LABELS = {
  submitted: '已送审，待分配',
  inReview: '审核中',
  decided: '已出具审核意见',
  disputed: '承办机构有异议，待负责人决定',
  headDecided: '负责人已决定',
} as const;
export type RoundStatus = keyof typeof ROUND_STATUS_LABELS;
export const ROUND_STATUSES = Object.keys(ROUND_STATUS_LABELS) as RoundStatus[];

/** The agency head's decision after a disagreement (REV-8 · SX19-L 15). */
export const HEAD_DECISION_LABELS = {
  adoptReview: '采纳法制审核意见（承办机构补正后重新送审）',
  overrule: '不采纳法制审核意见，按承办机构意见作出决定',
} as const;
export type HeadDecision = keyof typeof HEAD_DECISION_LABELS;
export const HEAD_DECISIONS = Object.keys(HEAD_DECISION_LABELS) as HeadDecision[];
