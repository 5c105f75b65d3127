import { Buffer } from 'node:buffer';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex } from './bytes.js';
import { formatCheckpoint } from './checkpoint.js';
import { cosignCheckpoint, cosignerKeyId, generateCosignerKeyPair, openCosignatures, parseCosignerKey } from './cosignature.js';
import { IntegrityError } from './errors.js';

const body = formatCheckpoint({ origin: 'sanxiang.example.gov.cn/log', size: 8, rootHash: fromHex('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'), extensions: [] });
const w1 = generateCosignerKeyPair('witness.example.org/w1', new Uint8Array(32).fill(3));
const w2 = generateCosignerKeyPair('witness.example.org/w2', new Uint8Array(32).fill(4));

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof IntegrityError) return e.code;
    throw e;
  }
  return undefined;
}

describe('REC-16 · SX25-R 22: witness cosignatures (C2SP tlog-cosignature, Ed25519 cosignature/v1)', () => {
  it('key id, line layout and signed message follow the spec (checked with node:crypto directly)', () => {
    const w = parseCosignerKey(w1.verifierKey);
    const raw = Buffer.from(w1.verifierKey.split('+')[2]!, 'base64');
    expect(raw[0]).toBe(0x04);
    const id = crypto.createHash('sha256').update(Buffer.concat([Buffer.from('witness.example.org/w1\n'), Buffer.of(0x04), raw.subarray(1)])).digest().readUInt32BE(0);
    expect(w.keyId).toBe(id);
    expect(cosignerKeyId(w.name, w.publicKey)).toBe(id);
    const line = cosignCheckpoint(body, w1.signerKey, 1_679_315_147);
    expect(line.startsWith('— witness.example.org/w1 ')).toBe(true);
    const sig = Buffer.from(line.trim().split(' ')[2]!, 'base64');
    expect(sig.byteLength).toBe(4 + 8 + 64);
    expect(sig.readUInt32BE(0)).toBe(id);
    expect(Number(sig.readBigUInt64BE(4))).toBe(1_679_315_147);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw.subarray(1)]);
    const pub = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(crypto.verify(null, Buffer.from(`cosignature/v1\ntime 1679315147\n${body}`), pub, sig.subarray(12))).toBe(true);
  });

  it('verifies configured witnesses, sets aside unknown ones, rejects a bad signature', () => {
    const witnesses = [parseCosignerKey(w1.verifierKey)];
    const lines = cosignCheckpoint(body, w1.signerKey, 1_700_000_000) + cosignCheckpoint(body, w2.signerKey, 1_700_000_001);
    const r = openCosignatures(body, lines, witnesses);
    expect(r.verified.map((v) => [v.name, v.timestamp])).toEqual([['witness.example.org/w1', 1_700_000_000]]);
    expect(r.unknown.map((u) => u.name)).toEqual(['witness.example.org/w2']);
    // The same line over another checkpoint body does not verify.
    const other = body.replace('\n8\n', '\n9\n');
    expect(code(() => openCosignatures(other, lines, witnesses))).toBe('integrity.note_bad_signature');
    expect(code(() => openCosignatures(body, '— witness.example.org/w1 !!!\n', witnesses))).toBe('integrity.note_malformed');
    expect(code(() => openCosignatures(body, 'not a signature line', witnesses))).toBe('integrity.note_malformed');
  });

  it('refuses malformed witness keys (wrong type byte, wrong key id)', () => {
    const [name, id, b64] = w1.verifierKey.split('+') as [string, string, string];
    expect(code(() => parseCosignerKey(`${name}+00000000+${b64}`))).toBe('integrity.key_malformed');
    const raw = Buffer.from(b64, 'base64');
    raw[0] = 0x01;
    expect(code(() => parseCosignerKey(`${name}+${id}+${raw.toString('base64')}`))).toBe('integrity.key_malformed');
    expect(code(() => parseCosignerKey('nonsense'))).toBe('integrity.key_malformed');
  });
});
