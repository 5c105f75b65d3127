import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toBase64 } from './bytes.js';
import { IntegrityError } from './errors.js';
import {
  cosignNote,
  formatVerifierKey,
  generateNoteKeyPair,
  isValidKeyName,
  keyIdHex,
  noteKeyId,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from './note.js';

const seedA = Uint8Array.from({ length: 32 }, (_, i) => i);
const seedB = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
const keyA = generateNoteKeyPair('sanxiang.example/log', seedA);
const keyB = generateNoteKeyPair('witness.example/w1', seedB);
const text = 'sanxiang.example/log\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof IntegrityError) return e.code;
    throw e;
  }
  return undefined;
}

// Interoperability vectors from golang.org/x/mod/sumdb/note (note_test.go, BSD licence).
const goSignerKey = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const goVerifierKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const goEnochKey = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const goText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const goPeterSig = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const goEnochSig = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

describe('C2SP signed-note keys', () => {
  it('NAT-18 · 法发〔2016〕22号 Art 5: key id = SHA-256(name || 0x0A || 0x01 || public key)[:4], derived independently', () => {
    // Public key derived here with node:crypto directly from the seed (RFC 8032), not via note.ts.
    const priv = createPrivateKey({
      key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seedA]),
      format: 'der',
      type: 'pkcs8',
    });
    const pub = createPublicKey(priv).export({ format: 'jwk' }).x as string;
    const pubBytes = Buffer.from(pub, 'base64url');
    expect(pubBytes).toHaveLength(32);
    const digest = createHash('sha256')
      .update(Buffer.concat([Buffer.from('sanxiang.example/log', 'utf8'), Buffer.from([0x0a, 0x01]), pubBytes]))
      .digest();
    const expectedId = digest.subarray(0, 4).toString('hex');
    expect(keyIdHex(noteKeyId('sanxiang.example/log', pubBytes))).toBe(expectedId);
    expect(keyA.verifierKey).toBe(`sanxiang.example/log+${expectedId}+${Buffer.concat([Buffer.of(1), pubBytes]).toString('base64')}`);
    expect(keyA.signerKey).toBe(`PRIVATE+KEY+sanxiang.example/log+${expectedId}+${Buffer.concat([Buffer.of(1), seedA]).toString('base64')}`);
    expect(formatVerifierKey('sanxiang.example/log', pubBytes)).toBe(keyA.verifierKey);
  });

  it('matches the golang.org/x/mod/sumdb/note key vectors', () => {
    const pub = Buffer.from(goVerifierKey.split('+')[2] as string, 'base64').subarray(1);
    const digest = createHash('sha256').update('PeterNeumann\n\x01').update(pub).digest();
    expect(digest.subarray(0, 4).toString('hex')).toBe('c74f20a3');
    const v = parseVerifierKey(goVerifierKey);
    expect(v).toMatchObject({ name: 'PeterNeumann', keyId: 0xc74f20a3, verifierKey: goVerifierKey });
    const s = parseSignerKey(goSignerKey);
    expect(s.verifierKey).toBe(goVerifierKey);
    expect(s.keyId).toBe(0xc74f20a3);
  });

  it('generates random key pairs without a seed', () => {
    const a = generateNoteKeyPair('x.example/a');
    const b = generateNoteKeyPair('x.example/a');
    expect(a.verifierKey).not.toBe(b.verifierKey);
    expect(parseSignerKey(a.signerKey).verifierKey).toBe(a.verifierKey);
  });

  it('rejects every mangling of a verifier or signer key string', () => {
    for (const key of [goVerifierKey, goSignerKey]) {
      const parse = key.startsWith('PRIVATE') ? parseSignerKey : parseVerifierKey;
      for (let i = 0; i < key.length; i++) {
        const bumped = key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1);
        expect(code(() => parse(bumped)), bumped).toBe('integrity.key_malformed');
      }
      for (let i = 0; i < key.length; i++) {
        for (let j = i + 1; j <= key.length; j++) {
          if (i === 0 && j === key.length) continue;
          expect(code(() => parse(key.slice(i, j))), key.slice(i, j)).toBe('integrity.key_malformed');
        }
      }
    }
    // Wrong algorithm byte / wrong key length, each with an id that matches what was hashed.
    expect(code(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'))).toBe('integrity.key_malformed');
    expect(code(() => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='))).toBe('integrity.key_malformed');
    expect(code(() => generateNoteKeyPair('bad name'))).toBe('integrity.key_malformed');
    expect(code(() => generateNoteKeyPair('a+b'))).toBe('integrity.key_malformed');
    expect(code(() => generateNoteKeyPair('ok', new Uint8Array(31)))).toBe('integrity.key_malformed');
  });

  it('key names: non-empty, no Unicode spaces, no plus', () => {
    expect(isValidKeyName('sanxiang.example/省厅')).toBe(true);
    for (const bad of ['', 'a b', 'a+b', 'a\u3000b', 'a\u00a0b', 'a\tb', 'a\u0085b', 'a\u0001b']) expect(isValidKeyName(bad), bad).toBe(false);
  });
});

describe('C2SP signed-note signing and verification', () => {
  it('NAT-18 · 法发〔2016〕22号 Art 5: signs byte-for-byte like golang.org/x/mod/sumdb/note', () => {
    expect(signNote(goText, goSignerKey)).toBe(`${goText}\n${goPeterSig}`);
    const opened = openNote(`${goText}\n${goPeterSig}${goEnochSig}`, goVerifierKey);
    expect(opened.text).toBe(goText);
    expect(opened.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
    expect(opened.unverified.map((s) => `${s.name}+${keyIdHex(s.keyId)}`)).toEqual(['EnochRoot+af0cfe78']);
    const both = openNote(`${goText}\n${goPeterSig}${goEnochSig}`, [goVerifierKey, goEnochKey]);
    expect(both.verified.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(both.unverified).toEqual([]);
  });

  it('REC-16 · SX25-R 22: round trip sign → open', () => {
    const note = signNote(text, keyA.signerKey);
    expect(note.startsWith(`${text}\n— sanxiang.example/log `)).toBe(true);
    const opened = openNote(note, keyA.verifierKey);
    expect(opened.text).toBe(text);
    expect(opened.verified).toHaveLength(1);
    expect(opened.verified[0]?.signature).toHaveLength(64);
    // Bytes in, same result (the note as read from a file).
    expect(openNote(new TextEncoder().encode(note), parseVerifierKey(keyA.verifierKey)).text).toBe(text);
  });

  it('REC-16 · SX25-R 22: a changed byte in the body fails', () => {
    const note = signNote(text, keyA.signerKey);
    for (const altered of [note.replace('\n42\n', '\n43\n'), note.replace('AAAA', 'AAAB'), note.replace('sanxiang', 'sanxianG')]) {
      expect(altered).not.toBe(note);
      expect(code(() => openNote(altered, keyA.verifierKey))).toBe('integrity.note_bad_signature');
    }
  });

  it('REC-16 · SX25-R 22: a signature made by a different key fails', () => {
    const byB = signNote(text, keyB.signerKey);
    // Unknown key only: no signature from a trusted key.
    expect(code(() => openNote(byB, keyA.verifierKey))).toBe('integrity.note_unverified');
    // B's signature relabelled with A's name and key id: a known key whose signature does not verify.
    const a = parseVerifierKey(keyA.verifierKey);
    const bSig = parseNote(byB).signatures[0]!;
    const idA = Buffer.alloc(4);
    idA.writeUInt32BE(a.keyId);
    const forged = `${text}\n— ${a.name} ${toBase64(Buffer.concat([idA, bSig.signature]))}\n`;
    expect(code(() => openNote(forged, keyA.verifierKey))).toBe('integrity.note_bad_signature');
    // Same name as A but a different key (hence id): ignored as unknown, so the note is unverified.
    const impostor = generateNoteKeyPair('sanxiang.example/log', seedB);
    expect(code(() => openNote(signNote(text, impostor.signerKey), keyA.verifierKey))).toBe('integrity.note_unverified');
  });

  it('a note may carry several signatures; cosigning adds or replaces one', () => {
    const both = signNote(text, [keyA.signerKey, keyB.signerKey]);
    expect(parseNote(both).signatures.map((s) => s.name)).toEqual(['sanxiang.example/log', 'witness.example/w1']);
    expect(openNote(both, keyA.verifierKey).unverified.map((s) => s.name)).toEqual(['witness.example/w1']);
    expect(openNote(both, [keyA.verifierKey, keyB.verifierKey]).verified).toHaveLength(2);

    const cosigned = cosignNote(signNote(text, keyA.signerKey), keyB.signerKey);
    expect(cosigned).toBe(both);
    expect(cosignNote(both, keyB.signerKey)).toBe(both);
    // An extra unknown signature does not hurt; a bad known one rejects the whole note.
    const withGo = `${both}${goPeterSig}`;
    expect(openNote(withGo, keyA.verifierKey).unverified).toHaveLength(2);
    expect(code(() => openNote(withGo, [keyA.verifierKey, goVerifierKey]))).toBe('integrity.note_bad_signature');
  });

  it('accepts 16 signatures (C2SP minimum) and rejects more than 100', () => {
    const many = Array.from({ length: 16 }, (_, i) => generateNoteKeyPair(`w${i}.example`, new Uint8Array(32).fill(i + 1)));
    const note = signNote(text, many.map((k) => k.signerKey));
    expect(openNote(note, many.map((k) => k.verifierKey)).verified).toHaveLength(16);
    const line = note.slice(note.lastIndexOf('— '));
    expect(code(() => openNote(`${text}\n${line.repeat(101)}`, many.map((k) => k.verifierKey)))).toBe('integrity.note_malformed');
  });

  it('two different trusted keys with the same name and id are ambiguous', () => {
    const v = parseVerifierKey(keyA.verifierKey);
    const fake = { ...v, publicKey: new Uint8Array(32), verify: () => true };
    expect(code(() => openNote(signNote(text, keyA.signerKey), [v, fake]))).toBe('integrity.key_ambiguous');
    // The same key given twice is fine.
    expect(openNote(signNote(text, keyA.signerKey), [keyA.verifierKey, keyA.verifierKey]).verified).toHaveLength(1);
  });

  it('rejects malformed notes', () => {
    const good = signNote(text, keyA.signerKey);
    const sigLine = good.slice(good.lastIndexOf('— '));
    const bad = [
      text,
      `${text}\n`,
      good.slice(0, -1),
      `\u0001${good}`,
      `${text.replace('42', '4\t2')}\n${sigLine}`,
      `${good}Unexpected line.\n`,
      `${text}\n${sigLine.replace('— ', '- ')}`,
      `${text}\n${sigLine.replace('— ', '—')}`,
      `${text}\n${sigLine.replace('sanxiang.example/log', 'bad name')}`,
      `${text}\n${sigLine.replace('=\n', '\n')}`,
      `${text}\n— sanxiang.example/log AAAA\n`,
      `${text}\n${sigLine.replace(' ', '  ')}`,
      `${text}\n${sigLine}\n`,
      `${text.slice(0, 5)}\uD800${text.slice(5)}\n${sigLine}`,
    ];
    for (const msg of bad) expect(code(() => openNote(msg, keyA.verifierKey)), JSON.stringify(msg)).toBe('integrity.note_malformed');
    const invalidUtf8 = Buffer.concat([Buffer.from([0xff]), Buffer.from(good)]);
    expect(code(() => openNote(invalidUtf8, keyA.verifierKey))).toBe('integrity.note_malformed');
    // Unsignable texts.
    for (const t of ['', 'no newline', 'tab\there\n', 'cr\r\n']) expect(code(() => signNote(t, keyA.signerKey)), t).toBe('integrity.note_malformed');
  });

  it('the text may contain empty lines: the last blank line separates the signatures', () => {
    const t = 'line one\n\nline three\n';
    const opened = openNote(signNote(t, keyA.signerKey), keyA.verifierKey);
    expect(opened.text).toBe(t);
  });
});
