/**
 * An agency's violation catalogue (issue 11 item 3; NAT-22): 违法行为 → 违反条款
 * → 处罚依据 → 法定幅度 → 裁量档次与情形. Versioned (a change is a new version;
 * the table is append-only); until an agency adopts its own, the platform's
 * model catalogue applies (version 0). The same catalogue checks a decision's
 * fine (procedure/gate.ts), tells the legal reviewer the discretion applied
 * (review-present.ts) and is the ex-ante 行政处罚裁量基准 on the portal
 * (portal/exante.ts) — one source, never retyped. What goes online passes the
 * redaction gate: a version whose texts hold 疑似个人信息 is refused.
 */
import { desc, eq } from 'drizzle-orm';
import { AppError, VIOLATIONS, applyOverrides, catalogueTexts, discretionBenchmark, reviewEntered, violationCatalogueProblems, type DiscretionBenchmarkRow, type RedactionSources, type ViolationCatalogue, type ViolationEntry } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { agencies, violationCatalogues } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize } from './authorize.js';
import { exAnteSources } from './public-text/exante.js';

type AgencyRow = typeof agencies.$inferSelect;

export interface ViolationCatalogueInForce {
  /** 0: the platform's model catalogue (示范裁量基准), not adopted by the agency. */
  version: number;
  adopted: boolean;
  effectiveFrom: string | null;
  entries: ViolationCatalogue;
}

export async function violationCatalogueInForce(db: DbOrTx, agencyId: string): Promise<ViolationCatalogueInForce> {
  const [row] = await db.select().from(violationCatalogues).where(eq(violationCatalogues.agencyId, agencyId)).orderBy(desc(violationCatalogues.version)).limit(1);
  if (row) return { version: row.version, adopted: true, effectiveFrom: row.effectiveFrom, entries: row.entries };
  return { version: 0, adopted: false, effectiveFrom: null, entries: VIOLATIONS };
}

/** The 疑似个人信息 and leaks in the texts of a catalogue that would go online (PUB-4 · SX25-P 16). */
export async function catalogueGateProblems(db: DbOrTx, agency: AgencyRow, entries: ViolationCatalogue, today: string) {
  const sources = await exAnteSources(db, agency, today);
  return catalogueTexts(entries).flatMap((t) => {
    const r = reviewEntered(t.text, sources);
    return [...r.suspects.map((s) => `${t.label}：“${s.original}”${s.reason}`), ...r.leaks.map((l) => `${t.label}：${l.reason}`)];
  });
}

async function loadAgency(ctx: AppContext, actor: ActorContext, agencyId: string | undefined): Promise<AgencyRow> {
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, agencyId ?? actor.agencyId));
  if (!agency) throw new AppError('not_found');
  // Ex-ante information (ORG-3): anyone who sees the agency sees it.
  authorize(actor, 'agency.read', { agencyId: agency.id, agencyPath: agency.path }, 'agency.read');
  return agency;
}

export async function getViolationCatalogue(ctx: AppContext, actor: ActorContext, agencyId?: string) {
  const agency = await loadAgency(ctx, actor, agencyId);
  const inForce = await violationCatalogueInForce(ctx.db, agency.id);
  return { agencyId: agency.id, agencyName: agency.name, ...inForce, entries: inForce.entries.map((e) => ({ ...e, bands: e.bands.map((b) => ({ ...b })) })) };
}

/** NAT-22, ORG-3: adopts a new version of the actor's agency's catalogue (the legal unit or the head). */
export async function saveViolationCatalogue(ctx: AppContext, actor: ActorContext, input: { entries: ViolationEntry[]; note?: string | undefined; effectiveFrom?: string | undefined }) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, actor.agencyId));
  if (!agency) throw new AppError('not_found');
  authorize(actor, 'review.catalogue', { agencyId: agency.id, agencyPath: agency.path }, 'agency.read');
  const problems = violationCatalogueProblems(input.entries);
  if (problems.length) throw new AppError('violation_catalogue.invalid', { detail: problems.map((p) => `${p.label}：${p.reason}`).join('；'), details: problems });
  const leaks = await catalogueGateProblems(ctx.db, agency, input.entries, today);
  if (leaks.length) throw new AppError('violation_catalogue.personal_info', { detail: leaks.join('；') });
  const version = await ctx.db.transaction(async (tx) => {
    const [last] = await tx.select({ v: violationCatalogues.version }).from(violationCatalogues).where(eq(violationCatalogues.agencyId, agency.id)).orderBy(desc(violationCatalogues.version)).limit(1);
    const v = (last?.v ?? 0) + 1;
    await tx.insert(violationCatalogues).values({
      id: newId(),
      agencyId: agency.id,
      agencyPath: agency.path,
      version: v,
      entries: input.entries,
      note: input.note ?? '',
      effectiveFrom: input.effectiveFrom ?? today,
      createdAt: now,
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    await recordAudit(tx, { at: now, actor, action: 'violationCatalogue.save', object: { type: 'violationCatalogue', id: `${agency.id}/${v}`, agencyId: agency.id, agencyPath: agency.path }, detail: { version: v, entries: input.entries.length } });
    return v;
  });
  return { ...(await getViolationCatalogue(ctx, actor, agency.id)), version };
}

/**
 * ORG-3 (SX25-P 10(一)): the 行政处罚裁量基准 the portal shows for an agency,
 * generated from its catalogue in force. Through the redaction gate once more
 * on the way out (PUB-4): a version is refused with personal information when
 * saved, and anything a detector still finds (the model catalogue, a rule
 * added since) is masked here, never shown.
 */
export async function publicDiscretionBenchmark(db: DbOrTx, agency: AgencyRow, today: string): Promise<Omit<ViolationCatalogueInForce, 'entries'> & { rows: DiscretionBenchmarkRow[] }> {
  const inForce = await violationCatalogueInForce(db, agency.id);
  const sources = await exAnteSources(db, agency, today);
  const gated = (text: string) => gateText(text, sources);
  const rows = discretionBenchmark(inForce.entries).map((r) => ({
    ...r,
    violation: gated(r.violation),
    violated: gated(r.violated),
    bands: r.bands.map((b) => ({ ...b, circumstances: gated(b.circumstances) })),
  }));
  return { version: inForce.version, adopted: inForce.adopted, effectiveFrom: inForce.effectiveFrom, rows };
}

function gateText(text: string, sources: RedactionSources): string {
  const r = reviewEntered(text, sources);
  const found = [...r.suspects.map((s) => s.original), ...r.leaks.map((l) => text.slice(l.start, l.end))].filter((v) => v.length > 0);
  if (!found.length) return text;
  return applyOverrides({ text, masks: [], lifted: [], suspects: [], dismissed: [], warnings: [] }, found.map((value) => ({ action: 'add' as const, value, reason: '公开前隐去疑似个人信息' }))).text;
}
