/**
 * Gap-free sequences for 案号 and 文号: the counter row is incremented inside
 * the caller's transaction, so the row lock serialises concurrent callers and
 * a rollback gives the number back. No number is skipped or issued twice.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';

export async function nextNumber(tx: Tx, scope: string): Promise<number> {
  const rows = await tx.execute<{ last: number }>(sql`
    INSERT INTO number_counters (scope, last) VALUES (${scope}, 1)
    ON CONFLICT (scope) DO UPDATE SET last = number_counters.last + 1
    RETURNING last`);
  const row = (rows as unknown as { rows?: { last: number }[] }).rows?.[0] ?? (rows as unknown as { last: number }[])[0];
  if (!row) throw new Error(`number counter ${scope} returned nothing`);
  return Number(row.last);
}
