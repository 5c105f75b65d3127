/**
 * NAT-3 · 生态环境行政处罚办法 第五十七条 (行政处罚法 第六十条): the agency's head
 * approves an extension of the time limit for the penalty decision — the
 * amount the profile's next extension allows, the reason, and for the second
 * one the heads' collective discussion. Kept on the case (its dates), with a
 * case event and an audit record in one transaction; the case's deadlines
 * show it, and the decision gate (procedure/gate.ts) counts it.
 */
import { eq, sql } from 'drizzle-orm';
import { AppError, checkDecisionExtension } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import { cases } from '../../db/schema.js';
import { chinaDate } from '../../lib/time.js';
import { authorize } from '../authorize.js';
import { loadCaseContext } from '../case-context.js';
import { caseEvent, getCaseView, loadReadableCase } from '../cases.js';

export interface ExtendDecisionLimitInput {
  amount: number;
  reason: string;
  /** The heads' collective discussion record (a document of the case) for a second extension. */
  collectiveDiscussionDocumentId?: string | undefined;
}

export async function extendDecisionLimit(ctx: AppContext, actor: ActorContext, id: string, input: ExtendDecisionLimitInput) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const row = await loadReadableCase(ctx, actor, id);
  authorize(actor, 'case.extendDeadline', { agencyId: row.agencyId, agencyPath: row.agencyPath }, 'case.read');
  if (row.state === 'archived') throw new AppError('case.archived');
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM cases WHERE id = ${id} FOR UPDATE`);
    const [fresh] = await tx.select().from(cases).where(eq(cases.id, id));
    const c = await loadCaseContext(tx, fresh!);
    if (input.collectiveDiscussionDocumentId && !c.documentRows.some((d) => d.id === input.collectiveDiscussionDocumentId && d.kind === 'collectiveDiscussionRecord')) {
      throw new AppError('case.extension_refused', { detail: '所关联的集体讨论记录不是本案的集体讨论记录' });
    }
    const r = checkDecisionExtension({
      actionType: fresh!.actionType,
      summaryProcedure: fresh!.flags.summaryProcedure ?? false,
      dates: fresh!.dates,
      profile: c.profile,
      calendar: c.calendar,
      request: { amount: input.amount, reason: input.reason, approvedBy: actor.displayName, approvedOn: today, collectiveDiscussionDocumentId: input.collectiveDiscussionDocumentId },
    });
    if (!r.ok || !r.extension) throw new AppError('case.extension_refused', { detail: r.ok ? '' : r.missing.map((m) => m.reason).join('；'), details: r.ok ? [] : r.missing });
    const dates = { ...fresh!.dates, penaltyExtensions: [...(fresh!.dates.penaltyExtensions ?? []), { ...r.extension, approvedById: actor.userId }] };
    await tx.update(cases).set({ dates, updatedAt: now }).where(eq(cases.id, id));
    await caseEvent(tx, fresh!, actor, now, 'extendDeadline', { deadline: 'penalty.decide', ...r.extension });
  });
  return getCaseView(ctx, actor, id);
}
