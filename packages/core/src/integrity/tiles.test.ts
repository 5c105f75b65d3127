import { describe, expect, it } from 'vitest';
import { decodeEntryBundle, encodeEntryBundle, formatTileIndex, formatTilePath, hashesAtLevel, parseTilePath, tileNodes } from './tiles.js';

describe('REC-16 · SX25-R 22: C2SP tlog-tiles paths and geometry', () => {
  it.each([
    [0, '000'],
    [5, '005'],
    [999, '999'],
    [1000, 'x001/000'],
    [1234, 'x001/234'],
    [1234067, 'x001/x234/067'],
  ])('index %i is written %s', (n, text) => {
    expect(formatTileIndex(n)).toBe(text);
    expect(parseTilePath(`tile/0/${text}`)).toEqual({ level: 0, index: n, width: 256 });
  });

  it('parses partial tiles and entry bundles', () => {
    expect(parseTilePath('tile/1/x001/234.p/17')).toEqual({ level: 1, index: 1234, width: 17 });
    expect(parseTilePath('tile/entries/005.p/255')).toEqual({ level: 'entries', index: 5, width: 255 });
    expect(formatTilePath({ level: 2, index: 1234067, width: 3 })).toBe('tile/2/x001/x234/067.p/3');
    expect(formatTilePath({ level: 'entries', index: 0, width: 256 })).toBe('tile/entries/000');
  });

  it.each([
    'tile/0/5', // not 3 digits
    'tile/0/0005',
    'tile/00/000', // level with a leading zero
    'tile/64/000', // level above 63
    'tile/0/001/234', // inner element without x
    'tile/0/x000/005', // non-canonical leading group
    'tile/0/000.p/0', // width 0
    'tile/0/000.p/256', // a full tile is never .p
    'tile/0/000.p/07',
    'tile/0/000.p',
    'tile/0/x001.p/3/234',
    'tile/x/000',
    'tiles/0/000',
  ])('refuses %s', (p) => {
    expect(parseTilePath(p)).toBeUndefined();
  });

  it('level L of a tree of size s has floor(s / 256^L) hashes (spec example: size 70,000)', () => {
    // 273 full level-0 tiles and one of width 112; one full level-1 tile and one of width 17; level 2 width 1.
    expect(hashesAtLevel(70_000, 0)).toBe(273 * 256 + 112);
    expect(hashesAtLevel(70_000, 1)).toBe(256 + 17);
    expect(hashesAtLevel(70_000, 2)).toBe(1);
    expect(tileNodes({ level: 0, index: 272, width: 256 }, 70_000)).toEqual({ treeLevel: 0, begin: 272 * 256, end: 273 * 256 });
    expect(tileNodes({ level: 0, index: 273, width: 256 }, 70_000)).toBeUndefined();
    expect(tileNodes({ level: 0, index: 273, width: 112 }, 70_000)).toEqual({ treeLevel: 0, begin: 273 * 256, end: 273 * 256 + 112 });
    expect(tileNodes({ level: 0, index: 273, width: 113 }, 70_000)).toBeUndefined();
    expect(tileNodes({ level: 1, index: 1, width: 17 }, 70_000)).toEqual({ treeLevel: 8, begin: 256, end: 273 });
    expect(tileNodes({ level: 2, index: 0, width: 1 }, 70_000)).toEqual({ treeLevel: 16, begin: 0, end: 1 });
    expect(tileNodes({ level: 3, index: 0, width: 1 }, 70_000)).toBeUndefined();
    // A tree of 256 leaves: one full level-0 tile and a level-1 tile of width 1.
    expect(tileNodes({ level: 1, index: 0, width: 1 }, 256)).toEqual({ treeLevel: 8, begin: 0, end: 1 });
    expect(tileNodes({ level: 'entries', index: 0, width: 256 }, 256)).toEqual({ treeLevel: 0, begin: 0, end: 256 });
  });

  it('entry bundles are big-endian uint16 length-prefixed entries', () => {
    const a = new TextEncoder().encode('{"v":1}');
    const b = new Uint8Array(300).fill(0x61);
    const bundle = encodeEntryBundle([a, b]);
    expect([...bundle.subarray(0, 2)]).toEqual([0, 7]);
    expect([...bundle.subarray(9, 11)]).toEqual([1, 44]); // 300 = 0x012c
    expect(bundle.byteLength).toBe(2 + 7 + 2 + 300);
    expect(decodeEntryBundle(bundle).map((e) => e.byteLength)).toEqual([7, 300]);
    expect(() => encodeEntryBundle([new Uint8Array(65_536)])).toThrow(/65535/);
    expect(() => decodeEntryBundle(bundle.subarray(0, 5))).toThrow();
  });
});
