/**
 * Checkpoints (C2SP tlog-checkpoint): the signed tree head of the integrity
 * log, a signed note whose text is
 *
 *   <origin>\n<decimal tree size>\n<base64 root hash>\n[<extension line>\n]*
 *
 * Signed checkpoints are kept (DESIGN §6) so anyone holding one can check
 * that a record is in the log and that the log only grew (REC-16 · SX25-R 22;
 * NAT-18 · 法发〔2016〕22号 Art 5).
 */
import { toBase64, tryFromBase64 } from './bytes.js';
import { IntegrityError } from './errors.js';
import { openNote, signNote, type OpenedNote, type SignerInput, type VerifierInput } from './note.js';

export interface Checkpoint {
  /** Unique identity of the log, e.g. `sanxiang.example.gov.cn/log`; SHOULD equal the log's key name. */
  readonly origin: string;
  /** Number of leaves. */
  readonly size: number;
  /** MTH of the tree at `size` (RFC 6962 §2.1). */
  readonly rootHash: Uint8Array;
  /** Opaque optional lines (NOT RECOMMENDED by the spec); each non-empty. */
  readonly extensions: readonly string[];
}

export interface CheckpointOptions {
  /** Expected root hash length in bytes; 32 (SHA-256 or SM3). */
  readonly hashSize?: number;
}

const DECIMAL_RE = /^(?:0|[1-9][0-9]*)$/;
const CONTROL_RE = /[\u0000-\u001F]/;

function malformed(message: string): IntegrityError {
  return new IntegrityError('integrity.checkpoint_malformed', message);
}

function lineProblem(line: string, what: string): string | undefined {
  if (line.length === 0) return `${what} must not be empty`;
  if (CONTROL_RE.test(line)) return `${what} must not contain control characters or newlines`;
  return undefined;
}

/** Formats a checkpoint body (the note text); validates it as strictly as {@link parseCheckpoint}. */
export function formatCheckpoint(checkpoint: Checkpoint, options: CheckpointOptions = {}): string {
  const hashSize = options.hashSize ?? 32;
  const problem =
    lineProblem(checkpoint.origin, 'origin') ??
    checkpoint.extensions.map((e, i) => lineProblem(e, `extension line ${i + 1}`)).find((p) => p !== undefined);
  if (problem) throw malformed(problem);
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0) throw malformed('tree size must be a safe non-negative integer');
  if (checkpoint.rootHash.byteLength !== hashSize) throw malformed(`root hash must be ${hashSize} bytes`);
  const lines = [checkpoint.origin, String(checkpoint.size), toBase64(checkpoint.rootHash), ...checkpoint.extensions];
  return `${lines.join('\n')}\n`;
}

/**
 * Parses a checkpoint body strictly: at least three non-empty lines, a
 * decimal size without leading zeros, a canonical base64 root of the
 * expected length, non-empty extension lines. Throws
 * `integrity.checkpoint_malformed`.
 */
export function parseCheckpoint(text: string, options: CheckpointOptions = {}): Checkpoint {
  const hashSize = options.hashSize ?? 32;
  if (!text.endsWith('\n')) throw malformed('checkpoint must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw malformed('checkpoint needs an origin, a tree size and a root hash line');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  const problem =
    lineProblem(origin, 'origin') ??
    lineProblem(sizeText, 'tree size') ??
    lineProblem(rootText, 'root hash') ??
    extensions.map((e, i) => lineProblem(e, `extension line ${i + 1}`)).find((p) => p !== undefined);
  if (problem) throw malformed(problem);
  if (!DECIMAL_RE.test(sizeText)) throw malformed(`tree size ${JSON.stringify(sizeText)} is not a decimal without leading zeros`);
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw malformed(`tree size ${sizeText} is too large`);
  const rootHash = tryFromBase64(rootText);
  if (rootHash === undefined) throw malformed('root hash is not canonical base64');
  if (rootHash.byteLength !== hashSize) throw malformed(`root hash must be ${hashSize} bytes, got ${rootHash.byteLength}`);
  return { origin, size, rootHash, extensions };
}

/** Formats and signs a checkpoint; returns the signed note. */
export function signCheckpoint(
  checkpoint: Checkpoint,
  signers: SignerInput | readonly SignerInput[],
  options: CheckpointOptions = {},
): string {
  return signNote(formatCheckpoint(checkpoint, options), signers);
}

export interface OpenCheckpointOptions extends CheckpointOptions {
  /** When set, the checkpoint origin must equal it (`integrity.origin_mismatch`). */
  readonly origin?: string;
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: OpenedNote;
}

/**
 * Verifies a signed checkpoint against trusted keys (see `openNote`), then
 * parses its text. The text is only parsed after a known key vouched for it,
 * as C2SP signed-note requires.
 */
export function openCheckpoint(
  signedNote: string | Uint8Array,
  verifiers: VerifierInput | readonly VerifierInput[],
  options: OpenCheckpointOptions = {},
): OpenedCheckpoint {
  const note = openNote(signedNote, verifiers);
  const checkpoint = parseCheckpoint(note.text, options);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw new IntegrityError(
      'integrity.origin_mismatch',
      `checkpoint origin ${JSON.stringify(checkpoint.origin)} is not the expected ${JSON.stringify(options.origin)}`,
    );
  }
  return { checkpoint, note };
}
