/**
 * Integrity log benchmark (DESIGN §6, §10): append throughput of the compact
 * range with every completed node stored (as a server stores rows keyed by
 * (level, index)), against plain SHA-256 of the same leaf data measured in
 * the same run; then proof sizes and timings at one million leaves.
 *
 * Run: npx tsx bench/merkle.bench.ts   (bounded loops, well under 2 minutes)
 */
import { hash as sha } from 'node:crypto';
import {
  CompactRange,
  consistencyProof,
  inclusionProof,
  rootFromNodes,
  sha256Hasher,
  verifyConsistency,
  verifyInclusion,
  type NodeAccessor,
} from '../packages/core/src/integrity/index.js';

const LEAVES = 1_000_000;
const SAMPLES = 10_000;
const WARMUP = 20_000;
const TARGET_APPENDS_PER_SECOND = 5_000; // DESIGN §10

// A leaf the size of a typical log entry (~200 bytes of JSON); the sequence
// number is written into it so that every leaf differs.
const template = new TextEncoder().encode(
  JSON.stringify({
    kind: 'record.version',
    agency: '91140000MB0000000X',
    caseNo: '晋环罚〔2025〕0000号',
    record: '00000000-0000-0000-0000-000000000000',
    sha256: '0'.repeat(64),
    seq: 0,
  }).padEnd(200, ' '),
);
const leafData = new Uint8Array(template);
const view = new DataView(leafData.buffer);
function fillLeaf(i: number): Uint8Array {
  view.setFloat64(8, i);
  return leafData;
}

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

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const line = (label: string, value: string): void => console.log(`${label.padEnd(46)} ${value}`);

// ---- baseline: plain SHA-256 of the same leaf data -------------------------
function baseline(count: number): number {
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) sink ^= sha('sha256', fillLeaf(i), 'buffer')[0] as number;
  const ms = performance.now() - t0;
  if (sink === 256) console.log('');
  return ms;
}

// ---- compact range appends ---------------------------------------------------
function appendOnly(count: number): number {
  let state = CompactRange.empty();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) state = state.append(sha256Hasher.hashLeaf(fillLeaf(i))).state;
  const ms = performance.now() - t0;
  if (state.size !== count) throw new Error('size mismatch');
  return ms;
}

function appendAndStore(count: number): { ms: number; state: CompactRange; nodes: Map<number, Uint8Array> } {
  // Key = index·64 + level: one number per (level, index) row, exact below 2^47 leaves.
  const nodes = new Map<number, Uint8Array>();
  let state = CompactRange.empty();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const r = state.append(sha256Hasher.hashLeaf(fillLeaf(i)));
    state = r.state;
    for (const n of r.completed) nodes.set(n.index * 64 + n.level, n.hash);
  }
  return { ms: performance.now() - t0, state, nodes };
}

console.log(`Merkle log benchmark — Node ${process.version}, ${LEAVES.toLocaleString('en-US')} leaves of ${template.byteLength} bytes`);
console.log('');

baseline(WARMUP);
appendOnly(WARMUP);
appendAndStore(WARMUP);

// The baseline runs before and after the appends; the faster run is used, so
// machine noise cannot flatter the ratio.
const base1 = baseline(LEAVES);
const appendOnlyMs = appendOnly(LEAVES);
const { ms: appendMs, state, nodes } = appendAndStore(LEAVES);
const base2 = baseline(LEAVES);
const baseMs = Math.min(base1, base2);
const hashesPerSecond = (LEAVES / baseMs) * 1000;
const appendOnlyPerSecond = (LEAVES / appendOnlyMs) * 1000;
const appendsPerSecond = (LEAVES / appendMs) * 1000;
line('baseline: plain SHA-256 of the leaf data', `${fmt(hashesPerSecond)} hashes/s (best of ${fmt(base1)} / ${fmt(base2)} ms)`);
line('append: leaf hash + compact range', `${fmt(appendOnlyPerSecond)} appends/s (${fmt(appendOnlyMs)} ms)`);
line('append + store completed nodes in a Map', `${fmt(appendsPerSecond)} appends/s (${fmt(appendMs)} ms)`);
line('ratio appends/s ÷ hashes/s (compact range)', `${fmt(appendOnlyPerSecond / hashesPerSecond, 3)}  (2 hashes per append on average)`);
line('ratio appends/s ÷ hashes/s (with Map store)', `${fmt(appendsPerSecond / hashesPerSecond, 3)}`);
line(`target ≥ ${fmt(TARGET_APPENDS_PER_SECOND)} appends/s (DESIGN §10)`, appendsPerSecond >= TARGET_APPENDS_PER_SECOND ? `met (×${fmt(appendsPerSecond / TARGET_APPENDS_PER_SECOND, 1)} with store)` : 'NOT MET');
line('stored perfect-subtree nodes', `${fmt(nodes.size)} (incl. ${fmt(LEAVES)} leaf hashes); rss ${fmt(process.memoryUsage().rss / 2 ** 20)} MiB`);
console.log('');

const getNode: NodeAccessor = (level, index) => nodes.get(index * 64 + level);
const size = state.size;
const root = state.root();

// ---- inclusion proofs -------------------------------------------------------
{
  const rand = prng(18);
  const indices = Array.from({ length: SAMPLES }, () => Math.floor(rand() * size));
  const t0 = performance.now();
  const proofs = indices.map((i) => inclusionProof(i, size, getNode));
  const genMs = performance.now() - t0;
  const leaves = indices.map((i) => getNode(0, i) as Uint8Array);
  const t1 = performance.now();
  let ok = 0;
  for (let k = 0; k < SAMPLES; k++) if (verifyInclusion(leaves[k] as Uint8Array, indices[k] as number, size, proofs[k] as Uint8Array[], root)) ok++;
  const verMs = performance.now() - t1;
  const lengths = proofs.map((p) => p.length);
  const avg = lengths.reduce((a, b) => a + b, 0) / SAMPLES;
  line(`inclusion proof at size ${fmt(size)}: hashes`, `min ${Math.min(...lengths)} / avg ${fmt(avg, 2)} / max ${Math.max(...lengths)}`);
  line('inclusion proof: bytes', `avg ${fmt(avg * sha256Hasher.size)} / max ${fmt(Math.max(...lengths) * sha256Hasher.size)}`);
  line(`inclusion proof: generate (avg of ${fmt(SAMPLES)})`, `${fmt((genMs * 1000) / SAMPLES, 1)} µs`);
  line(`inclusion proof: verify (avg of ${fmt(SAMPLES)})`, `${fmt((verMs * 1000) / SAMPLES, 1)} µs (${fmt(ok)}/${fmt(SAMPLES)} verified)`);
  if (ok !== SAMPLES) throw new Error('an inclusion proof failed to verify');
}
console.log('');

// ---- consistency proofs -----------------------------------------------------
{
  const rand = prng(16);
  const sizes1 = Array.from({ length: SAMPLES }, () => 1 + Math.floor(rand() * (size - 1)));
  const roots1 = sizes1.map((s) => rootFromNodes(s, getNode)); // the verifier's old checkpoints
  const t0 = performance.now();
  const proofs = sizes1.map((s) => consistencyProof(s, size, getNode));
  const genMs = performance.now() - t0;
  const t1 = performance.now();
  let ok = 0;
  for (let k = 0; k < SAMPLES; k++) if (verifyConsistency(sizes1[k] as number, size, proofs[k] as Uint8Array[], roots1[k] as Uint8Array, root)) ok++;
  const verMs = performance.now() - t1;
  const lengths = proofs.map((p) => p.length);
  const avg = lengths.reduce((a, b) => a + b, 0) / SAMPLES;
  line(`consistency proof (random size1 → ${fmt(size)}): hashes`, `min ${Math.min(...lengths)} / avg ${fmt(avg, 2)} / max ${Math.max(...lengths)}`);
  line('consistency proof: bytes', `avg ${fmt(avg * sha256Hasher.size)} / max ${fmt(Math.max(...lengths) * sha256Hasher.size)}`);
  line(`consistency proof: generate (avg of ${fmt(SAMPLES)})`, `${fmt((genMs * 1000) / SAMPLES, 1)} µs`);
  line(`consistency proof: verify (avg of ${fmt(SAMPLES)})`, `${fmt((verMs * 1000) / SAMPLES, 1)} µs (${fmt(ok)}/${fmt(SAMPLES)} verified)`);
  if (ok !== SAMPLES) throw new Error('a consistency proof failed to verify');
}
