/**
 * Users, roles and officer certificates (ORG-2, SYS-5). The system
 * administrator creates and disables accounts and keeps the certificate
 * registry; the security administrator grants roles, unlocks and resets
 * passwords (三员).
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { AppError, allows, certificateState, roleConflict, type Role } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { agencies, officerCertificates, sessions, userRoles, users } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize, relationTo, scopeWhere } from './authorize.js';
import { findAgency } from './agencies.js';
import { hashPassword, requireStrongPassword } from './auth.js';

type UserRow = typeof users.$inferSelect;
type CertRow = typeof officerCertificates.$inferSelect;

export interface UserView {
  id: string;
  agencyId: string;
  agencyName: string;
  username: string;
  displayName: string;
  post: string;
  phone: string;
  roles: Role[];
  disabled: boolean;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  certificates: ReturnType<typeof presentCertificate>[];
  abilities?: { update: boolean; assignRoles: boolean; unlock: boolean; resetPassword: boolean; manageCertificates: boolean };
}

export function presentCertificate(c: CertRow, today: string) {
  const state = certificateState(c, today);
  return {
    id: c.id,
    number: c.number,
    issuer: c.issuer,
    validFrom: c.validFrom,
    validTo: c.validTo,
    status: c.status,
    usable: state.valid,
    problem: state.valid ? null : state.reason,
  };
}

async function loadRelated(ctx: AppContext, rows: { user: UserRow; agencyName: string; agencyPath: string }[], actor: ActorContext | null): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.user.id);
  const roles = await ctx.db.select().from(userRoles).where(inArray(userRoles.userId, ids));
  const certs = await ctx.db.select().from(officerCertificates).where(inArray(officerCertificates.userId, ids)).orderBy(asc(officerCertificates.validFrom));
  const now = ctx.clock.now();
  const today = chinaDate(now);
  return rows.map(({ user: u, agencyName, agencyPath }) => {
    const rel = actor ? relationTo(actor, { agencyId: u.agencyId, agencyPath }) : null;
    return {
      id: u.id,
      agencyId: u.agencyId,
      agencyName,
      username: u.username,
      displayName: u.displayName,
      post: u.post,
      phone: u.phone,
      roles: roles.filter((r) => r.userId === u.id).map((r) => r.role as Role),
      disabled: u.disabled,
      locked: !!u.lockedUntil && u.lockedUntil > now,
      lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
      mustChangePassword: u.mustChangePassword,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      certificates: certs.filter((c) => c.userId === u.id).map((c) => presentCertificate(c, today)),
      ...(actor && rel
        ? {
            abilities: {
              update: allows(actor, 'user.update', rel),
              assignRoles: allows(actor, 'user.assignRoles', rel) && u.id !== actor.userId,
              unlock: allows(actor, 'user.unlock', rel),
              resetPassword: allows(actor, 'user.resetPassword', rel) && u.id !== actor.userId,
              manageCertificates: allows(actor, 'certificate.manage', rel),
            },
          }
        : {}),
    };
  });
}

function baseQuery(ctx: AppContext, where: SQL | undefined) {
  return ctx.db
    .select({ user: users, agencyName: agencies.name, agencyPath: agencies.path })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where)
    .orderBy(asc(agencies.path), asc(users.username));
}

export async function listUsers(ctx: AppContext, actor: ActorContext, filter: { agencyId?: string | undefined }): Promise<UserView[]> {
  const conds = [scopeWhere(actor, 'user.read', agencies.path)];
  if (filter.agencyId) conds.push(eq(users.agencyId, filter.agencyId));
  return loadRelated(ctx, await baseQuery(ctx, and(...conds)), actor);
}

export async function getUser(ctx: AppContext, actor: ActorContext, id: string): Promise<UserView> {
  return (await loadUserForAction(ctx, actor, id, 'user.read')).view;
}

async function loadUserForAction(ctx: AppContext, actor: ActorContext, id: string, action: Parameters<typeof authorize>[1]) {
  const [row] = await baseQuery(ctx, eq(users.id, id));
  // Everyone may read their own account.
  if (!row) throw new AppError('not_found');
  if (!(id === actor.userId && action === 'user.read')) {
    authorize(actor, action, { agencyId: row.user.agencyId, agencyPath: row.agencyPath }, 'user.read');
  }
  const [view] = await loadRelated(ctx, [row], actor);
  return { row, view: view! };
}

export interface NewUserInput {
  agencyId: string;
  username: string;
  displayName: string;
  post?: string | undefined;
  phone?: string | undefined;
  initialPassword: string;
}

export async function createUser(ctx: AppContext, actor: ActorContext, input: NewUserInput): Promise<UserView> {
  const now = ctx.clock.now();
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency) throw new AppError('not_found');
  authorize(actor, 'user.create', { agencyId: agency.id, agencyPath: agency.path }, 'agency.read');
  requireStrongPassword(ctx, input.initialPassword, { username: input.username, displayName: input.displayName });
  const passwordHash = await hashPassword(input.initialPassword);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (dup) throw new AppError('user.duplicate_username', { value: input.username });
    await tx.insert(users).values({
      id,
      agencyId: agency.id,
      username: input.username,
      displayName: input.displayName,
      post: input.post ?? '',
      phone: input.phone ?? '',
      passwordHash,
      mustChangePassword: true, // an initial password set by an administrator is changed at first login
      createdAt: now,
    });
    await recordAudit(tx, { at: now, actor, action: 'user.create', object: { type: 'user', id, agencyId: agency.id, agencyPath: agency.path }, detail: { username: input.username } });
  });
  return getUser(ctx, actor, id);
}

export async function updateUser(ctx: AppContext, actor: ActorContext, id: string, patch: { displayName?: string | undefined; post?: string | undefined; phone?: string | undefined; disabled?: boolean | undefined }): Promise<UserView> {
  const now = ctx.clock.now();
  const { row } = await loadUserForAction(ctx, actor, id, 'user.update');
  if (patch.disabled === true && id === actor.userId) throw new AppError('conflict', { detail: '不能停用自己的账号' });
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(values).length === 0) throw new AppError('validation.failed', { detail: '请求体未包含任何要修改的字段（displayName、post、phone、disabled）' });
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set(values).where(eq(users.id, id));
    if (patch.disabled === true) {
      await tx.update(sessions).set({ endedAt: now }).where(eq(sessions.userId, id));
    }
    await recordAudit(tx, { at: now, actor, action: patch.disabled === undefined ? 'user.update' : patch.disabled ? 'user.disable' : 'user.enable', object: { type: 'user', id, agencyId: row.user.agencyId, agencyPath: row.agencyPath }, detail: { changed: Object.keys(values) } });
  });
  return getUser(ctx, actor, id);
}

export async function assignRoles(ctx: AppContext, actor: ActorContext, id: string, roles: Role[]): Promise<UserView> {
  const now = ctx.clock.now();
  const { row, view } = await loadUserForAction(ctx, actor, id, 'user.assignRoles');
  if (id === actor.userId) throw new AppError('forbidden'); // nobody grants rights to themselves
  const unique = [...new Set(roles)];
  const conflict = roleConflict(unique);
  if (conflict) throw new AppError('user.role_conflict', { detail: conflict });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    if (unique.length) await tx.insert(userRoles).values(unique.map((role) => ({ userId: id, role, grantedAt: now })));
    await recordAudit(tx, { at: now, actor, action: 'user.assignRoles', object: { type: 'user', id, agencyId: row.user.agencyId, agencyPath: row.agencyPath }, detail: { before: view.roles, after: unique } });
  });
  return getUser(ctx, actor, id);
}

export async function unlockUser(ctx: AppContext, actor: ActorContext, id: string): Promise<UserView> {
  const now = ctx.clock.now();
  const { row } = await loadUserForAction(ctx, actor, id, 'user.unlock');
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ lockedUntil: null, failedAttempts: 0 }).where(eq(users.id, id));
    await recordAudit(tx, { at: now, actor, action: 'user.unlock', object: { type: 'user', id, agencyId: row.user.agencyId, agencyPath: row.agencyPath } });
  });
  return getUser(ctx, actor, id);
}

export async function resetPassword(ctx: AppContext, actor: ActorContext, id: string, newPassword: string): Promise<UserView> {
  const now = ctx.clock.now();
  const { row } = await loadUserForAction(ctx, actor, id, 'user.resetPassword');
  if (id === actor.userId) throw new AppError('forbidden');
  requireStrongPassword(ctx, newPassword, { username: row.user.username, displayName: row.user.displayName });
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, lockedUntil: null, failedAttempts: 0 }).where(eq(users.id, id));
    await recordAudit(tx, { at: now, actor, action: 'user.resetPassword', object: { type: 'user', id, agencyId: row.user.agencyId, agencyPath: row.agencyPath } });
  });
  return getUser(ctx, actor, id);
}

export interface CertificateInput {
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  status?: 'valid' | 'suspended' | 'revoked' | undefined;
}

/** ORG-2: adds a certificate to an officer's record. */
export async function addCertificate(ctx: AppContext, actor: ActorContext, userId: string, input: CertificateInput): Promise<UserView> {
  const now = ctx.clock.now();
  const { row } = await loadUserForAction(ctx, actor, userId, 'certificate.manage');
  if (input.validTo < input.validFrom) throw new AppError('validation.failed', { detail: '有效期截止日期早于起始日期' });
  await ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: officerCertificates.id }).from(officerCertificates).where(eq(officerCertificates.number, input.number));
    if (dup) throw new AppError('conflict', { detail: `执法证号 ${input.number} 已登记` });
    const id = newId();
    await tx.insert(officerCertificates).values({ id, userId, number: input.number, issuer: input.issuer, validFrom: input.validFrom, validTo: input.validTo, status: input.status ?? 'valid', createdAt: now });
    await recordAudit(tx, { at: now, actor, action: 'certificate.add', object: { type: 'user', id: userId, agencyId: row.user.agencyId, agencyPath: row.agencyPath }, detail: { number: input.number } });
  });
  return getUser(ctx, actor, userId);
}

/** ORG-2: suspends, revokes or reinstates a certificate. */
export async function setCertificateStatus(ctx: AppContext, actor: ActorContext, userId: string, certId: string, status: 'valid' | 'suspended' | 'revoked'): Promise<UserView> {
  const now = ctx.clock.now();
  const { row } = await loadUserForAction(ctx, actor, userId, 'certificate.manage');
  const [cert] = await ctx.db.select().from(officerCertificates).where(and(eq(officerCertificates.id, certId), eq(officerCertificates.userId, userId)));
  if (!cert) throw new AppError('not_found');
  await ctx.db.transaction(async (tx) => {
    await tx.update(officerCertificates).set({ status }).where(eq(officerCertificates.id, certId));
    await recordAudit(tx, { at: now, actor, action: 'certificate.status', object: { type: 'user', id: userId, agencyId: row.user.agencyId, agencyPath: row.agencyPath }, detail: { number: cert.number, from: cert.status, to: status } });
  });
  return getUser(ctx, actor, userId);
}

/**
 * Officers of the actor's own agency with the state of their certificate
 * today (ORG-2), for choosing case handlers. Names and certificate numbers
 * are published anyway (ORG-2 · GS-P 5(二)); nothing else is shown.
 */
export async function listOfficers(ctx: AppContext, actor: ActorContext) {
  if (!allows(actor, 'case.read', 'own')) throw new AppError('forbidden');
  const rows = await ctx.db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'officer')))
    .where(and(eq(users.agencyId, actor.agencyId), eq(users.disabled, false)))
    .orderBy(asc(users.username));
  const ids = rows.map((r) => r.id);
  const certs = ids.length ? await ctx.db.select().from(officerCertificates).where(inArray(officerCertificates.userId, ids)) : [];
  const today = chinaDate(ctx.clock.now());
  return rows.map((r) => {
    const c = certs.filter((x) => x.userId === r.id).sort((a, b) => (a.validTo < b.validTo ? 1 : -1))[0];
    const state = c ? certificateState(c, today) : { valid: false as const, reason: '未登记执法证' };
    return { id: r.id, name: r.name, username: r.username, certificateNumber: c?.number ?? null, certificateValidTo: c?.validTo ?? null, usable: state.valid, problem: state.valid ? null : state.reason };
  });
}
