/**
 * Issue 13 item 2 — withholding re-evaluated from the case's current facts
 * (PUB-5 · SX25-P 19; GS-P 10; XX-P 10): a minor party, a transfer to the
 * police or to 纪检监察 (recorded as a case event with its 移送书), a state
 * secret, trade secrets the party asked to protect. Read at every approval
 * (publications.ts gatePreview); when a case whose decision is online gains
 * such a reason, the publication goes to withdrawPending with a system
 * statement and an alert event, so the clerk sees it first in the queue
 * (PUB-8 · SX25-P 25: withdrawn within 3 days) and the approver decides.
 * Item 3: lifted personal masks need the approver's explicit consent.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  AppError,
  WITHHOLDING_REASON_LABELS,
  isWithheld,
  resolveProfile,
  withdrawalSchedule,
  withholdingReasons,
  type LiftedMask,
  type WithholdingReason,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { agencies, caseEvents, cases, documents, parties, publicationEvents, publications, type WithdrawalRecord } from '../../db/schema.js';
import { chinaDate } from '../../lib/time.js';
import { recordAudit } from '../audit.js';
import { loadCalendar } from '../calendar.js';
import { loadReadableCase, requireCaseWriter } from '../cases.js';

type AgencyRow = typeof agencies.$inferSelect;
type CaseFlags = { transferredToPolice?: boolean; underPoliceInvestigation?: boolean; transferredToDiscipline?: boolean; stateSecret?: boolean; tradeSecretRequested?: boolean };

/** The reasons that stand today (automatic ones from the case's facts). */
export async function currentWithholding(db: DbOrTx, p: { caseId: string | null }, agency: AgencyRow): Promise<WithholdingReason[]> {
  if (!p.caseId) return [];
  const [c] = await db.select().from(cases).where(eq(cases.id, p.caseId));
  if (!c) return [];
  const partyRows = c.partyId ? await db.select().from(parties).where(eq(parties.id, c.partyId)) : [];
  const f = c.flags as CaseFlags;
  const reasons = withholdingReasons({
    profile: resolveProfile(agency.profileId, agency.profileOverrides).id,
    parties: partyRows.map((r) => ({ kind: r.kind, minor: r.minor })),
    transferredToPolice: f.transferredToPolice === true,
    underPoliceInvestigation: f.underPoliceInvestigation === true,
    transferredToDiscipline: f.transferredToDiscipline === true,
    stateSecret: f.stateSecret === true,
    tradeSecretRequested: f.tradeSecretRequested === true,
  });
  return isWithheld(reasons) ? reasons.filter((r) => r.status === 'automatic' || r.status === 'approved') : [];
}

/** PUB-4 · SX25-P 19 第二款: every lifted name, phone or address mask needs the approver's explicit consent. */
export function liftConsentProblems(lifted: readonly LiftedMask[], consent: boolean): { code: 'liftConsent'; message: string }[] {
  const personal = lifted.filter((l) => ['name', 'mobile', 'phone', 'address', 'contact', 'email'].includes(l.kind));
  if (consent || personal.length === 0) return [];
  return [{ code: 'liftConsent', message: `录入员解除了${personal.length}处个人信息的隐去（${personal.map((l) => l.liftReason).join('；')}），须审核员明确同意后方可公示（SX25-P 第十九条第二款）` }];
}

export const TRANSFER_TARGET_LABELS = { police: '公安机关', discipline: '纪检监察机关', other: '其他机关' } as const;
export type TransferTarget = keyof typeof TRANSFER_TARGET_LABELS;

export interface TransferInput {
  to: TransferTarget;
  /** The receiving body, required for 'other' (e.g. 太原市住房和城乡建设局). */
  toName?: string | undefined;
  /** 移送书文号. */
  letterNumber: string;
  transferredOn: string;
  /** The 移送书 as a document of the case, when it is kept there. */
  documentId?: string | undefined;
  note?: string | undefined;
}

/**
 * 移送: recorded as a case event with its 移送书; the case's withholding facts
 * change, and a decision of the case that is online starts its withdrawal.
 */
export async function recordTransfer(ctx: AppContext, actor: ActorContext, caseId: string, input: TransferInput) {
  const now = ctx.clock.now();
  const row = await loadReadableCase(ctx, actor, caseId);
  await requireCaseWriter(ctx, actor, row, 'case.update');
  if (!input.letterNumber.trim()) throw new AppError('disclosure.transfer_invalid', { detail: '须填写移送书文号' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.transferredOn) || input.transferredOn > chinaDate(now)) throw new AppError('disclosure.transfer_invalid', { detail: '移送日期应为不晚于今天的 YYYY-MM-DD' });
  if (input.documentId) {
    const [d] = await ctx.db.select().from(documents).where(and(eq(documents.id, input.documentId), eq(documents.caseId, caseId)));
    if (!d) throw new AppError('disclosure.transfer_invalid', { detail: '移送书须为本案的文书' });
  }
  if (input.to === 'other' && !input.toName?.trim()) throw new AppError('disclosure.transfer_invalid', { detail: '移送其他机关的，须写明接收机关' });
  // PUB-5 · SX25-P 19(五): only a transfer to the police or to 纪检监察 withholds; another body (e.g. 移送有管辖权的行政机关) does not.
  const flag = input.to === 'police' ? 'transferredToPolice' : input.to === 'discipline' ? 'transferredToDiscipline' : null;
  let started = 0;
  const toLabel = input.to === 'other' ? input.toName!.trim() : TRANSFER_TARGET_LABELS[input.to];
  const detail = { to: input.to, toLabel, letterNumber: input.letterNumber.trim(), transferredOn: input.transferredOn, documentId: input.documentId ?? null, note: input.note?.trim() ?? '' };
  await ctx.db.transaction(async (tx) => {
    const [fresh] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    if (flag) await tx.update(cases).set({ flags: { ...fresh!.flags, [flag]: true }, updatedAt: now }).where(eq(cases.id, caseId));
    await tx.insert(caseEvents).values({ caseId, at: now, actorId: actor.userId, actorName: actor.displayName, kind: 'transfer', fromState: null, toState: null, detail });
    await recordAudit(tx, { at: now, actor, action: 'case.transfer', object: { type: 'case', id: caseId, agencyId: row.agencyId, agencyPath: row.agencyPath }, detail });
    if (flag) started = await withdrawOnNewReason(tx, caseId, now, `案件已于${input.transferredOn}移送${toLabel}（${input.letterNumber.trim()}）`);
  });
  return { caseId, transfer: detail, withdrawalsStarted: started };
}

/**
 * The case's transfers (移送 events with their 移送书), the withholding reasons
 * that stand today, and each decision of the case with its disclosure state:
 * what the case page shows next to the transfers (PUB-5, PUB-8).
 */
export async function listTransfers(ctx: AppContext, actor: ActorContext, caseId: string) {
  const row = await loadReadableCase(ctx, actor, caseId);
  const events = await ctx.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'transfer'))).orderBy(asc(caseEvents.at));
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, row.agencyId));
  const reasons = await currentWithholding(ctx.db, { caseId }, agency!);
  const pubs = await ctx.db.select().from(publications).where(eq(publications.caseId, caseId)).orderBy(asc(publications.createdAt));
  const alerts = pubs.length ? await ctx.db.select().from(publicationEvents).where(and(inArray(publicationEvents.publicationId, pubs.map((p) => p.id)), eq(publicationEvents.kind, 'withholdingAlert'))) : [];
  return {
    caseId,
    transfers: events.map((e) => {
      const d = e.detail as { to: TransferTarget; toLabel: string; letterNumber: string; transferredOn: string; documentId: string | null; note: string };
      return { at: e.at.toISOString(), actorName: e.actorName, to: d.to, toLabel: d.toLabel, letterNumber: d.letterNumber, transferredOn: d.transferredOn, documentId: d.documentId ?? null, note: d.note ?? '' };
    }),
    withholding: reasons.map((r) => ({ key: r.key, label: r.label, basis: r.basis })),
    publications: pubs.map((p) => {
      const alert = alerts.filter((a) => a.publicationId === p.id).at(-1);
      return {
        id: p.id,
        decisionNumber: p.decisionNumber,
        status: p.status,
        online: p.online,
        withholding: p.withholding ? { reason: p.withholding.reason, label: WITHHOLDING_REASON_LABELS[p.withholding.reason as keyof typeof WITHHOLDING_REASON_LABELS] ?? String(p.withholding.reason) } : null,
        withdrawal: p.withdrawal ? { automatic: p.withdrawal.automatic === true, withdrawBy: p.withdrawal.withdrawBy, withdrawnOn: p.withdrawal.withdrawnOn ?? null } : null,
        alert: alert ? { at: alert.at.toISOString(), comment: alert.comment } : null,
      };
    }),
  };
}

/**
 * A case gained a withholding reason: each of its decisions that is online
 * goes to withdrawPending, with a public statement that names no one, and an
 * alert event for the clerk (PUB-8 · SX25-P 25).
 */
export async function withdrawOnNewReason(tx: Tx, caseId: string, now: Date, why: string): Promise<number> {
  const online = await tx.select().from(publications).where(and(eq(publications.caseId, caseId), eq(publications.status, 'published')));
  const today = chinaDate(now);
  let started = 0;
  for (const p of online) {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, p.agencyId));
    const reasons = await currentWithholding(tx, p, agency!);
    if (reasons.length === 0) continue;
    const profile = resolveProfile(agency!.profileId, agency!.profileOverrides);
    const schedule = withdrawalSchedule({ profile, calendar: await loadCalendar(tx), revokedOn: today });
    const label = reasons.map((r) => r.label).join('；');
    const withdrawal: WithdrawalRecord = {
      cause: 'changed',
      statement: `该决定信息因${label}，依法不予公开，现撤回原公示信息。`,
      changedOn: today,
      withdrawBy: schedule.due,
      changingDecision: { body: p.agencyName, number: p.decisionNumber, date: today, content: `依法不予公开（${reasons.map((r) => r.basis).join('；')}）` },
      requestedBy: '系统',
      requestedOn: today,
      automatic: true,
    };
    await tx.update(publications).set({ status: 'withdrawPending', withdrawal, updatedAt: now }).where(eq(publications.id, p.id));
    const comment = `${why}：${label}。已自动发起撤回，请录入员核对撤回说明并提请审核员审批。`;
    await tx.insert(publicationEvents).values({ publicationId: p.id, kind: 'withholdingAlert', fromStatus: p.status, toStatus: 'withdrawPending', version: p.currentVersion, comment, detail: { withdrawBy: schedule.due, reasons: reasons.map((r) => r.key) }, actorId: null, actorName: '系统', at: now });
    started++;
    await recordAudit(tx, { at: now, actor: null, action: 'publication.withholdingAlert', object: { type: 'publication', id: p.id, agencyId: p.agencyId, agencyPath: p.agencyPath }, detail: { reasons: reasons.map((r) => r.key) } });
  }
  return started;
}
