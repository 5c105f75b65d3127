/**
 * Merkle tree hashing with domain separation (RFC 6962 §2.1, RFC 9162 §2.1.1):
 *
 *   MTH({})        = HASH()                     — the empty tree
 *   leaf hash      = HASH(0x00 || leaf data)
 *   interior node  = HASH(0x01 || left || right)
 *
 * The 0x00 / 0x01 prefixes keep a leaf from ever being confused with an
 * interior node (second-preimage resistance, RFC 9162 §2.1.1 note).
 *
 * HASH is pluggable: SHA-256 (the RFC's choice and the default) or SM3
 * (GB/T 32905-2016) for 国密 deployments. SM3 comes from OpenSSL through
 * node:crypto, so it is detected at run time and refused with a clear error
 * where the linked OpenSSL does not offer it. Both digests are 32 bytes, so
 * checkpoints keep the same shape; a log must never mix algorithms, and its
 * checkpoint origin should say which one it uses.
 */
import { Buffer } from 'node:buffer';
import { createHash, hash as oneShotHash } from 'node:crypto';
import { IntegrityError } from './errors.js';

export type HashAlgorithm = 'sha256' | 'sm3';

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['sha256', 'sm3'];

/** Domain-separation prefix of a leaf hash (RFC 6962 §2.1). */
export const LEAF_PREFIX = 0x00;
/** Domain-separation prefix of an interior node hash (RFC 6962 §2.1). */
export const NODE_PREFIX = 0x01;

/** Hash functions of one log. Obtain with {@link treeHasher}. */
export interface TreeHasher {
  readonly algorithm: HashAlgorithm;
  /** Digest length in bytes (32 for both SHA-256 and SM3). */
  readonly size: number;
  /** Plain digest HASH(data), without any prefix. */
  digest(data: Uint8Array): Uint8Array;
  /** HASH(0x00 || data). */
  hashLeaf(data: Uint8Array): Uint8Array;
  /** HASH(0x01 || left || right). Lengths are not checked here (hot path); callers validate at their boundary. */
  hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array;
  /** MTH of the empty tree: HASH() (RFC 9162 §2.1.1). A fresh copy each call. */
  emptyRoot(): Uint8Array;
}

// Above this size the data is streamed into the hash instead of being copied
// behind a one-byte prefix (large documents may be leaves).
const STREAM_THRESHOLD = 16 * 1024;

const availability = new Map<HashAlgorithm, boolean>();

/** Whether node:crypto (i.e. the linked OpenSSL) offers this algorithm. */
export function isHashAlgorithmAvailable(algorithm: HashAlgorithm): boolean {
  const known = availability.get(algorithm);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    createHash(algorithm).update('').digest();
    ok = true;
  } catch {
    ok = false;
  }
  availability.set(algorithm, ok);
  return ok;
}

function makeHasher(algorithm: HashAlgorithm): TreeHasher {
  const digest = (data: Uint8Array): Uint8Array => oneShotHash(algorithm, data, 'buffer');
  const empty = digest(new Uint8Array(0));
  const size = empty.byteLength;
  return Object.freeze({
    algorithm,
    size,
    digest,
    hashLeaf(data: Uint8Array): Uint8Array {
      if (data.byteLength > STREAM_THRESHOLD) {
        return createHash(algorithm).update(Buffer.of(LEAF_PREFIX)).update(data).digest();
      }
      const buf = Buffer.allocUnsafe(1 + data.byteLength);
      buf[0] = LEAF_PREFIX;
      buf.set(data, 1);
      return oneShotHash(algorithm, buf, 'buffer');
    },
    hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
      const buf = Buffer.allocUnsafe(1 + left.byteLength + right.byteLength);
      buf[0] = NODE_PREFIX;
      buf.set(left, 1);
      buf.set(right, 1 + left.byteLength);
      return oneShotHash(algorithm, buf, 'buffer');
    },
    emptyRoot(): Uint8Array {
      return new Uint8Array(empty);
    },
  });
}

const hashers = new Map<HashAlgorithm, TreeHasher>();

/**
 * The tree hasher for an algorithm (default SHA-256, as in RFC 6962).
 * Throws `integrity.hash_unsupported` for an unknown name and
 * `integrity.hash_unavailable` when OpenSSL lacks the algorithm (SM3 on some
 * builds).
 */
export function treeHasher(algorithm: HashAlgorithm = 'sha256'): TreeHasher {
  const cached = hashers.get(algorithm);
  if (cached) return cached;
  if (!(HASH_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new IntegrityError(
      'integrity.hash_unsupported',
      `unknown hash algorithm ${JSON.stringify(algorithm)}; expected one of ${HASH_ALGORITHMS.join(', ')}`,
    );
  }
  if (!isHashAlgorithmAvailable(algorithm)) {
    throw new IntegrityError(
      'integrity.hash_unavailable',
      `hash algorithm ${algorithm} is not offered by this Node.js/OpenSSL build ` +
        `(crypto.createHash('${algorithm}') fails); run on a Node.js linked against an OpenSSL with ${algorithm.toUpperCase()} enabled, or use sha256`,
    );
  }
  const h = makeHasher(algorithm);
  hashers.set(algorithm, h);
  return h;
}

/** The default RFC 6962 hasher (SHA-256). */
export const sha256Hasher: TreeHasher = treeHasher('sha256');

/** RFC 6962 §2.1 leaf hash HASH(0x00 || data). */
export function leafHash(data: Uint8Array, hasher: TreeHasher = sha256Hasher): Uint8Array {
  return hasher.hashLeaf(data);
}

/** RFC 6962 §2.1 interior node hash HASH(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array, hasher: TreeHasher = sha256Hasher): Uint8Array {
  return hasher.hashChildren(left, right);
}

/** Root of the empty tree, HASH() (RFC 9162 §2.1.1). */
export function emptyRoot(hasher: TreeHasher = sha256Hasher): Uint8Array {
  return hasher.emptyRoot();
}
