import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { checkCreditCode, checkIdNumber, creditCodeCheckChar, requireCreditCode, requireIdNumber } from './identity.js';

// Published examples: GB 11643 appendix example and widely used test codes.
describe('NAT-13 · GB 11643 citizen ID number', () => {
  it.each([
    ['11010519491231002X', true],
    ['440524188001010014', true],
    ['11010519491231002x', true], // lower-case x is normalised
    ['110105194912310021', false], // wrong check digit
    ['11010519491331002X', false], // month 13
    ['11010519490230002X', false], // 30 February
    ['1101051949123100', false], // too short
  ])('%s → %s', (value, ok) => {
    expect(checkIdNumber(value).ok).toBe(ok);
  });

  it('NAT-13: an invalid ID number is refused with a clear Chinese error', () => {
    try {
      requireIdNumber('110105194912310021');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('identity.invalid_id_number');
      expect((e as AppError).userMessage).toContain('校验码不正确');
    }
  });
});

describe('NAT-13 · GB 32100 unified social credit code', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['91110000600037341L', true],
    ['91110000600037341M', false],
    ['91350100M000100Y4', false],
    ['9135010OM000100Y43', false], // letter O is not in the charset
  ])('%s → %s', (value, ok) => {
    expect(checkCreditCode(value).ok).toBe(ok);
  });

  it('NAT-13: every single-character change of a valid code is detected', () => {
    const valid = '91350100M000100Y43';
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < 18; i++) {
      for (const ch of charset) {
        if (ch === valid[i]) continue;
        const changed = valid.slice(0, i) + ch + valid.slice(i + 1);
        if (i >= 2 && i < 8 && !/\d/.test(ch)) continue; // region code must stay numeric
        tried++;
        if (!checkCreditCode(changed).ok) caught++;
      }
    }
    expect(caught).toBe(tried);
  });

  it('NAT-13: the check character follows 3^i mod 31 weights', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(() => requireCreditCode('91350100M000100Y44')).toThrowError(AppError);
  });
});
