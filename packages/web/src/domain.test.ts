import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('browser bundle', () => {
  it('imports @sanxiang/core only module by module through domain.ts (the root re-exports node:crypto code)', () => {
    const offenders = sources(SRC).filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      if (/from '@sanxiang\/core'/.test(text)) return true;
      return !f.endsWith('domain.ts') && /from '@sanxiang\/core\//.test(text);
    });
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('uses no Node built-ins', () => {
    const offenders = sources(SRC).filter((f) => /from 'node:/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
