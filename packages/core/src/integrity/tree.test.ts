import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes.js';
import { CompactRange, type NodeAccessor } from './compact.js';
import { IntegrityError } from './errors.js';
import { isHashAlgorithmAvailable, leafHash, sha256Hasher, treeHasher, type TreeHasher } from './hash.js';
import { compactRangeNodeIds, largestPowerOfTwoBelow, nodeCoverage, perfectNodeIds, rangeNodeIds } from './node-id.js';
import {
  assembleProof,
  consistencyProof,
  consistencyProofPlan,
  inclusionProof,
  inclusionProofPlan,
  rootFromNodes,
} from './proof.js';
import { merkleRoot } from './tree.js';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify.js';

const repoRoot = new URL('../../../../', import.meta.url);
const vectors = JSON.parse(readFileSync(new URL('../shared/testdata/rfc6962-vectors.json', repoRoot), 'utf8')) as {
  leafInputs: string[];
  leafHashes: string[];
  rootHashesBySize: string[];
};
const hex = (bs: readonly Uint8Array[]): string[] => bs.map(toHex);

// ---------------------------------------------------------------------------
// Reference algorithms written straight from RFC 9162 §2.1.3.1 (PATH) and
// §2.1.4.1 (SUBPROOF), over any MTH function of a leaf range. They are slow
// and obviously right; the node-based generator must agree byte for byte.
// ---------------------------------------------------------------------------
type RangeMth = (begin: number, end: number) => Uint8Array;

function refPath(m: number, begin: number, end: number, mth: RangeMth): Uint8Array[] {
  const n = end - begin;
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  return m < k
    ? [...refPath(m, begin, begin + k, mth), mth(begin + k, end)]
    : [...refPath(m - k, begin + k, end, mth), mth(begin, begin + k)];
}

function refSubproof(m: number, begin: number, end: number, b: boolean, mth: RangeMth): Uint8Array[] {
  const n = end - begin;
  if (m === n) return b ? [] : [mth(begin, end)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...refSubproof(m, begin, begin + k, b, mth), mth(begin + k, end)]
    : [...refSubproof(m - k, begin + k, end, false, mth), mth(begin, begin + k)];
}

/** A log of `count` leaves with stored nodes, built through CompactRange as a server would. */
function buildLog(count: number, hasher: TreeHasher = sha256Hasher) {
  const leaves = Array.from({ length: count }, (_, i) => hasher.hashLeaf(new TextEncoder().encode(`leaf ${i}`)));
  const store = new Map<string, Uint8Array>();
  let state = CompactRange.empty(hasher);
  const roots: Uint8Array[] = [state.root()];
  for (const h of leaves) {
    const r = state.append(h);
    state = r.state;
    for (const n of r.completed) store.set(`${n.level}/${n.index}`, n.hash);
    roots.push(state.root());
  }
  const getNode: NodeAccessor = (level, index) => store.get(`${level}/${index}`);
  const mth: RangeMth = (begin, end) => merkleRoot(leaves.slice(begin, end), hasher);
  return { leaves, store, getNode, roots, mth };
}

function flipBit(proof: readonly Uint8Array[], i: number, mask = 8): Uint8Array[] {
  return proof.map((p, j) => {
    if (j !== i) return p;
    const q = new Uint8Array(p);
    q[0] = (q[0] as number) ^ mask;
    return q;
  });
}

describe('MTH (RFC 9162 §2.1.1)', () => {
  it('NAT-18 · 法发〔2016〕22号 Art 5: roots of every prefix match the RFC 6962 test vectors', () => {
    const leaves = vectors.leafHashes.map(fromHex);
    vectors.rootHashesBySize.forEach((root, size) => {
      expect(toHex(merkleRoot(leaves.slice(0, size)))).toBe(root);
    });
  });

  it('rejects leaf hashes of the wrong length', () => {
    expect(() => merkleRoot([new Uint8Array(31)])).toThrowError(IntegrityError);
  });
});

describe('tree geometry', () => {
  it('compact range nodes are one per set bit of the size, highest level first', () => {
    expect(compactRangeNodeIds(0)).toEqual([]);
    expect(compactRangeNodeIds(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(rangeNodeIds(3, 13)).toEqual([
      { level: 0, index: 3 },
      { level: 2, index: 1 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    // Beyond 2^32, where 32-bit bitwise operators would go wrong.
    const big = 2 ** 40 + 5;
    expect(compactRangeNodeIds(big)).toEqual([
      { level: 40, index: 0 },
      { level: 2, index: 2 ** 38 },
      { level: 0, index: 2 ** 40 + 4 },
    ]);
    expect(nodeCoverage({ level: 2, index: 2 ** 38 + 1 })).toEqual({ begin: 2 ** 40 + 4, end: 2 ** 40 + 8 });
  });

  it('rejects sizes that are not safe non-negative integers', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => compactRangeNodeIds(bad)).toThrowError(/invalid_argument/);
      expect(() => inclusionProofPlan(0, bad)).toThrowError(/invalid_argument/);
    }
  });
});

describe('compact range (append-only state)', () => {
  it('REC-16 · SX25-R 22: appending leaves one by one gives the MTH root for sizes 0..200', () => {
    const leaves = Array.from({ length: 200 }, (_, i) => leafHash(Uint8Array.of(i, i >> 8)));
    let state = CompactRange.empty();
    expect(toHex(state.root())).toBe(toHex(sha256Hasher.emptyRoot()));
    for (let size = 1; size <= 200; size++) {
      state = state.append(leaves[size - 1] as Uint8Array).state;
      expect(state.size).toBe(size);
      expect(toHex(state.root())).toBe(toHex(merkleRoot(leaves.slice(0, size))));
    }
  });

  it('REC-16 · SX25-R 22: completed nodes cover exactly the perfect subtrees, each once, with the right hashes', () => {
    const leaves = Array.from({ length: 200 }, (_, i) => leafHash(Uint8Array.of(i, 0xaa)));
    let state = CompactRange.empty();
    const seen = new Map<string, Uint8Array>();
    for (let i = 0; i < leaves.length; i++) {
      const r = state.append(leaves[i] as Uint8Array);
      state = r.state;
      expect(r.completed[0]).toMatchObject({ level: 0, index: i });
      r.completed.forEach((n, j) => {
        // Each node completes exactly when its last leaf arrives, lowest level first.
        expect(n.level).toBe(j);
        expect(nodeCoverage(n).end).toBe(i + 1);
        const key = `${n.level}/${n.index}`;
        expect(seen.has(key)).toBe(false);
        seen.set(key, n.hash);
      });
      const size = i + 1;
      const expected = [...perfectNodeIds(size)].map((id) => `${id.level}/${id.index}`);
      expect(new Set(seen.keys())).toEqual(new Set(expected));
      expect(seen.size).toBe(expected.length);
    }
    for (const [key, hash] of seen) {
      const [level, index] = key.split('/').map(Number) as [number, number];
      const { begin, end } = nodeCoverage({ level, index });
      expect(toHex(hash)).toBe(toHex(merkleRoot(leaves.slice(begin, end))));
    }
  });

  it('restores from stored nodes after a restart and continues identically', () => {
    const log = buildLog(77);
    for (const size of [0, 1, 2, 31, 32, 33, 76, 77]) {
      const restored = CompactRange.fromNodes(size, log.getNode);
      expect(hex(restored.hashes)).toEqual(hex(restored.nodeIds().map(({ level, index }) => log.getNode(level, index) as Uint8Array)));
      expect(toHex(restored.root())).toBe(toHex(log.roots[size] as Uint8Array));
      expect(toHex(rootFromNodes(size, log.getNode))).toBe(toHex(log.roots[size] as Uint8Array));
      if (size < 77) {
        const next = restored.append(log.leaves[size] as Uint8Array).state;
        expect(toHex(next.root())).toBe(toHex(log.roots[size + 1] as Uint8Array));
      }
    }
    expect(() => CompactRange.fromNodes(78, log.getNode)).toThrowError(/node_missing/);
    expect(() => CompactRange.fromHashes(3, [new Uint8Array(32)])).toThrowError(/node_malformed/);
  });

  it('is immutable: appending does not change the previous state', () => {
    const s1 = CompactRange.empty().append(leafHash(Uint8Array.of(1))).state;
    const before = toHex(s1.root());
    s1.append(leafHash(Uint8Array.of(2)));
    expect(toHex(s1.root())).toBe(before);
    expect(s1.size).toBe(1);
    expect(() => s1.append(new Uint8Array(16))).toThrowError(/node_malformed/);
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  const log = buildLog(64);

  it('REC-16 · SX25-R 22: known RFC 6962 inclusion proof vectors (transparency-dev/merkle)', () => {
    const leaves = vectors.leafHashes.map(fromHex);
    const known = buildLogFrom(leaves);
    const cases: Array<[number, number, string[]]> = [
      [0, 1, []],
      [0, 8, [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ]],
      [5, 8, [
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ]],
      [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
      [1, 5, [
        '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ]],
    ];
    for (const [index, size, proof] of cases) {
      expect(hex(inclusionProof(index, size, known.getNode))).toEqual(proof);
      const root = fromHex(vectors.rootHashesBySize[size] as string);
      expect(verifyInclusion(leaves[index] as Uint8Array, index, size, proof.map(fromHex), root)).toBe(true);
    }
  });

  it('NAT-18 · 法发〔2016〕22号 Art 5: for every size 1..64 and index, the proof equals RFC PATH and verifies against MTH', () => {
    for (let size = 1; size <= 64; size++) {
      const root = log.mth(0, size);
      expect(toHex(log.roots[size] as Uint8Array)).toBe(toHex(root));
      for (let index = 0; index < size; index++) {
        const plan = inclusionProofPlan(index, size);
        const proof = inclusionProof(index, size, log.getNode);
        expect(proof).toHaveLength(plan.proofLength);
        expect(hex(proof)).toEqual(hex(refPath(index, 0, size, log.mth)));
        expect(verifyInclusion(log.leaves[index] as Uint8Array, index, size, proof, root)).toBe(true);
      }
    }
  });

  it('REC-16 · SX25-R 22: tampered proofs, wrong index, wrong size, wrong leaf and wrong root fail', () => {
    let checked = 0;
    for (let size = 1; size <= 64; size++) {
      const root = log.roots[size] as Uint8Array;
      for (let index = 0; index < size; index++) {
        const leaf = log.leaves[index] as Uint8Array;
        const proof = inclusionProof(index, size, log.getNode);
        const fails = (l: Uint8Array, i: number, s: number, p: readonly Uint8Array[], r: Uint8Array): void => {
          checked++;
          expect(verifyInclusion(l, i, s, p, r), `index ${index} size ${size}`).toBe(false);
        };
        // Tampered proof elements, removed / added elements.
        for (let j = 0; j < proof.length; j++) fails(leaf, index, size, flipBit(proof, j), root);
        if (proof.length > 0) fails(leaf, index, size, proof.slice(0, -1), root);
        fails(leaf, index, size, [...proof, root], root);
        fails(leaf, index, size, [root, ...proof], root);
        fails(leaf, index, size, [...proof, new Uint8Array(0)], root);
        // Wrong index (the leaf is claimed elsewhere).
        for (const wrong of [index - 1, index + 1, index ^ 2, size]) {
          if (wrong !== index && wrong >= 0) fails(leaf, wrong, size, proof, root);
        }
        // Wrong size, against the true root of that size (unless the path is the same).
        for (const wrong of [size - 1, size + 1, size * 2, Math.floor(size / 2)]) {
          if (wrong <= index || wrong > 64 || wrong === size) continue;
          if (hex(inclusionProof(index, wrong, log.getNode)).join() === hex(proof).join()) continue;
          fails(leaf, index, wrong, proof, log.roots[wrong] as Uint8Array);
        }
        // Wrong leaf, wrong root.
        fails(log.leaves[(index + 1) % 64] as Uint8Array, index, size, proof, root);
        fails(leaf, index, size, proof, log.roots[size - 1] as Uint8Array);
        fails(leaf, index, size, proof, sha256Hasher.emptyRoot());
        fails(leaf, index, size, proof, root.subarray(0, 31));
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it('rootFromInclusionProof explains why a proof is unusable', () => {
    const leaf = log.leaves[3] as Uint8Array;
    const proof = inclusionProof(3, 10, log.getNode);
    expect(toHex(rootFromInclusionProof(leaf, 3, 10, proof))).toBe(toHex(log.roots[10] as Uint8Array));
    expect(() => rootFromInclusionProof(leaf, 10, 10, proof)).toThrowError(/index_out_of_range/);
    expect(() => rootFromInclusionProof(leaf, 3, 10, proof.slice(1))).toThrowError(/proof_malformed/);
    expect(() => rootFromInclusionProof(leaf, 3, 10, [...proof, leaf])).toThrowError(/proof_malformed/);
    expect(() => rootFromInclusionProof(leaf.subarray(1), 3, 10, proof)).toThrowError(/proof_malformed/);
    expect(verifyInclusion(leaf, 0, 0, [], sha256Hasher.emptyRoot())).toBe(false);
    expect(verifyInclusion(leaf, -1, 10, proof, log.roots[10] as Uint8Array)).toBe(false);
  });

  it('plans name the stored nodes and at most one ephemeral run', () => {
    const plan = inclusionProofPlan(0, 7);
    expect(plan.nodeIds).toEqual([
      { level: 0, index: 1 },
      { level: 1, index: 1 },
      { level: 0, index: 6 },
      { level: 1, index: 2 },
    ]);
    expect(plan.ephemeral).toEqual({ begin: 2, end: 4, id: { level: 2, index: 1 } });
    expect(plan.proofLength).toBe(3);
    // A perfect tree needs no ephemeral node.
    expect(inclusionProofPlan(5, 8).ephemeral).toBeNull();
    // Every planned node is a complete (storable) subtree of the tree.
    for (let size = 1; size <= 64; size++) {
      for (let index = 0; index < size; index++) {
        for (const id of inclusionProofPlan(index, size).nodeIds) expect(nodeCoverage(id).end).toBeLessThanOrEqual(size);
      }
    }
    expect(() => inclusionProofPlan(7, 7)).toThrowError(/index_out_of_range/);
  });

  it('assembleProof checks the fetched hashes', () => {
    const plan = inclusionProofPlan(0, 7);
    const hashes = plan.nodeIds.map(({ level, index }) => log.getNode(level, index) as Uint8Array);
    expect(hex(assembleProof(plan, hashes))).toEqual(hex(inclusionProof(0, 7, log.getNode)));
    expect(() => assembleProof(plan, hashes.slice(1))).toThrowError(/node_missing/);
    expect(() => assembleProof(plan, [...hashes.slice(1), new Uint8Array(3)])).toThrowError(/node_malformed/);
    expect(() => inclusionProof(0, 65, log.getNode)).toThrowError(/node_missing/);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  const log = buildLog(64);

  it('REC-16 · SX25-R 22: known RFC 6962 consistency proof vectors (transparency-dev/merkle)', () => {
    const leaves = vectors.leafHashes.map(fromHex);
    const known = buildLogFrom(leaves);
    const cases: Array<[number, number, string[]]> = [
      [1, 1, []],
      [1, 8, [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ]],
      [6, 8, [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ]],
      [2, 5, [
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ]],
      [6, 7, [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ]],
    ];
    for (const [size1, size2, proof] of cases) {
      expect(hex(consistencyProof(size1, size2, known.getNode))).toEqual(proof);
      const root1 = fromHex(vectors.rootHashesBySize[size1] as string);
      const root2 = fromHex(vectors.rootHashesBySize[size2] as string);
      expect(verifyConsistency(size1, size2, proof.map(fromHex), root1, root2)).toBe(true);
    }
  });

  it('REC-16 · SX25-R 22: for every 1 ≤ size1 ≤ size2 ≤ 64 the proof equals RFC PROOF and verifies against MTH', () => {
    for (let size2 = 1; size2 <= 64; size2++) {
      const root2 = log.mth(0, size2);
      for (let size1 = 1; size1 <= size2; size1++) {
        const root1 = log.mth(0, size1);
        const plan = consistencyProofPlan(size1, size2);
        const proof = consistencyProof(size1, size2, log.getNode);
        expect(proof).toHaveLength(plan.proofLength);
        expect(hex(proof)).toEqual(hex(refSubproof(size1, 0, size2, true, log.mth)));
        expect(verifyConsistency(size1, size2, proof, root1, root2)).toBe(true);
        for (const id of plan.nodeIds) expect(nodeCoverage(id).end).toBeLessThanOrEqual(size2);
      }
    }
  });

  it('REC-16 · SX25-R 22: tampered proofs, wrong sizes and wrong roots fail', () => {
    let checked = 0;
    const fails = (s1: number, s2: number, p: readonly Uint8Array[], r1: Uint8Array, r2: Uint8Array, what: string): void => {
      checked++;
      expect(verifyConsistency(s1, s2, p, r1, r2), what).toBe(false);
    };
    for (let size2 = 1; size2 <= 64; size2++) {
      const root2 = log.roots[size2] as Uint8Array;
      for (let size1 = 1; size1 <= size2; size1++) {
        const root1 = log.roots[size1] as Uint8Array;
        const proof = consistencyProof(size1, size2, log.getNode);
        const at = `${size1}→${size2}`;
        if (size1 === size2) {
          fails(size1, size2, [root1], root1, root2, `${at} non-empty proof`);
          fails(size1, size2, [], root1, log.roots[size1 - 1] as Uint8Array, `${at} different roots`);
          continue;
        }
        for (let j = 0; j < proof.length; j++) fails(size1, size2, flipBit(proof, j, 16), root1, root2, `${at} flip ${j}`);
        fails(size1, size2, [], root1, root2, `${at} empty`);
        fails(size1, size2, proof.slice(0, -1), root1, root2, `${at} truncated`);
        fails(size1, size2, [...proof, root1], root1, root2, `${at} trailing`);
        fails(size1, size2, [root2, ...proof], root1, root2, `${at} preceding`);
        fails(size1, size2, proof, root2, root1, `${at} swapped roots`);
        fails(size1, size2, proof, sha256Hasher.emptyRoot(), root2, `${at} wrong root1`);
        fails(size1, size2, proof, root1, sha256Hasher.emptyRoot(), `${at} wrong root2`);
        fails(size2, size1, proof, root2, root1, `${at} backwards`);
        for (const w of [size1 - 1, size1 + 1]) {
          if (w < 1 || w >= size2) continue;
          if (hex(consistencyProof(w, size2, log.getNode)).join() === hex(proof).join()) continue;
          fails(w, size2, proof, log.roots[w] as Uint8Array, root2, `${at} size1 ${w}`);
        }
        for (const w of [size2 - 1, size2 + 1, size2 * 2]) {
          if (w <= size1 || w > 64) continue;
          if (hex(consistencyProof(size1, w, log.getNode)).join() === hex(proof).join()) continue;
          fails(size1, w, proof, root1, log.roots[w] as Uint8Array, `${at} size2 ${w}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(15_000);
  });

  it('edge cases: the empty tree, equal sizes, size1 > size2', () => {
    const empty = sha256Hasher.emptyRoot();
    const r5 = log.roots[5] as Uint8Array;
    expect(consistencyProof(0, 5, log.getNode)).toEqual([]);
    expect(verifyConsistency(0, 5, [], empty, r5)).toBe(true);
    expect(verifyConsistency(0, 5, [], r5, r5)).toBe(false);
    expect(verifyConsistency(0, 5, [r5], empty, r5)).toBe(false);
    expect(verifyConsistency(0, 0, [], empty, empty)).toBe(true);
    expect(verifyConsistency(5, 5, [], r5, r5)).toBe(true);
    expect(verifyConsistency(6, 5, [], r5, r5)).toBe(false);
    expect(() => consistencyProofPlan(6, 5)).toThrowError(/invalid_argument/);
  });
});

describe('trees beyond 2^32 leaves (safe-integer arithmetic)', () => {
  // A virtual tree of 2^40 + 12345 leaves: every leaf is the same except a few
  // "special" ones, so any perfect subtree without a special leaf has a known
  // hash per level and the rest is computed on demand. Wrong index arithmetic
  // would fetch a canonical node where a special one belongs (or vice versa).
  const hasher = sha256Hasher;
  const size = 2 ** 40 + 12345;
  const specials = [0, 2 ** 33 + 7, 2 ** 40 - 1, 2 ** 40, 2 ** 40 + 5000, size - 1];
  const special = new Map(specials.map((i) => [i, hasher.hashLeaf(new TextEncoder().encode(`special ${i}`))]));
  const canonical: Uint8Array[] = [hasher.hashLeaf(new TextEncoder().encode('routine'))];
  for (let l = 1; l <= 41; l++) canonical.push(hasher.hashChildren(canonical[l - 1] as Uint8Array, canonical[l - 1] as Uint8Array));
  const memo = new Map<string, Uint8Array>();
  const node = (level: number, index: number): Uint8Array => {
    const { begin, end } = nodeCoverage({ level, index });
    if (!specials.some((s) => s >= begin && s < end)) return canonical[level] as Uint8Array;
    if (level === 0) return special.get(index) as Uint8Array;
    const key = `${level}/${index}`;
    let h = memo.get(key);
    if (!h) {
      h = hasher.hashChildren(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
      memo.set(key, h);
    }
    return h;
  };
  const fetched: string[] = [];
  const getNode: NodeAccessor = (level, index) => {
    expect(nodeCoverage({ level, index }).end).toBeLessThanOrEqual(size);
    fetched.push(`${level}/${index}`);
    return node(level, index);
  };
  // MTH by the RFC definition, short-cutting aligned perfect ranges.
  const mth: RangeMth = (begin, end) => {
    const n = end - begin;
    if (n === 1) return node(0, begin);
    const k = largestPowerOfTwoBelow(n);
    if (k * 2 === n && begin % n === 0) return node(Math.log2(n), begin / n);
    return hasher.hashChildren(mth(begin, begin + k), mth(begin + k, end));
  };
  const root = mth(0, size);

  it('root from stored nodes equals MTH', () => {
    expect(toHex(rootFromNodes(size, getNode))).toBe(toHex(root));
  });

  it('NAT-18 · 法发〔2016〕22号 Art 5: inclusion proofs of leaves past 2^32 equal RFC PATH and verify', () => {
    for (const index of specials) {
      const proof = inclusionProof(index, size, getNode);
      expect(hex(proof)).toEqual(hex(refPath(index, 0, size, mth)));
      expect(verifyInclusion(special.get(index) as Uint8Array, index, size, proof, root)).toBe(true);
      expect(verifyInclusion(special.get(index) as Uint8Array, index + 1, size, proof, root)).toBe(false);
    }
  });

  it('REC-16 · SX25-R 22: consistency proofs between sizes past 2^32 equal RFC PROOF and verify', () => {
    for (const size1 of [1, 2 ** 33 + 8, 2 ** 40, 2 ** 40 + 1, 2 ** 40 + 5001, size - 1]) {
      const proof = consistencyProof(size1, size, getNode);
      expect(hex(proof)).toEqual(hex(refSubproof(size1, 0, size, true, mth)));
      expect(verifyConsistency(size1, size, proof, mth(0, size1), root)).toBe(true);
      expect(verifyConsistency(size1 + 1, size, proof, mth(0, size1 + 1), root)).toBe(false);
    }
  });
});

describe.runIf(isHashAlgorithmAvailable('sm3'))('SM3 trees', () => {
  it('build, prove and verify with the SM3 hasher, distinct from SHA-256', () => {
    const sm3 = treeHasher('sm3');
    const log = buildLog(21, sm3);
    const sha = buildLog(21);
    expect(toHex(log.roots[21] as Uint8Array)).not.toBe(toHex(sha.roots[21] as Uint8Array));
    expect(toHex(log.roots[21] as Uint8Array)).toBe(toHex(merkleRoot(log.leaves, sm3)));
    for (let i = 0; i < 21; i++) {
      const proof = inclusionProof(i, 21, log.getNode, sm3);
      expect(verifyInclusion(log.leaves[i] as Uint8Array, i, 21, proof, log.roots[21] as Uint8Array, sm3)).toBe(true);
      expect(verifyInclusion(log.leaves[i] as Uint8Array, i, 21, proof, log.roots[21] as Uint8Array)).toBe(false);
    }
    const c = consistencyProof(13, 21, log.getNode, sm3);
    expect(verifyConsistency(13, 21, c, log.roots[13] as Uint8Array, log.roots[21] as Uint8Array, sm3)).toBe(true);
  });
});

function buildLogFrom(leaves: readonly Uint8Array[]) {
  const store = new Map<string, Uint8Array>();
  const { completed } = CompactRange.empty().appendAll(leaves);
  for (const n of completed) store.set(`${n.level}/${n.index}`, n.hash);
  const getNode: NodeAccessor = (level, index) => store.get(`${level}/${index}`);
  return { getNode };
}
