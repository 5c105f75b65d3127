/**
 * Shapes of the evidence-vault answers (issue 5): routes in
 * packages/server/src/http/routes/media.ts, presenters in
 * packages/server/src/usecases/media*.ts.
 */
import type { ChecklistItem } from '../../api/cases.js';

export interface MediaItem {
  id: string;
  caseId: string;
  recordNumber: string;
  kind: 'video' | 'audio' | 'photo';
  kindLabel: string;
  filename: string;
  mimeType: string;
  format: string;
  size: number;
  sha256: string;
  sm3: string | null;
  stage: string;
  stageLabel: string;
  documentId: string | null;
  recordedStart: string;
  recordedEnd: string;
  place: string;
  officers: { id: string; name: string }[];
  cameraOperator: { id: string; name: string } | null;
  deviceId: string | null;
  deviceLabel: string;
  deviceCheck: { status: 'passed' | 'failed' | 'missing'; at: string | null; problems: string[] } | null;
  contentNotes: string;
  speakers: { name: string; identity: string; summary?: string }[];
  evidence: boolean;
  evidenceExplanation: string | null;
  situations: { key: string; label: string }[];
  fixedSiteLabel: string | null;
  upload: { at: string; by: string; due: string | null; late: boolean; basis: string };
  retention: {
    class: string;
    classLabel: string;
    basis: string;
    earliestDisposal: string | null;
    label: string;
    /** REC-18: retained | held | disposable | pending | disposed. */
    status: DisposalStatus;
    statusLabel: string;
    /** Why a disposal cannot be asked for now (empty when it can). */
    blockers: string[];
    holds: HoldItem[];
    /** The disposal carried out, or the request waiting for the head. */
    disposal: DisposalItem | null;
    disposals: DisposalItem[];
  };
  disposed: boolean;
  abilities: { view: boolean; download: boolean; hold: boolean; requestDisposal: boolean; approveDisposal: boolean };
}

export type DisposalStatus = 'retained' | 'held' | 'disposable' | 'pending' | 'disposed';

/** 诉讼保全 (REC-18 · GS-R 43 ¶3). */
export interface HoldItem {
  id: string;
  caseId: string;
  mediaId: string | null;
  scope: 'case' | 'file';
  reason: string;
  reference: string;
  placedBy: string;
  placedAt: string;
  active: boolean;
  release: { reason: string; by: string; at: string } | null;
}

/** A disposal request and the head's decision (REC-18). */
export interface DisposalItem {
  id: string;
  mediaId: string;
  caseId: string;
  reason: string;
  earliestDisposal: string;
  retentionLabel: string;
  requestedBy: string;
  requestedById: string;
  requestedAt: string;
  status: 'pending' | 'disposed' | 'refused';
  statusLabel: string;
  decision: { approved: boolean; comment: string; by: string; at: string; bytesDeleted: boolean; bytesNote: string; leafIndex: number } | null;
  /** In the head's queue. */
  recordNumber?: string;
  filename?: string;
}

export interface AvExceptionItem {
  id: string;
  kind: string;
  kindLabel: string;
  stageLabel: string;
  situations: { key: string; label: string }[];
  reasonLabel: string;
  explanation: string;
  occurredAt: string;
  createdBy: string;
  decision: { approved: boolean; comment: string; by: string; at: string } | null;
  counts: boolean;
  problems: string[];
  basis: string;
}

export interface CaseMedia {
  caseId: string;
  caseNumber: string;
  state: string;
  stateLabel: string;
  items: MediaItem[];
  exceptions: AvExceptionItem[];
  avChecklist: ChecklistItem[];
  abilities: { upload: boolean; recordException: boolean; approveException: boolean; requestAccess: boolean; approveAccess: boolean; accessLog: boolean; hold: boolean };
  /** Holds on every file of the case. */
  holds: HoldItem[];
}

export interface Option {
  key: string;
  label: string;
}

export interface MediaMeta {
  profileId: string;
  situations: (Option & { requirement: 'mandatory' | 'situational' | 'none' })[];
  stages: Option[];
  fixedSites: Option[];
  exceptionKinds: Option[];
  interruptionReasons: Option[];
  permittedStopReasons: (Option & { signedRequest: boolean })[];
  maxUploadBytes: number;
  requesterKinds?: Option[];
  deviceKinds?: Option[];
  deviceCheckLimits?: DeviceCheckLimits;
}

export interface DeviceCheckLimits {
  minBatteryPercent: number;
  minFreeStorageMb: number;
  maxClockOffsetSeconds: number;
}

export interface DeviceItem {
  id: string;
  agencyId?: string;
  serial?: string;
  kind?: string;
  kindLabel?: string;
  brand?: string;
  model?: string;
  label: string;
  status: string;
  statusLabel: string;
  assignedTo: { id: string; name: string } | null;
  assignedAt?: string | null;
  lastCheck?: { at: string; passed: boolean | null; problems: string[]; by: string } | null;
}

/** One device with its history (REC-23 · XX-R 15: recordings filed by device). */
export interface DeviceDetail extends DeviceItem {
  events: { id: number; kind: string; kindLabel: string; passed: boolean | null; detail: Record<string, unknown>; actorName: string; at: string }[];
  recordings: { id: string; caseId: string; recordNumber: string; recordedStart: string }[];
}

/** A request to view or copy records (REC-20). */
export interface AccessRequestItem {
  id: string;
  caseId: string;
  caseNumber?: string;
  mediaIds: string[] | null;
  requesterKind: string;
  requesterKindLabel: string;
  requesterName: string;
  requesterOrg: string;
  external: boolean;
  reason: string;
  wantsCopy: boolean;
  requestedFrom: string | null;
  requestedUntil: string | null;
  createdBy: string;
  createdAt: string;
  status: 'pending' | 'approved' | 'rejected' | 'revoked';
  statusLabel: string;
  active: boolean;
  decision: { approved: boolean; validFrom: string | null; validUntil: string | null; copyAllowed: boolean; comment: string; by: string; at: string } | null;
  revocation: { reason: string; by: string; at: string } | null;
  abilities: { decide: boolean; revoke: boolean };
}

/** What an access link opens (external requesters). */
export interface AccessLinkSummary {
  request: AccessRequestItem;
  case: { caseNumber: string; title: string };
  items: { id: string; recordNumber: string; kind: 'video' | 'audio' | 'photo'; filename: string; mimeType: string; size: number; sha256: string; recordedStart: string; disposed: boolean }[];
}

export interface OpenAnswer {
  ticket: string;
  expiresAt: string;
  url: string;
  watermark: string;
  mimeType: string;
  kind: 'video' | 'audio' | 'photo';
  filename: string;
  recordNumber: string;
}

export interface UploadIntent {
  duplicate: boolean;
  media?: MediaItem;
  upload?: { id: string; tus: { endpoint: string; metadata: Record<string, string> } };
}
