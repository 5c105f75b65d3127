/**
 * Test fixtures (not exported): complete case snapshots per action type, so a
 * test can remove one piece and see exactly which gate closes.
 */
import { seedCalendar } from '../calendar/index.js';
import { resolveProfile } from '../profiles/resolve.js';
import type { ProfileId } from '../profiles/types.js';
import { MEASURE_KEYS } from '../profiles/vocabulary.js';
import { BUILT_IN_DOCUMENT_KINDS, type DocumentKindKey } from '../records/catalogue.js';
import type { DocumentFieldValues, DocumentStatus } from '../records/fields.js';
import { sampleFields } from '../records/sample-fields.js';
import type { DirectService } from '../records/service.js';
import type { ActionType } from './action-types.js';
import type { AdvanceInput } from './case-documents.js';
import type { DecisionStageRecords } from './decision-records.js';
import type { HandlerOfficer } from './handlers.js';
import type { CaseDocumentRef, CaseSnapshot } from './snapshot.js';
import type { CaseStage } from './stages.js';

export const calendar = seedCalendar();
export const TODAY = '2026-04-20';

export const OFFICERS: HandlerOfficer[] = [
  { id: 'o1', name: '张三', certificate: { number: '14010020001', validFrom: '2024-01-01', validTo: '2027-12-31', status: 'valid' } },
  { id: 'o2', name: '李四', certificate: { number: '14010020002', validFrom: '2024-01-01', validTo: '2027-12-31', status: 'valid' } },
];

/** A document whose id is its kind, completed with sample values. */
export function docOf(kind: DocumentKindKey, fields: DocumentFieldValues = {}, status?: DocumentStatus): CaseDocumentRef {
  const spec = BUILT_IN_DOCUMENT_KINDS[kind];
  return { id: kind, documentId: kind, kind, status: status ?? spec.finalStatus, version: 1, fields: sampleFields(spec, fields) };
}

/** A counting direct service of a document. */
export function servedDirect(documentId: string, receivedAt = '2026-03-20'): DirectService {
  return {
    id: `svc-${documentId}`,
    documentId,
    method: 'direct',
    recipientName: '王五',
    recipientRole: 'legalRepresentative',
    recipientSigned: true,
    serverNames: ['张三', '李四'],
    serverSigned: true,
    receivedAt,
  };
}

const DECISION_RECORDS: DecisionStageRecords = {
  handlerOpinion: { by: ['张三', '李四'], at: '2026-03-10', facts: '超标排放', evidence: ['监测报告'], legalBasis: '大气污染防治法第九十九条', discretionRule: '裁量基准第 3 档', proposal: '罚款 25 万元' },
  unitReview: { reviewer: '执法科科长', at: '2026-03-11', opinion: '同意', agreed: true },
  legalReview: { reviewId: 'rev-1', outcome: 'passed', at: '2026-03-13' },
  collectiveDiscussion: { documentId: 'collectiveDiscussionRecord', at: '2026-03-16', conclusion: '同意处罚' },
  approval: { approver: '局长', at: '2026-03-17', opinion: '同意', approved: true },
};

export type Variant = 'penalty' | 'penaltyNoPenalty' | 'penaltySummary' | 'coercion' | 'inspection' | 'permit' | 'confirmation' | 'registration';

const APPLICATION_DECISION: Record<'permit' | 'confirmation' | 'registration', DocumentKindKey> = {
  permit: 'permitDecision',
  confirmation: 'confirmationDecision',
  registration: 'registrationDecision',
};

function base(actionType: ActionType, source: CaseSnapshot['source'], kinds: DocumentKindKey[], extra: Partial<CaseSnapshot>): CaseSnapshot {
  const documents = kinds.map((k) => docOf(k));
  const services = documents.filter((d) => d.status === 'issued' && BUILT_IN_DOCUMENT_KINDS[d.kind as DocumentKindKey].servedToParty).map((d) => servedDirect(d.id));
  return {
    actionType,
    source,
    state: 'initiation',
    partyKind: 'organisation',
    handlers: OFFICERS,
    documents,
    services,
    decisionRecords: DECISION_RECORDS,
    avRecords: [{ id: 'av-all', situations: MEASURE_KEYS }],
    enabledActionTypes: ['confirmation', 'registration'],
    ...extra,
  };
}

/** A case with every record any gate of its type can ask for (every condition switched on). */
export function completeCase(variant: Variant): CaseSnapshot {
  switch (variant) {
    case 'penalty':
      return base(
        'penalty',
        'complaint',
        [
          'filingApproval', 'coercionApproval', 'inspectionRecord', 'inquiryRecord', 'surveyRecord', 'samplingVoucher', 'evidenceRegister',
          'investigationReport', 'sealSeizeDecision', 'sealSeizeList', 'penaltyNotice', 'hearingNotice', 'hearingSummons', 'hearingRecord',
          'statementRecord', 'collectiveDiscussionRecord', 'penaltyDecision', 'reminderNotice', 'courtEnforcementApplication', 'releaseDecision',
          'closingApproval',
        ],
        {
          measures: ['seal', 'evidencePreservation', 'sampling'],
          proposedPenalty: { types: ['fine'], fineAmount: 250_000 },
          flags: {
            majorDecision: true,
            collectiveDiscussionRequired: true,
            statementMade: true,
            hearingRequested: true,
            execution: 'courtEnforcement',
            executionCompleted: true,
            sealSeizeReleased: true,
          },
        },
      );
    case 'penaltyNoPenalty':
      return base('penalty', 'randomInspection', ['filingApproval', 'inspectionRecord', 'investigationReport', 'noPenaltyDecision', 'closingApproval'], {
        flags: { outcome: 'noPenalty' },
      });
    case 'penaltySummary':
      return base('penalty', 'exOfficio', ['penaltyDecision'], {
        partyKind: 'naturalPerson',
        proposedPenalty: { types: ['warning'] },
        flags: { summaryProcedure: true, summaryReported: true, executionCompleted: true },
      });
    case 'coercion':
      return base(
        'coercion',
        'exOfficio',
        [
          'coercionApproval', 'inspectionRecord', 'sealSeizeDecision', 'sealSeizeList', 'reminderNotice', 'statementRecord', 'enforcementDecision',
          'substituteExecutionDecision', 'collectiveDiscussionRecord', 'releaseDecision', 'closingApproval',
        ],
        {
          measures: ['seal', 'seize', 'substituteExecution', 'forcedDemolition'],
          flags: { statementMade: true, executionCompleted: true, sealSeizeReleased: true, majorDecision: true, collectiveDiscussionRequired: true },
        },
      );
    case 'inspection':
      return base('inspection', 'randomInspection', ['sourceRecord', 'inspectionRecord', 'collectiveDiscussionRecord'], {
        flags: { majorDecision: true, collectiveDiscussionRequired: true },
      });
    case 'permit':
    case 'confirmation':
    case 'registration':
      return base(
        variant,
        'application',
        ['application', 'supplementNotice', 'acceptanceNotice', 'hearingSummons', 'hearingRecord', 'statementRecord', 'collectiveDiscussionRecord', APPLICATION_DECISION[variant]],
        { flags: { supplementRequested: true, hearingRequested: true, statementMade: true, atServiceHall: true, majorDecision: true, collectiveDiscussionRequired: true } },
      );
  }
}

export const VARIANTS: Variant[] = ['penalty', 'penaltyNoPenalty', 'penaltySummary', 'coercion', 'inspection', 'permit', 'confirmation', 'registration'];

const profiles = new Map<ProfileId, ReturnType<typeof resolveProfile>>();
export function profile(id: ProfileId): ReturnType<typeof resolveProfile> {
  let p = profiles.get(id);
  if (!p) profiles.set(id, (p = resolveProfile(id)));
  return p;
}

/** The input of checkAdvance for a snapshot in a stage. */
export function inputFor(snapshot: CaseSnapshot, stage: CaseStage, profileId: ProfileId = 'SX25', today = TODAY): AdvanceInput {
  return { snapshot: { ...snapshot, state: stage }, profile: profile(profileId), calendar, today };
}
