/**
 * Signed notes (C2SP signed-note) with Ed25519, interoperable with
 * golang.org/x/mod/sumdb/note — the format transparency logs use for their
 * checkpoints, so that a court or a third party can check our signed tree
 * heads with standard tools (NAT-18 · 法发〔2016〕22号 Art 5).
 *
 * A signed note is: text ending in "\n", one blank line, then one or more
 * lines "— <key name> <base64(4-byte key id || signature)>\n" (em dash U+2014,
 * space). The signature covers the text bytes, final newline included.
 *
 * Key strings (as in x/mod/sumdb/note):
 *   verifier  <name>+<8 hex key id>+<base64(0x01 || 32-byte public key)>
 *   signer    PRIVATE+KEY+<name>+<8 hex key id>+<base64(0x01 || 32-byte seed)>
 *   key id    first 4 bytes (big-endian uint32) of SHA-256(name || 0x0A || 0x01 || public key)
 */
import { Buffer } from 'node:buffer';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { concatBytes, equalBytes, toBase64, tryFromBase64, utf8 } from './bytes.js';
import { IntegrityError } from './errors.js';

/** Signature type byte of Ed25519 in C2SP signed-note. */
export const ED25519_SIGNATURE_TYPE = 0x01;
/** C2SP signed-note asks verifiers to cap signatures (and accept ≥ 16); x/mod uses 100. */
export const MAX_NOTE_SIGNATURES = 100;
/** Em dash (U+2014) followed by a space: the start of every signature line. */
export const SIGNATURE_LINE_PREFIX = '\u2014 ';

const ED25519_KEY_BYTES = 32;
const ED25519_SIGNATURE_BYTES = 64;
// Fixed DER wrappers (RFC 8410) that turn a raw Ed25519 seed / public key
// into PKCS#8 / SPKI, the forms node:crypto imports.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNER_KEY_PREFIX = 'PRIVATE+KEY+';

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  /** Key id as an unsigned 32-bit integer. */
  readonly keyId: number;
  /** The signature bytes after the 4-byte key id. */
  readonly signature: Uint8Array;
  /** base64(key id || signature), exactly as on the line. */
  readonly base64: string;
}

/** A note split into text and signature lines, not yet verified. */
export interface ParsedNote {
  /** The signed text, final newline included. Must be ignored until verified (C2SP signed-note). */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A note with at least one signature from a known key verified. */
export interface OpenedNote {
  readonly text: string;
  /** Valid signatures from known keys (one per key). */
  readonly verified: readonly NoteSignature[];
  /** Signatures from unknown keys, ignored as C2SP signed-note requires. */
  readonly unverified: readonly NoteSignature[];
}

/** A public key that verifies notes. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  /** The verifier key string `<name>+<hex id>+<base64>`. */
  readonly verifierKey: string;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/** A private key that signs notes. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  /** The matching verifier key string. */
  readonly verifierKey: string;
  sign(message: Uint8Array): Uint8Array;
}

export interface NoteKeyPair {
  /** `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>` — keep secret. */
  readonly signerKey: string;
  /** `<name>+<hex id>+<base64(0x01 || public key)>` — publish, put in bundles. */
  readonly verifierKey: string;
}

export type VerifierInput = string | NoteVerifier;
export type SignerInput = string | NoteSigner;

// Go's unicode.IsSpace plus JavaScript's \s (which adds U+FEFF): any of them
// would make a signature line ambiguous.
const UNICODE_SPACE_RE = /[\s\u0085]/u;
// C2SP signed-note: no ASCII control characters other than newline.
const CONTROL_RE = /[\u0000-\u0009\u000B-\u001F]/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const KEY_ID_RE = /^[0-9a-f]{8}$/;

function malformedKey(message: string): IntegrityError {
  return new IntegrityError('integrity.key_malformed', message);
}

function malformedNote(message: string): IntegrityError {
  return new IntegrityError('integrity.note_malformed', message);
}

/** C2SP signed-note: key names are non-empty, without Unicode spaces or '+'. */
export function isValidKeyName(name: string): boolean {
  return (
    name.length > 0 &&
    !name.includes('+') &&
    !UNICODE_SPACE_RE.test(name) &&
    !CONTROL_RE.test(name) &&
    !LONE_SURROGATE_RE.test(name)
  );
}

/** Key id = SHA-256(name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4], big-endian (C2SP signed-note, Ed25519). */
export function noteKeyId(name: string, publicKey: Uint8Array): number {
  const digest = createHash('sha256')
    .update(utf8(name))
    .update(Uint8Array.of(0x0a, ED25519_SIGNATURE_TYPE))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

/** Key id as the 8 lowercase hex digits used in key strings. */
export function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

function keyIdBytes(keyId: number): Uint8Array {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(keyId, 0);
  return b;
}

function importPublicKey(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

function makeVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const key = importPublicKey(publicKey);
  const keyId = noteKeyId(name, publicKey);
  return Object.freeze({
    name,
    keyId,
    publicKey: new Uint8Array(publicKey),
    verifierKey: `${name}+${keyIdHex(keyId)}+${toBase64(concatBytes(Uint8Array.of(ED25519_SIGNATURE_TYPE), publicKey))}`,
    verify(message: Uint8Array, signature: Uint8Array): boolean {
      if (signature.byteLength !== ED25519_SIGNATURE_BYTES) return false;
      try {
        return cryptoVerify(null, message, key, signature);
      } catch {
        return false;
      }
    },
  });
}

function makeSigner(name: string, seed: Uint8Array): NoteSigner {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(spki.subarray(spki.byteLength - ED25519_KEY_BYTES));
  const verifier = makeVerifier(name, publicKey);
  return Object.freeze({
    name,
    keyId: verifier.keyId,
    publicKey,
    verifierKey: verifier.verifierKey,
    sign(message: Uint8Array): Uint8Array {
      return new Uint8Array(cryptoSign(null, message, privateKey));
    },
  });
}

/** The verifier key string for a raw 32-byte Ed25519 public key. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw malformedKey(`invalid key name ${JSON.stringify(name)}`);
  if (publicKey.byteLength !== ED25519_KEY_BYTES) throw malformedKey(`Ed25519 public key must be ${ED25519_KEY_BYTES} bytes`);
  return makeVerifier(name, publicKey).verifierKey;
}

/** Parses `<name>+<hex id>+<base64(0x01 || public key)>`, checking the key id. */
export function parseVerifierKey(verifierKey: string): NoteVerifier {
  const parts = splitKeyString(verifierKey);
  if (parts === undefined) throw malformedKey('verifier key must be <name>+<key id>+<key>');
  const [name, idHex, keyB64] = parts;
  return buildKey(name, idHex, keyB64, 'verifier', (raw) => makeVerifier(name, raw));
}

/** Parses `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>`, checking the key id against the derived public key. */
export function parseSignerKey(signerKey: string): NoteSigner {
  if (!signerKey.startsWith(SIGNER_KEY_PREFIX)) throw malformedKey('signer key must start with PRIVATE+KEY+');
  const parts = splitKeyString(signerKey.slice(SIGNER_KEY_PREFIX.length));
  if (parts === undefined) throw malformedKey('signer key must be PRIVATE+KEY+<name>+<key id>+<key>');
  const [name, idHex, keyB64] = parts;
  return buildKey(name, idHex, keyB64, 'signer', (raw) => makeSigner(name, raw));
}

/**
 * Splits `<name>+<id>+<key>` at the first two '+' only: names cannot contain
 * '+', but the base64 key can.
 */
function splitKeyString(text: string): [string, string, string] | undefined {
  const a = text.indexOf('+');
  const b = a < 0 ? -1 : text.indexOf('+', a + 1);
  if (b < 0) return undefined;
  return [text.slice(0, a), text.slice(a + 1, b), text.slice(b + 1)];
}

function buildKey<K extends { keyId: number }>(
  name: string,
  idHex: string,
  keyB64: string,
  kind: string,
  make: (raw: Uint8Array) => K,
): K {
  if (!isValidKeyName(name)) throw malformedKey(`invalid key name ${JSON.stringify(name)}`);
  if (!KEY_ID_RE.test(idHex)) throw malformedKey(`${kind} key id must be 8 lowercase hex digits`);
  const data = tryFromBase64(keyB64);
  if (data === undefined) throw malformedKey(`${kind} key data is not canonical base64`);
  if (data.byteLength !== 1 + ED25519_KEY_BYTES || data[0] !== ED25519_SIGNATURE_TYPE) {
    throw malformedKey(`${kind} key must be 0x01 (Ed25519) followed by ${ED25519_KEY_BYTES} bytes`);
  }
  let key: K;
  try {
    key = make(data.subarray(1));
  } catch {
    throw malformedKey(`${kind} key is not a usable Ed25519 key`);
  }
  if (keyIdHex(key.keyId) !== idHex) throw malformedKey(`${kind} key id ${idHex} does not match the key (expected ${keyIdHex(key.keyId)})`);
  return key;
}

/**
 * Generates an Ed25519 key pair for notes. `seed` (32 bytes) makes it
 * deterministic; without it the seed comes from node:crypto randomBytes.
 */
export function generateNoteKeyPair(name: string, seed?: Uint8Array): NoteKeyPair {
  if (!isValidKeyName(name)) throw malformedKey(`invalid key name ${JSON.stringify(name)}`);
  const s = seed ?? randomBytes(ED25519_KEY_BYTES);
  if (s.byteLength !== ED25519_KEY_BYTES) throw malformedKey(`Ed25519 seed must be ${ED25519_KEY_BYTES} bytes`);
  const signer = makeSigner(name, s);
  const signerKey = `${SIGNER_KEY_PREFIX}${name}+${keyIdHex(signer.keyId)}+${toBase64(concatBytes(Uint8Array.of(ED25519_SIGNATURE_TYPE), s))}`;
  return { signerKey, verifierKey: signer.verifierKey };
}

/** Problem with a note text, or undefined when it can be signed. */
function textProblem(text: string): string | undefined {
  if (text.length === 0 || !text.endsWith('\n')) return 'note text must be non-empty and end with a newline';
  if (CONTROL_RE.test(text)) return 'note text contains an ASCII control character other than newline';
  if (LONE_SURROGATE_RE.test(text)) return 'note text is not valid Unicode (lone surrogate)';
  return undefined;
}

function toSigners(signers: SignerInput | readonly SignerInput[]): NoteSigner[] {
  const list: readonly SignerInput[] = typeof signers === 'string' || !Array.isArray(signers) ? [signers as SignerInput] : signers;
  const out: NoteSigner[] = [];
  for (const s of list) {
    const signer = typeof s === 'string' ? parseSignerKey(s) : s;
    if (!out.some((o) => o.name === signer.name && o.keyId === signer.keyId)) out.push(signer);
  }
  if (out.length === 0) throw new IntegrityError('integrity.invalid_argument', 'at least one signer is required');
  return out;
}

function toVerifiers(verifiers: VerifierInput | readonly VerifierInput[]): NoteVerifier[] {
  const list: readonly VerifierInput[] =
    typeof verifiers === 'string' || !Array.isArray(verifiers) ? [verifiers as VerifierInput] : verifiers;
  return list.map((v) => (typeof v === 'string' ? parseVerifierKey(v) : v));
}

function signatureLine(signer: NoteSigner, textBytes: Uint8Array): string {
  const sig = signer.sign(textBytes);
  return `${SIGNATURE_LINE_PREFIX}${signer.name} ${toBase64(concatBytes(keyIdBytes(signer.keyId), sig))}\n`;
}

/** Signs `text` (ending in "\n") with one or more keys; returns the signed note. */
export function signNote(text: string, signers: SignerInput | readonly SignerInput[]): string {
  const problem = textProblem(text);
  if (problem) throw malformedNote(problem);
  const list = toSigners(signers);
  const textBytes = utf8(text);
  return `${text}\n${list.map((s) => signatureLine(s, textBytes)).join('')}`;
}

/**
 * Adds signatures to an already signed note (e.g. a witness cosignature),
 * keeping the existing lines; an existing signature by the same key
 * (name and key id) is replaced. Existing signatures are not verified here.
 */
export function cosignNote(signedNote: string | Uint8Array, signers: SignerInput | readonly SignerInput[]): string {
  const parsed = parseNote(signedNote);
  const list = toSigners(signers);
  const textBytes = utf8(parsed.text);
  const kept = parsed.signatures.filter((s) => !list.some((n) => n.name === s.name && n.keyId === s.keyId));
  const lines = kept.map((s) => `${SIGNATURE_LINE_PREFIX}${s.name} ${s.base64}\n`);
  for (const s of list) lines.push(signatureLine(s, textBytes));
  return `${parsed.text}\n${lines.join('')}`;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Splits a signed note into text and signatures, enforcing C2SP signed-note
 * syntax; throws `integrity.note_malformed`. Verifies nothing: use
 * {@link openNote} before trusting the text.
 */
export function parseNote(message: string | Uint8Array): ParsedNote {
  let msg: string;
  if (typeof message === 'string') {
    msg = message;
    if (LONE_SURROGATE_RE.test(msg)) throw malformedNote('note is not valid Unicode (lone surrogate)');
  } else {
    try {
      msg = decoder.decode(message);
    } catch {
      throw malformedNote('note is not valid UTF-8');
    }
  }
  if (CONTROL_RE.test(msg)) throw malformedNote('note contains an ASCII control character other than newline');
  // The text is separated from the signatures by the last empty line.
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) throw malformedNote('note has no blank line before its signatures');
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) throw malformedNote('note must end with at least one signature line and a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw malformedNote(`note has more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(SIGNATURE_LINE_PREFIX)) throw malformedNote('signature line must start with an em dash and a space');
    const fields = line.slice(SIGNATURE_LINE_PREFIX.length).split(' ');
    if (fields.length !== 2) throw malformedNote('signature line must be "— <key name> <base64 signature>"');
    const [name, b64] = fields as [string, string];
    if (!isValidKeyName(name)) throw malformedNote(`invalid key name ${JSON.stringify(name)} in signature line`);
    const raw = tryFromBase64(b64);
    if (raw === undefined || raw.byteLength < 5) throw malformedNote(`signature of ${name} is not base64 of a key id and a signature`);
    return {
      name,
      keyId: Buffer.from(raw.buffer, raw.byteOffset, 4).readUInt32BE(0),
      signature: raw.subarray(4),
      base64: b64,
    };
  });
  return { text, signatures };
}

/**
 * Verifies a signed note against trusted verifier keys (C2SP signed-note
 * §Signatures): signatures from unknown keys are ignored; a signature from a
 * known key that fails rejects the note (`integrity.note_bad_signature`); a
 * note without any valid signature from a known key is rejected
 * (`integrity.note_unverified`); malformed notes give
 * `integrity.note_malformed`.
 */
export function openNote(message: string | Uint8Array, verifiers: VerifierInput | readonly VerifierInput[]): OpenedNote {
  const parsed = parseNote(message);
  const known = toVerifiers(verifiers);
  const textBytes = utf8(parsed.text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const sig of parsed.signatures) {
    const matches = known.filter((v) => v.name === sig.name && v.keyId === sig.keyId);
    const first = matches[0];
    if (first === undefined) {
      // Unknown key: ignored, even if it shares a name or an id with a known key.
      if (!unverified.some((u) => u.name === sig.name && u.keyId === sig.keyId && u.base64 === sig.base64)) unverified.push(sig);
      continue;
    }
    if (matches.some((m) => !equalBytes(m.publicKey, first.publicKey))) {
      throw new IntegrityError('integrity.key_ambiguous', `two different known keys are named ${sig.name}+${keyIdHex(sig.keyId)}`);
    }
    if (!first.verify(textBytes, sig.signature)) {
      throw new IntegrityError('integrity.note_bad_signature', `invalid signature for key ${sig.name}+${keyIdHex(sig.keyId)}`);
    }
    if (!verified.some((v) => v.name === sig.name && v.keyId === sig.keyId)) verified.push(sig);
  }
  if (verified.length === 0) {
    const names = parsed.signatures.map((s) => `${s.name}+${keyIdHex(s.keyId)}`).join(', ');
    throw new IntegrityError('integrity.note_unverified', `note has no signature from a known key (signed by: ${names})`);
  }
  return { text: parsed.text, verified, unverified };
}
