/**
 * Rules of a plan's quota, the yearly per-enterprise cap and the result's
 * due date (NAT-16, NAT-17, INS-2, INS-3). Pure: the profile, the calendar
 * and the counts are arguments.
 */
import type { AgencyLevel } from '../org/agency.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { CivilDate } from '../calendar/civil-date.js';
import { AppError } from '../errors.js';
import { getParam } from '../profiles/resolve.js';
import type { DeadlineSpec, ResolvedProfile } from '../profiles/types.js';
import { CAP_EXCEPTION_LABELS, TARGET_CLASSES, type CapExceptionKey, type InspectionLevel, type PermitClass, type RiskClass, type TargetClass } from './vocabulary.js';

/** 市级 for a province or city bureau; 县级 for a county bureau or a city's branch (分局). */
export function inspectionLevel(level: AgencyLevel): InspectionLevel {
  return level === 'county' || level === 'branch' ? 'county' : 'city';
}

/** The class a target is drawn in: 重点排污单位 first, otherwise its risk/credit class. */
export function targetClassOf(t: { keyPolluter: boolean; riskClass: RiskClass }): TargetClass {
  return t.keyPolluter ? 'keyPolluter' : t.riskClass;
}

/** The permit class implied by nothing else: used by the directory import to check the cell. */
export function isPermitClass(v: string): v is PermitClass {
  return v === 'key' || v === 'simplified' || v === 'registration' || v === 'none';
}

export interface QuotaLine {
  targetClass: TargetClass;
  poolSize: number;
  ratio: number;
  per: 'quarter' | 'year';
  /** ceil(poolSize × ratio): at least the ratio, never more than the pool. */
  count: number;
}

/**
 * NAT-17: how many targets of each class one round of a plan draws, from
 * the profile's ratios for the agency's level. A class without a ratio is
 * not drawn. `override` lets a plan draw more than the minimum (never less).
 */
export function drawQuota(profile: ResolvedProfile, level: InspectionLevel, pool: Readonly<Partial<Record<TargetClass, number>>>, override: Readonly<Partial<Record<TargetClass, number>>> = {}): QuotaLine[] {
  const ratios = getParam(profile, 'inspection.drawRatios').value;
  const lines: QuotaLine[] = [];
  for (const c of TARGET_CLASSES) {
    const r = ratios.find((x) => x.level === level && x.targetClass === c);
    const poolSize = pool[c] ?? 0;
    if (!r || poolSize === 0) continue;
    const min = Math.min(poolSize, Math.ceil(poolSize * r.ratio - 1e-9));
    const wanted = override[c];
    if (wanted !== undefined && wanted < min) throw new AppError('inspection.quota_below_ratio', { detail: `${c}：${wanted} < ${min}` });
    lines.push({ targetClass: c, poolSize, ratio: r.ratio, per: r.per, count: Math.min(poolSize, wanted ?? min) });
  }
  return lines;
}

export interface CapInput {
  profile: ResolvedProfile;
  /** 涉企行政检查 already registered for this enterprise by this agency this year (not cancelled). */
  countThisYear: number;
  exception?: { reason: CapExceptionKey; approvedBy: string | null; note: string } | undefined;
}

export type CapDecision =
  | { allowed: true; cap: number; count: number; exception: null }
  | { allowed: true; cap: number; count: number; exception: { reason: CapExceptionKey; label: string; approvedBy: string; note: string } };

/**
 * INS-3 · SX25-P 10; NAT-16: the yearly cap of inspections per enterprise.
 * Below the cap: allowed. At the cap: refused, unless one of the profile's
 * lawful exceptions applies and the agency head approved it — the reason is
 * then recorded with the inspection.
 */
export function checkInspectionCap(input: CapInput): CapDecision {
  const cap = getParam(input.profile, 'inspection.yearlyCap').value;
  const count = input.countThisYear;
  if (count < cap) return { allowed: true, cap, count, exception: null };
  const e = input.exception;
  if (!e) throw new AppError('inspection.cap_reached', { cap, count });
  const lawful = getParam(input.profile, 'inspection.capExceptions').value;
  if (!lawful.includes(e.reason)) throw new AppError('inspection.cap_exception_invalid', { reason: String(e.reason) });
  if (!e.approvedBy) throw new AppError('inspection.cap_approval_required', { cap });
  if (e.note.trim().length === 0) throw new AppError('validation.failed', { detail: '超出频次上限检查须写明具体理由' });
  return { allowed: true, cap, count, exception: { reason: e.reason, label: CAP_EXCEPTION_LABELS[e.reason], approvedBy: e.approvedBy, note: e.note.trim() } };
}

/**
 * NAT-17: the inspection's result is published within the profile's period
 * (20 working days) from the day of the inspection.
 */
export function resultDue(profile: ResolvedProfile, calendar: WorkCalendar, inspectionDate: CivilDate): { due: CivilDate; basis: string } {
  const p = getParam(profile, 'inspection.resultPublication');
  const spec: DeadlineSpec = p.value;
  if (spec.kind !== 'span') throw new AppError('profile.rule_undefined', { profile: profile.id, rule: 'inspection.resultPublication' });
  const n = spec.period.amount;
  const due =
    spec.period.unit === 'workingDays'
      ? calendar.addWorkingDays(inspectionDate, n)
      : spec.period.unit === 'calendarDays'
        ? calendar.addCalendarDays(inspectionDate, n, { rollover: spec.rollover })
        : spec.period.unit === 'months'
          ? calendar.addMonths(inspectionDate, n)
          : calendar.addYears(inspectionDate, n);
  return { due, basis: p.basis };
}
