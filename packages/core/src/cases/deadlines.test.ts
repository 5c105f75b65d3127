import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../profiles/types.js';
import { type CaseDates, type CaseDeadline, caseDeadlines, deadlinesForStage } from './deadlines.js';
import { calendar, profile } from './fixtures.js';

function run(dates: CaseDates, profileId: ProfileId = 'SX25', today = '2026-03-05', extra: Partial<Parameters<typeof caseDeadlines>[0]> = {}): CaseDeadline[] {
  return caseDeadlines({ actionType: 'penalty', dates, profile: profile(profileId), calendar, today, ...extra });
}
function one(list: CaseDeadline[], key: CaseDeadline['key']): CaseDeadline {
  const d = list.find((x) => x.key === key);
  if (!d) throw new Error(`no ${key}`);
  return d;
}

const PROFILES: ProfileId[] = ['SX25', 'GS19'];

describe.each(PROFILES)('stage deadlines under %s (NAT-3, NAT-4, NAT-8, NAT-10, NAT-12)', (p) => {
  it('NAT-3 · 生态环境行政处罚办法 Art 18: decide on filing within 15 days of discovery, +15 with approval', () => {
    const d = one(run({ discoveryDate: '2026-03-02' }, p), 'filing.decide');
    expect(d).toMatchObject({ due: '2026-03-17', dueWithMaxExtension: '2026-04-01', stages: ['initiation'], status: 'onTime' });
    expect(d.basis).toContain('生态环境行政处罚办法 第十八条');
    const ext = one(run({ discoveryDate: '2026-03-02', filingExtensions: [{ amount: 15, approvedBy: '局长', approvedAt: '2026-03-16' }] }, p), 'filing.decide');
    expect(ext.due).toBe('2026-04-01');
    expect(ext.dueWithMaxExtension).toBeUndefined();
  });

  it('NAT-3 · 办法 Art 57: 90 days from filing; Sunday 05-31 rolls over to Monday (民法典 Art 203)', () => {
    expect(one(run({ filingDate: '2026-03-02' }, p), 'penalty.decide')).toMatchObject({ due: '2026-06-01', dueWithMaxExtension: '2026-07-30', stages: ['investigation', 'decision'] });
  });

  it('NAT-3 · 办法 Art 57: a hearing pause (10 days) is not counted', () => {
    const d = one(run({ filingDate: '2026-03-02', penaltyPauses: [{ from: '2026-04-10', to: '2026-04-19', reason: 'hearing' }] }, p), 'penalty.decide');
    expect(d).toMatchObject({ due: '2026-06-10', pausedDays: 10, warnings: [] });
    expect(d.basis).toContain('中止期间不计入 10日');
  });

  it('NAT-3: a pause for a reason the profile does not list is counted, with a warning', () => {
    const d = one(run({ filingDate: '2026-03-02', penaltyPauses: [{ from: '2026-04-10', to: '2026-04-19', reason: 'supplement' }] }, p), 'penalty.decide');
    expect(d.due).toBe('2026-06-01');
    expect(d.warnings).toEqual(['“补充材料”不是本规则配置中不计入期限的事由，2026-04-10–2026-04-19 计入期限']);
  });

  it('NAT-3 · 办法 Art 57: +30 days with the head\u2019s approval, on top of the pause', () => {
    const d = one(
      run({ filingDate: '2026-03-02', penaltyPauses: [{ from: '2026-04-10', to: '2026-04-19', reason: 'hearing' }], penaltyExtensions: [{ amount: 30, approvedBy: '局长', approvedAt: '2026-05-25' }] }, p),
      'penalty.decide',
    );
    expect(d).toMatchObject({ due: '2026-07-10', dueWithMaxExtension: '2026-08-10', warnings: [] });
    expect(d.basis).toContain('延长 30日（局长；经生态环境主管部门负责人批准）');
  });

  it('NAT-3 · 办法 Art 57: a second extension needs collective discussion', () => {
    const first = { amount: 30, approvedBy: '局长', approvedAt: '2026-05-25' };
    const without = one(run({ filingDate: '2026-03-02', penaltyExtensions: [first, { amount: 30, approvedBy: '局长', approvedAt: '2026-06-25' }] }, p), 'penalty.decide');
    expect(without.due).toBe('2026-06-30');
    expect(without.warnings).toEqual(['继续延长须经负责人集体讨论决定（生态环境行政处罚办法第五十七条），未予计入']);
    const withCd = one(
      run({ filingDate: '2026-03-02', penaltyExtensions: [first, { amount: 30, approvedBy: '负责人集体讨论', approvedAt: '2026-06-25', collectiveDiscussionDocumentId: 'cd-2' }] }, p),
      'penalty.decide',
    );
    expect(withCd).toMatchObject({ due: '2026-07-30', warnings: [] });
  });

  it('NAT-3: an extension longer than allowed, or a third one, is not applied', () => {
    const d = one(run({ filingDate: '2026-03-02', penaltyExtensions: [{ amount: 45, approvedBy: '局长', approvedAt: '2026-05-25' }] }, p), 'penalty.decide');
    expect(d.due).toBe('2026-06-01');
    expect(d.warnings).toEqual(['延长 45 日超过允许的 30 日，未予计入']);
  });

  it('NAT-4 · 行政处罚法 Art 64(一): the party asks within 5 working days of the notice', () => {
    const d = one(run({ hearingRightsNoticeDate: '2026-03-20' }, p, '2026-03-30'), 'hearing.request');
    expect(d).toMatchObject({ due: '2026-03-27', partyDeadline: true, status: 'lapsed' });
    expect(one(run({ hearingRightsNoticeDate: '2026-03-20', hearingRequestedOn: '2026-03-24' }, p, '2026-03-30'), 'hearing.request').status).toBe('met');
  });

  it('NAT-4 · 行政处罚法 Art 64(二): notice at least 7 working days before the hearing (over the Qingming holiday)', () => {
    const d = one(run({ hearingDate: '2026-04-15' }, p, '2026-03-30'), 'hearing.notice');
    expect(d).toMatchObject({ due: '2026-04-03', status: 'onTime' });
    expect(one(run({ hearingDate: '2026-04-15', hearingSummonsDate: '2026-04-07' }, p, '2026-04-07'), 'hearing.notice').status).toBe('metLate');
  });

  it('NAT-8 · 行政处罚法 Art 61: serve within 7 working days (May Day holiday, Saturday 05-09 worked)', () => {
    expect(one(run({ decisionDate: '2026-04-30' }, p, '2026-05-11'), 'service')).toMatchObject({ due: '2026-05-13', status: 'dueSoon', stages: ['serviceExecution'] });
    expect(one(run({ decisionDate: '2026-04-30' }, p, '2026-05-14'), 'service').status).toBe('overdue');
    expect(one(run({ decisionDate: '2026-04-30', serviceDate: '2026-05-08' }, p, '2026-05-14'), 'service')).toMatchObject({ status: 'met', completedOn: '2026-05-08' });
  });

  it('NAT-12 · 行政处罚法 Art 67: the party pays within 15 days of service', () => {
    expect(one(run({ decisionDate: '2026-04-30', serviceDate: '2026-05-13' }, p, '2026-05-14'), 'penalty.payment')).toMatchObject({ due: '2026-05-28', partyDeadline: true, status: 'onTime' });
  });

  it('NAT-11 · 《环境保护主管部门实施按日连续处罚办法》第十条: the 复查 within 30 days of serving the 责令改正 (03-02 → 04-01), warned before it runs out, met by the 复查', () => {
    const open = (today: string) => one(run({ filingDate: '2026-02-20', correctionServedOn: '2026-03-02' }, p, today), 'dailyPenalty.reinspection');
    expect(open('2026-03-05')).toMatchObject({ due: '2026-04-01', status: 'onTime', period: '30日', label: '按日连续处罚复查', stages: ['investigation', 'decision', 'serviceExecution'] });
    expect(open('2026-03-05').basis).toContain('按日连续处罚办法 第十条');
    expect(open('2026-03-30').status).toBe('dueSoon');
    expect(open('2026-04-02').status).toBe('overdue');
    expect(one(run({ filingDate: '2026-02-20', correctionServedOn: '2026-03-02', reinspectedOn: '2026-03-12' }, p, '2026-04-02'), 'dailyPenalty.reinspection')).toMatchObject({ status: 'met', completedOn: '2026-03-12' });
    expect(run({ filingDate: '2026-02-20' }, p).some((d) => d.key === 'dailyPenalty.reinspection')).toBe(false);
  });

  it('NAT-10 · 行政强制法 Art 25: seizure 30 days, testing not counted, +30 with approval; not rolled over', () => {
    const dates: CaseDates = {
      seizureStart: '2026-03-02',
      seizurePauses: [
        { from: '2026-03-10', to: '2026-03-19', reason: 'testing' },
        { from: '2026-03-20', to: '2026-03-21', reason: 'monitoring' },
      ],
    };
    const d = one(caseDeadlines({ actionType: 'coercion', measures: ['seal'], dates, profile: profile(p), calendar, today: '2026-03-05' }), 'seizure.max');
    expect(d).toMatchObject({ due: '2026-04-11', pausedDays: 10, dueWithMaxExtension: '2026-05-11' });
    expect(d.warnings).toEqual(['“监测（检测）”不是本规则配置中不计入期限的事由，2026-03-20–2026-03-21 计入期限']);
    const ext = caseDeadlines({ actionType: 'coercion', measures: ['seize'], dates: { ...dates, seizureExtensions: [{ amount: 30, approvedBy: '局长', approvedAt: '2026-04-08' }] }, profile: profile(p), calendar, today: '2026-03-05' });
    expect(one(ext, 'seizure.max').due).toBe('2026-05-11');
  });
});

describe('REC-19: archive deadline per profile', () => {
  it('GS-R 41: 30 days after the action ends, Saturday rolled over to Monday', () => {
    expect(one(run({ actionEnd: '2026-05-28' }, 'GS19', '2026-06-01'), 'archive')).toMatchObject({ due: '2026-06-29', stages: ['archive'], basis: expect.stringContaining('GS-R 第四十一条') });
  });
  it('SX25 sets no archive limit: no archive deadline is shown', () => {
    expect(run({ actionEnd: '2026-05-28' }, 'SX25', '2026-06-01').map((d) => d.key)).not.toContain('archive');
  });
  it('an agency can configure one under SX25', () => {
    const withOverride = caseDeadlines({
      actionType: 'inspection',
      dates: { actionEnd: '2026-05-28' },
      profile: { ...profile('SX25'), params: { ...profile('SX25').params, archive: profile('GS19').params.archive! } },
      calendar,
      today: '2026-06-01',
    });
    expect(one(withOverride, 'archive').due).toBe('2026-06-29');
  });
});

describe('which deadlines a case shows', () => {
  const all: CaseDates = { discoveryDate: '2026-03-02', filingDate: '2026-03-10', decisionDate: '2026-04-30', hearingRightsNoticeDate: '2026-03-20', seizureStart: '2026-03-02', actionEnd: '2026-05-28' };
  it('a general-procedure penalty with a seizure shows them by stage', () => {
    const list = run(all, 'GS19', '2026-05-01', { measures: ['seal'] });
    expect(list.map((d) => d.key)).toEqual(['filing.decide', 'penalty.decide', 'hearing.request', 'service', 'seizure.max', 'archive']);
    expect(deadlinesForStage(list, 'decision').map((d) => d.key)).toEqual(['penalty.decide', 'hearing.request', 'seizure.max']);
    expect(one(list, 'filing.decide')).toMatchObject({ status: 'met', completedOn: '2026-03-10' });
  });
  it('the summary procedure has no filing or decision limits', () => {
    expect(run(all, 'SX25', '2026-05-01', { summaryProcedure: true }).map((d) => d.key)).toEqual(['service']);
  });
  it('an inspection shows only what applies to it', () => {
    expect(caseDeadlines({ actionType: 'inspection', dates: all, profile: profile('GS19'), calendar, today: '2026-05-01' }).map((d) => d.key)).toEqual(['archive']);
  });
  it('NAT-21 · 生态环境行政处罚办法 第五十七条: a limit ending in a year without the notice is computed and marked provisional, never an error', () => {
    // 90 calendar days from 2026-12-01: Dec 31 is +30, Jan 31 +61, Feb 28 +89, Mar 1 +90.
    // 2027-03-01 is a Monday, a working day under the statutory holidays (民法典 Art 203 roll-over
    // looks at it, and 2027 has no notice): due 2027-03-01, provisional.
    const d = one(run({ filingDate: '2026-12-01' }), 'penalty.decide');
    expect(d.due).toBe('2027-03-01');
    expect(d.provisional).toBe(true);
    expect(d.provisionalYears).toEqual([2027]);
    expect(d.provisionalReason).toContain('2027年');
    // The same limit inside 2026 is not provisional.
    expect(one(run({ filingDate: '2026-03-02' }), 'penalty.decide').provisional).toBeUndefined();
  });
});
