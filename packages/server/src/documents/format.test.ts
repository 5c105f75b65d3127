import { describe, expect, it } from 'vitest';
import { BUILT_IN_DOCUMENT_KINDS } from '@sanxiang/core';
import { chineseDate, chineseDateTime, chineseOrdinal, clause, formatMoney, formatScalar, moneyInFigures, moneyInWords } from './format.js';

describe('moneyInWords · 《支付结算办法》附一 中文大写金额', () => {
  it.each([
    [0, '零元整'],
    [0.5, '伍角'],
    [0.05, '伍分'],
    [0.55, '伍角伍分'],
    [1, '壹元整'],
    [10, '壹拾元整'],
    [16, '壹拾陆元整'],
    [100, '壹佰元整'],
    [1010, '壹仟零壹拾元整'],
    [1000, '壹仟元整'],
    [10_000, '壹万元整'],
    [100_000, '壹拾万元整'],
    [100_500, '壹拾万零伍佰元整'],
    [200_000.05, '贰拾万元零伍分'],
    [1_234_567.89, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    // The examples of 支付结算办法 附一 (first forms).
    [1409.5, '壹仟肆佰零玖元伍角'],
    [6007.14, '陆仟零柒元壹角肆分'],
    [1680.32, '壹仟陆佰捌拾元零叁角贰分'],
    [107_000.53, '壹拾万柒仟元零伍角叁分'],
    [325.04, '叁佰贰拾伍元零肆分'],
    [100_000_001, '壹亿零壹元整'],
    [100_010_000, '壹亿零壹万元整'],
    [1_000_000_000, '壹拾亿元整'],
    [999_999_999_999.99, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%d → %s', (amount, words) => {
    expect(moneyInWords(amount)).toBe(words);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], [1e12], [0.001]])('refuses %d rather than guess', (amount) => {
    expect(() => moneyInWords(amount)).toThrow(RangeError);
  });

  it('money in figures and the combined form, words first', () => {
    expect(moneyInFigures(1_234_567.89)).toBe('¥1,234,567.89');
    expect(moneyInFigures(0.5)).toBe('¥0.50');
    expect(formatMoney(100_000)).toBe('人民币壹拾万元整（¥100,000.00）');
  });
});

describe('dates in documents · GB/T 9704 §7.3.5.1', () => {
  it('a civil date in Arabic numerals without leading zeros', () => {
    expect(chineseDate('2026-03-02')).toBe('2026年3月2日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(chineseDate('not a date')).toBe('not a date');
  });

  it('a date-time is shown in China time', () => {
    expect(chineseDateTime('2026-03-02T09:05:00+08:00')).toBe('2026年3月2日9时05分');
    // 17:30 UTC on 1 March is 01:30 on 2 March in China.
    expect(chineseDateTime('2026-03-01T17:30:00Z')).toBe('2026年3月2日1时30分');
  });
});

describe('field values by type', () => {
  const decision = BUILT_IN_DOCUMENT_KINDS.penaltyDecision;
  const spec = (key: string) => {
    const s = decision.fields.find((f) => f.key === key);
    if (!s) throw new Error(key);
    return s;
  };

  it('options show their labels, booleans 是/否, money in words, lists joined', () => {
    expect(formatScalar(spec('penaltyTypes'), ['warning', 'fine'])).toBe('警告、罚款');
    expect(formatScalar(spec('sealAffixed'), true)).toBe('是');
    expect(formatScalar(spec('sealAffixed'), false)).toBe('否');
    expect(formatScalar(spec('fineAmount'), 1000)).toBe('人民币壹仟元整（¥1,000.00）');
    expect(formatScalar(spec('evidence'), ['甲', '乙'])).toBe('甲、乙');
    expect(formatScalar(spec('issueDate'), '2026-03-02')).toBe('2026年3月2日');
    expect(formatScalar(spec('reconsiderationDays'), 60)).toBe('60');
    expect(formatScalar(spec('partyName'), '  ')).toBe('');
  });

  it('a clause loses its closing punctuation; headings count in Chinese', () => {
    expect(clause('自收到本决定书之日起十五日内。')).toBe('自收到本决定书之日起十五日内');
    expect([1, 4, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '四', '十', '十一', '二十', '二十三']);
  });
});
