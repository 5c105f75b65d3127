/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` dropped as
 * JSON.stringify does. The bytes of a log leaf and of a record's content hash
 * (REC-16, NAT-18) are canonical JSON so that anyone can recompute them from
 * the same facts, offline.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
