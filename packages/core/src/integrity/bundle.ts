/**
 * Offline check of one log entry in an exported case bundle (DESIGN §6): the
 * entry's leaf, its inclusion proof, a signed checkpoint and the log's public
 * key are enough for a court to confirm, without our server, that the record
 * was in the append-only log when the checkpoint was signed
 * (NAT-18 · 法发〔2016〕22号 Art 5, 14; REC-16 · SX25-R 22). Used by
 * `sanxiang verify-bundle`.
 */
import { equalBytes } from './bytes.js';
import { openCheckpoint, type Checkpoint } from './checkpoint.js';
import { IntegrityError, type IntegrityErrorCode } from './errors.js';
import { treeHasher, type HashAlgorithm } from './hash.js';
import type { NoteSignature, VerifierInput } from './note.js';
import { rootFromInclusionProof } from './verify.js';

export interface LeafInBundle {
  /** The leaf's bytes (the serialized log entry). Give this, or `leafHash`, or both. */
  readonly leafData?: Uint8Array;
  /** HASH(0x00 || leafData). When both are given they must agree. */
  readonly leafHash?: Uint8Array;
  /** Position of the leaf in the log (0-based). */
  readonly index: number;
  /** Inclusion proof of the leaf in the tree of the checkpoint's size. */
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint (C2SP tlog-checkpoint in a C2SP signed note). */
  readonly checkpointNote: string | Uint8Array;
  /** The log's verifier key(s) (`<name>+<hex id>+<base64>`), trusted out of band. */
  readonly verifierKey: VerifierInput | readonly VerifierInput[];
  /** When set, the checkpoint origin must equal it. */
  readonly expectedOrigin?: string;
  /** Hash of the log; default 'sha256'. */
  readonly hashAlgorithm?: HashAlgorithm;
}

export type LeafInBundleResult =
  | {
      readonly ok: true;
      readonly checkpoint: Checkpoint;
      readonly leafHash: Uint8Array;
      /** Signatures from trusted keys that verified. */
      readonly signedBy: readonly NoteSignature[];
    }
  | {
      readonly ok: false;
      /** What failed, e.g. `integrity.note_bad_signature`, `integrity.proof_mismatch`. */
      readonly code: IntegrityErrorCode;
      readonly message: string;
    };

/** Checks one leaf against a signed checkpoint; reports the first failure instead of throwing. */
export function verifyLeafInBundle(input: LeafInBundle): LeafInBundleResult {
  try {
    const hasher = treeHasher(input.hashAlgorithm ?? 'sha256');

    let leafHash: Uint8Array;
    if (input.leafData !== undefined) {
      leafHash = hasher.hashLeaf(input.leafData);
      if (input.leafHash !== undefined && !equalBytes(leafHash, input.leafHash)) {
        throw new IntegrityError('integrity.leaf_mismatch', 'the leaf data does not hash to the given leaf hash');
      }
    } else if (input.leafHash !== undefined) {
      leafHash = input.leafHash;
    } else {
      throw new IntegrityError('integrity.invalid_argument', 'either leafData or leafHash is required');
    }

    const opened = openCheckpoint(input.checkpointNote, input.verifierKey, {
      hashSize: hasher.size,
      ...(input.expectedOrigin !== undefined ? { origin: input.expectedOrigin } : {}),
    });
    const { checkpoint } = opened;

    const root = rootFromInclusionProof(leafHash, input.index, checkpoint.size, input.proof, hasher);
    if (!equalBytes(root, checkpoint.rootHash)) {
      throw new IntegrityError(
        'integrity.proof_mismatch',
        `leaf ${input.index} with this proof does not lead to the root of the checkpoint of size ${checkpoint.size}`,
      );
    }
    return { ok: true, checkpoint, leafHash, signedBy: opened.note.verified };
  } catch (e) {
    if (e instanceof IntegrityError) return { ok: false, code: e.code, message: e.detail };
    throw e;
  }
}
