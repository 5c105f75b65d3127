import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/sanxiang.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, [bin, ...args], { env: { ...rest, SANXIANG_DATA_DIR: dataDir, ...env }, encoding: 'utf8', timeout: 240_000 });
}

describe('the sanxiang CLI', () => {
  it('migrate creates the embedded database; seed fills it once', () => {
    const m = run(['migrate']);
    expect(m.status).toBe(0);
    expect(m.stdout).toContain('0001_foundation.sql');
    expect(fs.existsSync(path.join(dataDir, 'db'))).toBe(true);
    const s1 = run(['seed']);
    expect(s1.stdout).toContain('已写入演示数据');
    const s2 = run(['seed']);
    expect(s2.stdout).toContain('未写入演示数据');
  }, 600_000); // the demo walks every case through its stages: minutes on a loaded machine

  it('deadline prints the same due date and basis as the API (PUB-2 · SX25-P 14)', () => {
    const r = run(['deadline', '--profile', 'SX25', '--rule', 'publication.penalty', '--from', '2026-09-28', '--json']);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.due).toBe('2026-10-13');
    expect(p.basis).toContain('SX25-P 第十四条');
  });

  it('a rule the profile leaves undefined is an error with a Chinese message and a non-zero exit', () => {
    const r = run(['deadline', '--profile', 'SX19', '--rule', 'correction.verify', '--from', '2026-03-02']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未规定');
  });

  it('a bad configuration value stops with a message naming the variable', () => {
    const r = run(['migrate'], { PORT: 'abc' });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('PORT');
  });

  it('an unknown command prints the help and exits 2', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('用法');
  });
});

describe('sanxiang verify and verify-bundle', () => {
  it('verify passes on a fresh database; verify-bundle rejects a file that is not a bundle', () => {
    const v = run(['verify']);
    expect(v.stdout, v.stderr).toContain('核验通过');
    expect(v.status).toBe(0);
    const notZip = path.join(dataDir, 'x.zip');
    fs.writeFileSync(notZip, 'not a zip');
    const b = run(['verify-bundle', notZip]);
    expect(b.status).not.toBe(0);
  });
});
