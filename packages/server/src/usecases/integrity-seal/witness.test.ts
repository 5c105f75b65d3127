/**
 * REC-16 · SX25-R 22, NAT-18 · 法发〔2016〕22号 Art 5: witnesses' cosignatures
 * (C2SP tlog-cosignature) — submitted, checked against the configured keys,
 * kept append-only, served on /log/checkpoint and the portal, and held by
 * verify like any signed checkpoint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrity } from '@sanxiang/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../http/app.js';
import { loadConfig } from '../../config.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { appendLeaf, createCheckpoint, loadLogSigner, logSize } from '../integrity-log.js';
import { verifyAll } from '../verify.js';

const w1 = integrity.generateCosignerKeyPair('witness.example.org/w1', new Uint8Array(32).fill(11));
const w2 = integrity.generateCosignerKeyPair('witness.example.org/w2', new Uint8Array(32).fill(12));
let ctx: TestContext;
let app: FastifyInstance;
let cp: { size: number; note: string };
let body: string;

async function tamper(sql: string, params: unknown[] = []) {
  await ctx.database.dedicated(async (conn) => {
    await conn.exec('SET session_replication_role = replica');
    try {
      await conn.query(sql, params);
    } finally {
      await conn.exec('SET session_replication_role = origin');
    }
  });
}
const now = () => Math.floor(ctx.clock.now().getTime() / 1000);
const submit = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/log/cosignatures', payload: payload as object });

beforeAll(async () => {
  ctx = await createTestContext({ seed: false, config: { witnessKeys: [w1.verifierKey] } });
  app = await buildApp(ctx);
  fs.mkdirSync(path.join(ctx.config.dataDir, 'uploads'), { recursive: true });
  await app.ready();
  for (let i = 0; i < 5; i++) {
    await ctx.db.transaction((tx) => appendLeaf(tx, { kind: 'test', objectType: 'test', objectId: `w${i}`, at: new Date(), payload: { i } }));
  }
  cp = await createCheckpoint(ctx);
  body = integrity.parseNote(cp.note).text;
});
afterAll(async () => {
  await app?.close();
  await new Promise((r) => setTimeout(r, 500));
  await ctx?.close();
});

describe('REC-16 · SX25-R 22: witness cosignatures on checkpoints', () => {
  it('SANXIANG_WITNESS_KEYS takes verifier keys separated by commas or spaces; a bad key stops the start', () => {
    expect(loadConfig({ SANXIANG_WITNESS_KEYS: `${w1.verifierKey}, ${w2.verifierKey}` }).witnessKeys).toEqual([w1.verifierKey, w2.verifierKey]);
    expect(loadConfig({}).witnessKeys).toEqual([]);
    expect(() => loadConfig({ SANXIANG_WITNESS_KEYS: 'witness+00000000+AAAA' })).toThrow(/SANXIANG_WITNESS_KEYS.*见证人公钥/s);
  });

  it('a configured witness cosigns; /log/checkpoint carries its line after the log signature; a resubmission is idempotent', async () => {
    const line = integrity.cosignCheckpoint(body, w1.signerKey, now() - 5);
    const res = await submit({ size: cp.size, cosignature: line });
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toMatchObject([{ checkpointSize: cp.size, witnessName: 'witness.example.org/w1', line }]);
    const served = await app.inject({ method: 'GET', url: '/log/checkpoint' });
    expect(served.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(served.body).toBe(cp.note + line);
    // Still a valid note for the log key, and a valid cosignature for the witness key.
    const signer = await loadLogSigner(ctx);
    const opened = integrity.openCheckpoint(served.body, signer.verifierKey);
    expect(opened.checkpoint.size).toBe(cp.size);
    expect(opened.note.unverified.map((u) => u.name)).toEqual(['witness.example.org/w1']);
    const lines = opened.note.unverified.map((u) => `— ${u.name} ${u.base64}\n`).join('');
    expect(integrity.openCosignatures(opened.note.text, lines, [integrity.parseCosignerKey(w1.verifierKey)]).verified).toHaveLength(1);
    const again = await submit({ size: cp.size, cosignature: line });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toEqual([]);
    expect(again.json().existing).toHaveLength(1);
  });

  it('bad input: unknown witness 422, bad signature 422, malformed 400, unknown checkpoint 404 — each with a stable code and a Chinese message', async () => {
    const cases: [unknown, number, string, RegExp][] = [
      [{ size: cp.size, cosignature: integrity.cosignCheckpoint(body, w2.signerKey, now()) }, 422, 'log.witness_unknown', /不在本平台配置的见证人名单中/],
      [{ size: cp.size, cosignature: integrity.cosignCheckpoint(body.replace(`\n${cp.size}\n`, `\n${cp.size + 1}\n`), w1.signerKey, now()) }, 422, 'log.cosignature_invalid', /验证不通过/],
      [{ size: cp.size, cosignature: integrity.cosignCheckpoint(body, w1.signerKey, now() + 86_400) }, 422, 'log.cosignature_invalid', /晚于当前时间/],
      [{ size: cp.size, cosignature: 'witness.example.org/w1 abc' }, 400, 'log.cosignature_malformed', /格式有误/],
      [{ size: cp.size + 100, cosignature: integrity.cosignCheckpoint(body, w1.signerKey, now()) }, 404, 'log.checkpoint_unknown', /没有树大小为/],
      [{ size: 'x', cosignature: '' }, 400, 'validation.failed', /不符合要求/],
    ];
    for (const [payload, status, code, message] of cases) {
      const res = await submit(payload);
      expect(res.statusCode, code).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(message);
    }
  });

  it('the portal integrity page shows the witnesses and the witnessed checkpoint, in Chinese', async () => {
    const page = await app.inject({ method: 'GET', url: '/integrity' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('见证人副署');
    expect(page.body).toContain('witness.example.org/w1');
    expect(page.body).toContain(`最近一次经见证的检查点（日志 ${cp.size} 条）`);
  });

  it('verify checks each cosignature and holds the witnessed checkpoint: a rollback that also deletes the checkpoint rows is caught', async () => {
    const ok = await verifyAll(ctx);
    expect(ok.problems).toEqual([]);
    expect(ok.cosignatures).toBe(1);
    // A saved, cosigned checkpoint file: the witness line is checked too.
    const served = (await app.inject({ method: 'GET', url: '/log/checkpoint' })).body;
    expect((await verifyAll(ctx, () => {}, { checkpoints: [{ label: 'cosigned.txt', note: served }] })).problems).toEqual([]);
    // One character of the signature changed (past the key id and the timestamp: still the configured witness).
    const forgedLine = served.replace(/(— witness\.example\.org\/w1 \S{40})(\S)/, (_m, a: string, c: string) => `${a}${c === 'A' ? 'B' : 'A'}`);
    const bad = await verifyAll(ctx, () => {}, { checkpoints: [{ label: 'forged-witness.txt', note: forgedLine }] });
    expect(bad.problems.filter((p) => p.ref.source === 'forged-witness.txt').map((p) => p.kind)).toEqual(['checkpoint.invalid']);
    // The attacker rewinds the log by two leaves and removes the checkpoint rows: the witnessed checkpoint remains.
    const { size } = await logSize(ctx.db);
    const rows = await ctx.database.query<{ leaf_hash: string }>('SELECT leaf_hash FROM log_leaves WHERE idx < $1 ORDER BY idx', [size - 2]);
    let state = integrity.CompactRange.empty();
    for (const r of rows) state = state.append(integrity.fromHex(r.leaf_hash)).state;
    await tamper('DELETE FROM log_leaves WHERE idx >= $1', [size - 2]);
    await tamper('UPDATE log_head SET size = $1, compact = $2::jsonb', [size - 2, JSON.stringify(state.hashes.map(integrity.toHex))]);
    await tamper('DELETE FROM log_checkpoints');
    const caught = await verifyAll(ctx);
    const found = caught.problems.filter((p) => p.kind === 'log.truncated');
    expect(found.map((p) => p.ref.source)).toEqual(['见证人 witness.example.org/w1 副署']);
    // An altered cosignature row is named.
    await tamper("UPDATE log_cosignatures SET checkpoint_text = replace(checkpoint_text, $1, $2)", [`\n${cp.size}\n`, `\n${cp.size - 2}\n`]);
    const altered = await verifyAll(ctx);
    expect(altered.problems.filter((p) => p.kind === 'checkpoint.invalid').map((p) => p.ref.witness)).toEqual(['witness.example.org/w1']);
  });
});
