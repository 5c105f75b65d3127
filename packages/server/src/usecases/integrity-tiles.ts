/**
 * Reads the log as C2SP tlog-tiles (DESIGN §6; REC-16 · SX25-R 22): hash
 * tiles from the stored perfect-subtree nodes (log_nodes at tree level 8·L),
 * entry bundles from the stored leaf data (log_leaves.data, the exact bytes
 * whose RFC 6962 leaf hash is the level-0 node). Geometry and encoding are in
 * core (`integrity/tiles.ts`); this file only queries.
 */
import { and, asc, between, eq } from 'drizzle-orm';
import { integrity } from '@sanxiang/core';
import type { DbOrTx } from '../db/client.js';
import { logLeaves, logNodes } from '../db/schema.js';
import { logSize } from './integrity-log.js';

const { tileNodes, encodeEntryBundle, fromHex, concatBytes } = integrity;

export type TileRef = integrity.TileRef;

/** The tile's bytes, or undefined when the tree does not (yet) contain it (the route answers 404). */
export async function readTile(db: DbOrTx, tile: TileRef): Promise<{ body: Uint8Array; full: boolean } | undefined> {
  const { size } = await logSize(db);
  const span = tileNodes(tile, size);
  if (!span) return undefined;
  const full = tile.width === integrity.TILE_WIDTH;
  if (tile.level === 'entries') {
    const rows = await db
      .select({ idx: logLeaves.idx, data: logLeaves.data })
      .from(logLeaves)
      .where(between(logLeaves.idx, span.begin, span.end - 1))
      .orderBy(asc(logLeaves.idx));
    expectContiguous(rows.map((r) => r.idx), span, 'log leaf');
    const enc = new TextEncoder();
    return { body: encodeEntryBundle(rows.map((r) => enc.encode(r.data))), full };
  }
  const rows = await db
    .select({ idx: logNodes.idx, hash: logNodes.hash })
    .from(logNodes)
    .where(and(eq(logNodes.level, span.treeLevel), between(logNodes.idx, span.begin, span.end - 1)))
    .orderBy(asc(logNodes.idx));
  expectContiguous(rows.map((r) => r.idx), span, `log node at level ${span.treeLevel}`);
  return { body: concatBytes(...rows.map((r) => fromHex(r.hash))), full };
}

/** A hole in the stored rows is a broken log, never a short tile. */
function expectContiguous(indices: number[], span: { begin: number; end: number }, what: string): void {
  if (indices.length !== span.end - span.begin || indices.some((v, i) => v !== span.begin + i)) {
    throw new Error(`${what} rows missing in [${span.begin}, ${span.end})`);
  }
}
