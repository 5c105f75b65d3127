/**
 * The demo's disclosure data (issue 7): published decisions for each demo
 * agency, redaction visible, one withdrawn, one withheld, one draft waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { agencies, publications } from '../db/schema.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('PUB-4 · SX25-P 16: the demo decisions show redaction at work', () => {
  it('each demo city and 小店分局 has online decisions; one withdrawn, one withheld, one draft; no witness anywhere public', async () => {
    const rows = await ctx.db.select({ p: publications, agency: agencies.name }).from(publications).innerJoin(agencies, eq(agencies.id, publications.agencyId));
    const online = rows.filter((r) => r.p.online);
    for (const a of ['太原市生态环境局', '太原市生态环境局小店分局', '兰州市生态环境局', '湘西州生态环境局']) {
      expect(online.some((r) => r.agency === a), a).toBe(true);
    }
    expect(new Set(online.map((r) => r.p.actionType))).toEqual(new Set(['penalty', 'coercion', 'inspection']));
    expect(rows.filter((r) => r.p.status === 'withdrawn')).toHaveLength(1);
    const withheld = rows.filter((r) => r.p.status === 'withheld');
    expect(withheld).toHaveLength(1);
    expect(withheld[0]!.p.withholding!.reason).toBe('minor');
    expect(rows.some((r) => r.p.status === 'draft')).toBe(true);
    const publicText = JSON.stringify(online.map((r) => [r.p.publicContent, r.p.publicParty, r.p.publicTitle]));
    for (const secret of ['王小明', '韩梅', '田娟', '13912345678', '13609310000']) expect(publicText).not.toContain(secret);
    expect(publicText).toMatch(/王某|韩某|田某/);
  });
});
