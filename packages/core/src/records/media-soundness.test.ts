import { describe, expect, it } from 'vitest';
import { rangeDecision } from './media-soundness.js';

const H = 3_600_000;
describe('REC-16 · SX25-R 22, NAT-18 · 法发〔2016〕22号 Art 5: a byte range only behind a recent whole-file check', () => {
  it.each([
    ['no check yet', undefined, 'verify'],
    ['a good check within the period', { sha256: 'a', ok: true, verifiedAt: 10 * H }, 'serve'],
    ['a good check older than the period', { sha256: 'a', ok: true, verifiedAt: 0 }, 'verify'],
    ['a good check of another sealed hash', { sha256: 'b', ok: true, verifiedAt: 10 * H }, 'verify'],
    ['a failed check within the period', { sha256: 'a', ok: false, verifiedAt: 10 * H }, 'refuse'],
    ['a failed check older than the period', { sha256: 'a', ok: false, verifiedAt: 0 }, 'verify'],
    ['a check dated in the future (clock skew)', { sha256: 'a', ok: true, verifiedAt: 30 * H }, 'verify'],
  ] as const)('%s → %s', (_name, mark, decision) => {
    expect(rangeDecision(mark, 'a', 20 * H, 15 * H)).toBe(decision);
  });
});
