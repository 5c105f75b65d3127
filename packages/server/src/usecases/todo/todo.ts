/**
 * 待办 — what waits for the signed-in person, from every area, ordered by due
 * date with 预警 / 逾期 / 暂定 badges (issue 15). Each source reads through the
 * same scoped queries and policy table as its own pages, so the list never
 * shows what the person could not open, and each item links to the page
 * where the work is done.
 */
import { and, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import {
  AppError,
  allows,
  caseDeadlines,
  currentDocuments,
  getDocumentKind,
  missingHolidayYear,
  sortTodo,
  todoUrgency,
  TODO_URGENCY_LABELS,
  type TodoUrgency,
  type WorkCalendar,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import { calendarYears, caseHandlers, cases, deadlineChanges, mediaIntegrityAlerts, mediaUploads, mediaVerifications } from '../../db/schema.js';
import { chinaDate } from '../../lib/time.js';
import { listAccessRequests } from '../access.js';
import { relationTo, scopeWhere } from '../authorize.js';
import { loadCalendar } from '../calendar.js';
import { loadCaseContext } from '../case-context.js';
import { agencyCatalogue } from '../document-kinds.js';
import { listDisposals } from '../media-retention.js';
import { uploadDeadline } from '../media-rules.js';
import { listPublications } from '../publications.js';
import { listReviews } from '../review-present.js';

export const TODO_KINDS = {
  sign: '待签名',
  issue: '待签发',
  advance: '办理期限',
  seizure: '查封扣押到期',
  mediaUpload: '音像记录待上传',
  reviewAssign: '待分配',
  reviewDo: '待审核',
  reviewHead: '审核分歧待决定',
  publicationPrepare: '公示待录入',
  publicationApprove: '公示待审核',
  accessDecide: '调阅待审批',
  disposalDecide: '销毁待审批',
  holidayNotice: '节假日安排待录入',
  deadlineChanged: '期限已重算',
  integrityAlert: '完整性告警',
} as const;
export type TodoKind = keyof typeof TODO_KINDS;

export interface TodoItem {
  /** Stable key of the item (the bell remembers which keys the person has seen). */
  key: string;
  kind: TodoKind;
  kindLabel: string;
  title: string;
  /** The case number or other reference shown under the title. */
  reference: string;
  due: string | null;
  urgency: TodoUrgency;
  urgencyLabel: string;
  /** 暂定: the due date rests on a provisional calendar year (the deadline object says so). */
  provisional: boolean;
  provisionalReason: string | null;
  /** Console path (below /console) where the work is done. */
  link: string;
}

type Draft = Omit<TodoItem, 'kindLabel' | 'urgency' | 'urgencyLabel' | 'provisional' | 'provisionalReason'> & { provisional?: boolean; provisionalReason?: string | null };

const OPEN_DEADLINE = new Set(['onTime', 'dueSoon', 'overdue']);
const HEADS = ['unitHead', 'agencyHead'] as const;

function finish(d: Draft, today: string, calendar: WorkCalendar): TodoItem {
  const urgency = todoUrgency(d.due, today, calendar);
  return { ...d, kindLabel: TODO_KINDS[d.kind], urgency, urgencyLabel: TODO_URGENCY_LABELS[urgency], provisional: d.provisional ?? false, provisionalReason: d.provisionalReason ?? null };
}

/** The calendar-year field the lead adds to deadlines (issue 10); optional so this works before and after. */
function provisionalOf(d: object): { provisional?: boolean; provisionalReason?: string | null } {
  const p = d as { provisional?: unknown; provisionalReason?: unknown; reason?: unknown };
  if (p.provisional !== true) return {};
  const reason = typeof p.provisionalReason === 'string' ? p.provisionalReason : typeof p.reason === 'string' ? p.reason : '所涉年度的节假日安排尚未公布，期限按法定节假日暂定';
  return { provisional: true, provisionalReason: reason };
}

/** Cases the actor handles, or (heads) every open case of the own agency: deadlines to keep, drafts to sign or issue. */
async function caseItems(ctx: AppContext, actor: ActorContext, today: string): Promise<Draft[]> {
  const isHead = HEADS.some((r) => actor.roles.includes(r));
  const canIssue = actor.roles.includes('agencyHead');
  if (!actor.roles.includes('officer') && !isHead) return [];
  const mine = sql`EXISTS (SELECT 1 FROM ${caseHandlers} h WHERE h.case_id = ${cases.id} AND h.user_id = ${actor.userId})`;
  const rows = await ctx.db
    .select()
    .from(cases)
    .where(and(scopeWhere(actor, 'case.read', cases.agencyPath), ne(cases.state, 'archived'), isHead ? sql`(${eq(cases.agencyId, actor.agencyId)} OR ${mine})` : mine))
    .limit(300);
  const out: Draft[] = [];
  for (const row of rows) {
    const c = await loadCaseContext(ctx.db, row);
    const handler = c.handlers.some((h) => h.id === actor.userId);
    const link = `/cases/${row.id}`;
    const base = { reference: row.caseNumber };
    // Deadlines of the case that are still open and kept by the agency (DUR rules, NAT-3..NAT-12).
    let deadlines: ReturnType<typeof caseDeadlines> = [];
    try {
      deadlines = caseDeadlines({ actionType: row.actionType, summaryProcedure: row.flags.summaryProcedure ?? false, measures: row.measures, dates: row.dates, profile: c.profile, calendar: c.calendar, today });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'calendar.year_missing')) throw e;
    }
    for (const d of deadlines) {
      if (!OPEN_DEADLINE.has(d.status) || d.partyDeadline) continue;
      const seizure = d.key === 'seizure.max';
      out.push({ ...base, key: `case:${row.id}:${d.key}`, kind: seizure ? 'seizure' : 'advance', title: `${row.title}：${d.label}`, due: d.due, link, ...provisionalOf(d) });
    }
    const rel = relationTo(actor, { agencyId: row.agencyId, agencyPath: row.agencyPath });
    for (const d of currentDocuments(c.snapshot.documents ?? [])) {
      if (d.status !== 'draft') continue;
      const kind = getDocumentKind(d.kind, agencyCatalogue(c.agency));
      const issued = kind?.finalStatus === 'issued';
      const docId = d.documentId ?? d.id;
      const title = `${row.title}：${kind?.name ?? d.kind}`;
      if (issued && canIssue && allows(actor, 'document.issue', rel)) out.push({ ...base, key: `doc:${docId}:issue`, kind: 'issue', title, due: null, link: `${link}/documents/${docId}` });
      else if (!issued && handler) out.push({ ...base, key: `doc:${docId}:sign`, kind: 'sign', title, due: null, link: `${link}/documents/${docId}` });
    }
  }
  return out;
}

/** REC-14: recordings declared for upload and not yet received, with the profile's storage deadline. */
async function uploadItems(ctx: AppContext, actor: ActorContext): Promise<Draft[]> {
  const rows = await ctx.db
    .select({ u: mediaUploads, caseNumber: cases.caseNumber, caseRow: cases })
    .from(mediaUploads)
    .innerJoin(cases, eq(cases.id, mediaUploads.caseId))
    .where(and(eq(mediaUploads.createdBy, actor.userId), eq(mediaUploads.status, 'pending'), scopeWhere(actor, 'case.read', mediaUploads.agencyPath)))
    .limit(100);
  const out: Draft[] = [];
  for (const r of rows) {
    const c = await loadCaseContext(ctx.db, r.caseRow);
    const meta = r.u.metadata as { recordedEnd?: string; returnedAt?: string | null };
    const due = meta.recordedEnd ? uploadDeadline({ profile: c.profile, calendar: c.calendar, recordedEnd: new Date(meta.recordedEnd), returnedAt: meta.returnedAt ? new Date(meta.returnedAt) : null, uploadedAt: ctx.clock.now() }).due : null;
    out.push({ key: `upload:${r.u.id}`, kind: 'mediaUpload', title: `${r.caseRow.title}：${r.u.filename}`, reference: r.caseNumber, due, link: `/cases/${r.u.caseId}?tab=media` });
  }
  return out;
}

/** REV-3, REV-6: reviews waiting for a reviewer (待分配), assigned to me, or disputed (the head decides). */
async function reviewItems(ctx: AppContext, actor: ActorContext): Promise<Draft[]> {
  const canAssign = actor.roles.includes('legalReviewer') || actor.roles.includes('agencyHead');
  const canHead = actor.roles.includes('agencyHead');
  if (!canAssign && !actor.roles.includes('legalReviewer')) return [];
  const { items } = await listReviews(ctx, actor, { status: 'open', page: 1, pageSize: 200 });
  const ids = [...new Set(items.map((r) => r.caseId))];
  const own = new Set(ids.length ? (await ctx.db.select({ id: cases.id }).from(cases).where(and(inArray(cases.id, ids), eq(cases.agencyId, actor.agencyId)))).map((r) => r.id) : []);
  const out: Draft[] = [];
  for (const r of items) {
    if (!own.has(r.caseId)) continue; // assigning and deciding are for the own agency (the policy's 'own')
    const base = { reference: r.caseNumber, due: r.due ?? null, link: `/review/cases/${r.caseId}` };
    if (r.status === 'submitted' && !r.reviewerId && canAssign) out.push({ ...base, key: `review:${r.reviewId}:${r.round}:assign`, kind: 'reviewAssign', title: `${r.caseTitle}（第${r.round}轮送审）` });
    else if (r.status === 'inReview' && r.reviewerId === actor.userId) out.push({ ...base, key: `review:${r.reviewId}:${r.round}:do`, kind: 'reviewDo', title: r.caseTitle });
    else if (r.status === 'disputed' && canHead) out.push({ ...base, key: `review:${r.reviewId}:${r.round}:head`, kind: 'reviewHead', title: r.caseTitle });
  }
  return out;
}

/** PUB-2: decisions to prepare (clerk) and to approve (approver) before their publication deadline. */
async function publicationItems(ctx: AppContext, actor: ActorContext): Promise<Draft[]> {
  const clerk = actor.roles.includes('disclosureClerk');
  const approver = actor.roles.includes('disclosureApprover');
  if (!clerk && !approver) return [];
  const { items } = await listPublications(ctx, actor, { status: 'open', limit: 200 });
  const out: Draft[] = [];
  for (const p of items) {
    const base = { reference: p.decisionNumber || p.caseNumber, due: p.due?.date ?? null, link: `/disclosure/publications/${p.id}`, title: p.caseTitle || p.decisionKindName };
    if (clerk && p.status === 'draft' && !p.withholding) out.push({ ...base, key: `publication:${p.id}:prepare:${p.currentVersion}`, kind: 'publicationPrepare' });
    if (approver && (p.status === 'submitted' || p.status === 'withholdPending' || p.status === 'withdrawPending')) {
      out.push({ ...base, key: `publication:${p.id}:approve:${p.status}:${p.currentVersion}`, kind: 'publicationApprove', title: `${base.title}（${p.statusLabel}）` });
    }
  }
  return out;
}

/** REC-20 and REC-18: access requests and disposal requests the agency head decides. */
async function headItems(ctx: AppContext, actor: ActorContext): Promise<Draft[]> {
  if (!actor.roles.includes('agencyHead')) return [];
  const out: Draft[] = [];
  const access = await listAccessRequests(ctx, actor, { status: 'pending' });
  for (const r of access.items) {
    if (!r.abilities.decide) continue;
    out.push({ key: `access:${r.id}`, kind: 'accessDecide', title: `${r.requesterOrg || r.requesterName}申请调阅（${r.reason}）`, reference: r.caseNumber, due: null, link: '/records/access' });
  }
  const disposals = await listDisposals(ctx, actor, { status: 'pending' });
  for (const d of disposals.items) {
    out.push({ key: `disposal:${d.id}`, kind: 'disposalDecide', title: `销毁音像记录 ${d.filename}`, reference: d.recordNumber, due: null, link: '/records/disposals' });
  }
  return out;
}

/**
 * Issue 12 item 7 (REC-16 · SX25-R 22): a media file whose stored bytes no longer hash to the sealed
 * value reaches the agency's records keepers and heads, until a later whole-file check finds it sound
 * again (restored from a copy).
 */
async function integrityAlertItems(ctx: AppContext, actor: ActorContext): Promise<Draft[]> {
  if (!actor.roles.includes('recordsKeeper') && !actor.roles.includes('agencyHead')) return [];
  const a = mediaIntegrityAlerts;
  const restored = sql`EXISTS (SELECT 1 FROM ${mediaVerifications} v WHERE v.media_id = ${a.mediaId} AND v.ok AND v.verified_at >= ${a.detectedAt})`;
  const rows = await ctx.db
    .select({ a, caseNumber: cases.caseNumber, title: cases.title })
    .from(a)
    .leftJoin(cases, eq(cases.id, a.caseId))
    .where(and(scopeWhere(actor, 'media.hold', a.agencyPath), sql`NOT ${restored}`))
    .orderBy(desc(a.id))
    .limit(100);
  return rows.map(({ a: r, caseNumber, title }) => ({
    key: `integrity:${r.id}`,
    kind: 'integrityAlert' as const,
    title: `音像记录 ${r.recordNumber} 的内容与登记的完整性校验值不符，已停止提供，请核查并从备份恢复`,
    reference: `${caseNumber ?? ''}${title ? ` · ${title}` : ''}`,
    due: null,
    link: `/cases/${r.caseId}?tab=media`,
  }));
}

/** NAT-21: the State Council's holiday notice for the current or (from November) next year is missing from the calendar. */
async function holidayItems(ctx: AppContext, actor: ActorContext, today: string): Promise<Draft[]> {
  if (!actor.roles.includes('sysAdmin')) return [];
  const years = (await ctx.db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year);
  const missing = missingHolidayYear(years, today);
  if (missing === null) return [];
  return [
    {
      key: `holiday:${missing}`,
      kind: 'holidayNotice',
      title: `录入国务院办公厅关于${missing}年部分节假日安排的通知`,
      reference: `${missing}年节假日未录入时，期限按法定节假日暂定`,
      due: `${missing - 1}-12-31` < today ? today : `${missing - 1}-12-31`,
      link: '/rules/calendar',
    },
  ];
}

/** How long a recomputed deadline stays in 待办 as news (the bell marks it unread until seen). */
export const DEADLINE_CHANGE_NOTICE_DAYS = 14;

/**
 * NAT-21 (issue 10, item 4): open deadlines recomputed when a year's holiday notice was entered or
 * corrected reach the people who keep them — the case's handlers for case deadlines, the agency's
 * disclosure clerks for publication deadlines — for two weeks, each change its own item (old date →
 * new date, why), so the bell counts it as unread until it is seen.
 */
async function deadlineChangeItems(ctx: AppContext, actor: ActorContext): Promise<Draft[]> {
  const clerk = actor.roles.includes('disclosureClerk');
  if (!actor.roles.includes('officer') && !clerk) return [];
  const since = new Date(ctx.clock.now().getTime() - DEADLINE_CHANGE_NOTICE_DAYS * 86_400_000);
  const mine = sql`EXISTS (SELECT 1 FROM ${caseHandlers} h WHERE h.case_id = ${deadlineChanges.caseId} AND h.user_id = ${actor.userId})`;
  const who = clerk
    ? sql`((${deadlineChanges.objectType} = 'case' AND ${mine}) OR (${deadlineChanges.objectType} = 'publication' AND ${deadlineChanges.agencyId} = ${actor.agencyId}))`
    : sql`(${deadlineChanges.objectType} = 'case' AND ${mine})`;
  const rows = await ctx.db
    .select({ d: deadlineChanges, title: cases.title, caseNumber: cases.caseNumber })
    .from(deadlineChanges)
    .leftJoin(cases, eq(cases.id, deadlineChanges.caseId))
    .where(and(scopeWhere(actor, 'case.read', deadlineChanges.agencyPath), gte(deadlineChanges.at, since), who))
    .orderBy(desc(deadlineChanges.id))
    .limit(100);
  return rows.map(({ d, title, caseNumber }) => ({
    key: `deadline-change:${d.id}`,
    kind: 'deadlineChanged' as const,
    title: `${title ?? '案件'}：${d.label}由 ${d.oldDue ?? '—'} 改为 ${d.newDue ?? '—'}`,
    reference: `${d.caseNumber ?? caseNumber ?? ''}${d.caseNumber ?? caseNumber ? ' · ' : ''}${d.reason}`,
    due: d.newDue,
    link: d.objectType === 'publication' ? `/disclosure/publications/${d.objectId}` : `/cases/${d.caseId}`,
  }));
}

/** Everything waiting for the actor, most urgent (earliest due) first. */
export async function listTodo(ctx: AppContext, actor: ActorContext): Promise<{ today: string; items: TodoItem[] }> {
  const today = chinaDate(ctx.clock.now());
  const calendar = await loadCalendar(ctx.db);
  const parts = await Promise.all([caseItems(ctx, actor, today), uploadItems(ctx, actor), reviewItems(ctx, actor), publicationItems(ctx, actor), headItems(ctx, actor), holidayItems(ctx, actor, today), deadlineChangeItems(ctx, actor), integrityAlertItems(ctx, actor)]);
  const seen = new Set<string>();
  const items = parts.flat().filter((d) => (seen.has(d.key) ? false : (seen.add(d.key), true)));
  return { today, items: sortTodo(items.map((d) => finish(d, today, calendar))) };
}
