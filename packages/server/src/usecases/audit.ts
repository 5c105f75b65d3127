/**
 * Audit events (SYS-5): every login, failure, lockout and write, with actor,
 * agency, action, object, time and client address. Written with the same
 * transaction handle as the change it records; the table is append-only
 * (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
import { and, count, desc, eq, gte, inArray, isNull, like, lt, or } from 'drizzle-orm';
import { AppError } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { scopeWhere } from './authorize.js';
import type { DbOrTx } from '../db/client.js';
import { agencies, auditEvents, cases, documents, mediaFiles, users } from '../db/schema.js';
import { sealRows } from './integrity-seal/seal.js';

export interface AuditInput {
  at: Date;
  actor: Pick<ActorContext, 'userId' | 'displayName' | 'agencyId' | 'ip'> | null;
  action: string;
  object?: { type: string; id: string; agencyId?: string | null; agencyPath?: string | null };
  outcome?: 'ok' | 'denied' | 'failed';
  ip?: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: DbOrTx, e: AuditInput): Promise<void> {
  const rows = await db.insert(auditEvents).values({
    at: e.at,
    actorId: e.actor?.userId ?? null,
    actorName: e.actor?.displayName ?? '',
    actorAgencyId: e.actor?.agencyId ?? null,
    agencyId: e.object?.agencyId ?? null,
    agencyPath: e.object?.agencyPath ?? null,
    action: e.action,
    objectType: e.object?.type ?? '',
    objectId: e.object?.id ?? '',
    outcome: e.outcome ?? 'ok',
    ip: e.ip ?? e.actor?.ip ?? '',
    detail: e.detail ?? {},
  }).returning();
  // SYS-5, DESIGN §6: each audit row is hashed into the integrity log with the act it records.
  const caseId = typeof e.detail?.caseId === 'string' ? e.detail.caseId : null;
  await sealRows(db, 'audit_events', rows, { at: e.at, caseId, agencyPath: e.object?.agencyPath ?? null });
}

export interface AuditFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  outcome?: 'ok' | 'denied' | 'failed' | undefined;
  page: number;
  pageSize: number;
}

/**
 * SYS-5: audit records for the audit administrator (own agency and below) and
 * supervisors (their subtree). Events without an object agency (failed logins
 * of unknown usernames) are visible to audit administrators of a root agency.
 */
export async function listAuditEvents(ctx: AppContext, actor: ActorContext, f: AuditFilter) {
  if (!actor.roles.includes('auditAdmin') && !actor.roles.includes('supervisor')) throw new AppError('forbidden');
  const scope = scopeWhere(actor, 'audit.read', auditEvents.agencyPath);
  const isRootAuditor = actor.roles.includes('auditAdmin') && actor.agencyPath.split('/').length === 3;
  const conds = [isRootAuditor ? or(scope, isNull(auditEvents.agencyPath)) : scope];
  if (f.from) conds.push(gte(auditEvents.at, f.from));
  if (f.to) conds.push(lt(auditEvents.at, f.to));
  if (f.action) conds.push(like(auditEvents.action, `${f.action.replace(/[%_\\]/g, '')}%`));
  if (f.actorId) conds.push(eq(auditEvents.actorId, f.actorId));
  if (f.outcome) conds.push(eq(auditEvents.outcome, f.outcome));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    ctx.db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  const names = await auditNames(ctx.db, rows);
  return {
    total: total?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => {
      const detail = (r.detail ?? {}) as Record<string, unknown>;
      const caseId = r.objectType === 'case' ? r.objectId : typeof detail.caseId === 'string' ? detail.caseId : null;
      const documentId = typeof detail.documentId === 'string' ? detail.documentId : null;
      const mediaId = r.objectType === 'media' ? r.objectId : typeof detail.mediaId === 'string' ? detail.mediaId : null;
      return {
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        objectType: r.objectType,
        objectId: r.objectId,
        // Issue 15 item 4: the object by its number or name, not its id.
        objectName: r.objectType === 'user' || r.objectType === 'agency' ? (names.get(r.objectId) ?? null) : null,
        case: caseId && names.has(caseId) ? { id: caseId, number: names.get(caseId)! } : null,
        document: documentId && names.has(documentId) ? { id: documentId, number: names.get(documentId)! } : null,
        media: mediaId && names.has(mediaId) ? { id: mediaId, number: names.get(mediaId)! } : null,
        agencyId: r.agencyId,
        outcome: r.outcome,
        ip: r.ip,
        detail: r.detail,
      };
    }),
  };
}

/**
 * The numbers and names a page of audit events refers to (case numbers,
 * documents' record numbers, media record numbers, people, agencies), read in
 * one query per kind. The page is already within the reader's scope; these
 * are the names of the objects its events are about.
 */
async function auditNames(db: DbOrTx, rows: readonly (typeof auditEvents.$inferSelect)[]): Promise<Map<string, string>> {
  const ids = { case: new Set<string>(), document: new Set<string>(), media: new Set<string>(), user: new Set<string>(), agency: new Set<string>() };
  for (const r of rows) {
    const d = (r.detail ?? {}) as Record<string, unknown>;
    if (r.objectType === 'case') ids.case.add(r.objectId);
    if (typeof d.caseId === 'string') ids.case.add(d.caseId);
    if (typeof d.documentId === 'string') ids.document.add(d.documentId);
    if (r.objectType === 'media') ids.media.add(r.objectId);
    if (typeof d.mediaId === 'string') ids.media.add(d.mediaId);
    if (r.objectType === 'user') ids.user.add(r.objectId);
    if (r.objectType === 'agency') ids.agency.add(r.objectId);
  }
  const out = new Map<string, string>();
  const put = (list: { id: string; name: string | null }[]) => list.forEach((x) => x.name && out.set(x.id, x.name));
  const of = (set: Set<string>) => [...set].filter(Boolean);
  await Promise.all([
    of(ids.case).length ? db.select({ id: cases.id, name: cases.caseNumber }).from(cases).where(inArray(cases.id, of(ids.case))).then(put) : null,
    of(ids.document).length ? db.select({ id: documents.id, name: documents.recordNumber }).from(documents).where(inArray(documents.id, of(ids.document))).then(put) : null,
    of(ids.media).length ? db.select({ id: mediaFiles.id, name: mediaFiles.recordNumber }).from(mediaFiles).where(inArray(mediaFiles.id, of(ids.media))).then(put) : null,
    of(ids.user).length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, of(ids.user))).then(put) : null,
    of(ids.agency).length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, of(ids.agency))).then(put) : null,
  ]);
  return out;
}
