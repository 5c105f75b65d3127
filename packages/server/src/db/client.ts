/**
 * One typed database for both ways to run (DESIGN.md §1): embedded PGlite in
 * the data folder, or PostgreSQL through DATABASE_URL. Same SQL, same drizzle
 * schema.
 *
 * PGlite allows one process per data folder: we take a lock file next to it
 * and fail with a clear message when another live process holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { AppError } from '@sanxiang/core';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A use case takes either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  /** A plain parameterised query, for the few places drizzle does not fit. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** Runs `fn` on one connection (session-level locks, multi-statement scripts). */
  dedicated<T>(fn: (conn: Connection) => Promise<T>): Promise<T>;
}

export type Connection = Pick<Database, 'exec' | 'query'>;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' }
  /** `schema`: use this schema instead of public (tests give each file its own). */
  | { kind: 'postgres'; url: string; schema?: string };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.schema);
  if (target.kind === 'pglite-memory') return wrapPglite(new PGlite(), () => {});
  fs.mkdirSync(target.dataDir, { recursive: true });
  const release = acquireLock(target.dataDir);
  try {
    const client = await PGlite.create(target.dataDir);
    return wrapPglite(client, release);
  } catch (e) {
    release();
    throw e;
  }
}

function wrapPglite(client: PGlite, release: () => void): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const self: Database = {
    kind: 'pglite',
    db,
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
    dedicated: (fn) => fn(self),
  };
  return self;
}

function openPostgres(url: string, schemaName?: string): Database {
  if (schemaName !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schemaName)) throw new Error(`invalid schema name ${schemaName}`);
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}) });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    close: async () => {
      await pool.end();
    },
    dedicated: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
  };
}

/** Lock file `<dataDir>.lock` holding the owner's pid; a stale lock (dead pid) is taken over. */
export function acquireLock(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'db.locked',
          { dir: dataDir },
          `The embedded database in ${dataDir} is in use by process ${owner}. Stop it first, or set DATABASE_URL to use PostgreSQL for several processes.`,
        );
      }
      if (owner === process.pid) {
        throw new AppError('db.locked', { dir: dataDir }, `The embedded database in ${dataDir} is already open in this process.`);
      }
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new AppError('db.locked', { dir: dataDir });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
