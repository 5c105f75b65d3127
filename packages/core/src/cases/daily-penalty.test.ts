import { describe, expect, it } from 'vitest';
import { type DailyPenaltyFacts, checkDailyPenalty } from './daily-penalty.js';

/** An original decision under 大气污染防治法 第九十九条 (按日连续处罚 applies) with a fine of 100,000. */
const base = (over: Partial<DailyPenaltyFacts> = {}): DailyPenaltyFacts => ({
  original: { caseNumber: '并环罚案〔2026〕3号', decisionNumber: '并环罚〔2026〕3号', issuedOn: '2026-03-10', fineAmount: 100_000, legalBasis: '《中华人民共和国大气污染防治法》第九十九条第（二）项' },
  corrections: [{ number: '并环责改〔2026〕1号', servedOn: '2026-03-02' }],
  reinspections: [{ on: '2026-03-12', finding: 'continuing' }],
  decision: { fineAmount: 1_000_000, issueDate: '2026-04-20' },
  ...over,
});
const idOf = (f: DailyPenaltyFacts) => {
  const r = checkDailyPenalty(f);
  return r.ok ? 'ok' : r.missing[0]!.id;
};

describe('NAT-11 · 《环境保护主管部门实施按日连续处罚办法》: the steps before the decision, worked by hand', () => {
  it('NAT-11 · 第十七条、第十九条: served 2026-03-02, 复查 2026-03-12 finds it continuing → 10 days (03-03 … 03-12); 100,000 × 10 = 1,000,000', () => {
    const r = checkDailyPenalty(base());
    expect(r.ok).toBe(true);
    expect(r.computation).toMatchObject({ correctionServedOn: '2026-03-02', firstDay: '2026-03-03', reinspectedOn: '2026-03-12', reinspectionDue: '2026-04-01', days: 10, amount: 1_000_000, originalFine: 100_000, perDay: true, basis: '《中华人民共和国大气污染防治法》第九十九条' });
  });

  it('NAT-11 · 第十三条: a 复查 obstructed by the party counts as refusing to correct — served 01-28, obstructed 02-03: 6 days × 150,000 = 900,000', () => {
    const r = checkDailyPenalty(base({ original: { ...base().original!, fineAmount: 150_000 }, corrections: [{ servedOn: '2026-01-28' }], reinspections: [{ on: '2026-02-03', finding: 'obstructed' }], decision: { fineAmount: 900_000 } }));
    expect(r).toMatchObject({ ok: true, computation: { days: 6, amount: 900_000 } });
  });

  it('NAT-11 · 第十九条: an amount that is not fine × days is refused, naming the computation', () => {
    const r = checkDailyPenalty(base({ decision: { fineAmount: 1_100_000 } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing[0]!.id).toBe('daily.amount');
    expect(r.missing[0]!.reason).toContain('100,000 元 × 计罚日数 10 日（2026-03-03 至 2026-03-12）= 1,000,000 元，决定书载明为 1,100,000 元');
    expect(r.missing[0]!.reason).toContain('《环境保护主管部门实施按日连续处罚办法》第十七条、第十九条');
  });

  it('NAT-11 · 第十条: a 复查 31 days after the service is out of its period (the last day 04-01 counts)', () => {
    expect(idOf(base({ reinspections: [{ on: '2026-04-02', finding: 'continuing' }], decision: { fineAmount: 3_100_000 } }))).toBe('daily.period');
    expect(checkDailyPenalty(base({ reinspections: [{ on: '2026-04-01', finding: 'continuing' }], decision: { fineAmount: 3_000_000 } }))).toMatchObject({ ok: true, computation: { days: 30 } });
    // A province's rule of 20 days (the profile's dailyPenalty.reinspection) moves the last day to 03-22.
    expect(idOf(base({ reinspectionDays: 20, reinspections: [{ on: '2026-03-23', finding: 'continuing' }] }))).toBe('daily.period');
  });

  it('NAT-11 · 第七条、第八条、第十二条、第十三条, 环境保护法 第五十九条: each missing step refused in the 办法\u2019s order', () => {
    expect(idOf(base({ original: undefined }))).toBe('daily.original');
    expect(idOf(base({ original: { caseNumber: '并环罚案〔2026〕3号' } }))).toBe('daily.original');
    expect(idOf(base({ decision: { fineAmount: 1_000_000, issueDate: '2026-03-09' } }))).toBe('daily.original');
    // 大气污染防治法 第九十八条 (拒绝检查) is not a 违法排放污染物 behaviour: no 按日连续处罚.
    const refusal = checkDailyPenalty(base({ original: { ...base().original!, legalBasis: '《中华人民共和国大气污染防治法》第九十八条' } }));
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) {
      expect(refusal.missing[0]!.id).toBe('daily.perDay');
      expect(refusal.missing[0]!.reason).toContain('《中华人民共和国环境保护法》第五十九条');
    }
    // The decision names another violation than the original decision's (水污染防治法 第八十三条 after 大气污染防治法 第九十九条).
    expect(idOf(base({ decision: { fineAmount: 1_000_000, legalBasis: '《中华人民共和国水污染防治法》第八十三条' } }))).toBe('daily.perDay');
    expect(idOf(base({ decision: { fineAmount: 1_000_000, legalBasis: '《中华人民共和国环境保护法》第五十九条、《中华人民共和国大气污染防治法》第九十九条' } }))).toBe('ok');
    expect(idOf(base({ corrections: [] }))).toBe('daily.correction');
    expect(idOf(base({ corrections: [{ number: '并环责改〔2026〕1号' }] }))).toBe('daily.correction');
    expect(idOf(base({ reinspections: [] }))).toBe('daily.continuing');
    expect(idOf(base({ reinspections: [{ on: '2026-03-12', finding: 'corrected' }] }))).toBe('daily.continuing');
    // A 复查 on the day of the service, or before it, is not the 复查 after it.
    expect(idOf(base({ reinspections: [{ on: '2026-03-02', finding: 'continuing' }] }))).toBe('daily.continuing');
  });
});
