/**
 * Conditions under which a stage requirement applies, each with the Chinese
 * phrase shown next to it ('当事人要求听证的').
 */
import type { ResolvedProfile } from '../profiles/types.js';
import { hearingRight } from './hearing.js';
import type { CaseMeasureKey } from './measures.js';
import type { CaseSnapshot } from './snapshot.js';

export interface ConditionContext {
  snapshot: CaseSnapshot;
  profile: ResolvedProfile;
}

type Test = (c: ConditionContext) => boolean;

const flags = (c: ConditionContext) => c.snapshot.flags ?? {};
const has = (c: ConditionContext, ...ms: CaseMeasureKey[]) => ms.some((m) => (c.snapshot.measures ?? []).includes(m));
const isSummary: Test = (c) => c.snapshot.actionType === 'penalty' && flags(c).summaryProcedure === true;
const forcedEnforcement: Test = (c) => has(c, 'forcedDemolition') || flags(c).execution === 'agencyEnforcement';

/** NAT-4: the flag when set, else computed from the proposed penalty and measures under the profile. */
export function caseHearingRight(c: ConditionContext): boolean {
  const f = flags(c);
  if (f.hearingRight !== undefined) return f.hearingRight;
  if (c.snapshot.actionType !== 'penalty' || isSummary(c)) return false;
  const input = {
    partyKind: c.snapshot.partyKind ?? 'naturalPerson',
    ...(c.snapshot.proposedPenalty ? { penalty: c.snapshot.proposedPenalty } : {}),
    ...(c.snapshot.measures ? { measures: c.snapshot.measures } : {}),
  };
  return hearingRight(input, c.profile).applies;
}

export const CONDITIONS = {
  generalProcedure: { label: '适用一般程序的', test: (c: ConditionContext) => !isSummary(c) },
  summaryProcedure: { label: '适用简易程序的', test: isSummary },
  accepted: { label: '申请已受理的', test: (c: ConditionContext) => flags(c).notAccepted !== true },
  majorDecision: { label: '属于重大执法决定的', test: (c: ConditionContext) => flags(c).majorDecision === true },
  collectiveDiscussion: { label: '情节复杂或者重大违法、须负责人集体讨论的', test: (c: ConditionContext) => flags(c).collectiveDiscussionRequired === true },
  hearingRight: { label: '当事人有权要求听证的', test: caseHearingRight },
  hearingRequested: { label: '当事人要求听证的', test: (c: ConditionContext) => flags(c).hearingRequested === true },
  statementMade: { label: '当事人提出陈述、申辩的', test: (c: ConditionContext) => flags(c).statementMade === true },
  supplementRequested: { label: '申请材料需要补正的', test: (c: ConditionContext) => flags(c).supplementRequested === true },
  outcomePenalty: { label: '决定给予行政处罚的', test: (c: ConditionContext) => (flags(c).outcome ?? 'penalty') === 'penalty' },
  outcomeNoPenalty: { label: '决定不予行政处罚的', test: (c: ConditionContext) => flags(c).outcome === 'noPenalty' },
  sealOrSeize: { label: '采取查封、扣押的', test: (c: ConditionContext) => has(c, 'seal', 'seize') },
  evidencePreservation: { label: '先行登记保存证据的', test: (c: ConditionContext) => has(c, 'evidencePreservation') },
  sampling: { label: '抽样取证的', test: (c: ConditionContext) => has(c, 'sampling') },
  forcedEnforcement: { label: '由本机关强制执行的', test: forcedEnforcement },
  substituteExecution: { label: '代履行的', test: (c: ConditionContext) => has(c, 'substituteExecution') },
  coerciveExecution: { label: '强制执行或者代履行的', test: (c: ConditionContext) => forcedEnforcement(c) || has(c, 'substituteExecution') },
  courtEnforcement: { label: '申请人民法院强制执行的', test: (c: ConditionContext) => flags(c).execution === 'courtEnforcement' },
  sealSeizeReleased: { label: '解除查封、扣押的', test: (c: ConditionContext) => flags(c).sealSeizeReleased === true },
  profileSX25: { label: '适用 SX25 规则的', test: (c: ConditionContext) => c.profile.chain.includes('SX25') },
} as const satisfies Record<string, { label: string; test: Test }>;

export type ConditionKey = keyof typeof CONDITIONS;

/** Whether every condition holds. */
export function conditionsHold(keys: readonly ConditionKey[] | undefined, c: ConditionContext): boolean {
  return (keys ?? []).every((k) => CONDITIONS[k].test(c));
}

/** '当事人要求听证的；决定给予行政处罚的'. */
export function conditionLabel(keys: readonly ConditionKey[] | undefined): string {
  return (keys ?? []).map((k) => CONDITIONS[k].label).join('；');
}
