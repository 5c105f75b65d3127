/**
 * Errors of the integrity module (完整性校验). They carry a stable code so that
 * the server can map them onto `AppError` codes / HTTP statuses and the
 * offline `verify-bundle` CLI can print what exactly did not match
 * (NAT-18 · 法发〔2016〕22号 Art 5: the integrity check must be explainable).
 *
 * Kept separate from `../errors.ts` on purpose: these are verification
 * outcomes of a pure library, not user-facing application errors; the
 * use-case layer decides which of them become which `AppError`.
 */
export type IntegrityErrorCode =
  /** A numeric argument is not a safe non-negative integer or out of its range. */
  | 'integrity.invalid_argument'
  /** The hash algorithm name is not one this module knows. */
  | 'integrity.hash_unsupported'
  /** The algorithm is known but the linked OpenSSL does not offer it (e.g. SM3). */
  | 'integrity.hash_unavailable'
  /** A node accessor did not return a node the proof needs. */
  | 'integrity.node_missing'
  /** A stored node hash or leaf hash has the wrong length. */
  | 'integrity.node_malformed'
  /** A proof has the wrong number of elements or elements of the wrong length. */
  | 'integrity.proof_malformed'
  /** A well-formed proof leads to a different root than the expected one. */
  | 'integrity.proof_mismatch'
  /** The leaf data and the leaf hash given together do not match. */
  | 'integrity.leaf_mismatch'
  /** A leaf index is not below the tree size of the checkpoint. */
  | 'integrity.index_out_of_range'
  /** The checkpoint body violates C2SP tlog-checkpoint. */
  | 'integrity.checkpoint_malformed'
  /** The checkpoint origin is not the expected log. */
  | 'integrity.origin_mismatch'
  /** The note violates C2SP signed-note syntax. */
  | 'integrity.note_malformed'
  /** No signature from a known key is on the note. */
  | 'integrity.note_unverified'
  /** A signature from a known key does not verify. */
  | 'integrity.note_bad_signature'
  /** A signer or verifier key string is malformed. */
  | 'integrity.key_malformed'
  /** Two different known keys share the same name and key id. */
  | 'integrity.key_ambiguous';

export class IntegrityError extends Error {
  readonly code: IntegrityErrorCode;
  /** The explanation without the code prefix (for reports that print the code separately). */
  readonly detail: string;

  constructor(code: IntegrityErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'IntegrityError';
    this.code = code;
    this.detail = detail;
  }
}

export function isIntegrityError(e: unknown): e is IntegrityError {
  return e instanceof IntegrityError;
}
