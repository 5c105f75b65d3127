/**
 * Building inclusion and consistency proofs (RFC 9162 §2.1.3.1 and §2.1.4.1)
 * from stored perfect-subtree nodes, following the approach of
 * transparency-dev/merkle `proof/proof.go`:
 *
 * - Every proof element is the hash of a subtree. Most are *perfect*
 *   subtrees, which a server stores once in a (level, index) table.
 * - At most one element is *ephemeral*: a subtree cut by the right border of
 *   the tree, not yet complete. It is recomputed ("rehashed") from the
 *   perfect nodes that cover it, folded from the right.
 *
 * The work is split in two pure steps so that the server can fetch nodes
 * with one query: {@link inclusionProofPlan} / {@link consistencyProofPlan}
 * say which node ids to fetch, and {@link assembleProof} turns the fetched
 * hashes into the proof. {@link inclusionProof} / {@link consistencyProof}
 * do both with a synchronous accessor.
 */
import { IntegrityError } from './errors.js';
import { sha256Hasher, type TreeHasher } from './hash.js';
import { type NodeAccessor, CompactRange } from './compact.js';
import { assertSize, rangeNodeIds, trailingZeros, type NodeId } from './node-id.js';

/** Where the ephemeral node sits in a plan. */
export interface EphemeralNode {
  /** nodeIds[begin, end) (end exclusive, at least two nodes) are folded into one proof element. */
  readonly begin: number;
  readonly end: number;
  /** The incomplete subtree they stand for (never stored: it changes as leaves are appended). */
  readonly id: NodeId;
}

/** Which stored nodes a proof needs and how to combine them. */
export interface ProofPlan {
  /**
   * Perfect-subtree nodes to fetch, in proof order. Within the ephemeral run
   * they go from the lowest (rightmost) to the highest (leftmost) node.
   */
  readonly nodeIds: readonly NodeId[];
  /** The run of nodeIds to fold into one ephemeral node, or null when there is none. */
  readonly ephemeral: EphemeralNode | null;
  /** Number of hashes in the finished proof. */
  readonly proofLength: number;
}


/**
 * Nodes proving that the perfect node (level, index) is part of the tree of
 * `size` leaves: walking up from the node, the sibling at each level is a
 * left sibling (always perfect), a complete right sibling (perfect), a right
 * sibling cut by the border (ephemeral: at most once, at the level where the
 * node's path leaves the right border), or absent (beyond the last leaf, so
 * the node is promoted unchanged, as in MTH's unbalanced split).
 */
function pathPlan(level: number, index: number, size: number, includeSelf: boolean): ProofPlan {
  const nodeIds: NodeId[] = includeSelf ? [{ level, index }] : [];
  let ephemeral: EphemeralNode | null = null;
  let l = level;
  let i = index;
  let width = 2 ** level;
  // Stop at the root: the node whose coverage starts at 0 and reaches `size`.
  while (!(i === 0 && width >= size)) {
    if (i % 2 === 1) {
      nodeIds.push({ level: l, index: i - 1 });
    } else {
      const siblingBegin = (i + 1) * width;
      if (siblingBegin < size) {
        if (siblingBegin + width <= size) {
          nodeIds.push({ level: l, index: i + 1 });
        } else {
          const parts = rangeNodeIds(siblingBegin, size).reverse();
          if (parts.length > 1) {
            ephemeral = { begin: nodeIds.length, end: nodeIds.length + parts.length, id: { level: l, index: i + 1 } };
          }
          nodeIds.push(...parts);
        }
      }
    }
    l++;
    width *= 2;
    i = Math.floor(i / 2);
  }
  const proofLength = nodeIds.length - (ephemeral ? ephemeral.end - ephemeral.begin - 1 : 0);
  return { nodeIds, ephemeral, proofLength };
}

/**
 * Plan of the inclusion proof (audit path, RFC 9162 §2.1.3.1 PATH(m, D[n]))
 * of leaf `index` in the tree of `size` leaves. Requires 0 ≤ index < size.
 */
export function inclusionProofPlan(index: number, size: number): ProofPlan {
  assertSize(index, 'index');
  assertSize(size, 'size');
  if (index >= size) {
    throw new IntegrityError('integrity.index_out_of_range', `leaf index ${index} is not below tree size ${size}`);
  }
  return pathPlan(0, index, size, false);
}

/**
 * Plan of the consistency proof between tree sizes size1 ≤ size2
 * (RFC 9162 §2.1.4.1 PROOF(m, D[n])). It is the inclusion path, in the tree
 * of size2, of the largest perfect subtree that ends at size1, preceded by
 * that subtree's own hash unless size1 is a power of two (then the subtree is
 * the old tree and the client already holds its root).
 *
 * The proof is empty for size1 = size2 and for size1 = 0 (every tree extends
 * the empty tree; RFC 9162 only defines proofs for 0 < size1).
 */
export function consistencyProofPlan(size1: number, size2: number): ProofPlan {
  assertSize(size1, 'size1');
  assertSize(size2, 'size2');
  if (size1 > size2) throw new IntegrityError('integrity.invalid_argument', `size1 ${size1} > size2 ${size2}`);
  if (size1 === 0 || size1 === size2) return { nodeIds: [], ephemeral: null, proofLength: 0 };
  const level = trailingZeros(size1);
  const index = size1 / 2 ** level - 1;
  return pathPlan(level, index, size2, index !== 0);
}

/**
 * Turns the hashes fetched for `plan.nodeIds` (same order) into the proof,
 * rehashing the ephemeral run: acc = h[begin]; acc = HASH(0x01 || h[j] || acc).
 */
export function assembleProof(plan: ProofPlan, hashes: readonly Uint8Array[], hasher: TreeHasher = sha256Hasher): Uint8Array[] {
  const ids = plan.nodeIds;
  if (hashes.length !== ids.length) {
    throw new IntegrityError('integrity.node_missing', `plan needs ${ids.length} node hashes, got ${hashes.length}`);
  }
  for (let i = 0; i < hashes.length; i++) {
    if ((hashes[i] as Uint8Array).byteLength !== hasher.size) {
      const id = ids[i] as NodeId;
      throw new IntegrityError('integrity.node_malformed', `node (level ${id.level}, index ${id.index}) must be ${hasher.size} bytes`);
    }
  }
  const proof: Uint8Array[] = [];
  const eph = plan.ephemeral;
  for (let i = 0; i < hashes.length; i++) {
    if (eph !== null && i === eph.begin) {
      let acc = hashes[i] as Uint8Array;
      for (i++; i < eph.end; i++) acc = hasher.hashChildren(hashes[i] as Uint8Array, acc);
      i--;
      proof.push(acc);
    } else {
      proof.push(hashes[i] as Uint8Array);
    }
  }
  return proof;
}

function fetchAll(ids: readonly NodeId[], getNode: NodeAccessor): Uint8Array[] {
  return ids.map(({ level, index }) => {
    const h = getNode(level, index);
    if (h === undefined) throw new IntegrityError('integrity.node_missing', `node (level ${level}, index ${index}) is missing`);
    return h;
  });
}

/** Inclusion proof of leaf `index` in the tree of `size` leaves, reading stored nodes through `getNode`. */
export function inclusionProof(index: number, size: number, getNode: NodeAccessor, hasher: TreeHasher = sha256Hasher): Uint8Array[] {
  const plan = inclusionProofPlan(index, size);
  return assembleProof(plan, fetchAll(plan.nodeIds, getNode), hasher);
}

/** Consistency proof between tree sizes size1 ≤ size2, reading stored nodes through `getNode`. */
export function consistencyProof(size1: number, size2: number, getNode: NodeAccessor, hasher: TreeHasher = sha256Hasher): Uint8Array[] {
  const plan = consistencyProofPlan(size1, size2);
  return assembleProof(plan, fetchAll(plan.nodeIds, getNode), hasher);
}

/** Root of the tree of `size` leaves (any past size), from its stored compact range nodes. */
export function rootFromNodes(size: number, getNode: NodeAccessor, hasher: TreeHasher = sha256Hasher): Uint8Array {
  return CompactRange.fromNodes(size, getNode, hasher).root();
}
