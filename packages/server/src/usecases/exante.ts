/**
 * Ex-ante disclosure (事前公开, ORG-3..ORG-8, INS-1, INS-3): each agency's
 * ex-ante information, section by section. The disclosure clerk saves a
 * version (every save is a new, never-changed version) and submits it; the
 * approver — another person — approves it, which puts it online, or returns
 * it (ORG-8). The limit of ORG-6 (⚙ GS-P 15: 20 working days from the
 * change) is computed for every pending change where the profile sets one.
 *
 * The console reads through 'exante.read' (drafts are not public); the portal
 * reads only what was approved (`publicExAnte`), plus the two generated
 * sections and the officer roster (ORG-2), built live.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { AppError, allows, certificateState, formatDeadline, resolveProfile, type ResolvedProfile, type WorkCalendar } from '@sanxiang/core';
import {
  EXANTE_DUE_LABELS,
  EXANTE_SECTIONS,
  EXANTE_SPECS,
  EXANTE_STATUS_LABELS,
  avItemsContent,
  catalogueContent,
  exAnteDeadline,
  exAnteDueStatus,
  exAnteProblems,
  exAnteTransition,
  externalReviewFor,
  externalReviewProblems,
  formatExAnteProblem,
  parseExAnteContent,
  sameApproverProblem,
  type ExAnteAction,
  type ExAnteContent,
  type ExAnteSection,
  type ExAnteStatus,
  type ExternalReview,
} from '@sanxiang/core/disclosure/exante.js';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { agencies, exAnteEvents, exAnteHeads, exAnteVersions, officerCertificates, users } from '../db/schema.js';
import type { ExAnteEventKind } from '../db/schema-exante.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { findAgency } from './agencies.js';
import { recordAudit } from './audit.js';
import { authorize, relationTo, scopeWhere } from './authorize.js';
import { loadCalendar } from './calendar.js';
import { catalogueInForce } from './review-catalogue.js';
import { sealWhere } from './integrity-seal/seal.js';
import { exAnteGateProblems, exAnteSources, publicExAnteContent, reviewExAnte } from './public-text/exante.js';

type AgencyRow = typeof agencies.$inferSelect;
type HeadRow = typeof exAnteHeads.$inferSelect;
type VersionRow = typeof exAnteVersions.$inferSelect;

const profileOf = (agency: AgencyRow): ResolvedProfile => resolveProfile(agency.profileId, agency.profileOverrides);
const target = (a: AgencyRow) => ({ agencyId: a.id, agencyPath: a.path });

/** Loads the agency and checks `action` (404 when its ex-ante information may not be read, 403 when it may be read but not acted on). */
async function loadAgency(ctx: AppContext, actor: ActorContext, agencyId: string, action: 'exante.read' | 'exante.edit' | 'exante.approve'): Promise<AgencyRow> {
  const agency = /^[0-9a-f-]{36}$/.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
  if (!agency) throw new AppError('not_found');
  authorize(actor, action, target(agency), 'exante.read');
  return agency;
}

/** Whether the head has a change that is not online yet. */
function isPending(h: HeadRow): boolean {
  return h.publishedVersion === null || h.currentVersion > h.publishedVersion;
}

// ── Presenters ──

function dueOf(h: HeadRow | undefined, calendar: WorkCalendar, today: string) {
  if (!h) return { status: 'none' as const, label: EXANTE_DUE_LABELS.none, publishBy: null };
  const pending = isPending(h);
  const status = exAnteDueStatus({ calendar, today, publishBy: h.pendingPublishBy, publishedOn: pending ? null : h.publishedOn });
  return { status, label: EXANTE_DUE_LABELS[status], publishBy: h.pendingPublishBy };
}

function sectionSummary(section: ExAnteSection, h: HeadRow | undefined, calendar: WorkCalendar, today: string) {
  const spec = EXANTE_SPECS[section];
  return {
    key: section,
    label: spec.label,
    source: spec.source,
    requirements: spec.requirements,
    basis: spec.basis,
    status: spec.source === 'generated' ? ('generated' as const) : (h?.status ?? null),
    statusLabel: spec.source === 'generated' ? '自动生成' : h ? EXANTE_STATUS_LABELS[h.status] : '未录入',
    currentVersion: h?.currentVersion ?? null,
    publishedVersion: h?.publishedVersion ?? null,
    publishedOn: h?.publishedOn ?? null,
    pending: h ? isPending(h) : false,
    changedOn: h?.pendingChangedOn ?? null,
    due: spec.source === 'generated' ? { status: 'none' as const, label: EXANTE_DUE_LABELS.none, publishBy: null } : dueOf(h, calendar, today),
    submittedByName: h?.status === 'submitted' ? h.submittedByName : null,
    updatedAt: h?.updatedAt.toISOString() ?? null,
  };
}

function presentVersion(v: VersionRow) {
  return {
    version: v.version,
    content: v.content,
    changedOn: v.changedOn,
    publishBy: v.publishBy,
    publishByNote: v.publishByNote,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName,
  };
}

/**
 * ORG-2 · GS-P 5(二), SX19-P 10(三): the officers of an agency whose
 * certificate is valid today — name, unit, post, certificate number and
 * validity; no contact data.
 */
export async function officerRoster(db: DbOrTx, agency: AgencyRow, today: string) {
  const rows = await db
    .select({ userId: users.id, name: users.displayName, post: users.post, cert: officerCertificates })
    .from(users)
    .innerJoin(officerCertificates, eq(officerCertificates.userId, users.id))
    .where(and(eq(users.agencyId, agency.id), eq(users.disabled, false)))
    .orderBy(asc(users.displayName), asc(users.id), desc(officerCertificates.validTo), asc(officerCertificates.number));
  const seen = new Set<string>();
  const out: { name: string; unit: string; post: string; certificateNumber: string; validFrom: string; validTo: string }[] = [];
  for (const r of rows) {
    if (seen.has(r.userId) || !certificateState(r.cert, today).valid) continue;
    seen.add(r.userId);
    out.push({ name: r.name, unit: agency.name, post: r.post, certificateNumber: r.cert.number, validFrom: r.cert.validFrom, validTo: r.cert.validTo });
  }
  return out;
}

/** The content of a generated section and the day it was last updated. */
async function generatedSection(db: DbOrTx, agency: AgencyRow, section: 'reviewCatalogue' | 'avItems') {
  const profile = profileOf(agency);
  if (section === 'avItems') {
    return { content: avItemsContent(profile), updatedOn: chinaDate(agency.updatedAt), source: `${profile.name}（${profile.id}）${Object.keys(agency.profileOverrides).length ? '及本机关配置' : ''}` };
  }
  const c = await catalogueInForce(db, agency, profile);
  return {
    content: catalogueContent(c.catalogue),
    updatedOn: c.row?.effectiveFrom ?? null,
    source: c.adopted ? `${c.catalogue.title}（第${c.version}版）` : `平台按 ${profile.id} 规则生成的建议清单（本机关尚未确定目录清单）`,
  };
}

/** ORG-6: the agency's limit for ex-ante information, or null where its profile sets none. */
function deadlineRule(profile: ResolvedProfile) {
  const p = profile.params['publication.exAnte'];
  if (!p) return null;
  return { basis: p.basis, period: formatDeadline(p.value), note: `事前公开信息在信息生成或者变更之日起${formatDeadline(p.value)}内公开（${p.basis}）` };
}

// ── Console: lists and views ──

/** ORG-3, ORG-6: the sections of an agency with their state and due status, and the live officer roster. */
export async function listExAnte(ctx: AppContext, actor: ActorContext, agencyId: string) {
  const agency = await loadAgency(ctx, actor, agencyId, 'exante.read');
  const profile = profileOf(agency);
  const today = chinaDate(ctx.clock.now());
  const calendar = await loadCalendar(ctx.db);
  const heads = await ctx.db.select().from(exAnteHeads).where(eq(exAnteHeads.agencyId, agency.id));
  const rel = relationTo(actor, target(agency));
  return {
    agency: { id: agency.id, name: agency.name, profileId: profile.id },
    deadlineRule: deadlineRule(profile),
    sections: EXANTE_SECTIONS.map((s) => sectionSummary(s, heads.find((h) => h.section === s), calendar, today)),
    roster: await officerRoster(ctx.db, agency, today),
    abilities: { edit: allows(actor, 'exante.edit', rel), approve: allows(actor, 'exante.approve', rel) },
  };
}

/** The agencies whose ex-ante information the actor follows, with counts (scoped like every list). */
export async function exAnteOverview(ctx: AppContext, actor: ActorContext) {
  const list = await ctx.db.select().from(agencies).where(scopeWhere(actor, 'exante.read', agencies.path)).orderBy(asc(agencies.sortOrder), asc(agencies.path));
  if (list.length === 0) return { agencies: [] };
  const heads = await ctx.db.select().from(exAnteHeads).where(inArray(exAnteHeads.agencyId, list.map((a) => a.id)));
  const today = chinaDate(ctx.clock.now());
  const calendar = await loadCalendar(ctx.db);
  const entered = EXANTE_SECTIONS.filter((s) => EXANTE_SPECS[s].source === 'entered');
  return {
    agencies: list.map((a) => {
      const hs = heads.filter((h) => h.agencyId === a.id);
      const rel = relationTo(actor, target(a));
      return {
        id: a.id,
        name: a.name,
        level: a.level,
        profileId: a.profileId,
        sections: entered.length,
        published: hs.filter((h) => h.publishedVersion !== null).length,
        notEntered: entered.filter((s) => !hs.some((h) => h.section === s)).length,
        pending: hs.filter(isPending).length,
        submitted: hs.filter((h) => h.status === 'submitted').length,
        overdue: hs.filter((h) => isPending(h) && dueOf(h, calendar, today).status === 'overdue').length,
        abilities: { edit: allows(actor, 'exante.edit', rel), approve: allows(actor, 'exante.approve', rel) },
      };
    }),
  };
}

/** One section: the version being worked on, the one online, problems, versions and history, and what the actor may do. */
export async function getExAnteSection(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, opts: { version?: number | undefined } = {}) {
  const agency = await loadAgency(ctx, actor, agencyId, 'exante.read');
  const spec = EXANTE_SPECS[section];
  const profile = profileOf(agency);
  const today = chinaDate(ctx.clock.now());
  const calendar = await loadCalendar(ctx.db);
  const rel = relationTo(actor, target(agency));
  const base = { agency: { id: agency.id, name: agency.name, profileId: profile.id }, section: spec, deadlineRule: deadlineRule(profile) };
  if (spec.source === 'generated') {
    return {
      ...base,
      generated: await generatedSection(ctx.db, agency, section as 'reviewCatalogue' | 'avItems'),
      summary: sectionSummary(section, undefined, calendar, today),
      current: null,
      published: null,
      shown: null,
      problems: [],
      versions: [],
      history: [],
      externalReview: null,
      abilities: { save: false, submit: false, approve: false, return: false },
    };
  }
  const [head] = await ctx.db.select().from(exAnteHeads).where(and(eq(exAnteHeads.agencyId, agency.id), eq(exAnteHeads.section, section)));
  const versions = await ctx.db.select().from(exAnteVersions).where(and(eq(exAnteVersions.agencyId, agency.id), eq(exAnteVersions.section, section))).orderBy(desc(exAnteVersions.version));
  const events = await ctx.db.select().from(exAnteEvents).where(and(eq(exAnteEvents.agencyId, agency.id), eq(exAnteEvents.section, section))).orderBy(asc(exAnteEvents.id));
  const current = head ? versions.find((v) => v.version === head.currentVersion) : undefined;
  const published = head?.publishedVersion ? versions.find((v) => v.version === head.publishedVersion) : undefined;
  let shown = current;
  if (opts.version !== undefined) {
    shown = versions.find((v) => v.version === opts.version);
    if (!shown) throw new AppError('not_found');
  }
  const problems = current ? exAnteProblems(section, current.content) : [];
  // issue 13 item 1: the redaction gate on the version being worked on (the approver's side-by-side view)
  const reviews = current ? reviewExAnte(section, current.content, await exAnteSources(ctx.db, agency, today)) : [];
  const gateProblems = exAnteGateProblems(reviews);
  const status = head?.status ?? null;
  const canEdit = allows(actor, 'exante.edit', rel);
  const canApprove = allows(actor, 'exante.approve', rel);
  const notSame = current && head ? sameApproverProblem(actor.userId, { createdBy: current.createdBy, submittedBy: head.submittedBy }) === null : false;
  const rule = externalReviewFor(section, profile);
  return {
    ...base,
    generated: null,
    summary: sectionSummary(section, head, calendar, today),
    current: current ? presentVersion(current) : null,
    published: published ? { ...presentVersion(published), publishedOn: head!.publishedOn } : null,
    shown: shown ? presentVersion(shown) : null,
    problems: problems.map((p) => ({ ...p, message: formatExAnteProblem(p) })),
    versions: versions.map((v) => ({ version: v.version, changedOn: v.changedOn, publishBy: v.publishBy, createdAt: v.createdAt.toISOString(), createdByName: v.createdByName, published: v.version === head?.publishedVersion })),
    history: events.map((e) => ({
      id: e.id,
      version: e.version,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusLabel: EXANTE_STATUS_LABELS[e.toStatus],
      comment: e.comment,
      detail: e.detail,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    externalReview: rule ? { requirement: rule.requirement, reviewer: rule.reviewer, basis: rule.basis } : null,
    gate: {
      texts: reviews.filter((r) => r.masks.length || r.suspects.length || r.dismissed.length || r.leaks.length),
      problems: gateProblems,
      redaction: current?.content.redaction ?? [],
    },
    abilities: {
      save: canEdit && exAnteTransition(status, 'save').ok,
      submit: canEdit && exAnteTransition(status, 'submit').ok && problems.length === 0,
      approve: canApprove && exAnteTransition(status, 'approve').ok && notSame && gateProblems.length === 0,
      return: canApprove && exAnteTransition(status, 'return').ok && notSame,
    },
  };
}

// ── Acts (ORG-8) ──

interface Step {
  tx: Tx;
  agency: AgencyRow;
  head: HeadRow | undefined;
  now: Date;
  today: string;
}

/** Runs an act in one transaction with the agency's ex-ante rows locked (one writer per agency at a time). */
async function inTx<T>(ctx: AppContext, agency: AgencyRow, section: ExAnteSection, action: ExAnteAction, fn: (s: Step) => Promise<T>): Promise<T> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // FOR NO KEY UPDATE: serialises concurrent acts of the agency without blocking rows that merely reference it.
    await tx.execute(sql`SELECT id FROM agencies WHERE id = ${agency.id} FOR NO KEY UPDATE`);
    const [head] = await tx.select().from(exAnteHeads).where(and(eq(exAnteHeads.agencyId, agency.id), eq(exAnteHeads.section, section)));
    const t = exAnteTransition(head?.status ?? null, action);
    if (!t.ok) throw new AppError('exante.transition_invalid', { detail: `${EXANTE_SPECS[section].label}：${t.reason}` });
    return fn({ tx, agency, head, now, today: chinaDate(now) });
  });
}

async function recordEvent(s: Step, actor: ActorContext, section: ExAnteSection, e: { version: number; kind: ExAnteEventKind; from: ExAnteStatus | null; to: ExAnteStatus; comment?: string; detail?: Record<string, unknown> }) {
  await s.tx.insert(exAnteEvents).values({
    agencyId: s.agency.id,
    agencyPath: s.agency.path,
    section,
    version: e.version,
    kind: e.kind,
    fromStatus: e.from,
    toStatus: e.to,
    comment: e.comment ?? '',
    detail: e.detail ?? {},
    actorId: actor.userId,
    actorName: actor.displayName,
    at: s.now,
  });
  await recordAudit(s.tx, {
    at: s.now,
    actor,
    action: `exante.${e.kind}`,
    object: { type: 'exante', id: `${s.agency.id}/${section}`, agencyId: s.agency.id, agencyPath: s.agency.path },
    detail: { section, version: e.version, to: e.to, ...(e.comment ? { comment: e.comment } : {}), ...(e.detail ?? {}) },
  });
}

/** What the clerk masked and dismissed, for the history: counts, and each dismissal with its reason (issue 13 item 1). */
function redactionSummary(content: ExAnteContent) {
  const list = content.redaction ?? [];
  if (!list.length) return {};
  return { masked: list.filter((r) => r.action === 'add').length, dismissed: list.filter((r) => r.action === 'dismiss').map((r) => ({ value: r.value, reason: r.reason })) };
}

async function currentVersion(s: Step, section: ExAnteSection): Promise<VersionRow> {
  const [v] = await s.tx.select().from(exAnteVersions).where(and(eq(exAnteVersions.agencyId, s.agency.id), eq(exAnteVersions.section, section), eq(exAnteVersions.version, s.head!.currentVersion)));
  if (!v) throw new Error(`exante: version ${s.head!.currentVersion} of ${section} missing`);
  return v;
}

export interface ExAnteSaveInput {
  content: unknown;
  /** ORG-6: the day the information was created or changed (default: the pending change's day, or today). */
  changedOn?: string | undefined;
  note?: string | undefined;
}

function requireEntered(section: ExAnteSection) {
  const spec = EXANTE_SPECS[section];
  if (spec.source === 'generated') throw new AppError('exante.read_only', { section: spec.label, source: spec.generatedFrom ?? '' });
}

/** ORG-8 · GS-P 13: the clerk saves a new version of a section (a draft; a published version stays online). */
export async function saveExAnteDraft(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, input: ExAnteSaveInput): Promise<{ version: number }> {
  const agency = await loadAgency(ctx, actor, agencyId, 'exante.edit');
  requireEntered(section);
  const parsed = parseExAnteContent(section, input.content);
  if (parsed.errors.length) throw new AppError('exante.invalid', { detail: parsed.errors.join('；'), details: parsed.errors.map((message) => ({ message })) });
  const profile = profileOf(agency);
  const calendar = await loadCalendar(ctx.db);
  // issue 13 item 1: the clerk's masks and dismissals must hold (an ID number cannot be dismissed)
  const reviews = reviewExAnte(section, parsed.content, await exAnteSources(ctx.db, agency, chinaDate(ctx.clock.now())));
  const open = exAnteGateProblems(reviews).length;
  return inTx(ctx, agency, section, 'save', async (s) => {
    const pending = s.head ? isPending(s.head) : false;
    const prior = pending ? s.head!.pendingChangedOn : null;
    let changedOn = input.changedOn ?? prior ?? s.today;
    if (changedOn > s.today) throw new AppError('validation.failed', { detail: '信息生成或者变更日期不能晚于今天' });
    // ORG-6: later drafts of the same pending change do not move its limit.
    if (prior && prior < changedOn) changedOn = prior;
    const deadline = exAnteDeadline({ calendar, profile, changedOn });
    const version = (s.head?.currentVersion ?? 0) + 1;
    await s.tx.insert(exAnteVersions).values({
      id: newId(),
      agencyId: agency.id,
      agencyPath: agency.path,
      section,
      version,
      content: parsed.content,
      changedOn,
      publishBy: deadline.publishBy,
      publishByNote: deadline.note,
      profileId: profile.id,
      note: input.note?.trim() ?? '',
      createdAt: s.now,
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    await sealWhere(s.tx, 'exante_versions', and(eq(exAnteVersions.agencyId, agency.id), eq(exAnteVersions.section, section), eq(exAnteVersions.version, version)), { at: s.now, agencyPath: agency.path });
    const state = { status: 'draft' as const, currentVersion: version, pendingChangedOn: changedOn, pendingPublishBy: deadline.publishBy, submittedBy: null, submittedByName: null, updatedAt: s.now };
    if (s.head) await s.tx.update(exAnteHeads).set(state).where(and(eq(exAnteHeads.agencyId, agency.id), eq(exAnteHeads.section, section)));
    else await s.tx.insert(exAnteHeads).values({ agencyId: agency.id, section, agencyPath: agency.path, ...state });
    await recordEvent(s, actor, section, { version, kind: 'save', from: s.head?.status ?? null, to: 'draft', detail: { changedOn, publishBy: deadline.publishBy, problems: exAnteProblems(section, parsed.content).length, suspects: open, ...redactionSummary(parsed.content) } });
    return { version };
  });
}

/** ORG-8: the clerk submits the current version for approval; it must be complete. */
export async function submitExAnteSection(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, comment = ''): Promise<void> {
  const agency = await loadAgency(ctx, actor, agencyId, 'exante.edit');
  requireEntered(section);
  await inTx(ctx, agency, section, 'submit', async (s) => {
    const v = await currentVersion(s, section);
    const problems = exAnteProblems(section, v.content);
    if (problems.length) throw new AppError('exante.incomplete', { action: '提交审核', detail: problems.map(formatExAnteProblem).join('；'), details: problems.map((p) => ({ ...p, message: formatExAnteProblem(p) })) });
    await s.tx.update(exAnteHeads).set({ status: 'submitted', submittedBy: actor.userId, submittedByName: actor.displayName, updatedAt: s.now }).where(and(eq(exAnteHeads.agencyId, agency.id), eq(exAnteHeads.section, section)));
    await recordEvent(s, actor, section, { version: v.version, kind: 'submit', from: s.head!.status, to: 'submitted', comment });
  });
}

/**
 * ORG-8 · GS-P 14: another person approves the submitted version and it goes
 * online; under GS19 the 执法事项清单 and the 随机抽查事项清单 also need their
 * outside review first (GS-P 14 ¶2-3). ORG-6: publishing after the limit is
 * allowed (the information must still go online) and recorded as late.
 */
export async function approveExAnteSection(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, input: { comment?: string | undefined; externalReview?: ExternalReview | undefined } = {}): Promise<void> {
  const agency = await loadAgency(ctx, actor, agencyId, 'exante.approve');
  requireEntered(section);
  const profile = profileOf(agency);
  const calendar = await loadCalendar(ctx.db);
  await inTx(ctx, agency, section, 'approve', async (s) => {
    const v = await currentVersion(s, section);
    const same = sameApproverProblem(actor.userId, { createdBy: v.createdBy, submittedBy: s.head!.submittedBy });
    if (same) throw new AppError('exante.same_person', { detail: same });
    const problems = exAnteProblems(section, v.content);
    if (problems.length) throw new AppError('exante.incomplete', { action: '公开', detail: problems.map(formatExAnteProblem).join('；') });
    // issue 13 item 1 · PUB-4 · SX25-P 16: the redaction gate and the leak guard before anything goes online
    const gate = exAnteGateProblems(reviewExAnte(section, v.content, await exAnteSources(s.tx, agency, s.today)));
    if (gate.length) throw new AppError('exante.gate_closed', { detail: gate.map((x) => x.message).join('；'), details: gate });
    const rule = externalReviewFor(section, profile);
    const outside = externalReviewProblems(rule, input.externalReview, s.today);
    if (outside.length) throw new AppError('exante.external_review_required', { detail: outside.join('；') });
    const due = exAnteDueStatus({ calendar, today: s.today, publishBy: s.head!.pendingPublishBy, publishedOn: s.today });
    await s.tx
      .update(exAnteHeads)
      .set({ status: 'published', publishedVersion: v.version, publishedOn: s.today, publishedAt: s.now, updatedAt: s.now })
      .where(and(eq(exAnteHeads.agencyId, agency.id), eq(exAnteHeads.section, section)));
    await recordEvent(s, actor, section, {
      version: v.version,
      kind: 'approve',
      from: 'submitted',
      to: 'published',
      comment: input.comment ?? '',
      detail: {
        changedOn: s.head!.pendingChangedOn,
        publishBy: s.head!.pendingPublishBy,
        due,
        ...redactionSummary(v.content),
        ...(rule && input.externalReview ? { externalReview: { ...input.externalReview, requirement: rule.requirement, basis: rule.basis } } : {}),
      },
    });
  });
}

/** ORG-8: another person returns the submitted version with a reason. */
export async function returnExAnteSection(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, comment: string): Promise<void> {
  const agency = await loadAgency(ctx, actor, agencyId, 'exante.approve');
  requireEntered(section);
  await inTx(ctx, agency, section, 'return', async (s) => {
    const v = await currentVersion(s, section);
    const same = sameApproverProblem(actor.userId, { createdBy: v.createdBy, submittedBy: s.head!.submittedBy });
    if (same) throw new AppError('exante.same_person', { detail: same });
    await s.tx.update(exAnteHeads).set({ status: 'returned', updatedAt: s.now }).where(and(eq(exAnteHeads.agencyId, agency.id), eq(exAnteHeads.section, section)));
    await recordEvent(s, actor, section, { version: v.version, kind: 'return', from: 'submitted', to: 'returned', comment });
  });
}

// Route-level acts: the act, then the section as the actor now sees it.
export async function saveExAnte(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, input: ExAnteSaveInput) {
  await saveExAnteDraft(ctx, actor, agencyId, section, input);
  return getExAnteSection(ctx, actor, agencyId, section);
}
export async function submitExAnte(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, comment?: string) {
  await submitExAnteSection(ctx, actor, agencyId, section, comment);
  return getExAnteSection(ctx, actor, agencyId, section);
}
export async function approveExAnte(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, input: { comment?: string | undefined; externalReview?: ExternalReview | undefined }) {
  await approveExAnteSection(ctx, actor, agencyId, section, input);
  return getExAnteSection(ctx, actor, agencyId, section);
}
export async function returnExAnte(ctx: AppContext, actor: ActorContext, agencyId: string, section: ExAnteSection, comment: string) {
  await returnExAnteSection(ctx, actor, agencyId, section, comment);
  return getExAnteSection(ctx, actor, agencyId, section);
}

// ── Portal (public: only what was approved) ──

export interface PublicExAnteSection {
  key: ExAnteSection;
  label: string;
  basis: string;
  source: 'entered' | 'generated';
  content: ExAnteContent;
  /** 更新日期: the day the information was created or changed (entered), or the generated source's date. */
  updatedOn: string | null;
  publishedOn: string | null;
  sourceNote: string | null;
}

/** Every published section of an agency in display order, the generated ones, and the officer roster. */
export async function publicExAnte(db: DbOrTx, agency: AgencyRow, today: string) {
  const rows = await db
    .select({ v: exAnteVersions, publishedOn: exAnteHeads.publishedOn })
    .from(exAnteHeads)
    .innerJoin(exAnteVersions, and(eq(exAnteVersions.agencyId, exAnteHeads.agencyId), eq(exAnteVersions.section, exAnteHeads.section), eq(exAnteVersions.version, exAnteHeads.publishedVersion)))
    .where(and(eq(exAnteHeads.agencyId, agency.id), isNotNull(exAnteHeads.publishedVersion)));
  const sections: PublicExAnteSection[] = [];
  for (const key of EXANTE_SECTIONS) {
    const spec = EXANTE_SPECS[key];
    if (spec.source === 'generated') {
      const g = await generatedSection(db, agency, key as 'reviewCatalogue' | 'avItems');
      sections.push({ key, label: spec.label, basis: spec.basis, source: 'generated', content: g.content, updatedOn: g.updatedOn, publishedOn: null, sourceNote: g.source });
      continue;
    }
    const r = rows.find((x) => x.v.section === key);
    if (!r) continue;
    sections.push({ key, label: spec.label, basis: spec.basis, source: 'entered', content: publicExAnteContent(key, r.v.content), updatedOn: r.v.changedOn, publishedOn: r.publishedOn, sourceNote: null });
  }
  return { sections, roster: await officerRoster(db, agency, today) };
}

/** ORG-4 · SX25-P 10 ¶2: the published 涉企行政检查公示专栏 of every agency, in directory order. */
export async function publicEnterpriseInspections(db: DbOrTx) {
  const rows = await db
    .select({ agency: agencies, v: exAnteVersions, publishedOn: exAnteHeads.publishedOn })
    .from(exAnteHeads)
    .innerJoin(exAnteVersions, and(eq(exAnteVersions.agencyId, exAnteHeads.agencyId), eq(exAnteVersions.section, exAnteHeads.section), eq(exAnteVersions.version, exAnteHeads.publishedVersion)))
    .innerJoin(agencies, eq(agencies.id, exAnteHeads.agencyId))
    .where(and(eq(exAnteHeads.section, 'enterpriseInspections'), isNotNull(exAnteHeads.publishedVersion)))
    .orderBy(asc(agencies.sortOrder), asc(agencies.path));
  return rows.map((r) => ({ agency: r.agency, content: publicExAnteContent('enterpriseInspections', r.v.content), updatedOn: r.v.changedOn, publishedOn: r.publishedOn }));
}
