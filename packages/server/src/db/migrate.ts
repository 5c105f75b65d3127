/**
 * Applies the SQL files of ./migrations in name order, each in its own
 * transaction, and records them with a checksum. An applied migration whose
 * file changed afterwards stops the start: migrations are append-only too.
 * On PostgreSQL an advisory lock keeps several servers from migrating at once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, Database } from './client.js';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 727_1949; // arbitrary, constant advisory-lock key for migrations

export interface MigrationResult {
  applied: string[];
  total: number;
}

export function listMigrations(): { name: string; sql: string; checksum: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(database: Database, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  return database.dedicated((conn) => migrateOn(conn, database.kind === 'postgres', log));
}

async function migrateOn(database: Connection, advisory: boolean, log: (line: string) => void): Promise<MigrationResult> {
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  if (advisory) await database.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    const done = new Map(
      (await database.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).map((r) => [r.name, r.checksum]),
    );
    const all = listMigrations();
    const applied: string[] = [];
    for (const m of all) {
      const prior = done.get(m.name);
      if (prior) {
        if (prior !== m.checksum) {
          throw new Error(`迁移文件 ${m.name} 在应用后被修改（checksum 不符）。已应用的迁移不可修改，请新增迁移文件。`);
        }
        continue;
      }
      log(`应用数据库迁移 ${m.name}`);
      await database.exec(`BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (name, checksum) VALUES ('${m.name}', '${m.checksum}');\nCOMMIT;`).catch(async (e) => {
        await database.exec('ROLLBACK').catch(() => {});
        throw new Error(`迁移 ${m.name} 失败：${(e as Error).message}`);
      });
      applied.push(m.name);
    }
    return { applied, total: all.length };
  } finally {
    if (advisory) await database.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}
