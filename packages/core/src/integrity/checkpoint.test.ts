import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fromHex, toBase64, toHex } from './bytes.js';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint, type Checkpoint } from './checkpoint.js';
import { IntegrityError } from './errors.js';
import { sha256Hasher } from './hash.js';
import { generateNoteKeyPair, signNote } from './note.js';

const root = fromHex('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
const cp: Checkpoint = { origin: 'sanxiang.example.gov.cn/log', size: 8, rootHash: root, extensions: [] };
const key = generateNoteKeyPair('sanxiang.example.gov.cn/log', new Uint8Array(32).fill(7));
const other = generateNoteKeyPair('sanxiang.example.gov.cn/log', new Uint8Array(32).fill(8));

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof IntegrityError) return e.code;
    throw e;
  }
  return undefined;
}

describe('C2SP tlog-checkpoint', () => {
  it('formats origin, decimal size and base64 root, one per line', () => {
    expect(formatCheckpoint(cp)).toBe(`sanxiang.example.gov.cn/log\n8\n${toBase64(root)}\n`);
    expect(formatCheckpoint({ ...cp, extensions: ['ext one', 'ext two'] })).toBe(
      `sanxiang.example.gov.cn/log\n8\n${toBase64(root)}\next one\next two\n`,
    );
  });

  it('REC-16 · SX25-R 22: round trip format → parse, including the empty tree and extension lines', () => {
    for (const c of [
      cp,
      { ...cp, extensions: ['— extension with spaces', '省级日志'] },
      { ...cp, size: 0, rootHash: sha256Hasher.emptyRoot() },
      { ...cp, size: Number.MAX_SAFE_INTEGER },
    ]) {
      const parsed = parseCheckpoint(formatCheckpoint(c));
      expect(parsed.origin).toBe(c.origin);
      expect(parsed.size).toBe(c.size);
      expect(toHex(parsed.rootHash)).toBe(toHex(c.rootHash));
      expect(parsed.extensions).toEqual(c.extensions);
    }
  });

  it('parses the example of the specification', () => {
    const parsed = parseCheckpoint('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(parsed.origin).toBe('example.com/behind-the-sofa');
    expect(parsed.size).toBe(20852163);
    expect(parsed.rootHash).toHaveLength(32);
  });

  it('rejects malformed bodies strictly', () => {
    const r = toBase64(root);
    const bad = [
      `o\n8\n${r}`, // no final newline
      `o\n8\n`, // missing root
      `\n8\n${r}\n`, // empty origin
      `o\n08\n${r}\n`, // leading zero
      `o\n-1\n${r}\n`,
      `o\n+8\n${r}\n`,
      `o\n8.0\n${r}\n`,
      `o\n 8\n${r}\n`,
      `o\n9007199254740992\n${r}\n`, // 2^53, not a safe integer
      `o\n8\n${r.slice(0, -1)}\n`, // missing padding
      `o\n8\n${r.replace(/=$/, 'A')}\n`,
      `o\n8\n${toBase64(root.subarray(0, 31))}\n`, // 31 bytes
      `o\n8\n${toBase64(root)}\n\n`, // empty extension line
      `o\n8\n${toBase64(root)}\next\n\n`,
      `o\r\n8\n${r}\n`,
      `o\n8\n${Buffer.from(root).toString('base64url')}\n`,
      `o\n8\n${r} \n`,
    ];
    for (const text of bad) expect(code(() => parseCheckpoint(text)), JSON.stringify(text)).toBe('integrity.checkpoint_malformed');
    // Non-canonical trailing bits: 32 bytes leave 2 unused bits in the last base64 digit; setting one
    // decodes to the same bytes in lenient decoders, so it must be refused.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = alphabet.indexOf(r.charAt(42));
    expect(last % 4).toBe(0);
    const loose = `${r.slice(0, 42)}${alphabet.charAt(last + 1)}=`;
    expect(Buffer.from(loose, 'base64').equals(Buffer.from(root))).toBe(true);
    expect(code(() => parseCheckpoint(`o\n1\n${loose}\n`))).toBe('integrity.checkpoint_malformed');
    for (const c of [
      { ...cp, origin: '' },
      { ...cp, origin: 'a\nb' },
      { ...cp, size: -1 },
      { ...cp, size: 1.5 },
      { ...cp, rootHash: new Uint8Array(31) },
      { ...cp, extensions: [''] },
    ]) {
      expect(code(() => formatCheckpoint(c))).toBe('integrity.checkpoint_malformed');
    }
  });

  it('NAT-18 · 法发〔2016〕22号 Art 5: a signed checkpoint opens with the log key and fails with another key or a changed byte', () => {
    const note = signCheckpoint(cp, key.signerKey);
    const opened = openCheckpoint(note, key.verifierKey, { origin: cp.origin });
    expect(opened.checkpoint.size).toBe(8);
    expect(toHex(opened.checkpoint.rootHash)).toBe(toHex(root));
    expect(opened.note.verified[0]?.name).toBe(cp.origin);
    expect(code(() => openCheckpoint(note, other.verifierKey))).toBe('integrity.note_unverified');
    expect(code(() => openCheckpoint(note.replace('\n8\n', '\n9\n'), key.verifierKey))).toBe('integrity.note_bad_signature');
    expect(code(() => openCheckpoint(note, key.verifierKey, { origin: 'elsewhere.example/log' }))).toBe('integrity.origin_mismatch');
    // A validly signed text that is not a checkpoint.
    expect(code(() => openCheckpoint(signNote('not a checkpoint\n', key.signerKey), key.verifierKey))).toBe('integrity.checkpoint_malformed');
  });
});
