/**
 * One request-wide rule at the boundary (issue 14 item 1): whatever a route
 * declares, no value reaches the database that PostgreSQL would refuse with a
 * 500. Every string of the path, query, body and headers is checked for NUL
 * and lone UTF-16 surrogates (text and jsonb columns refuse both); every
 * integer must fit the column it can reach (integer, or bigint for the few
 * byte-size fields); every date-shaped string must be a real calendar date.
 * The answer is 400 `validation.failed` naming the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@sanxiang/core';

const INT4_MAX = 2_147_483_647;
const INT4_MIN = -2_147_483_648;
/**
 * Fields stored in bigint columns (byte sizes of media files) or as amounts of
 * money in jsonb (yuan; no int4 limit): these only need to be safe integers.
 */
const BIGINT_FIELDS = new Set(['size', 'declaredSize', 'uploadLength', 'offset', 'fineAmount', 'confiscationAmount', 'atLeast', 'amountYuan']);

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DATE_SHAPED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

export interface InputProblem {
  field: string;
  problem: string;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Why a string is refused, or null. `dates: false` leaves date-shaped text to the caller. */
export function badString(s: string, dates = true): string | null {
  if (NUL.test(s)) return '含有空字符（NUL）';
  if (LONE_SURROGATE.test(s)) return '含有不成对的代理字符（无效的 Unicode）';
  const m = dates ? DATE_SHAPED.exec(s) : null;
  if (m) {
    const [y, mo, d, h, mi, sec, oh, om] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
    if (!y || y < 1 || !mo || mo > 12 || !d || d > daysInMonth(y, mo)) return `不是有效的日期（${s.slice(0, 10)}）`;
    if ((h ?? 0) > 23 || (mi ?? 0) > 59 || (sec ?? 0) > 59 || (oh ?? 0) > 14 || (om ?? 0) > 59) return '不是有效的时间';
  }
  return null;
}

/** Why a number is refused for the given field, or null. */
export function badNumber(n: number, key: string): string | null {
  if (!Number.isFinite(n)) return '不是有限数值';
  if (!Number.isInteger(n)) return null;
  if (BIGINT_FIELDS.has(key)) return Number.isSafeInteger(n) ? null : '超出允许的整数范围';
  if (n > INT4_MAX || n < INT4_MIN) return `超出允许的整数范围（${INT4_MIN} 至 ${INT4_MAX}）`;
  return null;
}

/** Walks a parsed value; returns the first problem found (path in dotted form). */
export function findBadInput(value: unknown, where: string, key = '', dates = true): InputProblem | null {
  if (typeof value === 'string') {
    const p = badString(value, dates);
    return p ? { field: where, problem: p } : null;
  }
  if (typeof value === 'number') {
    const p = badNumber(value, key);
    return p ? { field: where, problem: p } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findBadInput(value[i], `${where}[${i}]`, key, dates);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array) && typeof (value as { pipe?: unknown }).pipe !== 'function') {
    for (const [k, v] of Object.entries(value)) {
      if (NUL.test(k) || LONE_SURROGATE.test(k)) return { field: `${where}.${k.replace(/[\u0000\uD800-\uDFFF]/g, '?')}`, problem: '字段名含有空字符或无效的 Unicode' };
      const p = findBadInput(v, `${where}.${k}`, k, dates);
      if (p) return p;
    }
  }
  return null;
}

function check(req: FastifyRequest, parts: Array<['path' | 'query' | 'body' | 'headers', unknown]>): void {
  // The portal's forms check their dates themselves and answer with the form
  // re-rendered around the bad field (PUB pages); the API gets the rule here.
  const dates = req.url.startsWith('/api/');
  for (const [where, value] of parts) {
    const p = findBadInput(value, where, '', dates && where !== 'headers');
    if (p) throw new AppError('validation.failed', { detail: `${p.field} ${p.problem}`, details: [p] });
  }
}

/** Registers the rule on the whole application (before any route is added). */
export function registerInputGuard(app: FastifyInstance): void {
  // Strings as they arrive (before zod coerces or trims them): path, query, headers, body.
  app.addHook('preValidation', async (req) => {
    const headers: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' || Array.isArray(v)) headers[k] = v;
    check(req, [
      ['path', req.params],
      ['query', req.query],
      ['headers', stringsOnly(headers)],
      ['body', req.body],
    ]);
  });
  // Numbers after coercion: "9999999999" in a path becomes a number here.
  app.addHook('preHandler', async (req) => {
    check(req, [
      ['path', req.params],
      ['query', req.query],
      ['body', req.body],
    ]);
  });
}

/** Headers are text; only their characters are checked (a digit header is not a column value). */
function stringsOnly(h: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.map(String) : String(v);
  return out;
}
