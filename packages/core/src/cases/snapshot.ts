/**
 * What the stage machine needs to know about a case: a plain snapshot the
 * server assembles from its tables (no I/O here).
 */
import type { DocumentFieldValues, DocumentStatus } from '../records/fields.js';
import type { ServiceRecord } from '../records/service.js';
import type { MeasureKey } from '../profiles/vocabulary.js';
import type { ActionType, CaseSource } from './action-types.js';
import type { DecisionStageRecords } from './decision-records.js';
import type { HandlerOfficer } from './handlers.js';
import type { CaseMeasureKey } from './measures.js';
import type { PartyKind } from './party.js';
import type { ProposedPenalty } from './penalty-types.js';
import type { CaseState } from './stages.js';

/** Facts about the course of a case that change which records are required. */
export interface CaseFlags {
  /** 简易程序 (NAT-12 · 行政处罚法 Art 51): penalty decided on the spot. */
  summaryProcedure?: boolean;
  /** 重大执法决定: legal review required (REV-1 · SX19-L 5; 行政处罚法 Art 58). */
  majorDecision?: boolean;
  /** 情节复杂或者重大违法: the heads decide collectively (NAT-6 · 行政处罚法 Art 57 ¶2). */
  collectiveDiscussionRequired?: boolean;
  /** The party made a statement or defence (陈述申辩) to be recorded. */
  statementMade?: boolean;
  /** Overrides the computed hearing right (e.g. a province's lower amounts for 限产). */
  hearingRight?: boolean;
  hearingRequested?: boolean;
  /** The party declared in writing that it does not ask for a hearing. */
  hearingWaived?: boolean;
  /** Application: materials had to be supplemented (补正). */
  supplementRequested?: boolean;
  /** Application: not accepted (不予受理) — the case goes on to service and archive only. */
  notAccepted?: boolean;
  /** Penalty: penalise or not (default 'penalty'). */
  outcome?: 'penalty' | 'noPenalty';
  /** How the decision is carried out. */
  execution?: 'voluntary' | 'agencyEnforcement' | 'courtEnforcement' | 'notRequired';
  /** The decision has been carried out (or execution lawfully ended). */
  executionCompleted?: boolean;
  /** 查封、扣押 released (解除). */
  sealSeizeReleased?: boolean;
  /** Summary procedure: the on-the-spot decision was reported to the agency (行政处罚法 Art 52 ¶3). */
  summaryReported?: boolean;
  /** On-site enforcement prone to dispute (REC-7). */
  disputeProne?: boolean;
  /** Application handled at the service hall (GS-R 9(六), 15). */
  atServiceHall?: boolean;
  /**
   * NAT-11 · 按日连续处罚办法 第七条: this case is the 按日连续处罚 of the penalty case with this id
   * (set by the server's link use case, never patched in).
   */
  dailyPenaltyOf?: string;
}

/** A document of the case (any version; the latest version per `documentId` counts). */
export interface CaseDocumentRef {
  /** Id of this version. */
  id: string;
  /** Lineage id shared by its versions; default `id`. */
  documentId?: string;
  kind: string;
  status: DocumentStatus;
  version?: number;
  fields?: DocumentFieldValues;
}

/** An AV record and the situations it covers (REC-6, REC-7, REC-26), e.g. one recording of an inspection with sampling. */
export interface AvRecordRef {
  id: string;
  situations: readonly MeasureKey[];
}

export interface CaseSnapshot {
  actionType: ActionType;
  source: CaseSource;
  state: CaseState;
  measures?: readonly CaseMeasureKey[];
  flags?: CaseFlags;
  /** The main party's kind (hearing and summary thresholds); default 'naturalPerson', whose lower amounts are the cautious reading. */
  partyKind?: PartyKind;
  proposedPenalty?: ProposedPenalty;
  handlers?: readonly HandlerOfficer[];
  documents?: readonly CaseDocumentRef[];
  services?: readonly ServiceRecord[];
  decisionRecords?: DecisionStageRecords;
  avRecords?: readonly AvRecordRef[];
  /** Configurable action types the agency turned on. */
  enabledActionTypes?: readonly ActionType[];
}
