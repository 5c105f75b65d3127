/**
 * REC-16 · SX25-R 22: inclusion and consistency proofs over HTTP, checked with
 * the RFC 9162 verifier against roots the test computed itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrity } from '@sanxiang/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../http/app.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { appendLeaf, logSize } from '../integrity-log.js';

let ctx: TestContext;
let app: FastifyInstance;
const roots = new Map<number, Uint8Array>();
const leafHashes: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
  app = await buildApp(ctx);
  // The upload store creates its staging folder in the background: let it, before the data folder goes.
  fs.mkdirSync(path.join(ctx.config.dataDir, 'uploads'), { recursive: true });
  await app.ready();
  const base = (await logSize(ctx.db)).size;
  expect(base).toBe(0);
  for (let i = 0; i < 7; i++) {
    await ctx.db.transaction(async (tx) => {
      leafHashes.push((await appendLeaf(tx, { kind: 'test', objectType: 'test', objectId: `t${i}`, at: new Date(), payload: { i } })).leafHash);
    });
    const { size, root } = await logSize(ctx.db);
    roots.set(size, integrity.fromHex(root));
  }
});
afterAll(async () => {
  await app?.close();
  await new Promise((r) => setTimeout(r, 500));
  await ctx?.close();
});

describe('REC-16 · SX25-R 22: proofs for auditors and witnesses', () => {
  it('every inclusion proof verifies against the root of its size', async () => {
    for (const size of [1, 4, 7]) {
      for (let index = 0; index < size; index++) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/log/proofs/inclusion?index=${index}&size=${size}` });
        expect(res.statusCode).toBe(200);
        const body = res.json() as { leafHash: string; proof: string[] };
        expect(body.leafHash).toBe(leafHashes[index]);
        expect(integrity.verifyInclusion(integrity.fromHex(body.leafHash), index, size, body.proof.map(integrity.fromHex), roots.get(size)!), `${index}/${size}`).toBe(true);
      }
    }
  });

  it('every consistency proof verifies between the two roots; out-of-range requests are refused with 400', async () => {
    for (let from = 1; from <= 7; from++) {
      for (let to = from; to <= 7; to++) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/log/proofs/consistency?from=${from}&to=${to}` });
        expect(res.statusCode).toBe(200);
        const proof = (res.json() as { proof: string[] }).proof.map(integrity.fromHex);
        expect(integrity.verifyConsistency(from, to, proof, roots.get(from)!, roots.get(to)!), `${from}→${to}`).toBe(true);
      }
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/log/proofs/consistency?from=3&to=8' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/log/proofs/inclusion?index=7&size=7' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/log/proofs/inclusion?index=x&size=7' })).statusCode).toBe(400);
  });
});
