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
 */
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
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
}

/** Counting stops here: the portal says "more than N" beyond it (a count over a million rows is not free). */
export const PORTAL_COUNT_CAP = 10_000;
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

export async function searchPublished(db: DbOrTx, query: PortalQuery, today: string): Promise<{ items: PortalHit[]; total: number; capped: boolean; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), PORTAL_MAX_PAGE);
  const where = portalWhere(query, today);
  const [rows, counted] = await Promise.all([
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
      .where(where)
      .orderBy(desc(publications.decisionDate), desc(publications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${publications} WHERE ${where} LIMIT ${PORTAL_COUNT_CAP + 1}) t`),
  ]);
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return {
    items: rows.map((r) => ({ ...r, title: r.title ?? '', party: r.party ?? '' })),
    total: Math.min(n, PORTAL_COUNT_CAP),
    capped: n > PORTAL_COUNT_CAP,
    page,
    pageSize,
  };
}
