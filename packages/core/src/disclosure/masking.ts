/**
 * Masking styles (PUB-4): readable replacements that keep the text's shape
 * and hide what identifies a person.
 *
 * | what                     | example in              | example out            | kept                              |
 * |--------------------------|-------------------------|------------------------|-----------------------------------|
 * | natural person's name    | 王小明 / 欧阳娜娜       | 王某 / 欧阳某          | surname (复姓 aware)              |
 * | minor's name             | 王小明                  | 某某                   | nothing (SX25-P 16(四))           |
 * | 18-digit ID number       | 11010519491231002X      | 1101**********002X     | first 4 (province + city), last 4 |
 * | 15-digit ID number       | 110105491231002         | 1101********002        | first 4, last 3                   |
 * | mobile                   | +86 138-0013-8000       | +86 138-****-8000      | prefix, first 3, last 4           |
 * | landline                 | 0351-7654321            | 0351-*****21           | area code, last 2                 |
 * | bank card / account      | 6222 0212 3456 7890 123 | 6222 **** **** ***0 123| first 4, last 4 (≥ 12 digits)     |
 * | e-mail                   | zhangwei@163.com        | z***@163.com           | first character, domain           |
 * | address                  | 山西省太原市小店区平阳路12号 | 山西省太原市小店区**** | up to the district                |
 * | birth date               | 1990年3月7日            | ****年*月*日           | separators                        |
 * | vehicle plate            | 晋A·D12345              | 晋A·******             | province and issuing letter       |
 * | third-party organisation | 恒达化工有限公司        | 某有限公司             | legal form                        |
 * | credit code, certificate numbers, VIN, other | …  | ** + stars / stars     | first 2 characters at most        |
 *
 * First 4 + last 4 for ID numbers follows common Chinese display practice
 * (e.g. bank and government service apps) and hides the county and birth
 * date; mobile numbers keep the operator prefix and the last four digits as
 * commonly shown (138****5678). Separators and full-width characters of the
 * original are kept, so '１３８ ００１３ ８０００' stays full-width.
 */
import type { SensitiveKind } from './basis.js';
import { adminPrefix } from './detectors.js';
import { isSeparator, scanView, surnameOf } from './text.js';

/** Replaces the alphanumeric characters of `original` except the first `keepFirst` and last `keepLast` with '*'. */
export function keepEnds(original: string, keepFirst: number, keepLast: number): string {
  const v = scanView(original);
  const positions: number[] = [];
  for (let i = 0; i < v.length; i++) if (/[0-9A-Za-z]/.test(v[i] as string)) positions.push(i);
  const n = positions.length;
  const hide = new Set<number>();
  positions.forEach((p, k) => {
    if (n <= keepFirst + keepLast || (k >= keepFirst && k < n - keepLast)) hide.add(p);
  });
  let out = '';
  for (let i = 0; i < original.length; i++) out += hide.has(i) ? '*' : (original[i] as string);
  return out;
}

function digitsOf(original: string): string {
  return scanView(original).replace(/[^0-9Xx]/g, '');
}

function maskPhoneLike(original: string): string {
  const d = digitsOf(original);
  const prefix = /^0086/.test(d) && d.length === 15 ? 4 : /^86/.test(d) && d.length === 13 ? 2 : 0;
  if (/^1[3-9]\d{9}$/.test(d.slice(prefix))) return keepEnds(original, prefix + 3, 4);
  if (/^0\d{9,11}$/.test(d)) return keepEnds(original, /^0(?:10|2\d)/.test(d) ? 3 : 4, 2);
  return keepEnds(original, 0, d.length >= 8 ? 2 : 0);
}

function maskName(original: string, minor: boolean): string {
  if (minor) return '某某';
  const surname = surnameOf(original);
  return surname ? `${surname}某` : '某某';
}

function maskAddress(original: string): string {
  const prefix = adminPrefix(scanView(original));
  return `${original.slice(0, prefix.length)}****`;
}

function maskOrganisation(original: string): string {
  const m = /(有限责任公司|股份有限公司|有限公司|分公司|公司|集团|合作社|工厂|厂|加工点|作坊|门市部|经营部|商行|店|中心|站|场|所|院)$/.exec(original);
  return `某${m?.[1] ?? '单位'}`;
}

function maskEmail(original: string): string {
  const at = original.indexOf('@');
  if (at <= 0) return keepEnds(original, 0, 0);
  const local = original.slice(0, at);
  return `${local.length > 1 ? local[0] : ''}***${original.slice(at)}`;
}

function maskPlate(original: string): string {
  let out = original.slice(0, 2);
  for (const ch of original.slice(2)) out += isSeparator(ch) ? ch : '*';
  return out;
}

/** The replacement of `original` for `kind`. */
export function maskFor(kind: SensitiveKind, original: string): string {
  switch (kind) {
    case 'name':
      return maskName(original, false);
    case 'minorIdentity':
      return maskName(original, true);
    case 'idNumber': {
      const n = digitsOf(original).length;
      return n >= 18 ? keepEnds(original, 4, 4) : n >= 15 ? keepEnds(original, 4, 3) : keepEnds(original, 0, 0);
    }
    case 'mobile':
    case 'phone':
      return maskPhoneLike(original);
    case 'bankCard':
    case 'bankAccount':
      return digitsOf(original).length >= 12 ? keepEnds(original, 4, 4) : keepEnds(original, 0, 0);
    case 'email':
      return maskEmail(original);
    case 'address':
      return maskAddress(original);
    case 'birthDate':
      return keepEnds(original, 0, 0);
    case 'plate':
      return maskPlate(original);
    case 'organisation':
      return maskOrganisation(original);
    case 'creditCode':
    case 'vehicleId':
      return keepEnds(original, 2, 0);
    case 'propertyCertificate':
    case 'contact':
      return keepEnds(original, 0, 0);
    case 'tradeSecret':
    case 'other':
      return '***';
  }
}

/** A replacement that reveals nothing: stars for every non-separator character ('某某' for names). */
export function fullMask(kind: SensitiveKind, original: string): string {
  if (kind === 'name' || kind === 'minorIdentity') return '某某';
  let out = '';
  for (const ch of original) out += isSeparator(ch) ? ch : '*';
  return out.length > 0 ? out : '***';
}
