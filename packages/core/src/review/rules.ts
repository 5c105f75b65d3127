/**
 * The review rules that differ between the documents, as one table per
 * document family, each line with its article:
 * - SX19-L (山西省重大行政执法决定法制审核办法), also for SX25, which has no
 *   review document of its own;
 * - XX-L (湘西州生态环境局重大行政执法决定法制审核制度);
 * - the national baseline (MEE19 三, 行政处罚法 Art 58) for GS19 and national:
 *   MEE19 leaves materials, outcomes and the disagreement mechanism to each
 *   department (三(四)), so the platform default follows SX19-L and says so.
 *
 * The time limit, the pause reasons, the reviewer ratio and the catalogue
 * criteria are profile parameters (profiles/); this table holds what the
 * profiles do not: materials, checklist citations, how findings map to
 * outcomes, the outcome wording, the opinion approval and whether the agency
 * head may overrule a review.
 *
 * Digest vs document (REQUIREMENTS §4 against the seeds):
 * - REV-5: SX19-L 12(二) puts 事实认定不清 under 纠正 (correct) and 依据不准确
 *   under 不予作出 (do not decide); XX-L 11 puts 事实认定不清 under 重新调查 and
 *   适用法律不当或者错误 under 改正. The digest merges the two lists; here each
 *   family keeps its own mapping.
 * - REV-5: XX-L 11(四) sends a case 不属本机关管辖 to 移送移交; SX19-L 12(四)
 *   transfers a suspected crime. Both are 'transfer' here, each with its ground.
 * - REV-8: the digest cites XX-L 12 for the head's decision, but XX-L 12 only
 *   says a failed review is fixed and resubmitted; XX-L has no head override
 *   (XX-L 5: 审核未通过的，不得作出决定). Only SX19-L 15 lets the head decide.
 * - REV-7: XX-L 11 has the opinion approved by 分管法规的局领导 before it goes
 *   back to the unit; the digest does not mention it.
 * - REV-3: the digest says the reviewer asks for supplements under SX19-L 10;
 *   that article only lists materials (the supplement appears in SX19-L 14 as
 *   a pause); XX-L 7 is the one that lets the reviewer ask.
 */
import type { Citation } from '../profiles/documents.js';
import type { ResolvedProfile } from '../profiles/types.js';
import { ruleRef as r } from '../cases/citation.js';
import type { ChecklistItemKey, Finding, MaterialKey, ReviewOutcome } from './vocabulary.js';

/** Which document's review rules apply. */
export type ReviewFamily = 'SX19' | 'XX19' | 'national';

export const REVIEW_FAMILY_LABELS: Record<ReviewFamily, string> = {
  SX19: '山西省重大行政执法决定法制审核办法（SX19-L）',
  XX19: '湘西州生态环境局重大行政执法决定法制审核制度（XX-L）',
  national: '全国基线（MEE19 三；平台默认参照 SX19-L）',
};

/** SX25 inherits SX19 (no review document of its own); GS19 and national use the baseline. */
export function reviewFamily(profile: Pick<ResolvedProfile, 'chain'>): ReviewFamily {
  if (profile.chain.includes('XX19')) return 'XX19';
  if (profile.chain.includes('SX19')) return 'SX19';
  return 'national';
}

/** When a material is required. */
export type MaterialCondition = 'always' | 'hearingOrAssessment' | 'consulted' | 'transfer' | 'optional';

export interface MaterialRule {
  key: MaterialKey;
  label: string;
  when: MaterialCondition;
  /** Document kinds of the case that usually make up this material (suggestions and checks). */
  documentKinds: readonly string[];
  /** A written explanation alone is enough (e.g. the proposal, the transfer opinion). */
  textSuffices: boolean;
  citation: Citation;
}

/** The decision documents a review looks at and the gate guards (REV-1). */
export const DECISION_DOCUMENT_KINDS = [
  'penaltyDecision',
  'noPenaltyDecision',
  'permitDecision',
  'confirmationDecision',
  'registrationDecision',
  'enforcementDecision',
  'substituteExecutionDecision',
] as const;

const EVIDENCE_KINDS = ['inspectionRecord', 'inquiryRecord', 'surveyRecord', 'samplingVoucher', 'evidenceRegister', 'sealSeizeList'] as const;

const material = (key: MaterialKey, label: string, when: MaterialCondition, citation: Citation, documentKinds: readonly string[] = [], textSuffices = false): MaterialRule => ({
  key,
  label,
  when,
  documentKinds,
  textSuffices,
  citation,
});

const SX19_MATERIALS: readonly MaterialRule[] = [
  material('proposal', '重大行政执法决定建议及其情况说明', 'always', r('SX19-L', '10', '（一）'), [], true),
  material('investigationReport', '重大行政执法决定调查（审查）终结报告', 'always', r('SX19-L', '10', '（二）'), ['investigationReport']),
  material('draftDecision', '重大行政执法决定书代拟稿', 'always', r('SX19-L', '10', '（三）'), DECISION_DOCUMENT_KINDS),
  material('legalBasisAndEvidence', '相关法律依据和证据资料', 'always', r('SX19-L', '10', '（四）'), EVIDENCE_KINDS),
  material('hearingOrAssessment', '听证笔录或评估报告（经听证或评估的）', 'hearingOrAssessment', r('SX19-L', '10', '（五）'), ['hearingRecord']),
  material('other', '其他需要提交的材料', 'optional', r('SX19-L', '10', '（六）'), [], true),
];

const XX19_MATERIALS: readonly MaterialRule[] = [
  material('draftDecision', '重大行政执法决定文书（建议稿）', 'always', r('XX-L', '7', '（一）'), DECISION_DOCUMENT_KINDS),
  material('investigationReport', '调查或者审查报告、批示及相关程序性材料', 'always', r('XX-L', '7', '（二）'), ['investigationReport', 'filingApproval']),
  material('legalBasisAndEvidence', '拟作出决定的相关事实、证据材料及相关法律依据', 'always', r('XX-L', '7', '（三）'), EVIDENCE_KINDS),
  material('hearingOrAssessment', '听证笔录、听证报告或者评估报告、论证意见（经听证、评估、论证的）', 'hearingOrAssessment', r('XX-L', '7', '（四）'), ['hearingRecord']),
  material('consultationOpinions', '征求相关方面意见的材料（需征求意见的）', 'consulted', r('XX-L', '7', '（五）', '需要征求局有关科室、直属事业单位或者其他部门意见的，承办机构应当在送审前完成征求意见工作'), [], true),
  material('transferOpinion', '移送移交意见（超出管辖权限、需要移送的）', 'transfer', r('XX-L', '7', '第三款', '需要移送公安机关、司法机关或者移交其他部门的，应当一并提出移送移交意见'), [], true),
  material('other', '其他需要提交的资料', 'optional', r('XX-L', '7', '（六）'), [], true),
];

const NATIONAL_MATERIALS: readonly MaterialRule[] = [
  ...SX19_MATERIALS.filter((m) => m.key !== 'other'),
  material('consultationOpinions', '征求其他机构意见的材料（征求意见的）', 'consulted', r('MEE19', '三(四)', undefined, '明确送审材料报送要求'), [], true),
  material('other', '其他需要提交的材料', 'optional', r('SX19-L', '10', '（六）'), [], true),
];

/** Which findings on an item lead to which outcome, with the article saying so. */
export interface FindingRule {
  outcome: ReviewOutcome;
  citation: Citation;
}

export type ChecklistRule = {
  item: ChecklistItemKey;
  citation: Citation;
  /** The outcome a 'flaw' or a 'fail' calls for. */
  onFlaw?: FindingRule;
  onFail: FindingRule;
};

const S12_2 = (text: string) => r('SX19-L', '12', '（二）', text);
const S12_3 = (text: string) => r('SX19-L', '12', '（三）', text);
const X11_2 = (n: string, text: string) => r('XX-L', '11', `（二）${n}`, text);
const X11_3 = (n: string, text: string) => r('XX-L', '11', `（三）${n}`, text);

const SX19_CHECKLIST: readonly ChecklistRule[] = [
  { item: 'subjectLawful', citation: r('SX19-L', '11', '（一）'), onFail: { outcome: 'notDecide', citation: S12_3('主体不合法') } },
  // SX19-L 12 names only the subject; an unqualified officer makes the subject unlawful (11(一) reviews both together).
  { item: 'officerQualified', citation: r('SX19-L', '11', '（一）'), onFail: { outcome: 'notDecide', citation: S12_3('主体不合法') } },
  { item: 'withinAuthority', citation: r('SX19-L', '11', '（五）'), onFail: { outcome: 'notDecide', citation: S12_3('主体不合法') } },
  { item: 'factsClear', citation: r('SX19-L', '11', '（三）'), onFlaw: { outcome: 'correct', citation: S12_2('事实认定不清') }, onFail: { outcome: 'correct', citation: S12_2('事实认定不清') } },
  { item: 'evidenceSufficient', citation: r('SX19-L', '11', '（三）'), onFlaw: { outcome: 'correct', citation: S12_2('证据……有瑕疵') }, onFail: { outcome: 'notDecide', citation: S12_3('主要证据不合法') } },
  { item: 'lawCorrect', citation: r('SX19-L', '11', '（四）'), onFlaw: { outcome: 'notDecide', citation: S12_3('依据不准确') }, onFail: { outcome: 'notDecide', citation: S12_3('依据不准确') } },
  { item: 'discretionAppropriate', citation: r('SX19-L', '11', '（四）'), onFlaw: { outcome: 'correct', citation: S12_2('裁量不适当') }, onFail: { outcome: 'correct', citation: S12_2('裁量不适当') } },
  { item: 'procedureLawful', citation: r('SX19-L', '11', '（二）'), onFlaw: { outcome: 'correct', citation: S12_2('执法程序有瑕疵') }, onFail: { outcome: 'notDecide', citation: S12_3('执法程序不合法') } },
  { item: 'documentsComplete', citation: r('SX19-L', '11', '（六）'), onFlaw: { outcome: 'correct', citation: S12_2('执法文书不规范') }, onFail: { outcome: 'correct', citation: S12_2('执法文书不规范') } },
  { item: 'crimeTransfer', citation: r('SX19-L', '11', '（七）'), onFail: { outcome: 'transfer', citation: r('SX19-L', '12', '（四）', '对违法行为涉嫌犯罪的，提出移送意见') } },
  // SX19-L 11(八) without an outcome of its own: a flaw is corrected, a serious problem stops the decision.
  { item: 'other', citation: r('SX19-L', '11', '（八）'), onFlaw: { outcome: 'correct', citation: r('SX19-L', '12', '（二）') }, onFail: { outcome: 'notDecide', citation: r('SX19-L', '12', '（三）') } },
];

const XX19_CHECKLIST: readonly ChecklistRule[] = [
  { item: 'subjectLawful', citation: r('XX-L', '8', '（一）'), onFail: { outcome: 'notDecide', citation: X11_3('1', '行政执法主体不合法') } },
  { item: 'officerQualified', citation: r('XX-L', '8', '（一）'), onFail: { outcome: 'notDecide', citation: X11_3('2', '行政执法人员不具备执法资格') } },
  // XX-L 8(一) 是否属于我局的管辖权限 → 11(四) 不属本机关管辖范围的，提出移送移交的意见.
  { item: 'withinAuthority', citation: r('XX-L', '8', '（一）'), onFail: { outcome: 'transfer', citation: r('XX-L', '11', '（四）', '对不属本机关管辖范围的，提出移送移交的意见') } },
  { item: 'factsClear', citation: r('XX-L', '8', '（二）'), onFlaw: { outcome: 'correct', citation: X11_2('1', '事实认定……有瑕疵') }, onFail: { outcome: 'notDecide', citation: X11_3('3', '事实认定不清') } },
  { item: 'evidenceSufficient', citation: r('XX-L', '8', '（二）'), onFlaw: { outcome: 'correct', citation: X11_2('1', '证据……有瑕疵') }, onFail: { outcome: 'notDecide', citation: X11_3('4', '主要证据不足') } },
  { item: 'lawCorrect', citation: r('XX-L', '8', '（三）'), onFlaw: { outcome: 'correct', citation: X11_2('2', '适用法律、法规、规章不当或者错误') }, onFail: { outcome: 'correct', citation: X11_2('2', '适用法律、法规、规章不当或者错误') } },
  { item: 'discretionAppropriate', citation: r('XX-L', '8', '（四）'), onFlaw: { outcome: 'correct', citation: X11_2('3', '适用裁量基准不当') }, onFail: { outcome: 'correct', citation: X11_2('3', '适用裁量基准不当') } },
  { item: 'procedureLawful', citation: r('XX-L', '8', '（五）'), onFlaw: { outcome: 'correct', citation: X11_2('1', '程序有瑕疵') }, onFail: { outcome: 'notDecide', citation: X11_3('5', '违反法定程序') } },
  // XX-L 8 does not list the documents, but 11(一)9 requires them for 合法 and 11(二)4 corrects them.
  { item: 'documentsComplete', citation: r('XX-L', '11', '（一）9', '行政执法文书完备、规范'), onFlaw: { outcome: 'correct', citation: X11_2('4', '行政执法文书不规范') }, onFail: { outcome: 'correct', citation: X11_2('4', '行政执法文书不规范') } },
  { item: 'crimeTransfer', citation: r('XX-L', '8', '（六）'), onFail: { outcome: 'transfer', citation: r('XX-L', '7', '第三款', '需要移送公安机关、司法机关……应当一并提出移送移交意见') } },
  { item: 'other', citation: r('XX-L', '8', '（七）'), onFlaw: { outcome: 'correct', citation: r('XX-L', '11', '（二）') }, onFail: { outcome: 'notDecide', citation: r('XX-L', '11', '（三）') } },
];

export interface ReviewRules {
  family: ReviewFamily;
  label: string;
  /** Whether the rules come from the profile's own document or are the platform default. */
  origin: 'document' | 'default';
  materials: readonly MaterialRule[];
  checklist: readonly ChecklistRule[];
  outcomeLabels: Record<ReviewOutcome, string>;
  outcomeCitations: Record<ReviewOutcome, Citation>;
  /** REV-8: the agency head may decide against a review after a disagreement. */
  headMayOverrule: boolean;
  disagreementCitation: Citation;
  /** REV-7 · XX-L 11: the opinion is approved by the leader in charge of legal affairs before it goes back. */
  opinionApproval: { required: boolean; by: string; citation: Citation } | null;
  /** REV-7: the written opinion; online review needs no separate paper copy (SX19-L 13 ¶2). */
  opinionCitations: readonly Citation[];
  /** REV-2 "经过听证程序": SX19-L 9(四) "需经过听证程序作出" (a hearing was requested) vs XX-L 3(三) "经过听证程序作出" (held). */
  hearingScope: 'requested' | 'held';
  hearingCitation: Citation;
  /** REV-1 */
  gateCitation: Citation;
  /** REV-10 */
  recusalCitation: Citation;
}

const SX19_RULES: ReviewRules = {
  family: 'SX19',
  label: REVIEW_FAMILY_LABELS.SX19,
  origin: 'document',
  materials: SX19_MATERIALS,
  checklist: SX19_CHECKLIST,
  outcomeLabels: { approve: '同意', correct: '纠正', notDecide: '不予作出行政执法决定', transfer: '移送' },
  outcomeCitations: {
    approve: r('SX19-L', '12', '（一）'),
    correct: r('SX19-L', '12', '（二）'),
    notDecide: r('SX19-L', '12', '（三）'),
    transfer: r('SX19-L', '12', '（四）'),
  },
  headMayOverrule: true,
  disagreementCitation: r('SX19-L', '15', undefined, '经沟通仍不能达成一致意见的，由行政执法承办机构报请行政执法机关负责人决定'),
  opinionApproval: null,
  opinionCitations: [r('SX19-L', '13')],
  hearingScope: 'requested',
  hearingCitation: r('SX19-L', '9', '（四）', '需经过听证程序作出行政执法决定的'),
  gateCitation: r('SX19-L', '5', undefined, '未经审核或者审核未通过的，不得作出行政执法决定'),
  recusalCitation: r('SX19-L', '8', '第三款', '法制审核人员与审核内容有直接利害关系的，应当回避'),
};

const XX19_RULES: ReviewRules = {
  family: 'XX19',
  label: REVIEW_FAMILY_LABELS.XX19,
  origin: 'document',
  materials: XX19_MATERIALS,
  checklist: XX19_CHECKLIST,
  outcomeLabels: { approve: '合法', correct: '改正', notDecide: '重新调查、补充调查或者不予作出行政执法决定', transfer: '移送移交' },
  outcomeCitations: {
    approve: r('XX-L', '11', '（一）'),
    correct: r('XX-L', '11', '（二）'),
    notDecide: r('XX-L', '11', '（三）'),
    transfer: r('XX-L', '11', '（四）'),
  },
  headMayOverrule: false,
  disagreementCitation: r('XX-L', '12', undefined, '法制审核未通过的，承办机构应当根据法制审核意见作出相应处理，符合要求后再进行法制审核'),
  opinionApproval: { required: true, by: '分管法规的局领导', citation: r('XX-L', '11', undefined, '提出书面审核意见，经分管法规的局领导同意后，交还承办机构') },
  opinionCitations: [r('XX-L', '13'), r('XX-L', '11')],
  hearingScope: 'held',
  hearingCitation: r('XX-L', '3', '（三）', '经过听证程序作出的'),
  gateCitation: r('XX-L', '5', undefined, '未经法制审核或者审核未通过的，不得作出决定'),
  // XX-L has no recusal article; the platform applies SX19-L 8's rule and 行政处罚法 Art 43 to reviewers as well.
  recusalCitation: r('APL', '43', undefined, '执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避'),
};

const NATIONAL_RULES: ReviewRules = {
  ...SX19_RULES,
  family: 'national',
  label: REVIEW_FAMILY_LABELS.national,
  origin: 'default',
  materials: NATIONAL_MATERIALS,
  disagreementCitation: r('MEE19', '三(四)', undefined, '建立健全法制审核机构与行政执法承办机构对审核意见不一致时的协调机制'),
  gateCitation: r('MEE19', '三', undefined, '未经法制审核或者审核未通过的，不得作出决定'),
  hearingCitation: r('MEE19', '三(二)', undefined, '经过听证程序作出行政执法决定'),
  hearingScope: 'held',
  recusalCitation: r('APL', '43'),
};

export const REVIEW_RULES: Record<ReviewFamily, ReviewRules> = { SX19: SX19_RULES, XX19: XX19_RULES, national: NATIONAL_RULES };

/** The review rules that apply under a resolved profile. */
export function reviewRulesFor(profile: Pick<ResolvedProfile, 'chain'>): ReviewRules {
  return REVIEW_RULES[reviewFamily(profile)];
}

/** The outcome a finding on an item calls for under `rules`, or null for 'pass'. */
export function findingOutcome(rules: ReviewRules, item: ChecklistItemKey, finding: Finding): FindingRule | null {
  if (finding === 'pass') return null;
  const rule = rules.checklist.find((c) => c.item === item);
  if (!rule) return null;
  return finding === 'flaw' ? (rule.onFlaw ?? rule.onFail) : rule.onFail;
}
