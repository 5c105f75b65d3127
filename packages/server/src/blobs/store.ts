/**
 * Write-once storage of media content under its SHA-256 (REC-16: originals
 * are never altered; NAT-18: the check value names the file). A second put of
 * the same content is a no-op that reports `created: false`.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isSha256Hex } from './digest.js';

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

export interface PutInfo {
  sha256: string;
  size: number;
  sm3?: string | undefined;
  contentType?: string;
  /** Earliest disposal (Object Lock retain-until where the store supports it). */
  retainUntil?: Date | undefined;
}

export interface BlobStore {
  readonly kind: 'local' | 's3';
  /** Stores the file at `source` (which the store may move away) under its hash; never overwrites. */
  put(source: string, info: PutInfo): Promise<{ created: boolean; key: string }>;
  /** Size of the stored content, or null when absent. */
  size(sha256: string): Promise<number | null>;
  /** The content, or a byte range of it. */
  read(sha256: string, range?: ByteRange): Promise<Readable>;
  key(sha256: string): string;
  /**
   * Deletes the stored content (REC-18: only for an approved, logged
   * disposal after the retention date; the caller checks that no other file
   * refers to it). Absent content is not an error.
   */
  remove(sha256: string): Promise<void>;
}

export function blobKey(sha256: string): string {
  if (!isSha256Hex(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Local disk (embedded default): `<blobDir>/sha256/ab/cd/<hash>`, read-only files. */
export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;
  constructor(readonly dir: string) {}

  key(sha256: string): string {
    return blobKey(sha256);
  }

  private file(sha256: string): string {
    return path.join(this.dir, ...blobKey(sha256).split('/'));
  }

  async put(source: string, info: PutInfo): Promise<{ created: boolean; key: string }> {
    const key = blobKey(info.sha256);
    const target = this.file(info.sha256);
    const existing = await this.size(info.sha256);
    if (existing !== null) {
      if (existing !== info.size) throw new Error(`blob ${info.sha256} exists with size ${existing}, expected ${info.size}`);
      return { created: false, key };
    }
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const tmpDir = path.join(this.dir, 'tmp');
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${info.sha256}.${crypto.randomBytes(6).toString('hex')}`);
    try {
      await fsp.rename(source, tmp);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      // Staging on another file system: copy, then drop the staged file.
      await fsp.copyFile(source, tmp);
      await fsp.unlink(source);
    }
    await fsp.chmod(tmp, 0o444);
    try {
      // link() never replaces an existing name: two servers storing the same
      // content at once both end with the one file (write-once).
      await fsp.link(tmp, target);
      return { created: true, key };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { created: false, key };
      throw e;
    } finally {
      await fsp.unlink(tmp).catch(() => {});
    }
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await fsp.stat(this.file(sha256))).size;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async remove(sha256: string): Promise<void> {
    // The file is read-only (0444), but unlinking needs only the folder's write permission.
    await fsp.unlink(this.file(sha256)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const file = this.file(sha256);
    const handle = await fsp.open(file, 'r'); // throws ENOENT before any byte is sent
    return handle.createReadStream({ autoClose: true, highWaterMark: 256 * 1024, ...(range ? { start: range.start, end: range.end } : {}) });
  }
}
