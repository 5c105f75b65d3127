import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { verifyLeafInBundle, type LeafInBundle } from './bundle.js';
import { signCheckpoint } from './checkpoint.js';
import { CompactRange, type NodeAccessor } from './compact.js';
import { isHashAlgorithmAvailable, treeHasher, type HashAlgorithm } from './hash.js';
import { generateNoteKeyPair, signNote } from './note.js';
import { inclusionProof } from './proof.js';

const origin = 'sanxiang.example.gov.cn/log';
const logKey = generateNoteKeyPair(origin, new Uint8Array(32).fill(1));
const otherKey = generateNoteKeyPair('elsewhere.example/log', new Uint8Array(32).fill(2));
const encoder = new TextEncoder();

/** A log as the server keeps it: leaf data by index, nodes by (level, index), signed checkpoints. */
function makeLog(count: number, algorithm: HashAlgorithm = 'sha256') {
  const hasher = treeHasher(algorithm);
  const data = Array.from({ length: count }, (_, i) =>
    encoder.encode(JSON.stringify({ kind: 'record.version', caseNo: '晋环罚〔2025〕12号', seq: i })),
  );
  const nodes = new Map<string, Uint8Array>();
  let state = CompactRange.empty(hasher);
  const checkpoints = new Map<number, string>();
  for (const d of data) {
    const r = state.append(hasher.hashLeaf(d));
    state = r.state;
    for (const n of r.completed) nodes.set(`${n.level}/${n.index}`, n.hash);
    if (state.size === 60 || state.size === count) {
      checkpoints.set(state.size, signCheckpoint({ origin, size: state.size, rootHash: state.root(), extensions: [] }, logKey.signerKey));
    }
  }
  const getNode: NodeAccessor = (level, index) => nodes.get(`${level}/${index}`);
  return { hasher, data, getNode, checkpoints };
}

describe('verifyLeafInBundle (offline verify-bundle)', () => {
  const log = makeLog(100);
  const note100 = log.checkpoints.get(100) as string;
  const entry = (index: number, size = 100): LeafInBundle => ({
    leafData: log.data[index] as Uint8Array,
    index,
    proof: inclusionProof(index, size, log.getNode),
    checkpointNote: log.checkpoints.get(size) as string,
    verifierKey: logKey.verifierKey,
  });

  it('NAT-18 · 法发〔2016〕22号 Art 5: every entry verifies offline against the signed checkpoint', () => {
    for (let i = 0; i < 100; i++) {
      const result = verifyLeafInBundle(entry(i));
      expect(result.ok, `entry ${i}`).toBe(true);
      if (result.ok) {
        expect(result.checkpoint).toMatchObject({ origin, size: 100 });
        expect(toHex(result.leafHash)).toBe(toHex(log.hasher.hashLeaf(log.data[i] as Uint8Array)));
        expect(result.signedBy.map((s) => s.name)).toEqual([origin]);
      }
    }
    // By leaf hash alone, by both, against the older checkpoint, with the expected origin.
    const byHash = { ...entry(7), leafData: undefined, leafHash: log.hasher.hashLeaf(log.data[7] as Uint8Array) };
    expect(verifyLeafInBundle(byHash).ok).toBe(true);
    expect(verifyLeafInBundle({ ...entry(7), leafHash: byHash.leafHash }).ok).toBe(true);
    expect(verifyLeafInBundle(entry(59, 60)).ok).toBe(true);
    expect(verifyLeafInBundle({ ...entry(3), expectedOrigin: origin }).ok).toBe(true);
  });

  it('REC-16 · SX25-R 22: an altered original is detected', () => {
    const altered = encoder.encode(new TextDecoder().decode(log.data[42]).replace('"seq":42', '"seq":43'));
    expect(verifyLeafInBundle({ ...entry(42), leafData: altered })).toMatchObject({ ok: false, code: 'integrity.proof_mismatch' });
    const truncated = (log.data[42] as Uint8Array).subarray(0, 10);
    expect(verifyLeafInBundle({ ...entry(42), leafData: truncated })).toMatchObject({ ok: false, code: 'integrity.proof_mismatch' });
  });

  it('REC-16 · SX25-R 22: wrong index, wrong proof, wrong checkpoint fail with a reason', () => {
    expect(verifyLeafInBundle({ ...entry(42), index: 43 })).toMatchObject({ ok: false, code: 'integrity.proof_mismatch' });
    expect(verifyLeafInBundle({ ...entry(42), proof: inclusionProof(43, 100, log.getNode) })).toMatchObject({
      ok: false,
      code: 'integrity.proof_mismatch',
    });
    expect(verifyLeafInBundle({ ...entry(42), proof: inclusionProof(42, 60, log.getNode) })).toMatchObject({ ok: false });
    expect(verifyLeafInBundle({ ...entry(42), proof: entry(42).proof.slice(1) })).toMatchObject({
      ok: false,
      code: 'integrity.proof_malformed',
    });
    expect(verifyLeafInBundle({ ...entry(42), checkpointNote: log.checkpoints.get(60) as string })).toMatchObject({ ok: false });
    expect(verifyLeafInBundle({ ...entry(59, 60), index: 60, leafData: log.data[60] as Uint8Array })).toMatchObject({
      ok: false,
      code: 'integrity.index_out_of_range',
    });
  });

  it('NAT-18 · 法发〔2016〕22号 Art 5: checkpoint signed by another key, altered or malformed is refused', () => {
    expect(verifyLeafInBundle({ ...entry(1), verifierKey: otherKey.verifierKey })).toMatchObject({
      ok: false,
      code: 'integrity.note_unverified',
    });
    expect(verifyLeafInBundle({ ...entry(1), checkpointNote: note100.replace('\n100\n', '\n101\n') })).toMatchObject({
      ok: false,
      code: 'integrity.note_bad_signature',
    });
    expect(verifyLeafInBundle({ ...entry(1), checkpointNote: note100.replace('\n\n', '\n') })).toMatchObject({
      ok: false,
      code: 'integrity.note_malformed',
    });
    expect(verifyLeafInBundle({ ...entry(1), verifierKey: 'not a key' })).toMatchObject({ ok: false, code: 'integrity.key_malformed' });
    expect(verifyLeafInBundle({ ...entry(1), expectedOrigin: 'elsewhere.example/log' })).toMatchObject({
      ok: false,
      code: 'integrity.origin_mismatch',
    });
    const notACheckpoint = signNote(`${origin}\n100\n`, logKey.signerKey);
    expect(verifyLeafInBundle({ ...entry(1), checkpointNote: notACheckpoint })).toMatchObject({
      ok: false,
      code: 'integrity.checkpoint_malformed',
    });
  });

  it('reports inconsistent or missing leaf input', () => {
    expect(verifyLeafInBundle({ ...entry(1), leafHash: log.hasher.hashLeaf(log.data[2] as Uint8Array) })).toMatchObject({
      ok: false,
      code: 'integrity.leaf_mismatch',
    });
    expect(verifyLeafInBundle({ ...entry(1), leafData: undefined })).toMatchObject({ ok: false, code: 'integrity.invalid_argument' });
  });

  it.runIf(isHashAlgorithmAvailable('sm3'))('works for an SM3 log and refuses it as SHA-256', () => {
    const sm3 = makeLog(33, 'sm3');
    const input: LeafInBundle = {
      leafData: sm3.data[20] as Uint8Array,
      index: 20,
      proof: inclusionProof(20, 33, sm3.getNode, sm3.hasher),
      checkpointNote: sm3.checkpoints.get(33) as string,
      verifierKey: logKey.verifierKey,
      hashAlgorithm: 'sm3',
    };
    expect(verifyLeafInBundle(input).ok).toBe(true);
    expect(verifyLeafInBundle({ ...input, hashAlgorithm: 'sha256' })).toMatchObject({ ok: false, code: 'integrity.proof_mismatch' });
  });
});
