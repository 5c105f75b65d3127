import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@sanxiang/core';
import { acquireLock, openDatabase } from './client.js';
import { migrate } from './migrate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('PGlite data folder lock (one process per folder)', () => {
  it('a second open of the same folder fails with a clear message and the first keeps working', async () => {
    const dir = path.join(tmp, 'db1');
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await migrate(first);
    await first.query("INSERT INTO agencies (id, path, level, name, credit_code) VALUES ('a', '/a/', 'province', '测试', 'X')");
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'db.locked' && e.userMessage.includes('正被另一进程使用'));
    const rows = await first.query<{ name: string }>('SELECT name FROM agencies');
    expect(rows).toEqual([{ name: '测试' }]);
    await first.close();
    // Released on close: it opens again with the data intact.
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(await again.query('SELECT name FROM agencies')).toEqual([{ name: '测试' }]);
    await again.close();
  });

  it('issue 14: a lock file naming our own PID (PID 1 after a container restart) does not block', async () => {
    const dir = path.join(tmp, 'db2');
    fs.writeFileSync(`${dir}.lock`, String(process.pid));
    const release = await acquireLock(dir);
    await expect(acquireLock(dir)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'db.locked');
    await release();
    await (await acquireLock(dir))();
  });

  it('issue 14: the lock is held by a live process and released by the OS when it is killed with SIGKILL', async () => {
    const dir = path.join(tmp, 'db3');
    const script = path.join(tmp, 'hold.mts');
    const client = fileURLToPath(new URL('./client.ts', import.meta.url));
    fs.writeFileSync(script, `import { acquireLock } from ${JSON.stringify(client)};\nawait acquireLock(${JSON.stringify(dir)});\nconsole.log('ready');\nsetInterval(() => {}, 1000);\n`);
    const holder = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      holder.once('exit', (code) => reject(new Error(`holder exited ${String(code)}`)));
    });
    await expect(acquireLock(dir)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'db.locked');
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    let release: (() => Promise<void>) | undefined;
    for (let i = 0; i < 50 && !release; i++) {
      release = await acquireLock(dir).catch(async () => {
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    }
    expect(release).toBeDefined();
    await release!();
  });
});
