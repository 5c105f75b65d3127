/**
 * Tables of ex-ante disclosure (事前公开, ORG-3..ORG-8). Kept in their own
 * file; schema.ts re-exports it. The SQL in migrations/0009_exante.sql is the
 * source of truth.
 */
import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { ExAnteContent, ExAnteSection, ExAnteStatus } from '@sanxiang/core/disclosure/exante.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const exAnteVersions = pgTable('exante_versions', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  section: text('section').$type<ExAnteSection>().notNull(),
  version: integer('version').notNull(),
  content: jsonb('content').$type<ExAnteContent>().notNull(),
  changedOn: day('changed_on').notNull(),
  publishBy: day('publish_by'),
  publishByNote: text('publish_by_note').notNull().default(''),
  profileId: text('profile_id').notNull(),
  note: text('note').notNull().default(''),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
});

export type ExAnteEventKind = 'save' | 'submit' | 'approve' | 'return';

export const exAnteEvents = pgTable('exante_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  section: text('section').$type<ExAnteSection>().notNull(),
  version: integer('version').notNull(),
  kind: text('kind').$type<ExAnteEventKind>().notNull(),
  fromStatus: text('from_status').$type<ExAnteStatus>(),
  toStatus: text('to_status').$type<ExAnteStatus>().notNull(),
  comment: text('comment').notNull().default(''),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  actorId: text('actor_id').notNull(),
  actorName: text('actor_name').notNull(),
  at: ts('at').notNull(),
});

export const exAnteHeads = pgTable(
  'exante_heads',
  {
    agencyId: text('agency_id').notNull(),
    section: text('section').$type<ExAnteSection>().notNull(),
    agencyPath: text('agency_path').notNull(),
    status: text('status').$type<ExAnteStatus>().notNull(),
    currentVersion: integer('current_version').notNull(),
    publishedVersion: integer('published_version'),
    pendingChangedOn: day('pending_changed_on'),
    pendingPublishBy: day('pending_publish_by'),
    submittedBy: text('submitted_by'),
    submittedByName: text('submitted_by_name'),
    publishedOn: day('published_on'),
    publishedAt: ts('published_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.section] })],
);
