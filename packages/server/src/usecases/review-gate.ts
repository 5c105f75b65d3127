/**
 * REV-1 · SX19-L 5; XX-L 5; MEE19 三; 行政处罚法 Art 58: the hard gate, as the
 * document use case calls it when a document is signed or issued
 * (documents.ts finalizeDocument). The rule itself is pure
 * (core review/gate.ts); this file gathers its facts: the case, its latest
 * round, the catalogue in force, the collective discussion.
 */
import { eq, sql } from 'drizzle-orm';
import {
  AppError,
  LEGAL_REVIEW_OPINION_KIND,
  decisionGate,
  decisionTerms,
  isGatedDecision,
  matchCatalogue,
  matchFactsFromCase,
  reviewRulesFor,
  type GateResult,
} from '@sanxiang/core';
import type { DbOrTx, Tx } from '../db/client.js';
import { cases } from '../db/schema.js';
import { loadCaseContext, type CaseContext } from './case-context.js';
import { catalogueInForce } from './review-catalogue.js';
import { loadReviewState, roundState, type ReviewState } from './review-state.js';

/** The gate for a decision document (lineage `documentId`, kind, the fields it would carry). */
export async function gateFor(db: DbOrTx, c: CaseContext, state: ReviewState, doc: { documentId: string; kind: string; fields: Record<string, unknown> }): Promise<GateResult> {
  const rules = reviewRulesFor(c.profile);
  const latest = state.latest;
  const declared = latest?.declared;
  const inForce = await catalogueInForce(db, c.agency, c.profile);
  const match = matchCatalogue(inForce.catalogue, matchFactsFromCase(c.snapshot, c.profile, doc, declared ?? undefined));
  const records = c.row.decisionRecords;
  return decisionGate({
    documentKind: doc.kind,
    actionType: c.row.actionType,
    documentId: doc.documentId,
    terms: decisionTerms(doc.fields),
    match,
    flaggedMajor: c.row.flags.majorDecision === true,
    submitted: state.rounds.length > 0,
    latest: latest ? { ...roundState(latest), reviewedDecision: latest.reviewedDecision ? { documentId: latest.reviewedDecision.documentId, terms: latest.reviewedDecision.terms } : null } : null,
    rules,
    collectiveDiscussion: {
      required: c.row.flags.collectiveDiscussionRequired === true,
      recorded: Boolean(latest?.collectiveDiscussion) || Boolean(records.collectiveDiscussion?.documentId),
    },
  });
}

/**
 * Throws 'review.gate_closed' (409, with the reason) when the document may not
 * be signed or issued. Runs inside the caller's transaction; for a guarded
 * decision it takes the case row lock (as every review act does), so no review
 * act can change the answer before the issue commits. FOR UPDATE rather than
 * FOR SHARE: the issue itself may update the case row later in the same
 * transaction, and two share locks upgrading at once would deadlock.
 */
export async function assertLegalReviewGate(tx: Tx, caseId: string, doc: { documentId: string; kind: string; fields: Record<string, unknown> }): Promise<void> {
  const [first] = await tx.select({ actionType: cases.actionType }).from(cases).where(eq(cases.id, caseId));
  if (!first) throw new AppError('not_found');
  if (doc.kind !== LEGAL_REVIEW_OPINION_KIND && !isGatedDecision(doc.kind, first.actionType)) return;
  await tx.execute(sql`SELECT id FROM cases WHERE id = ${caseId} FOR UPDATE`);
  const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!caseRow) throw new AppError('not_found');
  const c = await loadCaseContext(tx, caseRow);
  const state = await loadReviewState(tx, caseRow.id);
  const result = await gateFor(tx, c, state, doc);
  if (!result.ok) throw new AppError('review.gate_closed', { reason: result.reason, basis: result.basis, code: result.code });
}
