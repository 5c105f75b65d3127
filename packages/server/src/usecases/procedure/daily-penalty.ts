/**
 * NAT-11 · 按日连续处罚 (环境保护法 第五十九条; 《环境保护主管部门实施按日连续处罚办法》)
 * on the server. A 按日连续处罚 case is a penalty case linked to the original
 * penalty case of the same agency and party (第七条). Its decision — a
 * 行政处罚决定书 (第十六条) — is issued only when the pure check of the core
 * (`checkDailyPenalty`, packages/core/src/cases/daily-penalty.ts) passes on
 * the facts of both cases: the original decision and its fine, the
 * 责令改正违法行为决定书 served, the 复查 within its period finding the
 * violation continuing, and the amount = the original fine × days. Each
 * refusal is a 409 with a stable code naming what must come first.
 */
import { eq } from 'drizzle-orm';
import { AppError, checkDailyPenalty, type CivilDate, type DailyPenaltyComputation, type DailyPenaltyFacts, type ReinspectionFinding } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { cases } from '../../db/schema.js';
import { chinaDate } from '../../lib/time.js';
import { loadCaseContext, type CaseContext, type CaseRow } from '../case-context.js';
import { caseEvent, getCaseView, loadReadableCase, requireCaseWriter } from '../cases.js';
import { violationCatalogueInForce } from '../violation-catalogue.js';

const FINDINGS: readonly ReinspectionFinding[] = ['continuing', 'obstructed', 'corrected', 'stopped'];

/** The current version of each lineage of `kind` in a case. */
function current(c: CaseContext, kind: string) {
  return c.documentRows
    .filter((d) => d.kind === kind)
    .map((d) => ({ doc: d, v: c.versionRows.filter((v) => v.documentId === d.id).sort((a, b) => b.version - a.version)[0]! }))
    .filter((x) => x.v);
}

function corrections(c: CaseContext): DailyPenaltyFacts['corrections'] {
  return current(c, 'correctionOrder')
    .filter((x) => x.v.status === 'issued')
    .map((x) => {
      const served = c.serviceRows.filter((s) => s.documentId === x.doc.id && s.counts && s.servedOn).map((s) => s.servedOn!).sort();
      return { number: x.v.docNumber ?? undefined, servedOn: served[0] };
    });
}

function reinspections(c: CaseContext): DailyPenaltyFacts['reinspections'] {
  return current(c, 'reinspectionRecord')
    .filter((x) => x.v.status === 'signed' && typeof x.v.fields.reinspectedOn === 'string' && FINDINGS.includes(x.v.fields.finding as ReinspectionFinding))
    .map((x) => ({ on: x.v.fields.reinspectedOn as CivilDate, finding: x.v.fields.finding as ReinspectionFinding }));
}

/** The facts of a linked 按日连续处罚 case and its original case; null for any other case. */
export async function dailyPenaltyFacts(db: DbOrTx, c: CaseContext, decision?: DailyPenaltyFacts['decision']): Promise<DailyPenaltyFacts | null> {
  const originalId = c.row.flags.dailyPenaltyOf;
  if (!originalId) return null;
  const [orow] = await db.select().from(cases).where(eq(cases.id, originalId));
  const oc = orow ? await loadCaseContext(db, orow) : undefined;
  const decided = oc ? current(oc, 'penaltyDecision').find((x) => x.v.status === 'issued') : undefined;
  const f = decided?.v.fields ?? {};
  const period = c.profile.params['dailyPenalty.reinspection']?.value as { kind?: string; period?: { unit: string; amount: number } } | undefined;
  // The draft of the daily decision, when none is given: its basis and amount are shown on the case page.
  const own = decision ?? (() => {
    const d = current(c, 'penaltyDecision')[0];
    if (!d) return undefined;
    return { legalBasis: typeof d.v.fields.legalBasis === 'string' ? d.v.fields.legalBasis : undefined, fineAmount: typeof d.v.fields.fineAmount === 'number' ? d.v.fields.fineAmount : undefined };
  })();
  return {
    original: oc
      ? {
          caseNumber: oc.row.caseNumber,
          decisionNumber: decided?.v.docNumber ?? undefined,
          issuedOn: typeof f.issueDate === 'string' ? f.issueDate : decided?.v.finalizedAt ? chinaDate(decided.v.finalizedAt) : undefined,
          fineAmount: typeof f.fineAmount === 'number' ? f.fineAmount : undefined,
          legalBasis: typeof f.legalBasis === 'string' ? f.legalBasis : undefined,
        }
      : undefined,
    corrections: [...corrections(c), ...(oc ? corrections(oc) : [])],
    reinspections: [...reinspections(c), ...(oc ? reinspections(oc) : [])],
    decision: own,
    reinspectionDays: period?.kind === 'span' && period.period?.unit === 'calendarDays' ? period.period.amount : undefined,
    catalogue: (await violationCatalogueInForce(db, c.row.agencyId)).entries,
  };
}

const CODES = {
  'daily.original': 'daily_penalty.original_missing',
  'daily.perDay': 'daily_penalty.not_per_day',
  'daily.correction': 'daily_penalty.correction_not_served',
  'daily.continuing': 'daily_penalty.no_continuation',
  'daily.period': 'daily_penalty.reinspection_late',
  'daily.amount': 'daily_penalty.amount_mismatch',
} as const;

/**
 * Refuses the issue of a linked case's penalty decision unless every step of
 * the 办法 is done and its amount is the original fine × days. Returns the
 * computation (days, amount and the dates they come from).
 */
export async function assertDailyPenalty(db: DbOrTx, row: CaseRow, fields: Record<string, unknown>, issueDate: CivilDate): Promise<DailyPenaltyComputation | null> {
  const c = await loadCaseContext(db, row);
  const facts = await dailyPenaltyFacts(db, c, {
    legalBasis: typeof fields.legalBasis === 'string' ? fields.legalBasis : undefined,
    fineAmount: typeof fields.fineAmount === 'number' ? fields.fineAmount : undefined,
    issueDate,
  });
  if (!facts) return null;
  const r = checkDailyPenalty(facts);
  if (r.ok) return r.computation;
  const first = r.missing[0]!;
  const code = CODES[first.id as keyof typeof CODES] ?? 'daily_penalty.original_missing';
  throw new AppError(code, { detail: r.missing.map((m) => `${m.label}：${m.reason}`).join('；'), details: r.missing });
}

/** The computation for the case page (null for a case that is not a 按日连续处罚). */
export async function dailyPenaltyView(db: DbOrTx, c: CaseContext) {
  const facts = await dailyPenaltyFacts(db, c);
  if (!facts) return null;
  const r = checkDailyPenalty(facts);
  return { ...r.computation, originalCaseId: c.row.flags.dailyPenaltyOf ?? null, ok: r.ok, problems: r.ok ? [] : r.missing.map((m) => `${m.label}：${m.reason}`) };
}

/**
 * 按日连续处罚办法 第七条: links a penalty case to the original penalty case
 * (same agency, same party) whose decision it follows. Only before its own
 * decision is issued.
 */
export async function linkDailyPenalty(ctx: AppContext, actor: ActorContext, id: string, input: { originalCaseId: string }) {
  const now = ctx.clock.now();
  const row = await loadReadableCase(ctx, actor, id);
  await requireCaseWriter(ctx, actor, row, 'case.update');
  const refuse = (detail: string) => new AppError('daily_penalty.link_invalid', { detail });
  if (row.actionType !== 'penalty') throw refuse('按日连续处罚只适用于行政处罚案件');
  if (row.dates.decisionDate) throw refuse('本案已作出处罚决定，不能再关联原处罚案件');
  if (input.originalCaseId === id) throw refuse('不能关联本案自身');
  // The original is read with the actor's rights: a case the actor may not read is not found.
  const original = await loadReadableCase(ctx, actor, input.originalCaseId);
  if (original.agencyId !== row.agencyId) throw refuse('原处罚案件须为本机关的案件（按日连续处罚由作出原处罚决定的机关实施）');
  if (original.actionType !== 'penalty') throw refuse(`${original.caseNumber} 不是行政处罚案件`);
  if (original.flags.dailyPenaltyOf) throw refuse(`${original.caseNumber} 本身是按日连续处罚案件，请关联其原处罚案件`);
  if (row.partyId && original.partyId && row.partyId !== original.partyId) throw refuse(`${original.caseNumber} 的当事人与本案不同`);
  await ctx.db.transaction(async (tx) => {
    await tx.update(cases).set({ flags: { ...row.flags, dailyPenaltyOf: original.id }, updatedAt: now }).where(eq(cases.id, id));
    await caseEvent(tx, row, actor, now, 'dailyPenalty.link', { originalCaseId: original.id, originalCaseNumber: original.caseNumber });
  });
  return getCaseView(ctx, actor, id);
}

/**
 * NAT-11 · 按日连续处罚办法 第十条: a signed 复查 on `on` completes the 复查
 * period of the case that served the 责令改正违法行为决定书 — this case, or the
 * original case it is linked to: the earliest 复查 after the service counts (a later one does not move it).
 */
export async function recordReinspection(tx: Tx, row: CaseRow, on: CivilDate, now: Date): Promise<void> {
  const targets = [row];
  if (row.flags.dailyPenaltyOf) {
    const [o] = await tx.select().from(cases).where(eq(cases.id, row.flags.dailyPenaltyOf));
    if (o) targets.push(o);
  }
  for (const t of targets) {
    const [fresh] = await tx.select().from(cases).where(eq(cases.id, t.id));
    const d = fresh!.dates;
    if ((d.reinspectedOn && d.reinspectedOn <= on) || (d.correctionServedOn && on <= d.correctionServedOn) || (!d.correctionServedOn && t.id !== row.id)) continue;
    await tx.update(cases).set({ dates: { ...d, reinspectedOn: on }, updatedAt: now }).where(eq(cases.id, t.id));
  }
}
