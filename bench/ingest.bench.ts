/**
 * Media ingest benchmark (issue 5; DESIGN §2 "Uploads", §10 "media
 * dominates"): one file of ≥ 1 GiB through the real upload path — a
 * `sanxiang start` server in its own process, declare → tus creation → one
 * streamed PATCH → SHA-256 while receiving → size and hash check → write-once
 * blob store → rows, audit and Merkle leaf — against `openssl dgst -sha256`
 * of the same file in the same run. Prints the time ratio and the server's
 * resident memory before, at its peak during the upload, and the delta.
 *
 * Issue 18: the goal is ≥ 0.9× a plain read → SHA-256 → write of the same
 * file without HTTP (1 MiB reads, hashed, written to a new file in the same
 * folder — the path's physical limit on this disk), measured before and after
 * the upload in the same run; `sha256sum` is printed beside `openssl` too.
 *
 * Run: npx tsx bench/ingest.bench.ts [size in MiB, default 1024]
 * (needs ~2× the size free in the temp folder; bounded: stops by itself)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../packages/server/src/config.js';
import { buildApp } from '../packages/server/src/http/app.js';
import { seedDemo } from '../packages/server/src/seed/demo.js';
import { openContext } from '../packages/server/src/server.js';

const MiB = 1024 * 1024;
const serving = process.argv[2] === '--serve';
const sizeMiB = serving ? 1 : Number(process.argv[2] ?? 1024);
if (!Number.isInteger(sizeMiB) || sizeMiB < 1) throw new Error('size in MiB must be a positive integer');
const SIZE = sizeMiB * MiB;
const PASSWORD = 'Sanxiang@2026';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.mkdirSync(path.join(root, 'bench/out'), { recursive: true });
const tmp = serving ? '' : fs.mkdtempSync(path.join(root, 'bench/out', 'ingest-'));
const file = path.join(tmp, 'recording.mp4');

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const line = (label: string, value: string): void => console.log(`${label.padEnd(44)} ${value}`);

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

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** CPU seconds (user + system) a process has used so far: robust to a machine shared with other work, unlike wall time. */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** A file of SIZE bytes: random 1 MiB blocks, each stamped with its index. */
function writeFile(): void {
  const fd = fs.openSync(file, 'w');
  const block = crypto.randomBytes(MiB);
  for (let i = 0; i < sizeMiB; i++) {
    block.writeUInt32BE(i, 0);
    fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
}

/** The baseline of issue 18: read → SHA-256 → write of the file, in this process, no HTTP. */
async function plainCopy(to: string): Promise<{ ms: number; cpu: number; sha256: string }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const h = crypto.createHash('sha256');
  const out = await fs.promises.open(to, 'w');
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: MiB }) as AsyncIterable<Buffer>) {
      h.update(chunk);
      await out.write(chunk);
    }
  } finally {
    await out.close();
  }
  const sha256 = h.digest('hex');
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  fs.rmSync(to);
  return { ms, cpu: (used.user + used.system) / 1e6, sha256 };
}

/** The server process: the platform's app on an embedded database in the bench folder. */
async function serve(): Promise<void> {
  const config = loadConfig(process.env);
  const ctx = await openContext(config);
  await seedDemo(ctx, { mustChangePassword: false });
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: '127.0.0.1' });
  console.log('READY');
  process.on('SIGTERM', () => void app.close().then(() => ctx.database.close()).finally(() => process.exit(0)));
}

async function startServer(port: number): Promise<ChildProcess> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], {
    env: { ...env, SANXIANG_DATA_DIR: path.join(tmp, 'data'), PORT: String(port), LOG_LEVEL: 'silent', SANXIANG_MODE: 'demo' },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: root,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 120_000;
  while (!out.includes('READY')) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

async function main(): Promise<void> {
  console.log(`Sanxiang media ingest benchmark — ${sizeMiB} MiB, Node ${process.version}, ${os.cpus().length} CPU`);
  let t = performance.now();
  writeFile();
  line('test file written', `${fmt((performance.now() - t) / 1000, 1)} s`);

  // ---- baseline: openssl dgst -sha256 on the same file --------------------
  t = performance.now();
  const ssl = spawnSync('openssl', ['dgst', '-sha256', '-r', file], { encoding: 'utf8' });
  const baselineMs = performance.now() - t;
  if (ssl.status !== 0) throw new Error(`openssl failed: ${ssl.stderr}`);
  const expected = ssl.stdout.split(' ')[0]!.trim();
  line('openssl dgst -sha256', `${fmt(baselineMs / 1000, 2)} s  (${fmt(SIZE / MiB / (baselineMs / 1000), 0)} MiB/s)`);
  t = performance.now();
  const sum = spawnSync('sha256sum', [file], { encoding: 'utf8' });
  const sumMs = performance.now() - t;
  if (sum.status !== 0 || sum.stdout.split(' ')[0] !== expected) throw new Error(`sha256sum failed or disagrees: ${sum.stderr}`);
  line('sha256sum', `${fmt(sumMs / 1000, 2)} s  (${fmt(SIZE / MiB / (sumMs / 1000), 0)} MiB/s)`);
  const plainBefore = await plainCopy(path.join(tmp, 'copy.bin'));
  if (plainBefore.sha256 !== expected) throw new Error('plain copy: SHA-256 disagrees with openssl');
  line('plain read → SHA-256 → write (before)', `${fmt(plainBefore.ms / 1000, 2)} s  (${fmt(SIZE / MiB / (plainBefore.ms / 1000), 0)} MiB/s), CPU ${fmt(plainBefore.cpu, 2)} s`);

  const port = await freePort();
  const child = await startServer(port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ty_officer1', password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const json = async (method: string, url: string, body?: unknown) => {
      const r = await fetch(`${base}/api/v1${url}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const j = (await r.json()) as Record<string, unknown>;
      if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(j)}`);
      return j;
    };
    const officers = (await json('GET', '/officers')) as { items: { id: string; username: string }[] };
    const handlers = officers.items.filter((o) => o.username === 'ty_officer1' || o.username === 'ty_officer2').map((o) => o.id);
    const c = (await json('POST', '/cases', { actionType: 'penalty', source: 'complaint', title: '音像记录导入基准测试', handlerIds: handlers })) as { case: { id: string } };
    const now = new Date();
    const declared = (await json('POST', `/cases/${c.case.id}/media/uploads`, {
      filename: 'recording.mp4',
      mimeType: 'video/mp4',
      size: SIZE,
      sha256: expected,
      metadata: { recordedStart: new Date(now.getTime() - 3600_000).toISOString(), recordedEnd: now.toISOString(), place: '基准测试', officerIds: handlers, contentNotes: '导入基准测试文件' },
    })) as { upload: { id: string } };
    const uploadId = declared.upload.id;
    const created = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: { cookie, 'Tus-Resumable': '1.0.0', 'Upload-Length': String(SIZE), 'Upload-Metadata': `uploadId ${Buffer.from(uploadId).toString('base64')}` },
    });
    if (created.status !== 201) throw new Error(`tus creation: ${created.status} ${await created.text()}`);
    const location = created.headers.get('location')!;

    const rssBefore = rssOf(child.pid!);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssOf(child.pid!));
    }, 50);
    const cpuBefore = cpuOf(child.pid!);
    t = performance.now();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}${location}`, {
        method: 'PATCH',
        headers: { cookie, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(SIZE) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.setTimeout(30 * 60_000, () => req.destroy(new Error('upload timed out')));
      fs.createReadStream(file, { highWaterMark: MiB }).pipe(req);
    });
    const ingestMs = performance.now() - t;
    const ingestCpu = cpuOf(child.pid!) - cpuBefore;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, rssOf(child.pid!));
    if (answer.status !== 200) throw new Error(`upload: ${answer.status} ${answer.body}`);
    const media = (JSON.parse(answer.body) as { media: { sha256: string; size: number } }).media;
    const audit = (await json('GET', `/media/${(JSON.parse(answer.body) as { media: { id: string } }).media.id}`)) as { media: { sha256: string } };

    line('ingest through the upload path (tus)', `${fmt(ingestMs / 1000, 2)} s  (${fmt(SIZE / MiB / (ingestMs / 1000), 0)} MiB/s)`);
    line('  server CPU during the upload', `${fmt(ingestCpu, 2)} s  (${fmt(SIZE / MiB / ingestCpu, 0)} MiB per CPU second)`);
    line('  SHA-256 matches openssl', media.sha256 === expected && audit.media.sha256 === expected && media.size === SIZE ? 'yes' : `NO (${media.sha256})`);
    const plainAfter = await plainCopy(path.join(tmp, 'copy.bin'));
    line('plain read → SHA-256 → write (after)', `${fmt(plainAfter.ms / 1000, 2)} s  (${fmt(SIZE / MiB / (plainAfter.ms / 1000), 0)} MiB/s), CPU ${fmt(plainAfter.cpu, 2)} s`);
    const plainMs = (plainBefore.ms + plainAfter.ms) / 2;
    line('ratio ingest / openssl (time)', `${fmt(ingestMs / baselineMs, 2)}×`);
    const plainCpu = (plainBefore.cpu + plainAfter.cpu) / 2;
    line('CPU per byte: plain / ingest (mean)', `${fmt(plainCpu / ingestCpu, 2)}×  (1.00× = the upload path costs no more CPU than the plain copy)`);
    line('ingest speed / plain read→hash→write (mean)', `${fmt(plainMs / ingestMs, 2)}×  (goal ≥ 0.90×: ${plainMs / ingestMs >= 0.9 ? 'met' : 'NOT met'})`);
    line('server RSS before upload', `${fmt(rssBefore / MiB, 0)} MiB`);
    line('server RSS peak during upload', `${fmt(rssPeak / MiB, 0)} MiB`);
    line('server RSS delta (peak − before)', `${fmt((rssPeak - rssBefore) / MiB, 0)} MiB  (${fmt(((rssPeak - rssBefore) / SIZE) * 100, 2)} % of the file)`);
    if (media.sha256 !== expected) process.exitCode = 1;
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (serving) {
  serve().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e: unknown) => {
    console.error(e);
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exitCode = 1;
  });
}
