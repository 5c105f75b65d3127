/**
 * Shapes of the case, party, document and service answers (issue 4): the
 * routes in packages/server/src/http/routes/cases.ts and the presenters in
 * packages/server/src/usecases/{cases,documents,parties,service}.ts.
 */
import type {
  ActionType,
  CaseDates,
  CaseDeadlineStatus,
  CaseFlags,
  CaseMeasureKey,
  CaseSource,
  CaseStage,
  CaseState,
  ContactKind,
  DecisionStageRecords,
  DocumentFieldValues,
  DocumentKindSpec,
  DocumentStatus,
  FieldSpec,
  IdType,
  PartyKind,
  ProposedPenalty,
  RuleMissing,
  ServiceMethod,
} from '../domain.js';

/** A deadline as the API returns it ('unknown' when the calendar year is missing). */
export interface CaseDeadline {
  key: string;
  label: string;
  due: string | null;
  dueWithMaxExtension?: string | null;
  basis: string;
  status: CaseDeadlineStatus | 'unknown';
  stages?: CaseStage[];
  warnings?: string[];
  /** NAT-21: the due date counts days of a year without the State Council's notice (暂定). */
  provisional?: boolean;
  provisionalReason?: string | null;
  /** The day the deadline runs from and what it is (e.g. 立案之日). */
  from?: string | null;
  anchorLabel?: string | null;
  /** NAT-3: the limit as the profile sets it, e.g. '90日'. */
  period?: string | null;
  /** NAT-3: approved extensions counted in `due`. */
  extensions?: { amount: number; approvedBy: string; approvedAt: string; reason: string | null }[];
}

export interface RequirementRow {
  stage: CaseStage;
  id: string;
  requirement: string;
  label: string;
  binding: 'required' | 'advised';
  condition: string;
  basis: string;
}

/** GET /case-meta */
export interface CaseMeta {
  profileId: string;
  actionTypes: { key: ActionType; label: string; sources: CaseSource[] }[];
  sources: { key: CaseSource; label: string }[];
  measures: { key: CaseMeasureKey; category: string; stage: CaseStage; actionTypes: ActionType[]; hearingScope: boolean; seizureTerm: boolean }[];
  partyKinds: PartyKind[];
  serviceMethods: ServiceMethod[];
  stages: CaseStage[];
  documentKinds: DocumentKindSpec[];
  stageRequirements: Partial<Record<ActionType, RequirementRow[]>>;
}

export interface PersonId {
  name: string;
  idType?: IdType;
  idTypeName?: string;
  idNumber?: string;
}

export interface Party {
  id: string;
  agencyId: string;
  kind: PartyKind;
  name: string;
  idType: IdType | null;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: PersonId | null;
  operator: PersonId | null;
  minor: boolean;
  address: string;
  contacts: { kind: ContactKind; value: string }[];
}

/** GET /officers: the own agency's officers with the state of their certificate today. */
export interface Officer {
  id: string;
  name: string;
  username: string;
  certificateNumber: string | null;
  certificateValidTo: string | null;
  usable: boolean;
  problem: string | null;
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  title: string;
  actionType: ActionType;
  actionTypeLabel: string;
  state: CaseState;
  stateLabel: string;
  partyName: string | null;
  createdAt: string;
  nextDeadline: CaseDeadline | null;
}

export interface CaseListPage {
  total: number;
  page?: number;
  pageSize?: number;
  items: CaseListItem[];
}

export interface CaseHandler {
  id: string;
  name: string;
  lead: boolean;
  certificateNumber: string | null;
  certificateValidTo: string | null;
}

export interface CaseDocumentSummary {
  documentId: string;
  versionId: string;
  kind: string;
  kindName: string;
  recordNumber: string;
  version: number;
  status: DocumentStatus;
  docNumber: string | null;
  updatedAt: string;
}

export interface CaseServiceSummary {
  id: string;
  documentId: string;
  method: ServiceMethod;
  counts: boolean;
  servedOn: string | null;
  createdAt: string;
}

export interface ChecklistItem {
  id: string;
  stage: CaseStage;
  kind: string;
  label: string;
  status: 'met' | 'missing' | 'advised';
  reasons: string[];
  basis: string;
  condition?: string;
}

export interface TimelineEvent {
  id: number;
  at: string;
  actorName: string;
  kind: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  detail: Record<string, unknown>;
}

export interface CaseAbilities {
  update: boolean;
  advance: boolean;
  writeDocument: boolean;
  issueDocument: boolean;
  recordService: boolean;
  /** NAT-3: the head may approve an extension of the decision limit. */
  extendDeadline?: boolean;
}

/** The next lawful step of a case (GET /cases/:id → nextStep). */
export interface NextStep {
  action: 'document' | 'record' | 'wait' | 'advance';
  title: string;
  detail: string;
  citation: string;
  documentKind?: string;
  documentName?: string;
}

/**
 * NAT-11 · 《环境保护主管部门实施按日连续处罚办法》第十七条、第十九条: the computation
 * of a 按日连续处罚 case (GET /cases/:id → dailyPenalty), null for any other case.
 */
export interface DailyPenaltyView {
  originalCaseId: string | null;
  originalCaseNumber: string | null;
  originalDecisionNumber: string | null;
  originalFine: number | null;
  violation: string | null;
  basis: string | null;
  perDay: boolean | null;
  correctionNumber: string | null;
  correctionServedOn: string | null;
  reinspectionDue: string | null;
  reinspectedOn: string | null;
  finding: 'continuing' | 'obstructed' | 'corrected' | 'stopped' | null;
  firstDay: string | null;
  days: number | null;
  amount: number | null;
  decisionAmount: number | null;
  ok: boolean;
  problems: string[];
}

/** GET /cases/:id */
export interface CaseView {
  id: string;
  agencyId?: string;
  agencyName?: string;
  profileId?: string;
  caseNumber: string;
  title: string;
  actionType: ActionType;
  actionTypeLabel: string;
  source?: CaseSource;
  state: CaseState;
  stateLabel: string;
  stages: { key: CaseStage; label: string }[];
  party: Party | null;
  handlers: CaseHandler[];
  measures: CaseMeasureKey[];
  flags: CaseFlags;
  dates: CaseDates;
  proposedPenalty: ProposedPenalty | null;
  decisionRecords: DecisionStageRecords;
  documents: CaseDocumentSummary[];
  services: CaseServiceSummary[];
  checklist: ChecklistItem[];
  /** Issue 11 item 4: the next lawful step, with its citation by full title (null once archived). */
  nextStep?: NextStep | null;
  deadlines: CaseDeadline[];
  /** NAT-11: the 按日连续处罚 computation where it applies. */
  dailyPenalty?: DailyPenaltyView | null;
  timeline: TimelineEvent[];
  abilities: CaseAbilities;
}

export interface DocumentVersionEntry {
  id: string;
  documentId: string;
  kind: string;
  version: number;
  status: DocumentStatus;
  fields: DocumentFieldValues;
  supersedes: string | null;
  correctionReason: string | null;
  createdAt: string;
  createdBy?: string;
  current: boolean;
  supersededBy: string | null;
  docNumber: string | null;
  contentHash: string | null;
  finalizedAt: string | null;
}

/** GET /cases/:id/documents/:docId */
export interface DocumentView {
  documentId: string;
  caseId?: string;
  caseNumber?: string;
  kind: string;
  kindName: string;
  recordNumber: string;
  fieldSpecs: FieldSpec[];
  finalStatus: 'signed' | 'issued';
  history: DocumentVersionEntry[];
}

/** `details` of a refusal that lists what is missing (stage gate, fields, service proof). */
export type MissingDetail = RuleMissing;

export const caseUrl = (id: string) => `/cases/${encodeURIComponent(id)}`;
export const documentApi = (caseId: string, docId: string) => `/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(docId)}`;
/** Address of a rendering (Word, print) for links: same origin, the session cookie goes along. */
export const documentFileUrl = (caseId: string, docId: string, what: 'docx' | 'print', version?: number) =>
  `/api/v1${documentApi(caseId, docId)}/${what}${version ? `?version=${version}` : ''}`;
/** The whole case file (卷内文件目录 + signed and issued documents) as a print view (issue 15 item 8). */
export const caseFilePrintUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/file/print`;
