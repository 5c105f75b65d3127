/**
 * Citations in the agency's own terms (issue 15 item 2): an officer sees the
 * rules of the agency's own province and national law, by full title and
 * article — 「《生态环境系统行政执法公示办法》第十二条」, never 「DUR-2 · SX25-P 12」,
 * and never another province's rule.
 *
 * The documents of a profile are those its own definition and its ancestors
 * cite (so the profile files stay the one place that says which documents an
 * agency runs under), plus the national ones every agency is bound by.
 */
import { DOCUMENTS, formatCitationTitled, type Citation, type DocKey } from './documents.js';
import { PROFILES } from './registry.js';
import { profileChain } from './resolve.js';
import type { ProfileId } from './types.js';

/** National law and ministry documents: binding on every agency. */
const NATIONAL_DOCUMENTS: readonly DocKey[] = ['MEE19', 'APL', 'ACL', 'CivilCode', 'EPPM', 'GOV24-54', 'MEE15-88', 'MEP-DP'];

const cache = new Map<ProfileId, ReadonlySet<DocKey>>();

/** The documents an agency under this profile cites: national ones and those of its profile chain. */
export function profileDocuments(id: ProfileId): ReadonlySet<DocKey> {
  const known = cache.get(id);
  if (known) return known;
  const docs = new Set<DocKey>(NATIONAL_DOCUMENTS);
  for (const p of profileChain(id)) {
    for (const m of JSON.stringify(p.params).matchAll(/"doc":"([^"]+)"/g)) if (m[1]! in DOCUMENTS) docs.add(m[1] as DocKey);
  }
  cache.set(id, docs);
  return docs;
}

const BY_LABEL = new Map<string, DocKey>(Object.entries(DOCUMENTS).flatMap(([key, d]) => [[key, key as DocKey] as const, [d.short, key as DocKey] as const]));
const REQUIREMENT_ID = /^[A-Z]{2,4}-\d+$/;
const FRAGMENT = /^(\S+) (?:Art )?(\d+)((?:\([^)]*\))*)$/;

/**
 * A field's rule note ('REC-5 · GS-R 4(二)', 'NAT-7 · 行政处罚法 Art 59(一)') as the
 * officer of an agency under `profile` should read it: requirement ids dropped,
 * each cited article by full title, citations of other provinces left out.
 * Null when nothing is left to show.
 */
export function ruleText(rule: string, profile: ProfileId): string | null {
  if (!(profile in PROFILES)) return null;
  const docs = profileDocuments(profile);
  const shown: string[] = [];
  for (const part of rule.split(/\s*[·;；]\s*/)) {
    if (!part || REQUIREMENT_ID.test(part)) continue;
    const m = FRAGMENT.exec(part);
    const doc = m ? BY_LABEL.get(m[1]!) : undefined;
    if (!m || !doc) continue; // not a citation (an internal key): not for officers
    if (!docs.has(doc)) continue;
    const item = m[3]!.replace(/\(/g, '（').replace(/\)/g, '）');
    shown.push(formatCitationTitled({ doc, article: m[2]!, ...(item ? { item } : {}) }));
  }
  return shown.length ? shown.join('；') : null;
}

/** Field specs with their rule notes in the agency's terms (a note with nothing to show is dropped). */
export function specsForProfile<T extends { rule?: string | undefined }>(specs: readonly T[], profile: ProfileId): T[] {
  return specs.map((s) => {
    if (!s.rule) return s;
    const text = ruleText(s.rule, profile);
    const { rule: _rule, ...rest } = s;
    return (text ? { ...rest, rule: text } : rest) as T;
  });
}

/**
 * Citations as an agency under `profile` reads them: its own province's
 * documents and national ones, each 《full title》第N条; others left out.
 * '' when none is left (the rule then shows no basis rather than a foreign one).
 */
export function formatBasisFor(citations: readonly Citation[], profile: ProfileId): string {
  const docs = profile in PROFILES ? profileDocuments(profile) : new Set<DocKey>(NATIONAL_DOCUMENTS);
  return citations
    .filter((c) => docs.has(c.doc))
    .map(formatCitationTitled)
    .join('；');
}
