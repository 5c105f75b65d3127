/**
 * One typed database for both ways to run (DESIGN.md §1): embedded PGlite in
 * the data folder, or PostgreSQL through DATABASE_URL. Same SQL, same drizzle
 * schema.
 *
 * PGlite allows one process per data folder: we hold an OS file lock next to
 * it and fail with a clear message when another live process holds it.
 */
import { spawn } from 'node:child_process';
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
  /**
   * The portal's reads (issue 14 item 8): on PostgreSQL a pool of its own
   * (PORTAL_DB_POOL_MAX), so a crowd on the public site cannot take the
   * connections staff requests need; on PGlite the one connection (`db`).
   */
  portalDb: Db;
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
  | { kind: 'postgres'; url: string; schema?: string; poolMax?: number; portalPoolMax?: number };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.schema, target.poolMax, target.portalPoolMax);
  if (target.kind === 'pglite-memory') return wrapPglite(new PGlite(), () => {});
  fs.mkdirSync(target.dataDir, { recursive: true });
  const release = await acquireLock(target.dataDir);
  try {
    const client = await PGlite.create(target.dataDir);
    return wrapPglite(client, release);
  } catch (e) {
    await release();
    throw e;
  }
}

function wrapPglite(client: PGlite, release: () => void | Promise<void>): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const self: Database = {
    kind: 'pglite',
    db,
    portalDb: db,
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    close: async () => {
      try {
        await client.close();
      } finally {
        await release();
      }
    },
    dedicated: (fn) => fn(self),
  };
  return self;
}

function openPostgres(url: string, schemaName?: string, poolMax = 10, portalPoolMax = 5): Database {
  if (schemaName !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schemaName)) throw new Error(`invalid schema name ${schemaName}`);
  const options = schemaName ? { options: `-c search_path=${schemaName}` } : {};
  const pool = new pg.Pool({ connectionString: url, max: poolMax, ...options });
  const portalPool = new pg.Pool({ connectionString: url, max: portalPoolMax, ...options });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    portalDb: drizzlePg({ client: portalPool, schema }) as unknown as Db,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    close: async () => {
      await Promise.all([pool.end(), portalPool.end()]);
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

/**
 * Lock of the data folder (issue 14 item 6): an exclusive flock(2) on
 * `<dataDir>.lock`, held by a small `flock` child process (util-linux) for as
 * long as this process lives. The operating system releases it when the holder
 * dies — also after kill -9 — so a restart starts whatever its PID (PID 1 in a
 * container is the same PID every time). The child reads our stdin pipe: when
 * we die the pipe closes, `cat` ends and the lock is gone. No native build.
 * The file keeps the owner's pid for people; the lock is the flock, not the pid.
 */
export async function acquireLock(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const child = spawn('flock', ['--exclusive', '--nonblock', '--conflict-exit-code', '75', lockPath, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const outcome = await new Promise<'locked' | 'busy' | Error>((resolve) => {
    child.once('error', (e) => resolve(e));
    child.once('exit', (code) => resolve(code === 75 ? 'busy' : new Error(`flock exited with ${String(code)}`)));
    child.stdout!.once('data', () => resolve('locked'));
  });
  if (outcome !== 'locked') {
    child.kill('SIGKILL');
    if (outcome === 'busy') {
      let owner = '';
      try {
        owner = fs.readFileSync(lockPath, 'utf8').trim();
      } catch {
        /* unreadable: no owner to name */
      }
      throw new AppError(
        'db.locked',
        { dir: dataDir },
        `The embedded database in ${dataDir} is in use${owner ? ` by process ${owner}` : ''}. Stop it first, or set DATABASE_URL to use PostgreSQL for several processes.`,
      );
    }
    throw outcome;
  }
  fs.writeFileSync(lockPath, String(process.pid));
  // The holder must not keep this process alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  let released: Promise<void> | undefined;
  const release = () => {
    // Closing the pipe ends `cat`, then flock: the lock is free when the holder has exited.
    // ref() again: the unref'd holder must keep the event loop alive until it has exited, else
    // a CLI awaiting this would end with an unsettled await (exit code 13).
    released ??= (child.ref(), child.stdin!.end(), exited);
    return released;
  };
  process.once('exit', () => void release());
  return release;
}
