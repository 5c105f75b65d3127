/**
 * Typed view of the tables for drizzle. The SQL in ./migrations is the source
 * of truth; `schema.test.ts` checks that both agree column by column.
 */
import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const agencies = pgTable('agencies', {
  id: text('id').primaryKey(),
  parentId: text('parent_id'),
  path: text('path').notNull(),
  level: text('level').$type<'province' | 'city' | 'county' | 'branch'>().notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  creditCode: text('credit_code').notNull(),
  nature: text('nature').notNull().default('行政机关'),
  functions: text('functions').notNull().default(''),
  jurisdiction: text('jurisdiction').notNull().default(''),
  enforcementArea: text('enforcement_area').notNull().default(''),
  address: text('address').notNull().default(''),
  postcode: text('postcode').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  website: text('website').notNull().default(''),
  complaintChannel: text('complaint_channel').notNull().default(''),
  profileId: text('profile_id').notNull().default('national'),
  numberCode: text('number_code').notNull().default(''),
  caseSettings: jsonb('case_settings').$type<Record<string, unknown>>().notNull().default({}),
  profileOverrides: jsonb('profile_overrides').$type<import('@sanxiang/core').AgencyOverrides>().notNull().default({}),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  post: text('post').notNull().default(''),
  phone: text('phone').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: ts('locked_until'),
  passwordChangedAt: ts('password_changed_at'),
  lastLoginAt: ts('last_login_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: text('user_id').notNull(),
    role: text('role').notNull(),
    grantedAt: ts('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const officerCertificates = pgTable('officer_certificates', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  number: text('number').notNull(),
  issuer: text('issuer').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }).notNull(),
  status: text('status').$type<'valid' | 'suspended' | 'revoked'>().notNull().default('valid'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull(),
  ip: text('ip').notNull().default(''),
  userAgent: text('user_agent').notNull().default(''),
  endedAt: ts('ended_at'),
});

export const auditEvents = pgTable('audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name').notNull().default(''),
  actorAgencyId: text('actor_agency_id'),
  agencyId: text('agency_id'),
  agencyPath: text('agency_path'),
  action: text('action').notNull(),
  objectType: text('object_type').notNull().default(''),
  objectId: text('object_id').notNull().default(''),
  outcome: text('outcome').$type<'ok' | 'denied' | 'failed'>().notNull().default('ok'),
  ip: text('ip').notNull().default(''),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
});

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  holidays: jsonb('holidays').$type<import('@sanxiang/core').CalendarDay[]>().notNull(),
  workdays: jsonb('workdays').$type<import('@sanxiang/core').CalendarDay[]>().notNull(),
  origin: text('origin').$type<'seed' | 'admin'>().notNull(),
  addedBy: text('added_by'),
  addedAt: ts('added_at').notNull().defaultNow(),
  /** NAT-2: 1 as entered; each approved correction adds one. */
  version: integer('version').notNull().default(1),
});

/** NAT-2: a correction of a stored year, requested by one administrator and decided by another. */
export const calendarCorrections = pgTable('calendar_corrections', {
  id: text('id').primaryKey(),
  year: integer('year').notNull(),
  fromVersion: integer('from_version').notNull(),
  source: text('source').notNull(),
  holidays: jsonb('holidays').$type<import('@sanxiang/core').CalendarDay[]>().notNull(),
  workdays: jsonb('workdays').$type<import('@sanxiang/core').CalendarDay[]>().notNull(),
  previous: jsonb('previous').$type<{ source: string; holidays: import('@sanxiang/core').CalendarDay[]; workdays: import('@sanxiang/core').CalendarDay[] }>().notNull(),
  reason: text('reason').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedByName: text('requested_by_name').notNull(),
  requestedAt: ts('requested_at').notNull(),
  status: text('status').$type<'pending' | 'approved' | 'refused'>().notNull(),
  decidedBy: text('decided_by'),
  decidedByName: text('decided_by_name'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
});

/** NAT-21: an open deadline whose due date changed when a year's notice was entered or corrected. */
export const deadlineChanges = pgTable('deadline_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull(),
  calendarYear: integer('calendar_year').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  objectType: text('object_type').$type<'case' | 'publication' | 'exante'>().notNull(),
  objectId: text('object_id').notNull(),
  caseId: text('case_id'),
  caseNumber: text('case_number'),
  deadlineKey: text('deadline_key').notNull(),
  label: text('label').notNull(),
  oldDue: text('old_due'),
  newDue: text('new_due'),
  wasProvisional: boolean('was_provisional').notNull(),
  reason: text('reason').notNull(),
});

/** The demo seed completed (one row). */
export const demoSeed = pgTable('demo_seed', {
  id: integer('id').primaryKey(),
  completedAt: ts('completed_at').notNull(),
});

type CoreT = import('@sanxiang/core').CaseSnapshot;

export const numberCounters = pgTable('number_counters', {
  scope: text('scope').primaryKey(),
  last: integer('last').notNull(),
});

export const parties = pgTable('parties', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  kind: text('kind').$type<import('@sanxiang/core').PartyKind>().notNull(),
  name: text('name').notNull(),
  idType: text('id_type'),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
  legalRepresentative: jsonb('legal_representative').$type<import('@sanxiang/core').PersonId | null>(),
  operator: jsonb('operator').$type<import('@sanxiang/core').PersonId | null>(),
  minor: boolean('minor').notNull().default(false),
  address: text('address').notNull(),
  contacts: jsonb('contacts').$type<import('@sanxiang/core').PartyContact[]>().notNull().default([]),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const cases = pgTable('cases', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  caseNumber: text('case_number').notNull(),
  numberYear: integer('number_year').notNull(),
  numberSeq: integer('number_seq').notNull(),
  actionType: text('action_type').$type<import('@sanxiang/core').ActionType>().notNull(),
  source: text('source').$type<import('@sanxiang/core').CaseSource>().notNull(),
  title: text('title').notNull(),
  state: text('state').$type<import('@sanxiang/core').CaseState>().notNull(),
  partyId: text('party_id'),
  measures: jsonb('measures').$type<import('@sanxiang/core').CaseMeasureKey[]>().notNull().default([]),
  flags: jsonb('flags').$type<NonNullable<CoreT['flags']>>().notNull().default({}),
  dates: jsonb('dates').$type<import('@sanxiang/core').CaseDates>().notNull().default({}),
  proposedPenalty: jsonb('proposed_penalty').$type<import('@sanxiang/core').ProposedPenalty | null>(),
  decisionRecords: jsonb('decision_records').$type<import('@sanxiang/core').DecisionStageRecords>().notNull().default({}),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
  archivedAt: ts('archived_at'),
});

export const caseHandlers = pgTable(
  'case_handlers',
  {
    caseId: text('case_id').notNull(),
    userId: text('user_id').notNull(),
    lead: boolean('lead').notNull().default(false),
    addedAt: ts('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] })],
);

export const caseEvents = pgTable('case_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  caseId: text('case_id').notNull(),
  at: ts('at').notNull(),
  actorId: text('actor_id').notNull(),
  actorName: text('actor_name').notNull(),
  kind: text('kind').notNull(),
  fromState: text('from_state'),
  toState: text('to_state'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
});

export const documents = pgTable('documents', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  kind: text('kind').notNull(),
  recordNumber: text('record_number').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

export const documentVersions = pgTable('document_versions', {
  id: text('id').primaryKey(),
  documentId: text('document_id').notNull(),
  caseId: text('case_id').notNull(),
  version: integer('version').notNull(),
  status: text('status').$type<import('@sanxiang/core').DocumentStatus>().notNull(),
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
  docNumber: text('doc_number'),
  supersedes: text('supersedes'),
  correctionReason: text('correction_reason'),
  contentHash: text('content_hash'),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  finalizedAt: ts('finalized_at'),
  finalizedBy: text('finalized_by'),
});

export const serviceRecords = pgTable('service_records', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  documentId: text('document_id').notNull(),
  method: text('method').notNull(),
  record: jsonb('record').$type<Record<string, unknown>>().notNull(),
  counts: boolean('counts').notNull(),
  servedOn: date('served_on', { mode: 'string' }),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

export const logLeaves = pgTable('log_leaves', {
  idx: bigint('idx', { mode: 'number' }).primaryKey(),
  leafHash: text('leaf_hash').notNull(),
  data: text('data').notNull(),
  kind: text('kind').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id').notNull(),
  caseId: text('case_id'),
  agencyPath: text('agency_path'),
  createdAt: ts('created_at').notNull(),
});

export const logNodes = pgTable(
  'log_nodes',
  {
    level: integer('level').notNull(),
    idx: bigint('idx', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

export const logHead = pgTable('log_head', {
  id: integer('id').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  compact: jsonb('compact').$type<string[]>().notNull(),
});

export const logCheckpoints = pgTable('log_checkpoints', {
  size: bigint('size', { mode: 'number' }).primaryKey(),
  rootHash: text('root_hash').notNull(),
  note: text('note').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** Witnesses' cosignatures on checkpoints (C2SP tlog-cosignature), append-only (migration 0018). */
export const logCosignatures = pgTable('log_cosignatures', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  checkpointSize: bigint('checkpoint_size', { mode: 'number' }).notNull(),
  checkpointText: text('checkpoint_text').notNull(),
  witnessName: text('witness_name').notNull(),
  keyId: text('key_id').notNull(),
  signedAt: ts('signed_at').notNull(),
  line: text('line').notNull(),
  receivedAt: ts('received_at').notNull(),
});

export const logKeys = pgTable('log_keys', {
  name: text('name').primaryKey(),
  verifierKey: text('verifier_key').notNull(),
  signerKey: text('signer_key').notNull(),
  createdAt: ts('created_at').notNull(),
});

export * from './schema-media.js';
export * from './schema-review.js';
export * from './schema-retention.js';
export * from './schema-disclosure.js';
export * from './schema-exante.js';
export * from './schema-hardening.js';
export * from './schema-todo.js';
export * from './schema-inspections.js';
