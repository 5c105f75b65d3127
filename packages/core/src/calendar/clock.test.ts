import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { type ClockInput, computeDue, dueStatus, mergePauses } from './clock.js';
import { CALENDAR_SEED } from './holiday-data.js';
import { WorkCalendar } from './work-calendar.js';

/** The strict contract (no provisional years, NAT-2 without NAT-21): a missing year is an explicit error. */
const STRICT = { provisional: false } as const;
const cal = new WorkCalendar(CALENDAR_SEED, STRICT);

function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const review = (extra: Partial<ClockInput> = {}): ClockInput => ({
  start: '2026-03-02', // Monday
  period: { unit: 'workingDays', amount: 10 },
  ...extra,
});

describe('REV-6 · SX19-L 14: review clock in working days with pauses (补充材料、专家论证、提请解释 不计入)', () => {
  it.each([
    ['no pause', [], '2026-03-16', 0],
    ['3-WD supplement Wed–Fri inside the window', [{ from: '2026-03-04', to: '2026-03-06', reason: '补充材料' }], '2026-03-19', 3],
    ['pause over a weekend only does not move a WD clock', [{ from: '2026-03-07', to: '2026-03-08', reason: '专家论证' }], '2026-03-16', 0],
    ['pause Fri–Mon counts its 2 working days', [{ from: '2026-03-06', to: '2026-03-09', reason: '专家论证' }], '2026-03-18', 2],
    [
      'overlapping pauses count each day once',
      [
        { from: '2026-03-04', to: '2026-03-06', reason: '补充材料' },
        { from: '2026-03-05', to: '2026-03-10', reason: '专家论证' },
      ],
      '2026-03-23',
      5,
    ],
    [
      'touching pauses merge',
      [
        { from: '2026-03-04', to: '2026-03-04', reason: '补充材料' },
        { from: '2026-03-05', to: '2026-03-05', reason: '补充材料' },
      ],
      '2026-03-18',
      2,
    ],
    ['pause after the due date has no effect', [{ from: '2026-03-17', to: '2026-03-20', reason: '提请解释' }], '2026-03-16', 0],
    ['pause starting on the due date moves it', [{ from: '2026-03-16', to: '2026-03-16', reason: '提请解释' }], '2026-03-17', 1],
    ['pause ending before the start has no effect', [{ from: '2026-02-02', to: '2026-02-27', reason: '补充材料' }], '2026-03-16', 0],
    ['pause straddling the start counts only its days after the start', [{ from: '2026-02-26', to: '2026-03-03', reason: '补充材料' }], '2026-03-17', 1],
    [
      'a pause reached only because an earlier pause pushed the clock counts too',
      [
        { from: '2026-03-04', to: '2026-03-06', reason: '补充材料' },
        { from: '2026-03-18', to: '2026-03-18', reason: '专家论证' },
      ],
      '2026-03-20',
      4,
    ],
  ] as const)('REV-6 · SX19-L 14: %s', (_name, pauses, due, paused) => {
    const r = computeDue(cal, review({ pauses: [...pauses] }));
    expect(r.due).toBe(due);
    expect(r.pausedDays).toBe(paused);
    expect(r.baseDue).toBe('2026-03-16');
  });

  it('REV-6 · SX19-L 14: +10 WD extension with the head’s approval, plus a pause', () => {
    const r = computeDue(
      cal,
      review({
        pauses: [{ from: '2026-03-04', to: '2026-03-06', reason: '补充材料' }],
        extensions: [{ amount: 10, approvedBy: '局长 张三', approvedAt: '2026-03-12', basis: 'SX19-L 第十四条' }],
      }),
    );
    // 20 WD from 03-02 = 03-30; 3 paused WD → 04-02 (清明 04-04…06 is after).
    expect(r.due).toBe('2026-04-02');
    expect(r.totalAmount).toBe(20);
    expect(r.warnings).toEqual([]);
    expect(r.trace.map((t) => t.step)).toEqual(['base', 'extension', 'pause']);
    expect(r.basis).toContain('延长 10个工作日（局长 张三；SX19-L 第十四条）');
    expect(r.basis).toContain('中止期间不计入 3个工作日');
  });

  it('REV-6 · XX-L 10: 7 WD + 3 with the leader in charge; an extension approved after the limit lapsed is flagged', () => {
    const r = computeDue(cal, {
      start: '2026-03-02',
      period: { unit: 'workingDays', amount: 7 },
      extensions: [{ amount: 3, approvedBy: '分管法规的局领导', approvedAt: '2026-03-12', basis: 'XX-L 第十条' }],
    });
    expect(r.baseDue).toBe('2026-03-11');
    expect(r.due).toBe('2026-03-16');
    expect(r.warnings).toHaveLength(1);
    expect(r.trace[1]).toMatchObject({ step: 'extension', late: true });
  });

  it('REV-6: the review clock across the 2026 Spring Festival', () => {
    // 02-12, 02-13, 02-14 (Sat, worked), 02-24…27, 02-28 (Sat, worked), 03-02, 03-03
    expect(computeDue(cal, { start: '2026-02-11', period: { unit: 'workingDays', amount: 10 } }).due).toBe('2026-03-03');
  });
});

describe('NAT-3 · 生态环境行政处罚办法 Art 57: 90 calendar days, +30 +30, hearing/testing time not counted', () => {
  it.each([
    ['no pause', [], [], '2026-04-01'],
    ['hearing 10 days', [{ from: '2026-02-01', to: '2026-02-10', reason: '听证' }], [], '2026-04-11'],
    [
      'overlapping testing and announcement',
      [
        { from: '2026-02-01', to: '2026-02-10', reason: '检测' },
        { from: '2026-02-05', to: '2026-02-14', reason: '公告' },
      ],
      [],
      '2026-04-15',
    ],
    ['pause after the due date', [{ from: '2026-04-02', to: '2026-04-30', reason: '送达' }], [], '2026-04-01'],
    [
      'both extensions',
      [],
      [
        { amount: 30, approvedBy: '负责人', approvedAt: '2026-03-20', basis: '办法 第五十七条' },
        { amount: 30, approvedBy: '负责人集体讨论', approvedAt: '2026-04-20', basis: '办法 第五十七条' },
      ],
      '2026-05-31',
    ],
  ] as const)('NAT-3 · 办法 Art 57: %s', (_name, pauses, extensions, due) => {
    const r = computeDue(cal, { start: '2026-01-01', period: { unit: 'calendarDays', amount: 90 }, pauses: [...pauses], extensions: [...extensions] });
    expect(r.due).toBe(due);
  });

  it('民法典 Art 203: roll-over when the last day is a rest day', () => {
    const base = { start: '2026-01-01', period: { unit: 'calendarDays' as const, amount: 120 } };
    expect(computeDue(cal, base).due).toBe('2026-05-01');
    const rolled = computeDue(cal, { ...base, rollover: true });
    expect(rolled.due).toBe('2026-05-06');
    expect(rolled.trace.at(-1)).toEqual({ step: 'rollover', from: '2026-05-01', to: '2026-05-06' });
    expect(rolled.basis).toContain('民法典 第二百零三条');
  });
});

describe('months and years with pauses (PUB-7 windows, long limits)', () => {
  it.each([
    ['2024-01-31', 1, [], '2024-02-29'],
    ['2023-01-31', 1, [], '2023-02-28'],
    ['2026-01-31', 1, [{ from: '2026-02-10', to: '2026-02-12', reason: '中止' }], '2026-03-03'],
    ['2026-01-31', 1, [{ from: '2026-03-01', to: '2026-03-05', reason: '中止' }], '2026-02-28'],
  ] as const)('民法典 Art 202: %s + %i month(s), pauses %j → %s', (start, amount, pauses, due) => {
    expect(computeDue(cal, { start, period: { unit: 'months', amount }, pauses: [...pauses] }).due).toBe(due);
  });

  it('a pause that the push reaches is counted (fixed point)', () => {
    // base 2026-02-28; 3 paused days → 03-03, which reaches a second pause on 03-02…03-03 → +2 → 03-05
    const r = computeDue(cal, {
      start: '2026-01-31',
      period: { unit: 'months', amount: 1 },
      pauses: [
        { from: '2026-02-10', to: '2026-02-12', reason: '中止' },
        { from: '2026-03-02', to: '2026-03-03', reason: '中止' },
      ],
    });
    expect(r.due).toBe('2026-03-05');
    expect(r.pausedDays).toBe(5);
  });

  it('years: 2020-02-29 + 1 year = 2021-02-28', () => {
    expect(computeDue(cal, { start: '2020-02-29', period: { unit: 'years', amount: 1 } }).due).toBe('2021-02-28');
  });
});

describe('REC-14 · GS-R 43: hours', () => {
  it('24 hours from a date-time', () => {
    expect(computeDue(cal, { start: '2026-02-13T17:30:00+08:00', period: { unit: 'hours', amount: 24 } }).due).toBe(
      '2026-02-14T17:30:00+08:00',
    );
  });

  it.each([
    ['a date instead of a date-time', { start: '2026-02-13', period: { unit: 'hours', amount: 24 } }],
    ['pauses', { start: '2026-02-13T10:00:00+08:00', period: { unit: 'hours', amount: 24 }, pauses: [{ from: '2026-02-13', to: '2026-02-13', reason: 'x' }] }],
    ['a negative amount', { start: '2026-02-13', period: { unit: 'workingDays', amount: -1 } }],
    ['a reversed pause', { start: '2026-02-13', period: { unit: 'workingDays', amount: 1 }, pauses: [{ from: '2026-02-20', to: '2026-02-13', reason: 'x' }] }],
    ['an extension without approver', { start: '2026-02-13', period: { unit: 'workingDays', amount: 1 }, extensions: [{ amount: 1, approvedBy: '', approvedAt: '2026-02-13', basis: 'x' }] }],
  ] as const)('validation: %s is refused', (_name, input) => {
    expect(errorOf(() => computeDue(cal, input as ClockInput)).code).toBe('validation.failed');
  });
});

describe('NAT-2 · the clock never guesses a missing year', () => {
  it.each([
    [{ start: '2026-12-20', period: { unit: 'workingDays', amount: 10 } }, 2027],
    [{ start: '2026-12-01', period: { unit: 'workingDays', amount: 5 }, pauses: [{ from: '2026-12-02', to: '2026-12-31', reason: '补充材料' }] }, 2027],
    [{ start: '2026-12-20', period: { unit: 'calendarDays', amount: 30 }, rollover: true }, 2027],
  ] as const)('NAT-2: %j → year_missing %i', (input, year) => {
    const e = errorOf(() => computeDue(cal, input as ClockInput));
    expect(e.code).toBe('calendar.year_missing');
    expect(e.params.year).toBe(year);
  });
});

describe('mergePauses', () => {
  it('sorts, merges overlaps and adjacency, keeps reasons', () => {
    expect(
      mergePauses([
        { from: '2026-03-10', to: '2026-03-12', reason: 'b' },
        { from: '2026-03-01', to: '2026-03-05', reason: 'a' },
        { from: '2026-03-06', to: '2026-03-07', reason: 'a' },
        { from: '2026-03-20', to: '2026-03-20', reason: 'c' },
      ]),
    ).toEqual([
      { from: '2026-03-01', to: '2026-03-07', reasons: ['a'] },
      { from: '2026-03-10', to: '2026-03-12', reasons: ['b'] },
      { from: '2026-03-20', to: '2026-03-20', reasons: ['c'] },
    ]);
  });
});

describe('dueStatus', () => {
  it.each([
    // [due, today, soonDays, withCalendar, expected]
    ['2026-03-16', '2026-03-17', 3, true, 'overdue'],
    ['2026-03-16', '2026-03-16', 3, true, 'dueSoon'],
    ['2026-03-16', '2026-03-11', 3, true, 'dueSoon'],
    ['2026-03-16', '2026-03-10', 3, true, 'onTime'],
    ['2026-02-24', '2026-02-13', 3, true, 'dueSoon'], // only 2 WD left across the Spring Festival
    ['2026-02-24', '2026-02-13', 3, false, 'onTime'], // 11 calendar days
    ['2026-02-14T17:30:00+08:00', '2026-02-14T17:00:00+08:00', 0, true, 'dueSoon'],
    ['2026-02-14T17:30:00+08:00', '2026-02-14T18:00:00+08:00', 0, true, 'overdue'],
    ['2026-02-14T17:30:00+08:00', '2026-02-14', 0, true, 'dueSoon'],
  ] as const)('dueStatus(%s, %s, %i, calendar %s) = %s', (due, today, soon, withCal, expected) => {
    expect(dueStatus(due, today, soon, withCal ? cal : undefined)).toBe(expected);
  });

  it('a year without data is an error when counting working days', () => {
    expect(errorOf(() => dueStatus('2027-01-10', '2026-12-30', 3, cal)).code).toBe('calendar.year_missing');
  });
});
