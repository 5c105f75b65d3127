import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { getParam, profileChain, resolveProfile } from './resolve.js';
import { avRequirement } from './av.js';
import { PROFILES } from './registry.js';
import { PROFILE_IDS } from './types.js';

function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('profiles · identity and inheritance', () => {
  it.each([
    ['national', null, ['national'], '环办执法〔2019〕42号'],
    ['SX19', 'national', ['SX19', 'national'], '晋政办发〔2019〕55号'],
    ['SX25', 'SX19', ['SX25', 'SX19', 'national'], '晋环规〔2025〕5号'],
    ['GS19', 'national', ['GS19', 'national'], '甘环发〔2019〕218号'],
    ['XX19', 'national', ['XX19', 'national'], null],
  ] as const)('%s: parent %s, chain %j, 文号 %s', (id, parent, chain, number) => {
    const p = resolveProfile(id);
    expect(p.parent).toBe(parent);
    expect(p.chain).toEqual(chain);
    expect(p.docNumber).toBe(number);
    expect(p.name).toMatch(/[\u4e00-\u9fff]/);
    expect(profileChain(id).map((d) => d.id)).toEqual(chain);
  });

  it('every profile has an issuer and either an effective date or a note why not', () => {
    for (const id of PROFILE_IDS) {
      const d = PROFILES[id];
      expect(d.issuer).not.toBe('');
      expect(d.effective !== null || (d.effectiveNote ?? '') !== '').toBe(true);
    }
  });

  it('unknown id → profile.unknown', () => {
    const e = errorOf(() => resolveProfile('BJ20'));
    expect(e.code).toBe('profile.unknown');
    expect(e.params.profile).toBe('BJ20');
  });

  it('REV-6: SX25 review limit is inherited from SX19 (SX19-L 14)', () => {
    const p = getParam(resolveProfile('SX25'), 'review.timeLimit');
    expect(p.origin).toBe('inherited');
    expect(p.from).toBe('SX19');
    expect(p.citation).toMatchObject({ doc: 'SX19-L', article: '14' });
  });

  it('REV-6: GS19 leaves the review limit unset → default, shown as agency configuration, from GS19', () => {
    const p = getParam(resolveProfile('GS19'), 'review.timeLimit');
    expect(p.origin).toBe('default');
    expect(p.from).toBe('GS19');
    expect(p.note).toContain('GS19 未规定法制审核时限');
    expect(p.value).toMatchObject({ period: { unit: 'workingDays', amount: 10 }, extensions: [{ amount: 10 }] });
  });

  it('value_unset: a key the chain does not define', () => {
    const e = errorOf(() => getParam(resolveProfile('GS19'), 'review.reviewerRatio'));
    expect(e.code).toBe('profile.value_unset');
    expect(e.params).toEqual({ profile: 'GS19', key: 'review.reviewerRatio' });
  });
});

describe('profiles · agency configuration', () => {
  it('REV-6: GS19 agency sets 15 WD + 5 → origin agency, replacing the default', () => {
    const p = getParam(
      resolveProfile('GS19', {
        'review.timeLimit': {
          value: {
            kind: 'span',
            period: { unit: 'workingDays', amount: 15 },
            anchor: 'materialsComplete',
            direction: 'after',
            extensions: [{ amount: 5, approval: '局长批准' }],
            rollover: false,
          },
          basis: '本局法制审核工作细则第八条',
        },
      }),
      'review.timeLimit',
    );
    expect(p.origin).toBe('agency');
    expect(p.from).toBe('agency');
    expect(p.basis).toBe('本机关配置：本局法制审核工作细则第八条');
    expect(p.replaced).toMatchObject({ origin: 'default', from: 'GS19' });
  });

  it('NAT-4: an agency lowers the individual hearing threshold (provinces may set lower)', () => {
    const p = getParam(resolveProfile('SX25', { 'hearing.fineThreshold.individual': { value: 3_000 } }), 'hearing.fineThreshold.individual');
    expect(p).toMatchObject({ value: 3_000, origin: 'agency', replaced: { origin: 'default', from: 'national' } });
  });

  it('an agency override of a set value records what it replaced', () => {
    const p = getParam(resolveProfile('SX25', { 'av.retention.routineMonths': { value: 24 } }), 'av.retention.routineMonths');
    expect(p.replaced?.origin).toBe('default');
    const q = getParam(resolveProfile('SX19', { 'review.reviewerRatio': { value: 0.1 } }), 'review.reviewerRatio');
    expect(q.replaced).toEqual({ origin: 'own', from: 'SX19', basis: 'SX19-L 第七条' });
  });

  it('REC-6: an agency adds to the AV list but cannot remove', () => {
    const p = resolveProfile('SX19', {
      'av.mandatory': { value: [{ measure: 'sampling', citations: [] }], basis: '本局音像记录事项清单' },
    });
    const list = getParam(p, 'av.mandatory');
    expect(list.origin).toBe('agency');
    expect(list.value.map((e) => e.measure)).toContain('sampling');
    expect(list.value.map((e) => e.measure)).toContain('seal');
    expect(list.basis).toBe('SX19-R 第十条；MEE19 二（一）2；本机关配置：本局音像记录事项清单（增列）');
    expect(avRequirement(p, 'sampling').requirement).toBe('mandatory');
  });

  it.each([
    ['unknown key', { 'no.such.key': { value: 1 } }],
    ['negative ratio', { 'review.reviewerRatio': { value: -0.1 } }],
    ['ratio above 1', { 'review.reviewerRatio': { value: 5 } }],
    ['zero-day deadline', { service: { value: { kind: 'span', period: { unit: 'workingDays', amount: 0 }, anchor: 'announcementDate', direction: 'after', extensions: [], rollover: false } } }],
    ['unknown pause reason', { 'review.pauseReasons': { value: ['lunch'] } }],
    ['unknown AV measure', { 'av.mandatory': { value: [{ measure: 'dancing', citations: [] }] } }],
  ])('validation: %s is refused', (_name, overrides) => {
    expect(errorOf(() => resolveProfile('SX25', overrides as never)).code).toBe('validation.failed');
  });
});

describe('REC-6, REC-7 · avRequirement', () => {
  it.each([
    ['SX25', 'seal', 'mandatory', 'SX25-R'],
    ['SX25', 'forcedDemolition', 'mandatory', 'SX19-R'],
    ['SX25', 'sampling', 'situational', 'SX25-R'],
    ['SX19', 'sampling', 'none', null],
    ['SX19', 'detention', 'none', null],
    ['SX25', 'detention', 'mandatory', 'SX25-R'],
    ['GS19', 'onSiteInspection', 'mandatory', 'GS-R'],
    ['GS19', 'serviceByPublicNotice', 'mandatory', 'GS-R'],
    ['XX19', 'sampling', 'mandatory', 'XX-R'],
    ['XX19', 'hearing', 'situational', 'MEE19'],
    ['national', 'hearing', 'situational', 'MEE19'],
    ['national', 'substituteExecution', 'none', null],
  ] as const)('REC-6/7: %s %s → %s (%s)', (id, measure, requirement, doc) => {
    const r = avRequirement(resolveProfile(id), measure);
    expect(r.requirement).toBe(requirement);
    expect(r.citations[0]?.doc ?? null).toBe(doc);
  });
});
