/**
 * Documents bound to stages (issue 11 item 1; REC-3..REC-5 · GS-R 7, 8, 25-41):
 * each document kind is drafted, signed and issued only in the stages it
 * belongs to, and a decision is made only after what the law puts before it
 * (行政处罚法 Art 44, 45, 57, 58, 62-64: NAT-4, NAT-5, NAT-6, NAT-20). Dates are
 * ordered: nothing is dated before filing or after today; a decision not
 * before the last investigation record; a service not before the issue.
 *
 * Pure: the server passes the case snapshot, profile, calendar and the day.
 */
import type { CivilDate } from '../calendar/civil-date.js';
import type { ActionType } from './action-types.js';
import type { DocumentKindSpec } from '../records/kind-spec.js';
import type { AdvanceInput } from './case-documents.js';
import { stageChecklist } from './checklist.js';
import { type RuleCheck, type RuleMissing, formatBasis, ruleRef, toRuleCheck } from './citation.js';
import { STAGE_REQUIREMENTS } from './requirements.js';
import { CASE_STAGES, CASE_STAGE_LABELS, type CaseStage, stageOrder } from './stages.js';

export type DocumentAct = 'draft' | 'sign' | 'issue';

const ACT_LABELS: Record<DocumentAct, string> = { draft: '制作', sign: '签署', issue: '签发' };

/** First and last stage in which a kind may be drafted, signed or issued. */
export interface StageWindow {
  from: CaseStage;
  to: CaseStage;
}

const APPLICATION_TYPES: readonly ActionType[] = ['permit', 'confirmation', 'registration'];

/**
 * Windows that differ from the kind's own stage. Investigation records may
 * still be made while the decision is prepared (补充调查, 复核 of the party's
 * statement: 行政处罚法 Art 45); service papers go with any served document;
 * measures (查封、扣押 and their release) follow the investigation (行政强制法
 * Art 24, 28).
 */
const WINDOWS: Record<string, StageWindow> = {
  inspectionRecord: { from: 'investigation', to: 'decision' },
  inquiryRecord: { from: 'investigation', to: 'decision' },
  surveyRecord: { from: 'investigation', to: 'decision' },
  samplingVoucher: { from: 'investigation', to: 'decision' },
  evidenceRegister: { from: 'investigation', to: 'decision' },
  sealSeizeDecision: { from: 'investigation', to: 'decision' },
  // NAT-11 · 按日连续处罚办法 第八条、第十条、第十四条: the 责令改正 and its 复查 run alongside the original case's decision.
  correctionOrder: { from: 'investigation', to: 'decision' },
  reinspectionRecord: { from: 'investigation', to: 'decision' },
  sealSeizeList: { from: 'investigation', to: 'decision' },
  coercionApproval: { from: 'initiation', to: 'decision' },
  releaseDecision: { from: 'investigation', to: 'serviceExecution' },
  reminderNotice: { from: 'decision', to: 'serviceExecution' },
  serviceReceipt: { from: 'initiation', to: 'serviceExecution' },
  publicNoticeApproval: { from: 'initiation', to: 'serviceExecution' },
};

/** Applications hear the applicant during the examination (GS-R 17, 18). */
const APPLICATION_WINDOWS: Record<string, StageWindow> = {
  statementRecord: { from: 'investigation', to: 'decision' },
  hearingRecord: { from: 'investigation', to: 'decision' },
  hearingSummons: { from: 'investigation', to: 'decision' },
};

/**
 * A decision may be drafted once the investigation is under way: the draft is
 * part of the legal-review materials (SX19-L 10: 拟作出的决定文本), sent
 * while the investigation closes (调查取证 or 审核决定). It is signed or issued
 * only at 审核决定.
 */
const DRAFT_WINDOWS: Record<string, StageWindow> = {
  penaltyDecision: { from: 'investigation', to: 'decision' },
  noPenaltyDecision: { from: 'investigation', to: 'decision' },
};

/** The stages in which `kind` may be drafted (`act` 'draft'), signed or issued in a case of `actionType`. */
export function documentStageWindow(kind: Pick<DocumentKindSpec, 'key' | 'stage' | 'builtIn'>, actionType: ActionType, act: DocumentAct = 'issue'): StageWindow {
  if (act === 'draft' && DRAFT_WINDOWS[kind.key]) return DRAFT_WINDOWS[kind.key]!;
  if (APPLICATION_TYPES.includes(actionType) && APPLICATION_WINDOWS[kind.key]) return APPLICATION_WINDOWS[kind.key]!;
  if (WINDOWS[kind.key]) return WINDOWS[kind.key]!;
  // An agency's own kind: from its stage on, until the case is closed.
  if (!kind.builtIn) return { from: kind.stage, to: 'serviceExecution' };
  return { from: kind.stage, to: kind.stage };
}

/** Rows of the decision stage that come before the penalty decision in the table (NAT-4, NAT-5, NAT-6, NAT-20, REC-4). */
const BEFORE_PENALTY_DECISION: ReadonlySet<string> = (() => {
  const ids = new Set<string>();
  for (const row of STAGE_REQUIREMENTS) {
    if (row.id === 'penalty.decision.penaltyDecision') break;
    // The legal review (REV-1, NAT-5) and the collective discussion (NAT-6) have their own gate, with the
    // review round's state (core review/gate.ts via usecases/review-gate.ts): one place per rule.
    if (row.stage === 'decision' && row.id !== 'all.decision.legalReview' && row.id !== 'all.decision.collectiveDiscussion') ids.add(row.id);
  }
  return ids;
})();

const STAGE_BASIS = formatBasis([ruleRef('GS-R', '8'), ruleRef('SX25-R', '3')]);

function itemsText(items: readonly { label: string; reasons: string[] }[]): string {
  return items.map((i) => (i.reasons.length ? `${i.label}（${i.reasons.join('；')}）` : i.label)).join('；');
}

export interface DocumentActInput extends AdvanceInput {
  kind: Pick<DocumentKindSpec, 'key' | 'name' | 'stage' | 'builtIn'>;
  act: DocumentAct;
}

/**
 * May `act` be done on a document of `kind` now? `today` of the input is the
 * date of the act (for a decision: its issue date), so the periods are
 * measured against it. Returns everything that must come first.
 */
export function checkDocumentAct(input: DocumentActInput): RuleCheck {
  const { kind, act, snapshot } = input;
  const state = snapshot.state;
  if (state === 'archived') return { ok: true }; // the archive rule (REC-16) answers first
  const window = documentStageWindow(kind, snapshot.actionType, act);
  const verb = ACT_LABELS[act];
  const here = stageOrder(state);
  const missing: RuleMissing[] = [];
  if (here < stageOrder(window.from)) {
    // What must come first: everything still missing in the stages between here and the kind's stage.
    const before = CASE_STAGES.slice(here, stageOrder(window.from));
    const open = before.flatMap((s) => stageChecklist(input, s).filter((i) => i.status === 'missing'));
    const first = open.length ? `须先完成：${itemsText(open)}，并进入“${CASE_STAGE_LABELS[window.from]}”阶段` : `须先进入“${CASE_STAGE_LABELS[window.from]}”阶段`;
    missing.push({
      kind: 'stage',
      id: 'document.stage',
      label: kind.name,
      reason: `案件处于“${CASE_STAGE_LABELS[state]}”阶段，${kind.name}在“${CASE_STAGE_LABELS[window.from]}”阶段${verb}；${first}`,
      basis: STAGE_BASIS,
    });
    return { ok: false, missing };
  }
  if (here > stageOrder(window.to)) {
    const span = window.from === window.to ? `“${CASE_STAGE_LABELS[window.from]}”阶段` : `“${CASE_STAGE_LABELS[window.from]}”至“${CASE_STAGE_LABELS[window.to]}”阶段`;
    missing.push({
      kind: 'stage',
      id: 'document.stage',
      label: kind.name,
      reason: `案件已进入“${CASE_STAGE_LABELS[state]}”阶段，${kind.name}只能在${span}${verb}`,
      basis: STAGE_BASIS,
    });
    return { ok: false, missing };
  }
  // 行政处罚法 Art 44-45, 57-58, 62-64: the penalty decision comes after 告知, the party's time, hearing, review and discussion.
  if (kind.key === 'penaltyDecision' && act !== 'draft') {
    const open = stageChecklist(input, 'decision').filter((i) => i.status === 'missing' && BEFORE_PENALTY_DECISION.has(i.id));
    for (const i of open) missing.push({ kind: i.kind, id: i.id, label: i.label, reason: i.reasons.join('；'), basis: i.basis });
  }
  return toRuleCheck(missing);
}

/** Facts of the case's timeline that dated acts are checked against. */
export interface CaseTimeline {
  filingDate?: CivilDate | undefined;
  /** Latest date of a signed investigation record (调查取证, 陈述申辩 and 听证 records included). */
  lastRecordDate?: CivilDate | undefined;
}

/**
 * Dates in order (issue 11 item 1): a document's date lies within the case's
 * life (not before filing, not after today); a decision not before the last
 * investigation record; a service not before the issue of what it serves.
 */
export function checkActDate(input: { date: CivilDate; today: CivilDate; timeline: CaseTimeline; what: string; isDecision?: boolean; notBefore?: { date: CivilDate; label: string } }): RuleCheck {
  const { date, today, timeline, what } = input;
  const missing: RuleMissing[] = [];
  const basis = formatBasis([ruleRef('SX25-R', '3'), ruleRef('GS-R', '8')]);
  const add = (reason: string) => missing.push({ kind: 'fact', id: 'document.date', label: `${what}日期`, reason, basis });
  if (date > today) add(`${what}日期 ${date} 晚于今天 ${today}，不能预填日期`);
  if (timeline.filingDate && date < timeline.filingDate) add(`${what}日期 ${date} 早于立案日期 ${timeline.filingDate}`);
  if (input.isDecision && timeline.lastRecordDate && date < timeline.lastRecordDate) {
    add(`${what}日期 ${date} 早于最后一份调查取证记录的日期 ${timeline.lastRecordDate}，决定应在调查终结之后作出`);
  }
  if (input.notBefore && date < input.notBefore.date) add(`${what}日期 ${date} 早于${input.notBefore.label} ${input.notBefore.date}`);
  return toRuleCheck(missing);
}
