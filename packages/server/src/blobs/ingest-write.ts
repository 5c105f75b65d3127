/**
 * The byte pipeline of an upload (issue 18; DESIGN §2 "Uploads"): one consumer
 * instead of three stream stages (a hashing Transform, the file store's
 * counting Transform and a write stream of 16 KiB). The socket's chunks are
 * gathered, without copying, into batches of up to BATCH_BYTES; each batch is
 * written with one positioned writev() in the thread pool while the same
 * bytes are hashed on the event loop, so hashing and writing overlap. At most
 * one batch is in flight and one is gathering: memory stays flat whatever the
 * file's size.
 */
import fsp, { type FileHandle } from 'node:fs/promises';
import { ERRORS } from '@tus/server';
import type { Digests } from './digest.js';

/** Bytes gathered before one write (measured in bench/ingest.bench.ts: see README). */
export const BATCH_BYTES = 4 * 1024 * 1024;

async function writevAll(fh: FileHandle, buffers: Buffer[], position: number): Promise<void> {
  let bufs = buffers;
  let pos = position;
  let left = bufs.reduce((n, b) => n + b.byteLength, 0);
  while (left > 0) {
    const { bytesWritten } = await fh.writev(bufs, pos);
    if (bytesWritten <= 0) throw new Error('writev wrote nothing');
    left -= bytesWritten;
    pos += bytesWritten;
    if (left > 0) {
      // A short write (rare on regular files): go on with the bytes not yet written.
      let skip = bytesWritten;
      const rest: Buffer[] = [];
      for (const b of bufs) {
        if (skip >= b.byteLength) skip -= b.byteLength;
        else {
          rest.push(skip ? b.subarray(skip) : b);
          skip = 0;
        }
      }
      bufs = rest;
    }
  }
}

/**
 * Writes a stream into an existing file from `offset` on and feeds the same
 * bytes into `digests`; returns the new offset. When the stream ends early
 * (an aborted PATCH) the bytes received so far are written and counted. On
 * an error the digests may cover bytes that did not reach the file: the
 * caller compares `digests.size` with the file's size (HashingFileStore).
 */
export async function writeHashed(readable: AsyncIterable<Buffer>, file: string, offset: number, digests: Digests): Promise<number> {
  const fh = await fsp.open(file, 'r+');
  let position = offset;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let inFlight: Promise<void> | undefined;
  const flush = async () => {
    if (batchBytes === 0) return;
    const buffers = batch;
    const at = position;
    position += batchBytes;
    batch = [];
    batchBytes = 0;
    if (inFlight) await inFlight;
    inFlight = writevAll(fh, buffers, at);
    for (const b of buffers) digests.update(b); // while the write runs in the thread pool
  };
  try {
    for await (const chunk of readable) {
      batch.push(chunk);
      batchBytes += chunk.byteLength;
      if (batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    await inFlight;
    return position;
  } catch {
    await inFlight?.catch(() => {});
    throw ERRORS.FILE_WRITE_ERROR;
  } finally {
    await fh.close();
  }
}
