/**
 * Portal and staff traffic (issue 14 item 8; SYS-4, DESIGN §10): does a crowd
 * on the public portal slow the staff down? In one run, against one server on
 * PostgreSQL:
 *
 * 1. staff alone: S closed-loop staff clients (signed in) on GET /api/v1/cases
 *    for the measured period;
 * 2. the same staff clients while P concurrent portal connections (a second
 *    process, keep-alive) load the public pages: half the hot pages and
 *    feeds (page cache), half decision searches with random words (never
 *    cached: they reach the portal's own database pool);
 * then staff p50/p95/p99 of both phases, the portal's requests/s and the
 * ratio of the staff p99 under portal load to the staff p99 alone (goal ≤ 2×).
 *
 * The server is the real one (`sanxiang start`, its own process, demo data
 * seeded into a fresh database sanxiang_bench_portal_<pid>, dropped at the
 * end). The portal rate limit is off for the run (PORTAL_RATE_PER_MINUTE=0):
 * all portal connections come from one address.
 *
 * Run: npm run bench:portal-load -- [--duration 15] [--warmup 3] [--staff 4] [--portal 100]
 *        [--pg postgres://postgres@127.0.0.1:5432/postgres]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { summarize, type LatencySummary } from './portal-load.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const DURATION_S = Number(option('duration') ?? 15);
const WARMUP_S = Number(option('warmup') ?? 3);
const STAFF = Number(option('staff') ?? 4);
const PORTAL = Number(option('portal') ?? 100);
const adminUrl = option('pg') ?? process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const HOT = ['/', '/decisions', '/notices', '/agencies', '/feeds/decisions.atom', '/feeds/decisions.json'];
const WORDS = ['化工', '科技', '环保', '建材', '罚', '许', '有限公司', '污水', '大气', '噪声', '固废', '煤'];

/** Closed-loop clients until `until`; latencies (ms) of the requests that started after `from`. */
async function closedLoop(agent: http.Agent, base: URL, clients: number, from: number, until: number, next: (i: number) => { path: string; headers?: Record<string, string> }) {
  const ms: number[] = [];
  const statuses: Record<string, number> = {};
  let n = 0;
  const one = (p: { path: string; headers?: Record<string, string> }) =>
    new Promise<number>((resolve) => {
      const req = http.request({ host: base.hostname, port: base.port, path: p.path, headers: p.headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const started = Date.now();
        const status = await one(next(n++));
        if (started >= from) {
          ms.push(performance.now() - t0);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      }
    }),
  );
  return { ms, statuses };
}

// ---- child mode: the portal crowd ------------------------------------------------
if (process.argv[2] === '--portal-crowd') {
  const [, , , baseUrl, clients, untilMs, fromMs, out] = process.argv;
  const base = new URL(baseUrl!);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number(clients) });
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const r = await closedLoop(agent, base, Number(clients), Number(fromMs), Number(untilMs), (i) =>
    i % 2 === 0 ? { path: HOT[Math.floor(rand() * HOT.length)]! } : { path: `/decisions?q=${encodeURIComponent(WORDS[Math.floor(rand() * WORDS.length)]! + String(Math.floor(rand() * 1000)))}&page=${1 + Math.floor(rand() * 3)}` },
  );
  fs.writeFileSync(out!, JSON.stringify({ summary: summarize(r.ms), statuses: r.statuses, seconds: (Number(untilMs) - Number(fromMs)) / 1000 }));
  agent.destroy();
  process.exit(0);
}

// ---- main ------------------------------------------------------------------------
const fmt = (s: LatencySummary) => `n=${s.n} p50=${s.p50.toFixed(1)} ms p95=${s.p95.toFixed(1)} ms p99=${s.p99.toFixed(1)} ms max=${s.max.toFixed(1)} ms`;

async function waitFor(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not up at ${url}`);
}

const dbName = `sanxiang_bench_portal_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-bench-'));
const port = 20000 + (process.pid % 20000);
let server: ChildProcess | undefined;
try {
  console.log(`portal-load bench: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; staff ${STAFF} clients, portal ${PORTAL} connections, ${DURATION_S} s measured after ${WARMUP_S} s warm-up`);
  const t0 = Date.now();
  server = spawn(process.execPath, [path.join(root, 'packages/server/bin/sanxiang.js'), 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      SANXIANG_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      PORTAL_RATE_PER_MINUTE: '0',
      LOGIN_RATE_PER_MINUTE: '10000',
      CHECKPOINT_INTERVAL_MINUTES: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/api/v1/health`, 600_000);
  console.log(`server up with demo data in ${((Date.now() - t0) / 1000).toFixed(1)} s (pools: staff ${process.env.DB_POOL_MAX ?? 10}, portal ${process.env.PORTAL_DB_POOL_MAX ?? 5})`);
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ty_officer1', password: 'Sanxiang@2026' }) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const staffAgent = new http.Agent({ keepAlive: true, maxSockets: STAFF });
  const base = new URL(baseUrl);
  const staffPaths = ['/api/v1/cases', '/api/v1/todo/unread', '/api/v1/auth/me'];
  const staffNext = (i: number) => ({ path: staffPaths[i % staffPaths.length]!, headers: { cookie } });

  // Phase 1: staff alone.
  let now = Date.now();
  const alone = await closedLoop(staffAgent, base, STAFF, now + WARMUP_S * 1000, now + (WARMUP_S + DURATION_S) * 1000, staffNext);
  // Phase 2: staff with the portal crowd (a separate process).
  now = Date.now();
  const from = now + WARMUP_S * 1000;
  const until = now + (WARMUP_S + DURATION_S) * 1000;
  const out = path.join(dataDir, 'crowd.json');
  const crowd = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--portal-crowd', baseUrl, String(PORTAL), String(until), String(from), out], { stdio: 'inherit', cwd: root });
  const crowdDone = new Promise<void>((resolve) => crowd.once('exit', () => resolve()));
  const loaded = await closedLoop(staffAgent, base, STAFF, from, until, staffNext);
  await crowdDone;
  const portal = JSON.parse(fs.readFileSync(out, 'utf8')) as { summary: LatencySummary; statuses: Record<string, number>; seconds: number };
  staffAgent.destroy();

  const a = summarize(alone.ms);
  const b = summarize(loaded.ms);
  console.log(`staff alone           ${fmt(a)} statuses ${JSON.stringify(alone.statuses)}`);
  console.log(`staff + portal crowd  ${fmt(b)} statuses ${JSON.stringify(loaded.statuses)}`);
  console.log(`portal (${PORTAL} conns)   ${fmt(portal.summary)} ${(portal.summary.n / portal.seconds).toFixed(0)} req/s statuses ${JSON.stringify(portal.statuses)}`);
  const ratio = b.p99 / a.p99;
  console.log(`staff p99 ratio (with portal / alone): ${ratio.toFixed(2)}× (goal ≤ 2×) ${ratio <= 2 ? 'OK' : 'ABOVE GOAL'}`);
  console.log('Note: the machine may be shared; the figures are noisy when other work runs.');
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  server?.kill('SIGKILL');
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
