import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes.js';
import { IntegrityError } from './errors.js';
import { emptyRoot, isHashAlgorithmAvailable, leafHash, nodeHash, sha256Hasher, treeHasher, type HashAlgorithm } from './hash.js';

// Test vectors live next to the repository (DESIGN §6): ../shared/testdata.
const repoRoot = new URL('../../../../', import.meta.url);
const vectors = JSON.parse(readFileSync(new URL('../shared/testdata/rfc6962-vectors.json', repoRoot), 'utf8')) as {
  leafInputs: string[];
  leafHashes: string[];
  rootHashesBySize: string[];
};

describe('RFC 6962 §2.1 hashing', () => {
  it('NAT-18 · 法发〔2016〕22号 Art 5: leaf hashes H(0x00 || d) match the RFC 6962 test vectors', () => {
    expect(vectors.leafInputs).toHaveLength(vectors.leafHashes.length);
    vectors.leafInputs.forEach((input, i) => {
      expect(toHex(leafHash(fromHex(input)))).toBe(vectors.leafHashes[i]);
    });
  });

  it('the empty tree root is H() (RFC 9162 §2.1.1)', () => {
    expect(toHex(emptyRoot())).toBe(vectors.rootHashesBySize[0]);
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('node hash is H(0x01 || left || right) and differs from a leaf hash of the same bytes', () => {
    const l = leafHash(Uint8Array.of(1));
    const r = leafHash(Uint8Array.of(2));
    const concat = new Uint8Array([...l, ...r]);
    expect(toHex(nodeHash(l, r))).toBe(toHex(sha256Hasher.digest(new Uint8Array([0x01, ...concat]))));
    // Domain separation: a 64-byte leaf equal to two children does not collide with their parent.
    expect(toHex(leafHash(concat))).not.toBe(toHex(nodeHash(l, r)));
  });

  it('large leaves are hashed in streaming mode with the same result', () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toHex(leafHash(big))).toBe(toHex(sha256Hasher.digest(new Uint8Array([0x00, ...big]))));
  });

  it('emptyRoot returns a fresh copy each time', () => {
    const a = emptyRoot();
    a[0] = 0;
    expect(toHex(emptyRoot())).toBe(vectors.rootHashesBySize[0]);
  });

  it('refuses an unknown algorithm with integrity.hash_unsupported', () => {
    expect(() => treeHasher('md5' as HashAlgorithm)).toThrowError(IntegrityError);
    try {
      treeHasher('md5' as HashAlgorithm);
    } catch (e) {
      expect((e as IntegrityError).code).toBe('integrity.hash_unsupported');
    }
  });

  describe('SM3 (GB/T 32905-2016) for 国密 deployments', () => {
    const available = isHashAlgorithmAvailable('sm3');

    it.runIf(available)('SM3("abc") matches the GB/T 32905 example and the tree hashes use it', () => {
      const sm3 = treeHasher('sm3');
      expect(sm3.size).toBe(32);
      expect(toHex(sm3.digest(new TextEncoder().encode('abc')))).toBe(
        '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      );
      expect(toHex(sm3.hashLeaf(Uint8Array.of(7)))).toBe(toHex(sm3.digest(Uint8Array.of(0, 7))));
      expect(toHex(sm3.emptyRoot())).toBe(toHex(sm3.digest(new Uint8Array(0))));
      expect(toHex(sm3.hashLeaf(Uint8Array.of(7)))).not.toBe(toHex(sha256Hasher.hashLeaf(Uint8Array.of(7))));
    });

    it.runIf(!available)('without SM3 in OpenSSL, treeHasher("sm3") fails with integrity.hash_unavailable', () => {
      expect(() => treeHasher('sm3')).toThrowError(/hash_unavailable/);
    });
  });
});
