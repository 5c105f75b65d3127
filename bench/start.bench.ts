/**
 * Start-up benchmark (issue 18): how long `npm start` takes to answer
 * GET /api/v1/health on an existing data folder, and what the server holds at
 * rest. Measured in the same run:
 *   - now:      `npm start` as shipped — a source-stamp check of the two builds
 *               (nothing rebuilt) and the compiled server (packages/server/dist);
 *   - baseline: what `npm start` did before — a Vite build of the console on
 *               every start, then the server's TypeScript through tsx
 *               (SANXIANG_DEV=1).
 * For each start it prints the parts the server reports (SANXIANG_START_TIMINGS:
 * process = modules loaded, database open, migrations check, app built,
 * listen; ms since the process began) and the resident memory 3 s after the
 * first answer.
 *
 * Run: npx tsx bench/start.bench.ts [runs per mode, default 3]
 * (the data folder is made by a first start in bench/out and removed after;
 * SEED_DEMO=false: the demo seed is not what is measured)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error('runs must be a positive integer');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.mkdirSync(path.join(root, 'bench/out'), { recursive: true });
const tmp = fs.mkdtempSync(path.join(root, 'bench/out', 'start-'));
const MiB = 1024 * 1024;
const PARTS = ['process', 'database open', 'migrations check', 'app built', 'listen'] as const;

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process and its descendants (npm → sh → node). */
function treeRss(pid: number): number {
  let total = 0;
  const status = (p: number) => {
    try {
      return fs.readFileSync(`/proc/${p}/status`, 'utf8');
    } catch {
      return '';
    }
  };
  const children = (p: number): number[] => {
    try {
      return fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const visit = (p: number) => {
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status(p))?.[1] ?? 0) * 1024;
    for (const c of children(p)) visit(c);
  };
  visit(pid);
  return total;
}

/**
 * The node server's own resident memory: the largest process in the tree
 * (npm → sh → node server, which may itself start small helpers such as a
 * build-stamp check; the server is by far the largest).
 */
function serverRss(pid: number): number {
  const kids = (p: number): number[] => {
    try {
      return fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let max = 0;
  const visit = (p: number) => {
    max = Math.max(max, treeRss(p) - kids(p).reduce((sum, c) => sum + treeRss(c), 0));
    for (const c of kids(p)) visit(c);
  };
  visit(pid);
  return max;
}

interface StartResult {
  wallMs: number;
  parts: Record<string, number>;
  rss: number;
}

async function startOnce(label: string, command: string, extraEnv: Record<string, string>): Promise<StartResult> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const t0 = performance.now();
  const child: ChildProcess = spawn('sh', ['-c', command], {
    cwd: root,
    env: { ...env, ...extraEnv, SANXIANG_DATA_DIR: path.join(tmp, 'data'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', SANXIANG_START_TIMINGS: '1', CHECKPOINT_INTERVAL_MINUTES: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 180_000;
  let wallMs = 0;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${label}: exited early:\n${out}`);
      if (Date.now() > deadline) throw new Error(`${label}: no answer in 180 s:\n${out}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) {
        wallMs = performance.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const rss = serverRss(child.pid!);
    const line = /START_TIMINGS (\{.*\})/.exec(out)?.[1];
    return { wallMs, parts: line ? (JSON.parse(line) as Record<string, number>) : {}, rss };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    // the PGlite lock file is released by the server's own shutdown; wait for it
    await new Promise((r) => setTimeout(r, 500));
  }
}

function report(label: string, results: StartResult[]): void {
  const row = (name: string, values: number[], unit: (n: number) => string) => console.log(`  ${name.padEnd(46)} ${unit(median(values)).padStart(10)}   runs: ${values.map(unit).join(', ')}`);
  const sec = (n: number) => `${fmt(n / 1000, 2)} s`;
  console.log(label);
  row('npm start → first answer (wall)', results.map((r) => r.wallMs), sec);
  // each part's own duration: its mark minus the previous one (process: node start → modules loaded)
  PARTS.forEach((p, i) => {
    const vs = results
      .map((r) => (r.parts[p] === undefined ? undefined : r.parts[p]! - (i === 0 ? 0 : (r.parts[PARTS[i - 1]!] ?? 0))))
      .filter((v): v is number => v !== undefined);
    if (vs.length) row(`  server part: ${p}`, vs, sec);
  });
  row('  server: process start → listening', results.map((r) => r.parts.listen ?? NaN), sec);
  row('server RSS at rest (3 s after)', results.map((r) => r.rss), (n) => `${fmt(n / MiB, 0)} MiB`);
}

async function main(): Promise<void> {
  console.log(`Sanxiang start-up benchmark — Node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), load ${os.loadavg().map((l) => fmt(l, 1)).join(' ')}`);
  // Builds first, so that "now" measures what a second `npm start` does.
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('build failed');

  const first = await startOnce('first start', 'node packages/server/bin/sanxiang.js start', {});
  console.log(`first start on an empty data folder (migrations applied): ${fmt(first.wallMs / 1000, 2)} s`);

  const now: StartResult[] = [];
  const base: StartResult[] = [];
  const webOut = path.join(tmp, 'web-dist');
  for (let i = 0; i < runs; i++) {
    now.push(await startOnce('now', 'npm start --silent', {}));
    // the old `npm start`: Vite build of the console (to a scratch folder, so the real one stays), then tsx
    base.push(await startOnce('baseline', `cd packages/web && node ../../node_modules/vite/bin/vite.js build --logLevel error --outDir ${JSON.stringify(webOut)} --emptyOutDir && cd ../.. && node packages/server/bin/sanxiang.js start`, { SANXIANG_DEV: '1' }));
  }
  console.log('');
  report('now — npm start (builds up to date; compiled server)', now);
  report('baseline, same run — Vite build on every start + server through tsx', base);
  console.log('');
  console.log(`ratio now / baseline (npm start → first answer)   ${fmt(median(now.map((r) => r.wallMs)) / median(base.map((r) => r.wallMs)), 2)}×`);
  console.log(`goal: second npm start answers within 5 s          ${median(now.map((r) => r.wallMs)) <= 5000 ? 'met' : 'NOT met'} (median ${fmt(median(now.map((r) => r.wallMs)) / 1000, 2)} s)`);
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
