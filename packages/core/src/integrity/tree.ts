/**
 * Merkle Tree Hash (MTH) of a list of leaf hashes, exactly as defined in
 * RFC 9162 §2.1.1 (RFC 6962 §2.1):
 *
 *   MTH({})      = HASH()
 *   MTH({d0})    = leaf hash of d0
 *   MTH(D[n])    = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])),  k = largest power of two < n
 *
 * This is the reference definition; the append-only {@link CompactRange}
 * computes the same value incrementally and the tests check one against the
 * other.
 */
import { IntegrityError } from './errors.js';
import { sha256Hasher, type TreeHasher } from './hash.js';
import { largestPowerOfTwoBelow } from './node-id.js';

export function merkleRoot(leafHashes: readonly Uint8Array[], hasher: TreeHasher = sha256Hasher): Uint8Array {
  for (let i = 0; i < leafHashes.length; i++) {
    const h = leafHashes[i];
    if (h === undefined || h.byteLength !== hasher.size) {
      throw new IntegrityError('integrity.node_malformed', `leaf hash ${i} must be ${hasher.size} bytes`);
    }
  }
  if (leafHashes.length === 0) return hasher.emptyRoot();
  return subtreeRoot(leafHashes, 0, leafHashes.length, hasher);
}

/** MTH of leafHashes[begin:end) (non-empty); recursion depth is log2 of the length. */
function subtreeRoot(leafHashes: readonly Uint8Array[], begin: number, end: number, hasher: TreeHasher): Uint8Array {
  const n = end - begin;
  if (n === 1) return leafHashes[begin] as Uint8Array;
  const k = largestPowerOfTwoBelow(n);
  return hasher.hashChildren(
    subtreeRoot(leafHashes, begin, begin + k, hasher),
    subtreeRoot(leafHashes, begin + k, end, hasher),
  );
}
