/**
 * Integrity log through the database (DESIGN §6, §10): how many leaves per
 * second `appendLeaf` seals, each in its own transaction as the use cases do
 * (lock the head row, insert the leaf and its completed nodes, update the
 * head), against a raw INSERT of the same leaf row in its own transaction,
 * measured in the same run on the same database; then, with the log at one
 * million leaves, the inclusion proof as the server builds it (one query for
 * the nodes + `assembleProof`): its size, the time to fetch it and the time
 * to verify it, against the same proof built from an in-memory node map.
 *
 * PGlite always (a fresh folder in the temp directory); PostgreSQL too when
 * DATABASE_URL is set (a fresh schema, dropped afterwards), where concurrent
 * appenders are measured as well (they queue on the head row: one log, no
 * forks).
 *
 * The million-leaf log is bulk-loaded with exactly the rows `appendLeaf`
 * would have written (leaves, every completed node, the head) — sealing a
 * million leaves one transaction at a time would take minutes on PGlite; the
 * append rate at that size is then measured with `appendLeaf` itself.
 *
 * Run: npx tsx bench/merkle-db.bench.ts [leaves, default 1000000] [appends, default 2000]
 * (bounded: about 2-4 minutes on PGlite; not part of `npm test`)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { integrity } from '../packages/core/src/index.js';
import { openDatabase, type Database } from '../packages/server/src/db/client.js';
import { migrate } from '../packages/server/src/db/migrate.js';
import { appendLeaf, inclusionProof, leafData, logSize, type LeafInput } from '../packages/server/src/usecases/integrity-log.js';

const { CompactRange, fromHex, toHex, leafHash, verifyInclusion, inclusionProof: memoryProof } = integrity;

const LEAVES = Number(process.argv[2] ?? 1_000_000);
const APPENDS = Number(process.argv[3] ?? 2000);
const SAMPLES = 2000;
const TARGET_APPENDS_PER_SECOND = 5_000; // DESIGN §10, the whole log
if (!Number.isInteger(LEAVES) || LEAVES < 1000 || !Number.isInteger(APPENDS) || APPENDS < 10) throw new Error('usage: merkle-db.bench.ts [leaves ≥ 1000] [appends ≥ 10]');

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const line = (label: string, value: string): void => console.log(`  ${label.padEnd(50)} ${value}`);
const enc = new TextEncoder();

// Deterministic PRNG (mulberry32) so runs are comparable.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A leaf like a signed record version: ids, a content hash, the signer (~260 bytes of canonical JSON). */
const CASE_ID = '5b0c8f0e-3d4a-4c55-9a1e-2f6b7c8d9e0f';
function leafOf(i: number, at = new Date('2026-03-02T01:00:00Z')): LeafInput {
  const n = i.toString(16).padStart(12, '0');
  return {
    kind: 'document.version',
    objectType: 'documentVersion',
    objectId: `00000000-0000-4000-8000-${n}`,
    caseId: CASE_ID,
    agencyPath: '/14/1401/',
    at,
    payload: { contentHash: crypto.createHash('sha256').update(n).digest('hex'), status: 'signed', by: 'a1b2c3d4-0000-4000-8000-000000000001' },
  };
}

interface Target {
  name: string;
  database: Database;
  close: () => Promise<void>;
}

async function pglite(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-merkle-db-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
  await migrate(database);
  return {
    name: 'PGlite (embedded, one process)',
    database,
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgres(url: string): Promise<Target> {
  const schema = `bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url, schema });
  await migrate(database);
  return {
    name: 'PostgreSQL (DATABASE_URL)',
    database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** The baseline's table: the leaf row's columns, no tree, no head lock. */
async function createBaselineTable(db: Database): Promise<void> {
  await db.exec(`CREATE TABLE bench_leaves (idx bigint PRIMARY KEY, leaf_hash text NOT NULL, data text NOT NULL, kind text NOT NULL,
    object_type text NOT NULL, object_id text NOT NULL, case_id text, agency_path text, created_at timestamptz NOT NULL);
    CREATE INDEX bench_leaves_object_idx ON bench_leaves (object_type, object_id);
    CREATE INDEX bench_leaves_case_idx ON bench_leaves (case_id);`);
}

async function rawInsert(db: Database, i: number): Promise<void> {
  const input = leafOf(i);
  const data = leafData(input);
  await db.db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO bench_leaves (idx, leaf_hash, data, kind, object_type, object_id, case_id, agency_path, created_at)
      VALUES (${i}, ${toHex(leafHash(enc.encode(data)))}, ${data}, ${input.kind}, ${input.objectType}, ${input.objectId}, ${input.caseId ?? null}, ${input.agencyPath ?? null}, ${input.at.toISOString()})`);
  });
}

async function append(db: Database, i: number): Promise<void> {
  await db.db.transaction(async (tx) => {
    await appendLeaf(tx, leafOf(i));
  });
}

/** `count` operations by `workers` concurrent callers; returns operations per second. */
async function rate(count: number, workers: number, op: (i: number) => Promise<void>, offset = 0): Promise<{ perSecond: number; ms: number }> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        await op(offset + i);
      }
    }),
  );
  const ms = performance.now() - t0;
  return { perSecond: (count / ms) * 1000, ms };
}

async function appendRates(t: Target, workers: number[]): Promise<number> {
  const db = t.database;
  await createBaselineTable(db);
  // Warm-up on both paths.
  for (let i = 0; i < 50; i++) {
    await rawInsert(db, 10_000_000 + i);
    await append(db, i);
  }
  let appended = 50;
  let inserted = 50;
  for (const w of workers) {
    // Baseline before and after; the faster one is used so noise cannot flatter the ratio.
    const b1 = await rate(APPENDS / 2, w, (i) => rawInsert(db, 10_000_000 + i), inserted);
    inserted += APPENDS / 2;
    const a = await rate(APPENDS, w, (i) => append(db, i), appended);
    appended += APPENDS;
    const b2 = await rate(APPENDS / 2, w, (i) => rawInsert(db, 10_000_000 + i), inserted);
    inserted += APPENDS / 2;
    const base = Math.max(b1.perSecond, b2.perSecond);
    const who = w === 1 ? '1 caller' : `${w} concurrent callers`;
    line(`baseline: raw INSERT of the leaf row, ${who}`, `${fmt(base)} tx/s (best of ${fmt(b1.perSecond)} / ${fmt(b2.perSecond)})`);
    line(`appendLeaf (head lock + leaf + nodes), ${who}`, `${fmt(a.perSecond)} appends/s (${fmt(APPENDS)} in ${fmt(a.ms)} ms)`);
    line('ratio appends/s ÷ raw inserts/s', fmt(a.perSecond / base, 3));
    line(`target ≥ ${fmt(TARGET_APPENDS_PER_SECOND)} appends/s (DESIGN §10)`, a.perSecond >= TARGET_APPENDS_PER_SECOND ? `met (×${fmt(a.perSecond / TARGET_APPENDS_PER_SECOND, 1)})` : `not met on this database (×${fmt(a.perSecond / TARGET_APPENDS_PER_SECOND, 2)})`);
  }
  // Several leaves per transaction (what a sequencer batching the acts of many
  // requests would do): the commit, not the tree, is the cost of an append.
  const PER_TX = 100;
  const batches = Math.max(1, Math.floor(APPENDS / PER_TX));
  const bBatch = await rate(batches, 1, async (k) => {
    await db.db.transaction(async (tx) => {
      for (let j = 0; j < PER_TX; j++) {
        const i = 20_000_000 + k * PER_TX + j;
        const input = leafOf(i);
        const data = leafData(input);
        await tx.execute(sql`INSERT INTO bench_leaves (idx, leaf_hash, data, kind, object_type, object_id, case_id, agency_path, created_at)
          VALUES (${i}, ${toHex(leafHash(enc.encode(data)))}, ${data}, ${input.kind}, ${input.objectType}, ${input.objectId}, ${input.caseId ?? null}, ${input.agencyPath ?? null}, ${input.at.toISOString()})`);
      }
    });
  });
  const aBatch = await rate(batches, 1, async (k) => {
    await db.db.transaction(async (tx) => {
      for (let j = 0; j < PER_TX; j++) await appendLeaf(tx, leafOf(appended + k * PER_TX + j));
    });
  });
  appended += batches * PER_TX;
  line(`baseline: raw INSERT, ${PER_TX} rows per transaction`, `${fmt(bBatch.perSecond * PER_TX)} rows/s`);
  line(`appendLeaf, ${PER_TX} leaves per transaction`, `${fmt(aBatch.perSecond * PER_TX)} appends/s`);
  line('ratio appends/s ÷ raw inserts/s (batched)', fmt(aBatch.perSecond / bBatch.perSecond, 3));
  const { size } = await logSize(db.db);
  if (size !== appended) throw new Error(`log size ${size}, expected ${appended}`);
  return appended;
}

/**
 * Writes leaves [from, to) with the rows appendLeaf writes — the leaf, every
 * node its append completes, the head — in batches; keeps the nodes in memory
 * too, for the in-memory baseline.
 */
async function bulkFill(db: Database, from: number, to: number, nodes: Map<number, Uint8Array>): Promise<void> {
  const [head] = await db.query<{ size: string; compact: string[] }>('SELECT size, compact FROM log_head WHERE id = 1');
  if (Number(head!.size) !== from) throw new Error(`log has ${head!.size} leaves, expected ${from}`);
  let state = CompactRange.fromHashes(from, head!.compact.map(fromHex));
  // The nodes appended so far (by appendLeaf), for the in-memory baseline.
  for (const n of await db.query<{ level: number; idx: string; hash: string }>('SELECT level, idx, hash FROM log_nodes')) nodes.set(Number(n.idx) * 64 + n.level, fromHex(n.hash));
  const BATCH = 2000;
  const t0 = performance.now();
  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    const leafRows: unknown[] = [];
    const nodeRows: unknown[] = [];
    for (let i = start; i < end; i++) {
      const input = leafOf(i);
      const data = leafData(input);
      const lh = leafHash(enc.encode(data));
      const r = state.append(lh);
      state = r.state;
      leafRows.push(i, toHex(lh), data, input.kind, input.objectType, input.objectId, input.caseId, input.agencyPath, input.at.toISOString());
      for (const n of r.completed) {
        nodeRows.push(n.level, n.index, toHex(n.hash));
        nodes.set(n.index * 64 + n.level, n.hash);
      }
    }
    const ph = (cols: number, rows: number) => Array.from({ length: rows }, (_, r) => `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(', ')})`).join(', ');
    await db.dedicated(async (conn) => {
      await conn.exec('BEGIN');
      await conn.query(`INSERT INTO log_leaves (idx, leaf_hash, data, kind, object_type, object_id, case_id, agency_path, created_at) VALUES ${ph(9, end - start)}`, leafRows);
      for (let k = 0; k < nodeRows.length; k += 3 * 5000) {
        const part = nodeRows.slice(k, k + 3 * 5000);
        await conn.query(`INSERT INTO log_nodes (level, idx, hash) VALUES ${ph(3, part.length / 3)}`, part);
      }
      await conn.query('UPDATE log_head SET size = $1, compact = $2::jsonb WHERE id = 1', [state.size, JSON.stringify(state.hashes.map(toHex))]);
      await conn.exec('COMMIT');
    });
    if ((end - from) % 100_000 === 0) process.stderr.write(`    … ${fmt(end)} leaves (${fmt((performance.now() - t0) / 1000, 0)} s)\n`);
  }
}

async function proofsAtSize(t: Target, nodes: Map<number, Uint8Array>): Promise<void> {
  const db = t.database;
  const t0 = performance.now();
  const { size: before } = await logSize(db.db);
  await bulkFill(db, before, LEAVES, nodes);
  const fillMs = performance.now() - t0;
  const { size, root } = await logSize(db.db);
  const rootBytes = fromHex(root);
  line(`log filled to ${fmt(size)} leaves (bulk, the rows appendLeaf writes)`, `${fmt(fillMs / 1000, 1)} s; ${fmt(nodes.size)} node rows`);

  // The head's root is the root of the whole tree, rebuilt from the stored nodes.
  const getNode: integrity.NodeAccessor = (level, index) => nodes.get(index * 64 + level);
  if (toHex(integrity.rootFromNodes(size, getNode)) !== root) throw new Error('the head root does not match the stored nodes');

  const rand = prng(18);
  const indices = Array.from({ length: SAMPLES }, () => Math.floor(rand() * size));
  const leafHashes = new Map<number, Uint8Array>();
  for (const i of indices) leafHashes.set(i, nodes.get(i * 64)!);

  // In memory (baseline): the core's proof over a node map.
  let t1 = performance.now();
  const memProofs = indices.map((i) => memoryProof(i, size, getNode));
  const memMs = performance.now() - t1;
  // Through the database, as the server does it (one query per proof).
  t1 = performance.now();
  const dbProofs: string[][] = [];
  for (const i of indices) dbProofs.push(await inclusionProof(db.db, i, size));
  const dbMs = performance.now() - t1;
  for (let k = 0; k < SAMPLES; k++) {
    if (dbProofs[k]!.join() !== memProofs[k]!.map(toHex).join()) throw new Error(`proof of leaf ${indices[k]} differs between database and memory`);
  }
  t1 = performance.now();
  let ok = 0;
  for (let k = 0; k < SAMPLES; k++) if (verifyInclusion(leafHashes.get(indices[k]!)!, indices[k]!, size, dbProofs[k]!.map(fromHex), rootBytes)) ok++;
  const verMs = performance.now() - t1;
  if (ok !== SAMPLES) throw new Error('an inclusion proof failed to verify');
  const lengths = dbProofs.map((p) => p.length);
  const avg = lengths.reduce((a, b) => a + b, 0) / SAMPLES;
  line(`inclusion proof at ${fmt(size)}: hashes`, `min ${Math.min(...lengths)} / avg ${fmt(avg, 2)} / max ${Math.max(...lengths)}`);
  line('inclusion proof: bytes (SHA-256)', `avg ${fmt(avg * 32)} / max ${fmt(Math.max(...lengths) * 32)}`);
  line(`proof from the database (avg of ${fmt(SAMPLES)})`, `${fmt((dbMs * 1000) / SAMPLES, 1)} µs`);
  line('baseline: same proof from an in-memory node map', `${fmt((memMs * 1000) / SAMPLES, 1)} µs`);
  line('ratio database ÷ memory', fmt(dbMs / memMs, 1));
  line(`verify (avg of ${fmt(SAMPLES)})`, `${fmt((verMs * 1000) / SAMPLES, 1)} µs (${fmt(ok)}/${fmt(SAMPLES)} verified against the head root)`);

  // The cost of an append does not grow with the log (the head holds ≤ log2(n) hashes).
  const n = Math.min(APPENDS, 1000);
  const a = await rate(n, 1, (i) => append(db, i), size);
  line(`appendLeaf at ${fmt(size)} leaves, 1 caller`, `${fmt(a.perSecond)} appends/s (${fmt(n)})`);
}

async function run(t: Target, workers: number[]): Promise<void> {
  console.log(`\n${t.name}`);
  try {
    await appendRates(t, workers);
    await proofsAtSize(t, new Map());
  } finally {
    await t.close();
  }
}

console.log(`Merkle log through the database — Node ${process.version}, ${os.cpus().length} CPU; ${fmt(APPENDS)} appends per measure, proofs at ${fmt(LEAVES)} leaves`);
await run(await pglite(), [1]);
if (process.env.DATABASE_URL) await run(await postgres(process.env.DATABASE_URL), [1, 8]);
else console.log('\n(PostgreSQL skipped: set DATABASE_URL to measure it too)');
