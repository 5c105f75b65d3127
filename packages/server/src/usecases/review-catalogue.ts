/**
 * The agency's 重大执法决定法制审核目录清单 (REV-2 · SX19-L 9 ¶2; XX-L 3 ¶2;
 * MEE19 三(二)): versioned (each change is a new version; the table is
 * append-only), filed with the justice bureau, exported for filing. Until an
 * agency adopts its own, the catalogue proposed for its profile applies
 * (version 0, marked as such).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  AppError,
  catalogueProblems,
  defaultCatalogue,
  resolveProfile,
  type CatalogueItem,
  type ResolvedProfile,
  type ReviewCatalogue,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { agencies, reviewCatalogueFilings, reviewCatalogues } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize } from './authorize.js';

type AgencyRow = typeof agencies.$inferSelect;
type CatalogueRow = typeof reviewCatalogues.$inferSelect;

/** The catalogue in force for an agency: its latest version, or the profile's proposal (version 0). */
export interface CatalogueInForce {
  version: number;
  adopted: boolean;
  catalogue: ReviewCatalogue;
  row: CatalogueRow | null;
}

export async function catalogueInForce(db: DbOrTx, agency: AgencyRow, profile: ResolvedProfile): Promise<CatalogueInForce> {
  const [row] = await db.select().from(reviewCatalogues).where(eq(reviewCatalogues.agencyId, agency.id)).orderBy(desc(reviewCatalogues.version)).limit(1);
  if (row) return { version: row.version, adopted: true, catalogue: { title: row.title, items: row.items, note: row.note }, row };
  return { version: 0, adopted: false, catalogue: defaultCatalogue(profile), row: null };
}

async function loadAgency(ctx: AppContext, actor: ActorContext, agencyId: string | undefined) {
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, agencyId ?? actor.agencyId));
  if (!agency) throw new AppError('not_found');
  // The catalogue is ex-ante information (ORG-3 · SX19-P 10): anyone who sees the agency sees it.
  authorize(actor, 'agency.read', { agencyId: agency.id, agencyPath: agency.path }, 'agency.read');
  return agency;
}

function presentRow(row: CatalogueRow, filings: (typeof reviewCatalogueFilings.$inferSelect)[]) {
  return {
    version: row.version,
    title: row.title,
    effectiveFrom: row.effectiveFrom,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    profileId: row.profileId,
    itemCount: row.items.length,
    filings: filings.filter((f) => f.catalogueId === row.id).map((f) => ({ filedWith: f.filedWith, filedOn: f.filedOn, filingNumber: f.filingNumber, recordedBy: f.createdByName })),
  };
}

/** The catalogue of an agency (default the actor's) with its versions and filings. */
export async function getCatalogueView(ctx: AppContext, actor: ActorContext, opts: { agencyId?: string | undefined; version?: number | undefined } = {}) {
  const agency = await loadAgency(ctx, actor, opts.agencyId);
  const profile = resolveProfile(agency.profileId, agency.profileOverrides);
  const rows = await ctx.db.select().from(reviewCatalogues).where(eq(reviewCatalogues.agencyId, agency.id)).orderBy(desc(reviewCatalogues.version));
  const filings = rows.length ? await ctx.db.select().from(reviewCatalogueFilings).where(inArray(reviewCatalogueFilings.catalogueId, rows.map((r) => r.id))) : [];
  let shown: CatalogueInForce;
  if (opts.version !== undefined && opts.version > 0) {
    const row = rows.find((r) => r.version === opts.version);
    if (!row) throw new AppError('not_found');
    shown = { version: row.version, adopted: true, catalogue: { title: row.title, items: row.items, note: row.note }, row };
  } else {
    shown = rows[0] ? { version: rows[0].version, adopted: true, catalogue: { title: rows[0].title, items: rows[0].items, note: rows[0].note }, row: rows[0] } : { version: 0, adopted: false, catalogue: defaultCatalogue(profile), row: null };
  }
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    profileId: profile.id,
    version: shown.version,
    adopted: shown.adopted,
    current: rows[0]?.version ?? 0,
    effectiveFrom: shown.row?.effectiveFrom ?? null,
    title: shown.catalogue.title,
    note: shown.catalogue.note ?? '',
    items: shown.catalogue.items,
    filings: shown.row ? presentRow(shown.row, filings).filings : [],
    versions: rows.map((r) => presentRow(r, filings)),
    proposal: defaultCatalogue(profile),
  };
}

export interface CatalogueInput {
  title: string;
  items: CatalogueItem[];
  note?: string | undefined;
  effectiveFrom?: string | undefined;
}

/** REV-2: adopts a new version of the actor's agency's catalogue. */
export async function saveCatalogue(ctx: AppContext, actor: ActorContext, input: CatalogueInput) {
  const now = ctx.clock.now();
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, actor.agencyId));
  if (!agency) throw new AppError('not_found');
  authorize(actor, 'review.catalogue', { agencyId: agency.id, agencyPath: agency.path }, 'agency.read');
  const profile = resolveProfile(agency.profileId, agency.profileOverrides);
  const catalogue: ReviewCatalogue = { title: input.title.trim(), items: input.items, note: input.note ?? '' };
  const problems = catalogueProblems(catalogue, profile);
  if (problems.length > 0) throw new AppError('review.catalogue_invalid', { detail: problems.map((p) => `${p.label}：${p.reason}`).join('；'), details: problems });
  const version = await ctx.db.transaction(async (tx) => {
    const [last] = await tx.select({ v: reviewCatalogues.version }).from(reviewCatalogues).where(eq(reviewCatalogues.agencyId, agency.id)).orderBy(desc(reviewCatalogues.version)).limit(1);
    const v = (last?.v ?? 0) + 1;
    // UNIQUE (agency_id, version): two saves at once cannot both take the same number.
    await tx.insert(reviewCatalogues).values({
      id: newId(),
      agencyId: agency.id,
      agencyPath: agency.path,
      version: v,
      profileId: profile.id,
      title: catalogue.title,
      items: [...catalogue.items],
      note: catalogue.note ?? '',
      effectiveFrom: input.effectiveFrom ?? chinaDate(now),
      createdAt: now,
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    await recordAudit(tx, { at: now, actor, action: 'review.catalogue.save', object: { type: 'reviewCatalogue', id: `${agency.id}/${v}`, agencyId: agency.id, agencyPath: agency.path }, detail: { version: v, items: catalogue.items.length } });
    return v;
  });
  return getCatalogueView(ctx, actor, { version });
}

/** 报本级司法行政部门备案: records the filing of a version. */
export async function recordCatalogueFiling(ctx: AppContext, actor: ActorContext, version: number, input: { filedWith: string; filedOn: string; filingNumber?: string | undefined }) {
  const now = ctx.clock.now();
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, actor.agencyId));
  if (!agency) throw new AppError('not_found');
  authorize(actor, 'review.catalogue', { agencyId: agency.id, agencyPath: agency.path }, 'agency.read');
  const [row] = await ctx.db.select().from(reviewCatalogues).where(and(eq(reviewCatalogues.agencyId, agency.id), eq(reviewCatalogues.version, version)));
  if (!row) throw new AppError('not_found');
  if (input.filedOn > chinaDate(now)) throw new AppError('validation.failed', { detail: '备案日期不能晚于今天' });
  await ctx.db.transaction(async (tx) => {
    await tx.insert(reviewCatalogueFilings).values({ id: newId(), catalogueId: row.id, filedWith: input.filedWith, filedOn: input.filedOn, filingNumber: input.filingNumber ?? '', createdAt: now, createdBy: actor.userId, createdByName: actor.displayName });
    await recordAudit(tx, { at: now, actor, action: 'review.catalogue.file', object: { type: 'reviewCatalogue', id: `${agency.id}/${version}`, agencyId: agency.id, agencyPath: agency.path }, detail: { version, filedWith: input.filedWith, filedOn: input.filedOn } });
  });
  return getCatalogueView(ctx, actor, { version });
}
