/**
 * Deadline rules: one key per deadline the platform tracks, mapped to the
 * profile parameter that defines it. `previewDeadline` computes a due date for
 * a rule under a resolved profile on the working-day calendar.
 */
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { type CivilDate, civilDateOf, temporalKind } from '../calendar/civil-date.js';
import { type Period, type PeriodUnit, formatPeriod } from '../calendar/period.js';
import { provisionalMark, type ProvisionalMark } from '../calendar/statutory.js';
import { AppError } from '../errors.js';
import type { Citation } from './documents.js';
import type { AnchorKey, DeadlineExtension, DeadlineSpec, ParamKey, ParamOrigin, ProfileId, ResolvedParam, ResolvedProfile } from './types.js';
import { ANCHOR_LABELS } from './types.js';

export const DEADLINE_RULE_KEYS = [
  'publication.penalty',
  'publication.permit',
  'publication.other',
  'publication.exAnte',
  'publication.withdrawal',
  'publication.windowMin.general',
  'publication.windowMax.general',
  'publication.windowMin.serious',
  'publication.windowMax.serious',
  'correction.verify',
  'correction.respond',
  'av.upload',
  'archive',
  'review.decide',
  'review.extended',
  'filing.decide',
  'penalty.decide',
  'service',
  'hearing.request',
  'hearing.notice',
  'seizure.max',
  'statement.period',
  'dailyPenalty.reinspection',
] as const;

export type DeadlineRuleKey = (typeof DEADLINE_RULE_KEYS)[number];

type DeadlineParamKey = Extract<
  ParamKey,
  | 'publication.penalty'
  | 'publication.permit'
  | 'publication.other'
  | 'publication.exAnte'
  | 'publication.withdrawal'
  | 'publication.windowMin.general'
  | 'publication.windowMax.general'
  | 'publication.windowMin.serious'
  | 'publication.windowMax.serious'
  | 'correction.verify'
  | 'correction.respond'
  | 'av.upload'
  | 'archive'
  | 'review.timeLimit'
  | 'filing.decide'
  | 'penalty.decide'
  | 'service'
  | 'hearing.request'
  | 'hearing.notice'
  | 'seizure.max'
  | 'statement.period'
  | 'dailyPenalty.reinspection'
>;

interface RuleDef {
  param: DeadlineParamKey;
  /** Count the base period plus every possible extension (review.extended). */
  withAllExtensions: boolean;
  label: string;
}

/** One place per rule: which parameter it reads. */
export const DEADLINE_RULES: Record<DeadlineRuleKey, RuleDef> = {
  'publication.penalty': { param: 'publication.penalty', withAllExtensions: false, label: '行政处罚决定公示' },
  'publication.permit': { param: 'publication.permit', withAllExtensions: false, label: '行政许可决定公示' },
  'publication.other': { param: 'publication.other', withAllExtensions: false, label: '其他行政执法决定公示' },
  'publication.exAnte': { param: 'publication.exAnte', withAllExtensions: false, label: '事前公开信息公开' },
  'publication.withdrawal': { param: 'publication.withdrawal', withAllExtensions: false, label: '撤回（变更公示）' },
  'publication.windowMin.general': { param: 'publication.windowMin.general', withAllExtensions: false, label: '一般违法最短公示期届满' },
  'publication.windowMax.general': { param: 'publication.windowMax.general', withAllExtensions: false, label: '一般违法最长公示期届满' },
  'publication.windowMin.serious': { param: 'publication.windowMin.serious', withAllExtensions: false, label: '严重违法最短公示期届满' },
  'publication.windowMax.serious': { param: 'publication.windowMax.serious', withAllExtensions: false, label: '严重违法最长公示期届满' },
  'correction.verify': { param: 'correction.verify', withAllExtensions: false, label: '更正申请核实' },
  'correction.respond': { param: 'correction.respond', withAllExtensions: false, label: '更正或告知不予更正' },
  'av.upload': { param: 'av.upload', withAllExtensions: false, label: '音像记录存储' },
  archive: { param: 'archive', withAllExtensions: false, label: '案卷归档' },
  'review.decide': { param: 'review.timeLimit', withAllExtensions: false, label: '法制审核' },
  'review.extended': { param: 'review.timeLimit', withAllExtensions: true, label: '法制审核（含最长延长）' },
  'filing.decide': { param: 'filing.decide', withAllExtensions: false, label: '决定是否立案' },
  'penalty.decide': { param: 'penalty.decide', withAllExtensions: false, label: '作出处罚决定' },
  service: { param: 'service', withAllExtensions: false, label: '送达处罚决定书' },
  'hearing.request': { param: 'hearing.request', withAllExtensions: false, label: '当事人要求听证' },
  'hearing.notice': { param: 'hearing.notice', withAllExtensions: false, label: '最迟发出听证通知' },
  'seizure.max': { param: 'seizure.max', withAllExtensions: false, label: '查封、扣押期限届满' },
  'statement.period': { param: 'statement.period', withAllExtensions: false, label: '当事人陈述、申辩' },
  'dailyPenalty.reinspection': { param: 'dailyPenalty.reinspection', withAllExtensions: false, label: '按日连续处罚复查' },
};

export function isDeadlineRuleKey(s: string): s is DeadlineRuleKey {
  return Object.prototype.hasOwnProperty.call(DEADLINE_RULES, s);
}

/**
 * Chinese summary of a deadline: '7个工作日', '10个工作日，可延长10个工作日',
 * '举行听证之日前7个工作日', or the event description.
 */
export function formatDeadline(spec: DeadlineSpec): string {
  if (spec.kind === 'event') return `${ANCHOR_LABELS[spec.anchor]}：${spec.description}`;
  const base = spec.direction === 'before' ? `${ANCHOR_LABELS[spec.anchor]}前${formatPeriod(spec.period)}` : formatPeriod(spec.period);
  const ext = spec.extensions.map((e) => `可延长${formatPeriod({ unit: spec.period.unit, amount: e.amount })}`);
  return [base, ...ext].join('，');
}

/** Whether a `from` is a civil date ('YYYY-MM-DD') or an ISO date-time; anything else is a validation error. */
export const fromKind = temporalKind;

/** Input of `previewDeadline`. */
export interface PreviewDeadlineInput {
  calendar: WorkCalendar;
  profile: ResolvedProfile;
  rule: DeadlineRuleKey;
  /** The anchor event: a date, or a date-time (required for hour-based rules). */
  from: string;
}

/** Result of `previewDeadline`; `provisional` etc. when it depends on a year without the notice (NAT-21). */
export interface DeadlinePreview extends ProvisionalMark {
  rule: DeadlineRuleKey;
  label: string;
  profile: ProfileId;
  /** 'YYYY-MM-DD', or an ISO date-time at +08:00 for an hour-based rule. */
  due: string;
  /** Due date with every possible extension, when the rule has extensions and they are not already counted. */
  dueWithMaxExtension?: string;
  /** The period counted (including extensions for review.extended); null for an event rule. */
  period: Period | null;
  extensions: readonly DeadlineExtension[];
  direction: 'after' | 'before';
  anchor: AnchorKey;
  anchorLabel: string;
  from: string;
  fromKind: 'date' | 'dateTime';
  rollover: boolean;
  /** 'SX25-P 第十四条' etc. */
  basis: string;
  citation: Citation | null;
  origin: ParamOrigin;
  note?: string;
}

function addPeriod(cal: WorkCalendar, from: string, period: Period, sign: 1 | -1, rollover: boolean): string {
  const date: CivilDate = civilDateOf(from);
  const n = sign * period.amount;
  switch (period.unit) {
    case 'workingDays':
      return cal.addWorkingDays(date, n);
    case 'calendarDays':
      return cal.addCalendarDays(date, n, { rollover });
    case 'months':
      return cal.addMonths(date, n, { rollover });
    case 'years':
      return cal.addYears(date, n, { rollover });
    case 'hours':
      return cal.addHours(from, n);
  }
}

/**
 * NAT-21: whether a period from `from` to `due` counted days of a year without
 * the State Council's notice: working days always do; a calendar period only
 * through its 民法典 Art 203 roll-over (the end day's status); hours never.
 */
export function periodMark(cal: WorkCalendar, from: string, due: string, unit: PeriodUnit, rollover: boolean): ProvisionalMark {
  if (unit === 'workingDays') return provisionalMark(cal.provisionalYearsBetween(civilDateOf(from), civilDateOf(due)));
  if (rollover && unit !== 'hours') return provisionalMark(cal.provisionalYearsBetween(civilDateOf(due), civilDateOf(due)));
  return {};
}

/**
 * Due date of `rule` under `profile`, counted from `from`.
 * - Working days: NAT-1 · 民法典 Art 201, start day not counted.
 * - Calendar periods: Art 202 month ends; Art 203 roll-over where the rule says so.
 * - Hours (GS-R 43): `from` must be a date-time; the result is a date-time.
 * - 'before' rules (hearing.notice): the latest day the act may take place.
 * - Event rules (XX-R 15 AV upload): due with the event itself, so `from`
 *   must be that event's date (the end of the investigation).
 * Errors: a rule the profile does not define → 'profile.rule_undefined';
 * a year without holiday data → 'calendar.year_missing'.
 */
export function previewDeadline(input: PreviewDeadlineInput): DeadlinePreview {
  const { calendar, profile, rule, from } = input;
  if (!isDeadlineRuleKey(rule)) throw new AppError('validation.failed', { detail: `未知的期限规则“${String(rule)}”` });
  const def = DEADLINE_RULES[rule];
  const kind = fromKind(from);
  const p = profile.params[def.param] as ResolvedParam<DeadlineSpec> | undefined;
  if (!p) throw new AppError('profile.rule_undefined', { profile: profile.id, rule });
  const spec = p.value;

  const common = {
    rule,
    label: def.label,
    profile: profile.id,
    anchor: spec.anchor,
    anchorLabel: ANCHOR_LABELS[spec.anchor],
    from,
    fromKind: kind,
    basis: p.basis,
    citation: p.citation,
    origin: p.origin,
    ...(p.note !== undefined ? { note: p.note } : {}),
  };

  if (spec.kind === 'event') {
    calendar.isWorkingDay(civilDateOf(from)); // same contract: the day must be in a loaded year
    return { ...common, due: from, period: null, extensions: [], direction: 'after', rollover: false };
  }

  if (spec.period.unit === 'hours' && kind !== 'dateTime') {
    throw new AppError('validation.failed', {
      detail: `“${def.label}”按小时计算（${p.basis}），起算须为具体时刻（ISO 日期时间），收到“${from}”`,
    });
  }
  const sign = spec.direction === 'before' ? -1 : 1;
  const allExtra = spec.extensions.reduce((sum, e) => sum + e.amount, 0);
  const period: Period = def.withAllExtensions
    ? { unit: spec.period.unit, amount: spec.period.amount + allExtra }
    : spec.period;
  const due = addPeriod(calendar, from, period, sign, spec.rollover);
  const result: DeadlinePreview = {
    ...common,
    due,
    period,
    extensions: spec.extensions,
    direction: spec.direction,
    rollover: spec.rollover,
    ...periodMark(calendar, from, due, spec.period.unit, spec.rollover),
  };
  if (!def.withAllExtensions && allExtra > 0) {
    result.dueWithMaxExtension = addPeriod(
      calendar,
      from,
      { unit: spec.period.unit, amount: spec.period.amount + allExtra },
      sign,
      spec.rollover,
    );
  }
  return result;
}
