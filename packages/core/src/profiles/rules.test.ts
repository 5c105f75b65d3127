import { describe, expect, it } from 'vitest';
import { CALENDAR_SEED } from '../calendar/holiday-data.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { AppError } from '../errors.js';
import { resolveProfile } from './resolve.js';
import { DEADLINE_RULE_KEYS, DEADLINE_RULES, type DeadlineRuleKey, fromKind, previewDeadline } from './rules.js';
import { PARAM_INFO } from './param-info.js';
import type { ProfileId } from './types.js';
import { PROFILE_IDS } from './types.js';

/** The strict contract (no provisional years, NAT-2 without NAT-21): a missing year is an explicit error. */
const STRICT = { provisional: false } as const;
const calendar = new WorkCalendar(CALENDAR_SEED, STRICT);
const profiles = Object.fromEntries(PROFILE_IDS.map((id) => [id, resolveProfile(id)])) as Record<ProfileId, ReturnType<typeof resolveProfile>>;

function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** Monday 2026-03-02; 7 WD → 03-11, 20 WD → 03-30 (no holidays in March 2026). */
const FROM = '2026-03-02';
const U = 'profile.rule_undefined';

/**
 * Expected due date from FROM (or the row's own `from`) for every rule and
 * profile. U = the profile does not define the rule.
 */
const EXPECTED: Record<DeadlineRuleKey, { from?: string; due: Record<ProfileId, string> }> = {
  'publication.penalty': { due: { national: '2026-03-11', SX25: '2026-03-11', SX19: '2026-03-11', GS19: '2026-03-11', XX19: '2026-03-11' } },
  'publication.permit': { due: { national: '2026-03-11', SX25: '2026-03-11', SX19: '2026-03-11', GS19: '2026-03-11', XX19: '2026-03-11' } },
  'publication.other': { due: { national: '2026-03-30', SX25: '2026-03-30', SX19: '2026-03-30', GS19: '2026-03-11', XX19: '2026-03-30' } },
  'publication.exAnte': { due: { national: U, SX25: U, SX19: U, GS19: '2026-03-30', XX19: U } },
  'publication.withdrawal': { due: { national: '2026-03-05', SX25: '2026-03-05', SX19: '2026-03-05', GS19: '2026-03-11', XX19: '2026-03-05' } },
  // windows from a 2025 decision/publication so that the 1-year ends fall in loaded years
  'publication.windowMin.general': { from: '2025-03-31', due: { national: U, SX25: '2025-06-30', SX19: U, GS19: U, XX19: '2026-03-31' } },
  'publication.windowMax.general': { from: '2025-03-31', due: { national: U, SX25: '2026-03-31', SX19: U, GS19: U, XX19: U } },
  'publication.windowMin.serious': { from: '2025-03-31', due: { national: U, SX25: '2025-09-30', SX19: U, GS19: U, XX19: '2026-03-31' } },
  'publication.windowMax.serious': { from: '2025-03-31', due: { national: U, SX25: '2028-03-31', SX19: U, GS19: U, XX19: U } }, // a plain calendar period: no 2028 holiday data needed
  'correction.verify': { due: { national: U, SX25: U, SX19: U, GS19: '2026-03-16', XX19: U } },
  'correction.respond': { due: { national: U, SX25: U, SX19: U, GS19: '2026-03-05', XX19: U } },
  'av.upload': { due: { national: U, SX25: '2026-03-04', SX19: '2026-03-04', GS19: '2026-03-03T09:00:00+08:00', XX19: '2026-03-02' } },
  archive: { due: { national: U, SX25: U, SX19: U, GS19: '2026-04-01', XX19: U } },
  'review.decide': { due: { national: '2026-03-16', SX25: '2026-03-16', SX19: '2026-03-16', GS19: '2026-03-16', XX19: '2026-03-11' } },
  'review.extended': { due: { national: '2026-03-30', SX25: '2026-03-30', SX19: '2026-03-30', GS19: '2026-03-30', XX19: '2026-03-16' } },
  'filing.decide': { due: { national: '2026-03-17', SX25: '2026-03-17', SX19: '2026-03-17', GS19: '2026-03-17', XX19: '2026-03-17' } },
  // 90 days → Sunday 2026-05-31, rolled over (民法典 Art 203) to Monday 06-01
  'penalty.decide': { due: { national: '2026-06-01', SX25: '2026-06-01', SX19: '2026-06-01', GS19: '2026-06-01', XX19: '2026-06-01' } },
  service: { due: { national: '2026-03-11', SX25: '2026-03-11', SX19: '2026-03-11', GS19: '2026-03-11', XX19: '2026-03-11' } },
  'hearing.request': { due: { national: '2026-03-09', SX25: '2026-03-09', SX19: '2026-03-09', GS19: '2026-03-09', XX19: '2026-03-09' } },
  // 7 WD before a hearing on 03-02: 02-28 (Sat, worked), 27, 26, 25, 24, (Spring Festival 15…23), 02-14 (Sat, worked), 13
  'hearing.notice': { due: { national: '2026-02-13', SX25: '2026-02-13', SX19: '2026-02-13', GS19: '2026-02-13', XX19: '2026-02-13' } },
  'seizure.max': { due: { national: '2026-04-01', SX25: '2026-04-01', SX19: '2026-04-01', GS19: '2026-04-01', XX19: '2026-04-01' } },  // NAT-20: the default 5 working days for 陈述、申辩 from the 告知 served (Monday 03-02 → Monday 03-09)
  'statement.period': { due: { national: '2026-03-09', SX25: '2026-03-09', SX19: '2026-03-09', GS19: '2026-03-09', XX19: '2026-03-09' } },
  // NAT-11 · 按日连续处罚办法 第十条: 30 calendar days from the 责令改正 served on 03-02 → 04-01 (not rolled over)
  'dailyPenalty.reinspection': { due: { national: '2026-04-01', SX25: '2026-04-01', SX19: '2026-04-01', GS19: '2026-04-01', XX19: '2026-04-01' } },
};

const rows = DEADLINE_RULE_KEYS.flatMap((rule) =>
  PROFILE_IDS.map((profile) => {
    const e = EXPECTED[rule];
    const from = rule === 'av.upload' && profile === 'GS19' ? '2026-03-02T09:00:00+08:00' : (e.from ?? FROM);
    const p = profiles[profile].params[DEADLINE_RULES[rule].param];
    const req = PARAM_INFO[DEADLINE_RULES[rule].param].requirement;
    return [req, p?.basis ?? '—', profile, rule, from, e.due[profile]] as const;
  }),
);

describe('deadline rules × profiles (previewDeadline)', () => {
  it('the rule keys are exactly the agreed list', () => {
    expect([...DEADLINE_RULE_KEYS]).toEqual([
      'publication.penalty', 'publication.permit', 'publication.other', 'publication.exAnte', 'publication.withdrawal',
      'publication.windowMin.general', 'publication.windowMax.general', 'publication.windowMin.serious', 'publication.windowMax.serious',
      'correction.verify', 'correction.respond', 'av.upload', 'archive', 'review.decide', 'review.extended', 'filing.decide',
      'penalty.decide', 'service', 'hearing.request', 'hearing.notice', 'seizure.max', 'statement.period',
      'dailyPenalty.reinspection',
    ]);
  });

  it.each(rows)('%s · %s: %s %s from %s → %s', (_req, basis, profile, rule, from, expected) => {
    const run = () => previewDeadline({ calendar, profile: profiles[profile], rule, from });
    if (expected === U) {
      const e = errorOf(run);
      expect(e.code).toBe('profile.rule_undefined');
      expect(e.params).toEqual({ profile, rule });
    } else if (expected.startsWith('year_missing')) {
      const e = errorOf(run);
      expect(e.code).toBe('calendar.year_missing');
      expect(e.params.year).toBe(Number(expected.slice(-4)));
    } else {
      const r = run();
      expect(r.due).toBe(expected);
      expect(r.rule).toBe(rule);
      expect(r.profile).toBe(profile);
      expect(r.basis).toBe(basis);
    }
  });
});

describe('previewDeadline · details', () => {
  it('REV-6 · SX19-L 14: review.decide shows the due date with the maximum extension', () => {
    const r = previewDeadline({ calendar, profile: profiles.SX19, rule: 'review.decide', from: FROM });
    expect(r).toMatchObject({ due: '2026-03-16', dueWithMaxExtension: '2026-03-30', period: { unit: 'workingDays', amount: 10 }, origin: 'own' });
    const x = previewDeadline({ calendar, profile: profiles.SX19, rule: 'review.extended', from: FROM });
    expect(x.period).toEqual({ unit: 'workingDays', amount: 20 });
    expect(x.dueWithMaxExtension).toBeUndefined();
  });

  it('NAT-3 · 办法 Art 57: penalty.decide with +30 +30 → 150 days', () => {
    const r = previewDeadline({ calendar, profile: profiles.national, rule: 'penalty.decide', from: FROM });
    expect(r.dueWithMaxExtension).toBe('2026-07-30');
    expect(r.rollover).toBe(true);
  });

  it('NAT-10 · 行政强制法 25: a seizure is not rolled over (2026-04-01 + 30 ends on 05-01, a holiday)', () => {
    const r = previewDeadline({ calendar, profile: profiles.national, rule: 'seizure.max', from: '2026-04-01' });
    expect(r.due).toBe('2026-05-01');
    expect(r.rollover).toBe(false);
  });

  it('REC-19 · GS-R 41: archive rolls over from a Sunday (2026-02-13 + 30 = 03-15)', () => {
    expect(previewDeadline({ calendar, profile: profiles.GS19, rule: 'archive', from: '2026-02-13' }).due).toBe('2026-03-16');
  });

  it('REC-14 · GS-R 43: 24 hours needs a date-time', () => {
    const e = errorOf(() => previewDeadline({ calendar, profile: profiles.GS19, rule: 'av.upload', from: '2026-03-02' }));
    expect(e.code).toBe('validation.failed');
    const r = previewDeadline({ calendar, profile: profiles.GS19, rule: 'av.upload', from: '2026-03-02T02:00:00Z' });
    expect(r.due).toBe('2026-03-03T10:00:00+08:00');
    expect(r.fromKind).toBe('dateTime');
  });

  it('REC-14 · SX25-R 19: a date-time start counts from its China date', () => {
    const r = previewDeadline({ calendar, profile: profiles.SX25, rule: 'av.upload', from: '2026-02-13T18:00:00+08:00' });
    expect(r.due).toBe('2026-02-24');
  });

  it('REC-14 · XX-R 15: event rule — due with the case file at the end of the investigation', () => {
    const r = previewDeadline({ calendar, profile: profiles.XX19, rule: 'av.upload', from: '2026-03-02' });
    expect(r).toMatchObject({ due: '2026-03-02', period: null, anchor: 'investigationEnd' });
    expect(errorOf(() => previewDeadline({ calendar, profile: profiles.XX19, rule: 'av.upload', from: '2027-03-02' })).code).toBe(
      'calendar.year_missing',
    );
  });

  it('PUB-7: SX25 windows count from the decision date, XX19 from publication', () => {
    expect(previewDeadline({ calendar, profile: profiles.SX25, rule: 'publication.windowMin.general', from: '2025-03-31' }).anchor).toBe('decisionDate');
    expect(previewDeadline({ calendar, profile: profiles.XX19, rule: 'publication.windowMin.general', from: '2025-03-31' }).anchor).toBe('publicationDate');
  });

  it.each([
    ['2018', '2018-12-20'],
    ['2027', '2026-12-28'],
  ])('NAT-2: a deadline touching %s is calendar.year_missing', (year, from) => {
    const e = errorOf(() => previewDeadline({ calendar, profile: profiles.SX25, rule: 'publication.other', from }));
    expect(e.code).toBe('calendar.year_missing');
    expect(e.params.year).toBe(Number(year));
  });

  it('an unknown rule key is a validation error; a bad from too', () => {
    expect(errorOf(() => previewDeadline({ calendar, profile: profiles.SX25, rule: 'nope' as never, from: FROM })).code).toBe('validation.failed');
    expect(errorOf(() => previewDeadline({ calendar, profile: profiles.SX25, rule: 'service', from: '03/02/2026' })).code).toBe('validation.failed');
  });

  it('an agency value is used and reported', () => {
    const p = resolveProfile('GS19', {
      'review.timeLimit': {
        value: { kind: 'span', period: { unit: 'workingDays', amount: 5 }, anchor: 'materialsComplete', direction: 'after', extensions: [], rollover: false },
      },
    });
    const r = previewDeadline({ calendar, profile: p, rule: 'review.extended', from: FROM });
    expect(r).toMatchObject({ due: '2026-03-09', origin: 'agency', basis: '本机关配置' });
  });
});

describe('fromKind', () => {
  it.each([
    ['2026-03-02', 'date'],
    ['2026-03-02T09:00:00+08:00', 'dateTime'],
  ] as const)('%s → %s', (s, k) => {
    expect(fromKind(s)).toBe(k);
  });
});
