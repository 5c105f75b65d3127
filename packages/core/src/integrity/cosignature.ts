/**
 * Witness cosignatures (C2SP tlog-cosignature, Ed25519 `cosignature/v1`): an
 * external witness states that, as of a time, the checkpoint is the largest
 * consistent tree head it has seen for our log. Clients that require a quorum
 * of witnesses cannot be shown a forked or rolled-back log (REC-16 · SX25-R
 * 22; NAT-18 · 法发〔2016〕22号 Art 5).
 *
 *   key id     SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4]
 *   vkey       <name>+<8 hex key id>+<base64(0x04 || public key)>
 *   line       — <name> base64(key id || u64 big-endian timestamp || Ed25519 signature)
 *   message    "cosignature/v1\n" "time <timestamp>\n" <checkpoint body, final newline included>
 */
import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { concatBytes, toBase64, tryFromBase64, utf8 } from './bytes.js';
import { IntegrityError } from './errors.js';
import { isValidKeyName, keyIdHex, parseNote, SIGNATURE_LINE_PREFIX, type NoteSignature } from './note.js';

/** Signature type byte of Ed25519 cosignature/v1 (C2SP signed-note registry). */
export const COSIGNATURE_V1_TYPE = 0x04;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNER_KEY_PREFIX = 'PRIVATE+KEY+';
/** timestamp (8) + Ed25519 signature (64). */
const TIMESTAMPED_SIGNATURE_BYTES = 72;

/** A witness's public key. */
export interface Cosigner {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  /** `<name>+<hex id>+<base64(0x04 || public key)>` */
  readonly verifierKey: string;
}

/** A verified cosignature. */
export interface Cosignature {
  readonly name: string;
  readonly keyId: number;
  /** POSIX seconds at which the witness signed. */
  readonly timestamp: number;
  /** The signature line, newline included, as it is appended to the checkpoint. */
  readonly line: string;
}

export function cosignerKeyId(name: string, publicKey: Uint8Array): number {
  return createHash('sha256').update(utf8(name)).update(Uint8Array.of(0x0a, COSIGNATURE_V1_TYPE)).update(publicKey).digest().readUInt32BE(0);
}

function malformedKey(message: string): IntegrityError {
  return new IntegrityError('integrity.key_malformed', message);
}

function splitKey(text: string): [string, string, string] | undefined {
  const a = text.indexOf('+');
  const b = a < 0 ? -1 : text.indexOf('+', a + 1);
  return b < 0 ? undefined : [text.slice(0, a), text.slice(a + 1, b), text.slice(b + 1)];
}

function keyMaterial(name: string, idHex: string, b64: string, kind: string): Uint8Array {
  if (!isValidKeyName(name)) throw malformedKey(`invalid ${kind} key name ${JSON.stringify(name)}`);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw malformedKey(`${kind} key id must be 8 lowercase hex digits`);
  const raw = tryFromBase64(b64);
  if (raw === undefined || raw.byteLength !== 33 || raw[0] !== COSIGNATURE_V1_TYPE) {
    throw malformedKey(`${kind} key must be base64 of 0x04 (Ed25519 cosignature/v1) and 32 bytes`);
  }
  return raw.subarray(1);
}

/** Parses a witness verifier key `<name>+<hex id>+<base64(0x04 || public key)>`, checking the key id. */
export function parseCosignerKey(verifierKey: string): Cosigner {
  const parts = splitKey(verifierKey.trim());
  if (!parts) throw malformedKey('witness key must be <name>+<key id>+<key>');
  const [name, idHex, b64] = parts;
  const publicKey = new Uint8Array(keyMaterial(name, idHex, b64, 'witness'));
  try {
    createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
  } catch {
    throw malformedKey('witness key is not a usable Ed25519 key');
  }
  const keyId = cosignerKeyId(name, publicKey);
  if (keyIdHex(keyId) !== idHex) throw malformedKey(`witness key id ${idHex} does not match the key (expected ${keyIdHex(keyId)})`);
  return { name, keyId, publicKey, verifierKey: `${name}+${idHex}+${b64}` };
}

/** The bytes a witness signs: header line, time line, then the checkpoint body. */
export function cosignatureMessage(checkpointText: string, timestamp: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

/**
 * Verifies the signature lines `lines` ("— name base64\n", one or more) over
 * `checkpointText` against the configured witnesses. Lines from keys not
 * configured are returned in `unknown`; a configured key whose signature fails
 * throws `integrity.note_bad_signature`; malformed lines throw
 * `integrity.note_malformed`.
 */
export function openCosignatures(checkpointText: string, lines: string, cosigners: readonly Cosigner[]): { verified: Cosignature[]; unknown: NoteSignature[] } {
  const block = lines.endsWith('\n') ? lines : `${lines}\n`;
  const { signatures } = parseNote(`${checkpointText}\n${block}`);
  const verified: Cosignature[] = [];
  const unknown: NoteSignature[] = [];
  for (const sig of signatures) {
    const c = cosigners.find((w) => w.name === sig.name && w.keyId === sig.keyId);
    if (!c) {
      unknown.push(sig);
      continue;
    }
    verified.push(verifyOne(checkpointText, sig, c));
  }
  return { verified, unknown };
}

function verifyOne(checkpointText: string, sig: NoteSignature, c: Cosigner): Cosignature {
  const bad = (why: string) => new IntegrityError('integrity.note_bad_signature', `cosignature of ${c.name}+${keyIdHex(c.keyId)}: ${why}`);
  if (sig.signature.byteLength !== TIMESTAMPED_SIGNATURE_BYTES) throw bad('not a timestamped Ed25519 signature (72 bytes)');
  const ts = Buffer.from(sig.signature.buffer, sig.signature.byteOffset, 8).readBigUInt64BE(0);
  if (ts > BigInt(Number.MAX_SAFE_INTEGER)) throw bad('timestamp out of range');
  const timestamp = Number(ts);
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, c.publicKey]), format: 'der', type: 'spki' });
  if (!cryptoVerify(null, cosignatureMessage(checkpointText, timestamp), key, sig.signature.subarray(8))) throw bad('signature does not verify');
  return { name: c.name, keyId: c.keyId, timestamp, line: `${SIGNATURE_LINE_PREFIX}${sig.name} ${sig.base64}\n` };
}

/**
 * A witness key pair (for tests and for operators who run their own witness):
 * signer `PRIVATE+KEY+<name>+<hex id>+<base64(0x04 || seed)>`.
 */
export function generateCosignerKeyPair(name: string, seed?: Uint8Array): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw malformedKey(`invalid key name ${JSON.stringify(name)}`);
  const s = seed ?? randomBytes(32);
  if (s.byteLength !== 32) throw malformedKey('Ed25519 seed must be 32 bytes');
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, s]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(priv).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(spki.subarray(spki.byteLength - 32));
  const id = keyIdHex(cosignerKeyId(name, publicKey));
  return {
    signerKey: `${SIGNER_KEY_PREFIX}${name}+${id}+${toBase64(concatBytes(Uint8Array.of(COSIGNATURE_V1_TYPE), s))}`,
    verifierKey: `${name}+${id}+${toBase64(concatBytes(Uint8Array.of(COSIGNATURE_V1_TYPE), publicKey))}`,
  };
}

/** Cosigns a checkpoint body at `timestamp`; returns the signature line (newline included). */
export function cosignCheckpoint(checkpointText: string, signerKey: string, timestamp: number): string {
  if (!signerKey.startsWith(SIGNER_KEY_PREFIX)) throw malformedKey('signer key must start with PRIVATE+KEY+');
  const parts = splitKey(signerKey.slice(SIGNER_KEY_PREFIX.length));
  if (!parts) throw malformedKey('signer key must be PRIVATE+KEY+<name>+<key id>+<key>');
  const [name, idHex, b64] = parts;
  const seed = keyMaterial(name, idHex, b64, 'witness signer');
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  const sig = cryptoSign(null, cosignatureMessage(checkpointText, timestamp), priv);
  const keyId = Buffer.alloc(4);
  keyId.writeUInt32BE(parseInt(idHex, 16));
  return `${SIGNATURE_LINE_PREFIX}${name} ${toBase64(concatBytes(keyId, ts, sig))}\n`;
}
