/**
 * Tables of the evidence vault (issue 5): media files, devices, access
 * requests. Kept in their own file; schema.ts re-exports it. The SQL in
 * migrations/0005_media.sql is the source of truth.
 */
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { MeasureKey } from '@sanxiang/core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type MediaKind = 'video' | 'audio' | 'photo';
export interface PersonRef {
  id: string;
  name: string;
}

export const mediaBlobs = pgTable('media_blobs', {
  sha256: text('sha256').primaryKey(),
  sm3: text('sm3'),
  size: bigint('size', { mode: 'number' }).notNull(),
  store: text('store').$type<'local' | 's3'>().notNull(),
  storageKey: text('storage_key').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const mediaUploads = pgTable('media_uploads', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  status: text('status').$type<'pending' | 'completed' | 'duplicate' | 'failed'>().notNull(),
  filename: text('filename').notNull(),
  mimeType: text('mime_type').notNull(),
  kind: text('kind').$type<MediaKind>().notNull(),
  declaredSize: bigint('declared_size', { mode: 'number' }).notNull(),
  declaredSha256: text('declared_sha256').notNull(),
  declaredSm3: text('declared_sm3'),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
  mediaId: text('media_id'),
  error: jsonb('error').$type<{ code: string; message: string } | null>(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const mediaFiles = pgTable('media_files', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  seq: integer('seq').notNull(),
  recordNumber: text('record_number').notNull(),
  sha256: text('sha256').notNull(),
  sm3: text('sm3'),
  size: bigint('size', { mode: 'number' }).notNull(),
  filename: text('filename').notNull(),
  mimeType: text('mime_type').notNull(),
  kind: text('kind').$type<MediaKind>().notNull(),
  format: text('format').notNull(),
  stage: text('stage').$type<import('@sanxiang/core').CaseStage>().notNull(),
  documentId: text('document_id'),
  recordedStart: ts('recorded_start').notNull(),
  recordedEnd: ts('recorded_end').notNull(),
  place: text('place').notNull(),
  officers: jsonb('officers').$type<PersonRef[]>().notNull(),
  cameraOperator: jsonb('camera_operator').$type<PersonRef | null>(),
  deviceId: text('device_id'),
  deviceLabel: text('device_label').notNull().default(''),
  contentNotes: text('content_notes').notNull(),
  speakers: jsonb('speakers').$type<{ name: string; identity: string; summary?: string }[]>().notNull().default([]),
  evidence: boolean('evidence').notNull().default(false),
  evidenceExplanation: text('evidence_explanation'),
  situations: jsonb('situations').$type<MeasureKey[]>().notNull().default([]),
  fixedSite: text('fixed_site'),
  awayFromUnit: boolean('away_from_unit').notNull().default(false),
  returnedAt: ts('returned_at'),
  uploadId: text('upload_id'),
  uploadDue: text('upload_due'),
  uploadLate: boolean('upload_late').notNull().default(false),
  uploadBasis: text('upload_basis').notNull().default(''),
  retentionClass: text('retention_class').$type<'routine' | 'caseFile' | 'longTerm'>().notNull(),
  retentionBasis: text('retention_basis').notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const avExceptions = pgTable('av_exceptions', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  kind: text('kind').$type<import('@sanxiang/core').AvExceptionKind>().notNull(),
  stage: text('stage').$type<import('@sanxiang/core').CaseStage>().notNull(),
  situations: jsonb('situations').$type<MeasureKey[]>().notNull(),
  reason: text('reason').notNull(),
  explanation: text('explanation').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  signedRequestRef: text('signed_request_ref'),
  relatedMediaId: text('related_media_id'),
  createdBy: text('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const avExceptionDecisions = pgTable('av_exception_decisions', {
  exceptionId: text('exception_id').primaryKey(),
  approved: boolean('approved').notNull(),
  comment: text('comment').notNull().default(''),
  decidedBy: text('decided_by').notNull(),
  decidedByName: text('decided_by_name').notNull(),
  decidedAt: ts('decided_at').notNull(),
});

export type RequesterKind = 'party' | 'court' | 'procuratorate' | 'police' | 'supervisoryBody' | 'internalUnit';

export const accessRequests = pgTable('access_requests', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  mediaIds: jsonb('media_ids').$type<string[] | null>(),
  requesterKind: text('requester_kind').$type<RequesterKind>().notNull(),
  requesterName: text('requester_name').notNull(),
  requesterOrg: text('requester_org').notNull().default(''),
  requesterUserId: text('requester_user_id'),
  reason: text('reason').notNull(),
  wantsCopy: boolean('wants_copy').notNull().default(false),
  requestedFrom: ts('requested_from'),
  requestedUntil: ts('requested_until'),
  createdBy: text('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const accessDecisions = pgTable('access_decisions', {
  requestId: text('request_id').primaryKey(),
  approved: boolean('approved').notNull(),
  validFrom: ts('valid_from'),
  validUntil: ts('valid_until'),
  copyAllowed: boolean('copy_allowed').notNull().default(false),
  comment: text('comment').notNull().default(''),
  tokenHash: text('token_hash'),
  decidedBy: text('decided_by').notNull(),
  decidedByName: text('decided_by_name').notNull(),
  decidedAt: ts('decided_at').notNull(),
});

export const mediaTickets = pgTable('media_tickets', {
  tokenHash: text('token_hash').primaryKey(),
  mediaId: text('media_id').notNull(),
  purpose: text('purpose').$type<'view' | 'download'>().notNull(),
  userId: text('user_id'),
  accessRequestId: text('access_request_id'),
  viewerLabel: text('viewer_label').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const mediaAccessLog = pgTable('media_access_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  mediaId: text('media_id').notNull(),
  caseId: text('case_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  action: text('action').$type<'view' | 'download'>().notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name').notNull(),
  requesterKind: text('requester_kind').notNull(),
  accessRequestId: text('access_request_id'),
  reason: text('reason').notNull(),
  ip: text('ip').notNull().default(''),
  leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
  at: ts('at').notNull(),
});

export type DeviceStatus = 'inService' | 'lost' | 'damaged' | 'retired';

export const devices = pgTable('devices', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  serial: text('serial').notNull(),
  kind: text('kind').notNull(),
  brand: text('brand').notNull(),
  model: text('model').notNull(),
  status: text('status').$type<DeviceStatus>().notNull(),
  assignedTo: text('assigned_to'),
  assignedAt: ts('assigned_at'),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const deviceEvents = pgTable('device_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  deviceId: text('device_id').notNull(),
  kind: text('kind').notNull(),
  passed: boolean('passed'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  actorId: text('actor_id').notNull(),
  actorName: text('actor_name').notNull(),
  at: ts('at').notNull(),
});

/** The last whole-file check of a media file (migration 0019; issue 12 item 7). */
export const mediaVerifications = pgTable('media_verifications', {
  mediaId: text('media_id').primaryKey(),
  sha256: text('sha256').notNull(),
  ok: boolean('ok').notNull(),
  actualSha256: text('actual_sha256').notNull(),
  verifiedAt: ts('verified_at').notNull(),
});

/** 完整性告警: stored bytes that no longer hash to the sealed value (append-only, migration 0019). */
export const mediaIntegrityAlerts = pgTable('media_integrity_alerts', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  mediaId: text('media_id').notNull(),
  caseId: text('case_id').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  recordNumber: text('record_number').notNull(),
  expectedSha256: text('expected_sha256').notNull(),
  actualSha256: text('actual_sha256').notNull(),
  detectedDuring: text('detected_during').$type<'stream' | 'range'>().notNull(),
  detectedAt: ts('detected_at').notNull(),
});
