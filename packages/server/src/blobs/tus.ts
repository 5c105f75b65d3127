/**
 * Resumable uploads (tus 1.0) into a local staging folder (DESIGN §2):
 * @tus/server with a FileStore that hashes while receiving. The digests run
 * over exactly the bytes that reach the staging file; when a PATCH is cut off
 * the state is kept if it still matches the file, and the next PATCH goes on
 * from there. When it does not match (a server restart, another server
 * behind the load balancer, a write error), the file is hashed once on
 * completion instead — by streaming, so memory stays flat either way.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import type http from 'node:http';
import type stream from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Digests, hashFile, type DigestAlgorithm, type DigestResult } from './digest.js';
import { writeHashed } from './ingest-write.js';

interface HashState {
  /** Bytes of the staging file covered by `digests`. */
  offset: number;
  digests: Digests;
}

export class HashingFileStore extends FileStore {
  private readonly states = new Map<string, HashState>();

  constructor(
    directory: string,
    readonly algorithms: readonly DigestAlgorithm[],
  ) {
    super({ directory });
  }

  override async write(readable: http.IncomingMessage | stream.Readable, id: string, offset: number): Promise<number> {
    let state = this.states.get(id);
    if (!state && offset === 0) {
      state = { offset: 0, digests: new Digests(this.algorithms) };
      this.states.set(id, state);
    }
    if (!state || state.offset !== offset) {
      this.states.delete(id);
      return super.write(readable, id, offset);
    }
    const st = state;
    const before = st.digests.size;
    try {
      // Issue 18: one consumer gathers, writes and hashes (ingest-write.ts) instead of three stream stages.
      const next = await writeHashed(readable, this.stagedPath(id), offset, st.digests);
      if (next - offset === st.digests.size - before) st.offset = next;
      else this.states.delete(id);
      return next;
    } catch (e) {
      // Some bytes may have been hashed but not written: keep the state only if it still matches the file.
      const size = await this.stagedSize(id);
      if (size !== offset + (st.digests.size - before)) this.states.delete(id);
      else st.offset = size;
      throw e;
    }
  }

  /** Path of an upload's staged bytes. */
  stagedPath(id: string): string {
    const p = path.join(this.directory, id);
    if (path.dirname(p) !== path.resolve(this.directory)) throw new Error('bad upload id');
    return p;
  }

  async stagedSize(id: string): Promise<number | null> {
    try {
      return (await fsp.stat(this.stagedPath(id))).size;
    } catch {
      return null;
    }
  }

  /**
   * The digests of a complete staged file: from the state built while
   * receiving when it covers the whole file, else by reading the file.
   */
  async digestOf(id: string): Promise<DigestResult & { whileReceiving: boolean }> {
    const size = await this.stagedSize(id);
    const st = this.states.get(id);
    this.states.delete(id);
    if (st && size !== null && st.offset === size && st.digests.size === size) return { ...st.digests.result(), whileReceiving: true };
    return { ...(await hashFile(this.stagedPath(id), this.algorithms)), whileReceiving: false };
  }

  /** Forgets the in-memory digests (tests: what a restart or a second server sees). */
  forgetState(id?: string): void {
    if (id) this.states.delete(id);
    else this.states.clear();
  }

  /** Drops the staged bytes and the upload's record. */
  async discard(id: string): Promise<void> {
    this.states.delete(id);
    await fsp.unlink(this.stagedPath(id)).catch(() => {});
    await this.configstore.delete(id).catch(() => {});
  }
}
