/**
 * Tables of the legal review (重大执法决定法制审核, REV-1..REV-13). Kept in
 * their own file; schema.ts re-exports it. The SQL in
 * migrations/0006_review.sql is the source of truth.
 */
import { bigint, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { CatalogueItem, ChecklistEntry, DeclaredCriterion, DecisionTerms, Ground, HeadDecision, MatchResult, ReviewOutcome, RoundStatus, SubmittedMaterial, ViolationEntry } from '@sanxiang/core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const reviewCatalogues = pgTable('review_catalogues', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  version: integer('version').notNull(),
  profileId: text('profile_id').notNull(),
  title: text('title').notNull(),
  items: jsonb('items').$type<CatalogueItem[]>().notNull(),
  note: text('note').notNull().default(''),
  effectiveFrom: day('effective_from').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
});

export const reviewCatalogueFilings = pgTable('review_catalogue_filings', {
  id: text('id').primaryKey(),
  catalogueId: text('catalogue_id').notNull(),
  filedWith: text('filed_with').notNull(),
  filedOn: day('filed_on').notNull(),
  filingNumber: text('filing_number').notNull().default(''),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
});

export const reviews = pgTable('reviews', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** What the unit declared with the submission (REV-2, REV-3). */
export interface SubmissionDeclaration {
  criteria: DeclaredCriterion[];
  complex: boolean;
  transferToJudiciary: boolean;
  consulted: boolean;
  assessed: boolean;
}

export interface DisagreementRecord {
  reason: string;
  /** REV-8: how the unit consulted the reviewers and what came of it. */
  consultation: string;
  by: string;
  byName: string;
  at: string;
  on: string;
}

export interface HeadDecisionRecord {
  decision: HeadDecision;
  opinion: string;
  by: string;
  byName: string;
  at: string;
  on: string;
}

export interface CollectiveDiscussionRecord {
  documentId: string;
  conclusion: string;
  on: string;
  by: string;
  byName: string;
}

export const reviewRounds = pgTable('review_rounds', {
  id: text('id').primaryKey(),
  reviewId: text('review_id').notNull(),
  caseId: text('case_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  round: integer('round').notNull(),
  status: text('status').$type<RoundStatus>().notNull(),
  submittedAt: ts('submitted_at').notNull(),
  submittedBy: text('submitted_by').notNull(),
  submittedByName: text('submitted_by_name').notNull(),
  receivedOn: day('received_on').notNull(),
  materials: jsonb('materials').$type<SubmittedMaterial[]>().notNull(),
  declared: jsonb('declared').$type<SubmissionDeclaration>().notNull(),
  match: jsonb('match').$type<MatchResult>().notNull(),
  reviewedDecision: jsonb('reviewed_decision').$type<{ documentId: string; kind: string; terms: DecisionTerms } | null>(),
  catalogueVersion: integer('catalogue_version'),
  note: text('note').notNull().default(''),
  reviewerId: text('reviewer_id'),
  reviewerName: text('reviewer_name'),
  assignedAt: ts('assigned_at'),
  checklist: jsonb('checklist').$type<ChecklistEntry[] | null>(),
  outcome: text('outcome').$type<ReviewOutcome>(),
  opinion: text('opinion'),
  grounds: jsonb('grounds').$type<Ground[] | null>(),
  leaderApproval: jsonb('leader_approval').$type<{ approver: string; approvedOn: string } | null>(),
  decidedAt: ts('decided_at'),
  decidedBy: text('decided_by'),
  decidedOn: day('decided_on'),
  opinionDocumentId: text('opinion_document_id'),
  disagreement: jsonb('disagreement').$type<DisagreementRecord | null>(),
  headDecision: jsonb('head_decision').$type<HeadDecisionRecord | null>(),
  collectiveDiscussion: jsonb('collective_discussion').$type<CollectiveDiscussionRecord | null>(),
  updatedAt: ts('updated_at').notNull(),
});

export const reviewPauses = pgTable('review_pauses', {
  id: text('id').primaryKey(),
  roundId: text('round_id').notNull(),
  reason: text('reason').$type<import('@sanxiang/core').PauseReasonKey>().notNull(),
  requestedOn: day('requested_on').notNull(),
  resumedOn: day('resumed_on'),
  note: text('note').notNull().default(''),
  openedBy: text('opened_by').notNull(),
  openedByName: text('opened_by_name').notNull(),
  openedAt: ts('opened_at').notNull(),
  closedBy: text('closed_by'),
  closedByName: text('closed_by_name'),
  closedAt: ts('closed_at'),
});

export const reviewExtensions = pgTable('review_extensions', {
  id: text('id').primaryKey(),
  roundId: text('round_id').notNull(),
  amount: integer('amount').notNull(),
  approval: text('approval').notNull(),
  approvedBy: text('approved_by').notNull(),
  approvedByName: text('approved_by_name').notNull(),
  approvedOn: day('approved_on').notNull(),
  reason: text('reason').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const reviewRecusals = pgTable('review_recusals', {
  id: text('id').primaryKey(),
  reviewId: text('review_id').notNull(),
  userId: text('user_id').notNull(),
  userName: text('user_name').notNull(),
  reason: text('reason').notNull(),
  declaredBy: text('declared_by').notNull(),
  declaredByName: text('declared_by_name').notNull(),
  declaredAt: ts('declared_at').notNull(),
});

export const reviewEvents = pgTable('review_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  reviewId: text('review_id').notNull(),
  round: integer('round').notNull(),
  at: ts('at').notNull(),
  actorId: text('actor_id').notNull(),
  actorName: text('actor_name').notNull(),
  kind: text('kind').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
});

/** Issue 11 item 3 · NAT-22: an agency's violation catalogue, one row per version (migrations/0018_violation_catalogue.sql). */
export const violationCatalogues = pgTable('violation_catalogues', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  version: integer('version').notNull(),
  entries: jsonb('entries').$type<ViolationEntry[]>().notNull(),
  note: text('note').notNull().default(''),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  createdBy: text('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
});
