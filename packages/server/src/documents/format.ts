/**
 * Value formatting shared by the Word export and the print view of a document
 * (文书): Chinese dates, money in figures and in words (大写), option labels,
 * booleans and lists. Pure functions of their input.
 */
import { formatDateTime, isCivilDate, isDateTime, parseCivil, parseDateTime, type FieldSpec } from '@sanxiang/core';

/**
 * A civil date as written in official documents: Arabic numerals, the year in
 * full, no leading zeros (GB/T 9704-2012 §7.3.5.1 成文日期), e.g. 2026年3月2日.
 */
export function chineseDate(date: string): string {
  if (!isCivilDate(date)) return date;
  const { year, month, day } = parseCivil(date);
  return `${year}年${month}月${day}日`;
}

/** An ISO date-time as China time, e.g. 2026年3月2日9时05分 (the form used in 笔录). */
export function chineseDateTime(dateTime: string): string {
  if (!isDateTime(dateTime)) return dateTime;
  // Normalise to +08:00 first: a record made at 01:00Z happened at 09:00 in China.
  const china = formatDateTime(parseDateTime(dateTime));
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(china);
  if (!m) return dateTime;
  return `${chineseDate(m[1] ?? '')}${Number(m[2])}时${m[3] ?? '00'}分`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const SECTIONS = ['', '万', '亿'] as const;
/** Amounts in words go up to 9999亿 (no fine comes near it). */
export const MAX_MONEY_IN_WORDS = 1e12 - 0.01;

/** 0..9999 in words, with one 零 for each run of inner zeros and none trailing. */
function sectionInWords(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    out += (DIGITS[d] ?? '') + (PLACES[place] ?? '');
    zero = false;
  }
  return out;
}

/**
 * An amount of yuan in Chinese capital numerals (中文大写金额), following the
 * writing rules of 《支付结算办法》 附一 (正确填写票据和结算凭证的基本规定):
 * - 元 followed by 整 when there are no 角 or 分; 角 may end without 整 and
 *   分 never takes it: 100000 → 壹拾万元整, 0.5 → 伍角;
 * - 壹拾 is written out (¥16 → 壹拾陆元);
 * - one 零 for a run of zeros inside the number, and a 零 after 元 when the
 *   units digit is 0 but 角 or 分 follow (¥1680.32 → 壹仟陆佰捌拾元零叁角贰分;
 *   ¥325.04 → 叁佰贰拾伍元零肆分).
 * Throws a RangeError for a negative, non-finite or too large amount, or one
 * with fractions of a 分 — a figure that cannot be written correctly is not
 * guessed at.
 */
export function moneyInWords(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0 || amount > MAX_MONEY_IN_WORDS) throw new RangeError(`金额超出范围：${amount}`);
  const cents = Math.round(amount * 100);
  if (Math.abs(cents - amount * 100) > 1e-6 * Math.max(1, amount)) throw new RangeError(`金额最多两位小数：${amount}`);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;

  let integer = '';
  let gap = false;
  for (let s = SECTIONS.length - 1; s >= 0; s--) {
    const section = Math.floor(yuan / 10_000 ** s) % 10_000;
    if (section === 0) {
      if (integer !== '') gap = true;
      continue;
    }
    // 零 when zeros separate this section from the higher one: 100500 → 壹拾万零伍佰.
    if (integer !== '' && (gap || section < 1000)) integer += '零';
    integer += sectionInWords(section) + (SECTIONS[s] ?? '');
    gap = false;
  }

  if (jiao === 0 && fen === 0) return `${integer || '零'}元整`;
  let out = integer === '' ? '' : `${integer}元`;
  if (jiao > 0) {
    if (integer !== '' && yuan % 10 === 0) out += '零';
    out += `${DIGITS[jiao] ?? ''}角`;
  } else if (integer !== '') {
    out += '零';
  }
  if (fen > 0) out += `${DIGITS[fen] ?? ''}分`;
  return out;
}

/** An amount in figures: ¥1,234,567.89. */
export function moneyInFigures(amount: number): string {
  const [int = '0', frac = '00'] = amount.toFixed(2).split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** 人民币壹仟元整（¥1,000.00）: words first, as a figure alone can be altered. */
export function formatMoney(amount: number): string {
  try {
    return `人民币${moneyInWords(amount)}（${moneyInFigures(amount)}）`;
  } catch {
    return `人民币${amount}元`;
  }
}

export function formatBoolean(v: boolean): string {
  return v ? '是' : '否';
}

/** The label of an option value, or the value itself when it is not listed. */
export function optionLabel(spec: FieldSpec, value: string): string {
  return spec.options?.find((o) => o.value === value)?.label ?? value;
}

/** The items of a list value as text (option labels for choice lists). */
export function listItems(spec: FieldSpec, v: unknown): string[] {
  if (!Array.isArray(v)) return isBlank(v) ? [] : [formatScalar(spec, v)];
  return v.filter((x) => !isBlank(x)).map((x) => (spec.type === 'choiceList' && typeof x === 'string' ? optionLabel(spec, x) : String(x)));
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Any field value as one line of text, by the field's type. */
export function formatScalar(spec: FieldSpec, v: unknown): string {
  if (isBlank(v)) return '';
  switch (spec.type) {
    case 'date':
      return typeof v === 'string' ? chineseDate(v) : String(v);
    case 'dateTime':
      return typeof v === 'string' ? chineseDateTime(v) : String(v);
    case 'boolean':
      return typeof v === 'boolean' ? formatBoolean(v) : String(v);
    case 'money':
      return typeof v === 'number' ? formatMoney(v) : String(v);
    case 'choice':
      return typeof v === 'string' ? optionLabel(spec, v) : String(v);
    case 'choiceList':
    case 'textList':
      return listItems(spec, v).join('、');
    default:
      return Array.isArray(v) ? v.map(String).join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** Text without its closing punctuation, to run into a sentence that adds its own. */
export function clause(s: string): string {
  return s.trim().replace(/[。；;，,.、：:\s]+$/u, '');
}

/** Paragraphs of a multi-line text (blank lines dropped). */
export function paragraphsOf(s: string): string[] {
  return s
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const CN_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 12 → 十二, 20 → 二十: the numbers of headings (一、二、…). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return CN_NUMERALS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : CN_NUMERALS[n % 10]}`;
  if (n < 100) return `${CN_NUMERALS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_NUMERALS[n % 10]}`;
  return String(n);
}
