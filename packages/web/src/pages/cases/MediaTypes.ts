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
  retention: { class: string; classLabel: string; basis: string; earliestDisposal: string | null; label: string };
  abilities: { view: boolean; download: boolean };
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
  abilities: { upload: boolean; recordException: boolean; approveException: boolean; requestAccess: boolean; approveAccess: boolean; accessLog: boolean };
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
}

export interface DeviceItem {
  id: string;
  label: string;
  status: string;
  statusLabel: string;
  assignedTo: { id: string; name: string } | null;
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
