/**
 * Shapes of the disclosure answers (packages/server/src/http/routes/publications.ts,
 * usecases/publications.ts and usecases/public-requests.ts), the calls the
 * disclosure pages make, and the small rules they share: who may do what
 * (menus and buttons only — the server decides again) and the badge colours.
 */
import { api, query } from '../../api/client.js';
import { rolesFor } from '../../lib/cases.js';
import {
  LIFT_GROUND_LABELS,
  PUBLICATION_TRANSITIONS,
  type Action,
  type DismissedSuspect,
  type GateProblem,
  type LiftGround,
  type LiftedMask,
  type Mask,
  type PublicationAction,
  type PublicationStatus,
  type Role,
  type SensitiveKind,
  type Suspect,
  type WithholdingReasonKey,
} from '../../domain.js';

export type DueStatus = 'onTime' | 'dueSoon' | 'overdue';
export type ScheduleStatus = DueStatus | 'met' | 'metLate';

export interface WithholdingRecord {
  reason: WithholdingReasonKey;
  note: string;
  automatic: boolean;
  requestedBy: string;
  requestedOn: string;
  approvedBy?: string;
  approvedOn?: string;
}

export type WithdrawalCause = 'changed' | 'revoked' | 'unlawful' | 'void';

export interface ChangingDecision {
  body: string;
  number: string;
  date: string;
  content: string;
}

export interface WithdrawalRecord {
  cause: WithdrawalCause;
  statement: string;
  changedOn: string;
  withdrawBy: string;
  changingDecision: ChangingDecision;
  requestedBy: string;
  requestedOn: string;
  approvedBy?: string;
  withdrawnOn?: string;
}

export interface PublicContent {
  form: 'summary' | 'full';
  fields: { key: string; label: string; text: string }[];
  fullText: string;
  corrections: { on: string; note: string }[];
}

export interface PublicationSummary {
  id: string;
  caseId: string | null;
  documentId?: string;
  agencyId?: string;
  agencyName: string;
  actionType: string;
  decisionKind?: string;
  decisionKindName: string;
  decisionNumber: string;
  decisionDate: string;
  severity?: string;
  majorDecision?: boolean;
  status: PublicationStatus;
  statusLabel: string;
  online: boolean;
  publishBy: string;
  currentVersion?: number;
  publishedVersion?: number | null;
  firstPublishedOn?: string | null;
  removeNotBefore: string | null;
  removeBy: string | null;
  publicParty: string | null;
  withholding: WithholdingRecord | null;
  withdrawal: WithdrawalRecord | null;
}

export interface PublicationListItem extends PublicationSummary {
  caseTitle: string;
  caseNumber: string;
  due: { date: string; status: DueStatus } | null;
}

export interface PublicationSchedule {
  publishBy: string;
  publishStatus: ScheduleStatus | null;
  minimumUntil: string | null;
  removeNotBefore: string | null;
  removeBy: string | null;
  basis: string;
  notes: string[];
}

export interface PublicationFieldDef {
  key: string;
  label: string;
  required: boolean;
  applies: 'all' | 'organisation' | 'fine';
  basis: string;
}

export interface RedactedField {
  text: string;
  masks: Mask[];
  lifted: LiftedMask[];
  /** 疑似个人信息 still open: each blocks approval until masked or dismissed (issue 13 item 4). */
  suspects?: Suspect[];
  dismissed?: DismissedSuspect[];
}

/** A clerk's change to the automatic redaction, as stored and sent back (positions in the original text). */
export type Override =
  | { action: 'add'; value: string; reason: string; kind?: SensitiveKind }
  | { action: 'add'; start: number; end: number; reason: string; kind?: SensitiveKind }
  | { action: 'lift'; value: string; reason: string; ground?: LiftGround }
  | { action: 'lift'; start: number; end: number; reason: string; ground?: LiftGround }
  | { action: 'dismiss'; value: string; reason: string };

export interface PublicationVersion {
  version: number;
  form: 'summary' | 'full';
  fields: Record<string, string>;
  fullText: string;
  overrides: Record<string, Override[]>;
  /** Field key or 'fullText' → the text to publish with its masks. */
  redacted: Record<string, RedactedField>;
  note: string;
  createdAt?: string;
  createdByName: string;
}

export interface PublicationEvent {
  kind: string;
  fromStatus: PublicationStatus | null;
  toStatus: PublicationStatus;
  version: number | null;
  comment: string;
  detail?: Record<string, unknown>;
  actorName: string;
  at: string;
}

/** Issue 13: another public text of the item (withdrawal statement, changing decision) after the redaction gate. */
export interface PublicTextView {
  kind: string;
  kindLabel: string;
  key: string;
  original: string;
  text: string;
  masks: Mask[];
  lifted: LiftedMask[];
  problems: { code: string; message: string }[];
}

export interface PublicationDetail {
  publication: PublicationSummary & { publicContent: PublicContent | null; schedule: PublicationSchedule };
  publicTexts?: PublicTextView[];
  fields: PublicationFieldDef[];
  version: PublicationVersion;
  problems: GateProblem[];
  submittedBy: string | null;
  withholdingReasons: { key: WithholdingReasonKey; label: string }[];
  events: PublicationEvent[];
}

export interface PublicationEdit {
  form: 'summary' | 'full';
  fields: Record<string, string>;
  fullText: string;
  overrides: Record<string, Override[]>;
  note?: string;
}

export interface WithdrawInput {
  cause: WithdrawalCause;
  statement: string;
  changedOn: string;
  changingDecision: ChangingDecision;
}

export type PublicRequestKind = 'correction' | 'complaint';
export type PublicRequestStatus = 'received' | 'verified' | 'corrected' | 'refused' | 'forwarded' | 'answered';
export type PublicRequestOutcome = 'corrected' | 'refused' | 'forwarded' | 'answered';

export interface PublicRequest {
  id: string;
  kind: PublicRequestKind;
  kindLabel: string;
  trackingCode: string;
  publicationId: string | null;
  agencyId?: string;
  requesterName: string;
  requesterContact: string;
  content: string;
  evidence: string;
  receivedAt?: string;
  receivedOn: string;
  verifyBy: string | null;
  verifiedOn?: string | null;
  verifiedTrue?: boolean | null;
  respondBy: string | null;
  status: PublicRequestStatus;
  statusLabel: string;
  response: string;
  respondedOn?: string | null;
  due: { date: string; status: DueStatus; label: string } | null;
}

export interface PublicRequestEvent {
  id?: number;
  kind: string;
  toStatus: PublicRequestStatus;
  comment: string;
  detail?: Record<string, unknown>;
  actorName: string;
  at: string;
}

// ---------------------------------------------------------------------------
// calls

export type QueueTab = 'open' | 'published' | 'withheld' | 'withdrawn' | 'expired' | 'all';

const pub = (id: string) => `/publications/${encodeURIComponent(id)}`;

export const disclosureApi = {
  list: (f: { status?: QueueTab; q?: string; agencyId?: string; limit: number; offset: number }) =>
    api.get<{ total: number; items: PublicationListItem[] }>(`/publications${query({ status: f.status === 'all' ? undefined : f.status, q: f.q?.trim(), agencyId: f.agencyId, limit: f.limit, offset: f.offset })}`),
  get: (id: string) => api.get<PublicationDetail>(pub(id)),
  save: (id: string, edit: PublicationEdit) => api.put<PublicationDetail>(pub(id), edit),
  submit: (id: string, comment = '') => api.post<PublicationDetail>(`${pub(id)}/submit`, { comment }),
  approve: (id: string, comment = '', liftConsent = false) => api.post<PublicationDetail>(`${pub(id)}/approve`, { comment, ...(liftConsent ? { liftConsent: true } : {}) }),
  return: (id: string, comment: string) => api.post<PublicationDetail>(`${pub(id)}/return`, { comment }),
  withhold: (id: string, body: { reason: WithholdingReasonKey; note: string }) => api.post<PublicationDetail>(`${pub(id)}/withhold`, body),
  decideWithhold: (id: string, body: { approve: boolean; comment: string }) => api.post<PublicationDetail>(`${pub(id)}/withhold/decision`, body),
  withdraw: (id: string, body: WithdrawInput) => api.post<PublicationDetail>(`${pub(id)}/withdraw`, body),
  decideWithdraw: (id: string, body: { approve: boolean; comment: string }) => api.post<PublicationDetail>(`${pub(id)}/withdraw/decision`, body),
  requests: (f: { status?: 'open' | PublicRequestStatus | undefined; kind?: PublicRequestKind | undefined }) => api.get<{ items: PublicRequest[] }>(`/public-requests${query({ status: f.status, kind: f.kind })}`),
  request: (id: string) => api.get<{ request: PublicRequest; events: PublicRequestEvent[] }>(`/public-requests/${encodeURIComponent(id)}`),
  verify: (id: string, body: { verifiedTrue: boolean; note: string }) => api.post<{ request: PublicRequest; events: PublicRequestEvent[] }>(`/public-requests/${encodeURIComponent(id)}/verify`, body),
  respond: (id: string, body: { outcome: PublicRequestOutcome; response: string }) => api.post<{ request: PublicRequest; events: PublicRequestEvent[] }>(`/public-requests/${encodeURIComponent(id)}/respond`, body),
};

// ---------------------------------------------------------------------------
// addresses, labels, colours

/** Console address of a publication (inside the SPA). */
export const publicationUrl = (id: string) => `/disclosure/publications/${encodeURIComponent(id)}`;
/** The portal page of a published decision: outside the console, a plain link. */
export const portalUrl = (id: string) => `/decisions/${encodeURIComponent(id)}`;

export const QUEUE_TABS: { key: QueueTab; label: string }[] = [
  { key: 'open', label: '待办' },
  { key: 'published', label: '已公示' },
  { key: 'withheld', label: '不予公开' },
  { key: 'withdrawn', label: '已撤回' },
  { key: 'expired', label: '期满撤下' },
  { key: 'all', label: '全部' },
];

export const STATUS_COLORS: Record<PublicationStatus, string> = {
  draft: 'blue',
  submitted: 'gold',
  published: 'green',
  withholdPending: 'orange',
  withheld: 'default',
  withdrawPending: 'orange',
  withdrawn: 'volcano',
  expired: 'default',
};

/** Deadline badges (PUB-2, PUB-8, PUB-9): overdue red, due soon orange. */
export const DUE_BADGES: Record<ScheduleStatus, { label: string; color: string }> = {
  overdue: { label: '已逾期', color: 'red' },
  dueSoon: { label: '即将到期', color: 'orange' },
  onTime: { label: '期限内', color: 'green' },
  met: { label: '已按期公示', color: 'default' },
  metLate: { label: '逾期公示', color: 'volcano' },
};

/** PUB-8: why a published decision is withdrawn. */
export const WITHDRAWAL_CAUSE_LABELS: Record<WithdrawalCause, string> = {
  changed: '决定被变更',
  revoked: '决定被撤销',
  unlawful: '决定被确认违法',
  void: '决定被确认无效',
};

export const LIFT_GROUND_OPTIONS = (Object.keys(LIFT_GROUND_LABELS) as LiftGround[]).map((value) => ({ value, label: LIFT_GROUND_LABELS[value] }));

/** Events of the history that are not a transition of the table. */
export const EXTRA_EVENT_LABELS: Record<string, string> = { create: '生成公示草稿' };

export const REQUEST_OUTCOME_LABELS: Record<PublicRequestOutcome, string> = {
  corrected: '已更正并告知',
  refused: '不予更正（说明理由和救济途径）',
  forwarded: '转送有权机关处理',
  answered: '已答复',
};

// ---------------------------------------------------------------------------
// who may do what (the server checks again, with the agency scope)

export interface DisclosureRoles {
  clerk: boolean;
  approver: boolean;
  handlesRequests: boolean;
}

export function disclosureRoles(roles: readonly Role[]): DisclosureRoles {
  const has = (action: Action) => rolesFor(action).some((r) => roles.includes(r));
  return { clerk: has('publication.edit'), approver: has('publication.approve'), handlesRequests: has('publicRequest.handle') };
}

/** Whether the transition table allows `action` from `status` (PUB-1, PUB-5, PUB-8, PUB-9). */
export const allowedFrom = (action: PublicationAction, status: PublicationStatus) => PUBLICATION_TRANSITIONS[action].from.includes(status);

/** What the user may do on this publication now. */
export function publicationAbilities(p: PublicationSummary, roles: DisclosureRoles) {
  const s = p.status;
  const correctionPending = s === 'published' && (p.currentVersion ?? 0) !== (p.publishedVersion ?? 0);
  return {
    edit: roles.clerk && allowedFrom('save', s),
    submit: roles.clerk && allowedFrom('submit', s) && (s !== 'published' || correctionPending),
    approve: roles.approver && allowedFrom('approve', s),
    requestWithhold: roles.clerk && allowedFrom('requestWithhold', s),
    decideWithhold: roles.approver && allowedFrom('approveWithhold', s),
    requestWithdraw: roles.clerk && allowedFrom('requestWithdraw', s),
    decideWithdraw: roles.approver && allowedFrom('approveWithdraw', s),
  };
}

export type PublicationAbilities = ReturnType<typeof publicationAbilities>;
