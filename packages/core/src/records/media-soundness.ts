/**
 * Media served only when sound (REC-16 · SX25-R 22: originals are never
 * altered; NAT-18 · 法发〔2016〕22号 Art 5: the integrity check value travels
 * with the file). A full response is hashed while it streams and cut off on a
 * mismatch; a byte range cannot be checked by itself, so ranges are served
 * only behind a recent whole-file verification of the same sealed hash.
 */

/** The last whole-file check of one media file. */
export interface VerificationMark {
  /** The sealed SHA-256 the file was checked against. */
  readonly sha256: string;
  readonly ok: boolean;
  /** When it was checked (ms since the epoch). */
  readonly verifiedAt: number;
}

/** serve: a fresh good mark; refuse: a fresh bad mark; verify: no usable mark, hash the whole file first. */
export type RangeDecision = 'serve' | 'verify' | 'refuse';

export function rangeDecision(mark: VerificationMark | undefined, sealedSha256: string, now: number, ttlMs: number): RangeDecision {
  if (!mark || mark.sha256 !== sealedSha256) return 'verify';
  if (now - mark.verifiedAt > ttlMs || mark.verifiedAt > now) return 'verify';
  return mark.ok ? 'serve' : 'refuse';
}
