import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
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

  it('a lock held by a live process blocks; a stale lock of a dead process is taken over', () => {
    const dir = path.join(tmp, 'db2');
    fs.writeFileSync(`${dir}.lock`, String(process.ppid)); // alive: our parent
    expect(() => acquireLock(dir)).toThrowError(AppError);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(`${dir}.lock`, dead);
    const release = acquireLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
