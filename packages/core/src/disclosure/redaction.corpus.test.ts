/**
 * PUB-4 on a generated corpus: 600 decision texts with personal data planted
 * in free text (valid ID numbers, phones in every written form, Luhn-valid
 * cards, e-mails, plates, witnesses with their IDs and phones, addresses,
 * birth dates, property certificates). Every planted value still readable
 * after redaction is a leak, and the test wants none; the values that must
 * stay public must come through untouched.
 */
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../identity/identity.js';
import { luhnValid } from './detectors.js';
import { redact, sensitiveLeaks } from './redaction.js';
import { generateCorpus } from './test-corpus.js';
import { compact, scanView } from './text.js';

const CORPUS = generateCorpus(600);

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

function occurrences(haystack: string, needle: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push({ start: i, end: i + needle.length });
  return out;
}

/** An oracle independent of the detectors: plain regular expressions over the output (public values blanked). */
function oracleHits(text: string, publics: readonly string[]): string[] {
  let v = scanView(text);
  for (const p of publics) v = v.split(p).join(' '.repeat(p.length));
  const hits: string[] = [];
  for (const m of v.matchAll(/(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)/g)) hits.push(`mobile:${m[0]}`);
  for (const m of v.matchAll(/(?<![0-9A-Z])\d{17}[\dXx](?![0-9A-Za-z])/g)) {
    if (idNumberCheckChar(m[0].slice(0, 17)) === m[0].slice(17).toUpperCase()) hits.push(`id:${m[0]}`);
  }
  for (const m of v.matchAll(/(?<!\d)\d{16,19}(?!\d)/g)) if (luhnValid(m[0])) hits.push(`card:${m[0]}`);
  for (const m of v.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) hits.push(`email:${m[0]}`);
  return hits;
}

describe('PUB-4 · SX25-P 16; GS-P 9: redaction of a generated corpus', () => {
  const results = CORPUS.map((doc) => ({ doc, result: redact(doc.text, doc.sources) }));

  it('the corpus is large and plants every kind of personal data', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(500);
    const kinds = new Map<string, number>();
    for (const d of CORPUS) for (const s of d.sensitive) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    for (const k of ['name', 'idNumber', 'birthDate', 'mobile', 'phone', 'bankCard', 'email', 'plate', 'address', 'propertyCertificate']) {
      expect(kinds.get(k) ?? 0, k).toBeGreaterThan(50);
    }
    // written forms that defeat naive matching
    const all = CORPUS.map((d) => d.text).join('\n');
    expect(all).toMatch(/[０-９]{11}/);
    expect(all).toMatch(/[〇一二三四五六七八九]{11}/);
    expect(all).toMatch(/1\d{2} \d{4} \d{4}/);
    expect(all).toMatch(/\+86 1\d{10}/);
    expect(all).toMatch(/[晋甘湘京冀陕豫][A-Z][DF]/);
  });

  it('PUB-4: leaks === 0 (planted values, the leak guard and an independent oracle)', { timeout: 60_000 }, () => {
    let leaks = 0;
    const examples: string[] = [];
    for (const { doc, result } of results) {
      const out = compact(result.text);
      for (const s of doc.sensitive) {
        if (out.includes(compact(s.value))) {
          leaks++;
          if (examples.length < 10) examples.push(`#${doc.id} ${s.kind} ${s.value}`);
        }
      }
      const guard = sensitiveLeaks(result.text, doc.sources);
      leaks += guard.length;
      for (const g of guard.slice(0, 2)) if (examples.length < 10) examples.push(`#${doc.id} guard ${g.rule} ${result.text.slice(g.start, g.end)}`);
      const oracle = oracleHits(result.text, doc.mustStay);
      leaks += oracle.length;
      for (const o of oracle.slice(0, 2)) if (examples.length < 10) examples.push(`#${doc.id} oracle ${o}`);
    }
    expect(examples).toEqual([]);
    expect(leaks).toBe(0);
  });

  it('PUB-3 · SX25-P 15: no over-masking of what must stay public (party name, credit code, legal representative, decision number)', () => {
    const problems: string[] = [];
    for (const { doc, result } of results) {
      for (const v of doc.mustStay) {
        const before = count(doc.text, v);
        const after = count(result.text, v);
        if (before !== after) problems.push(`#${doc.id} “${v}” ${before} → ${after}`);
        for (const o of occurrences(doc.text, v)) {
          const hit = result.masks.find((m) => m.start < o.end && o.start < m.end);
          if (hit) problems.push(`#${doc.id} mask over “${v}”: ${hit.original} → ${hit.replacement}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('PUB-4: masks never overlap and no replacement re-introduces its original', () => {
    for (const { doc, result } of results) {
      const sorted = [...result.masks].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) expect((sorted[i - 1] as { end: number }).end).toBeLessThanOrEqual((sorted[i] as { start: number }).start);
      for (const m of sorted) {
        expect(doc.text.slice(m.start, m.end)).toBe(m.original);
        expect(compact(m.replacement).includes(compact(m.original))).toBe(false);
        expect(m.reason).toMatch(/（(SX25-P|GS-P) 第/);
      }
    }
  });

  it('PUB-4 · GS-P 8, 9(一): under GS19 a punished citizen appears by surname only', () => {
    const gs = results.filter(({ doc }) => doc.profile === 'GS19' && doc.sources.parties?.[0]?.kind === 'naturalPerson' && !doc.sources.parties[0].minor);
    expect(gs.length).toBeGreaterThan(10);
    for (const { doc, result } of gs) {
      const name = doc.sources.parties?.[0]?.name as string;
      expect(result.text).not.toContain(name);
      expect(result.text).toContain(`${name.startsWith('欧阳') || name.startsWith('司马') || name.startsWith('上官') ? name.slice(0, 2) : name[0]}某`);
    }
  });
});
