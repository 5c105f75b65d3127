/**
 * Small byte helpers shared by the integrity module: strict hex / base64
 * codecs and comparisons. Strictness matters because a checkpoint or a key
 * that can be spelled in two ways would let two different byte strings be
 * signed for "the same" text (C2SP signed-note: standard base64, RFC 4648 §4).
 */
import { Buffer } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Lowercase hexadecimal. */
export function toHex(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('hex');
}

/** Decodes hexadecimal (either case); returns undefined unless the whole string is hex of even length. */
export function tryFromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** Like {@link tryFromHex} but throws a plain Error on bad input (for tests and fixtures). */
export function fromHex(text: string): Uint8Array {
  const bytes = tryFromHex(text);
  if (bytes === undefined) throw new Error(`not a hexadecimal string: ${JSON.stringify(text.slice(0, 80))}`);
  return bytes;
}

/** Standard base64 with padding (RFC 4648 §4). */
export function toBase64(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('base64');
}

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes canonical standard base64 only: padding required, no whitespace,
 * no URL alphabet, no non-zero trailing bits. Node's own decoder is lenient
 * about all of these, so the result is re-encoded and compared.
 */
export function tryFromBase64(text: string): Uint8Array | undefined {
  if (!BASE64_RE.test(text)) return undefined;
  const buf = Buffer.from(text, 'base64');
  if (buf.toString('base64') !== text) return undefined;
  return new Uint8Array(buf);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  // Constant time is not needed for public hashes, but costs nothing.
  return timingSafeEqual(a, b);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
