/**
 * Geometry of a log Merkle tree (RFC 9162 §2.1) in terms of *perfect
 * subtrees*: node (level, index) is the root of the perfect subtree over
 * leaves [index·2^level, (index+1)·2^level). Level 0 nodes are leaf hashes.
 *
 * A perfect node never changes once its last leaf is appended, so a server
 * can store it once in a table keyed by (level, index) (REC-16 · SX25-R 22:
 * append-only, nothing rewritten) and build any proof later from those rows
 * (the approach of transparency-dev/merkle `compact` and `proof`).
 *
 * Sizes and indices are JavaScript numbers restricted to safe integers
 * (< 2^53), so all arithmetic below uses division/multiplication by powers
 * of two instead of 32-bit bitwise operators.
 */
import { IntegrityError } from './errors.js';

/** Identifies a perfect subtree: leaves [index·2^level, (index+1)·2^level). */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** A perfect subtree with its hash, as a server stores it. */
export interface StoredNode extends NodeId {
  readonly hash: Uint8Array;
}

/** Largest tree size / leaf count this module accepts (2^53 − 1). */
export const MAX_TREE_SIZE = Number.MAX_SAFE_INTEGER;

export function assertSize(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new IntegrityError('integrity.invalid_argument', `${what} must be a safe non-negative integer, got ${String(value)}`);
  }
}

/** First leaf (inclusive) and last leaf (exclusive) covered by a node. */
export function nodeCoverage(id: NodeId): { readonly begin: number; readonly end: number } {
  const width = 2 ** id.level;
  return { begin: id.index * width, end: (id.index + 1) * width };
}

/** Number of trailing zero bits of a positive safe integer. */
export function trailingZeros(n: number): number {
  let z = 0;
  while (n % 2 === 0 && n > 0) {
    n /= 2;
    z++;
  }
  return z;
}

/** Largest power of two strictly below n (n ≥ 2): the split point k of RFC 9162 §2.1.1. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Decomposes the leaf range [begin, end) into maximal perfect subtrees,
 * left to right. For begin = 0 this is the compact range of a tree of size
 * `end`: one node per set bit of `end`, highest level first.
 */
export function rangeNodeIds(begin: number, end: number): NodeId[] {
  assertSize(begin, 'range begin');
  assertSize(end, 'range end');
  if (begin > end) throw new IntegrityError('integrity.invalid_argument', `range begin ${begin} > end ${end}`);
  const ids: NodeId[] = [];
  while (begin < end) {
    // Grow the node while it stays aligned at `begin` and inside the range.
    let level = 0;
    let width = 1;
    while (begin % (width * 2) === 0 && begin + width * 2 <= end) {
      width *= 2;
      level++;
    }
    ids.push({ level, index: begin / width });
    begin += width;
  }
  return ids;
}

/**
 * The perfect subtrees on the right border of a tree of `size` leaves (its
 * "compact range"), highest level (leftmost) first. Folding their hashes
 * from the right gives the tree root.
 */
export function compactRangeNodeIds(size: number): NodeId[] {
  return rangeNodeIds(0, size);
}

/** All perfect subtrees of a tree of `size` leaves (every node a server stores), ordered by level then index. */
export function* perfectNodeIds(size: number): Generator<NodeId> {
  assertSize(size, 'size');
  for (let level = 0, width = 1; width <= size; level++, width *= 2) {
    const count = Math.floor(size / width);
    for (let index = 0; index < count; index++) yield { level, index };
  }
}
