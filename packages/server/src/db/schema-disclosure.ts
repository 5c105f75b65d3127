/**
 * Tables of ex-post disclosure (事后公开, PUB-1..PUB-11) and the public's
 * correction requests and complaints. Kept in their own file; schema.ts
 * re-exports it. The SQL in migrations/0007_disclosure.sql is the source of
 * truth.
 */
import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ActionType, DismissedSuspect, Mask, LiftedMask, Suspect, PublicationStatus, RedactionOverride, ViolationSeverity, WithholdingReasonKey } from '@sanxiang/core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** A field as published: its text after redaction, with the masks applied. */
export interface RedactedField {
  text: string;
  masks: Mask[];
  lifted: LiftedMask[];
  /** 疑似个人信息 still open (issue 13): each blocks approval. */
  suspects?: Suspect[];
  /** 疑似个人信息 the clerk dismissed, with the reason. */
  dismissed?: DismissedSuspect[];
}

/** What the portal shows of a published decision. */
export interface PublicContent {
  form: 'summary' | 'full';
  /** Field key → label and published (redacted) text, in display order. */
  fields: { key: string; label: string; text: string }[];
  fullText: string;
  /** Corrections made after first publication (PUB-9), newest last. */
  corrections: { on: string; note: string }[];
}

/** PUB-5, PUB-6: why a decision is not published, and who decided. */
export interface WithholdingRecord {
  reason: WithholdingReasonKey;
  note: string;
  automatic: boolean;
  requestedBy: string;
  requestedOn: string;
  approvedBy?: string;
  approvedOn?: string;
}

/** PUB-8: the withdrawal with its public statement and the changing decision (GS-P 16). */
export interface WithdrawalRecord {
  cause: 'changed' | 'revoked' | 'unlawful' | 'void';
  statement: string;
  changedOn: string;
  withdrawBy: string;
  changingDecision: { body: string; number: string; date: string; content: string };
  requestedBy: string;
  requestedOn: string;
  approvedBy?: string;
  withdrawnOn?: string;
  /**
   * Issue 13 item 1: `statement` and `changingDecision.content` above are the
   * public (redacted) texts; the clerk's originals and overrides stay here,
   * for the approver's side-by-side view, never on the portal.
   */
  original?: { statement: string; content: string; overrides?: { statement?: RedactionOverride[]; content?: RedactionOverride[] } };
  /** Started by the system because the case gained a withholding reason after publication (issue 13 item 2). */
  automatic?: boolean;
}

export const publications = pgTable('publications', {
  id: text('id').primaryKey(),
  caseId: text('case_id'),
  documentId: text('document_id'),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  agencyName: text('agency_name').notNull(),
  actionType: text('action_type').$type<ActionType>().notNull(),
  decisionKind: text('decision_kind').notNull(),
  decisionNumber: text('decision_number').notNull().default(''),
  decisionDate: day('decision_date').notNull(),
  severity: text('severity').$type<ViolationSeverity>().notNull(),
  majorDecision: boolean('major_decision').notNull().default(false),
  status: text('status').$type<PublicationStatus>().notNull(),
  publishBy: day('publish_by').notNull(),
  online: boolean('online').notNull().default(false),
  currentVersion: integer('current_version').notNull().default(0),
  publishedVersion: integer('published_version'),
  firstPublishedOn: day('first_published_on'),
  publishedAt: ts('published_at'),
  removeNotBefore: day('remove_not_before'),
  removeBy: day('remove_by'),
  publicTitle: text('public_title'),
  publicParty: text('public_party'),
  publicContent: jsonb('public_content').$type<PublicContent>(),
  searchGrams: text('search_grams').array().notNull().default([]),
  searchText: text('search_text').notNull().default(''),
  withholding: jsonb('withholding').$type<WithholdingRecord>(),
  withdrawal: jsonb('withdrawal').$type<WithdrawalRecord>(),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const publicationVersions = pgTable('publication_versions', {
  id: text('id').primaryKey(),
  publicationId: text('publication_id').notNull(),
  version: integer('version').notNull(),
  form: text('form').$type<'summary' | 'full'>().notNull(),
  fields: jsonb('fields').$type<Record<string, string>>().notNull(),
  fullText: text('full_text').notNull().default(''),
  overrides: jsonb('overrides').$type<Record<string, RedactionOverride[]>>().notNull(),
  redacted: jsonb('redacted').$type<Record<string, RedactedField>>().notNull(),
  note: text('note').notNull().default(''),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
});

export const publicationEvents = pgTable('publication_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  publicationId: text('publication_id').notNull(),
  kind: text('kind').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  version: integer('version'),
  comment: text('comment').notNull().default(''),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  actorId: text('actor_id'),
  actorName: text('actor_name').notNull(),
  at: ts('at').notNull(),
});

export type PublicRequestKind = 'correction' | 'complaint';
export type PublicRequestStatus = 'received' | 'verified' | 'corrected' | 'refused' | 'forwarded' | 'answered';

export const publicRequests = pgTable('public_requests', {
  id: text('id').primaryKey(),
  kind: text('kind').$type<PublicRequestKind>().notNull(),
  trackingCode: text('tracking_code').notNull(),
  publicationId: text('publication_id'),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  requesterName: text('requester_name').notNull(),
  requesterContact: text('requester_contact').notNull(),
  content: text('content').notNull(),
  evidence: text('evidence').notNull().default(''),
  receivedAt: ts('received_at').notNull(),
  receivedOn: day('received_on').notNull(),
  verifyBy: day('verify_by'),
  verifiedOn: day('verified_on'),
  verifiedTrue: boolean('verified_true'),
  respondBy: day('respond_by'),
  status: text('status').$type<PublicRequestStatus>().notNull(),
  response: text('response').notNull().default(''),
  respondedOn: day('responded_on'),
  updatedAt: ts('updated_at').notNull(),
});

export const publicRequestEvents = pgTable('public_request_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  requestId: text('request_id').notNull(),
  kind: text('kind').notNull(),
  toStatus: text('to_status').notNull(),
  comment: text('comment').notNull().default(''),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  actorId: text('actor_id'),
  actorName: text('actor_name').notNull(),
  at: ts('at').notNull(),
});
