/**
 * The reviewer's decision of a round (REV-4, REV-5, REV-7): a finding per
 * checklist item, the outcome the findings call for, the written opinion.
 * The opinion (重大执法决定法制审核意见书) goes into the case file as a signed
 * record of the case — numbered, sealed with its content hash in the
 * integrity log, exported with the case — and is downloadable as .docx
 * (SX19-L 13: one copy into the case file; online review needs no separate
 * paper opinion). An open pause ends with the decision.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  AppError,
  CHECKLIST_ITEM_LABELS,
  LEGAL_REVIEW_OPINION_KIND,
  checkDecision,
  findingLabel,
  formatRecordNumber,
  getDocumentKind,
  recordNumberScope,
  reviewRulesFor,
  validateDocumentFields,
  type ChecklistEntry,
  type ReviewOutcome,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { documentVersions, documents, parties, reviewPauses, reviewRounds } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { contentHash } from './documents.js';
import { appendLeaf } from './integrity-log.js';
import { nextNumber } from './numbering.js';
import { caseOfReview, withLockedCase } from './review.js';
import { getReview } from './review-present.js';
import { clockOf, reviewEvent, syncCaseLink, type RoundRow } from './review-state.js';
import type { CaseContext } from './case-context.js';

export interface DecideInput {
  checklist: ChecklistEntry[];
  outcome?: ReviewOutcome | undefined;
  opinion: string;
  leaderApproval?: { approver: string; approvedOn: string } | null | undefined;
}

/** REV-4, REV-5, REV-7: the assigned reviewer decides the round; the opinion goes into the case file. */
export async function decideReview(ctx: AppContext, actor: ActorContext, reviewId: string, input: DecideInput) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const row = await caseOfReview(ctx, actor, reviewId, 'review.decide');
  await withLockedCase(ctx, row.id, async (tx, c, state) => {
    const latest = state.latest;
    if (!latest) throw new AppError('review.state_invalid', { reason: '本案尚未送法制审核' });
    if (latest.reviewerId !== actor.userId) throw new AppError('review.not_assigned');
    if (latest.status !== 'inReview') throw new AppError('review.state_invalid', { reason: `第${latest.round}轮审核当前不能出具审核意见` });
    const rules = reviewRulesFor(c.profile);
    if (input.leaderApproval?.approvedOn && (input.leaderApproval.approvedOn > today || input.leaderApproval.approvedOn < latest.receivedOn)) {
      throw new AppError('validation.failed', { detail: `同意日期须在 ${latest.receivedOn} 至 ${today} 之间` });
    }
    const check = checkDecision(rules, { checklist: input.checklist, ...(input.outcome ? { outcome: input.outcome } : {}), opinion: input.opinion, leaderApproval: input.leaderApproval ?? null });
    if (!check.ok) {
      const problems = [...check.missing, ...check.invalid];
      throw new AppError('review.decision_invalid', { detail: problems.map((p) => `${p.label}：${p.reason}${p.basis ? `（${p.basis}）` : ''}`).join('；'), details: problems, suggested: check.suggested, suggestedLabel: rules.outcomeLabels[check.suggested] });
    }
    // The decision ends an open pause: the clock stops for good.
    await tx
      .update(reviewPauses)
      .set({ resumedOn: today, closedBy: actor.userId, closedByName: actor.displayName, closedAt: now })
      .where(and(eq(reviewPauses.roundId, latest.id), sql`${reviewPauses.resumedOn} IS NULL`));
    const pauses = state.pauses.map((p) => (p.roundId === latest.id && p.resumedOn === null ? { ...p, resumedOn: today } : p));
    const clock = clockOf(c.profile, c.calendar, { ...latest, decidedOn: today }, { pauses, extensions: state.extensions }, today);
    const checklist = rules.checklist.map((r) => input.checklist.find((e) => e.item === r.item)!).map((e) => ({ item: e.item, finding: e.finding, ...(e.note?.trim() ? { note: e.note.trim() } : {}) }));

    const opinionDocumentId = await writeOpinion(tx, c, actor, now, latest, {
      outcome: check.outcome,
      outcomeLabel: rules.outcomeLabels[check.outcome],
      checklist,
      opinion: input.opinion.trim(),
      grounds: check.grounds.map((g) => `${g.label}：${g.findingLabel}${g.note ? `（${g.note}）` : ''}，${g.basis}`),
      deadline: clock.due ? `${clock.due}（${'ruleBasis' in clock ? clock.ruleBasis : ''}；${clock.statusLabel}）` : clock.statusLabel,
      leaderApproval: input.leaderApproval ? `${input.leaderApproval.approver}（${input.leaderApproval.approvedOn}）` : '',
    });
    await tx
      .update(reviewRounds)
      .set({
        status: 'decided',
        checklist,
        outcome: check.outcome,
        opinion: input.opinion.trim(),
        grounds: check.grounds,
        leaderApproval: input.leaderApproval ?? null,
        decidedAt: now,
        decidedBy: actor.userId,
        decidedOn: today,
        opinionDocumentId,
        updatedAt: now,
      })
      .where(eq(reviewRounds.id, latest.id));
    const [fresh] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, latest.id));
    await syncCaseLink(tx, c.row.id, c.profile, reviewId, fresh!, now);
    await reviewEvent(tx, c.row, reviewId, latest.round, actor, now, 'decide', {
      outcome: check.outcome,
      outcomeLabel: rules.outcomeLabels[check.outcome],
      grounds: check.grounds.map((g) => g.item),
      opinionDocumentId,
      due: clock.due,
      clockStatus: clock.status,
    });
  });
  return getReview(ctx, actor, reviewId);
}

interface OpinionContent {
  outcome: ReviewOutcome;
  outcomeLabel: string;
  checklist: ChecklistEntry[];
  opinion: string;
  grounds: string[];
  deadline: string;
  leaderApproval: string;
}

/** Writes the 法制审核意见书 as a signed record of the case, sealed into the log like any original (REC-16). */
async function writeOpinion(tx: Tx, c: CaseContext, actor: ActorContext, now: Date, round: RoundRow, o: OpinionContent): Promise<string> {
  const kind = getDocumentKind(LEGAL_REVIEW_OPINION_KIND)!;
  const [party] = c.row.partyId ? await tx.select({ name: parties.name }).from(parties).where(eq(parties.id, c.row.partyId)) : [];
  const docName = (id: string) => {
    const d = c.documentRows.find((x) => x.id === id);
    return d ? `${getDocumentKind(d.kind)?.name ?? d.kind}（${d.recordNumber}）` : id;
  };
  const materials = round.materials.flatMap((m) => {
    const parts = [...(m.documentIds ?? []).map(docName), ...(m.fileIds ?? []).map((f) => `音像记录 ${f}`), ...(m.text ? [m.text] : [])];
    return parts.length ? [`${m.key === 'other' ? '其他材料' : labelOfMaterial(c, m.key)}：${parts.join('；')}`] : [];
  });
  const fields: Record<string, unknown> = {
    caseTitle: c.row.title,
    ...(party ? { partyName: party.name } : {}),
    round: round.round,
    submittedBy: round.submittedByName,
    submittedOn: round.receivedOn,
    majorCriteria: round.match.matches.map((m) => `${m.criterionLabel}：${m.value}`),
    materials: materials.length ? materials : ['（无）'],
    findings: o.checklist.map((e) => `${CHECKLIST_ITEM_LABELS[e.item]}：${findingLabel(e.item, e.finding)}${e.note ? `（${e.note}）` : ''}`),
    outcome: o.outcome,
    opinion: o.grounds.length ? `${o.opinion}\n审核结论“${o.outcomeLabel}”的依据：${o.grounds.join('；')}。` : o.opinion,
    deadline: o.deadline,
    reviewers: [actor.displayName],
    ...(o.leaderApproval ? { leaderApproval: o.leaderApproval } : {}),
    reviewedOn: chinaDate(now),
    agencyName: c.agency.name,
  };
  const check = validateDocumentFields(kind, fields, { status: 'signed' });
  if (!check.ok) throw new AppError('document.fields_invalid', { kind: kind.name, detail: [...check.missing, ...check.invalid].map((m) => `${m.label}：${m.reason}`).join('；') });
  const documentId = newId();
  const versionId = newId();
  const seq = await nextNumber(tx, recordNumberScope(c.row.id, kind.code));
  const rn = formatRecordNumber({ caseNumber: c.row.caseNumber, kindCode: kind.code, sequence: seq });
  if (!rn.ok) throw new AppError('numbering.template_invalid', { detail: rn.missing.map((m) => m.reason).join('；') });
  const doc = { id: documentId, caseId: c.row.id, kind: kind.key, recordNumber: rn.value };
  const version = { version: 1, status: 'signed' as const, fields, docNumber: null, supersedes: null, correctionReason: null };
  const hash = contentHash(doc, version);
  await tx.insert(documents).values({ ...doc, createdAt: now, createdBy: actor.userId });
  await tx.insert(documentVersions).values({ id: versionId, documentId, caseId: c.row.id, ...version, contentHash: hash, createdAt: now, createdBy: actor.userId, finalizedAt: now, finalizedBy: actor.userId });
  // REC-16, NAT-18: sealed like every original record.
  await appendLeaf(tx, { kind: 'document.version', objectType: 'documentVersion', objectId: versionId, caseId: c.row.id, agencyPath: c.row.agencyPath, at: now, payload: { documentId, version: 1, status: 'signed', contentHash: hash, actorId: actor.userId } });
  return documentId;
}

function labelOfMaterial(c: CaseContext, key: string): string {
  return reviewRulesFor(c.profile).materials.find((m) => m.key === key)?.label ?? key;
}

/** The opinion of a round as a .docx, through the case's document renderer. */
export async function opinionDocumentOf(ctx: AppContext, actor: ActorContext, reviewId: string, round: number) {
  const row = await caseOfReview(ctx, actor, reviewId);
  const [r] = await ctx.db.select().from(reviewRounds).where(and(eq(reviewRounds.reviewId, reviewId), eq(reviewRounds.round, round)));
  if (!r || !r.opinionDocumentId) throw new AppError('not_found');
  return { caseId: row.id, documentId: r.opinionDocumentId };
}
