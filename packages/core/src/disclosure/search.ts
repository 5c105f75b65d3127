/**
 * Portal search keys (PUB-11, SYS-4 站内搜索). Chinese names have no spaces
 * to split on, so a published decision is indexed by the single characters
 * and the character pairs (bigrams) of its party name and 文号; a query
 * matches an item whose keys contain every pair of the query (every
 * character, for a one-character query). The database keeps the keys in an
 * array column with a GIN index (core PostgreSQL and PGlite alike, no
 * extension), and the final substring check runs on the few rows it finds.
 */

/** Full-width to half-width, lower case, no spaces or punctuation. */
export function normalizeSearchText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The index keys of the texts: every character and every adjacent pair within one text. */
export function searchGrams(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    const chars = [...normalizeSearchText(t)];
    for (let i = 0; i < chars.length; i++) {
      out.add(chars[i]!);
      if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...out].sort();
}

/** The keys a query needs: its pairs, or its one character. Empty for an empty query. */
export function queryGrams(query: string): string[] {
  const chars = [...normalizeSearchText(query)];
  if (chars.length === 0) return [];
  if (chars.length === 1) return [chars[0]!];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out].sort();
}

/** The normalized texts joined for the final substring check (a separator no query can contain). */
export function searchText(texts: readonly string[]): string {
  return texts.map(normalizeSearchText).join('\u0001');
}
