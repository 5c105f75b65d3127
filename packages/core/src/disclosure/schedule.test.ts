import { describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar/index.js';
import { resolveProfile } from '../profiles/resolve.js';
import type { ProfileId, ResolvedProfile } from '../profiles/types.js';
import { PROFILE_IDS } from '../profiles/types.js';
import { correctionSchedule, publicationSchedule, violationSeverity, withdrawalSchedule } from './schedule.js';

const calendar = seedCalendar();
const profiles = Object.fromEntries(PROFILE_IDS.map((id) => [id, resolveProfile(id)])) as Record<ProfileId, ResolvedProfile>;

describe('PUB-2: publish within 7 / 20 working days of the decision', () => {
  // Monday 2026-03-02: 7 WD → 03-11, 20 WD → 03-30 (no holiday in March 2026)
  const ROWS: { type: 'penalty' | 'permit' | 'inspection' | 'coercion'; due: Record<ProfileId, string> }[] = [
    { type: 'penalty', due: { national: '2026-03-11', SX25: '2026-03-11', SX19: '2026-03-11', GS19: '2026-03-11', XX19: '2026-03-11' } },
    { type: 'permit', due: { national: '2026-03-11', SX25: '2026-03-11', SX19: '2026-03-11', GS19: '2026-03-11', XX19: '2026-03-11' } },
    { type: 'inspection', due: { national: '2026-03-30', SX25: '2026-03-30', SX19: '2026-03-30', GS19: '2026-03-11', XX19: '2026-03-30' } },
    { type: 'coercion', due: { national: '2026-03-30', SX25: '2026-03-30', SX19: '2026-03-30', GS19: '2026-03-11', XX19: '2026-03-30' } },
  ];
  const CITES: Record<ProfileId, string> = { national: 'MEE19', SX25: 'SX25-P 第十四条', SX19: 'SX19-P 第十三条', GS19: 'GS-P 第十五条', XX19: 'XX-P 第十四条' };
  for (const row of ROWS) {
    for (const profile of PROFILE_IDS) {
      it(`PUB-2 · ${CITES[profile]}: ${row.type} decided 2026-03-02 under ${profile} → ${row.due[profile]}`, () => {
        const s = publicationSchedule({ profile: profiles[profile], calendar, actionType: row.type, decisionDate: '2026-03-02', severity: 'general' });
        expect(s.publishBy).toBe(row.due[profile]);
      });
    }
  }

  it('PUB-2 · SX25-P 14: the Spring Festival holiday is skipped and the adjusted Saturday counts (NAT-2)', () => {
    // Tue 2026-02-10: 11, 12, 13, 14 (Sat, worked), [15–23 off], 24, 25, 26
    const s = publicationSchedule({ profile: profiles.SX25, calendar, actionType: 'penalty', decisionDate: '2026-02-10', severity: 'general' });
    expect(s.publishBy).toBe('2026-02-26');
    expect(s.details.publish.basis).toBe('SX25-P 第十四条第二款');
  });

  it('PUB-2, PUB-14: publication status — onTime, dueSoon, overdue, met, metLate', () => {
    const at = (extra: { today?: string; publishedOn?: string }) =>
      publicationSchedule({ profile: profiles.SX25, calendar, actionType: 'penalty', decisionDate: '2026-03-02', severity: 'general', ...extra }).publishStatus;
    expect(at({})).toBeUndefined();
    expect(at({ today: '2026-03-03' })).toBe('onTime');
    expect(at({ today: '2026-03-09' })).toBe('dueSoon');
    expect(at({ today: '2026-03-12' })).toBe('overdue');
    expect(at({ publishedOn: '2026-03-11' })).toBe('met');
    expect(at({ publishedOn: '2026-03-12' })).toBe('metLate');
  });
});

describe('PUB-7 · SX25-P 18: publication windows', () => {
  it('PUB-7 · SX25-P 18: general violations at least 3 months, at most 1 year from the decision', () => {
    const s = publicationSchedule({ profile: profiles.SX25, calendar, actionType: 'penalty', decisionDate: '2025-03-31', publishedOn: '2025-04-03', severity: 'general' });
    expect(s).toMatchObject({ minimumUntil: '2025-06-30', removeNotBefore: '2025-07-01', removeBy: '2026-03-31' });
  });

  it('PUB-7 · SX25-P 18: serious violations at least 6 months, at most 3 years (no holiday data needed for 2028)', () => {
    const s = publicationSchedule({ profile: profiles.SX25, calendar, actionType: 'penalty', decisionDate: '2025-03-31', severity: 'serious' });
    expect(s).toMatchObject({ minimumUntil: '2025-09-30', removeNotBefore: '2025-10-01', removeBy: '2028-03-31', severity: 'serious' });
    expect(s.details.minimum?.note).toContain('严重环境违法行为');
  });

  it('PUB-7 · SX25-P 18 第三款: serious = major legal review AND judged serious', () => {
    expect(violationSeverity({ majorLegalReview: true, judgedSerious: true })).toBe('serious');
    expect(violationSeverity({ majorLegalReview: true, judgedSerious: false })).toBe('general');
    expect(violationSeverity({ majorLegalReview: false, judgedSerious: true })).toBe('general');
  });

  it('PUB-7 · SX25-P 18 第一款: the windows cover penalties only; other SX25 decisions get none', () => {
    const s = publicationSchedule({ profile: profiles.SX25, calendar, actionType: 'inspection', decisionDate: '2025-03-31', severity: 'general' });
    expect(s).toMatchObject({ minimumUntil: null, removeNotBefore: null, removeBy: null });
    expect(s.notes.join()).toContain('仅适用于行政处罚信息');
  });

  it('PUB-7 · XX-P 15: may be taken down once published for 1 year, counted from publication, no maximum', () => {
    const s = publicationSchedule({ profile: profiles.XX19, calendar, actionType: 'inspection', decisionDate: '2025-03-31', publishedOn: '2025-04-03', severity: 'serious' });
    expect(s).toMatchObject({ minimumUntil: '2026-04-03', removeNotBefore: '2026-04-04', removeBy: null });
    const pending = publicationSchedule({ profile: profiles.XX19, calendar, actionType: 'penalty', decisionDate: '2025-03-31', severity: 'general' });
    expect(pending.removeNotBefore).toBeNull();
    expect(pending.notes.join()).toContain('尚未公示');
  });

  it.each(['GS19', 'SX19', 'national'] as const)('PUB-7: %s sets no window (national and local rules apply)', (profile) => {
    const s = publicationSchedule({ profile: profiles[profile], calendar, actionType: 'penalty', decisionDate: '2025-03-31', severity: 'serious' });
    expect(s).toMatchObject({ minimumUntil: null, removeNotBefore: null, removeBy: null });
    expect(s.notes.join()).toContain('未规定公示期限');
  });

  it('PUB-7: an agency-configured window applies to every action type', () => {
    const agency = resolveProfile('GS19', { 'publication.windowMax.general': { value: { kind: 'span', period: { unit: 'years', amount: 2 }, anchor: 'decisionDate', direction: 'after', extensions: [], rollover: false } } });
    const s = publicationSchedule({ profile: agency, calendar, actionType: 'inspection', decisionDate: '2025-03-31', severity: 'general' });
    expect(s.removeBy).toBe('2027-03-31');
  });
});

describe('PUB-8: withdrawal', () => {
  it('PUB-8 · SX25-P 25: within 3 working days; GS-P 16: within 7 working days (over the May Day holiday)', () => {
    // Thu 2026-04-30; 05-01…05 off; 05-09 (Sat) worked
    expect(withdrawalSchedule({ profile: profiles.SX25, calendar, revokedOn: '2026-04-30' }).due).toBe('2026-05-08');
    expect(withdrawalSchedule({ profile: profiles.GS19, calendar, revokedOn: '2026-04-30' }).due).toBe('2026-05-13');
    expect(withdrawalSchedule({ profile: profiles.XX19, calendar, revokedOn: '2026-04-30' }).basis).toContain('行政处罚法 第四十八条');
  });

  it('PUB-8 · GS-P 16: the changing decision\'s body, number, date and content are published; SX25-P 25: the reasons', () => {
    expect(withdrawalSchedule({ profile: profiles.GS19, calendar, revokedOn: '2026-03-02' }).requirements.map((r) => r.key)).toEqual([
      'changingBody', 'changingNumber', 'changingDate', 'changingContent', 'explanation',
    ]);
    expect(withdrawalSchedule({ profile: profiles.SX25, calendar, revokedOn: '2026-03-02' }).requirements.map((r) => r.key)).toEqual(['reasons']);
  });

  it('PUB-8, PUB-14: withdrawal status', () => {
    expect(withdrawalSchedule({ profile: profiles.SX25, calendar, revokedOn: '2026-03-02', today: '2026-03-06' }).status).toBe('overdue');
    expect(withdrawalSchedule({ profile: profiles.SX25, calendar, revokedOn: '2026-03-02', withdrawnOn: '2026-03-05' }).status).toBe('met');
  });
});

describe('PUB-9: corrections', () => {
  it('PUB-9 · GS-P 17: verify within 10 working days, then correct or refuse within 3', () => {
    const projected = correctionSchedule({ profile: profiles.GS19, calendar, requestedOn: '2026-03-02' });
    expect(projected).toMatchObject({ verifyBy: '2026-03-16', respondBy: '2026-03-19', respondProjected: true });
    const verified = correctionSchedule({ profile: profiles.GS19, calendar, requestedOn: '2026-03-02', verifiedOn: '2026-03-10' });
    expect(verified).toMatchObject({ verifyBy: '2026-03-16', respondBy: '2026-03-13', respondProjected: false });
    expect(verified.basis).toBe('GS-P 第十七条');
  });

  it.each(['SX25', 'SX19', 'XX19', 'national'] as const)('PUB-9: %s sets no correction limit', (profile) => {
    const s = correctionSchedule({ profile: profiles[profile], calendar, requestedOn: '2026-03-02' });
    expect(s).toMatchObject({ verifyBy: null, respondBy: null });
    expect(s.notes[0]).toContain('未规定更正期限');
  });

  it('PUB-9 · SX25-P 23: the SX25 note cites the article', () => {
    expect(correctionSchedule({ profile: profiles.SX25, calendar, requestedOn: '2026-03-02' }).basis).toBe('SX25-P 第二十三条');
  });
});
