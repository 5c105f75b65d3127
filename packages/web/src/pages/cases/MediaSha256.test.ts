import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256, fileSha256 } from './MediaSha256.js';

describe('NAT-18: the browser computes the declared SHA-256 incrementally', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 1000, 100_000])('%i bytes, fed in odd slices, match node:crypto', (n) => {
    const data = crypto.randomBytes(n);
    const h = new Sha256();
    for (let o = 0; o < n; o += 37) h.update(data.subarray(o, o + 37));
    expect(h.hex()).toBe(crypto.createHash('sha256').update(data).digest('hex'));
  });
  it('fileSha256 of a Blob', async () => {
    const data = crypto.randomBytes(5000);
    expect(await fileSha256(new Blob([data]))).toBe(crypto.createHash('sha256').update(data).digest('hex'));
  });
});
