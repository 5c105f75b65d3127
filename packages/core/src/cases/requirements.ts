/**
 * The records each stage requires before the case may leave it, per action
 * type, each row with its articles (REC-3..REC-5, REC-25; GS19 chapters 2–6;
 * national law). Rows that depend on the course of the case carry conditions
 * (conditions.ts). Rules that differ by profile are evaluated against the
 * resolved profile: AV obligations through the profile's AV lists
 * (av-situations.ts) and rows marked with a profile condition (DUR-3 for SX25).
 *
 * The table is data: `describeStageRequirements` lists it for the console,
 * `stageChecklist` (advance.ts) evaluates it for one case.
 */
import type { Citation } from '../profiles/documents.js';
import { BUILT_IN_DOCUMENT_KINDS, type DocumentKindKey } from '../records/catalogue.js';
import { ACTION_TYPES, type ActionType } from './action-types.js';
import { ruleRef as r } from './citation.js';
import type { ConditionKey } from './conditions.js';
import { DECISION_PART_CITATIONS, DECISION_PART_LABELS, type DecisionPart } from './decision-records.js';
import type { CaseStage } from './stages.js';

/** A document satisfying a row; with `whenField`, only if that field is true (e.g. a notice that also states hearing rights). */
export interface DocAlternative {
  kind: DocumentKindKey;
  whenField?: string;
}

export type RequirementNeed =
  | { type: 'document'; anyOf: readonly DocAlternative[]; status: 'signed' | 'issued'; served: boolean }
  | { type: 'decisionRecord'; part: DecisionPart }
  | { type: 'handlers' }
  | { type: 'caseSource' }
  | { type: 'flag'; flag: 'executionCompleted' | 'summaryReported' }
  | { type: 'documentField'; kind: DocumentKindKey; field: string }
  | { type: 'hearingPeriod' }
  | { type: 'statementPeriod' }
  | { type: 'summaryAllowed' }
  | { type: 'allIssuedServed' }
  | { type: 'noDrafts' };

/** One row: leaving `stage` needs `need` for these action types, when the conditions hold. */
export interface StageRequirement {
  id: string;
  /** The requirement it serves (REQUIREMENTS.md), e.g. 'REC-25'. */
  requirement: string;
  stage: CaseStage;
  actionTypes: readonly ActionType[];
  when?: readonly ConditionKey[];
  need: RequirementNeed;
  label: string;
  citations: readonly Citation[];
}

const PENALTY: readonly ActionType[] = ['penalty'];
const COERCION: readonly ActionType[] = ['coercion'];
const INSPECTION: readonly ActionType[] = ['inspection'];
const APPLICATION: readonly ActionType[] = ['permit', 'confirmation', 'registration'];
const INVESTIGATING: readonly ActionType[] = ['penalty', 'coercion', 'inspection'];
const PENALTY_COERCION: readonly ActionType[] = ['penalty', 'coercion'];
const ALL: readonly ActionType[] = ACTION_TYPES;

interface RowOptions {
  when?: readonly ConditionKey[];
  citations: readonly Citation[];
}

function documentLabel(anyOf: readonly DocAlternative[], status: 'signed' | 'issued', served: boolean): string {
  const names = anyOf.map((a) => BUILT_IN_DOCUMENT_KINDS[a.kind].name).join('或');
  return `${names}（${status === 'issued' ? '已签发' : '已签署'}${served ? '并送达' : ''}）`;
}

function doc(
  id: string,
  requirement: string,
  stage: CaseStage,
  actionTypes: readonly ActionType[],
  kinds: DocumentKindKey | readonly (DocumentKindKey | DocAlternative)[],
  status: 'signed' | 'issued',
  o: RowOptions & { served?: boolean },
): StageRequirement {
  const anyOf = (typeof kinds === 'string' ? [kinds] : kinds).map((k) => (typeof k === 'string' ? { kind: k } : k));
  const served = o.served ?? false;
  const need = { type: 'document' as const, anyOf, status, served };
  return { id, requirement, stage, actionTypes, ...(o.when ? { when: o.when } : {}), need, label: documentLabel(anyOf, status, served), citations: o.citations };
}

function part(id: string, requirement: string, actionTypes: readonly ActionType[], p: DecisionPart, when?: readonly ConditionKey[]): StageRequirement {
  return { id, requirement, stage: 'decision', actionTypes, ...(when ? { when } : {}), need: { type: 'decisionRecord', part: p }, label: DECISION_PART_LABELS[p], citations: DECISION_PART_CITATIONS[p] };
}

function rule(id: string, requirement: string, stage: CaseStage, actionTypes: readonly ActionType[], need: RequirementNeed, label: string, o: RowOptions): StageRequirement {
  return { id, requirement, stage, actionTypes, ...(o.when ? { when: o.when } : {}), need, label, citations: o.citations };
}

// Citations used more than once.
const GSR7_1 = r('GS-R', '7', '第一款');
const GSR7_2 = r('GS-R', '7', '第二款');
const GSR16 = r('GS-R', '16');
const GSR25 = r('GS-R', '25');
const GSR34 = r('GS-R', '34');
const GSR37_40 = [r('GS-R', '37'), r('GS-R', '38'), r('GS-R', '39'), r('GS-R', '40')];
const HANDLERS = [r('APL', '42'), r('ACL', '18', '（二）'), r('SX19-L', '11', '（一）'), r('GS-P', '5', '（二）'), r('GS-P', '6', '（一）')];
const EVIDENCE_KINDS: readonly DocumentKindKey[] = ['inspectionRecord', 'inquiryRecord', 'surveyRecord', 'samplingVoucher', 'evidenceRegister'];

export const STAGE_REQUIREMENTS: readonly StageRequirement[] = [
  // ── 启动 initiation (REC-3 · GS-R 7) ────────────────────────────────────
  rule('all.initiation.source', 'REC-3', 'initiation', ALL, { type: 'caseSource' }, '案件来源与执法类别相符', { citations: [r('GS-R', '7')] }),
  doc('penalty.initiation.filing', 'REC-3', 'initiation', PENALTY, 'filingApproval', 'signed', { when: ['generalProcedure'], citations: [GSR7_1, r('EPPM', '18')] }),
  doc('coercion.initiation.approval', 'REC-3', 'initiation', COERCION, 'coercionApproval', 'signed', { citations: [r('GS-R', '32'), r('ACL', '18', '（一）')] }),
  doc('inspection.initiation.source', 'REC-3', 'initiation', INSPECTION, 'sourceRecord', 'signed', { citations: [GSR7_1, r('GS-R', '23')] }),
  doc('application.initiation.application', 'REC-3', 'initiation', APPLICATION, 'application', 'signed', { citations: [GSR7_2, GSR16, r('GS-R', '4', '（三）')] }),
  doc('application.initiation.supplement', 'REC-3', 'initiation', APPLICATION, 'supplementNotice', 'issued', { served: true, when: ['supplementRequested'], citations: [GSR7_2, GSR16] }),
  doc('application.initiation.acceptance', 'REC-3', 'initiation', APPLICATION, ['acceptanceNotice', 'nonAcceptanceDecision'], 'issued', { served: true, citations: [GSR7_2, GSR16] }),
  rule('investigating.initiation.handlers', 'ORG-2', 'initiation', INVESTIGATING, { type: 'handlers' }, '两名以上持有效执法证的承办人员', { citations: HANDLERS }),

  // ── 调查取证 investigation (REC-5 · GS-R 22, 25, 33-35) ──────────────────
  rule('investigating.investigation.handlers', 'ORG-2', 'investigation', INVESTIGATING, { type: 'handlers' }, '两名以上持有效执法证的承办人员', { citations: HANDLERS }),
  doc('penalty.investigation.evidence', 'REC-5', 'investigation', PENALTY, EVIDENCE_KINDS, 'signed', { when: ['generalProcedure'], citations: [GSR25, r('GS-R', '26')] }),
  doc('penalty.investigation.report', 'REC-5', 'investigation', PENALTY, 'investigationReport', 'signed', { when: ['generalProcedure'], citations: [r('GS-R', '8', '（一）'), r('SX19-L', '10')] }),
  doc('coercion.investigation.onSite', 'REC-5', 'investigation', COERCION, 'inspectionRecord', 'signed', { citations: [r('ACL', '18', '（七）'), r('GS-R', '33'), r('GS-R', '35')] }),
  doc('inspection.investigation.onSite', 'REC-5', 'investigation', INSPECTION, 'inspectionRecord', 'signed', { citations: [r('GS-R', '21'), r('GS-R', '22')] }),
  rule(
    'inspection.investigation.findingsNotified',
    'DUR-3',
    'investigation',
    INSPECTION,
    { type: 'documentField', kind: 'inspectionRecord', field: 'findingsNotified' },
    '现场检查笔录记载已将检查情况告知检查对象',
    { when: ['profileSX25'], citations: [r('SX25-P', '12', undefined, '检查结束后，执法人员应当将现场检查的相关情况及时告知检查对象')] },
  ),
  doc('penalty.investigation.sealSeizeApproval', 'REC-5', 'investigation', PENALTY, 'coercionApproval', 'signed', { when: ['sealOrSeize'], citations: [r('GS-R', '32'), r('ACL', '18', '（一）')] }),
  doc('measure.investigation.sealSeizeDecision', 'REC-5', 'investigation', PENALTY_COERCION, 'sealSeizeDecision', 'issued', { served: true, when: ['sealOrSeize'], citations: [GSR34, r('ACL', '24')] }),
  doc('measure.investigation.sealSeizeList', 'REC-5', 'investigation', PENALTY_COERCION, 'sealSeizeList', 'signed', { when: ['sealOrSeize'], citations: [GSR34, r('ACL', '24')] }),
  doc('measure.investigation.evidenceRegister', 'REC-5', 'investigation', INVESTIGATING, 'evidenceRegister', 'signed', { when: ['evidencePreservation'], citations: [GSR25, r('APL', '56')] }),
  doc('measure.investigation.samplingVoucher', 'REC-5', 'investigation', INVESTIGATING, 'samplingVoucher', 'signed', { when: ['sampling'], citations: [GSR25] }),
  doc('application.investigation.hearing', 'REC-5', 'investigation', APPLICATION, 'hearingRecord', 'signed', { when: ['accepted', 'hearingRequested'], citations: [r('GS-R', '17')] }),
  doc('application.investigation.statement', 'REC-5', 'investigation', APPLICATION, 'statementRecord', 'signed', { when: ['accepted', 'statementMade'], citations: [r('GS-R', '18')] }),

  // ── 审核决定 review and decision (REC-4 · GS-R 8; GS-R 27-31) ────────────
  // Handler opinion and approval for every procedure that reaches a decision. The handling unit's review is required
  // for penalty and coercion; GS-R 19 and 23 leave the approval steps of permits and inspections to the agency's rules.
  part('penalty.decision.handlerOpinion', 'REC-4', PENALTY, 'handlerOpinion', ['generalProcedure']),
  part('coercion.decision.handlerOpinion', 'REC-4', COERCION, 'handlerOpinion'),
  part('inspection.decision.handlerOpinion', 'REC-4', INSPECTION, 'handlerOpinion'),
  part('application.decision.handlerOpinion', 'REC-4', APPLICATION, 'handlerOpinion', ['accepted']),
  part('penalty.decision.unitReview', 'REC-4', PENALTY, 'unitReview', ['generalProcedure']),
  part('coercion.decision.unitReview', 'REC-4', COERCION, 'unitReview'),
  part('all.decision.legalReview', 'REV-1', ALL, 'legalReview', ['majorDecision']),
  part('all.decision.collectiveDiscussion', 'NAT-6', ALL, 'collectiveDiscussion', ['collectiveDiscussion']),
  part('penalty.decision.approval', 'REC-4', PENALTY, 'approval', ['generalProcedure']),
  part('coercion.decision.approval', 'REC-4', COERCION, 'approval'),
  part('inspection.decision.approval', 'REC-4', INSPECTION, 'approval'),
  part('application.decision.approval', 'REC-4', APPLICATION, 'approval', ['accepted']),
  doc('penalty.decision.priorNotice', 'REC-5', 'decision', PENALTY, 'penaltyNotice', 'issued', { served: true, when: ['generalProcedure', 'outcomePenalty'], citations: [r('APL', '44'), r('GS-R', '29')] }),
  doc('penalty.decision.hearingNotice', 'NAT-4', 'decision', PENALTY, ['hearingNotice', { kind: 'penaltyNotice', whenField: 'hearingRightsIncluded' }], 'issued', {
    served: true,
    when: ['generalProcedure', 'outcomePenalty', 'hearingRight'],
    citations: [r('APL', '63'), r('APL', '64', '（一）'), r('GS-R', '28')],
  }),
  rule('penalty.decision.hearingPeriod', 'NAT-4', 'decision', PENALTY, { type: 'hearingPeriod' }, '要求听证的期限已届满、当事人已放弃或者已举行听证', {
    when: ['generalProcedure', 'outcomePenalty', 'hearingRight'],
    citations: [r('APL', '64', '（一）', '当事人要求听证的，应当在行政机关告知后五日内提出')],
  }),
  doc('penalty.decision.hearingSummons', 'NAT-4', 'decision', PENALTY, 'hearingSummons', 'issued', { served: true, when: ['hearingRequested'], citations: [r('APL', '64', '（二）')] }),
  doc('penalty.decision.hearingRecord', 'REC-5', 'decision', PENALTY, 'hearingRecord', 'signed', { when: ['hearingRequested'], citations: [r('GS-R', '30'), r('APL', '64', '（八）')] }),
  // NAT-20 · 行政处罚法 Art 44, 45, 62: the party is heard (its statement recorded) or its time has passed before the decision.
  rule('penalty.decision.statementPeriod', 'NAT-20', 'decision', PENALTY, { type: 'statementPeriod' }, '当事人陈述、申辩已听取并记录，或者陈述、申辩期限已届满', {
    when: ['generalProcedure', 'outcomePenalty'],
    citations: [r('APL', '44'), r('APL', '45'), r('APL', '62', undefined, '未依照本法第四十四条、第四十五条的规定向当事人告知拟作出的行政处罚内容及事实、理由、依据，或者拒绝听取当事人的陈述、申辩，不得作出行政处罚决定')],
  }),
  doc('penaltyCoercion.decision.statement', 'REC-5', 'decision', PENALTY_COERCION, 'statementRecord', 'signed', { when: ['statementMade'], citations: [r('GS-R', '29'), GSR34] }),
  doc('penalty.decision.penaltyDecision', 'NAT-7', 'decision', PENALTY, 'penaltyDecision', 'issued', { when: ['outcomePenalty'], citations: [r('APL', '59')] }),
  doc('penalty.decision.noPenaltyDecision', 'REC-5', 'decision', PENALTY, 'noPenaltyDecision', 'issued', { when: ['generalProcedure', 'outcomeNoPenalty'], citations: [r('APL', '57')] }),
  rule('penalty.decision.summaryAllowed', 'NAT-12', 'decision', PENALTY, { type: 'summaryAllowed' }, '符合当场处罚的条件', { when: ['summaryProcedure'], citations: [r('APL', '51')] }),
  doc('coercion.decision.reminder', 'REC-5', 'decision', COERCION, 'reminderNotice', 'issued', { served: true, when: ['coerciveExecution'], citations: [r('ACL', '35'), r('ACL', '51'), GSR34] }),
  doc('coercion.decision.enforcementDecision', 'REC-5', 'decision', COERCION, 'enforcementDecision', 'issued', { when: ['forcedEnforcement'], citations: [r('ACL', '37'), GSR34] }),
  doc('coercion.decision.substituteDecision', 'REC-5', 'decision', COERCION, 'substituteExecutionDecision', 'issued', { when: ['substituteExecution'], citations: [r('ACL', '51')] }),
  doc('permit.decision.decision', 'REC-5', 'decision', ['permit'], 'permitDecision', 'issued', { when: ['accepted'], citations: [GSR16, r('GS-R', '19')] }),
  doc('confirmation.decision.decision', 'REC-5', 'decision', ['confirmation'], 'confirmationDecision', 'issued', { when: ['accepted'], citations: [r('GS-R', '2'), r('GS-R', '19')] }),
  doc('registration.decision.decision', 'REC-5', 'decision', ['registration'], 'registrationDecision', 'issued', { when: ['accepted'], citations: [r('GS-R', '2'), r('GS-R', '19')] }),

  // ── 送达执行 service and execution (REC-25 · GS-R 34-40) ─────────────────
  doc('penalty.serviceExecution.penaltyDecision', 'REC-25', 'serviceExecution', PENALTY, 'penaltyDecision', 'issued', { served: true, when: ['outcomePenalty'], citations: [r('APL', '61'), ...GSR37_40] }),
  doc('penalty.serviceExecution.noPenaltyDecision', 'REC-25', 'serviceExecution', PENALTY, 'noPenaltyDecision', 'issued', { served: true, when: ['generalProcedure', 'outcomeNoPenalty'], citations: GSR37_40 }),
  doc('coercion.serviceExecution.enforcementDecision', 'REC-25', 'serviceExecution', COERCION, 'enforcementDecision', 'issued', { served: true, when: ['forcedEnforcement'], citations: [r('ACL', '38'), GSR34] }),
  doc('coercion.serviceExecution.substituteDecision', 'REC-25', 'serviceExecution', COERCION, 'substituteExecutionDecision', 'issued', { served: true, when: ['substituteExecution'], citations: [r('ACL', '51')] }),
  doc('permit.serviceExecution.decision', 'REC-25', 'serviceExecution', ['permit'], 'permitDecision', 'issued', { served: true, when: ['accepted'], citations: [GSR16] }),
  doc('confirmation.serviceExecution.decision', 'REC-25', 'serviceExecution', ['confirmation'], 'confirmationDecision', 'issued', { served: true, when: ['accepted'], citations: [GSR16] }),
  doc('registration.serviceExecution.decision', 'REC-25', 'serviceExecution', ['registration'], 'registrationDecision', 'issued', { served: true, when: ['accepted'], citations: [GSR16] }),
  doc('measure.serviceExecution.release', 'REC-5', 'serviceExecution', PENALTY_COERCION, 'releaseDecision', 'issued', { served: true, when: ['sealSeizeReleased'], citations: [r('ACL', '28'), GSR34] }),
  doc('execution.serviceExecution.courtReminder', 'REC-5', 'serviceExecution', PENALTY_COERCION, 'reminderNotice', 'issued', { served: true, when: ['courtEnforcement'], citations: [r('ACL', '54'), r('GS-R', '36')] }),
  doc('execution.serviceExecution.courtApplication', 'REC-5', 'serviceExecution', PENALTY_COERCION, 'courtEnforcementApplication', 'issued', { when: ['courtEnforcement'], citations: [r('GS-R', '36'), r('ACL', '53')] }),
  rule('penalty.serviceExecution.executed', 'REC-5', 'serviceExecution', PENALTY, { type: 'flag', flag: 'executionCompleted' }, '处罚决定已执行完毕或者依法终结执行', {
    when: ['outcomePenalty'],
    citations: [r('GS-R', '36'), r('GS-R', '41')],
  }),
  rule('coercion.serviceExecution.executed', 'REC-5', 'serviceExecution', COERCION, { type: 'flag', flag: 'executionCompleted' }, '强制措施或者强制执行已实施完毕', { citations: [r('GS-R', '33'), r('GS-R', '41')] }),
  rule('penalty.serviceExecution.summaryReported', 'NAT-12', 'serviceExecution', PENALTY, { type: 'flag', flag: 'summaryReported' }, '当场处罚决定已报所属机关备案', {
    when: ['summaryProcedure'],
    citations: [r('APL', '52', '第三款')],
  }),
  doc('penalty.serviceExecution.closing', 'REC-19', 'serviceExecution', PENALTY, 'closingApproval', 'signed', { when: ['generalProcedure'], citations: [r('GS-R', '27'), r('GS-R', '41')] }),
  doc('coercion.serviceExecution.closing', 'REC-19', 'serviceExecution', COERCION, 'closingApproval', 'signed', { citations: [r('GS-R', '32'), r('GS-R', '41')] }),
  rule('all.serviceExecution.allServed', 'REC-25', 'serviceExecution', ALL, { type: 'allIssuedServed' }, '向当事人签发的文书均已送达', { citations: [...GSR37_40, r('APL', '61')] }),

  // ── 归档 archive (REC-19 · GS-R 41; REC-16) ─────────────────────────────
  rule('all.archive.noDrafts', 'REC-16', 'archive', ALL, { type: 'noDrafts' }, '案卷内文书均已签署或者签发（无未完成的草稿或者更正）', {
    citations: [r('GS-R', '41'), r('SX25-R', '22')],
  }),
];

/** Rows for one action type and stage, in table order. */
export function stageRequirementsFor(type: ActionType, stage: CaseStage): StageRequirement[] {
  return STAGE_REQUIREMENTS.filter((row) => row.stage === stage && row.actionTypes.includes(type));
}
