import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@tus/server';
import { Digests } from './digest.js';
import { BATCH_BYTES, writeHashed } from './ingest-write.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-ingest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** A body cut in socket-sized chunks (64 KiB), as a PATCH arrives. */
function chunks(data: Buffer, size = 64 * 1024): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

describe('NAT-18 · 法发〔2016〕22号 第五条: the upload byte pipeline writes and hashes the same bytes', () => {
  it('writes from the offset in batches and hashes exactly the bytes written (more than two batches, an odd tail)', async () => {
    const file = path.join(dir, 'a');
    const prefix = Buffer.from('already staged ');
    fs.writeFileSync(file, prefix);
    const body = crypto.randomBytes(2 * BATCH_BYTES + 777_777);
    const digests = new Digests(['sha256']);
    const next = await writeHashed(Readable.from(chunks(body)), file, prefix.length, digests);
    expect(next).toBe(prefix.length + body.length);
    const staged = fs.readFileSync(file);
    expect(staged.length).toBe(next);
    expect(sha256(staged)).toBe(sha256(Buffer.concat([prefix, body])));
    expect(digests.result()).toMatchObject({ sha256: sha256(body), size: body.length });
  });

  it('a body that ends early (an aborted PATCH) keeps what arrived, written and counted', async () => {
    const file = path.join(dir, 'b');
    fs.writeFileSync(file, '');
    const part = crypto.randomBytes(300_000);
    const digests = new Digests(['sha256']);
    expect(await writeHashed(Readable.from(chunks(part)), file, 0, digests)).toBe(part.length);
    expect(sha256(fs.readFileSync(file))).toBe(sha256(part));
    expect(digests.size).toBe(part.length);
  });

  it('a stream error is the tus write error; the bytes on disk never exceed what was hashed', async () => {
    const file = path.join(dir, 'c');
    fs.writeFileSync(file, '');
    const digests = new Digests(['sha256']);
    async function* failing() {
      yield crypto.randomBytes(BATCH_BYTES + 10);
      yield crypto.randomBytes(1000);
      throw new Error('socket reset');
    }
    await expect(writeHashed(failing(), file, 0, digests)).rejects.toBe(ERRORS.FILE_WRITE_ERROR);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(digests.size);
  });
});
