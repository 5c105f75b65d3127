import { describe, expect, it } from 'vitest';
import { VIOLATIONS, checkFine, dailyPenalty, discretionBenchmark, discretionOf, violationCatalogueProblems, violationOf } from './violations.js';

describe('NAT-22 · fines within the cited article\'s range', () => {
  it('NAT-22 · 大气污染防治法 第九十九条: a fine below 100,000 is refused; 100,000 and 1,000,000 pass; above is refused', () => {
    const basis = '《中华人民共和国大气污染防治法》第九十九条第（二）项';
    const low = checkFine({ legalBasis: basis, fineAmount: 60_000 });
    expect(low.ok).toBe(false);
    expect(low.ok ? '' : low.missing[0]!.reason).toBe('罚款 60000 元不在《大气污染防治法》第九十九条规定的幅度内（10万元以上100万元以下）');
    expect(checkFine({ legalBasis: basis, fineAmount: 100_000 }).ok).toBe(true);
    expect(checkFine({ legalBasis: basis, fineAmount: 1_000_000 }).ok).toBe(true);
    expect(checkFine({ legalBasis: basis, fineAmount: 1_000_001 }).ok).toBe(false);
  });

  it('NAT-22 · 水污染防治法 第八十三条: 45,000 is refused (minimum 100,000)', () => {
    expect(checkFine({ legalBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项', fineAmount: 45_000 }).ok).toBe(false);
  });

  it('NAT-22 · 环境影响评价法 第三十一条: 1 %–5 % of the total investment', () => {
    const basis = '《中华人民共和国环境影响评价法》第三十一条第一款';
    expect(checkFine({ legalBasis: basis, fineAmount: 50_000, baseAmount: 5_000_000 }).ok).toBe(true);
    const r = checkFine({ legalBasis: basis, fineAmount: 40_000, baseAmount: 5_000_000 });
    expect(r.ok ? '' : r.missing[0]!.reason).toBe('罚款 40000 元不在《环境影响评价法》第三十一条规定的幅度内（建设项目总投资额百分之1以上百分之5以下，即 50000 元至 250000 元）');
  });

  it('an article is matched exactly: 第九十九条 is not 第九十八条, and 第一百零八条 is not 第一百零八十条', () => {
    expect(violationOf('《大气污染防治法》第九十八条')?.key).toBe('air.refuseInspection');
    expect(violationOf('《中华人民共和国大气污染防治法》第一百零八条第（五）项')?.key).toBe('air.dustControl');
    expect(violationOf('《中华人民共和国噪声污染防治法》第七十五条')).toBeUndefined();
  });

  it('outside the benchmark band the amount needs a stated reason; with one it passes', () => {
    const basis = '《中华人民共和国大气污染防治法》第九十九条';
    const r = checkFine({ legalBasis: basis, fineAmount: 800_000, bandLabel: '较轻' });
    expect(r.ok ? '' : r.missing[0]!.reason).toContain('超出裁量基准“较轻”档');
    expect(checkFine({ legalBasis: basis, fineAmount: 800_000, bandLabel: '较轻', discretionReason: '连续三年超标排放，依法从重' }).ok).toBe(true);
    expect(checkFine({ legalBasis: basis, fineAmount: 150_000, bandLabel: '较轻' }).ok).toBe(true);
  });

  it('every entry: bands cover the statutory range without gaps and stay inside it', () => {
    for (const v of VIOLATIONS) {
      const [lo, hi] = v.range.kind === 'amount' ? [v.range.min, v.range.max] : [v.range.minRate, v.range.maxRate];
      expect(v.bands[0]!.min, v.key).toBe(lo);
      expect(v.bands[v.bands.length - 1]!.max, v.key).toBe(hi);
      for (let i = 1; i < v.bands.length; i++) expect(v.bands[i]!.min, v.key).toBe(v.bands[i - 1]!.max);
    }
  });
});

describe('NAT-11 · 环境保护法 第五十九条: 按日连续处罚, worked by hand', () => {
  it('NAT-11: 责令改正 served 2026-03-02, 复查 on 2026-03-12 finds it continuing: 10 days (03-03 … 03-12) × 200,000 = 2,000,000', () => {
    expect(dailyPenalty({ originalFine: 200_000, correctionServedOn: '2026-03-02', reinspectedOn: '2026-03-12' })).toEqual({ ok: true, days: 10, amount: 2_000_000 });
  });
  it('NAT-11: across a month end — served 2026-01-28, 复查 2026-02-03: 6 days × 150,000 = 900,000', () => {
    expect(dailyPenalty({ originalFine: 150_000, correctionServedOn: '2026-01-28', reinspectedOn: '2026-02-03' })).toMatchObject({ days: 6, amount: 900_000 });
  });
  it('NAT-11: a 复查 later than 30 days after service, or not after it, is refused', () => {
    expect(dailyPenalty({ originalFine: 100_000, correctionServedOn: '2026-03-02', reinspectedOn: '2026-04-02' }).ok).toBe(false);
    expect(dailyPenalty({ originalFine: 100_000, correctionServedOn: '2026-03-02', reinspectedOn: '2026-04-01' })).toMatchObject({ ok: true, days: 30 });
    expect(dailyPenalty({ originalFine: 100_000, correctionServedOn: '2026-03-02', reinspectedOn: '2026-03-02' }).ok).toBe(false);
  });
});

describe('NAT-22 · REV-4 (SX19-L 11: 裁量适当): what the legal reviewer reads about the discretion', () => {
  it('NAT-22 · 行政处罚法 第三十四条: a fine outside the chosen band shows the entry, the statutory range, the band and the officer\u2019s reason', () => {
    const v = discretionOf({ legalBasis: '《中华人民共和国大气污染防治法》第九十九条第（二）项', fineAmount: 800_000, discretionBand: '较轻', discretionReason: '超标倍数高，且拒不改正' });
    expect(v).toEqual({
      violation: '超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物',
      violated: '《中华人民共和国大气污染防治法》第十八条',
      basis: '《中华人民共和国大气污染防治法》第九十九条',
      range: '10万元以上100万元以下',
      fineAmount: 800_000,
      band: { label: '较轻', circumstances: '首次违法、及时改正、危害后果轻微', range: '10万元至37万元' },
      outsideBand: true,
      reason: '超标倍数高，且拒不改正',
    });
    expect(discretionOf({ legalBasis: '《中华人民共和国大气污染防治法》第九十九条', fineAmount: 150_000, discretionBand: '较轻' })?.outsideBand).toBe(false);
    expect(discretionOf({ legalBasis: '《排污许可管理条例》第三十三条', fineAmount: 200_000 })?.basis).toBe('《排污许可管理条例》第三十三条');
    expect(discretionOf({ legalBasis: '《中华人民共和国噪声污染防治法》第七十五条', fineAmount: 1 })).toBeNull();
  });
});

describe('NAT-22 · an agency\u2019s catalogue versions (ORG-3: its discretion benchmark)', () => {
  const copy = () => VIOLATIONS.map((v) => ({ ...v, bands: v.bands.map((b) => ({ ...b })) }));
  it('NAT-22 · 大气污染防治法 第九十九条: the statutory range cannot be changed by an agency, and an article left out is still judged', () => {
    const entries = copy();
    entries[0] = { ...entries[0]!, range: { kind: 'amount', min: 10_000, max: 100_000 } };
    expect(violationCatalogueProblems(entries).map((p) => p.reason)).toContain('《大气污染防治法》第九十九条规定的法定幅度为10万元以上100万元以下，不能改变');
    expect(violationCatalogueProblems(copy())).toEqual([]);
    expect(checkFine({ legalBasis: '《中华人民共和国大气污染防治法》第九十九条', fineAmount: 60_000 }, copy().slice(1)).ok).toBe(false);
  });
  it('NAT-22 · ORG-3: the benchmark rows name the basis by full title, the range and each band with its circumstances', () => {
    const rows = discretionBenchmark(VIOLATIONS);
    expect(rows).toHaveLength(VIOLATIONS.length);
    expect(rows.find((r) => r.basis === '《中华人民共和国环境影响评价法》第三十一条')?.bands[0]).toEqual({ label: '较轻', circumstances: '主动停止建设、尚未投入生产', range: '建设项目总投资额百分之1至百分之2' });
  });
});

describe('NAT-22 · 环境影响评价法 第三十一条: rates read as written', () => {
  it('NAT-22 · 环境影响评价法 第三十一条: the band 3.5 %–5 % reads 百分之3.5, without floating-point noise', () => {
    expect(discretionBenchmark(VIOLATIONS).find((r) => r.basis === '《中华人民共和国环境影响评价法》第三十一条')?.bands.map((b) => b.range)).toEqual(['建设项目总投资额百分之1至百分之2', '建设项目总投资额百分之2至百分之3.5', '建设项目总投资额百分之3.5至百分之5']);
  });
});
