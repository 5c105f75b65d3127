/**
 * NAT-18 · 法发〔2016〕22号 Art 5, REC-16 · SX25-R 22: the log's signer key
 * lives outside the database — whoever can write the database cannot rewrite
 * the log and sign it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrity } from '@sanxiang/core';
import { ConfigError } from '../../config.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { logKeys } from '../../db/schema.js';
import { createCheckpoint, loadLogSigner } from '../integrity-log.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
});
afterAll(async () => {
  await ctx?.close();
});

const withConfig = (patch: Partial<TestContext['config']>) => ({ ...ctx, config: { ...ctx.config, ...patch } });

describe('NAT-18: the signer key outside the database', () => {
  it('demo mode generates a key file with mode 0600 beside the data, once; the database holds no key', async () => {
    const file = ctx.config.logKeyFile!;
    expect(path.dirname(file)).toBe(ctx.config.dataDir);
    const a = await loadLogSigner(ctx);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const b = await loadLogSigner(ctx);
    expect(b.verifierKey).toBe(a.verifierKey);
    expect(await ctx.db.select().from(logKeys)).toEqual([]);
    const cp = await createCheckpoint(ctx);
    expect(integrity.openCheckpoint(cp.note, [a.verifierKey]).checkpoint.size).toBe(cp.size);
  });

  it('a key left in log_keys by an earlier version is moved out to the file, with a message, and the row deleted', async () => {
    const file = path.join(ctx.config.dataDir, 'moved', 'log-signer.key');
    const pair = integrity.generateNoteKeyPair(ctx.config.logOrigin);
    await ctx.db.insert(logKeys).values({ name: ctx.config.logOrigin, signerKey: pair.signerKey, verifierKey: pair.verifierKey, createdAt: new Date() });
    const said: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((c: string) => (said.push(String(c)), true)) as typeof process.stderr.write;
    try {
      const s = await loadLogSigner(withConfig({ logKeyFile: file }));
      expect(s.verifierKey).toBe(pair.verifierKey);
    } finally {
      process.stderr.write = write;
    }
    expect(said.join('')).toMatch(/已从数据库（log_keys）移出/);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(pair.signerKey);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await ctx.db.select().from(logKeys)).toEqual([]);
  });

  it('production refuses to run without a key, and refuses a key file others can read', async () => {
    await expect(loadLogSigner(withConfig({ mode: 'production', logKeyFile: undefined }))).rejects.toThrow(ConfigError);
    const missing = path.join(ctx.config.dataDir, 'none.key');
    await expect(loadLogSigner(withConfig({ mode: 'production', logKeyFile: missing }))).rejects.toThrow(/生产模式须提供日志签名密钥/);
    expect(fs.existsSync(missing)).toBe(false);
    const loose = path.join(ctx.config.dataDir, 'loose.key');
    fs.writeFileSync(loose, integrity.generateNoteKeyPair(ctx.config.logOrigin).signerKey, { mode: 0o644 });
    fs.chmodSync(loose, 0o644);
    await expect(loadLogSigner(withConfig({ mode: 'production', logKeyFile: loose }))).rejects.toThrow(/须为 600/);
    // A secret from the environment needs no file.
    const env = integrity.generateNoteKeyPair(ctx.config.logOrigin);
    expect((await loadLogSigner(withConfig({ mode: 'production', logKeyFile: undefined, logSignerKey: env.signerKey }))).verifierKey).toBe(env.verifierKey);
  });
});
