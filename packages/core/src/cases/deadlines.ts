/**
 * Deadlines of a case, stage by stage (REC-19; NAT-3, NAT-4, NAT-8, NAT-10,
 * NAT-12): due dates computed on the working-day calendar from the resolved
 * profile's values (profiles/, calendar/ — no period arithmetic here), each
 * with its basis and a status.
 *
 * | key             | from                     | stages                          |
 * |-----------------|--------------------------|---------------------------------|
 * | filing.decide   | discovery                | initiation                      |
 * | penalty.decide  | filing (pauses, ext.)    | investigation, decision         |
 * | hearing.request | hearing-rights notice    | decision (the party's deadline) |
 * | hearing.notice  | hearing date (before)    | decision                        |
 * | service         | decision                 | serviceExecution                |
 * | penalty.payment | service                  | serviceExecution (party)        |
 * | seizure.max     | seizure (pauses, ext.)   | investigation … serviceExecution|
 * | dailyPenalty.reinspection | 责令改正 served | investigation … serviceExecution|
 * | archive         | end of the action        | archive                         |
 *
 * A deadline the profile does not define (e.g. the archive limit outside
 * GS19) is left out. Pauses with a reason the profile does not list, and
 * extensions beyond what the profile allows, are not applied and come back as
 * warnings — the core refuses nothing here, it explains.
 */
import { provisionalMark, type ProvisionalMark } from '../calendar/statutory.js';
import { type CivilDate, isCivilDate, isDateTime } from '../calendar/civil-date.js';
import { type ClockExtension, type ClockPause, type DueStatus, computeDue, dueStatus } from '../calendar/clock.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { formatPeriod } from '../calendar/period.js';
import { DEADLINE_RULES, previewDeadline } from '../profiles/rules.js';
import { ANCHOR_LABELS, type DeadlineSpec, type ParamKey, type ResolvedParam, type ResolvedProfile, type SpanDeadline } from '../profiles/types.js';
import { PAUSE_REASON_LABELS, type PauseReasonKey } from '../profiles/vocabulary.js';
import type { ActionType } from './action-types.js';
import type { CaseMeasureKey } from './measures.js';
import type { CaseStage } from './stages.js';

/** A span in which a clock does not run (inclusive China dates). */
export interface CasePause {
  from: CivilDate;
  to: CivilDate;
  reason: PauseReasonKey;
}

/** An approved extension of a limit. */
export interface CaseExtension {
  amount: number;
  approvedBy: string;
  /** Date or date-time of approval. */
  approvedAt: string;
  /** NAT-3 · 生态环境行政处罚办法 Art 57: the second extension of the penalty limit needs the heads' collective discussion. */
  collectiveDiscussionDocumentId?: string;
  /** Why the limit could not be kept (案情复杂…), as approved. */
  reason?: string;
  /** The approver's user id, when approved in the platform. */
  approvedById?: string;
}

/** Dates of the case; each deadline appears once its anchor is known. */
export interface CaseDates {
  discoveryDate?: CivilDate;
  filingExtensions?: readonly CaseExtension[];
  /** 立案 (or the decision not to file) — ends filing.decide and starts penalty.decide. */
  filingDate?: CivilDate;
  penaltyPauses?: readonly CasePause[];
  penaltyExtensions?: readonly CaseExtension[];
  hearingRightsNoticeDate?: CivilDate;
  hearingRequestedOn?: CivilDate;
  hearingDate?: CivilDate;
  hearingSummonsDate?: CivilDate;
  /** 处罚决定作出（宣告）之日. */
  decisionDate?: CivilDate;
  /** 送达之日 (the party received the decision). */
  serviceDate?: CivilDate;
  paidOn?: CivilDate;
  seizureStart?: CivilDate;
  seizurePauses?: readonly CasePause[];
  seizureExtensions?: readonly CaseExtension[];
  seizureEnd?: CivilDate;
  /** NAT-11: the 责令改正违法行为决定书 served (按日连续处罚办法 第八条) — starts the 复查 period. */
  correctionServedOn?: CivilDate;
  /** NAT-11: the first 复查 after it (第十条) — meets the 复查 period. */
  reinspectedOn?: CivilDate;
  /** 行政执法行为终结之日 (REC-19 · GS-R 41). */
  actionEnd?: CivilDate;
  archivedOn?: CivilDate;
}

export interface CaseDeadlineInput {
  actionType: ActionType;
  summaryProcedure?: boolean;
  measures?: readonly CaseMeasureKey[];
  dates: CaseDates;
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  today: CivilDate;
  /** Working days before the due date from which a deadline is 'dueSoon'; default 3. */
  soonDays?: number;
}

export type CaseDeadlineKey = 'filing.decide' | 'penalty.decide' | 'hearing.request' | 'hearing.notice' | 'service' | 'penalty.payment' | 'seizure.max' | 'dailyPenalty.reinspection' | 'archive';

/**
 * onTime / dueSoon / overdue (calendar `dueStatus`) while open; met or metLate
 * once done; 'lapsed' when a deadline the party keeps has run out unused.
 */
export type CaseDeadlineStatus = DueStatus | 'met' | 'metLate' | 'lapsed';

/** `provisional` etc. (NAT-21) when the due date counts days of a year without the State Council's notice. */
export interface CaseDeadline extends ProvisionalMark {
  key: CaseDeadlineKey;
  label: string;
  stages: readonly CaseStage[];
  from: CivilDate;
  anchorLabel: string;
  /** For 'hearing.notice' the latest day to send the notice. */
  due: CivilDate;
  /** With every extension the profile still allows. */
  dueWithMaxExtension?: CivilDate;
  basis: string;
  status: CaseDeadlineStatus;
  completedOn?: CivilDate;
  /** Kept by the party (hearing request, payment) rather than the agency. */
  partyDeadline: boolean;
  pausedDays: number;
  warnings: string[];
  /** The limit as the profile sets it, e.g. '90日' (before extensions). */
  period?: string;
  /** The approved extensions counted in `due` (NAT-3: who approved, when, why). */
  extensions?: { amount: number; approvedBy: string; approvedAt: string; reason?: string }[];
}

const LABELS: Record<CaseDeadlineKey, string> = {
  'filing.decide': DEADLINE_RULES['filing.decide'].label,
  'penalty.decide': DEADLINE_RULES['penalty.decide'].label,
  'hearing.request': DEADLINE_RULES['hearing.request'].label,
  'hearing.notice': DEADLINE_RULES['hearing.notice'].label,
  service: DEADLINE_RULES.service.label,
  'penalty.payment': '缴纳罚款',
  'seizure.max': DEADLINE_RULES['seizure.max'].label,
  'dailyPenalty.reinspection': DEADLINE_RULES['dailyPenalty.reinspection'].label,
  archive: DEADLINE_RULES.archive.label,
};

function spanParam(profile: ResolvedProfile, key: ParamKey): { p: ResolvedParam<DeadlineSpec>; spec: SpanDeadline } | null {
  const p = profile.params[key] as ResolvedParam<DeadlineSpec> | undefined;
  if (!p || p.value.kind !== 'span') return null;
  return { p, spec: p.value };
}

function usablePauses(pauses: readonly CasePause[] | undefined, allowed: readonly PauseReasonKey[], warnings: string[]): ClockPause[] {
  const out: ClockPause[] = [];
  for (const pause of pauses ?? []) {
    const label = PAUSE_REASON_LABELS[pause.reason] ?? String(pause.reason);
    if (!isCivilDate(pause.from) || !isCivilDate(pause.to) || pause.from > pause.to) {
      warnings.push(`中止期间 ${pause.from}–${pause.to}（${label}）日期无效，未予扣除`);
    } else if (!allowed.includes(pause.reason)) {
      warnings.push(`“${label}”不是本规则配置中不计入期限的事由，${pause.from}–${pause.to} 计入期限`);
    } else {
      out.push({ from: pause.from, to: pause.to, reason: label });
    }
  }
  return out;
}

function usableExtensions(key: CaseDeadlineKey, exts: readonly CaseExtension[] | undefined, spec: SpanDeadline, warnings: string[]): ClockExtension[] {
  const out: ClockExtension[] = [];
  for (const e of exts ?? []) {
    const allowed = spec.extensions[out.length];
    const validDate = typeof e.approvedAt === 'string' && (isCivilDate(e.approvedAt) || isDateTime(e.approvedAt));
    if (!allowed) warnings.push(`已无可批准的延长（本规则配置最多延长 ${spec.extensions.length} 次），${e.amount} 日未予计入`);
    else if (!Number.isInteger(e.amount) || e.amount <= 0 || e.amount > allowed.amount) warnings.push(`延长 ${e.amount} 日超过允许的 ${allowed.amount} 日，未予计入`);
    else if (!e.approvedBy?.trim() || !validDate) warnings.push('延长须记录批准人和批准日期，未予计入');
    else if (key === 'penalty.decide' && out.length >= 1 && !e.collectiveDiscussionDocumentId) {
      warnings.push('继续延长须经负责人集体讨论决定（生态环境行政处罚办法第五十七条），未予计入');
    } else out.push({ amount: e.amount, approvedBy: e.approvedBy, approvedAt: e.approvedAt, basis: allowed.approval });
  }
  return out;
}

function statusOf(due: CivilDate, completedOn: CivilDate | undefined, party: boolean, input: CaseDeadlineInput): CaseDeadlineStatus {
  if (completedOn) return completedOn <= due ? 'met' : 'metLate';
  const s = dueStatus(due, input.today, input.soonDays ?? 3, input.calendar);
  return party && s === 'overdue' ? 'lapsed' : s;
}

interface ClockedSpec {
  key: CaseDeadlineKey;
  param: ParamKey;
  from: CivilDate;
  stages: readonly CaseStage[];
  completedOn: CivilDate | undefined;
  party?: boolean;
  pauses?: readonly CasePause[];
  pauseParam?: 'penalty.pauseReasons' | 'seizure.pauseReasons';
  extensions?: readonly CaseExtension[];
}

/** A forward span with pauses and extensions, through the calendar's `computeDue`. */
function clocked(input: CaseDeadlineInput, c: ClockedSpec): CaseDeadline | null {
  const found = spanParam(input.profile, c.param);
  if (!found || found.spec.direction !== 'after') return null;
  const { p, spec } = found;
  const warnings: string[] = [];
  const allowedReasons = c.pauseParam ? ((input.profile.params[c.pauseParam]?.value as readonly PauseReasonKey[] | undefined) ?? []) : [];
  const pauses = usablePauses(c.pauses, allowedReasons, warnings);
  const extensions = usableExtensions(c.key, c.extensions, spec, warnings);
  const clock = computeDue(input.calendar, { start: c.from, period: spec.period, pauses, extensions, rollover: spec.rollover });
  warnings.push(...clock.warnings);
  const maxAmount = spec.period.amount + spec.extensions.reduce((s, e) => s + e.amount, 0);
  const deadline: CaseDeadline = {
    key: c.key,
    label: LABELS[c.key],
    stages: c.stages,
    from: c.from,
    anchorLabel: ANCHOR_LABELS[spec.anchor],
    due: clock.due,
    basis: `${p.basis}；${clock.basis}`,
    status: statusOf(clock.due, c.completedOn, c.party ?? false, input),
    partyDeadline: c.party ?? false,
    pausedDays: clock.pausedDays,
    warnings,
    period: formatPeriod(spec.period),
    extensions: extensions.map((e) => {
      const reason = (c.extensions ?? []).find((x) => x.approvedBy === e.approvedBy && x.approvedAt === e.approvedAt && x.amount === e.amount)?.reason;
      return { amount: e.amount, approvedBy: e.approvedBy, approvedAt: e.approvedAt, ...(reason ? { reason } : {}) };
    }),
    ...provisionalMark(clock.provisionalYears ?? []),
  };
  if (clock.totalAmount < maxAmount) {
    deadline.dueWithMaxExtension = computeDue(input.calendar, { start: c.from, period: { unit: spec.period.unit, amount: maxAmount }, pauses, rollover: spec.rollover }).due;
  }
  if (c.completedOn) deadline.completedOn = c.completedOn;
  return deadline;
}

/** A plain rule (no pauses or extensions) through `previewDeadline`. */
function simple(
  input: CaseDeadlineInput,
  key: 'hearing.request' | 'hearing.notice' | 'service' | 'archive',
  from: CivilDate,
  stages: readonly CaseStage[],
  completedOn: CivilDate | undefined,
  party = false,
): CaseDeadline | null {
  const found = spanParam(input.profile, DEADLINE_RULES[key].param);
  if (!found) return null;
  const preview = previewDeadline({ calendar: input.calendar, profile: input.profile, rule: key, from });
  const deadline: CaseDeadline = {
    key,
    label: LABELS[key],
    stages,
    from,
    anchorLabel: preview.anchorLabel,
    due: preview.due,
    basis: preview.basis,
    status: statusOf(preview.due, completedOn, party, input),
    partyDeadline: party,
    pausedDays: 0,
    warnings: [],
    ...provisionalMark(preview.provisionalYears ?? []),
  };
  if (completedOn) deadline.completedOn = completedOn;
  return deadline;
}

/** The deadlines a case has so far, in the order of the table above. */
export function caseDeadlines(input: CaseDeadlineInput): CaseDeadline[] {
  const d = input.dates;
  const penalty = input.actionType === 'penalty';
  const general = penalty && input.summaryProcedure !== true;
  const seizure = (input.measures ?? []).some((m) => m === 'seal' || m === 'seize');
  const out: (CaseDeadline | null)[] = [];

  if (general && d.discoveryDate) {
    out.push(clocked(input, { key: 'filing.decide', param: 'filing.decide', from: d.discoveryDate, stages: ['initiation'], completedOn: d.filingDate, extensions: d.filingExtensions ?? [] }));
  }
  if (general && d.filingDate) {
    out.push(
      clocked(input, {
        key: 'penalty.decide',
        param: 'penalty.decide',
        from: d.filingDate,
        stages: ['investigation', 'decision'],
        completedOn: d.decisionDate,
        pauses: d.penaltyPauses ?? [],
        pauseParam: 'penalty.pauseReasons',
        extensions: d.penaltyExtensions ?? [],
      }),
    );
  }
  if (general && d.hearingRightsNoticeDate) out.push(simple(input, 'hearing.request', d.hearingRightsNoticeDate, ['decision'], d.hearingRequestedOn, true));
  if (general && d.hearingDate) out.push(simple(input, 'hearing.notice', d.hearingDate, ['decision'], d.hearingSummonsDate));
  if (penalty && d.decisionDate) out.push(simple(input, 'service', d.decisionDate, ['serviceExecution'], d.serviceDate));
  if (penalty && d.serviceDate) {
    out.push(clocked(input, { key: 'penalty.payment', param: 'penalty.payment', from: d.serviceDate, stages: ['serviceExecution'], completedOn: d.paidOn, party: true }));
  }
  if (seizure && d.seizureStart) {
    out.push(
      clocked(input, {
        key: 'seizure.max',
        param: 'seizure.max',
        from: d.seizureStart,
        stages: ['investigation', 'decision', 'serviceExecution'],
        completedOn: d.seizureEnd,
        pauses: d.seizurePauses ?? [],
        pauseParam: 'seizure.pauseReasons',
        extensions: d.seizureExtensions ?? [],
      }),
    );
  }
  // NAT-11 · 按日连续处罚办法 第十条: the 复查 within 30 days of serving the 责令改正违法行为决定书.
  if (penalty && d.correctionServedOn) {
    out.push(clocked(input, { key: 'dailyPenalty.reinspection', param: 'dailyPenalty.reinspection', from: d.correctionServedOn, stages: ['investigation', 'decision', 'serviceExecution'], completedOn: d.reinspectedOn }));
  }
  if (d.actionEnd) out.push(simple(input, 'archive', d.actionEnd, ['archive'], d.archivedOn));
  return out.filter((x): x is CaseDeadline => x !== null);
}

/** The deadlines shown on one stage. */
export function deadlinesForStage(deadlines: readonly CaseDeadline[], stage: CaseStage): CaseDeadline[] {
  return deadlines.filter((d) => d.stages.includes(stage));
}
