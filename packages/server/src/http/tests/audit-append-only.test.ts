import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('SYS-5 · 网络安全法 Art 21: audit records are protected from change', () => {
  it('UPDATE, DELETE and TRUNCATE of audit_events are refused by the database', async () => {
    const before = await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(before[0]!.n).toBeGreaterThan(0);
    await expect(ctx.database.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(ctx.database.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(ctx.database.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    const after = await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
