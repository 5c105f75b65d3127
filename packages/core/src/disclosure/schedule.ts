/**
 * Publication deadlines and windows (PUB-2, PUB-7, PUB-8, PUB-9), read from
 * the resolved profile and counted on the working-day calendar through
 * `previewDeadline` (profiles/rules.ts) — no period arithmetic here.
 *
 * - publishBy (PUB-2): penalties and permits within 7 working days of the
 *   decision, other decisions within 20 (SX25-P 14; SX19-P 13; XX-P 14;
 *   MEE19 一(三)1); GS-P 15: every ex-post item within 7.
 * - window (PUB-7): SX25-P 18 — a penalty stays on the website at least
 *   3 months and at most 1 year from the decision date (general), at least
 *   6 months and at most 3 years (serious: needed a major legal review and
 *   was judged serious, SX25-P 18 第三款); XX-P 15 — may be taken down once
 *   published for 1 year (from publication, no maximum, every decision).
 *   SX25-P 18 第二款 speaks of 行政处罚信息 only: other SX25 decisions follow
 *   "national and local rules" (第一款), so they have no window here. Other
 *   profiles set none.
 *   `minimumUntil` is the last day of the minimum period, so removal is
 *   allowed from `removeNotBefore` (the next day); `removeBy` is the last day
 *   of the maximum period: the item is shown at most through that day and
 *   the expiry job takes it down at its end.
 * - withdrawal (PUB-8): SX25-P 25 / 行政处罚法 Art 48 — within 3 working days
 *   of the change, revocation or finding, with reasons; GS-P 16 — within
 *   7 working days, publishing the changing decision's body, number, date and
 *   content; SX19-P 17 and XX-P 17 say "promptly" (3 working days applied).
 * - correction (PUB-9): GS-P 17 — verify within 10 working days of the
 *   request, then correct (or refuse, with reasons and remedies) within
 *   3 working days; other profiles set no limit (SX25-P 23: correct what is
 *   found true and tell the applicant).
 */
import { mergeProvisional, type ProvisionalMark } from '../calendar/statutory.js';
import { type CivilDate, plusDays } from '../calendar/civil-date.js';
import { type DueStatus, dueStatus } from '../calendar/clock.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { ActionType } from '../cases/action-types.js';
import { ruleRef } from '../cases/citation.js';
import { type Citation, formatCitation } from '../profiles/documents.js';
import { type DeadlinePreview, type DeadlineRuleKey, previewDeadline } from '../profiles/rules.js';
import type { DeadlineSpec, ProfileId, ResolvedParam, ResolvedProfile } from '../profiles/types.js';

/** SX25-P 18: 一般 / 严重 环境违法行为. */
export type ViolationSeverity = 'general' | 'serious';

/**
 * SX25-P 18 第三款: serious = needed a major legal review (重大行政执法决定法制审核)
 * AND the department judged it 性质恶劣、情节严重、社会危害程度较大. Either alone is general.
 */
export function violationSeverity(facts: { majorLegalReview: boolean; judgedSerious: boolean }): ViolationSeverity {
  return facts.majorLegalReview && facts.judgedSerious ? 'serious' : 'general';
}

/** Status of a deadline: open (calendar `dueStatus`) or done on time / late. */
export type ScheduleStatus = DueStatus | 'met' | 'metLate';

export interface PublicationScheduleInput {
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  actionType: ActionType;
  decisionDate: CivilDate;
  /** Day the information went online, once it has. */
  publishedOn?: CivilDate;
  severity: ViolationSeverity;
  /** With `today`, `publishStatus` is given. */
  today?: CivilDate;
  /** Working days before a due date from which it is 'dueSoon'; default 3. */
  soonDays?: number;
}

/** `provisional` etc. (NAT-21) when `publishBy` counts days of a year without the notice. */
export interface PublicationSchedule extends ProvisionalMark {
  /** Last day to publish (PUB-2). */
  publishBy: CivilDate;
  /** Last day of the minimum window (PUB-7); null when the profile sets none or it counts from a publication not yet made. */
  minimumUntil: CivilDate | null;
  /** First day the information may be taken down (the day after `minimumUntil`). */
  removeNotBefore: CivilDate | null;
  /** Last day the information may be shown (end of the maximum window); null when there is no maximum. */
  removeBy: CivilDate | null;
  severity: ViolationSeverity;
  publishStatus?: ScheduleStatus;
  /** The computations, with basis, for display. */
  details: { publish: DeadlinePreview; minimum?: DeadlinePreview; maximum?: DeadlinePreview };
  /** Why a value is null, or how it was counted. */
  notes: string[];
}

function publishRule(actionType: ActionType): DeadlineRuleKey {
  return actionType === 'penalty' ? 'publication.penalty' : actionType === 'permit' ? 'publication.permit' : 'publication.other';
}

function statusOf(due: CivilDate, done: CivilDate | undefined, today: CivilDate | undefined, calendar: WorkCalendar, soonDays: number): ScheduleStatus | undefined {
  if (done) return done <= due ? 'met' : 'metLate';
  return today ? dueStatus(due, today, soonDays, calendar) : undefined;
}

const SX25_18_SCOPE = ruleRef('SX25-P', '18', '第一款', '行政执法决定信息在信息公示平台上的公开期限，按照国家和地方有关规定执行。');

/** Whether the window rule of the profile covers this action type (SX25-P 18 第二款: penalties only). */
function windowApplies(param: ResolvedParam<DeadlineSpec> | undefined, actionType: ActionType): boolean {
  if (!param) return false;
  if (param.origin !== 'agency' && param.citation?.doc === 'SX25-P') return actionType === 'penalty';
  return true;
}

/** publishBy, minimum and maximum windows of a decision; see the module comment. */
export function publicationSchedule(input: PublicationScheduleInput): PublicationSchedule {
  const { profile, calendar, actionType, decisionDate, publishedOn, severity } = input;
  const notes: string[] = [];
  const publish = previewDeadline({ calendar, profile, rule: publishRule(actionType), from: decisionDate });

  const minKey = severity === 'serious' ? 'publication.windowMin.serious' : 'publication.windowMin.general';
  const maxKey = severity === 'serious' ? 'publication.windowMax.serious' : 'publication.windowMax.general';
  const window = (key: typeof minKey | typeof maxKey): DeadlinePreview | undefined => {
    const p = profile.params[key] as ResolvedParam<DeadlineSpec> | undefined;
    if (!p) return undefined;
    if (!windowApplies(p, actionType)) {
      notes.push(`${p.basis}的公示期限仅适用于行政处罚信息；其他执法决定${formatCitation(SX25_18_SCOPE)}：按照国家和地方有关规定执行`);
      return undefined;
    }
    const anchor = p.value.anchor;
    const from = anchor === 'decisionDate' ? decisionDate : anchor === 'publicationDate' ? publishedOn : undefined;
    if (!from) {
      notes.push(`${p.basis}的公示期限自${anchor === 'publicationDate' ? '公示之日' : anchor}起算，尚未公示，暂不能计算`);
      return undefined;
    }
    return previewDeadline({ calendar, profile, rule: key, from });
  };
  const minimum = window(minKey);
  const maximum = window(maxKey);
  if (!profile.params[minKey] && !profile.params[maxKey]) {
    notes.push(`规则配置“${profile.id}”未规定公示期限（按照国家和地方有关规定执行，MEE19 一（三）2），由本机关确定撤下时间`);
  } else if (minimum && !maximum && !profile.params[maxKey]) {
    notes.push(`${minimum.basis}未规定最长公示期限`);
  }

  const result: PublicationSchedule = {
    publishBy: publish.due,
    minimumUntil: minimum?.due ?? null,
    removeNotBefore: minimum ? plusDays(minimum.due, 1) : null,
    removeBy: maximum?.due ?? null,
    severity,
    details: { publish, ...(minimum ? { minimum } : {}), ...(maximum ? { maximum } : {}) },
    notes: [...new Set(notes)],
    ...mergeProvisional(publish),
  };
  const status = statusOf(publish.due, publishedOn, input.today, calendar, input.soonDays ?? 3);
  if (status) result.publishStatus = status;
  return result;
}

/** What a withdrawal must publish, per profile (PUB-8). */
export interface WithdrawalRequirement {
  key: string;
  label: string;
  citations: readonly Citation[];
}

const WITHDRAWAL_REQUIREMENTS: Record<ProfileId, readonly WithdrawalRequirement[]> = {
  national: [
    { key: 'reasons', label: '撤回行政处罚决定信息并公开说明理由', citations: [ruleRef('APL', '48')] },
  ],
  SX25: [{ key: 'reasons', label: '撤回行政处罚决定信息并公开说明理由', citations: [ruleRef('SX25-P', '25')] }],
  SX19: [
    { key: 'reasons', label: '撤回行政处罚决定信息并公开说明理由', citations: [ruleRef('APL', '48')] },
    { key: 'update', label: '及时更新已公开的执法信息', citations: [ruleRef('SX19-P', '17', '（三）')] },
  ],
  GS19: [
    { key: 'changingBody', label: '变更、撤销或者确认违法决定的作出机关', citations: [ruleRef('GS-P', '16')] },
    { key: 'changingNumber', label: '变更、撤销或者确认违法决定的文号', citations: [ruleRef('GS-P', '16')] },
    { key: 'changingDate', label: '变更、撤销或者确认违法决定的日期', citations: [ruleRef('GS-P', '16')] },
    { key: 'changingContent', label: '变更、撤销或者确认违法决定的内容', citations: [ruleRef('GS-P', '16')] },
    { key: 'explanation', label: '必要的说明', citations: [ruleRef('GS-P', '16')] },
  ],
  XX19: [
    { key: 'reasons', label: '撤回行政处罚决定信息并公开说明理由', citations: [ruleRef('APL', '48')] },
    { key: 'explanation', label: '及时更新更正，并作出必要的说明', citations: [ruleRef('XX-P', '17')] },
  ],
};

export interface WithdrawalSchedule extends ProvisionalMark {
  /** Last day to withdraw (or change) the published information. */
  due: CivilDate;
  basis: string;
  requirements: readonly WithdrawalRequirement[];
  status?: ScheduleStatus;
  detail: DeadlinePreview;
}

/**
 * PUB-8: due date of the withdrawal after the published decision was changed,
 * revoked, or found unlawful or void on `revokedOn`.
 */
export function withdrawalSchedule(input: {
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  revokedOn: CivilDate;
  withdrawnOn?: CivilDate;
  today?: CivilDate;
  soonDays?: number;
}): WithdrawalSchedule {
  const detail = previewDeadline({ calendar: input.calendar, profile: input.profile, rule: 'publication.withdrawal', from: input.revokedOn });
  const out: WithdrawalSchedule = { due: detail.due, basis: detail.basis, requirements: WITHDRAWAL_REQUIREMENTS[input.profile.id], detail, ...mergeProvisional(detail) };
  const status = statusOf(detail.due, input.withdrawnOn, input.today, input.calendar, input.soonDays ?? 3);
  if (status) out.status = status;
  return out;
}

export interface CorrectionSchedule extends ProvisionalMark {
  /** Last day to verify the request; null when the profile sets no limit. */
  verifyBy: CivilDate | null;
  /** Last day to correct and notify, or refuse with reasons and remedies; null without a limit. */
  respondBy: CivilDate | null;
  /** True when `respondBy` is counted from `verifyBy` because verification is not done yet (the latest it can be). */
  respondProjected: boolean;
  basis: string;
  notes: string[];
}

const CORRECTION_NO_LIMIT: Record<ProfileId, Citation> = {
  national: ruleRef('MEE19', '一', undefined, '发现公开的行政执法信息不准确的，应及时予以更正。'),
  SX25: ruleRef('SX25-P', '23', undefined, '审核属实的，应当予以更正并告知申请人'),
  SX19: ruleRef('SX19-P', '18', undefined, '行政执法机关审核属实的，应当予以更正并告知申请人'),
  GS19: ruleRef('GS-P', '17'),
  XX19: ruleRef('MEE19', '一', undefined, '发现公开的行政执法信息不准确的，应及时予以更正。'),
};

/**
 * PUB-9: deadlines of a party's correction request received on
 * `requestedOn`; `verifiedOn` (核实完毕之日) starts the response limit.
 */
export function correctionSchedule(input: {
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  requestedOn: CivilDate;
  verifiedOn?: CivilDate;
}): CorrectionSchedule {
  const { profile, calendar } = input;
  const hasVerify = profile.params['correction.verify'] !== undefined;
  const hasRespond = profile.params['correction.respond'] !== undefined;
  if (!hasVerify && !hasRespond) {
    return {
      verifyBy: null,
      respondBy: null,
      respondProjected: false,
      basis: formatCitation(CORRECTION_NO_LIMIT[profile.id]),
      notes: [`规则配置“${profile.id}”未规定更正期限：${formatCitation(CORRECTION_NO_LIMIT[profile.id])}要求审核属实的及时更正并告知申请人`],
    };
  }
  const notes: string[] = [];
  const verify = hasVerify ? previewDeadline({ calendar, profile, rule: 'correction.verify', from: input.requestedOn }) : null;
  const respondFrom = input.verifiedOn ?? verify?.due;
  const respond = hasRespond && respondFrom ? previewDeadline({ calendar, profile, rule: 'correction.respond', from: respondFrom }) : null;
  const projected = !input.verifiedOn && respond !== null;
  if (projected) notes.push('尚未核实完毕：更正或告知期限按核实期限届满日推算，为最迟日期');
  return {
    verifyBy: verify?.due ?? null,
    respondBy: respond?.due ?? null,
    respondProjected: projected,
    basis: [...new Set([verify?.basis, respond?.basis].filter((b): b is string => !!b))].join('；'),
    notes,
    ...mergeProvisional(verify ?? undefined, respond ?? undefined),
  };
}
