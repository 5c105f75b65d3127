/**
 * Walks a case lawfully through its stages (issue 11 item 6), through the
 * same use cases an officer calls, with its own clock moving forward day by
 * day: whatever the stage checklist (packages/core/src/cases/checklist.ts)
 * still misses is made — the record drafted, signed or issued and served, the
 * recording stored, the decision-stage record written, the party's period
 * waited out. So a demo (or test) case is lawful by construction: what the
 * law puts first, comes first, on an earlier day.
 */
import {
  AppError,
  STAGE_REQUIREMENTS,
  getDocumentKind,
  sampleFields,
  stageChecklist,
  type CaseState,
  type DocumentKindSpec,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { chinaDate } from '../lib/time.js';
import { advanceInput, loadCaseContext, type CaseContext } from '../usecases/case-context.js';
import { advanceCaseStage, findCase, updateCaseFacts } from '../usecases/cases.js';
import { agencyCatalogue } from '../usecases/document-kinds.js';
import { createDocument, finalizeDocument } from '../usecases/documents.js';
import { recordService } from '../usecases/service.js';
import { assignReviewer, submitReview } from '../usecases/review.js';
import { decideReview } from '../usecases/review-decide.js';
import { samplePhoto } from './media-samples.js';
import { ingestBuffer } from './media.js';

const DAY = 86_400_000;
/** Each walk photo differs (a duplicate upload would answer with the earlier file). */
let photoSeed = 1000;

export interface WalkPeople {
  officer: ActorContext;
  officer2: ActorContext;
  head: ActorContext;
  reviewer?: ActorContext | undefined;
  certificates: [string, string];
}

const ALL_PASS = ['subjectLawful', 'officerQualified', 'withinAuthority', 'factsClear', 'evidenceSufficient', 'lawCorrect', 'discretionAppropriate', 'procedureLawful', 'documentsComplete', 'crimeTransfer', 'other'].map(
  (item) => ({ item, finding: 'pass' as const }),
) as Parameters<typeof decideReview>[3]['checklist'];

/** A China working morning (10:00) `days` after `from`. */
function morning(from: Date, days: number): Date {
  const d = chinaDate(new Date(from.getTime() + days * DAY));
  return new Date(`${d}T10:00:00+08:00`);
}

export class CaseWalk {
  t: Date;
  caseId = '';
  /** Values given to every document of the case (party, agency, facts …). */
  common: Record<string, unknown> = {};

  constructor(
    private readonly base: AppContext,
    start: Date,
    readonly people: WalkPeople,
  ) {
    this.t = morning(start, 0);
  }

  /** The use-case context at the walk's own time. */
  get ctx(): AppContext {
    const t = this.t;
    return { ...this.base, clock: { now: () => new Date(t) } };
  }

  get today(): string {
    return chinaDate(this.t);
  }

  /** Moves the walk on by `days` (never past the real now). */
  next(days = 1): void {
    const t = morning(this.t, days);
    const limit = this.base.clock.now();
    this.t = t > limit ? new Date(limit) : t;
  }

  async context(): Promise<CaseContext> {
    const row = await findCase(this.base, this.caseId);
    return loadCaseContext(this.base.db, row!);
  }

  /** Sample values of `kind` dated today, the officers and the case's common values, then `overrides`. */
  fields(kind: DocumentKindSpec, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const dated: Record<string, unknown> = {};
    for (const f of kind.fields) {
      if (f.type === 'date') dated[f.key] = this.today;
      if (f.type === 'dateTime') dated[f.key] = `${this.today}T09:00:00+08:00`;
    }
    if (kind.fields.some((f) => f.key === 'endAt')) dated.endAt = `${this.today}T10:00:00+08:00`;
    const officers = { officerNames: [this.people.officer.displayName, this.people.officer2.displayName], certificateNumbers: [...this.people.certificates], handlers: [this.people.officer.displayName, this.people.officer2.displayName] };
    const common = Object.fromEntries(Object.entries(this.common).filter(([k, v]) => v !== undefined && v !== '' && kind.fields.some((f) => f.key === k)));
    const out = sampleFields(kind, { ...dated, ...officers, ...common, ...overrides });
    for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
    return out;
  }

  /** Drafts a document of `kind`; then signs or issues it (its final status) unless `draft`; then serves it if it goes to the party. */
  async doc(kindKey: string, overrides: Record<string, unknown> = {}, opts: { draft?: boolean } = {}): Promise<string> {
    const c = await this.context();
    const kind = getDocumentKind(kindKey, agencyCatalogue(c.agency))!;
    const created = await createDocument(this.ctx, this.people.officer, this.caseId, { kind: kindKey, fields: this.fields(kind, overrides) });
    if (!opts.draft) await this.finalize(created.documentId, kind);
    return created.documentId;
  }

  async finalize(documentId: string, kind: DocumentKindSpec): Promise<void> {
    const who = kind.finalStatus === 'issued' ? this.people.head : this.people.officer;
    await finalizeDocument(this.ctx, who, this.caseId, documentId, { status: kind.finalStatus });
    if (kind.servedToParty) await this.serve(documentId);
  }

  /** 直接送达, received and signed today by the party's representative. */
  async serve(documentId: string): Promise<void> {
    await recordService(this.ctx, this.people.officer, this.caseId, {
      documentId,
      record: {
        method: 'direct',
        recipientName: String(this.common.legalRepresentative || this.common.partyName || '当事人'),
        recipientRole: 'legalRepresentative',
        recipientSigned: true,
        serverNames: [this.people.officer.displayName, this.people.officer2.displayName],
        serverSigned: true,
        receivedAt: this.today,
      },
    });
  }

  /** The legal review (REV-1): submit with the materials, assign, approve. */
  async legalReview(decisionId: string): Promise<void> {
    const c = await this.context();
    const byKind = (k: string) => c.documentRows.filter((d) => d.kind === k).map((d) => d.id);
    const evidence = c.documentRows.filter((d) => ['inspectionRecord', 'inquiryRecord', 'surveyRecord', 'samplingVoucher'].includes(d.kind)).map((d) => d.id);
    const review = await submitReview(this.ctx, this.people.officer, this.caseId, {
      materials: [
        { key: 'proposal', text: String(this.common.proposal ?? '建议依法给予行政处罚。') },
        { key: 'investigationReport', documentIds: byKind('investigationReport') },
        { key: 'draftDecision', documentIds: [decisionId] },
        { key: 'legalBasisAndEvidence', documentIds: evidence, text: String(this.common.legalBasis ?? '') },
      ],
    } as Parameters<typeof submitReview>[3]);
    if (!this.people.reviewer || !review.id) throw new Error('walk: a legal reviewer and a review are needed');
    const reviewId = review.id;
    await assignReviewer(this.ctx, this.people.head, reviewId, { reviewerId: this.people.reviewer.userId });
    this.next();
    await decideReview(this.ctx, this.people.reviewer, reviewId, { checklist: ALL_PASS, opinion: '主体合法、事实清楚、证据确凿、适用依据正确、程序合法、裁量适当，同意作出处罚决定。' });
  }

  /**
   * Makes whatever the current stage still misses, in table order, up to
   * (not including) the row `until`; periods are waited out a day at a time.
   */
  async fill(opts: { until?: string; skip?: readonly string[] } = {}): Promise<void> {
    let last = '';
    for (let guard = 0; guard < 40; guard++) {
      const c = await this.context();
      const stage = c.row.state === 'archived' ? 'archive' : c.row.state;
      const stopAt = opts.until ? STAGE_REQUIREMENTS.findIndex((r) => r.id === opts.until) : -1;
      const missing = stageChecklist(advanceInput(c, this.today), stage).filter((i) => {
        if (i.status !== 'missing' || opts.skip?.includes(i.id)) return false;
        const at = STAGE_REQUIREMENTS.findIndex((r) => r.id === i.id);
        return stopAt < 0 || at < 0 || at < stopAt;
      });
      if (missing.length === 0) return;
      last = missing.map((i) => `${stage}: ${i.id} ${i.label} ${i.reasons.join('；')}`).join(' | ') + ` (${this.today})`;
      // One recording covers every AV situation still open in the stage.
      const av = missing.filter((i) => i.id.startsWith('av.'));
      if (av.length) {
        await this.record(c, av.map((i) => i.id.split('.')[2]!));
        continue;
      }
      // A period: wait until the day after its last day (named in the reason), else a day.
      const period = missing.find((i) => i.kind === 'period');
      const first = missing[0]!;
      if (first.kind === 'period' || (period && missing.every((i) => i.kind === 'period'))) {
        const due = (period ?? first).reasons.join('').match(/(\d{4}-\d{2}-\d{2}) 前/)?.[1];
        const days = due ? Math.max(1, Math.round((new Date(`${due}T10:00:00+08:00`).getTime() - this.t.getTime()) / DAY) + 1) : 1;
        this.next(days);
        continue;
      }
      await this.satisfy(c, first.id, first.kind);
    }
    throw new Error(`walk: the checklist does not close — ${last}`);
  }

  /** One photo recording the situations (REC-6, REC-7). */
  private async record(c: CaseContext, situations: string[]): Promise<void> {
    const at = (h: number) => new Date(this.t.getTime() - h * 3600_000).toISOString();
    await ingestBuffer(this.ctx, this.people.officer, this.caseId, { filename: `执法过程-${this.today}-${photoSeed}.png`, mimeType: 'image/png', bytes: samplePhoto(photoSeed++) }, {
      place: String(this.common.partyAddress ?? '现场'),
      officerIds: [this.people.officer.userId, this.people.officer2.userId],
      stage: c.row.state === 'archived' ? 'archive' : c.row.state,
      recordedStart: at(1),
      recordedEnd: at(1),
      deviceLabel: '执法记录仪拍照',
      contentNotes: '执法过程照片。',
      situations,
    } as Parameters<typeof ingestBuffer>[4]);
  }

  private async satisfy(c: CaseContext, id: string, kind: string): Promise<void> {
    if (kind === 'period') {
      this.next();
      return;
    }
    const row = STAGE_REQUIREMENTS.find((r) => r.id === id);
    if (!row) throw new Error(`walk: unknown row ${id}`);
    const need = row.need;
    const catalogue = agencyCatalogue(c.agency);
    if (need.type === 'document') {
      const kindKey = need.anyOf[0]!.kind;
      // An alternative that counts only with a field (a 告知书 stating hearing rights) is not completed here: the first kind is made.
      const existing = c.documentRows.find((d) => need.anyOf.some((a) => a.kind === d.kind && !a.whenField));
      if (existing) {
        const versions = c.versionRows.filter((v) => v.documentId === existing.id).sort((a, b) => b.version - a.version);
        const spec = getDocumentKind(existing.kind, catalogue)!;
        if (versions[0]?.status === 'draft') await this.finalize(existing.id, spec);
        else if (spec.servedToParty) await this.serve(existing.id);
        else throw new Error(`walk: ${id} not satisfied by ${existing.kind}`);
        return;
      }
      await this.doc(kindKey);
      return;
    }
    if (need.type === 'decisionRecord') {
      const names = [this.people.officer.displayName, this.people.officer2.displayName];
      const records = {
        handlerOpinion: { by: names, at: this.today, facts: String(this.common.facts ?? '违法事实清楚'), evidence: ['现场检查笔录', '询问笔录', '监测报告'], legalBasis: String(this.common.legalBasis ?? ''), discretionRule: String(this.common.discretionRule ?? '本机关行政处罚裁量基准'), proposal: String(this.common.proposal ?? '依法给予行政处罚') },
        unitReview: { reviewer: '执法支队队长', at: this.today, opinion: '事实清楚，证据确凿，同意承办人意见。', agreed: true },
        approval: { approver: this.people.head.displayName, at: this.today, opinion: '同意。', approved: true },
      } as const;
      if (need.part === 'collectiveDiscussion') {
        const documentId = await this.doc('collectiveDiscussionRecord');
        await updateCaseFacts(this.ctx, this.people.officer, this.caseId, { decisionRecords: { collectiveDiscussion: { documentId, at: this.today, conclusion: '同意承办人意见' } } });
        return;
      }
      if (need.part === 'legalReview') throw new Error('walk: the legal review runs with the draft decision (decide)');
      await updateCaseFacts(this.ctx, this.people.officer, this.caseId, { decisionRecords: { [need.part]: records[need.part] } });
      return;
    }
    if (need.type === 'flag') {
      await updateCaseFacts(this.ctx, this.people.officer, this.caseId, { flags: { [need.flag]: true } });
      return;
    }
    if (need.type === 'allIssuedServed') {
      for (const d of c.documentRows) {
        const spec = getDocumentKind(d.kind, catalogue);
        const v = c.versionRows.filter((x) => x.documentId === d.id).sort((a, b) => b.version - a.version)[0];
        if (spec?.servedToParty && v?.status === 'issued' && !c.serviceRows.some((s) => s.documentId === d.id)) await this.serve(d.id);
      }
      return;
    }
    throw new Error(`walk: cannot make ${id} (${kind})`);
  }

  /** Fills the current stage and moves the case on, a day later. */
  async advance(): Promise<void> {
    await this.fill();
    await advanceCaseStage(this.ctx, this.people.officer, this.caseId);
    this.next();
  }

  /** Walks to `state`, filling every stage before it. */
  async walkTo(state: CaseState): Promise<void> {
    const order: CaseState[] = ['initiation', 'investigation', 'decision', 'serviceExecution', 'archive', 'archived'];
    for (;;) {
      const c = await this.context();
      if (order.indexOf(c.row.state) >= order.indexOf(state)) return;
      await this.advance();
    }
  }

  /**
   * The decision of the case: drafted, the legal review run when the gate asks
   * for it, then issued and (unless `serve: false`) served the next day.
   */
  async decide(kindKey: string, overrides: Record<string, unknown>, opts: { serve?: boolean; until?: string | undefined; reviewFirst?: boolean } = {}): Promise<string> {
    const until = opts.until ?? (kindKey === 'penaltyDecision' ? 'penalty.decision.penaltyDecision' : undefined);
    // A major decision (REV-1): the legal review of the draft comes before the head's approval (SX19-L 5; 行政处罚法 第五十八条).
    await this.fill({ until: opts.reviewFirst ? 'all.decision.legalReview' : until });
    // The issue date is the day it is issued (finalizeDocument), not the day of the draft.
    const documentId = await this.doc(kindKey, { ...overrides, issueDate: undefined }, { draft: true });
    const c = await this.context();
    const kind = getDocumentKind(kindKey, agencyCatalogue(c.agency))!;
    if (opts.reviewFirst) {
      await this.legalReview(documentId);
      this.next();
      await this.fill({ until });
    }
    try {
      await finalizeDocument(this.ctx, this.people.head, this.caseId, documentId, { status: kind.finalStatus });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'review.gate_closed') throw e;
      await this.legalReview(documentId);
      this.next();
      await finalizeDocument(this.ctx, this.people.head, this.caseId, documentId, { status: kind.finalStatus });
    }
    if (kind.servedToParty && opts.serve !== false) {
      this.next();
      await this.serve(documentId);
    }
    return documentId;
  }
}
