/**
 * Shapes of the legal-review answers (packages/server/src/http/routes/review.ts
 * and usecases/review-present.ts), and small helpers shared by the review pages.
 */

export type ClockStatus = 'onTime' | 'dueSoon' | 'overdue' | 'paused' | 'done' | 'late' | 'unknown';

export interface ReviewClock {
  start?: string;
  due: string | null;
  baseDue?: string;
  status: ClockStatus;
  statusLabel: string;
  paused?: boolean;
  pausedDays?: number;
  dueWithMaxExtension?: string | null;
  basis?: string;
  ruleBasis?: string;
  warnings?: string[];
  error?: string;
}

export interface DocRef {
  documentId: string;
  kind: string;
  kindName: string;
  recordNumber: string;
  status: string | null;
}

export interface MatchItem {
  itemId: string;
  criterion: string;
  criterionLabel: string;
  label: string;
  value: string;
  basis: string;
}

export interface MatchResult {
  major: boolean;
  matches: MatchItem[];
  notMet: { itemId: string; label: string; value: string }[];
  summary: string;
  source: string;
  catalogueVersion?: number;
  catalogueAdopted?: boolean;
}

export interface ReviewRound {
  id: string;
  round: number;
  status: string;
  statusLabel: string;
  submittedAt: string;
  submittedByName: string;
  receivedOn: string;
  note: string;
  materials: { key: string; label: string; documents: DocRef[]; files: { id: string; recordNumber: string; filename: string }[]; text: string }[];
  match: MatchResult;
  reviewer: { id: string; name: string } | null;
  clock: ReviewClock;
  pauses: { id: string; reason: string; reasonLabel: string; requestedOn: string; resumedOn: string | null; note: string; openedByName: string }[];
  extensions: { id: string; amount: number; approval: string; approvedByName: string; approvedOn: string; reason: string }[];
  checklist: { item: string; label: string; finding: string; findingLabel: string; note?: string }[];
  outcome: string | null;
  outcomeLabel: string | null;
  opinion: string | null;
  grounds: { item: string; label: string; findingLabel: string; note: string; basis: string }[];
  leaderApproval: { approver: string; approvedOn: string } | null;
  decidedOn: string | null;
  opinionDocument: DocRef | null;
  disagreement: { reason: string; consultation: string; byName: string; on: string } | null;
  headDecision: { decision: string; decisionLabel: string; opinion: string; byName: string; on: string } | null;
  collectiveDiscussion: { documentId: string; conclusion: string; on: string; byName: string } | null;
}

/** 裁量情况 of the draft penalty decision (GET /cases/:id/review → discretion). */
export interface DiscretionView {
  violation: string;
  violated: string;
  basis: string;
  range: string;
  fineAmount: number | null;
  band: { label: string; circumstances: string; range: string } | null;
  outsideBand: boolean;
  reason: string | null;
}

export interface ReviewView {
  id: string | null;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  caseState: string;
  agencyName: string;
  profileId: string;
  rules: {
    family: string;
    label: string;
    origin: 'document' | 'default';
    outcomeLabels: Record<string, string>;
    checklist: { item: string; label: string; basis: string; binary: boolean }[];
    materials: { key: string; label: string; when: string; basis: string; textSuffices: boolean }[];
    pauseReasons: { key: string; label: string }[];
    pauseBasis: string;
    headMayOverrule: boolean;
    disagreementBasis: string;
    opinionApproval: { by: string; basis: string } | null;
    gateBasis: string;
    recusalBasis: string;
  };
  status: string | null;
  statusLabel: string;
  currentRound: number;
  clock: ReviewClock | null;
  rounds: ReviewRound[];
  recusals: { userId: string; userName: string; reason: string; declaredByName: string; declaredAt: string }[];
  history: { id: number; round: number; at: string; actorName: string; kind: string; detail: Record<string, unknown> }[];
  gate: { ok: boolean; reason: string; basis: string; applies?: boolean; code?: string; kind: string } | null;
  /** REV-4 (裁量适当) · NAT-22: the catalogue entry the draft decision cites, its range, the band and the officer's reason. */
  discretion?: DiscretionView | null;
  abilities: Record<'submit' | 'assign' | 'recuse' | 'pause' | 'resume' | 'extend' | 'decide' | 'disagree' | 'headDecide' | 'overrule' | 'collectiveDiscussion', boolean>;
  eligibleReviewers: { id: string; name: string; openRounds: number }[];
  excludedReviewers: { id: string; name: string; reason: string }[];
}

export interface MaterialsPreview {
  family: string;
  familyLabel: string;
  materials: { key: string; label: string; when: string; textSuffices: boolean; basis: string; documentKinds: string[] }[];
  suggested: { key: string; documentIds?: string[]; fileIds?: string[]; text?: string }[];
  missing: { label: string; reason: string; basis?: string; id?: string }[];
  documents: { documentId: string; kind: string; recordNumber: string; status: string }[];
  files: { id: string; recordNumber: string; filename: string }[];
  hearingHeld: boolean;
}

export interface QueueItem {
  reviewId: string;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  round: number;
  status: string;
  statusLabel: string;
  reviewerName: string | null;
  submittedAt: string;
  submittedByName: string;
  major: boolean;
  matched: string[];
  outcome: string | null;
  outcomeLabel: string | null;
  due: string | null;
  clockStatus: ClockStatus;
  clockStatusLabel: string;
}

export interface CatalogueItem {
  id: string;
  criterion: string;
  label: string;
  test:
    | { type: 'fine'; party: 'organisation' | 'individual'; atLeast: number }
    | { type: 'confiscation'; atLeast: number }
    | { type: 'measures'; anyOf: string[] }
    | { type: 'hearing'; scope: 'held' | 'requested' | 'right' }
    | { type: 'transfer' }
    | { type: 'complex' }
    | { type: 'declared' };
  actionTypes: string[];
  basis: string;
  note?: string;
}

export interface CatalogueView {
  agencyId: string;
  agencyName: string;
  profileId: string;
  version: number;
  adopted: boolean;
  current: number;
  effectiveFrom: string | null;
  title: string;
  note: string;
  items: CatalogueItem[];
  filings: { filedWith: string; filedOn: string; filingNumber: string; recordedBy: string }[];
  versions: { version: number; title: string; effectiveFrom: string; createdAt: string; createdByName: string; itemCount: number; filings: { filedWith: string; filedOn: string }[] }[];
  proposal: { title: string; items: CatalogueItem[]; note?: string };
}

export interface ReviewMeta {
  criteria: { key: string; label: string }[];
  testTypes: { key: string; label: string }[];
  measures: { key: string; label: string }[];
  materials: { key: string; label: string }[];
  checklist: { key: string; label: string }[];
  findings: { key: string; label: string }[];
  roundStatuses: { key: string; label: string }[];
  headDecisions: { key: string; label: string }[];
}

/** Colour of the deadline status (REV-6): red when overdue, orange when due soon, blue while the clock is stopped. */
export const CLOCK_COLORS: Record<ClockStatus, string> = {
  overdue: 'red',
  dueSoon: 'orange',
  onTime: 'green',
  paused: 'blue',
  done: 'default',
  late: 'volcano',
  unknown: 'default',
};

export const OUTCOME_COLORS: Record<string, string> = { approve: 'green', correct: 'orange', notDecide: 'red', transfer: 'purple' };

export const reviewUrl = (caseId: string) => `/review/cases/${caseId}`;
