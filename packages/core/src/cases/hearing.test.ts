import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../profiles/resolve.js';
import { checkSummaryProcedure, hearingRight } from './hearing.js';

const sx25 = resolveProfile('SX25');

describe('NAT-4 · 行政处罚法 Art 63: hearing right', () => {
  it.each([
    ['organisation fined 200000 (the threshold itself)', 'organisation', { types: ['fine'], fineAmount: 200_000 }, [], true],
    ['organisation fined 199999', 'organisation', { types: ['fine'], fineAmount: 199_999 }, [], false],
    ['citizen fined 5000 (default, confirm)', 'naturalPerson', { types: ['fine'], fineAmount: 5_000 }, [], true],
    ['citizen fined 4999', 'naturalPerson', { types: ['fine'], fineAmount: 4_999 }, [], false],
    ['revoking a permit', 'organisation', { types: ['revokeLicence'] }, [], true],
    ['ordering production stopped', 'organisation', { types: ['suspendProduction'] }, [], true],
    ['a warning', 'organisation', { types: ['warning'] }, [], false],
    ['责令停产整治 as a measure', 'organisation', { types: ['warning'] }, ['suspendForRectification'], true],
    ['confiscation of 300000', 'organisation', { types: ['confiscateIllegalGains'], confiscationAmount: 300_000 }, [], true],
  ] as const)('%s → %s', (_n, partyKind, penalty, measures, applies) => {
    expect(hearingRight({ partyKind, penalty: { ...penalty, types: [...penalty.types] }, measures: [...measures] }, sx25).applies).toBe(applies);
  });

  it('the reasons and basis are given', () => {
    const r = hearingRight({ partyKind: 'organisation', penalty: { types: ['fine'], fineAmount: 250_000 } }, sx25);
    expect(r.reasons).toEqual(['罚款 250000 元，达到较大数额（法人或者其他组织 200000 元以上）']);
    expect(r.basis).toContain('行政处罚法 第六十三条');
  });

  it('an agency override of the threshold applies (a province may set lower amounts)', () => {
    const lower = resolveProfile('SX25', { 'hearing.fineThreshold.organisation': { value: 50_000, basis: '省规定' } });
    expect(hearingRight({ partyKind: 'organisation', penalty: { types: ['fine'], fineAmount: 60_000 } }, lower).applies).toBe(true);
  });
});

describe('NAT-12 · 行政处罚法 Art 51: summary procedure', () => {
  it.each([
    ['citizen, 200 yuan', 'naturalPerson', { types: ['fine'], fineAmount: 200 }, true],
    ['citizen, 201 yuan', 'naturalPerson', { types: ['fine'], fineAmount: 201 }, false],
    ['organisation, 3000 yuan', 'organisation', { types: ['fine'], fineAmount: 3000 }, true],
    ['organisation, 3001 yuan', 'organisation', { types: ['fine'], fineAmount: 3001 }, false],
    ['a warning', 'organisation', { types: ['warning'] }, true],
    ['confiscation', 'organisation', { types: ['confiscateIllegalGains'], confiscationAmount: 10 }, false],
  ] as const)('%s → %s', (_n, partyKind, penalty, ok) => {
    expect(checkSummaryProcedure(partyKind, { ...penalty, types: [...penalty.types] }, sx25).ok).toBe(ok);
  });
  it('the refusal names the limit', () => {
    expect(checkSummaryProcedure('organisation', { types: ['fine'], fineAmount: 5000 }, sx25)).toMatchObject({
      ok: false,
      missing: [{ reason: '罚款 5000 元超过简易程序上限（法人或者其他组织 3000 元以下）' }],
    });
  });
});
