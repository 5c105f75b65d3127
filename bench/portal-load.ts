/**
 * Load generator of the portal search benchmark, run by
 * bench/portal-search.bench.ts in its own process (so that the clients do not
 * share an event loop with the server they measure): N closed-loop clients
 * for a warm-up and then a measured period, in one of three modes —
 *   direct   the SQL statements searchPublished sends, straight to PostgreSQL (pg Pool, N connections by default)
 *   usecase  searchPublished itself on a drizzle over such a pg Pool (in-process, no HTTP)
 *   http     GET /decisions?… on the running server (keep-alive agent, N sockets)
 * Client i draws its queries with the same seeded sequence in every mode.
 *
 * Usage (internal): node --import tsx bench/portal-load.ts <job.json> <result.json>
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../packages/server/src/db/client.js';
import * as schema from '../packages/server/src/db/schema.js';
import { searchPublished } from '../packages/server/src/usecases/portal-search.js';
import { portalUrl, rng, type BenchQuery, type QueryKind } from './portal-data.js';

export type LoadMode = 'direct' | 'usecase' | 'http';

export interface Statement {
  text: string;
  params: unknown[];
}

export interface LoadJob {
  mode: LoadMode;
  dbUrl: string;
  baseUrl?: string;
  clients: number;
  /** Connections of the pg Pool (direct, usecase). */
  pool?: number;
  warmupS: number;
  durationS: number;
  today: string;
  queries: BenchQuery[];
  /** direct mode: the statements of each query, as searchPublished sends them (in parallel). */
  statements?: Statement[][];
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  mode: LoadMode;
  clients: number;
  seconds: number;
  errors: number;
  firstError?: string;
  status: Record<string, number>;
  /** Latencies (ms) of the successful requests of the measured period, by query kind. */
  samples: Partial<Record<QueryKind, number[]>>;
}

export function summarize(ms: number[]): LatencySummary {
  if (!ms.length) return { n: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const s = Float64Array.from(ms).sort();
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1]!, mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}

async function run(job: LoadJob): Promise<LoadResult> {
  let send: (i: number) => Promise<string>; // resolves to a status label
  let close: () => Promise<void>;
  if (job.mode === 'http') {
    const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
    const base = new URL(job.baseUrl!);
    send = (i) =>
      new Promise((resolve, reject) => {
        const req = http.get({ host: base.hostname, port: base.port, path: portalUrl(job.queries[i]!), agent }, (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve(String(res.statusCode)));
          res.on('error', reject);
        });
        req.on('error', reject);
      });
    close = async () => agent.destroy();
  } else {
    const pool = new pg.Pool({ connectionString: job.dbUrl, max: job.pool ?? job.clients });
    pool.on('error', () => {});
    if (job.mode === 'direct') {
      const statements = job.statements!;
      send = async (i) => {
        await Promise.all(statements[i]!.map((s) => pool.query(s.text, s.params)));
        return 'ok';
      };
    } else {
      const db = drizzle({ client: pool, schema }) as unknown as Db;
      send = async (i) => {
        const q = job.queries[i]!;
        await searchPublished(db, { q: q.q, actionType: q.actionType, agencyPath: q.agencyPath, from: q.from, to: q.to, page: q.page }, job.today);
        return 'ok';
      };
    }
    // Open the connections before the clock starts.
    const held = await Promise.all(Array.from({ length: job.pool ?? job.clients }, () => pool.connect()));
    held.forEach((c) => c.release());
    close = () => pool.end();
  }

  const start = performance.now();
  const measureFrom = start + job.warmupS * 1000;
  const end = measureFrom + job.durationS * 1000;
  const samples: Partial<Record<QueryKind, number[]>> = {};
  const status: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;

  const client = async (c: number) => {
    const r = rng(1000 + c);
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const i = Math.floor(r() * job.queries.length);
      let label: string;
      try {
        label = await send(i);
      } catch (e) {
        label = 'error';
        errors++;
        firstError ??= (e as Error).message;
      }
      if (t0 < measureFrom) continue;
      const ms = performance.now() - t0;
      status[label] = (status[label] ?? 0) + 1;
      if (label !== 'ok' && label !== '200') continue;
      (samples[job.queries[i]!.kind] ??= []).push(Math.round(ms * 100) / 100);
    }
  };
  await Promise.all(Array.from({ length: job.clients }, (_, c) => client(c)));
  await close();
  return { mode: job.mode, clients: job.clients, seconds: job.durationS, errors, ...(firstError ? { firstError } : {}), status, samples };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2]) {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as LoadJob;
  const result = await run(job);
  fs.writeFileSync(process.argv[3]!, JSON.stringify(result));
  process.exit(0);
}
