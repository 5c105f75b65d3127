/**
 * PUB-2, PUB-3: the publication draft made from a decision document when it
 * is issued (signed, for an inspection record). The clerk then checks it,
 * edits it and chooses full text or summary; the draft only saves typing.
 *
 * Which documents are published (谁执法谁公示, SX25-P 14; XX-P 9; GS-P 7):
 * the penalty decision (行政处罚决定书); the coercive measure and enforcement
 * decisions (查封（扣押）决定书, 强制执行决定书, 代履行决定书); the decisions on
 * applications (许可, 确认, 登记); and, for an inspection case, the signed
 * 现场检查笔录 as the inspection result (XX-P 9(三)).
 */
import { ACTION_TYPE_INFO, type ActionType } from '../cases/action-types.js';
import { PENALTY_TYPE_LABELS, isPenaltyType } from '../cases/penalty-types.js';
import { publicationFields } from './content.js';
import type { ProfileId } from '../profiles/types.js';

/** Document kinds whose issue (or signature) starts a publication, with the action type they publish under. */
export const PUBLISHABLE_KINDS: Readonly<Record<string, { actionType: ActionType | 'case'; name: string }>> = {
  penaltyDecision: { actionType: 'penalty', name: '行政处罚决定书' },
  sealSeizeDecision: { actionType: 'coercion', name: '查封（扣押）决定书' },
  enforcementDecision: { actionType: 'coercion', name: '强制执行决定书' },
  substituteExecutionDecision: { actionType: 'coercion', name: '代履行决定书' },
  permitDecision: { actionType: 'permit', name: '行政许可决定书' },
  confirmationDecision: { actionType: 'confirmation', name: '行政确认决定书' },
  registrationDecision: { actionType: 'registration', name: '行政登记决定书' },
  inspectionRecord: { actionType: 'inspection', name: '现场检查笔录' },
};

/** Whether finalizing a document of `kind` in a case of `caseActionType` starts a publication. */
export function publishableKind(kind: string, caseActionType: ActionType): ActionType | null {
  const k = PUBLISHABLE_KINDS[kind];
  if (!k) return null;
  // An inspection record in a penalty case is evidence, not a result to publish.
  if (kind === 'inspectionRecord' && caseActionType !== 'inspection') return null;
  return k.actionType === 'case' ? caseActionType : k.actionType;
}

export interface DecisionForDraft {
  kind: string;
  actionType: ActionType;
  fields: Readonly<Record<string, unknown>>;
  agencyName: string;
  /** The decision's date (issueDate, or the inspection's day). */
  decisionDate: string;
  decisionNumber: string;
  profile?: ProfileId;
}

export interface PublicationDraft {
  form: 'summary' | 'full';
  /** Keys of `publicationFields(actionType)`. */
  fields: Record<string, string>;
  /** The decision's text for a full publication (before redaction). */
  fullText: string;
  penaltyTypes: string[];
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.map(str).filter(Boolean).join('；') : String(v));

function penaltyLabels(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** The summary fields a decision document fills in. */
function summaryFields(d: DecisionForDraft): Record<string, string> {
  const f = d.fields;
  const party = str(f.partyName);
  const common: Record<string, string> = {
    agency: d.agencyName,
    target: party,
    category: ACTION_TYPE_INFO[d.actionType].label,
    decisionDate: d.decisionDate,
  };
  switch (d.kind) {
    case 'penaltyDecision': {
      const types = penaltyLabels(f.penaltyTypes).map((t) => (isPenaltyType(t) ? PENALTY_TYPE_LABELS[t] : t));
      return {
        ...common,
        conclusion: str(f.penaltyContent),
        decisionNumber: d.decisionNumber,
        documentName: '行政处罚决定书',
        partyName: party,
        creditCode: str(f.partyCreditCode),
        legalRepresentative: str(f.legalRepresentative),
        violationType: '',
        facts: str(f.facts),
        evidence: str(f.evidence),
        penaltyCategory: types.join('、'),
        result: str(f.penaltyContent),
        legalBasis: str(f.legalBasis),
        fineAmount: f.fineAmount === undefined || f.fineAmount === null || f.fineAmount === '' ? '' : `${str(f.fineAmount)}元`,
        validity: '',
        execution: '',
      };
    }
    case 'sealSeizeDecision':
      return {
        ...common,
        conclusion: `查封（扣押）${str(f.items)}，期限${str(f.termDays)}日`,
        measureDecision: `${PUBLISHABLE_KINDS[d.kind]!.name} ${d.decisionNumber}：${str(f.reasonAndBasis)}`,
        executionMethod: '查封（扣押）',
        executionResult: `已查封（扣押）：${str(f.items)}`,
      };
    case 'enforcementDecision':
    case 'substituteExecutionDecision':
      return {
        ...common,
        conclusion: str(f.reasonAndBasis),
        measureDecision: `${PUBLISHABLE_KINDS[d.kind]!.name} ${d.decisionNumber}`,
        executionMethod: str(f.method ?? f.substitute),
        executionResult: '',
      };
    case 'permitDecision':
    case 'confirmationDecision':
    case 'registrationDecision':
      return {
        ...common,
        conclusion: `${f.decision === 'refuse' ? '不予' : '准予'}${str(f.applicationItem)}`,
        documentName: PUBLISHABLE_KINDS[d.kind]!.name,
        documentNumber: d.decisionNumber,
        permitCategory: str(f.applicationItem),
        licenceName: '',
        licenceNumber: '',
        permitContent: str(f.content),
        validity: str(f.validUntil),
      };
    case 'inspectionRecord':
      return {
        ...common,
        conclusion: str(f.findings),
        basis: '',
        method: '现场检查',
        inspectionTime: [str(f.startAt), str(f.endAt)].filter(Boolean).join(' 至 '),
        items: '',
        spotCheckContent: '',
        problems: str(f.findings),
        rectification: '',
        outcome: '',
      };
    default:
      return { ...common, conclusion: '' };
  }
}

/** The draft of a decision: every field of the summary the document fills, and the full text. */
export function draftPublication(d: DecisionForDraft): PublicationDraft {
  const filled = summaryFields(d);
  const fields: Record<string, string> = {};
  for (const def of publicationFields(d.actionType, d.profile ? { profile: d.profile } : {})) fields[def.key] = filled[def.key] ?? '';
  const lines = publicationFields(d.actionType, d.profile ? { profile: d.profile } : {})
    .filter((def) => (fields[def.key] ?? '') !== '')
    .map((def) => `${def.label}：${fields[def.key]}`);
  return {
    form: 'summary',
    fields,
    fullText: [`${PUBLISHABLE_KINDS[d.kind]?.name ?? ''}${d.decisionNumber ? ` ${d.decisionNumber}` : ''}`, ...lines].join('\n'),
    penaltyTypes: penaltyLabels(d.fields.penaltyTypes),
  };
}
