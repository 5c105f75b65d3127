/**
 * Portal search benchmark (issue 7; PUB-11, SYS-4 站内搜索; DESIGN §10): the
 * public decision search over ≥ 1,000,000 published decisions on PostgreSQL,
 * 64 concurrent clients, against the same SQL sent straight to PostgreSQL in
 * the same run.
 *
 * 1. A fresh database (sanxiang_bench_<pid>), migrated by the server's
 *    migrator, the demo agencies seeded; N published decisions generated
 *    (bench/portal-data.ts: 城市+字号+行业+有限公司, masked persons 张某, 文号
 *    like 并环罚〔2025〕123号, six action types, three years of decision dates,
 *    every demo agency, ~4 % past their PUB-7 window and so not to be found),
 *    inserted in multi-row batches with the table's secondary indexes built
 *    afterwards (the same definitions), then VACUUM ANALYZE. Load time printed.
 * 2. A mixed query set (party-name fragment, full company name, 文号, action
 *    type + agency subtree, date range, pages 2–5), checked for correctness,
 *    and EXPLAIN (ANALYZE) of the plans (GIN and partial indexes).
 * 3. Closed-loop clients (bench/portal-load.ts, its own process), each mode
 *    for a warm-up and then the measured period, in rounds of alternating
 *    order (the machine may be shared):
 *      direct   the statements searchPublished sends, straight to PostgreSQL (pg Pool of 64, --pool)
 *      usecase  searchPublished on a drizzle over such a pg Pool, in-process
 *      http     GET /decisions?q=&type=&agency=&from=&to=&page= on the real server
 *               (buildApp in this process, random port; skipped when the route is absent;
 *               per-address rate limit off, page cache as shipped)
 *      http-nocache the same with PORTAL_CACHE_TTL_SECONDS=0: every request reaches the database
 *    requests/s, p50/p95/p99, and the ratios against direct.
 *
 * Run: npx tsx bench/portal-search.bench.ts [--rows 1000000] [--duration 20] [--warmup 5]
 *        [--rounds 2] [--clients 64] [--pool <direct/usecase connections, default: clients>]
 *        [--modes direct,usecase,http,http-nocache] [--pg postgres://postgres@127.0.0.1:5432/postgres]
 *        [--keep] [--reuse <database kept by --keep>] 
 * PostgreSQL from --pg, else BENCH_PG_URL, else DATABASE_URL (only its server is
 * used: the bench creates its own database and drops it at the end unless --keep).
 * Needs ~2 GB of disk for 10^6 rows; loading takes a few minutes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { normalizeSearchText } from '@sanxiang/core';
import { loadConfig } from '../packages/server/src/config.js';
import type { AppContext } from '../packages/server/src/context.js';
import type { Db } from '../packages/server/src/db/client.js';
import * as schema from '../packages/server/src/db/schema.js';
import { buildApp } from '../packages/server/src/http/app.js';
import { chinaDate } from '../packages/server/src/lib/time.js';
import { seedDemo } from '../packages/server/src/seed/demo.js';
import { openContext } from '../packages/server/src/server.js';
import { searchPublished, type PortalQuery } from '../packages/server/src/usecases/portal-search.js';
import { addDays, buildQueries, DecisionGenerator, insertSql, portalUrl, QUERY_KINDS, type BenchAgency, type BenchQuery, type QueryKind, type SampleRow } from './portal-data.js';
import { summarize, type LatencySummary, type LoadJob, type LoadMode, type LoadResult, type Statement } from './portal-load.js';

// ---- options -----------------------------------------------------------------
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const ROWS = Number(option('rows') ?? 1_000_000);
const DURATION_S = Number(option('duration') ?? 20);
const WARMUP_S = Number(option('warmup') ?? 5);
const ROUNDS = Number(option('rounds') ?? 2);
const CLIENTS = Number(option('clients') ?? 64);
/** Connections of the pg Pool of the direct and usecase modes (the server keeps its own pool of 10: db/client.ts). */
const POOL = Number(option('pool') ?? CLIENTS);
type BenchMode = LoadMode | 'http-nocache';
const MODES = (option('modes') ?? 'direct,usecase,http,http-nocache').split(',') as BenchMode[];
const KEEP = flag('keep');
const REUSE = option('reuse');
const QUERY_COUNT = 1000;
const BATCH = 2000; // rows per INSERT: 27 parameters each, under the 65,535 limit
const EXPIRED_SHARE = 0.04;
for (const [k, v] of Object.entries({ rows: ROWS, duration: DURATION_S, warmup: WARMUP_S, clients: CLIENTS, pool: POOL, rounds: ROUNDS })) {
  if (!Number.isFinite(v) || v < 0 || (k !== 'warmup' && v <= 0)) throw new Error(`--${k} must be a positive number`);
}
if (REUSE !== undefined && !/^[a-z_][a-z0-9_]*$/.test(REUSE)) throw new Error('--reuse takes a database name');
for (const m of MODES) if (!['direct', 'usecase', 'http', 'http-nocache'].includes(m)) throw new Error(`unknown mode ${m}`);

const adminUrl = option('pg') ?? process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = REUSE ?? `sanxiang_bench_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

// ---- printing ----------------------------------------------------------------
const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const line = (label: string, value: string): void => console.log(`${label.padEnd(44)} ${value}`);
const seconds = (t0: number) => `${fmt((performance.now() - t0) / 1000, 1)} s`;

// ---- database ----------------------------------------------------------------
async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Drops the bench database once the closed pools' sessions are gone (a pool's
 * end() returns before the server has seen the sessions end; terminating them
 * then would raise an error on a client nobody listens to any more).
 */
async function dropDatabase(): Promise<void> {
  await admin(async (c) => {
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [dbName]);
      if (!rows[0]?.n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });
}

async function loadDecisions(agencies: BenchAgency[], today: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  try {
    const indexes = (
      await pool.query<{ indexname: string; indexdef: string }>(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = 'publications'
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
      )
    ).rows;
    // Secondary indexes are built once after the load (same definitions), as a bulk import would.
    for (const ix of indexes) await pool.query(`DROP INDEX ${ix.indexname}`);

    const gen = new DecisionGenerator(agencies, today, EXPIRED_SHARE, 20260307);
    const full = insertSql(BATCH);
    let left = ROWS;
    let done = 0;
    let nextReport = 200_000;
    const t0 = performance.now();
    const worker = async () => {
      while (left > 0) {
        const n = Math.min(BATCH, left);
        left -= n;
        const params: unknown[] = [];
        for (let i = 0; i < n; i++) params.push(...gen.next());
        await pool.query(n === BATCH ? full : insertSql(n), params);
        done += n;
        if (done >= nextReport) {
          process.stderr.write(`  … ${done.toLocaleString('en-US')} rows, ${fmt(done / ((performance.now() - t0) / 1000), 0)} rows/s\n`);
          nextReport += 200_000;
        }
      }
    };
    await Promise.all([worker(), worker()]);
    const insertMs = performance.now() - t0;
    line(`insert ${ROWS.toLocaleString('en-US')} rows (${BATCH}/INSERT, 2 conns)`, `${fmt(insertMs / 1000, 1)} s  (${fmt(ROWS / (insertMs / 1000), 0)} rows/s)`);

    await pool.query(`SET maintenance_work_mem = '1GB'`);
    const t1 = performance.now();
    for (const ix of indexes) {
      const t = performance.now();
      await pool.query(ix.indexdef);
      line(`  index ${ix.indexname}`, seconds(t));
    }
    line('build secondary indexes', seconds(t1));
    const t2 = performance.now();
    await pool.query('VACUUM (ANALYZE) publications');
    line('VACUUM ANALYZE', seconds(t2));
    line('load total', `${fmt((performance.now() - t0) / 1000, 1)} s`);
  } finally {
    await pool.end();
  }
}

// ---- plans -------------------------------------------------------------------
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

function scans(node: PlanNode, out: string[] = []): string[] {
  if (/Scan/.test(node['Node Type'])) {
    const target = node['Index Name'] ?? node['Relation Name'] ?? '';
    out.push(`${node['Node Type']}${target ? ` ${target}` : ''} (${node['Actual Rows'] ?? 0} rows${(node['Actual Loops'] ?? 1) > 1 ? ` ×${node['Actual Loops']}` : ''})`);
  }
  for (const p of node.Plans ?? []) scans(p, out);
  return out;
}

async function explain(pool: pg.Pool, s: Statement): Promise<{ text: string; scans: string[]; ms: number; seq: boolean }> {
  const text = (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
  const json = (await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`, s.params)).rows[0]!['QUERY PLAN'][0];
  const found = scans(json.Plan);
  return { text, scans: found, ms: json['Execution Time'], seq: found.some((x) => x.startsWith('Seq Scan publications')) };
}

const describe = (q: BenchQuery): string =>
  [q.q !== undefined ? `q=${q.q}` : '', q.actionType ? `type=${q.actionType}` : '', q.agencyPath ? `agency=…${q.agencyPath.slice(-9, -1)}` : '', q.from ? `${q.from}..${q.to}` : '', q.page ? `page ${q.page}` : '']
    .filter(Boolean)
    .join(' ');

// ---- load runs ---------------------------------------------------------------
async function runLoad(job: LoadJob, tmp: string): Promise<LoadResult> {
  const jobFile = path.join(tmp, `job-${job.mode}.json`);
  const resultFile = path.join(tmp, `result-${job.mode}.json`);
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'portal-load.ts'), jobFile, resultFile], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load generator (${job.mode}) exited with ${code}`);
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as LoadResult;
}

/** The rounds of one mode together: requests/s over the measured seconds, percentiles over every sample. */
interface Merged {
  rps: number;
  latency: LatencySummary;
  byKind: Partial<Record<QueryKind, LatencySummary>>;
  status: Record<string, number>;
  errors: number;
  firstError?: string;
}

function merge(runs: LoadResult[]): Merged {
  const all: number[] = [];
  const kinds: Partial<Record<QueryKind, number[]>> = {};
  const status: Record<string, number> = {};
  let secs = 0;
  let errors = 0;
  let firstError: string | undefined;
  for (const r of runs) {
    secs += r.seconds;
    errors += r.errors;
    firstError ??= r.firstError;
    for (const [k, v] of Object.entries(r.status)) status[k] = (status[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.samples) as [QueryKind, number[]][]) {
      for (const x of v) all.push(x);
      (kinds[k] ??= []).push(...v);
    }
  }
  return {
    rps: all.length / secs,
    latency: summarize(all),
    byKind: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, summarize(v)])),
    status,
    errors,
    ...(firstError ? { firstError } : {}),
  };
}

function printResult(label: string, r: Merged): void {
  const l = r.latency;
  line(label, `${fmt(r.rps, 0).padStart(7)} req/s   p50 ${fmt(l.p50, 1).padStart(7)} ms   p95 ${fmt(l.p95, 1).padStart(7)} ms   p99 ${fmt(l.p99, 1).padStart(7)} ms   max ${fmt(l.max, 0)} ms`);
  const bad = Object.entries(r.status).filter(([k]) => k !== 'ok' && k !== '200');
  if (bad.length || r.errors) line('', `not counted: ${bad.map(([k, v]) => `${k}×${v}`).join(', ')}${r.firstError ? `  (first error: ${r.firstError})` : ''}`);
}

// ---- main --------------------------------------------------------------------
async function main(): Promise<void> {
  console.log(`Sanxiang portal search benchmark — ${REUSE ? `reusing ${REUSE}` : `${ROWS.toLocaleString('en-US')} decisions`}, ${CLIENTS} clients, ${ROUNDS} × ${DURATION_S} s per mode (+${WARMUP_S} s warm-up each), Node ${process.version}, ${os.cpus().length} CPU`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-portal-bench-'));
  const today = chinaDate(new Date());
  let created = false;
  let ctx: AppContext | undefined;
  let app: FastifyInstance | undefined;
  let appNoCache: FastifyInstance | undefined;
  try {
    const version = await admin(async (c) => {
      if (!REUSE) {
        await c.query(`CREATE DATABASE ${dbName}`);
        created = true;
      }
      return (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
    });
    line('PostgreSQL', `${version}, database ${dbName}`);

    // The server's own start path: configuration → open → migrate; then the demo agencies.
    // The per-address rate limit is off (every client here is one address; it
    // would answer 429 to all but 300 requests a minute); the page cache, the
    // portal's own pool and its concurrency limit stay as shipped.
    const config = loadConfig({ DATABASE_URL: dbUrl, SANXIANG_DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'silent', SANXIANG_MODE: 'demo', CHECKPOINT_INTERVAL_MINUTES: '0', PORTAL_RATE_PER_MINUTE: '0' });
    let t = performance.now();
    ctx = await openContext(config);
    if (!REUSE) {
      await seedDemo(ctx, { mustChangePassword: false });
      line('migrate + seed demo agencies', seconds(t));
    }
    const agencies = (
      await ctx.database.query<BenchAgency>(`SELECT id, path, name, level, number_code AS "numberCode" FROM agencies ORDER BY sort_order`)
    );
    if (!REUSE) await loadDecisions(agencies, today);

    const [counts] = await ctx.database.query<{ total: number; visible: number; size: string }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE online AND (remove_by IS NULL OR remove_by >= $1))::int AS visible,
              pg_size_pretty(pg_total_relation_size('publications')) AS size FROM publications`,
      [today],
    );
    line('publications', `${counts!.total.toLocaleString('en-US')} rows, ${counts!.visible.toLocaleString('en-US')} visible today (${today}), ${counts!.size} with indexes`);

    // ---- the query set --------------------------------------------------------
    // The same rows in the same order on every run over this database: the same queries.
    const samples = await ctx.database.query<SampleRow>(
      `SELECT public_party AS party, decision_number AS number, agency_id AS "agencyId", action_type AS "actionType", decision_date::text AS "decisionDate"
         FROM publications TABLESAMPLE BERNOULLI (0.5) REPEATABLE (7)
        WHERE online AND (remove_by IS NULL OR remove_by >= $1) ORDER BY id LIMIT 5000`,
      [today],
    );
    const first = addDays(today, -3 * 365);
    const queries = buildQueries(samples, agencies, today, first, QUERY_COUNT, 42);

    // The statements searchPublished sends for each query, captured from drizzle's logger.
    const capturePool = new pg.Pool({ connectionString: dbUrl, max: 2 });
    let captured: Statement[] = [];
    const capturingDb = drizzle({ client: capturePool, schema, logger: { logQuery: (text, params) => void captured.push({ text, params }) } }) as unknown as Db;
    const portalQuery = (q: BenchQuery): PortalQuery => ({ q: q.q, actionType: q.actionType, agencyPath: q.agencyPath, from: q.from, to: q.to, page: q.page });
    const statements: Statement[][] = [];
    const single: number[] = [];
    const totals: number[] = [];
    for (const q of queries) {
      captured = [];
      const t0 = performance.now();
      const res = await searchPublished(capturingDb, portalQuery(q), today);
      single.push(performance.now() - t0);
      totals.push(res.total);
      statements.push(captured);
    }
    captured = []; // later calls are not part of any query's statements
    if (statements.some((x) => x.length !== 2)) throw new Error('searchPublished was expected to send two statements (rows and count) per query');
    single.sort((a, b) => a - b);
    line(`query set`, `${queries.length} queries: ${QUERY_KINDS.map((k) => `${k} ${queries.filter((q) => q.kind === k).length}`).join(', ')}`);
    line('  one client, sequential (first pass)', `median ${fmt(single[Math.floor(single.length / 2)]!, 1)} ms, max ${fmt(single[single.length - 1]!, 0)} ms`);
    line('  hits per query', `median ${[...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)]}, zero hits ${totals.filter((n) => n === 0).length} (counts capped at 10,000)`);

    // ---- correctness ------------------------------------------------------------
    const numberQ = queries.filter((q) => q.kind === 'number').slice(0, 50);
    let numberFound = 0;
    for (const q of numberQ) {
      const r = await searchPublished(capturingDb, { q: q.q }, today);
      if (r.items.some((i) => i.decisionNumber === q.q)) numberFound++;
    }
    line('check: visible 文号 found by its 文号', `${numberFound} of ${numberQ.length}`);
    const expired = await ctx.database.query<{ id: string; n: string }>(`SELECT id, decision_number AS n FROM publications WHERE online AND remove_by < $1 LIMIT 50`, [today]);
    let expiredFound = 0;
    for (const e of expired) {
      const r = await searchPublished(capturingDb, { q: e.n }, today);
      if (r.items.some((i) => i.id === e.id)) expiredFound++;
    }
    line('check: past PUB-7 window, found by 文号', `${expiredFound} of ${expired.length} (must be 0)`);
    const fragQ = queries.filter((q) => q.kind === 'fragment').slice(0, 50);
    let fragBad = 0;
    for (const q of fragQ) {
      const r = await searchPublished(capturingDb, { q: q.q }, today);
      fragBad += r.items.filter((i) => !normalizeSearchText(i.party + i.decisionNumber).includes(normalizeSearchText(q.q!))).length;
    }
    line('check: fragment hits not containing it', `${fragBad} (must be 0)`);
    if (numberFound !== numberQ.length || expiredFound !== 0 || fragBad !== 0) process.exitCode = 1;

    // ---- plans ----------------------------------------------------------------
    console.log('\nPlans (EXPLAIN ANALYZE of the rows statement; the count statement in brackets):');
    const seqScans: string[] = [];
    for (const kind of QUERY_KINDS) {
      const idx = queries.map((q, i) => (q.kind === kind ? i : -1)).filter((i) => i >= 0).slice(0, 3);
      for (const i of idx) {
        const [rowsStmt, countStmt] = statements[i]!;
        const a = await explain(capturePool, rowsStmt!);
        const b = countStmt ? await explain(capturePool, countStmt) : undefined;
        if (a.seq || b?.seq) seqScans.push(`${kind}: ${describe(queries[i]!)}`);
        console.log(`  ${kind.padEnd(12)} ${describe(queries[i]!).padEnd(44)} ${fmt(a.ms, 1).padStart(7)} ms  ${a.scans.join(' → ')}${b ? `   [${fmt(b.ms, 1)} ms ${b.scans.join(' → ')}]` : ''}`);
      }
    }
    const showFull = async (title: string, i: number) => {
      if (i < 0) return;
      console.log(`\n${title}: ${describe(queries[i]!)}`);
      console.log((await explain(capturePool, statements[i]![0]!)).text.replace(/^/gm, '    '));
    };
    await showFull('Full plan, party-name fragment (GIN on search_grams)', queries.findIndex((q) => q.kind === 'fragment'));
    await showFull('Full plan, action type + agency subtree (partial indexes WHERE online)', queries.findIndex((q) => q.kind === 'type+agency'));
    line('\nsequential scans of publications', seqScans.length ? seqScans.join('; ') : 'none');
    await capturePool.end();

    // ---- the portal over HTTP ---------------------------------------------------
    app = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    // The same server without its page cache (PORTAL_CACHE_TTL_SECONDS=0): what
    // a query nobody asked in the last 30 s costs over HTTP.
    appNoCache = await buildApp({ ...ctx, config: { ...ctx.config, portalCacheTtlSeconds: 0 } });
    await appNoCache.listen({ port: 0, host: '127.0.0.1' });
    const addr0 = appNoCache.server.address();
    const baseUrlNoCache = `http://127.0.0.1:${typeof addr0 === 'object' && addr0 ? addr0.port : 0}`;
    const numberProbe = queries.find((q) => q.kind === 'number')!;
    const probe = await fetch(`${baseUrl}${portalUrl(numberProbe)}`);
    const probeBody = await probe.text();
    const httpReady = probe.status === 200;
    line('\nGET /decisions on the server', httpReady ? `200, ${probeBody.length} chars; the 文号 ${probeBody.includes(numberProbe.q!) ? 'is' : 'is NOT'} on the page` : `${probe.status}: the portal route is not there yet — http mode skipped`);
    if (httpReady) {
      const statuses: string[] = [];
      for (const kind of QUERY_KINDS) {
        const q = queries.find((x) => x.kind === kind)!;
        const res = await fetch(`${baseUrl}${portalUrl(q)}`);
        await res.arrayBuffer();
        statuses.push(`${kind} ${res.status}`);
      }
      line('  one of each kind', statuses.join(', '));
    }

    // ---- load -------------------------------------------------------------------
    // Rounds alternate the order (direct, usecase, http, then back) so that a
    // change of background load on a shared machine weighs on every mode alike.
    const modes = MODES.filter((m) => !m.startsWith('http') || httpReady);
    console.log(`\nLoad: ${CLIENTS} closed-loop clients, same query sequence in every mode; ${ROUNDS} round(s) of ${WARMUP_S} s warm-up + ${DURATION_S} s measured per mode`);
    const label = (mode: BenchMode) => (mode === 'direct' ? `direct SQL (pg Pool ${POOL})` : mode === 'usecase' ? `searchPublished in-process (Pool ${POOL})` : mode === 'http' ? 'portal GET /decisions (HTTP, page cache)' : 'portal GET /decisions (HTTP, no cache)');
    const runs = new Map<BenchMode, LoadResult[]>(modes.map((m) => [m, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 ? [...modes].reverse() : modes) {
        const r = await runLoad({ mode: mode === 'http-nocache' ? 'http' : mode, dbUrl, baseUrl: mode === 'http-nocache' ? baseUrlNoCache : baseUrl, clients: CLIENTS, pool: POOL, warmupS: WARMUP_S, durationS: DURATION_S, today, queries, ...(mode === 'direct' ? { statements } : {}) }, tmp);
        runs.get(mode)!.push(r);
        const m = merge([r]);
        console.log(`  round ${round + 1} ${mode.padEnd(12)} ${fmt(m.rps, 0).padStart(7)} req/s  p95 ${fmt(m.latency.p95, 1).padStart(8)} ms`);
      }
    }
    const results = new Map<BenchMode, Merged>(modes.map((m) => [m, merge(runs.get(m)!)]));
    console.log('');
    for (const [mode, r] of results) printResult(label(mode), r);
    console.log('\np95 by query kind (ms):');
    console.log(`  ${'kind'.padEnd(14)}${[...results.keys()].map((m) => m.padStart(14)).join('')}`);
    for (const k of QUERY_KINDS) console.log(`  ${k.padEnd(14)}${[...results.values()].map((r) => fmt(r.byKind[k]?.p95 ?? 0, 1).padStart(14)).join('')}`);

    const direct = results.get('direct');
    if (direct) {
      console.log('');
      for (const [mode, r] of results) {
        if (mode === 'direct') continue;
        const name = mode === 'http' ? 'portal (HTTP, cache)' : mode === 'http-nocache' ? 'portal (HTTP, no cache)' : 'searchPublished';
        line(`${name} / direct throughput`, `${fmt(r.rps / direct.rps, 2)}×`);
        line(`${name} / direct p95 latency`, `${fmt(r.latency.p95 / direct.latency.p95, 2)}×`);
      }
    }
    if (!httpReady) console.log('\n(HTTP mode did not run: GET /decisions is not served yet. Run again once the portal route exists.)');
  } finally {
    await app?.close().catch(() => {});
    await appNoCache?.close().catch(() => {});
    await ctx?.database.close().catch(() => {});
    if (created && !KEEP) {
      await dropDatabase().catch((e: unknown) => console.error(`could not drop ${dbName}: ${(e as Error).message}`));
    } else if (created) {
      console.log(`\nkept database ${dbName}; rerun with --reuse ${dbName}`);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// Ctrl-C: do not leave a database of a million rows behind.
process.once('SIGINT', () => {
  console.error('\ninterrupted');
  const drop = REUSE || KEEP ? Promise.resolve() : admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  void drop.catch(() => {}).finally(() => process.exit(130));
});

await main();
