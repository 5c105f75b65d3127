/**
 * `stageChecklist`: the requirement table (requirements.ts) and the
 * profile's AV obligations (av-situations.ts) evaluated for one case in one
 * stage — each line met, missing or advised, with reasons and basis.
 */
import { isCivilDate } from '../calendar/civil-date.js';
import { avRequirement } from '../profiles/av.js';
import { formatBasisFor } from '../profiles/cite.js';
import { previewDeadline } from '../profiles/rules.js';
import { MEASURE_LABELS } from '../profiles/vocabulary.js';
import { DEFAULT_CATALOGUE, getDocumentKind } from '../records/catalogue.js';
import { checkCaseSource } from './action-types.js';
import { activeAvSituations } from './av-situations.js';
import {
  type AdvanceInput,
  type CheckContext,
  currentDocuments,
  evaluateDocument,
  kindName,
  servedOn,
  serviceProblem,
} from './case-documents.js';
import { type RuleMissingKind } from './citation.js';
import { conditionLabel, conditionsHold } from './conditions.js';
import { decisionPartProblem } from './decision-records.js';
import { checkHandlers } from './handlers.js';
import { checkSummaryProcedure } from './hearing.js';
import { isPenaltyType, type PenaltyType, type ProposedPenalty } from './penalty-types.js';
import { type StageRequirement, STAGE_REQUIREMENTS } from './requirements.js';
import type { CaseDocumentRef } from './snapshot.js';
import type { CaseStage } from './stages.js';

export type ChecklistStatus = 'met' | 'missing' | 'advised';

/** One line of a stage's checklist. */
export interface ChecklistItem {
  id: string;
  stage: CaseStage;
  kind: RuleMissingKind;
  label: string;
  status: ChecklistStatus;
  /** Why it is missing or advised (empty when met). */
  reasons: string[];
  basis: string;
  /** When the row applies, e.g. '当事人要求听证的'. */
  condition?: string;
}

function issuedDecision(ctx: CheckContext): CaseDocumentRef | undefined {
  return ctx.docs.find((d) => d.kind === 'penaltyDecision' && d.status === 'issued');
}

/** NAT-4: no decision before the party's 5 working days to ask for a hearing have run out (unless asked or waived). */
function hearingPeriodProblem(ctx: CheckContext): string | null {
  const f = ctx.snapshot.flags ?? {};
  if (f.hearingRequested || f.hearingWaived) return null;
  const notice = ctx.docs.find(
    (d) => d.status === 'issued' && (d.kind === 'hearingNotice' || (d.kind === 'penaltyNotice' && d.fields?.hearingRightsIncluded === true)),
  );
  const noticeServedOn = notice ? servedOn(ctx, notice) : undefined;
  if (!noticeServedOn) return '听证权利告知尚未送达，要求听证的期限尚未起算';
  const due = previewDeadline({ calendar: ctx.input.calendar, profile: ctx.profile, rule: 'hearing.request', from: noticeServedOn }).due;
  const issueDate = issuedDecision(ctx)?.fields?.issueDate;
  const decisionDay = typeof issueDate === 'string' && isCivilDate(issueDate) ? issueDate : ctx.input.today;
  if (decisionDay > due) return null;
  return `当事人可在 ${due} 前要求听证；期限届满、当事人书面放弃或者举行听证后，方可作出处罚决定`;
}

/** The day the decision is (to be) made: the issued decision's date, else the check's day. */
function decisionDay(ctx: CheckContext): string {
  const issueDate = issuedDecision(ctx)?.fields?.issueDate;
  return typeof issueDate === 'string' && isCivilDate(issueDate) ? issueDate : ctx.input.today;
}

/** NAT-20 · 行政处罚法 Art 44, 45: the statement heard and recorded, or the period after the 告知 passed. */
function statementPeriodProblem(ctx: CheckContext): string | null {
  const f = ctx.snapshot.flags ?? {};
  const recorded = ctx.docs.some((d) => d.kind === 'statementRecord' && d.status !== 'draft');
  if (f.statementMade && recorded) return null;
  const notice = ctx.docs.find((d) => d.kind === 'penaltyNotice' && d.status === 'issued');
  const noticeServedOn = notice ? servedOn(ctx, notice) : undefined;
  if (!noticeServedOn) return '行政处罚事先告知书尚未送达，陈述、申辩期限尚未起算';
  if (f.statementMade) return '当事人提出了陈述、申辩，尚未制作陈述申辩笔录';
  const due = previewDeadline({ calendar: ctx.input.calendar, profile: ctx.profile, rule: 'statement.period', from: noticeServedOn }).due;
  if (decisionDay(ctx) > due) return null;
  return `当事人可在 ${due} 前陈述、申辩；期限届满或者听取并记录陈述、申辩后，方可作出处罚决定`;
}

/** NAT-12: the proposed penalty, or the one on the decision. */
function penaltyOf(ctx: CheckContext): ProposedPenalty | undefined {
  if (ctx.snapshot.proposedPenalty) return ctx.snapshot.proposedPenalty;
  const fields = ctx.docs.find((d) => d.kind === 'penaltyDecision')?.fields;
  const types = fields?.penaltyTypes;
  if (!Array.isArray(types)) return undefined;
  const fine = fields?.fineAmount;
  return { types: types.filter((t): t is PenaltyType => typeof t === 'string' && isPenaltyType(t)), ...(typeof fine === 'number' ? { fineAmount: fine } : {}) };
}

function unservedIssued(ctx: CheckContext, coveredKinds: ReadonlySet<string>): string[] {
  return ctx.docs
    .filter((d) => d.status === 'issued' && getDocumentKind(d.kind, ctx.catalogue)?.servedToParty === true && !coveredKinds.has(d.kind))
    .filter((d) => serviceProblem(ctx, d) !== null)
    .map((d) => `${kindName(ctx, d.kind)}尚未有效送达`);
}

function evaluate(ctx: CheckContext, row: StageRequirement, coveredKinds: ReadonlySet<string>): { reasons: string[]; kind: RuleMissingKind } {
  const need = row.need;
  const flags = ctx.snapshot.flags ?? {};
  switch (need.type) {
    case 'document':
      return evaluateDocument(ctx, need);
    case 'decisionRecord': {
      const linked = ctx.docs.map((d) => ({ id: d.id, kind: d.kind, signed: d.status !== 'draft' }));
      const problem = decisionPartProblem(ctx.snapshot.decisionRecords ?? {}, need.part, linked);
      return { reasons: problem ? [problem] : [], kind: 'decisionRecord' };
    }
    case 'handlers': {
      const r = checkHandlers(ctx.snapshot.handlers ?? [], ctx.input.today);
      return { reasons: r.ok ? [] : r.missing.map((m) => m.reason), kind: 'handler' };
    }
    case 'caseSource': {
      const r = checkCaseSource(ctx.snapshot.actionType, ctx.snapshot.source, ctx.snapshot.enabledActionTypes ?? []);
      return { reasons: r.ok ? [] : r.missing.map((m) => m.reason), kind: 'source' };
    }
    case 'flag':
      return { reasons: flags[need.flag] === true ? [] : ['尚未记录'], kind: 'fact' };
    case 'documentField': {
      const ok = ctx.docs.some((d) => d.kind === need.kind && d.fields?.[need.field] === true);
      return { reasons: ok ? [] : ['尚未记录'], kind: 'field' };
    }
    case 'hearingPeriod': {
      const problem = hearingPeriodProblem(ctx);
      return { reasons: problem ? [problem] : [], kind: 'period' };
    }
    case 'statementPeriod': {
      const problem = statementPeriodProblem(ctx);
      return { reasons: problem ? [problem] : [], kind: 'period' };
    }
    case 'summaryAllowed': {
      const penalty = penaltyOf(ctx);
      if (!penalty) return { reasons: ['未载明处罚种类和数额'], kind: 'fact' };
      const r = checkSummaryProcedure(ctx.snapshot.partyKind ?? 'naturalPerson', penalty, ctx.profile);
      return { reasons: r.ok ? [] : r.missing.map((m) => m.reason), kind: 'fact' };
    }
    case 'allIssuedServed':
      return { reasons: unservedIssued(ctx, coveredKinds), kind: 'service' };
    case 'noDrafts': {
      const drafts = ctx.docs.filter((d) => d.status === 'draft').map((d) => `${kindName(ctx, d.kind)}${(d.version ?? 1) > 1 ? '（更正版本）' : ''}尚为草稿`);
      return { reasons: drafts, kind: 'draft' };
    }
  }
}

function contextOf(input: AdvanceInput): CheckContext {
  return {
    input,
    snapshot: input.snapshot,
    profile: input.profile,
    docs: currentDocuments(input.snapshot.documents ?? []),
    catalogue: input.catalogue ?? DEFAULT_CATALOGUE,
  };
}

/** The rows of the table that apply to this case in `stage`. */
function applicableRows(ctx: CheckContext, stage: CaseStage): StageRequirement[] {
  return STAGE_REQUIREMENTS.filter((row) => row.stage === stage && row.actionTypes.includes(ctx.snapshot.actionType) && conditionsHold(row.when, ctx));
}

function avItems(ctx: CheckContext, stage: CaseStage): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const { situation, trigger } of activeAvSituations(ctx, stage)) {
    const req = avRequirement(ctx.profile, situation);
    if (req.requirement === 'none') continue;
    const recorded = (ctx.snapshot.avRecords ?? []).some((a) => a.situations.includes(situation));
    const status: ChecklistStatus = recorded ? 'met' : req.requirement === 'mandatory' ? 'missing' : 'advised';
    const reason = req.requirement === 'mandatory' ? '应当进行音像记录，尚无相应音像记录' : '宜根据实际情况进行音像记录';
    items.push({
      id: `av.${stage}.${situation}`,
      stage,
      kind: 'av',
      label: `音像记录：${MEASURE_LABELS[situation]}`,
      status,
      reasons: recorded ? [] : [reason],
      basis: formatBasisFor(req.citations, ctx.profile.id),
      condition: trigger,
    });
  }
  return items;
}

/**
 * Everything that applies to the case in `stage` (default: its current
 * stage), each line met, missing or advised.
 */
export function stageChecklist(input: AdvanceInput, stage?: CaseStage): ChecklistItem[] {
  const ctx = contextOf(input);
  const at = stage ?? (input.snapshot.state === 'archived' ? 'archive' : input.snapshot.state);
  const rows = applicableRows(ctx, at);
  const covered = new Set(rows.flatMap((r) => (r.need.type === 'document' && r.need.served ? r.need.anyOf.map((a) => a.kind as string) : [])));
  const items: ChecklistItem[] = rows.map((row) => {
    const { reasons, kind } = evaluate(ctx, row, covered);
    const cond = conditionLabel(row.when);
    return {
      id: row.id,
      stage: at,
      kind,
      label: row.label,
      status: reasons.length === 0 ? 'met' : 'missing',
      reasons,
      basis: formatBasisFor(row.citations, ctx.profile.id),
      ...(cond ? { condition: cond } : {}),
    };
  });
  return [...items, ...avItems(ctx, at)];
}
