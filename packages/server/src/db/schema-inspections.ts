/**
 * Tables of 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16, NAT-17).
 * migrations/0016_inspections.sql is the source of truth; schema.ts re-exports.
 */
import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { CapExceptionKey, InspectionKind, PermitClass, RiskClass, TargetClass } from '@sanxiang/core/inspections/vocabulary.js';
import type { DrawResult } from '@sanxiang/core/inspections/draw.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const inspectionTargets = pgTable('inspection_targets', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  creditCode: text('credit_code').notNull(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  legalRepresentative: text('legal_representative').notNull().default(''),
  permitNumber: text('permit_number').notNull().default(''),
  permitClass: text('permit_class').$type<PermitClass>().notNull().default('none'),
  keyPolluter: boolean('key_polluter').notNull().default(false),
  industry: text('industry').notNull().default(''),
  district: text('district').notNull().default(''),
  riskClass: text('risk_class').$type<RiskClass>().notNull().default('medium'),
  riskSource: text('risk_source').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const inspectionRelations = pgTable('inspection_relations', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  userId: text('user_id').notNull(),
  targetId: text('target_id').notNull(),
  relation: text('relation').notNull(),
  declaredAt: ts('declared_at').notNull(),
  declaredBy: text('declared_by').notNull(),
});

export const inspectionPlans = pgTable('inspection_plans', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  item: text('item').notNull(),
  basis: text('basis').notNull().default(''),
  content: text('content').notNull().default(''),
  method: text('method').notNull().default(''),
  rounds: text('rounds').$type<'quarter' | 'year'>().notNull(),
  quotaOverride: jsonb('quota_override').$type<Partial<Record<TargetClass, number>>>().notNull().default({}),
  jointDepartments: text('joint_departments').array().notNull().default([]),
  teamSize: integer('team_size').notNull().default(2),
  createdAt: ts('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

/** What a draw froze at commitment; published with the seed. */
export interface DrawLists {
  targets: { key: string; targetClass: TargetClass; targetId: string; name: string }[];
  inspectors: { key: string; userId: string; name: string }[];
  conflicts: { inspectorKey: string; targetKey: string }[];
  /** Targets left out of the pool because they reached the yearly cap (INS-3). */
  atCap: { key: string; targetId: string }[];
}

export const inspectionDraws = pgTable('inspection_draws', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  roundLabel: text('round_label').notNull(),
  status: text('status').$type<'committed' | 'drawn' | 'published'>().notNull(),
  algorithm: text('algorithm').notNull(),
  seed: text('seed').notNull(),
  seedHash: text('seed_hash').notNull(),
  lists: jsonb('lists').$type<DrawLists>().notNull(),
  digests: jsonb('digests').$type<{ targets: string; inspectors: string; conflicts: string }>().notNull(),
  quota: jsonb('quota').$type<Partial<Record<TargetClass, number>>>().notNull(),
  teamSize: integer('team_size').notNull(),
  commitLeaf: bigint('commit_leaf', { mode: 'number' }).notNull(),
  result: jsonb('result').$type<DrawResult>(),
  drawLeaf: bigint('draw_leaf', { mode: 'number' }),
  committedAt: ts('committed_at').notNull(),
  committedBy: text('committed_by').notNull(),
  drawnAt: ts('drawn_at'),
  drawnBy: text('drawn_by'),
  publishedAt: ts('published_at'),
  publishedBy: text('published_by'),
});

export interface InspectionException {
  reason: CapExceptionKey;
  note: string;
  cap: number;
  count: number;
  requestedBy: string;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  refusedComment?: string;
}

export const inspections = pgTable('inspections', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull(),
  agencyPath: text('agency_path').notNull(),
  code: text('code').notNull(),
  kind: text('kind').$type<InspectionKind>().notNull(),
  targetId: text('target_id').notNull(),
  creditCode: text('credit_code').notNull(),
  targetName: text('target_name').notNull(),
  year: integer('year').notNull(),
  plannedDate: day('planned_date').notNull(),
  status: text('status').$type<'pendingApproval' | 'registered' | 'refused'>().notNull(),
  inspectors: jsonb('inspectors').$type<{ userId: string; name: string; certificateNumber: string }[]>().notNull(),
  drawId: text('draw_id'),
  planId: text('plan_id'),
  exception: jsonb('exception').$type<InspectionException>(),
  caseId: text('case_id'),
  penaltyCaseId: text('penalty_case_id'),
  registeredAt: ts('registered_at').notNull(),
  registeredBy: text('registered_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
