/**
 * The log as C2SP tlog-tiles (https://c2sp.org/tlog-tiles), the static form
 * in which Go's checksum database and Sigstore's Rekor v2 serve their logs,
 * so that any standard client can audit ours (DESIGN §6; REC-16 · SX25-R 22,
 * NAT-18 · 法发〔2016〕22号 Art 5):
 *
 *   <prefix>/tile/<L>/<N>[.p/<W>]        hash tiles
 *   <prefix>/tile/entries/<N>[.p/<W>]    entry bundles
 *
 * Tiles have height 8: a full tile holds 256 hashes of 32 bytes. Hash i of
 * tile N at level L is MTH(D[(N·256+i)·256^L : (N·256+i+1)·256^L]), i.e. the
 * perfect subtree node at tree level 8·L, index N·256+i — exactly the rows
 * the log stores (log_nodes); level 0 holds the leaf hashes. A partial tile
 * (width 1..255) holds the first W hashes of a tile not yet full. For a tree
 * of size s, level L has floor(s / 256^L) hashes.
 *
 * Pure functions: paths, availability and the entry-bundle encoding.
 */
import { IntegrityError } from './errors.js';
import { assertSize } from './node-id.js';

/** Tile height (C2SP tlog-tiles): 8 tree levels per tile level. */
export const TILE_HEIGHT = 8;
/** Hashes in a full tile (2^8). */
export const TILE_WIDTH = 256;
/** Largest entry an entry bundle can carry (big-endian uint16 length prefix). */
export const MAX_ENTRY_BYTES = 0xffff;

/** A hash tile (`level` ≥ 0) or an entry bundle (`level` = 'entries'). */
export interface TileRef {
  readonly level: number | 'entries';
  readonly index: number;
  /** 256 for a full tile, 1..255 for a partial one. */
  readonly width: number;
}

const LEVEL_RE = /^(?:0|[1-9][0-9]?)$/;
const WIDTH_RE = /^[1-9][0-9]{0,2}$/;

/** N as 3-digit path elements, all but the last prefixed with `x`: 1234067 → `x001/x234/067`. */
export function formatTileIndex(index: number): string {
  assertSize(index, 'tile index');
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/** The path of a tile below the log prefix, e.g. `tile/0/x001/234.p/7` or `tile/entries/005`. */
export function formatTilePath(tile: TileRef): string {
  const suffix = tile.width === TILE_WIDTH ? '' : `.p/${tile.width}`;
  return `tile/${tile.level}/${formatTileIndex(tile.index)}${suffix}`;
}

/**
 * Parses the path after `<prefix>/` strictly as the spec writes it (no extra
 * leading zeros, `x` on every element but the last, level 0..63, width
 * 1..255); undefined for anything else (the server answers 404).
 */
export function parseTilePath(path: string): TileRef | undefined {
  const parts = path.split('/');
  if (parts.length < 3 || parts[0] !== 'tile') return undefined;
  const levelText = parts[1]!;
  let level: number | 'entries';
  if (levelText === 'entries') level = 'entries';
  else if (LEVEL_RE.test(levelText) && Number(levelText) <= 63) level = Number(levelText);
  else return undefined;
  const rest = parts.slice(2);
  let width = TILE_WIDTH;
  // `.p/<W>`: the last index element carries `.p`, then one more element with the width.
  const pAt = rest.findIndex((p) => p.endsWith('.p'));
  if (pAt >= 0) {
    if (pAt !== rest.length - 2) return undefined;
    const w = rest[rest.length - 1]!;
    if (!WIDTH_RE.test(w) || Number(w) > TILE_WIDTH - 1) return undefined;
    width = Number(w);
    rest.pop();
    rest[rest.length - 1] = rest[rest.length - 1]!.slice(0, -2);
  }
  let index = 0;
  for (let i = 0; i < rest.length; i++) {
    const el = rest[i]!;
    const last = i === rest.length - 1;
    const digits = last ? el : el.startsWith('x') ? el.slice(1) : '';
    if (!/^[0-9]{3}$/.test(digits)) return undefined;
    index = index * 1000 + Number(digits);
  }
  // No leading all-zero groups: `x000/005` is not the canonical form of 5.
  if (rest.length > 1 && rest[0] === 'x000') return undefined;
  if (!Number.isSafeInteger(index)) return undefined;
  return { level, index, width };
}

/** Number of hashes at tile level `level` for a tree of `size` leaves: floor(size / 256^level). */
export function hashesAtLevel(size: number, level: number): number {
  assertSize(size, 'tree size');
  return Math.floor(size / TILE_WIDTH ** level);
}

/**
 * Which stored nodes a tile is made of, or undefined when the tree of `size`
 * leaves does not (yet) contain it: tree level 8·L, indices
 * [N·256, N·256 + W). Entry bundles cover the leaves of the level-0 tile.
 */
export function tileNodes(tile: TileRef, size: number): { treeLevel: number; begin: number; end: number } | undefined {
  const level = tile.level === 'entries' ? 0 : tile.level;
  if (tile.width < 1 || tile.width > TILE_WIDTH) return undefined;
  const begin = tile.index * TILE_WIDTH;
  const end = begin + tile.width;
  if (end > hashesAtLevel(size, level)) return undefined;
  return { treeLevel: level * TILE_HEIGHT, begin, end };
}

/** Encodes entries as an entry bundle: each one a big-endian uint16 length, then its bytes. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const e of entries) {
    if (e.byteLength > MAX_ENTRY_BYTES) throw new IntegrityError('integrity.invalid_argument', `entry of ${e.byteLength} bytes exceeds the ${MAX_ENTRY_BYTES}-byte limit of an entry bundle`);
    total += 2 + e.byteLength;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const e of entries) {
    out[at] = e.byteLength >> 8;
    out[at + 1] = e.byteLength & 0xff;
    out.set(e, at + 2);
    at += 2 + e.byteLength;
  }
  return out;
}

/** Splits an entry bundle into its entries; throws on a truncated bundle. */
export function decodeEntryBundle(bundle: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < bundle.byteLength) {
    if (at + 2 > bundle.byteLength) throw new IntegrityError('integrity.invalid_argument', 'entry bundle ends inside a length prefix');
    const len = (bundle[at]! << 8) | bundle[at + 1]!;
    if (at + 2 + len > bundle.byteLength) throw new IntegrityError('integrity.invalid_argument', 'entry bundle ends inside an entry');
    out.push(bundle.subarray(at + 2, at + 2 + len));
    at += 2 + len;
  }
  return out;
}
