/**
 * What the public portal reads of published decisions, beyond the search
 * (portal-search.ts): one decision, the withdrawal notices, the feeds and the
 * 双公示 export. Every query selects an explicit list of public columns
 * (public_title, public_party, public_content — the redacted copy made at
 * approval) and never the versions' unredacted fields (PUB-4).
 *
 * Visibility (PUB-7, PUB-11): decisions go through `portalWhere`/`visibleOn`
 * of portal-search.ts, the one predicate of every public channel, so the page,
 * the search, the feeds and the export always agree.
 *
 * Withdrawal notices (PUB-8 · SX25-P 25, GS-P 16): a withdrawn decision's
 * notice stays on the portal until the end of the window the decision itself
 * would have had (remove_by), so that whoever saw the decision can see why it
 * went; the notice names the decision (title with 文号, agency, date) but not
 * the party.
 */
import { and, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { agencies, publications } from '../db/schema.js';
import { portalWhere, visibleOn, type PortalQuery } from './portal-search.js';

/** The public columns of a decision, and nothing else. */
const PUBLIC_COLUMNS = {
  id: publications.id,
  agencyId: publications.agencyId,
  agencyName: publications.agencyName,
  actionType: publications.actionType,
  decisionKind: publications.decisionKind,
  decisionNumber: publications.decisionNumber,
  decisionDate: publications.decisionDate,
  firstPublishedOn: publications.firstPublishedOn,
  publishedAt: publications.publishedAt,
  removeNotBefore: publications.removeNotBefore,
  removeBy: publications.removeBy,
  title: publications.publicTitle,
  party: publications.publicParty,
  content: publications.publicContent,
};

export type PublicDecisionRow = {
  [K in keyof typeof PUBLIC_COLUMNS]: (typeof PUBLIC_COLUMNS)[K]['_']['notNull'] extends true ? (typeof PUBLIC_COLUMNS)[K]['_']['data'] : (typeof PUBLIC_COLUMNS)[K]['_']['data'] | null;
};

/** The notice of a withdrawn decision: what GS-P 16 asks to publish, no party. */
export interface WithdrawalNotice {
  id: string;
  agencyId: string;
  agencyName: string;
  actionType: string;
  decisionNumber: string;
  decisionDate: string;
  title: string;
  cause: 'changed' | 'revoked' | 'unlawful' | 'void';
  statement: string;
  changedOn: string;
  withdrawnOn: string;
  changingDecision: { body: string; number: string; date: string; content: string };
}

/** PUB-8: a withdrawal notice is public while the decision's own window would have run. */
export function noticeVisibleOn(today: string): SQL {
  return and(
    eq(publications.status, 'withdrawn'),
    isNotNull(publications.firstPublishedOn),
    sql`${publications.withdrawal} IS NOT NULL`,
    sql`(${publications.removeBy} IS NULL OR ${publications.removeBy} >= ${today})`,
  )!;
}

const NOTICE_COLUMNS = {
  id: publications.id,
  agencyId: publications.agencyId,
  agencyName: publications.agencyName,
  actionType: publications.actionType,
  decisionNumber: publications.decisionNumber,
  decisionDate: publications.decisionDate,
  title: publications.publicTitle,
  withdrawal: publications.withdrawal,
  updatedAt: publications.updatedAt,
};

function toNotice(r: { id: string; agencyId: string; agencyName: string; actionType: string; decisionNumber: string; decisionDate: string; title: string | null; withdrawal: import('../db/schema.js').WithdrawalRecord | null }): WithdrawalNotice {
  const w = r.withdrawal!;
  return {
    id: r.id,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    actionType: r.actionType,
    decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate,
    title: r.title ?? '执法决定',
    cause: w.cause,
    statement: w.statement,
    changedOn: w.changedOn,
    withdrawnOn: w.withdrawnOn ?? '',
    changingDecision: w.changingDecision,
  };
}

export type PublicDecisionLookup = { state: 'online'; decision: PublicDecisionRow } | { state: 'withdrawn'; notice: WithdrawalNotice } | null;

/**
 * One decision as the public may see it today: online (PUB-11 predicate),
 * withdrawn with its notice (PUB-8), or nothing (draft, withheld, expired,
 * unknown — PUB-5, PUB-7: indistinguishable).
 */
export async function findPublicDecision(db: DbOrTx, id: string, today: string): Promise<PublicDecisionLookup> {
  const [online] = await db.select(PUBLIC_COLUMNS).from(publications).where(and(eq(publications.id, id), visibleOn(today)));
  if (online) return { state: 'online', decision: online };
  const [gone] = await db.select(NOTICE_COLUMNS).from(publications).where(and(eq(publications.id, id), noticeVisibleOn(today)));
  if (gone) return { state: 'withdrawn', notice: toNotice(gone) };
  return null;
}

/** PUB-8: the withdrawal notices, newest first, numbered pages. */
export async function listWithdrawalNotices(db: DbOrTx, today: string, opts: { page: number; pageSize: number; agencyPath?: string | undefined }) {
  const conds = [noticeVisibleOn(today)];
  if (opts.agencyPath) conds.push(sql`${publications.agencyPath} LIKE ${`${opts.agencyPath.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    db
      .select(NOTICE_COLUMNS)
      .from(publications)
      .where(where)
      .orderBy(desc(sql`${publications.withdrawal}->>'withdrawnOn'`), desc(publications.updatedAt), desc(publications.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(publications).where(where),
  ]);
  return { items: rows.map(toNotice), total: Number(count?.n ?? 0) };
}

/** The newest visible decisions, in the search's order (the feeds: PUB-11). */
export async function latestPublicDecisions(db: DbOrTx, query: PortalQuery, today: string, limit: number): Promise<PublicDecisionRow[]> {
  return db
    .select(PUBLIC_COLUMNS)
    .from(publications)
    .where(portalWhere(query, today))
    .orderBy(desc(publications.decisionDate), desc(publications.id))
    .limit(limit);
}

export interface ExportDecisionRow extends PublicDecisionRow {
  agencyCreditCode: string;
}

/**
 * NAT-15, PUB-11: the visible penalty decisions for the credit platform, with
 * the deciding agency's credit code. At most `cap` rows; `more` says whether
 * there were more (the caller asks for a narrower range).
 */
export async function publicPenaltiesForExport(db: DbOrTx, query: Pick<PortalQuery, 'agencyPath' | 'from' | 'to'>, today: string, cap: number): Promise<{ rows: ExportDecisionRow[]; more: boolean }> {
  const rows = await db
    .select({ ...PUBLIC_COLUMNS, agencyCreditCode: agencies.creditCode })
    .from(publications)
    .innerJoin(agencies, eq(agencies.id, publications.agencyId))
    .where(portalWhere({ ...query, actionType: 'penalty' }, today))
    .orderBy(desc(publications.decisionDate), desc(publications.id))
    .limit(cap + 1);
  return { rows: rows.slice(0, cap), more: rows.length > cap };
}
