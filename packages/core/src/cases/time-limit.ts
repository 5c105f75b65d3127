/**
 * The time limit of a penalty decision (办案期限, NAT-3): 行政处罚法 第六十条 —
 * within 90 days of filing unless a law says otherwise; 生态环境行政处罚办法
 * 第五十七条 — the same 90 days, +30 with the head's approval, +30 more only by
 * the heads' collective discussion, with hearing, announcement, monitoring …
 * time not counted. The values are the profile's `penalty.decide` and
 * `penalty.pauseReasons` (profiles/definitions/national.ts), never literals.
 *
 * Two pure checks for the server: a decision dated after the limit (with the
 * approved extensions) is refused; an extension is approved only within the
 * limit still running, as the profile allows it, with a reason.
 */
import type { CivilDate } from '../calendar/civil-date.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { formatCitationTitled } from '../profiles/documents.js';
import type { DeadlineSpec, ResolvedParam, ResolvedProfile } from '../profiles/types.js';
import type { ActionType } from './action-types.js';
import { type RuleCheck, type RuleMissing, toRuleCheck } from './citation.js';
import { type CaseDates, type CaseDeadline, type CaseExtension, caseDeadlines } from './deadlines.js';

export interface DecisionTimeLimitInput {
  actionType: ActionType;
  summaryProcedure?: boolean;
  dates: CaseDates;
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  /** The day the decision is made (issued). */
  decisionDate: CivilDate;
}

/** 《生态环境行政处罚办法》第五十七条；《中华人民共和国行政处罚法》第六十条 — from the profile's parameter. */
export function decisionLimitBasis(profile: ResolvedProfile): string {
  const p = profile.params['penalty.decide'] as ResolvedParam<DeadlineSpec> | undefined;
  if (!p) return '';
  return [p.citation, ...p.related].filter((c) => c !== null).map((c) => formatCitationTitled(c)).join('；');
}

/** The `penalty.decide` deadline as it stands on `day`, without the decision itself. */
export function decisionDeadline(input: Omit<DecisionTimeLimitInput, 'decisionDate'> & { day: CivilDate }): CaseDeadline | undefined {
  const { decisionDate: _ignored, ...dates } = input.dates;
  return caseDeadlines({ actionType: input.actionType, summaryProcedure: input.summaryProcedure ?? false, dates, profile: input.profile, calendar: input.calendar, today: input.day }).find((d) => d.key === 'penalty.decide');
}

/**
 * NAT-3 · 行政处罚法 第六十条, 生态环境行政处罚办法 第五十七条: is `decisionDate`
 * within the limit from filing, counting approved extensions and the pauses
 * the profile allows? Cases without the limit (summary procedure, other
 * action types, no filing date) pass.
 */
export function checkDecisionTimeLimit(input: DecisionTimeLimitInput): RuleCheck & { deadline?: CaseDeadline } {
  const deadline = decisionDeadline({ ...input, day: input.decisionDate });
  if (!deadline || input.decisionDate <= deadline.due) return deadline ? { ok: true, deadline } : { ok: true };
  const basis = decisionLimitBasis(input.profile);
  const exts = deadline.extensions ?? [];
  const granted = exts.length ? `，含经批准的延长 ${exts.map((e) => `${e.amount}日（${e.approvedBy}，${e.approvedAt.slice(0, 10)}）`).join('、')}` : '';
  const paused = deadline.pausedDays > 0 ? `，已扣除不计入期限的 ${deadline.pausedDays} 日` : '';
  const more = deadline.dueWithMaxExtension ? `；案情复杂不能在期限内作出决定的，须在期限届满前经批准延长并记录在案件上` : '';
  const missing: RuleMissing[] = [
    {
      kind: 'period',
      id: 'penalty.decide',
      label: '作出行政处罚决定期限',
      reason: `行政处罚决定应自立案之日（${deadline.from}）起${deadline.period ?? ''}内作出（${basis}），期限至 ${deadline.due}${granted}${paused}；${input.decisionDate} 已超过期限${exts.length ? '' : '，且没有经批准的延长'}${more}`,
      basis,
    },
  ];
  return { ...toRuleCheck(missing), deadline };
}

export interface ExtensionRequest {
  amount: number;
  reason: string;
  approvedBy: string;
  /** The day of approval (today). */
  approvedOn: CivilDate;
  collectiveDiscussionDocumentId?: string | undefined;
}

/**
 * NAT-3 · 生态环境行政处罚办法 第五十七条: may this extension of the decision
 * limit be approved now? Only while the limit is running, as the profile's
 * next extension allows (amount, and for the second one the heads'
 * collective discussion), with a stated reason.
 */
export function checkDecisionExtension(input: Omit<DecisionTimeLimitInput, 'decisionDate'> & { request: ExtensionRequest }): RuleCheck & { extension?: CaseExtension } {
  const { request } = input;
  const basis = decisionLimitBasis(input.profile);
  const refuse = (reason: string): RuleCheck => ({ ok: false, missing: [{ kind: 'period', id: 'penalty.decide.extension', label: '延长办案期限', reason, basis }] });
  const p = input.profile.params['penalty.decide'] as ResolvedParam<DeadlineSpec> | undefined;
  if (input.actionType !== 'penalty' || input.summaryProcedure || !p || p.value.kind !== 'span') return refuse('本案不适用作出行政处罚决定期限（简易程序或非行政处罚案件），无须延长');
  if (!input.dates.filingDate) return refuse('案件尚未立案，无须延长');
  if (input.dates.decisionDate) return refuse(`行政处罚决定已于 ${input.dates.decisionDate} 作出，无须延长`);
  const spec = p.value;
  const before = input.dates.penaltyExtensions ?? [];
  const allowed = spec.extensions[before.length];
  if (!allowed) return refuse(`本规则配置最多延长 ${spec.extensions.length} 次，已延长 ${before.length} 次，不能再延长`);
  if (!Number.isInteger(request.amount) || request.amount < 1 || request.amount > allowed.amount) return refuse(`本次延长最多 ${allowed.amount} 日（${allowed.approval}），申请 ${request.amount} 日`);
  if (!request.reason.trim()) return refuse('须说明延长的理由（如案情复杂）');
  if (before.length >= 1 && !request.collectiveDiscussionDocumentId) return refuse(`继续延长须${allowed.approval}，请关联集体讨论记录`);
  const now = decisionDeadline({ ...input, day: request.approvedOn });
  if (now && request.approvedOn > now.due) return refuse(`办案期限已于 ${now.due} 届满，延长须在期限届满前批准`);
  const extension: CaseExtension = {
    amount: request.amount,
    approvedBy: request.approvedBy,
    approvedAt: request.approvedOn,
    reason: request.reason.trim(),
    ...(request.collectiveDiscussionDocumentId ? { collectiveDiscussionDocumentId: request.collectiveDiscussionDocumentId } : {}),
  };
  return { ok: true, extension };
}
