/**
 * Cases (执法全过程记录 — 文字记录): file a case with a gap-free 案号, add
 * handlers with valid certificates, record facts and measures, and move it
 * through 启动 → 调查取证 → 审核决定 → 送达执行 → 归档 only when the stage's
 * records are complete (REC-3..REC-5). Every change is a case event and an
 * audit event in the same transaction.
 */
import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  ACTION_TYPE_INFO,
  AppError,
  CASE_STAGE_LABELS,
  allows,
  advanceCase as advanceDomain,
  caseDeadlines,
  caseNumberScope,
  caseStateLabel,
  checkCaseSource,
  checkCaseWritable,
  checkHandlers,
  handlerProblem,
  nextLawfulStep,
  currentDocuments,
  formatCaseNumber,
  getDocumentKind,
  stageChecklist,
  type ActionType,
  type CaseDates,
  type CaseMeasureKey,
  type CaseSource,
  type CaseState,
  type DecisionStageRecords,
  type ProposedPenalty,
  type CaseSnapshot,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { caseEvents, caseHandlers, cases, parties, users } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize, relationTo, scopeWhere } from './authorize.js';
import { advanceInput, loadCaseContext, loadHandlers, type CaseContext, type CaseRow } from './case-context.js';
import { findAgency } from './agencies.js';
import { nextNumber } from './numbering.js';
import { agencyCatalogue } from './document-kinds.js';
import { findParty, missingText, presentParty } from './parties.js';
import { dailyPenaltyView } from './procedure/daily-penalty.js';

const scopeOf = (c: CaseRow) => ({ agencyId: c.agencyId, agencyPath: c.agencyPath });

export async function findCase(ctx: AppContext, id: string): Promise<CaseRow | undefined> {
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, id));
  return c;
}

/** Loads a case the actor may read, or 404. */
export async function loadReadableCase(ctx: AppContext, actor: ActorContext, id: string): Promise<CaseRow> {
  const c = await findCase(ctx, id);
  if (!c) throw new AppError('not_found');
  authorize(actor, 'case.read', scopeOf(c), 'case.read');
  return c;
}

/**
 * Officers change only cases they handle; unit and agency heads any case of
 * their agency. Archived cases accept nothing (REC-16).
 */
export async function requireCaseWriter(ctx: AppContext, actor: ActorContext, c: CaseRow, action: 'case.update' | 'case.advance' | 'document.write' | 'service.record'): Promise<void> {
  authorize(actor, action, scopeOf(c), 'case.read');
  const writable = checkCaseWritable(c.state);
  if (!writable.ok) throw new AppError('case.archived');
  if (actor.roles.includes('unitHead') || actor.roles.includes('agencyHead')) return;
  const [h] = await ctx.db.select().from(caseHandlers).where(and(eq(caseHandlers.caseId, c.id), eq(caseHandlers.userId, actor.userId)));
  if (!h) throw new AppError('forbidden', {}, 'officer is not a handler of this case');
}

export async function caseEvent(tx: Tx, c: Pick<CaseRow, 'id' | 'agencyId' | 'agencyPath'>, actor: ActorContext, at: Date, kind: string, detail: Record<string, unknown> = {}, states?: { from: CaseState; to: CaseState }) {
  await tx.insert(caseEvents).values({ caseId: c.id, at, actorId: actor.userId, actorName: actor.displayName, kind, fromState: states?.from ?? null, toState: states?.to ?? null, detail });
  await recordAudit(tx, { at, actor, action: `case.${kind}`, object: { type: 'case', id: c.id, agencyId: c.agencyId, agencyPath: c.agencyPath }, detail });
}

export interface NewCaseInput {
  actionType: ActionType;
  source: CaseSource;
  title: string;
  partyId?: string | undefined;
  handlerIds: string[];
  discoveryDate?: string | undefined;
  measures?: CaseMeasureKey[] | undefined;
}

/** REC-3: files a case (立案/受理) with its 案号 and at least two handlers with valid certificates (ORG-2, DUR-1). */
export async function createCase(ctx: AppContext, actor: ActorContext, input: NewCaseInput): Promise<CaseRow> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const agency = await findAgency(ctx.db, actor.agencyId);
  if (!agency) throw new AppError('not_found');
  authorize(actor, 'case.create', { agencyId: agency.id, agencyPath: agency.path }, 'case.read');
  const source = checkCaseSource(input.actionType, input.source);
  if (!source.ok) throw new AppError('case.source_invalid', { detail: missingText(source.missing) });
  if (input.partyId) {
    const p = await findParty(ctx.db, input.partyId);
    if (!p || relationTo(actor, { agencyId: p.agencyId, agencyPath: p.agencyPath }) !== 'own') throw new AppError('not_found');
  }
  const handlerIds = [...new Set(input.handlerIds)];
  const officers = handlerIds.length ? await ctx.db.select({ id: users.id, agencyId: users.agencyId }).from(users).where(inArray(users.id, handlerIds)) : [];
  if (officers.length !== handlerIds.length || officers.some((o) => o.agencyId !== agency.id)) {
    throw new AppError('case.handlers_invalid', { detail: '承办人员须为本机关的执法人员' });
  }
  const id = newId();
  const year = Number(today.slice(0, 4));
  return ctx.db.transaction(async (tx) => {
    const seq = await nextNumber(tx, caseNumberScope(agency.id, input.actionType, year));
    const number = formatCaseNumber({ agencyCode: agency.numberCode || agency.shortName || agency.name, typeCode: ACTION_TYPE_INFO[input.actionType].code, year, sequence: seq });
    if (!number.ok) throw new AppError('numbering.template_invalid', { detail: missingText(number.missing) });
    const dates: CaseDates = { filingDate: today, ...(input.discoveryDate ? { discoveryDate: input.discoveryDate } : {}) };
    const [row] = await tx
      .insert(cases)
      .values({
        id,
        agencyId: agency.id,
        agencyPath: agency.path,
        caseNumber: number.value,
        numberYear: year,
        numberSeq: seq,
        actionType: input.actionType,
        source: input.source,
        title: input.title,
        state: 'initiation',
        partyId: input.partyId ?? null,
        measures: input.measures ?? [],
        dates,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      })
      .returning();
    for (const [i, uid] of handlerIds.entries()) {
      await tx.insert(caseHandlers).values({ caseId: id, userId: uid, lead: i === 0, addedAt: now, addedBy: actor.userId });
    }
    // Two handlers with valid certificates as of today (ORG-2 · SX19-L 11(一); DUR-1 · SX25-P 11).
    const handlers = await loadHandlers(tx, id);
    const check = checkHandlers(handlers, today);
    if (!check.ok) throw new AppError('case.handlers_invalid', { detail: missingText(check.missing) });
    await caseEvent(tx, row!, actor, now, 'create', { caseNumber: number.value, actionType: input.actionType, handlers: handlerIds });
    return row!;
  });
}

export interface CaseListFilter {
  state?: CaseState | undefined;
  actionType?: ActionType | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listCases(ctx: AppContext, actor: ActorContext, f: CaseListFilter) {
  const conds: SQL[] = [scopeWhere(actor, 'case.read', cases.agencyPath)];
  if (f.state) conds.push(eq(cases.state, f.state));
  if (f.actionType) conds.push(eq(cases.actionType, f.actionType));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
    conds.push(or(ilike(cases.title, like), ilike(cases.caseNumber, like), ilike(parties.name, like))!);
  }
  const where = and(...conds);
  const rows = await ctx.db
    .select({ c: cases, partyName: parties.name })
    .from(cases)
    .leftJoin(parties, eq(parties.id, cases.partyId))
    .where(where)
    .orderBy(desc(cases.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(cases).leftJoin(parties, eq(parties.id, cases.partyId)).where(where);
  const today = chinaDate(ctx.clock.now());
  const items = [];
  for (const r of rows) {
    const c = await loadCaseContext(ctx.db, r.c);
    const deadlines = safeDeadlines(c, today);
    items.push({
      id: r.c.id,
      caseNumber: r.c.caseNumber,
      title: r.c.title,
      actionType: r.c.actionType,
      actionTypeLabel: ACTION_TYPE_INFO[r.c.actionType].label,
      state: r.c.state,
      stateLabel: caseStateLabel(r.c.state),
      partyName: r.partyName,
      agencyId: r.c.agencyId,
      createdAt: r.c.createdAt.toISOString(),
      // The most urgent open deadline, for the list's badge.
      nextDeadline: deadlines.find((d) => d.status === 'overdue') ?? deadlines.find((d) => d.status === 'dueSoon') ?? deadlines.find((d) => d.status === 'onTime') ?? null,
    });
  }
  return { total: total?.n ?? 0, page: f.page, pageSize: f.pageSize, items };
}

function safeDeadlines(c: CaseContext, today: string) {
  try {
    return caseDeadlines({
      actionType: c.row.actionType,
      summaryProcedure: c.row.flags.summaryProcedure ?? false,
      measures: c.row.measures,
      dates: c.row.dates,
      profile: c.profile,
      calendar: c.calendar,
      today,
    }).map((d) => ({
      key: d.key,
      label: d.label,
      due: d.due,
      dueWithMaxExtension: d.dueWithMaxExtension ?? null,
      basis: d.basis,
      status: d.status,
      stages: [...d.stages],
      warnings: d.warnings,
      // NAT-21: 暂定 — the due date counts days of a year without the State Council's notice.
      provisional: d.provisional === true,
      provisionalReason: d.provisionalReason ?? null,
      from: d.from,
      anchorLabel: d.anchorLabel,
      // NAT-3: the limit as the profile sets it and the approved extensions (who, when, why).
      period: d.period ?? null,
      extensions: (d.extensions ?? []).map((e) => ({ amount: e.amount, approvedBy: e.approvedBy, approvedAt: e.approvedAt, reason: e.reason ?? null })),
    }));
  } catch (e) {
    if (e instanceof AppError && e.code === 'calendar.year_missing') {
      return [{ key: 'calendar', label: '期限计算', due: null, dueWithMaxExtension: null, basis: e.userMessage, status: 'unknown' as const, stages: [], warnings: [e.userMessage], provisional: false, provisionalReason: null, from: null, anchorLabel: null, period: null, extensions: [] }];
    }
    throw e;
  }
}

/** The case page: facts, handlers, documents, timeline, the stage checklist and deadlines, and what the actor may do. */
export async function getCaseView(ctx: AppContext, actor: ActorContext, id: string) {
  const row = await loadReadableCase(ctx, actor, id);
  return presentCase(ctx, actor, await loadCaseContext(ctx.db, row));
}

export async function presentCase(ctx: AppContext, actor: ActorContext, c: CaseContext) {
  const today = chinaDate(ctx.clock.now());
  const party = c.row.partyId ? await findParty(ctx.db, c.row.partyId) : undefined;
  const events = await ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.row.id)).orderBy(caseEvents.id);
  const rel = relationTo(actor, scopeOf(c.row));
  const isHandler = c.handlers.some((h) => h.id === actor.userId);
  const head = actor.roles.includes('unitHead') || actor.roles.includes('agencyHead');
  const writable = c.row.state !== 'archived';
  const canWrite = (a: 'case.update' | 'case.advance' | 'document.write' | 'service.record') => writable && allows(actor, a, rel) && (head || isHandler);
  const input = advanceInput(c, today);
  const checklist = c.row.state === 'archived' ? [] : stageChecklist(input);
  const current = currentDocuments(c.snapshot.documents ?? []);
  const docRows = new Map(c.documentRows.map((d) => [d.id, d]));
  const versionRow = new Map(c.versionRows.map((v) => [v.id, v]));
  return {
    id: c.row.id,
    agencyId: c.row.agencyId,
    agencyName: c.agency.name,
    profileId: c.profile.id,
    caseNumber: c.row.caseNumber,
    title: c.row.title,
    actionType: c.row.actionType,
    actionTypeLabel: ACTION_TYPE_INFO[c.row.actionType].label,
    source: c.row.source,
    state: c.row.state,
    stateLabel: caseStateLabel(c.row.state),
    stages: Object.entries(CASE_STAGE_LABELS).map(([key, label]) => ({ key, label })),
    party: party ? presentParty(party) : null,
    handlers: c.handlers.map((h) => ({ id: h.id, name: h.name, lead: h.lead, certificateNumber: h.certificate?.number ?? null, certificateValidTo: h.certificate?.validTo ?? null })),
    measures: c.row.measures,
    flags: c.row.flags,
    dates: c.row.dates,
    proposedPenalty: c.row.proposedPenalty,
    decisionRecords: c.row.decisionRecords,
    documents: current.map((d) => {
      const v = versionRow.get(d.id)!;
      const kind = getDocumentKind(d.kind, agencyCatalogue(c.agency));
      return {
        documentId: d.documentId ?? d.id,
        versionId: d.id,
        kind: d.kind,
        kindName: kind?.name ?? d.kind,
        recordNumber: docRows.get(d.documentId ?? d.id)?.recordNumber ?? '',
        version: d.version ?? 1,
        status: d.status,
        docNumber: v.docNumber,
        updatedAt: (v.finalizedAt ?? v.createdAt).toISOString(),
      };
    }),
    services: c.serviceRows.map((s) => ({ id: s.id, documentId: s.documentId, method: s.method, counts: s.counts, servedOn: s.servedOn, createdAt: s.createdAt.toISOString() })),
    checklist,
    // Issue 11 item 4: the first missing step of the stage (or moving on), with its citation by full title.
    nextStep: nextLawfulStep(input, checklist),
    deadlines: safeDeadlines(c, today),
    // NAT-11: a 按日连续处罚 case shows its computation (days, amount and the dates they come from).
    dailyPenalty: await dailyPenaltyView(ctx.db, c),
    timeline: events.map((e) => ({ id: e.id, at: e.at.toISOString(), actorName: e.actorName, kind: e.kind, fromState: e.fromState, toState: e.toState, detail: e.detail })),
    abilities: {
      update: canWrite('case.update'),
      advance: canWrite('case.advance'),
      writeDocument: canWrite('document.write'),
      issueDocument: writable && allows(actor, 'document.issue', rel),
      recordService: canWrite('service.record'),
      // NAT-3 · 生态环境行政处罚办法 第五十七条: the head approves an extension of the decision limit.
      extendDeadline: writable && c.row.actionType === 'penalty' && !c.row.dates.decisionDate && allows(actor, 'case.extendDeadline', rel),
    },
  };
}

export interface CaseFactsPatch {
  title?: string | undefined;
  partyId?: string | null | undefined;
  measures?: CaseMeasureKey[] | undefined;
  flags?: CaseSnapshot['flags'] | undefined;
  dates?: CaseDates | undefined;
  proposedPenalty?: ProposedPenalty | null | undefined;
  decisionRecords?: DecisionStageRecords | undefined;
}

/** Records facts of the case (measures taken, flags, dates, proposed penalty, decision-stage records). */
export async function updateCaseFacts(ctx: AppContext, actor: ActorContext, id: string, patch: CaseFactsPatch) {
  const now = ctx.clock.now();
  const row = await loadReadableCase(ctx, actor, id);
  await requireCaseWriter(ctx, actor, row, 'case.update');
  if (patch.partyId) {
    const p = await findParty(ctx.db, patch.partyId);
    if (!p || relationTo(actor, { agencyId: p.agencyId, agencyPath: p.agencyPath }) !== 'own') throw new AppError('not_found');
  }
  const values: Partial<typeof cases.$inferInsert> = { updatedAt: now };
  if (patch.title !== undefined) values.title = patch.title;
  if (patch.partyId !== undefined) values.partyId = patch.partyId;
  if (patch.measures !== undefined) values.measures = [...new Set(patch.measures)];
  // null clears a flag or a date (e.g. resetting a hearing-right override).
  if (patch.flags !== undefined) {
    // NAT-11: the link to the original penalty case is made by its own use case (procedure/daily-penalty.ts), never patched.
    const { dailyPenaltyOf: _linkedElsewhere, ...flags } = patch.flags;
    values.flags = withoutNulls({ ...row.flags, ...flags, ...(row.flags.dailyPenaltyOf ? { dailyPenaltyOf: row.flags.dailyPenaltyOf } : {}) });
  }
  if (patch.dates !== undefined) {
    // NAT-3: extensions of the decision limit are approved by the head (procedure/extend-decision-limit.ts), never patched in.
    // NAT-11: the 责令改正 service and the 复查 come from their documents, never patched in.
    const { penaltyExtensions: _approvedElsewhere, correctionServedOn: _served, reinspectedOn: _reinspected, ...dates } = patch.dates;
    values.dates = withoutNulls({ ...row.dates, ...dates, filingDate: row.dates.filingDate ?? patch.dates.filingDate });
  }
  if (patch.proposedPenalty !== undefined) values.proposedPenalty = patch.proposedPenalty;
  if (patch.decisionRecords !== undefined) {
    // REV-1: the legal-review link is written only by the review module, from the latest round.
    const { legalReview: _ignored, ...rest } = patch.decisionRecords;
    values.decisionRecords = { ...row.decisionRecords, ...rest };
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(cases).set(values).where(eq(cases.id, id));
    await caseEvent(tx, row, actor, now, 'update', { changed: Object.keys(patch), before: pick(row, Object.keys(patch)), after: patch });
  });
  return getCaseView(ctx, actor, id);
}

function withoutNulls<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

function pick(row: CaseRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (row as unknown as Record<string, unknown>)[k]]));
}

/** Adds a handler; the certificate must be valid today (ORG-2). */
export async function addHandler(ctx: AppContext, actor: ActorContext, id: string, userId: string) {
  const now = ctx.clock.now();
  const row = await loadReadableCase(ctx, actor, id);
  await requireCaseWriter(ctx, actor, row, 'case.update');
  const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!u || u.agencyId !== row.agencyId) throw new AppError('case.handlers_invalid', { detail: '承办人员须为本机关的执法人员' });
  await ctx.db.transaction(async (tx) => {
    await tx.insert(caseHandlers).values({ caseId: id, userId, lead: false, addedAt: now, addedBy: actor.userId }).onConflictDoNothing();
    const added = (await loadHandlers(tx, id)).find((h) => h.id === userId)!;
    const problem = handlerProblem(added, chinaDate(now));
    if (problem) throw new AppError('case.handlers_invalid', { detail: `${added.name}：${problem}` });
    await caseEvent(tx, row, actor, now, 'addHandler', { userId, name: u.displayName });
  });
  return getCaseView(ctx, actor, id);
}

/** REC-3..REC-5: moves the case to its next stage, or 409 with everything missing. */
export async function advanceCaseStage(ctx: AppContext, actor: ActorContext, id: string) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const row = await loadReadableCase(ctx, actor, id);
  await requireCaseWriter(ctx, actor, row, 'case.advance');
  await ctx.db.transaction(async (tx) => {
    // Re-read under a row lock: two officers advancing at once do not both pass the gate.
    await tx.execute(sql`SELECT id FROM cases WHERE id = ${id} FOR UPDATE`);
    const [fresh] = await tx.select().from(cases).where(eq(cases.id, id));
    const c = await loadCaseContext(tx, fresh!);
    const result = advanceDomain(advanceInput(c, today), { id: actor.userId, name: actor.displayName }, now.toISOString());
    if (!result.ok) {
      throw new AppError('case.stage_incomplete', { missing: result.missing.map((m) => `${m.label}（${m.reason}）`), details: result.missing });
    }
    const { from, to } = result.transition;
    const values: Partial<typeof cases.$inferInsert> = { state: to, updatedAt: now };
    if (to === 'archived') {
      values.archivedAt = now;
      values.dates = { ...fresh!.dates, archivedOn: today };
    }
    await tx.update(cases).set(values).where(eq(cases.id, id));
    await caseEvent(tx, fresh!, actor, now, to === 'archived' ? 'archive' : 'advance', { from, to }, { from, to });
  });
  return getCaseView(ctx, actor, id);
}
