/**
 * Ex-post disclosure (事后公开): the publication of decisions, from the draft
 * made when a decision is issued to the portal, withholding, withdrawal and
 * expiry. The rules are pure (core disclosure/): the transition table
 * (workflow.ts), redaction and the leak guard (redaction.ts), withholding
 * (withholding.ts), deadlines and windows (schedule.ts); this file gathers
 * their facts and stores what they decide, in one transaction with the audit
 * event and, for what goes online or comes off, a leaf of the integrity log.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import {
  canonicalJson,
  AppError,
  PUBLICATION_STATUS_LABELS,
  PUBLISHABLE_KINDS,
  WITHHOLDING_REASON_LABELS,
  applyOverrides,
  checkPublication,
  draftPublication,
  dueStatus,
  knownValuesFromDocuments,
  publicationFields,
  publicationSchedule,
  provisionalMark,
  publicationTransition,
  publishGate,
  publishableKind,
  redact,
  resolveProfile,
  searchGrams,
  searchText,
  sensitiveLeaks,
  violationSeverity,
  withdrawalSchedule,
  withholdingReasons,
  type ActionType,
  type Party,
  type PublicationAction,
  type PublicationStatus,
  type LiftedMask,
  type RedactionOverride,
  type RedactionSources,
  type ResolvedProfile,
  type WithholdingReasonKey,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx, Tx } from '../db/client.js';
import {
  agencies,
  caseHandlers,
  cases,
  users,
  documentVersions,
  documents,
  parties,
  publicationEvents,
  publicationVersions,
  publications,
  reviewRounds,
  type PublicContent,
  type RedactedField,
  type WithdrawalRecord,
  type WithholdingRecord,
} from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize, scopeWhere } from './authorize.js';
import { loadCalendar } from './calendar.js';
import { agencyCatalogue } from './document-kinds.js';
import { appendLeaf } from './integrity-log.js';
import { sealWhere } from './integrity-seal/seal.js';
import { gateProblems, jiebaTagger, reviewPublicText, type PublicTextReview } from './public-text/gate.js';
import { currentWithholding, liftConsentProblems, withdrawOnNewReason } from './public-text/withholding.js';

export type PublicationRow = typeof publications.$inferSelect;
type AgencyRow = typeof agencies.$inferSelect;

const profileOf = (a: Pick<AgencyRow, 'profileId' | 'profileOverrides'>): ResolvedProfile => resolveProfile(a.profileId, a.profileOverrides);

// ---------------------------------------------------------------------------
// facts

/** PUB-4: what redaction knows of the case — the party, every person and identifier in its documents. */
export async function redactionSourcesFor(db: DbOrTx, p: Pick<PublicationRow, 'caseId' | 'agencyName' | 'decisionNumber'>, agency: AgencyRow): Promise<RedactionSources> {
  // issue 13: names by word segmentation (jieba); the officers of the case are public (ORG-2)
  const sources: RedactionSources = { profile: profileOf(agency).id, public: [p.agencyName, p.decisionNumber].filter((s) => s.length > 0), tagger: jiebaTagger() };
  if (!p.caseId) return sources;
  const officers = await db.select({ name: users.displayName }).from(caseHandlers).innerJoin(users, eq(users.id, caseHandlers.userId)).where(eq(caseHandlers.caseId, p.caseId));
  sources.public = [...(sources.public ?? []), ...officers.map((o) => o.name).filter((n) => n.trim().length >= 2)];
  const [c] = await db.select().from(cases).where(eq(cases.id, p.caseId));
  if (c?.partyId) {
    const [row] = await db.select().from(parties).where(eq(parties.id, c.partyId));
    if (row) {
      const party: Party = {
        kind: row.kind,
        name: row.name,
        minor: row.minor,
        address: row.address,
        ...(row.idType ? { idType: row.idType as Party['idType'] } : {}),
        ...(row.idNumber ? { idNumber: row.idNumber } : {}),
        ...(row.creditCode ? { creditCode: row.creditCode } : {}),
        ...(row.legalRepresentative ? { legalRepresentative: row.legalRepresentative as Party['legalRepresentative'] } : {}),
        ...(row.operator ? { operator: row.operator as Party['operator'] } : {}),
        contacts: (row.contacts ?? []) as Party['contacts'],
      };
      sources.parties = [party];
    }
  }
  const docs = await db
    .select({ kind: documents.kind, fields: documentVersions.fields })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(eq(documentVersions.caseId, p.caseId));
  sources.known = knownValuesFromDocuments(docs, agencyCatalogue(agency));
  return sources;
}

/** Redacts every field and the full text, applying the clerk's overrides (PUB-4). */
function redactAll(fields: Record<string, string>, fullText: string, sources: RedactionSources, overrides: Record<string, RedactionOverride[]>, profile: ResolvedProfile): Record<string, RedactedField> {
  const out: Record<string, RedactedField> = {};
  const one = (key: string, text: string) => {
    const base = redact(text, sources);
    const r = overrides[key]?.length ? applyOverrides(base, overrides[key], { profile: profile.id }) : base;
    out[key] = { text: r.text, masks: r.masks, lifted: r.lifted, suspects: r.suspects, dismissed: r.dismissed };
  };
  for (const [k, v] of Object.entries(fields)) one(k, v);
  one('fullText', fullText);
  return out;
}

/** Whether the case had a legal review and whether it passed (PUB-1 · GS-P 14). */
async function legalReviewOf(db: DbOrTx, caseId: string | null): Promise<{ had: boolean; passed: boolean }> {
  if (!caseId) return { had: false, passed: false };
  const [latest] = await db.select().from(reviewRounds).where(eq(reviewRounds.caseId, caseId)).orderBy(desc(reviewRounds.round)).limit(1);
  if (!latest) return { had: false, passed: false };
  return { had: true, passed: latest.outcome === 'approve' || latest.status === 'headDecided' };
}

async function event(tx: Tx, p: PublicationRow, actor: ActorContext | null, at: Date, kind: string, to: PublicationStatus, extra: { comment?: string; version?: number; detail?: Record<string, unknown> } = {}) {
  await tx.insert(publicationEvents).values({
    publicationId: p.id,
    kind,
    fromStatus: p.status,
    toStatus: to,
    version: extra.version ?? p.currentVersion,
    comment: extra.comment ?? '',
    detail: extra.detail ?? {},
    actorId: actor?.userId ?? null,
    actorName: actor?.displayName ?? '系统',
    at,
  });
  await recordAudit(tx, {
    at,
    actor,
    action: `publication.${kind}`,
    object: { type: 'publication', id: p.id, agencyId: p.agencyId, agencyPath: p.agencyPath },
    detail: { from: p.status, to, ...(extra.comment ? { comment: extra.comment } : {}) },
  });
}

function transition(p: PublicationRow, action: PublicationAction): PublicationStatus {
  const t = publicationTransition(p.status, action);
  if (!t.ok) throw new AppError('publication.transition_invalid', { detail: t.reason });
  return t.to;
}

// ---------------------------------------------------------------------------
// the draft (PUB-2)

export interface DecisionIssued {
  caseRow: typeof cases.$inferSelect;
  agency: AgencyRow;
  documentId: string;
  kind: string;
  fields: Record<string, unknown>;
  actor: ActorContext;
  now: Date;
}

/**
 * PUB-2 · SX25-P 14, GS-P 15: a publication draft is made when a decision is
 * issued, with its due date; PUB-5: automatically withheld for a minor party
 * or a case transferred to the police. Called inside the issuing transaction.
 */
export async function startPublication(tx: Tx, d: DecisionIssued): Promise<PublicationRow | null> {
  const actionType = publishableKind(d.kind, d.caseRow.actionType as ActionType);
  if (!actionType) return null;
  const [existing] = await tx.select().from(publications).where(eq(publications.documentId, d.documentId));
  if (existing) return existing;
  const today = chinaDate(d.now);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const decisionDate = str(d.fields.issueDate) || str(d.fields.startAt).slice(0, 10) || today;
  const decisionNumber = str(d.fields.documentNumber);
  const profile = profileOf(d.agency);
  const calendar = await loadCalendar(tx);
  const review = await legalReviewOf(tx, d.caseRow.id);
  const major = d.caseRow.flags.majorDecision === true || review.had;
  const severity = violationSeverity({ majorLegalReview: major, judgedSerious: (d.caseRow.flags as { judgedSerious?: boolean }).judgedSerious === true });
  const schedule = publicationSchedule({ profile, calendar, actionType, decisionDate, severity });
  const draft = draftPublication({ kind: d.kind, actionType, fields: d.fields, agencyName: d.agency.name, decisionDate, decisionNumber, profile: profile.id });
  const row: PublicationRow = {
    id: newId(),
    caseId: d.caseRow.id,
    documentId: d.documentId,
    agencyId: d.agency.id,
    agencyPath: d.agency.path,
    agencyName: d.agency.name,
    actionType,
    decisionKind: d.kind,
    decisionNumber,
    decisionDate,
    severity,
    majorDecision: major,
    status: 'draft',
    publishBy: schedule.publishBy,
    online: false,
    currentVersion: 1,
    publishedVersion: null,
    firstPublishedOn: null,
    publishedAt: null,
    removeNotBefore: null,
    removeBy: null,
    publicTitle: null,
    publicParty: null,
    publicContent: null,
    searchGrams: [],
    searchText: '',
    withholding: null,
    withdrawal: null,
    createdAt: d.now,
    createdBy: d.actor.userId,
    updatedAt: d.now,
  };
  await tx.insert(publications).values(row);
  const sources = await redactionSourcesFor(tx, row, d.agency);
  await tx.insert(publicationVersions).values({
    id: newId(),
    publicationId: row.id,
    version: 1,
    form: draft.form,
    fields: draft.fields,
    fullText: draft.fullText,
    overrides: {},
    redacted: redactAll(draft.fields, draft.fullText, sources, {}, profile),
    note: '根据决定文书自动生成',
    createdAt: d.now,
    createdBy: d.actor.userId,
    createdByName: d.actor.displayName,
  });
  await sealWhere(tx, 'publication_versions', and(eq(publicationVersions.publicationId, row.id), eq(publicationVersions.version, 1)), { at: d.now, caseId: row.caseId, agencyPath: row.agencyPath });
  await event(tx, { ...row, status: 'draft', currentVersion: 0 } as PublicationRow, d.actor, d.now, 'create', 'draft', { version: 1, detail: { publishBy: schedule.publishBy } });

  // PUB-5: minors and police transfers are withheld without a request.
  const partyRows = d.caseRow.partyId ? await tx.select().from(parties).where(eq(parties.id, d.caseRow.partyId)) : [];
  const flags = d.caseRow.flags as { transferredToPolice?: boolean; underPoliceInvestigation?: boolean };
  const reasons = withholdingReasons({
    profile: profile.id,
    parties: partyRows.map((p) => ({ kind: p.kind, minor: p.minor })),
    transferredToPolice: flags.transferredToPolice === true,
    underPoliceInvestigation: flags.underPoliceInvestigation === true,
  });
  const auto = reasons.find((r) => r.automatic);
  if (auto) {
    const withholding: WithholdingRecord = { reason: auto.key, note: auto.basis, automatic: true, requestedBy: '系统', requestedOn: today };
    await tx.update(publications).set({ status: 'withheld', withholding, updatedAt: d.now }).where(eq(publications.id, row.id));
    await event(tx, row, null, d.now, 'autoWithhold', 'withheld', { comment: `${auto.label}（${auto.basis}）` });
    return { ...row, status: 'withheld', withholding };
  }
  return row;
}

// ---------------------------------------------------------------------------
// reading

async function loadReadable(ctx: AppContext, actor: ActorContext, id: string): Promise<PublicationRow> {
  const [p] = await ctx.db.select().from(publications).where(eq(publications.id, id));
  if (!p) throw new AppError('not_found');
  authorize(actor, 'publication.read', p, 'publication.read');
  return p;
}

export interface PublicationListFilter {
  status?: PublicationStatus | 'open' | undefined;
  agencyId?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The queue (PUB-2 due badges): open items first by due date. */
export async function listPublications(ctx: AppContext, actor: ActorContext, f: PublicationListFilter) {
  const conds: SQL[] = [scopeWhere(actor, 'publication.read', publications.agencyPath)];
  if (f.status === 'open') conds.push(inArray(publications.status, ['draft', 'submitted', 'withholdPending', 'withdrawPending']));
  else if (f.status) conds.push(eq(publications.status, f.status));
  if (f.agencyId) conds.push(eq(publications.agencyId, f.agencyId));
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(sql`(${publications.decisionNumber} ILIKE ${like} OR ${publications.publicParty} ILIKE ${like} OR EXISTS (SELECT 1 FROM cases c WHERE c.id = ${publications.caseId} AND c.title ILIKE ${like}))`);
  }
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    ctx.db.select().from(publications).where(where).orderBy(asc(publications.publishBy), asc(publications.id)).limit(limit).offset(f.offset ?? 0),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(publications).where(where),
  ]);
  const calendar = await loadCalendar(ctx.db);
  const today = chinaDate(ctx.clock.now());
  const titles = rows.length ? await ctx.db.select({ id: cases.id, title: cases.title, caseNumber: cases.caseNumber }).from(cases).where(inArray(cases.id, rows.map((r) => r.caseId).filter((x): x is string => !!x))) : [];
  const byCase = new Map(titles.map((t) => [t.id, t]));
  return {
    total: count?.n ?? 0,
    items: rows.map((p) => ({ ...summarize(p), caseTitle: p.caseId ? byCase.get(p.caseId)?.title ?? '' : '', caseNumber: p.caseId ? byCase.get(p.caseId)?.caseNumber ?? '' : '', due: dueOf(p, today, calendar) })),
  };
}

function dueOf(p: PublicationRow, today: string, calendar: Awaited<ReturnType<typeof loadCalendar>>) {
  if (p.status === 'draft' || p.status === 'submitted') {
    // NAT-21: 暂定 when the limit counts days of a year without the notice.
    const mark = provisionalMark(calendar.provisionalYearsBetween(p.decisionDate, p.publishBy));
    return { date: p.publishBy, status: dueStatus(p.publishBy, today, 3, calendar), provisional: mark.provisional === true, provisionalReason: mark.provisionalReason ?? null };
  }
  if (p.status === 'withdrawPending' && p.withdrawal) return { date: p.withdrawal.withdrawBy, status: dueStatus(p.withdrawal.withdrawBy, today, 1, calendar) };
  return null;
}

function summarize(p: PublicationRow) {
  return {
    id: p.id,
    caseId: p.caseId,
    documentId: p.documentId,
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    actionType: p.actionType,
    decisionKind: p.decisionKind,
    decisionKindName: PUBLISHABLE_KINDS[p.decisionKind]?.name ?? p.decisionKind,
    decisionNumber: p.decisionNumber,
    decisionDate: p.decisionDate,
    severity: p.severity,
    majorDecision: p.majorDecision,
    status: p.status,
    statusLabel: PUBLICATION_STATUS_LABELS[p.status],
    online: p.online,
    publishBy: p.publishBy,
    currentVersion: p.currentVersion,
    publishedVersion: p.publishedVersion,
    firstPublishedOn: p.firstPublishedOn,
    removeNotBefore: p.removeNotBefore,
    removeBy: p.removeBy,
    publicParty: p.publicParty,
    withholding: p.withholding,
    withdrawal: p.withdrawal,
  };
}

async function currentVersionRow(db: DbOrTx, p: PublicationRow) {
  const [v] = await db.select().from(publicationVersions).where(and(eq(publicationVersions.publicationId, p.id), eq(publicationVersions.version, p.currentVersion)));
  if (!v) throw new AppError('not_found');
  return v;
}

/** Whether the approver could publish now, and why not (shown before the click). */
async function gatePreview(db: DbOrTx, p: PublicationRow, v: typeof publicationVersions.$inferSelect, agency: AgencyRow, approverId: string, submittedBy: string, liftConsent = false) {
  const profile = profileOf(agency);
  const sources = await redactionSourcesFor(db, p, agency);
  const partyKind = sources.parties?.[0]?.kind ?? 'organisation';
  const missing = checkPublication({
    actionType: p.actionType,
    form: v.form,
    partyKind,
    fields: v.fields,
    fullText: v.fullText,
    profile: profile.id,
    penaltyTypes: (v.fields.penaltyCategory ?? '').includes('罚款') ? ['fine'] : [],
  });
  // PUB-4 final guard: the text that would go online, field by field.
  const shown = v.form === 'full' ? ['fullText'] : Object.keys(v.fields);
  const leaks = shown.flatMap((k) => sensitiveLeaks(v.redacted[k]?.text ?? '', sources, { allow: allowedValues(v.redacted[k]) }));
  const review = await legalReviewOf(db, p.caseId);
  const base = publishGate({ submittedBy, approverId, majorDecision: p.majorDecision, legalReviewPassed: review.passed, missing, leaks, withheld: p.withholding !== null && p.status !== 'published' && p.status !== 'submitted' });
  // issue 13: open 疑似个人信息 block (item 4); lifted personal masks need the approver's explicit consent (item 3);
  // withholding is re-evaluated from the case's current facts at every approval (item 2).
  const suspects = shown.flatMap((k) => (v.redacted[k]?.suspects ?? []).map((x) => ({ code: 'suspect' as const, message: `“${x.original}”疑似个人信息，须隐去或说明理由后排除（${x.reason.replace(/^疑似个人信息：/, '')}）` })));
  const lifts = liftConsentProblems(shown.flatMap((k) => v.redacted[k]?.lifted ?? []) as LiftedMask[], liftConsent);
  const withholding = (await currentWithholding(db, p, agency)).map((r) => ({ code: 'withholdingReason' as const, message: `${r.label}，审核通过时将依法不予公开（${r.basis}）` }));
  const note = p.publishedVersion && v.note ? gateProblems([reviewPublicText('correction', 'correction.note', v.note, sources)]) : [];
  return [...base, ...suspects, ...lifts, ...withholding, ...note];
}

/**
 * Values a clerk lifted on a recorded ground (third-party consent, public
 * interest, not personal: SX25-P 19 第二款) may stay in the text; a mask lifted
 * without a ground still trips the guard (PUB-4).
 */
function allowedValues(f: RedactedField | undefined): string[] {
  return (f?.lifted ?? []).filter((l) => l.ground !== undefined).map((l) => l.original);
}

async function lastSubmitter(db: DbOrTx, id: string): Promise<string> {
  const [e] = await db.select().from(publicationEvents).where(and(eq(publicationEvents.publicationId, id), eq(publicationEvents.kind, 'submit'))).orderBy(desc(publicationEvents.id)).limit(1);
  return e?.actorId ?? '';
}

/** One publication for the console: state, the version with its redaction diff, history, what blocks publishing. */
export async function getPublication(ctx: AppContext, actor: ActorContext, id: string) {
  const p = await loadReadable(ctx, actor, id);
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, p.agencyId));
  const v = await currentVersionRow(ctx.db, p);
  const events = await ctx.db.select().from(publicationEvents).where(eq(publicationEvents.publicationId, p.id)).orderBy(asc(publicationEvents.id));
  const profile = profileOf(agency!);
  const calendar = await loadCalendar(ctx.db);
  const today = chinaDate(ctx.clock.now());
  const schedule = publicationSchedule({ profile, calendar, actionType: p.actionType, decisionDate: p.decisionDate, severity: p.severity, today, ...(p.firstPublishedOn ? { publishedOn: p.firstPublishedOn } : {}) });
  const submitter = await lastSubmitter(ctx.db, p.id);
  // The approver sees whether they may approve; everyone else sees what the item itself lacks.
  const approver = actor.roles.includes('disclosureApprover') || actor.roles.includes('agencyHead');
  const problems = (await gatePreview(ctx.db, p, v, agency!, actor.userId, submitter || 'nobody')).filter((x) => (approver && p.status === 'submitted') || x.code !== 'sameActor');
  const fields = publicationFields(p.actionType, { profile: profile.id });
  return {
    publication: {
      ...summarize(p),
      publicContent: p.publicContent,
      schedule: { publishBy: schedule.publishBy, publishStatus: schedule.publishStatus ?? null, minimumUntil: schedule.minimumUntil, removeNotBefore: schedule.removeNotBefore, removeBy: schedule.removeBy, basis: schedule.details.publish.basis, notes: schedule.notes },
    },
    fields: fields.map((f) => ({ key: f.key, label: f.label, required: f.required, applies: f.applies, basis: f.basis })),
    version: { version: v.version, form: v.form, fields: v.fields, fullText: v.fullText, overrides: v.overrides, redacted: v.redacted, note: v.note, createdAt: v.createdAt, createdByName: v.createdByName },
    problems,
    submittedBy: submitter || null,
    withholdingReasons: Object.entries(WITHHOLDING_REASON_LABELS).map(([key, label]) => ({ key, label })),
    // issue 13 item 1: the approver's side-by-side view of every other public text of this item
    publicTexts: p.withdrawal ? await (async () => {
      const o = withdrawalOriginals(p.withdrawal!);
      const reviews = withdrawalReviews(await redactionSourcesFor(ctx.db, p, agency!), o.statement, o.content, o.overrides);
      return reviews.map((r) => ({ ...r, problems: gateProblems([r]) }));
    })() : [],
    events: events.map((e) => ({ kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, version: e.version, comment: e.comment, detail: e.detail, actorName: e.actorName, at: e.at })),
  };
}

// ---------------------------------------------------------------------------
// the clerk (录入员)

export interface PublicationEdit {
  form: 'summary' | 'full';
  fields: Record<string, string>;
  fullText: string;
  overrides: Record<string, RedactionOverride[]>;
  note?: string | undefined;
}

async function withLock(tx: Tx, id: string): Promise<PublicationRow> {
  await tx.execute(sql`SELECT id FROM publications WHERE id = ${id} FOR UPDATE`);
  const [p] = await tx.select().from(publications).where(eq(publications.id, id));
  if (!p) throw new AppError('not_found');
  return p;
}

/** A new version of the content (a draft, or a correction of what is online, PUB-9). */
export async function savePublication(ctx: AppContext, actor: ActorContext, id: string, edit: PublicationEdit) {
  const now = ctx.clock.now();
  const before = await loadReadable(ctx, actor, id);
  authorize(actor, 'publication.edit', before, 'publication.read');
  const allowed = new Set([...publicationFields(before.actionType).map((f) => f.key)]);
  const unknown = Object.keys(edit.fields).filter((k) => !allowed.has(k));
  if (unknown.length) throw new AppError('publication.invalid', { detail: `未知的公示字段：${unknown.join('、')}` });
  for (const [k, list] of Object.entries(edit.overrides)) {
    if (k !== 'fullText' && !allowed.has(k)) throw new AppError('publication.invalid', { detail: `未知的公示字段：${k}` });
    for (const o of list) if (!o.reason.trim()) throw new AppError('publication.invalid', { detail: '增加或取消隐去须说明理由' });
  }
  await ctx.db.transaction(async (tx) => {
    const p = await withLock(tx, id);
    transition(p, p.status === 'published' ? 'correct' : 'save');
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, p.agencyId));
    const profile = profileOf(agency!);
    const sources = await redactionSourcesFor(tx, p, agency!);
    let redacted: Record<string, RedactedField>;
    try {
      redacted = redactAll(edit.fields, edit.fullText, sources, edit.overrides, profile);
    } catch (e) {
      if (e instanceof AppError && e.code === 'disclosure.lift_forbidden') throw e;
      throw new AppError('publication.invalid', { detail: e instanceof Error ? e.message : String(e) });
    }
    const version = p.currentVersion + 1;
    await tx.insert(publicationVersions).values({
      id: newId(),
      publicationId: p.id,
      version,
      form: edit.form,
      fields: edit.fields,
      fullText: edit.fullText,
      overrides: edit.overrides,
      redacted,
      note: edit.note ?? '',
      createdAt: now,
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    await sealWhere(tx, 'publication_versions', and(eq(publicationVersions.publicationId, p.id), eq(publicationVersions.version, version)), { at: now, caseId: p.caseId, agencyPath: p.agencyPath });
    await tx.update(publications).set({ currentVersion: version, updatedAt: now }).where(eq(publications.id, p.id));
    await event(tx, p, actor, now, p.status === 'published' ? 'correct' : 'save', p.status, { version, comment: edit.note ?? '' });
  });
  return getPublication(ctx, actor, id);
}

/** PUB-1: the clerk sends the current version to the approver. */
export async function submitPublication(ctx: AppContext, actor: ActorContext, id: string, comment = '') {
  return act(ctx, actor, id, 'publication.edit', async (tx, p, now) => {
    const to = transition(p, 'submit');
    if (p.status === 'published' && p.currentVersion === p.publishedVersion) throw new AppError('publication.transition_invalid', { detail: '公示内容未作更正，无需重新提交' });
    await tx.update(publications).set({ status: to, updatedAt: now }).where(eq(publications.id, p.id));
    await event(tx, p, actor, now, 'submit', to, { comment });
  });
}

const WITHHOLD_REASONS = Object.keys(WITHHOLDING_REASON_LABELS) as WithholdingReasonKey[];

/** PUB-5, PUB-6: the clerk proposes not to publish, with the reason; the approver decides. */
export async function requestWithhold(ctx: AppContext, actor: ActorContext, id: string, input: { reason: string; note: string }) {
  if (!WITHHOLD_REASONS.includes(input.reason as WithholdingReasonKey)) throw new AppError('publication.invalid', { detail: `不予公开的事由无效：${input.reason}` });
  if (!input.note.trim()) throw new AppError('publication.invalid', { detail: '须说明不予公开的具体情况' });
  return act(ctx, actor, id, 'publication.edit', async (tx, p, now) => {
    const to = transition(p, 'requestWithhold');
    const withholding: WithholdingRecord = { reason: input.reason as WithholdingReasonKey, note: input.note.trim(), automatic: false, requestedBy: actor.displayName, requestedOn: chinaDate(now) };
    await tx.update(publications).set({ status: to, withholding, updatedAt: now }).where(eq(publications.id, p.id));
    await event(tx, p, actor, now, 'requestWithhold', to, { comment: `${WITHHOLDING_REASON_LABELS[withholding.reason]}：${withholding.note}` });
  });
}

/** PUB-8: the clerk drafts the withdrawal with its public statement and the changing decision. */
export async function requestWithdraw(
  ctx: AppContext,
  actor: ActorContext,
  id: string,
  input: Omit<WithdrawalRecord, 'withdrawBy' | 'requestedBy' | 'requestedOn' | 'approvedBy' | 'withdrawnOn' | 'original' | 'automatic'> & { overrides?: { statement?: RedactionOverride[]; content?: RedactionOverride[] } | undefined },
) {
  if (!input.statement.trim()) throw new AppError('publication.invalid', { detail: '须公开说明撤回理由' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.changedOn)) throw new AppError('publication.invalid', { detail: '决定变更、撤销或者确认违法的日期应为 YYYY-MM-DD' });
  return act(ctx, actor, id, 'publication.edit', async (tx, p, now, agency) => {
    const to = transition(p, 'requestWithdraw');
    const profile = profileOf(agency);
    const schedule = withdrawalSchedule({ profile, calendar: await loadCalendar(tx), revokedOn: input.changedOn });
    // GS-P 16: the changing decision's body, number, date and content are published.
    const missing = schedule.requirements.filter((r) => {
      const c = input.changingDecision;
      if (r.key === 'changingBody') return !c.body.trim();
      if (r.key === 'changingNumber') return !c.number.trim();
      if (r.key === 'changingDate') return !c.date.trim();
      if (r.key === 'changingContent') return !c.content.trim();
      return false;
    });
    if (missing.length) throw new AppError('publication.invalid', { detail: `撤回公告缺少：${missing.map((m) => m.label).join('、')}（${schedule.basis}）` });
    // issue 13 item 1: the statement and the changing decision's content go online, so through the redaction gate
    const { overrides, ...rest } = input;
    const [statement, content] = withdrawalReviews(await redactionSourcesFor(tx, p, agency), input.statement.trim(), input.changingDecision.content, overrides);
    const withdrawal: WithdrawalRecord = {
      ...rest,
      statement: statement.text,
      changingDecision: { ...input.changingDecision, content: content.text },
      original: { statement: input.statement.trim(), content: input.changingDecision.content, ...(overrides ? { overrides } : {}) },
      withdrawBy: schedule.due,
      requestedBy: actor.displayName,
      requestedOn: chinaDate(now),
    };
    await tx.update(publications).set({ status: to, withdrawal, updatedAt: now }).where(eq(publications.id, p.id));
    await event(tx, p, actor, now, 'requestWithdraw', to, { comment: withdrawal.statement, detail: { withdrawBy: schedule.due, basis: schedule.basis } });
  });
}

/** The withdrawal's public texts through the gate, from the clerk's originals. */
function withdrawalReviews(sources: RedactionSources, statement: string, content: string, overrides?: { statement?: RedactionOverride[]; content?: RedactionOverride[] }): [PublicTextReview, PublicTextReview] {
  try {
    return [
      reviewPublicText('withdrawalStatement', 'withdrawal.statement', statement, sources, overrides?.statement ?? []),
      reviewPublicText('changingDecision', 'withdrawal.changingDecision.content', content, sources, overrides?.content ?? []),
    ];
  } catch (e) {
    if (e instanceof AppError && e.code === 'disclosure.lift_forbidden') throw e;
    throw new AppError('publication.invalid', { detail: e instanceof Error ? e.message : String(e) });
  }
}

function withdrawalOriginals(w: WithdrawalRecord) {
  return { statement: w.original?.statement ?? w.statement, content: w.original?.content ?? w.changingDecision.content, overrides: w.original?.overrides };
}

// ---------------------------------------------------------------------------
// the approver (审核员)

/** PUB-1: approve and publish, after every check (the gate). */
export async function approvePublication(ctx: AppContext, actor: ActorContext, id: string, comment = '', liftConsent = false) {
  return act(ctx, actor, id, 'publication.approve', async (tx, p, now, agency) => {
    const to = transition(p, 'approve');
    // issue 13 item 2 · PUB-5: withholding from the case's facts as they are now, not as they were at the decision
    const standing = await currentWithholding(tx, p, agency);
    if (standing.length > 0) {
      const today = chinaDate(now);
      if (p.online) {
        await withdrawOnNewReason(tx, p.caseId!, now, '审核更正时发现');
        return;
      }
      const held = transition(p, 'autoWithhold');
      const first = standing[0]!;
      const withholding: WithholdingRecord = { reason: first.key, note: [first.basis, first.note].filter(Boolean).join('；'), automatic: true, requestedBy: '系统', requestedOn: today };
      await tx.update(publications).set({ status: held, withholding, updatedAt: now }).where(eq(publications.id, p.id));
      await event(tx, p, actor, now, 'autoWithhold', held, { comment: `审核时依案件现有事实重新判断：${standing.map((r) => `${r.label}（${r.basis}）`).join('；')}` });
      return;
    }
    const v = await currentVersionRow(tx, p);
    const problems = (await gatePreview(tx, p, v, agency, actor.userId, await lastSubmitter(tx, p.id), liftConsent)).filter((x) => x.code !== 'withholdingReason');
    if (problems.length) throw new AppError('publication.gate_closed', { detail: problems.map((x) => x.message).join('；'), details: problems });
    const today = chinaDate(now);
    const sourcesNow = await redactionSourcesFor(tx, p, agency);
    const noteText = v.note ? reviewPublicText('correction', 'correction.note', v.note, sourcesNow).text : '';
    const firstOn = p.firstPublishedOn ?? today;
    const profile = profileOf(agency);
    const schedule = publicationSchedule({ profile, calendar: await loadCalendar(tx), actionType: p.actionType, decisionDate: p.decisionDate, severity: p.severity, publishedOn: firstOn });
    const defs = publicationFields(p.actionType, { profile: profile.id });
    const previous = p.publicContent?.corrections ?? [];
    const content: PublicContent = {
      form: v.form,
      fields: defs.filter((d) => (v.redacted[d.key]?.text ?? '').trim() !== '').map((d) => ({ key: d.key, label: d.label, text: v.redacted[d.key]!.text })),
      fullText: v.form === 'full' ? v.redacted.fullText?.text ?? '' : '',
      corrections: p.publishedVersion ? [...previous, { on: today, note: noteText || '更正' }] : previous,
    };
    const party = v.redacted.partyName?.text || v.redacted.target?.text || '';
    const title = `${PUBLISHABLE_KINDS[p.decisionKind]?.name ?? '执法决定'}${p.decisionNumber ? `（${p.decisionNumber}）` : ''}`;
    await tx
      .update(publications)
      .set({
        status: to,
        online: true,
        publishedVersion: v.version,
        firstPublishedOn: firstOn,
        publishedAt: now,
        removeNotBefore: schedule.removeNotBefore,
        removeBy: schedule.removeBy,
        publicTitle: title,
        publicParty: party,
        publicContent: content,
        searchGrams: searchGrams([party, p.decisionNumber]),
        searchText: searchText([party, p.decisionNumber]),
        withholding: null,
        updatedAt: now,
      })
      .where(eq(publications.id, p.id));
    const lifted = Object.values(v.redacted).flatMap((f) => f.lifted ?? []);
    await event(tx, p, actor, now, 'approve', to, { comment, version: v.version, detail: { removeBy: schedule.removeBy, ...(liftConsent && lifted.length ? { liftConsent: lifted.map((l) => ({ kind: l.kind, reason: l.liftReason, ground: l.ground ?? null })) } : {}) } });
    await appendLeaf(tx, { kind: 'publication.publish', objectType: 'publication', objectId: p.id, caseId: p.caseId, agencyPath: p.agencyPath, at: now, payload: { version: v.version, ...sealedContent(content), actorId: actor.userId } });
  });
}

/** PUB-1: back to the clerk with the reason; a correction goes back to what is online. */
export async function returnPublication(ctx: AppContext, actor: ActorContext, id: string, comment: string) {
  if (!comment.trim()) throw new AppError('publication.invalid', { detail: '退回须说明理由' });
  return act(ctx, actor, id, 'publication.approve', async (tx, p, now) => {
    const draftTo = transition(p, 'return');
    // A correction under review goes back to the version that is online.
    const to: PublicationStatus = p.online ? 'published' : draftTo;
    await tx.update(publications).set({ status: to, updatedAt: now }).where(eq(publications.id, p.id));
    await event(tx, p, actor, now, 'return', to, { comment });
  });
}

/** PUB-5: decide a withholding request (not by the one who asked). */
export async function decideWithhold(ctx: AppContext, actor: ActorContext, id: string, input: { approve: boolean; comment: string }) {
  return act(ctx, actor, id, 'publication.approve', async (tx, p, now) => {
    const to = transition(p, input.approve ? 'approveWithhold' : 'refuseWithhold');
    const [req] = await tx.select().from(publicationEvents).where(and(eq(publicationEvents.publicationId, p.id), eq(publicationEvents.kind, 'requestWithhold'))).orderBy(desc(publicationEvents.id)).limit(1);
    if (req?.actorId === actor.userId) throw new AppError('publication.transition_invalid', { detail: '申请人不能审批本人提出的不予公开申请' });
    const withholding = input.approve && p.withholding ? { ...p.withholding, approvedBy: actor.displayName, approvedOn: chinaDate(now) } : null;
    await tx.update(publications).set({ status: to, withholding, updatedAt: now }).where(eq(publications.id, p.id));
    await event(tx, p, actor, now, input.approve ? 'approveWithhold' : 'refuseWithhold', to, { comment: input.comment });
  });
}

/** PUB-8: decide a withdrawal; approved, the decision comes off the portal and the notice goes on. */
export async function decideWithdraw(ctx: AppContext, actor: ActorContext, id: string, input: { approve: boolean; comment: string }) {
  return act(ctx, actor, id, 'publication.approve', async (tx, p, now, agency) => {
    const to = transition(p, input.approve ? 'approveWithdraw' : 'refuseWithdraw');
    const today = chinaDate(now);
    if (!input.approve) {
      await tx.update(publications).set({ status: to, withdrawal: null, updatedAt: now }).where(eq(publications.id, p.id));
      await event(tx, p, actor, now, 'refuseWithdraw', to, { comment: input.comment });
      return;
    }
    // issue 13 item 1: re-run the gate from the originals with the case as it is now
    const o = withdrawalOriginals(p.withdrawal!);
    const reviews = withdrawalReviews(await redactionSourcesFor(tx, p, agency), o.statement, o.content, o.overrides);
    const problems = gateProblems(reviews);
    if (problems.length) throw new AppError('publication.gate_closed', { detail: problems.map((x) => x.message).join('；'), details: problems });
    const withdrawal: WithdrawalRecord = { ...p.withdrawal!, statement: reviews[0].text, changingDecision: { ...p.withdrawal!.changingDecision, content: reviews[1].text }, approvedBy: actor.displayName, withdrawnOn: today };
    await tx.update(publications).set({ status: to, online: false, withdrawal, updatedAt: now }).where(eq(publications.id, p.id));
    await event(tx, p, actor, now, 'approveWithdraw', to, { comment: input.comment, detail: { onTime: today <= withdrawal.withdrawBy } });
    await appendLeaf(tx, { kind: 'publication.withdraw', objectType: 'publication', objectId: p.id, caseId: p.caseId, agencyPath: p.agencyPath, at: now, payload: { withdrawal, actorId: actor.userId } });
  });
}

async function act(
  ctx: AppContext,
  actor: ActorContext,
  id: string,
  action: 'publication.edit' | 'publication.approve',
  body: (tx: Tx, p: PublicationRow, now: Date, agency: AgencyRow) => Promise<void>,
) {
  const now = ctx.clock.now();
  const before = await loadReadable(ctx, actor, id);
  authorize(actor, action, before, 'publication.read');
  await ctx.db.transaction(async (tx) => {
    const p = await withLock(tx, id);
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, p.agencyId));
    await body(tx, p, now, agency!);
  });
  return getPublication(ctx, actor, id);
}

// ---------------------------------------------------------------------------
// the system

/**
 * PUB-7 · SX25-P 18: at the end of the maximum window the item comes off the
 * portal. Idempotent; run at start and every hour. Returns how many.
 */
export async function expirePublications(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const due = await ctx.db.select().from(publications).where(and(eq(publications.online, true), lt(publications.removeBy, today)));
  for (const p of due) {
    await ctx.db.transaction(async (tx) => {
      const locked = await withLock(tx, p.id);
      if (!locked.online || !locked.removeBy || locked.removeBy >= today) return;
      const to = transition(locked, 'expire');
      await tx.update(publications).set({ status: to, online: false, updatedAt: now }).where(eq(publications.id, p.id));
      await event(tx, locked, null, now, 'expire', to, { comment: `公示期限已于${locked.removeBy}届满` });
    });
  }
  return due.length;
}

/**
 * The public content as sealed in the `publication.publish` leaf: the content
 * itself, or — when it is too long for a tlog-tiles entry bundle (a leaf is at
 * most 65,535 bytes) — its SHA-256 over the canonical JSON. Verify compares
 * either with what the portal shows (integrity-seal/check.ts).
 */
export const SEALED_CONTENT_MAX_BYTES = 32_768;
export function sealedContent(content: unknown): { content: unknown } | { contentSha256: string } {
  const text = canonicalJson(content);
  if (Buffer.byteLength(text, 'utf8') <= SEALED_CONTENT_MAX_BYTES) return { content };
  return { contentSha256: crypto.createHash('sha256').update(text).digest('hex') };
}
