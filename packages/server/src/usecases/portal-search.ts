/**
 * The portal's decision search (PUB-11; SYS-4 站内搜索): what is online today,
 * by party name or 文号 (the bigram keys of core disclosure/search.ts, GIN
 * index, then the exact substring check), action type, agency (with the
 * agencies below it: SX25-P 9, a city's branches publish through the city's
 * platform) and decision date range; newest first; numbered pages.
 *
 * Visibility is one predicate, used by every channel (page, feeds, export:
 * PUB-11 "every channel shows the same information"): approved and online,
 * and not past the end of its window (PUB-7) even if the expiry job has not
 * run yet.
 *
 * Paging (issue 18): "下一页"/"上一页" follow a keyset cursor (the last row's
 * decision date and id, the order of the portal index), so page 400 costs what
 * page 2 costs; a numbered page reached directly (a typed or old link) still
 * uses OFFSET, bounded by PORTAL_MAX_PAGE. The capped count is computed once
 * per query shape and portal generation (a publication, withdrawal or expiry
 * bumps it: migration 0017), not on every page.
 */
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { queryGrams, normalizeSearchText, type ActionType } from '@sanxiang/core';
import type { DbOrTx } from '../db/client.js';
import { publications } from '../db/schema.js';

export interface PortalQuery {
  q?: string | undefined;
  actionType?: ActionType | undefined;
  /** Agency path prefix: the agency and those below. */
  agencyPath?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  /** Keyset: the rows after this one (older) in the portal's order; `before`: the rows before it. */
  after?: PortalCursor | undefined;
  before?: PortalCursor | undefined;
}

/** A position in the portal's order: decision date (newest first), then id. */
export interface PortalCursor {
  date: string;
  id: string;
}

const CURSOR_RE = /^(\d{4}-\d{2}-\d{2})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor as it appears in a link: `2026-03-02.<id>` (readable, nothing secret in it). */
export function encodeCursor(c: PortalCursor): string {
  return `${c.date}.${c.id}`;
}

/** Undefined for anything that is not a cursor this module wrote. */
export function decodeCursor(raw: string): PortalCursor | undefined {
  const m = CURSOR_RE.exec(raw);
  return m ? { date: m[1]!, id: m[2]! } : undefined;
}

/** Where the counts of query shapes are kept between pages (the portal keeps one per process). */
export interface CountMemo {
  get(key: string): number | undefined;
  set(key: string, n: number): void;
}

/** A bounded memo: the oldest shapes go first. */
export function countMemo(max = 2000): CountMemo & { size(): number } {
  const m = new Map<string, number>();
  return {
    get: (k) => m.get(k),
    set: (k, n) => {
      m.delete(k);
      m.set(k, n);
      if (m.size > max) m.delete(m.keys().next().value!);
    },
    size: () => m.size,
  };
}

/** Counting stops here: the portal says "more than N" beyond it (a count over a million rows is not free). */
/**
 * Counting stops here (issue 18: a count of up to 10,001 index entries cost
 * 5–10 ms, ten times the page itself; up to 1,001 costs a tenth of that).
 * Beyond it the page says 「超过1000条」, the numbered links run to the last
 * counted page and 下一页 goes on by keyset up to PORTAL_MAX_PAGE.
 */
export const PORTAL_COUNT_CAP = 1_000;
export const PORTAL_MAX_PAGE = 500;

/** The visibility predicate of every public channel (PUB-7, PUB-11). */
export function visibleOn(today: string): SQL {
  return and(eq(publications.online, true), sql`(${publications.removeBy} IS NULL OR ${publications.removeBy} >= ${today})`)!;
}

/** A complete document number such as 并环罚〔2026〕3号. */
const DOCUMENT_NUMBER = /^\S+〔\d{4}〕\d+号$/;

export function portalWhere(query: PortalQuery, today: string): SQL {
  const conds: SQL[] = [visibleOn(today)];
  const q = query.q?.trim() ?? '';
  if (q && DOCUMENT_NUMBER.test(q)) {
    // A whole 文号: its digit pairs are in nearly every row, the plain index is exact and instant.
    conds.push(eq(publications.decisionNumber, q));
  } else if (q) {
    const grams = queryGrams(q);
    if (grams.length) conds.push(sql`${publications.searchGrams} @> ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`);
    const needle = normalizeSearchText(q);
    // The keys find candidates; the substring check on the normalized text decides.
    conds.push(sql`position(${needle} in ${publications.searchText}) > 0`);
  }
  if (query.actionType) conds.push(eq(publications.actionType, query.actionType));
  if (query.agencyPath) conds.push(sql`${publications.agencyPath} LIKE ${`${query.agencyPath.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  if (query.from) conds.push(gte(publications.decisionDate, query.from));
  if (query.to) conds.push(lte(publications.decisionDate, query.to));
  return and(...conds)!;
}

export interface PortalHit {
  id: string;
  title: string;
  party: string;
  agencyName: string;
  actionType: ActionType;
  decisionNumber: string;
  decisionDate: string;
  firstPublishedOn: string | null;
}

export interface PortalPage {
  items: PortalHit[];
  total: number;
  capped: boolean;
  page: number;
  pageSize: number;
  /** The cursors of the neighbouring pages (undefined at either end). */
  next?: PortalCursor | undefined;
  prev?: PortalCursor | undefined;
}

/**
 * One page of the search. `counts`: a memo and the portal generation the
 * count is valid for; without it the count is computed on every call.
 */
export async function searchPublished(db: DbOrTx, query: PortalQuery, today: string, counts?: { memo: CountMemo; generation: string }): Promise<PortalPage> {
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), PORTAL_MAX_PAGE);
  const where = portalWhere(query, today);
  const backwards = !query.after && !!query.before;
  const key = query.after ?? query.before;
  const keyset = key ? (backwards ? sql`(${publications.decisionDate}, ${publications.id}) > (${key.date}, ${key.id})` : sql`(${publications.decisionDate}, ${publications.id}) < (${key.date}, ${key.id})`) : undefined;
  const countKey = counts ? JSON.stringify([counts.generation, today, query.q?.trim() ?? '', query.actionType ?? '', query.agencyPath ?? '', query.from ?? '', query.to ?? '']) : undefined;
  const known = countKey ? counts!.memo.get(countKey) : undefined;
  // One row more than the page says whether there is a page beyond it.
  const [fetched, n] = await Promise.all([
    db
      .select({
        id: publications.id,
        title: publications.publicTitle,
        party: publications.publicParty,
        agencyName: publications.agencyName,
        actionType: publications.actionType,
        decisionNumber: publications.decisionNumber,
        decisionDate: publications.decisionDate,
        firstPublishedOn: publications.firstPublishedOn,
      })
      .from(publications)
      .where(keyset ? and(where, keyset) : where)
      .orderBy(...(backwards ? [asc(publications.decisionDate), asc(publications.id)] : [desc(publications.decisionDate), desc(publications.id)]))
      .limit(pageSize + 1)
      .offset(key ? 0 : (page - 1) * pageSize),
    known !== undefined
      ? Promise.resolve(known)
      : db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${publications} WHERE ${where} LIMIT ${PORTAL_COUNT_CAP + 1}) t`).then((counted) => Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0)),
  ]);
  if (countKey && known === undefined) counts!.memo.set(countKey, n);
  const more = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize);
  if (backwards) rows.reverse();
  const at = (r: (typeof rows)[number] | undefined) => (r ? { date: r.decisionDate, id: r.id } : undefined);
  // Going forwards there is a previous page unless this is the first; going backwards, a next one.
  const hasPrev = backwards ? more : page > 1 && rows.length > 0;
  const hasNext = backwards ? rows.length > 0 : more;
  return {
    items: rows.map((r) => ({ ...r, title: r.title ?? '', party: r.party ?? '' })),
    total: Math.min(n, PORTAL_COUNT_CAP),
    capped: n > PORTAL_COUNT_CAP,
    page,
    pageSize,
    next: hasNext ? at(rows[rows.length - 1]) : undefined,
    prev: hasPrev ? at(rows[0]) : undefined,
  };
}
