/**
 * The next lawful step of a case (issue 11 item 4): the first requirement of
 * its current stage that is still missing, in the order of the requirement
 * table (so what the law puts first comes first) — a record to make, a
 * decision-stage record to write, a period to wait out — or, when the stage is
 * complete, moving on to the next stage. With its citation by full document
 * title and article, for the case page; no internal ids.
 */
import { DEFAULT_CATALOGUE, getDocumentKind } from '../records/catalogue.js';
import type { AdvanceInput } from './case-documents.js';
import { stageChecklist, type ChecklistItem } from './checklist.js';
import { formatBasisFor } from '../profiles/cite.js';
import { ruleRef } from './citation.js';
import { STAGE_REQUIREMENTS } from './requirements.js';
import { CASE_STAGE_LABELS, caseStateLabel, nextStage } from './stages.js';

export interface NextStep {
  /** document: make (sign, issue, serve) a record; record: write a fact or decision-stage record; wait: a period runs; advance: move to the next stage. */
  action: 'document' | 'record' | 'wait' | 'advance';
  /** e.g. '下一步：立案审批表（已签署）'. */
  title: string;
  /** Why, in the officer's words. */
  detail: string;
  /** By full title and article, e.g. '《中华人民共和国行政处罚法》第四十四条'. */
  citation: string;
  /** For 'document': the kind to make, and its name. */
  documentKind?: string;
  documentName?: string;
}

/** The stage order itself (SX25-R 3; GS-R 2): 启动 → 调查取证 → 审核决定 → 送达执行 → 归档. */
const STAGE_CITATIONS = [ruleRef('SX25-R', '3'), ruleRef('GS-R', '2')];

/** `checklist`: the current stage's checklist when the caller has it already (the case page does). */
export function nextLawfulStep(input: AdvanceInput, checklist?: readonly ChecklistItem[]): NextStep | null {
  const state = input.snapshot.state;
  if (state === 'archived') return null;
  const missing = (checklist ?? stageChecklist(input)).filter((i) => i.status === 'missing');
  const first = missing[0];
  if (!first) {
    const to = nextStage(state)!;
    return {
      action: 'advance',
      title: to === 'archived' ? '下一步：完成归档' : `下一步：进入“${caseStateLabel(to)}”环节`,
      detail: `“${CASE_STAGE_LABELS[state]}”环节须记录的事项已齐全`,
      citation: formatBasisFor(STAGE_CITATIONS, input.profile.id),
    };
  }
  const row = STAGE_REQUIREMENTS.find((r) => r.id === first.id);
  // The checklist's basis: in the agency's own terms (its province and national law, by title).
  const citation = first.basis;
  const step: NextStep = {
    action: first.kind === 'period' ? 'wait' : row?.need.type === 'document' ? 'document' : 'record',
    title: `下一步：${first.label}`,
    detail: first.reasons.join('；'),
    citation,
  };
  if (step.action === 'document' && row?.need.type === 'document') {
    const kind = row.need.anyOf[0]!.kind;
    step.documentKind = kind;
    step.documentName = getDocumentKind(kind, input.catalogue ?? DEFAULT_CATALOGUE)?.name ?? kind;
  }
  return step;
}
