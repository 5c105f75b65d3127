import { describe, expect, it } from 'vitest';
import { avRequirement } from '../profiles/av.js';
import { resolveProfile } from '../profiles/resolve.js';
import { MEASURE_KEYS } from '../profiles/vocabulary.js';
import { CASE_MEASURE_KEYS, measureLabel, measuresFor } from './measures.js';

describe('measures use the profiles\u2019 vocabulary (REC-6, REC-7)', () => {
  it('every case measure is a MeasureKey of profiles/vocabulary.ts — no second list', () => {
    for (const m of CASE_MEASURE_KEYS) expect(MEASURE_KEYS).toContain(m);
    expect(measureLabel('suspendForRectification')).toBe('责令停产整治');
  });

  it('coercion records 查封, 扣押 and 代履行; permits record none', () => {
    expect(measuresFor('coercion')).toEqual(expect.arrayContaining(['seal', 'seize', 'substituteExecution']));
    expect(measuresFor('permit')).toEqual([]);
  });

  // REC-6: the profile decides what must be filmed — one row per profile where values differ.
  it.each([
    ['SX25', 'seal', 'mandatory', 'SX25-R 12(一)'],
    ['GS19', 'seal', 'mandatory', 'GS-R 13'],
    ['SX25', 'suspendForRectification', 'mandatory', 'SX25-R 12(四)'],
    ['GS19', 'suspendForRectification', 'none', 'GS19 does not list it'],
    ['SX25', 'substituteExecution', 'mandatory', 'SX25-R 12(三)'],
    ['SX25', 'sampling', 'situational', 'SX25-R 13(二)'],
    ['XX19', 'sampling', 'mandatory', 'XX-R 5(二)'],
    ['SX25', 'forcedDemolition', 'mandatory', 'SX19-R 10(三), inherited'],
  ] as const)('REC-6 · %s: %s is %s (%s)', (profile, measure, requirement, _why) => {
    expect(avRequirement(resolveProfile(profile), measure).requirement).toBe(requirement);
  });
});
