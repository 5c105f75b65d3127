/**
 * Audit events (SYS-5): every login, failure, lockout and write, with actor,
 * agency, action, object, time and client address. Written with the same
 * transaction handle as the change it records; the table is append-only
 * (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
import { and, count, desc, eq, gte, isNull, like, lt, or } from 'drizzle-orm';
import { AppError } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { scopeWhere } from './authorize.js';
import type { DbOrTx } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
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
  return {
    total: total?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      agencyId: r.agencyId,
      outcome: r.outcome,
      ip: r.ip,
      detail: r.detail,
    })),
  };
}
