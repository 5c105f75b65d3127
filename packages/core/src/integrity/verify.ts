/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and
 * §2.1.4.2 (consistency) describe it. These are what a court-side verifier
 * runs offline (NAT-18 · 法发〔2016〕22号 Art 5: the integrity check value can
 * be re-checked by anyone holding the signed checkpoint).
 *
 * `fn`/`sn` are the RFC's names. Right shifts are divisions by two because
 * sizes may exceed 2^32 (JavaScript bitwise operators are 32-bit).
 */
import { equalBytes } from './bytes.js';
import { IntegrityError } from './errors.js';
import { sha256Hasher, type TreeHasher } from './hash.js';
import { assertSize } from './node-id.js';

function half(n: number): number {
  return Math.floor(n / 2);
}

function checkLength(hash: Uint8Array, hasher: TreeHasher, what: string): void {
  if (hash.byteLength !== hasher.size) {
    throw new IntegrityError('integrity.proof_malformed', `${what} must be ${hasher.size} bytes, got ${hash.byteLength}`);
  }
}

/**
 * Root implied by an inclusion proof (RFC 9162 §2.1.3.2 steps 1–5 without
 * the final comparison). Throws `integrity.index_out_of_range` when
 * index ≥ size and `integrity.proof_malformed` when the proof has the wrong
 * number of elements or an element of the wrong length.
 */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  hasher: TreeHasher = sha256Hasher,
): Uint8Array {
  assertSize(index, 'index');
  assertSize(size, 'size');
  // Step 1.
  if (index >= size) throw new IntegrityError('integrity.index_out_of_range', `leaf index ${index} is not below tree size ${size}`);
  checkLength(leafHash, hasher, 'leaf hash');
  proof.forEach((p, i) => checkLength(p, hasher, `proof[${i}]`));
  // Steps 2–3.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  // Step 4.
  for (const p of proof) {
    if (sn === 0) throw new IntegrityError('integrity.proof_malformed', `proof has more than the ${proof.length - 1} elements expected`);
    if (fn % 2 === 1 || fn === sn) {
      r = hasher.hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hasher.hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5 (first half): the path must have reached the root.
  if (sn !== 0) throw new IntegrityError('integrity.proof_malformed', `proof of ${proof.length} elements is too short for index ${index} in size ${size}`);
  return r;
}

/**
 * RFC 9162 §2.1.3.2: true iff `proof` proves that `leafHash` is leaf `index`
 * of the tree of `size` leaves whose root is `root`. Never throws.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hasher: TreeHasher = sha256Hasher,
): boolean {
  try {
    if (root.byteLength !== hasher.size) return false;
    return equalBytes(rootFromInclusionProof(leafHash, index, size, proof, hasher), root);
  } catch (e) {
    if (e instanceof IntegrityError) return false;
    throw e;
  }
}

/**
 * RFC 9162 §2.1.4.2: true iff `proof` proves that the tree of size1 leaves
 * with root1 is a prefix of the tree of size2 leaves with root2. Never throws.
 *
 * Edge cases outside the RFC's 0 < size1 < size2: size1 = size2 needs an
 * empty proof and equal roots; size1 = 0 needs an empty proof and root1 equal
 * to the empty-tree root HASH() (every tree extends the empty tree).
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
  hasher: TreeHasher = sha256Hasher,
): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < 0) return false;
  if (root1.byteLength !== hasher.size || root2.byteLength !== hasher.size) return false;
  if (proof.some((p) => p.byteLength !== hasher.size)) return false;
  if (size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && equalBytes(root1, root2);
  if (size1 === 0) return proof.length === 0 && equalBytes(root1, hasher.emptyRoot());
  // Step 1.
  if (proof.length === 0) return false;
  // Step 2: when size1 is a power of two the old root is the first path element.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  // Step 3.
  let fn = size1 - 1;
  let sn = size2 - 1;
  // Step 4.
  while (fn % 2 === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr = path[0] as Uint8Array;
  let sr = fr;
  // Step 6.
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Uint8Array;
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hasher.hashChildren(c, fr);
      sr = hasher.hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hasher.hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}
