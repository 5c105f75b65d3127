import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC, REQUIREMENTS, ROOT, buildTable, parseRequirements, requirementsFromDoc } from './traceability.js';

describe('docs/traceability.md stays true', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const reqs = fs.existsSync(REQUIREMENTS) ? parseRequirements(fs.readFileSync(REQUIREMENTS, 'utf8')) : requirementsFromDoc(doc);

  it('lists every requirement id of REQUIREMENTS.md', () => {
    expect(reqs.length).toBeGreaterThan(90);
    const listed = new Set(requirementsFromDoc(doc).map((r) => r.id));
    expect(reqs.filter((r) => !listed.has(r.id))).toEqual([]);
  });

  it('matches the code and tests (run `npm run traceability` after a change)', () => {
    expect(doc).toBe(buildTable(reqs));
  });
});

describe('dependency rule (DESIGN.md §3)', () => {
  it('packages/core imports nothing from server or web, and does no I/O', () => {
    const bad: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
          const text = fs.readFileSync(p, 'utf8');
          for (const m of text.matchAll(/from '([^']+)'/g)) {
            const spec = m[1]!;
            // Pure computation libraries without I/O are allowed: tyme4ts (lunar dates and solar terms, NAT-21).
            const allowed = spec.startsWith('.') || spec === 'node:crypto' || spec === 'node:buffer' || spec === 'tyme4ts';
            if (!allowed || /@sanxiang\/(server|web)/.test(spec)) bad.push(`${path.relative(ROOT, p)}: ${spec}`);
          }
          const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''); // comments may mention them
          if (/process\.env|Date\.now\(\)|new Date\(\)/.test(code)) bad.push(`${path.relative(ROOT, p)}: reads the environment or the clock`);
        }
      }
    };
    walk(path.join(ROOT, 'packages/core/src'));
    expect(bad).toEqual([]);
  });
});
