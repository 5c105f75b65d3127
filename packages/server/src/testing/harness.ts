/**
 * Test harness: a fresh database per test file (PGlite in memory by default;
 * a fresh schema in PostgreSQL when DATABASE_URL is set, dropped afterwards),
 * migrated and seeded with the demo data, and optionally a listening server.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import type { AppContext, Clock } from '../context.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { buildApp } from '../http/app.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ensureCalendarSeed } from '../usecases/calendar.js';

export { DEMO_PASSWORD };

export class TestClock implements Clock {
  constructor(private t: Date = new Date('2026-03-02T01:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  set(t: Date | string): void {
    this.t = new Date(t);
  }
  advanceMinutes(m: number): void {
    this.t = new Date(this.t.getTime() + m * 60_000);
  }
}

export interface TestContext extends AppContext {
  clock: TestClock;
  close(): Promise<void>;
}

export async function createTestContext(opts: { seed?: boolean; config?: Partial<Config>; /** The clock's instant (seeding included); default 2026-03-02 09:00 China time. */ at?: string } = {}): Promise<TestContext> {
  const url = process.env.DATABASE_URL;
  // Tests sign in often; the login rate limit has its own test with a low value.
  // Each context has its own data folder (blobs, upload staging), removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-test-'));
  const config: Config = { ...loadConfig({ SANXIANG_DATA_DIR: dataDir, LOG_LEVEL: 'silent', LOGIN_RATE_PER_MINUTE: '10000', PORTAL_RATE_PER_MINUTE: '0' }), ...opts.config };
  let dropSchema: (() => Promise<void>) | undefined;
  let database;
  if (url) {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
    database = await openDatabase({ kind: 'postgres', url, schema });
    config.database = { kind: 'postgres', url };
  } else {
    database = await openDatabase({ kind: 'pglite-memory' });
  }
  await migrate(database);
  await ensureCalendarSeed(database.db);
  const clock = new TestClock(opts.at ? new Date(opts.at) : undefined);
  const ctx: TestContext = {
    config,
    database,
    db: database.db,
    clock,
    close: async () => {
      await database.close();
      await dropSchema?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (opts.seed !== false) await seedDemo(ctx, { mustChangePassword: false });
  return ctx;
}

export interface TestServer {
  ctx: TestContext;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** A server on a free loopback port with a fresh seeded database. */
export async function startTestServer(opts: { config?: Partial<Config>; at?: string } = {}): Promise<TestServer> {
  const ctx = await createTestContext(opts);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    ctx,
    app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}

/** Logs in through the API and returns the session cookie header value. */
export async function loginCookie(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'sx_session');
  if (!set) throw new Error('no session cookie');
  return `sx_session=${set.value}`;
}
