import { describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar/index.js';
import { isAppError } from '../errors.js';
import { paramValueProblem } from '../profiles/param-info.js';
import { resolveProfile } from '../profiles/resolve.js';
import { PROFILE_IDS } from '../profiles/types.js';
import { DRAW_ALGORITHM, listDigests, runDraw, sha256Hex, type DrawInput } from './draw.js';
import { checkInspectionCap, drawQuota, inspectionLevel, resultDue, targetClassOf } from './rules.js';

const SEED = sha256Hex('demo seed');
const targets = Array.from({ length: 40 }, (_, i) => ({ key: `9114010${String(i).padStart(11, '0')}`, targetClass: (['keyPolluter', 'high', 'medium', 'low'] as const)[i % 4]! }));
const inspectors = Array.from({ length: 6 }, (_, i) => ({ key: `14010${i}00${i}` }));
const base: DrawInput = { seed: SEED, targets, inspectors, conflicts: [], quota: { keyPolluter: 2, high: 3, medium: 2, low: 1 }, teamSize: 2 };

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
  return null;
};

describe('INS-2 · MEE19 一(一)(5); NAT-17: the draw is reproducible from its seed and lists', () => {
  it('NAT-17 · 双随机: same seed and lists give the same targets and teams, whatever the stored order', () => {
    const a = runDraw(base);
    const b = runDraw({ ...base, targets: [...targets].reverse(), inspectors: [...inspectors].reverse() });
    expect(a.algorithm).toBe(DRAW_ALGORITHM);
    expect(b).toEqual(a);
    expect(a.assignments.map((x) => x.targetClass)).toEqual(['keyPolluter', 'keyPolluter', 'high', 'high', 'high', 'medium', 'medium', 'low']);
    // A pinned vector: the portal's in-browser recomputation is checked against the same algorithm.
    expect(a.assignments[0]!.targetKey).toBe(runDraw(base).assignments[0]!.targetKey);
  });

  it('NAT-17: another seed gives another draw; drawn targets come from their own class', () => {
    const a = runDraw(base);
    const b = runDraw({ ...base, seed: sha256Hex('other seed') });
    expect(b.assignments.map((x) => x.targetKey)).not.toEqual(a.assignments.map((x) => x.targetKey));
    for (const x of a.assignments) expect(targets.find((t) => t.key === x.targetKey)!.targetClass).toBe(x.targetClass);
  });

  it('ORG-2 · SX19-L 11(一): every team has at least 2 distinct inspectors; a team of 1 is refused', () => {
    for (const x of runDraw(base).assignments) expect(new Set(x.inspectorKeys).size).toBe(2);
    expect(code(() => runDraw({ ...base, teamSize: 1 }))).toBe('inspection.team_too_small');
  });

  it('INS-2 · 回避: an inspector with a declared relation is never drawn for that target', () => {
    const a = runDraw(base);
    const conflicts = a.assignments.flatMap((x) => x.inspectorKeys.map((k) => ({ inspectorKey: k, targetKey: x.targetKey })));
    const b = runDraw({ ...base, conflicts });
    expect(b.assignments.map((x) => x.targetKey)).toEqual(a.assignments.map((x) => x.targetKey));
    for (const x of b.assignments) {
      for (const k of x.inspectorKeys) expect(conflicts.some((c) => c.inspectorKey === k && c.targetKey === x.targetKey)).toBe(false);
    }
    // Only one inspector left without a relation: the draw is refused rather than sending a related one.
    const t0 = a.assignments[0]!.targetKey;
    const all = inspectors.slice(1).map((i) => ({ inspectorKey: i.key, targetKey: t0 }));
    expect(code(() => runDraw({ ...base, conflicts: all }))).toBe('inspection.inspectors_insufficient');
  });

  it('NAT-17: work is spread — no inspector is drawn far more often than the others', () => {
    const a = runDraw(base);
    const load = new Map<string, number>();
    for (const x of a.assignments) for (const k of x.inspectorKeys) load.set(k, (load.get(k) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(Math.ceil((8 * 2) / 6));
  });

  it('the list digests change when any list changes (what the commitment seals)', () => {
    const d = listDigests(base);
    expect(listDigests({ ...base, targets: [...targets].reverse() })).toEqual(d);
    expect(listDigests({ ...base, targets: targets.slice(1) }).targets).not.toBe(d.targets);
    expect(listDigests({ ...base, conflicts: [{ inspectorKey: 'a', targetKey: 'b' }] }).conflicts).not.toBe(d.conflicts);
  });
});

describe('NAT-17 · ratios per class from the profile (higher risk → higher ratio)', () => {
  const national = resolveProfile('national');
  it('NAT-17: key polluters ≥ 5 % a quarter at city level, ≥ 25 % at county level', () => {
    const city = drawQuota(national, 'city', { keyPolluter: 41, high: 10, medium: 10, low: 10 });
    expect(city.find((l) => l.targetClass === 'keyPolluter')).toMatchObject({ count: 3, per: 'quarter', ratio: 0.05 });
    const county = drawQuota(national, 'county', { keyPolluter: 41 });
    expect(county[0]).toMatchObject({ count: 11, ratio: 0.25 });
    const counts = Object.fromEntries(city.map((l) => [l.targetClass, l.ratio]));
    expect(counts.high).toBeGreaterThan(counts.medium!);
    expect(counts.medium).toBeGreaterThan(counts.low!);
  });
  it('NAT-17: a plan may draw more than the ratio, never fewer', () => {
    expect(drawQuota(national, 'city', { high: 10 }, { high: 5 })[0]!.count).toBe(5);
    expect(code(() => drawQuota(national, 'city', { high: 10 }, { high: 1 }))).toBe('inspection.quota_below_ratio');
  });
  it('NAT-17: an agency ratio table where a lower risk is drawn more is refused', () => {
    const bad = [
      { level: 'city', targetClass: 'high', ratio: 0.05, per: 'year' },
      { level: 'city', targetClass: 'low', ratio: 0.1, per: 'year' },
    ];
    expect(paramValueProblem('inspection.drawRatios', bad)).toMatch(/风险等级越高/);
    expect(code(() => resolveProfile('national', { 'inspection.drawRatios': { value: bad as never } }))).toBe('validation.failed');
  });
  it('a city branch draws at county level; key polluters are their own class', () => {
    expect(inspectionLevel('branch')).toBe('county');
    expect(inspectionLevel('city')).toBe('city');
    expect(targetClassOf({ keyPolluter: true, riskClass: 'low' })).toBe('keyPolluter');
    expect(targetClassOf({ keyPolluter: false, riskClass: 'high' })).toBe('high');
  });
  it.each(PROFILE_IDS)('%s resolves the inspection parameters', (id) => {
    const p = resolveProfile(id);
    expect(p.params['inspection.yearlyCap']?.value).toBeGreaterThan(0);
    expect(p.params['inspection.resultPublication']?.value).toMatchObject({ kind: 'span', period: { unit: 'workingDays', amount: 20 } });
  });
});

describe('INS-3 · SX25-P 10; NAT-16 · 国办发〔2024〕54号: yearly cap per enterprise', () => {
  const profile = resolveProfile('SX25', { 'inspection.yearlyCap': { value: 3, basis: '本省公布的频次上限' } });
  it('NAT-16: below the cap allowed; at the cap refused', () => {
    expect(checkInspectionCap({ profile, countThisYear: 2 })).toMatchObject({ allowed: true, cap: 3, exception: null });
    expect(code(() => checkInspectionCap({ profile, countThisYear: 3 }))).toBe('inspection.cap_reached');
  });
  it('NAT-16: at the cap a lawful exception needs the head’s approval, and is recorded with the reason', () => {
    expect(code(() => checkInspectionCap({ profile, countThisYear: 3, exception: { reason: 'complaint', approvedBy: null, note: '群众举报夜间偷排' } }))).toBe('inspection.cap_approval_required');
    expect(code(() => checkInspectionCap({ profile, countThisYear: 3, exception: { reason: 'whim' as never, approvedBy: 'u1', note: 'x' } }))).toBe('inspection.cap_exception_invalid');
    const ok = checkInspectionCap({ profile, countThisYear: 3, exception: { reason: 'complaint', approvedBy: 'u1', note: '群众举报夜间偷排' } });
    expect(ok.exception).toMatchObject({ reason: 'complaint', approvedBy: 'u1', label: '投诉举报反映的违法线索需要核查' });
  });
});

describe('NAT-17 · MEE19 一(三)1: results published within 20 working days of the inspection', () => {
  it('NAT-17: an inspection on 2026-09-25 (before 国庆/中秋) is due 2026-10-29', () => {
    const cal = seedCalendar();
    const r = resultDue(resolveProfile('SX25'), cal, '2026-09-25');
    expect(r.due).toBe(cal.addWorkingDays('2026-09-25', 20));
    // 中秋 9-25..27 and 国庆 10-1..7 are not counted; 10-10 (调休) is: 9-28,29,30, 10-8,9,10,12…16,19…23,26…29.
    expect(r.due).toBe('2026-10-29');
    expect(r.basis).toContain('MEE19');
  });
  it('NAT-17: an inspection on Monday 2026-03-02 is due Monday 2026-03-30', () => {
    expect(resultDue(resolveProfile('national'), seedCalendar(), '2026-03-02').due).toBe('2026-03-30');
  });
});
