/**
 * An agency's own document kinds (REC-2 · SX25-R 8: agencies may add
 * templates to the province's standard documents). Stored in the agency's
 * case settings, validated by the core catalogue builder, used everywhere a
 * document kind is looked up for that agency's cases.
 */
import { eq } from 'drizzle-orm';
import { AppError, DEFAULT_CATALOGUE, buildCatalogue, type AgencyDocumentKind, type DocumentCatalogue } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { agencies } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { authorize } from './authorize.js';
import { findAgency } from './agencies.js';

type AgencyRow = typeof agencies.$inferSelect;

export function agencyDocumentKinds(agency: Pick<AgencyRow, 'caseSettings'>): AgencyDocumentKind[] {
  const kinds = (agency.caseSettings as { documentKinds?: AgencyDocumentKind[] }).documentKinds;
  return Array.isArray(kinds) ? kinds : [];
}

/** The built-in kinds plus the agency's own (stored kinds were validated when saved). */
export function agencyCatalogue(agency: Pick<AgencyRow, 'caseSettings'>): DocumentCatalogue {
  const built = buildCatalogue(agencyDocumentKinds(agency));
  return built.ok ? built.catalogue : DEFAULT_CATALOGUE;
}

export async function catalogueOfAgency(db: DbOrTx, agencyId: string): Promise<DocumentCatalogue> {
  const a = await findAgency(db, agencyId);
  return a ? agencyCatalogue(a) : DEFAULT_CATALOGUE;
}

export async function setAgencyDocumentKinds(ctx: AppContext, actor: ActorContext, agencyId: string, kinds: AgencyDocumentKind[]) {
  const a = await findAgency(ctx.db, agencyId);
  if (!a) throw new AppError('not_found');
  authorize(actor, 'agency.update', { agencyId: a.id, agencyPath: a.path }, 'agency.read');
  const built = buildCatalogue(kinds);
  if (!built.ok) throw new AppError('document.kind_invalid', { detail: built.missing.map((m) => `${m.label}：${m.reason}`).join('；'), details: built.missing });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(agencies).set({ caseSettings: { ...a.caseSettings, documentKinds: kinds }, updatedAt: now }).where(eq(agencies.id, a.id));
    await recordAudit(tx, { at: now, actor, action: 'agency.documentKinds', object: { type: 'agency', id: a.id, agencyId: a.id, agencyPath: a.path }, detail: { kinds: kinds.map((k) => k.key) } });
  });
  return { agencyId: a.id, kinds };
}
