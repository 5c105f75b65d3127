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
import { DOCUMENTS, citationTitle, formatCitationTitled, type Citation, type DocKey } from './documents.js';
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

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
/**
 * A short-form citation in running text: 'GS-R 第七条第一款', 'SX25-P 第十九条（五）',
 * '行政处罚法 第六十条', or a rule note's 'GS-R 22(六)' / '行政处罚法 Art 59(一)'.
 */
const SHORT_CITATION = new RegExp(
  `(${[...BY_LABEL.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|')}) (?:(第[一二三四五六七八九十百零〇两]+条(?:第[一二三四五六七八九十]+[款项句])*(?:（[一二三四五六七八九十]+）)*)|(?:Art )?(\\d+)((?:\\([^)]*\\))*))`,
  'g',
);
const FOREIGN = '\u0000';

/**
 * Running text with citations in short form (a refusal, a deadline's basis, a
 * hint: 「须写明查阅理由（XX-R 第十八条）」) as an officer of an agency under
 * `profile` reads it (issue 15 item 2): each citation of a document the agency
 * runs under by full title (「《生态环境系统行政执法全过程记录办法》第二十一条」),
 * citations of another province's documents left out with the brackets and
 * separators they leave empty, requirement ids ('REC-9 · ') dropped. Without a
 * profile every citation is kept, by full title.
 */
export function officerText(text: string, profile?: ProfileId | string | null): string {
  const docs = profile && profile in PROFILES ? profileDocuments(profile as ProfileId) : undefined;
  let out = text.replace(SHORT_CITATION, (_m, label: string, article: string | undefined, number: string | undefined, items: string | undefined) => {
    const doc = BY_LABEL.get(label)!;
    if (docs && !docs.has(doc)) return FOREIGN;
    if (article) return `${citationTitle(doc)}${article}`;
    const item = (items ?? '').replace(/\(/g, '（').replace(/\)/g, '）');
    return formatCitationTitled({ doc, article: number!, ...(item ? { item } : {}) });
  });
  out = out.replace(/\b[A-Z]{2,4}-\d+\s*·\s*/g, '').replace(/（\s*[A-Z]{2,4}-\d+\s*）/g, '');
  if (out.includes(FOREIGN)) {
    out = out
      .replace(new RegExp(`${FOREIGN}\\s*[、；，,]\\s*`, 'g'), '')
      .replace(new RegExp(`\\s*[、；，,]\\s*${FOREIGN}`, 'g'), '')
      .replace(new RegExp(`（(?:另见|参见|依据)?\\s*${FOREIGN}\\s*）`, 'g'), '')
      .replace(new RegExp(`\\(\\s*${FOREIGN}\\s*\\)`, 'g'), '')
      .replace(new RegExp(`(?:依据|参见)[：:]?\\s*${FOREIGN}`, 'g'), '')
      .replace(new RegExp(FOREIGN, 'g'), '');
  }
  return out;
}

