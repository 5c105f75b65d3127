import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOCUMENT_NUMBER_TEMPLATE,
  caseNumberScope,
  checkNumberTemplate,
  documentNumberScope,
  formatCaseNumber,
  formatDocumentNumber,
  formatNumber,
  formatRecordNumber,
  parseNumber,
  sequenceGaps,
} from './numbering.js';

const value = (r: { ok: true; value: string } | { ok: false }) => (r.ok ? r.value : null);

describe('REC-15 · numbering: 文号 per agency, kind and year; 案号 per agency and year', () => {
  it('GB/T 9704-2012 7.2.3: the default 文号 — year in 〔〕, no 第, no leading zeros', () => {
    expect(value(formatDocumentNumber({ agencyCode: '晋太环', kindCode: '罚', year: 2026, sequence: 12 }))).toBe('晋太环罚〔2026〕12号');
    expect(value(formatDocumentNumber({ agencyCode: '晋太环', kindCode: '罚告', year: 2026, sequence: 1 }))).toBe('晋太环罚告〔2026〕1号');
  });

  it('the default case number', () => {
    expect(value(formatCaseNumber({ agencyCode: '晋太环', typeCode: '罚', year: 2026, sequence: 7 }))).toBe('晋太环罚案〔2026〕7号');
  });

  it('record numbers hang under the case number', () => {
    expect(value(formatRecordNumber({ caseNumber: '晋太环罚案〔2026〕7号', kindCode: '询录', sequence: 1 }))).toBe('晋太环罚案〔2026〕7号-询录01');
  });

  it.each([
    ['{agency}环{kind}字〔{year}〕第{seq}号', '太环罚字〔2026〕第12号'],
    ['{agency}{kind}〔{year}〕{seq:3}号', '太罚〔2026〕012号'],
    ['{year}-{kind}-{seq:4}', '2026-罚-0012'],
  ])('an agency template %s → %s', (template, expected) => {
    expect(value(formatDocumentNumber({ agencyCode: '太', kindCode: '罚', year: 2026, sequence: 12, template }))).toBe(expected);
  });

  it.each([
    ['{agency}〔{year}〕{seq}号', 'document', '须包含“{kind}”'],
    ['{agency}{kind}{seq}号', 'document', '须包含“{year}”'],
    ['{agency}{kind}〔{year}〕号', 'document', '须包含“{seq}”'],
    ['{agency}{kind}〔{year}〕{seq}{seq}号', 'document', '只能出现一次'],
    ['{agency}{kind}〔{yr}〕{seq}号', 'document', '未知的占位符'],
    ['{agency}{type}〔{year}〕{seq}号', 'document', '不能使用“{type}”'],
    ['{agency}{kind:2}〔{year}〕{seq}号', 'document', '只有序号可以补零'],
    ['{agency}〔{year}〕{seq}号', 'case', '须包含“{type}”'],
    ['{case}-{seq}', 'record', '须包含“{kind}”'],
  ] as const)('template %s for %s numbers → %s', (template, scope, problem) => {
    const r = checkNumberTemplate(template, scope);
    if (problem === null) expect(r).toEqual({ ok: true });
    else expect(r.ok ? '' : r.missing.map((m) => m.reason).join('|')).toContain(problem);
  });

  it.each([
    ['a sequence of 0', { agencyCode: '晋太环', kindCode: '罚', year: 2026, sequence: 0 }, '序号须为正整数：0'],
    ['a two-digit year', { agencyCode: '晋太环', kindCode: '罚', year: 26, sequence: 1 }, '年份无效：26'],
    ['an empty agency code', { agencyCode: '', kindCode: '罚', year: 2026, sequence: 1 }, '须提供机关代字'],
    ['a bracket in a code', { agencyCode: '晋〔太〕', kindCode: '罚', year: 2026, sequence: 1 }, '机关代字“晋〔太〕”不能含空白、花括号或六角括号'],
  ])('bad values are refused, not thrown: %s', (_n, parts, reason) => {
    expect(formatDocumentNumber(parts)).toMatchObject({ ok: false, missing: [{ reason }] });
  });

  it('a number reads back into its parts (codes known where tokens touch)', () => {
    expect(parseNumber(DEFAULT_DOCUMENT_NUMBER_TEMPLATE, '晋太环罚〔2026〕12号', { agency: '晋太环' })).toEqual({ agency: '晋太环', kind: '罚', year: 2026, seq: 12 });
    expect(parseNumber('{agency}{kind}〔{year}〕{seq:3}号', '太罚〔2026〕012号', { kind: '罚' })).toEqual({ agency: '太', kind: '罚', year: 2026, seq: 12 });
    expect(parseNumber(DEFAULT_DOCUMENT_NUMBER_TEMPLATE, '晋太环罚〔2026〕012号', { agency: '晋太环' })).toBeNull();
  });

  it('counter scopes: per agency, action type and year for cases (罚、强、检 each from 1); per agency, kind and year for documents', () => {
    expect(caseNumberScope('a1', 'penalty', 2026)).toBe('case:a1:penalty:2026');
    expect(caseNumberScope('a1', 'penalty', 2026)).not.toBe(caseNumberScope('a1', 'coercion', 2026));
    expect(documentNumberScope('a1', '罚', 2026)).not.toBe(documentNumberScope('a1', '罚告', 2026));
    expect(documentNumberScope('a1', '罚', 2026)).not.toBe(documentNumberScope('a1', '罚', 2027));
  });

  it('no gaps: sequenceGaps finds numbers missing from a series', () => {
    expect(sequenceGaps([1, 2, 3])).toEqual([]);
    expect(sequenceGaps([3, 1, 5])).toEqual([2, 4]);
    expect(sequenceGaps([])).toEqual([]);
  });

  it('formatNumber with the record scope requires the case number', () => {
    expect(formatNumber('{case}-{kind}{seq}', 'record', { kind: '询录', seq: 1 })).toMatchObject({ ok: false, missing: [{ reason: '须提供案号' }] });
  });
});
