/**
 * Text views used by redaction (PUB-4) and the leak guard.
 *
 * - `scanView`: the text with full-width ASCII (０-９, Ａ-Ｚ, －, （） …) turned
 *   into half-width, the ideographic space into a space, and runs of at least
 *   seven Chinese numerals (一三八〇〇一三…, 幺, 两) into digits. Every
 *   character maps to exactly one character, so positions in the view are
 *   positions in the original text: detectors run on the view and masks are
 *   cut from the original.
 * - `compactView`: the scan view without separators (whitespace, hyphens and
 *   dashes, dots, middle dots, parentheses) and upper-cased, with a map back to
 *   the original positions. A known value is searched in its compact form, so
 *   '138 0013 8000', '138-0013-8000', '１３８００１３８０００' and '王 伟' all
 *   match their plain values.
 */

const CHINESE_NUMERALS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** A run of Chinese numerals long enough to be a phone or ID number written out (separators allowed). */
const NUMERAL_RUN = /[〇零一幺二两三四五六七八九](?:[\s\-－—·]?[〇零一幺二两三四五六七八九]){6,}/g;

/** Full-width ASCII → half-width, ideographic space → space. One character in, one out. */
export function halfWidthChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000 || c === 0x00a0) return ' ';
  // hyphen-like marks read as '-'
  if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0xfe63) return '-';
  return ch;
}

/** The scan view: same length as `text`, see the module comment. */
export function scanView(text: string): string {
  let out = '';
  for (const ch of text.split('')) out += halfWidthChar(ch);
  return out.replace(NUMERAL_RUN, (run) => run.replace(/./g, (ch) => CHINESE_NUMERALS[ch] ?? ch));
}

/** Characters dropped from the compact view (and from compacted values). */
const SEPARATOR = /[\s\-_.·•・/\\()（）[\]【】]/;

export function isSeparator(ch: string): boolean {
  return SEPARATOR.test(ch);
}

/** A compact view with, for each of its characters, the index of the original character. */
export interface CompactView {
  text: string;
  map: number[];
}

export function compactView(text: string): CompactView {
  const scan = scanView(text);
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < scan.length; i++) {
    const ch = scan[i] as string;
    if (isSeparator(ch)) continue;
    out += ch.toUpperCase();
    map.push(i);
  }
  return { text: out, map };
}

/** The compact form of a value: what `compactView` would make of it. */
export function compact(value: string): string {
  return compactView(value).text;
}

/** A half-open span of the original text. */
export interface Span {
  start: number;
  end: number;
}

/** Every occurrence of `value` (compared in compact form) as spans of the original text; overlapping hits are all returned. */
export function findCompact(view: CompactView, value: string): Span[] {
  const needle = compact(value);
  if (needle.length === 0) return [];
  const out: Span[] = [];
  let from = 0;
  for (;;) {
    const i = view.text.indexOf(needle, from);
    if (i < 0) break;
    out.push({ start: view.map[i] as number, end: (view.map[i + needle.length - 1] as number) + 1 });
    from = i + 1;
  }
  return out;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Compound surnames (复姓) recognised when a name is shortened to 姓 + 某. */
export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '司徒', '尉迟', '长孙', '宇文', '公孙', '夏侯', '轩辕',
  '端木', '西门', '独孤', '南宫', '万俟', '闻人', '澹台', '申屠', '太史', '公冶', '赫连', '钟离', '濮阳', '单于', '呼延',
  '百里', '东郭', '司空', '拓跋', '左丘', '第五', '梁丘', '乐正', '公羊', '仲孙', '淳于',
] as const;

/** The surname of a Chinese name (复姓 aware); the first character otherwise. */
export function surnameOf(name: string): string {
  const plain = name.split('').filter((c) => !isSeparator(c)).join('');
  for (const s of COMPOUND_SURNAMES) if (plain.startsWith(s) && plain.length > s.length) return s;
  return plain.slice(0, 1);
}
