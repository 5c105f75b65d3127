/**
 * Row seals (DESIGN §6; REC-16, NAT-18, SYS-5): every row a person relies on
 * that is written once and never changed — audit events, media access log
 * rows, access requests with their decisions and revocations, media metadata,
 * ex-ante content versions and publication versions — is hashed into the
 * integrity log in the same transaction that writes it. One call seals the
 * rows of one write as one leaf carrying each row's id and hash:
 *
 *   leaf = { kind: 'rows.seal', table, rows: [[id, sha256(canonical row)], …] }
 *
 * `sanxiang verify` re-reads every row of these tables and recomputes its
 * hash: a changed row, a deleted row and a row that no leaf seals (inserted
 * behind the platform's back) are each named with the object a person knows
 * (case number, document number, media record number).
 */
import crypto from 'node:crypto';
import { canonicalJson } from '@sanxiang/core';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { accessDecisions, accessRequests, accessRevocations, auditEvents, exAnteVersions, mediaAccessLog, mediaFiles, publicationVersions } from '../../db/schema.js';
import { appendLeaf } from '../integrity-log.js';

/** The tables whose rows are sealed one by one (all append-only), with each one's key. */
export const SEALED = {
  audit_events: { table: auditEvents, id: 'id' },
  media_access_log: { table: mediaAccessLog, id: 'id' },
  access_requests: { table: accessRequests, id: 'id' },
  access_decisions: { table: accessDecisions, id: 'requestId' },
  access_revocations: { table: accessRevocations, id: 'requestId' },
  media_files: { table: mediaFiles, id: 'id' },
  exante_versions: { table: exAnteVersions, id: 'id' },
  publication_versions: { table: publicationVersions, id: 'id' },
} as const;
export type SealedTable = keyof typeof SEALED;
export const SEALED_TABLES = Object.keys(SEALED) as SealedTable[];

/** Dates as ISO strings, everything else as read: the same value whether just inserted or read back later. */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

/** The sealed hash of one row as drizzle reads it (all columns). */
export function rowHash(row: Record<string, unknown>): string {
  return crypto.createHash('sha256').update(canonicalJson(normalize(row))).digest('hex');
}

export interface SealScope {
  at: Date;
  caseId?: string | null;
  agencyPath?: string | null;
}

/**
 * Seals rows just written (pass what `.returning()` gave) in the caller's
 * transaction: one leaf for the batch. On a bare database handle the seal is
 * its own transaction.
 */
export async function sealRows(db: DbOrTx, table: SealedTable, rows: Record<string, unknown>[], scope: SealScope): Promise<void> {
  if (!rows.length) return;
  const entries = rows.map((r) => [String(r[SEALED[table].id]), rowHash(r)]);
  // One leaf per SEAL_BATCH rows: a leaf must fit in a tlog-tiles entry bundle (≤ 65,535 bytes).
  const chunks: string[][][] = [];
  for (let i = 0; i < entries.length; i += SEAL_BATCH) chunks.push(entries.slice(i, i + SEAL_BATCH));
  const leaf = async (tx: Tx) => {
    for (const chunk of chunks) {
      await appendLeaf(tx, {
        kind: 'rows.seal',
        objectType: table,
        objectId: `${table}/${chunk[0]![0]!}`, // not the bare id: queries by object id keep finding only the act itself
        caseId: scope.caseId ?? null,
        agencyPath: scope.agencyPath ?? null,
        at: scope.at,
        payload: { table, rows: chunk },
      });
    }
  };
  if (isTx(db)) await leaf(db);
  else await db.transaction(leaf);
}

/** Rows per seal leaf: ids of up to 64 characters and 64-hex hashes keep a leaf well under 64 KiB. */
export const SEAL_BATCH = 400;

const isTx = (db: DbOrTx): db is Tx => typeof (db as Tx).rollback === 'function';

/** Seals the rows just written that `where` selects (one line after an insert at the call site). */
export async function sealWhere(db: DbOrTx, table: SealedTable, where: SQL | undefined, scope: SealScope): Promise<void> {
  const rows = (await db.select().from(SEALED[table].table).where(where)) as Record<string, unknown>[];
  await sealRows(db, table, rows, scope);
}
