/**
 * Tables of media retention (REC-18): litigation holds, disposal requests and
 * decisions, and withdrawn access grants (REC-20). The SQL in
 * migrations/0008_retention.sql is the source of truth; schema.ts re-exports
 * this file.
 */
import { bigint, boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const mediaHolds = pgTable('media_holds', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  mediaId: text('media_id'),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  reason: text('reason').notNull(),
  reference: text('reference').notNull().default(''),
  placedBy: text('placed_by').notNull(),
  placedByName: text('placed_by_name').notNull(),
  placedAt: ts('placed_at').notNull(),
  leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
});

export const mediaHoldReleases = pgTable('media_hold_releases', {
  holdId: text('hold_id').primaryKey(),
  reason: text('reason').notNull(),
  releasedBy: text('released_by').notNull(),
  releasedByName: text('released_by_name').notNull(),
  releasedAt: ts('released_at').notNull(),
  leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
});

export const mediaDisposals = pgTable('media_disposals', {
  id: text('id').primaryKey(),
  mediaId: text('media_id').notNull(),
  caseId: text('case_id').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  reason: text('reason').notNull(),
  earliestDisposal: text('earliest_disposal').notNull(),
  retentionLabel: text('retention_label').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedByName: text('requested_by_name').notNull(),
  requestedAt: ts('requested_at').notNull(),
  leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
});

export const mediaDisposalDecisions = pgTable('media_disposal_decisions', {
  disposalId: text('disposal_id').primaryKey(),
  mediaId: text('media_id').notNull(),
  approved: boolean('approved').notNull(),
  comment: text('comment').notNull().default(''),
  sha256: text('sha256').notNull(),
  bytesDeleted: boolean('bytes_deleted').notNull().default(false),
  bytesNote: text('bytes_note').notNull().default(''),
  decidedBy: text('decided_by').notNull(),
  decidedByName: text('decided_by_name').notNull(),
  decidedAt: ts('decided_at').notNull(),
  leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
});

export const accessRevocations = pgTable('access_revocations', {
  requestId: text('request_id').primaryKey(),
  reason: text('reason').notNull(),
  revokedBy: text('revoked_by').notNull(),
  revokedByName: text('revoked_by_name').notNull(),
  revokedAt: ts('revoked_at').notNull(),
});
