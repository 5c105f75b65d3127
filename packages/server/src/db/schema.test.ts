/**
 * The SQL migrations are the source of truth; the drizzle schema is their
 * typed view. This checks both agree column by column (name, nullability,
 * type family), on whichever database the suite runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { createTestContext, type TestContext } from '../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
});
afterAll(async () => {
  await ctx?.close();
});

const TYPE_FAMILY: Record<string, string> = {
  text: 'text',
  'timestamp with time zone': 'timestamp',
  timestamp: 'timestamp',
  date: 'date',
  boolean: 'boolean',
  integer: 'integer',
  bigint: 'bigint',
  jsonb: 'jsonb',
  ARRAY: 'array',
  'text[]': 'array',
};

describe('drizzle schema matches the migrations', () => {
  const tables = (Object.values(schema) as unknown[]).filter((t): t is PgTable => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t);

  it('every drizzle table exists with the same columns', async () => {
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      const cfg = getTableConfig(table);
      const cols = await ctx.database.query<{ column_name: string; is_nullable: string; data_type: string }>(
        'SELECT column_name, is_nullable, data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()',
        [cfg.name],
      );
      const db = new Map(cols.map((c) => [c.column_name, c]));
      const drizzleCols = cfg.columns.map((c) => c.name).sort();
      expect({ table: cfg.name, columns: [...db.keys()].sort() }).toEqual({ table: cfg.name, columns: drizzleCols });
      for (const c of cfg.columns) {
        const d = db.get(c.name)!;
        expect({ col: `${cfg.name}.${c.name}`, notNull: d.is_nullable === 'NO' }).toEqual({ col: `${cfg.name}.${c.name}`, notNull: c.notNull || c.primary });
        const family = TYPE_FAMILY[d.data_type] ?? d.data_type;
        expect({ col: `${cfg.name}.${c.name}`, type: family }).toEqual({ col: `${cfg.name}.${c.name}`, type: TYPE_FAMILY[c.getSQLType().replace(/\(.*\)/, '')] ?? c.getSQLType() });
      }
    }
  });
});
