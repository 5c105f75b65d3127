/**
 * Identity numbers checked before anything is stored (NAT-13).
 *
 * - 居民身份证号码 citizen ID number, GB 11643-1999: 17 digits + check
 *   character; weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, check
 *   "10X98765432"[Σ mod 11].
 * - 统一社会信用代码 unified social credit code, GB 32100-2015: 18 characters
 *   from 0-9A-HJ-NPQRTUWXY (no I, O, Z, S, V); weights 3^i mod 31; check =
 *   charset[(31 − Σ mod 31) mod 31].
 */
import { AppError } from '../errors.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

export type CheckResult = { ok: true; value: string } | { ok: false; reason: string };

/** Check character of the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** NAT-13 · GB 11643: validates an 18-character citizen ID number. */
export function checkIdNumber(raw: string): CheckResult {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: '应为 17 位数字加 1 位校验码（数字或 X）' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: '出生日期不存在' };
  }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: '校验码不正确' };
  return { ok: true, value };
}

/** Check character of the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`invalid credit code character ${first17[i]}`);
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** NAT-13 · GB 32100: validates an 18-character unified social credit code. */
export function checkCreditCode(raw: string): CheckResult {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: '应为 18 位' };
  for (const ch of value) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) return { ok: false, reason: `含有不允许的字符“${ch}”（不使用 I、O、Z、S、V）` };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, reason: '第 3–8 位应为登记管理机关行政区划码' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: '校验码不正确' };
  return { ok: true, value };
}

/** Returns the normalised code or throws `identity.invalid_credit_code`. */
export function requireCreditCode(raw: string): string {
  const r = checkCreditCode(raw);
  if (!r.ok) throw new AppError('identity.invalid_credit_code', { value: raw, reason: r.reason });
  return r.value;
}

/** Returns the normalised number or throws `identity.invalid_id_number`. */
export function requireIdNumber(raw: string): string {
  const r = checkIdNumber(raw);
  if (!r.ok) throw new AppError('identity.invalid_id_number', { value: raw, reason: r.reason });
  return r.value;
}
