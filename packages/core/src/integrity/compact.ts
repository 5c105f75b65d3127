/**
 * Append-only "compact range" of a log (transparency-dev/merkle
 * docs/compact_ranges.md): the hashes of the perfect subtrees on the right
 * border of the tree, one per set bit of the tree size. It is all the state
 * a log writer needs to append a leaf and compute the new root in
 * O(log n), without rereading old leaves (REC-16 · SX25-R 22: the log only
 * grows; nothing is rewritten).
 *
 * Each append also reports the perfect subtrees it completed, so a server
 * can store every complete node once (table keyed by (level, index)) and
 * later build inclusion and consistency proofs from those rows
 * (see `proof.ts`).
 */
import { IntegrityError } from './errors.js';
import { sha256Hasher, type TreeHasher } from './hash.js';
import { assertSize, compactRangeNodeIds, MAX_TREE_SIZE, type NodeId, type StoredNode } from './node-id.js';

export interface AppendResult {
  /** The range after the append (the old one is unchanged). */
  readonly state: CompactRange;
  /**
   * Perfect subtrees completed by this leaf, lowest level first: always the
   * leaf itself at level 0 (index = old size), then one node per level the
   * new leaf closes. A server stores each row once; none ever changes.
   */
  readonly completed: readonly StoredNode[];
}

/** Synchronous access to stored perfect-subtree hashes; undefined when absent. */
export type NodeAccessor = (level: number, index: number) => Uint8Array | undefined;

/**
 * Immutable compact range. Typed arrays cannot be frozen: treat every hash
 * passed in or handed out as read-only.
 */
export class CompactRange {
  /** Number of leaves in the tree. */
  readonly size: number;
  readonly hasher: TreeHasher;
  // Perfect subtree hashes on the right border, highest level (leftmost) first.
  readonly #peaks: readonly Uint8Array[];

  private constructor(size: number, peaks: readonly Uint8Array[], hasher: TreeHasher) {
    this.size = size;
    this.#peaks = peaks;
    this.hasher = hasher;
  }

  /** The range of the empty tree. */
  static empty(hasher: TreeHasher = sha256Hasher): CompactRange {
    return new CompactRange(0, [], hasher);
  }

  /**
   * Restores a range from the stored hashes of {@link compactRangeNodeIds}(size),
   * in that order (e.g. after a restart: read those rows, then continue appending).
   */
  static fromHashes(size: number, hashes: readonly Uint8Array[], hasher: TreeHasher = sha256Hasher): CompactRange {
    assertSize(size, 'size');
    const ids = compactRangeNodeIds(size);
    if (hashes.length !== ids.length) {
      throw new IntegrityError('integrity.node_malformed', `a tree of size ${size} has ${ids.length} compact range nodes, got ${hashes.length}`);
    }
    for (const h of hashes) {
      if (h.byteLength !== hasher.size) throw new IntegrityError('integrity.node_malformed', `node hash must be ${hasher.size} bytes`);
    }
    return new CompactRange(size, [...hashes], hasher);
  }

  /** Restores a range by reading {@link compactRangeNodeIds}(size) through an accessor. */
  static fromNodes(size: number, getNode: NodeAccessor, hasher: TreeHasher = sha256Hasher): CompactRange {
    const hashes = compactRangeNodeIds(size).map(({ level, index }) => {
      const h = getNode(level, index);
      if (h === undefined) throw new IntegrityError('integrity.node_missing', `node (level ${level}, index ${index}) is missing`);
      return h;
    });
    return CompactRange.fromHashes(size, hashes, hasher);
  }

  /** The right-border node ids of this range, aligned with {@link hashes}. */
  nodeIds(): NodeId[] {
    return compactRangeNodeIds(this.size);
  }

  /** Copy of the right-border hashes, highest level first. */
  get hashes(): Uint8Array[] {
    return [...this.#peaks];
  }

  /** Appends one leaf hash (HASH(0x00 || data), see `leafHash`). */
  append(leafHash: Uint8Array): AppendResult {
    const hasher = this.hasher;
    if (leafHash.byteLength !== hasher.size) {
      throw new IntegrityError('integrity.node_malformed', `leaf hash must be ${hasher.size} bytes, got ${leafHash.byteLength}`);
    }
    if (this.size >= MAX_TREE_SIZE) throw new IntegrityError('integrity.invalid_argument', 'tree is full');
    const peaks = this.#peaks.slice();
    let hash: Uint8Array = new Uint8Array(leafHash);
    // At level L the new node's index is floor(size / 2^L); it completes its
    // parent exactly when that index is odd (a left sibling already exists,
    // and it is the last peak).
    let index = this.size;
    let level = 0;
    const completed: StoredNode[] = [{ level, index, hash }];
    while (index % 2 === 1) {
      const left = peaks.pop() as Uint8Array;
      hash = hasher.hashChildren(left, hash);
      index = (index - 1) / 2;
      level++;
      completed.push({ level, index, hash });
    }
    peaks.push(hash);
    return { state: new CompactRange(this.size + 1, peaks, hasher), completed };
  }

  /** Appends several leaf hashes; returns the final range and all completed nodes in order. */
  appendAll(leafHashes: Iterable<Uint8Array>): AppendResult {
    let state: CompactRange = this;
    const completed: StoredNode[] = [];
    for (const h of leafHashes) {
      const r = state.append(h);
      state = r.state;
      completed.push(...r.completed);
    }
    return { state, completed };
  }

  /** MTH of the tree (RFC 9162 §2.1.1): the peaks folded from the right. */
  root(): Uint8Array {
    const peaks = this.#peaks;
    let i = peaks.length - 1;
    if (i < 0) return this.hasher.emptyRoot();
    let root = peaks[i] as Uint8Array;
    for (i--; i >= 0; i--) root = this.hasher.hashChildren(peaks[i] as Uint8Array, root);
    return new Uint8Array(root);
  }
}
