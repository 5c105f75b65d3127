/**
 * The demo's 按日连续处罚 (issue 11 item 6; NAT-11): walked lawfully to its
 * decision — the original decision first, the 复查 within its period, the
 * amount the original fine × days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { dayDiff } from '@sanxiang/core';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { cases } from '../db/schema.js';
import { loadCaseContext } from '../usecases/case-context.js';
import { dailyPenaltyView } from '../usecases/procedure/daily-penalty.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('NAT-11 · 《环境保护主管部门实施按日连续处罚办法》: the demo 按日连续处罚', () => {
  it('NAT-11 · 第七条、第十条、第十七条、第十九条: one linked case, decided after the original, 复查 within 30 days, amount = 100,000 × days', async () => {
    const linked = await ctx.db.select().from(cases).where(sql`${cases.flags}->>'dailyPenaltyOf' IS NOT NULL`);
    expect(linked).toHaveLength(1);
    const d = linked[0]!;
    const [o] = await ctx.db.select().from(cases).where(sql`${cases.id} = ${d.flags.dailyPenaltyOf}`);
    const view = (await dailyPenaltyView(ctx.db, await loadCaseContext(ctx.db, d)))!;
    expect(view).toMatchObject({ ok: true, problems: [], originalFine: 100_000, perDay: true, finding: 'continuing' });
    expect(view.days).toBe(dayDiff(view.correctionServedOn!, view.reinspectedOn!));
    expect(view.days! >= 1 && view.days! <= 30).toBe(true);
    expect(view.amount).toBe(100_000 * view.days!);
    expect(view.decisionAmount).toBe(view.amount);
    // Dates in order: filed ≤ 责令改正 served < 复查 ≤ the daily decision; the original decision before the daily one.
    expect(o!.dates.filingDate! <= view.correctionServedOn!).toBe(true);
    expect(d.dates.decisionDate! >= view.reinspectedOn!).toBe(true);
    expect(o!.dates.decisionDate! <= d.dates.decisionDate!).toBe(true);
    expect(d.dates.serviceDate! >= d.dates.decisionDate!).toBe(true);
    // The original case's 复查 period was met.
    expect(o!.dates).toMatchObject({ correctionServedOn: view.correctionServedOn, reinspectedOn: view.reinspectedOn });
  });
});
