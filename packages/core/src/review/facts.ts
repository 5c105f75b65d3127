/**
 * The facts of a case that the catalogue is matched against (REV-2), read
 * from the case snapshot and the draft decision: amounts and penalty types
 * from the decision document when it states them (else the proposed penalty),
 * measures from the case, the hearing from the flags and the signed hearing
 * record, and what the handling unit declared.
 */
import { currentDocuments } from '../cases/case-documents.js';
import { hearingRight } from '../cases/hearing.js';
import { isPenaltyType, type PenaltyType } from '../cases/penalty-types.js';
import type { CaseDocumentRef, CaseSnapshot } from '../cases/snapshot.js';
import { getDocumentKind } from '../records/catalogue.js';
import type { ResolvedProfile } from '../profiles/types.js';
import type { DeclaredCriterion, MatchFacts } from './matching.js';
import { DECISION_DOCUMENT_KINDS } from './rules.js';

/** What the handling unit declares with a submission or asks the platform to consider. */
export interface Declaration {
  criteria: readonly DeclaredCriterion[];
  complex: boolean;
  transferToJudiciary: boolean;
  consulted?: boolean;
  assessed?: boolean;
}

export const EMPTY_DECLARATION: Declaration = { criteria: [], complex: false, transferToJudiciary: false, consulted: false, assessed: false };

/** The decision document the case is heading for: the latest current decision, a draft preferred. */
export function draftDecisionOf(snapshot: Pick<CaseSnapshot, 'documents'>): CaseDocumentRef | null {
  const decisions = currentDocuments(snapshot.documents ?? []).filter((d) => (DECISION_DOCUMENT_KINDS as readonly string[]).includes(d.kind));
  const drafts = decisions.filter((d) => d.status === 'draft');
  return drafts.at(-1) ?? decisions.at(-1) ?? null;
}

/** Whether the case holds a signed hearing record (the hearing was held). */
export function hearingHeld(snapshot: Pick<CaseSnapshot, 'documents'>): boolean {
  return currentDocuments(snapshot.documents ?? []).some((d) => d.kind === 'hearingRecord' && d.status !== 'draft');
}

/** The facts for matching, from the case and a decision document (the draft, or the one being issued). */
export function matchFactsFromCase(
  snapshot: CaseSnapshot,
  profile: ResolvedProfile,
  decision: { kind: string; fields?: Readonly<Record<string, unknown>> | undefined; status?: string | undefined } | null,
  declaration: Declaration = EMPTY_DECLARATION,
): MatchFacts {
  const fields = decision?.fields ?? {};
  const docTypes = Array.isArray(fields.penaltyTypes) ? fields.penaltyTypes.filter((t): t is PenaltyType => typeof t === 'string' && isPenaltyType(t)) : [];
  const docFine = typeof fields.fineAmount === 'number' && Number.isFinite(fields.fineAmount) ? fields.fineAmount : null;
  const proposed = snapshot.proposedPenalty;
  const fromDocument = docTypes.length > 0 || docFine !== null;
  const penaltyTypes = fromDocument ? docTypes : [...(proposed?.types ?? [])];
  const fineAmount = fromDocument ? docFine : (proposed?.fineAmount ?? null);
  const flags = snapshot.flags ?? {};
  const partyKind = snapshot.partyKind ?? null;
  const right =
    flags.hearingRight ??
    (snapshot.actionType === 'penalty' &&
      hearingRight(
        {
          partyKind: partyKind ?? 'naturalPerson',
          penalty: { types: penaltyTypes, ...(fineAmount !== null ? { fineAmount } : {}), ...(proposed?.confiscationAmount !== undefined ? { confiscationAmount: proposed.confiscationAmount } : {}) },
          ...(snapshot.measures ? { measures: snapshot.measures } : {}),
        },
        profile,
      ).applies);
  const kindName = decision ? (getDocumentKind(decision.kind)?.name ?? decision.kind) : null;
  return {
    actionType: snapshot.actionType,
    partyKind,
    fineAmount,
    confiscationAmount: proposed?.confiscationAmount ?? null,
    penaltyTypes,
    measures: snapshot.measures ?? [],
    hearing: { right, requested: flags.hearingRequested === true, held: hearingHeld(snapshot) },
    transferToJudiciary: declaration.transferToJudiciary,
    complex: declaration.complex,
    declared: declaration.criteria,
    // Issue 15: an issued decision is not a 代拟稿 any more.
    source: fromDocument && kindName ? `${kindName}（${decision?.status === 'issued' ? '已签发' : decision?.status === 'signed' ? '已签署' : '代拟稿'}）` : proposed ? '案件记载的拟处罚' : '案件记载的事实',
  };
}
