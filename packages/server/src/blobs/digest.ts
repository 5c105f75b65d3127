/**
 * NAT-18 · 法发〔2016〕22号 Art 5, 14: the integrity check value of every file,
 * computed while the bytes stream past (never holding the file in memory).
 * SHA-256 always; SM3 as well where the deployment runs 国密 (SYS-6 · GB/T
 * 39786-2021), both through OpenSSL in node:crypto.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type DigestAlgorithm = 'sha256' | 'sm3';

export interface DigestResult {
  sha256: string;
  sm3?: string;
  size: number;
}

export class Digests {
  private readonly hashes: [DigestAlgorithm, crypto.Hash][];
  size = 0;

  constructor(readonly algorithms: readonly DigestAlgorithm[]) {
    this.hashes = algorithms.map((a) => [a, crypto.createHash(a)]);
  }

  update(chunk: Uint8Array): void {
    for (const [, h] of this.hashes) h.update(chunk);
    this.size += chunk.byteLength;
  }

  result(): DigestResult {
    const out: DigestResult = { sha256: '', size: this.size };
    for (const [a, h] of this.hashes) out[a] = h.digest('hex');
    return out;
  }

  /** A pass-through stream that feeds every chunk into the digests. */
  tap(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _enc, cb) => {
        this.update(chunk);
        cb(null, chunk);
      },
    });
  }
}

/** Digests of a file on disk, streamed in 1 MiB reads. */
export async function hashFile(file: string, algorithms: readonly DigestAlgorithm[]): Promise<DigestResult> {
  const d = new Digests(algorithms);
  await pipeline(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) d.update(chunk);
  });
  return d.result();
}

export function isSha256Hex(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}
