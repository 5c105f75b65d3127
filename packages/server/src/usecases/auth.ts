/**
 * Sign-in, sessions and passwords (SYS-5 · GB/T 22239-2019 8.1.4.1): unique
 * accounts, argon2id hashes, lockout after repeated failures, idle timeout,
 * forced change of initial passwords in production.
 */
import crypto from 'node:crypto';
import { and, eq, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { hash, verify } from '@node-rs/argon2';
import {
  AppError,
  isRole,
  isSessionIdle,
  type Role,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { agencies, loginFailures, sessions, userRoles, users } from '../db/schema.js';
import { sha256Hex } from '../lib/ids.js';
import { recordAudit } from './audit.js';
import { requirePasswordAllowed } from './password-policy.js';

// argon2id parameters (OWASP 2023 minimum: m=19 MiB, t=2, p=1).
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** SYS-5: length, character classes, and not common, name-derived or published (password-policy.ts). */
export function requireStrongPassword(ctx: AppContext, password: string, who: { username?: string; displayName?: string }): void {
  requirePasswordAllowed(password, { mode: ctx.config.mode, ...who });
}

// A fixed hash verified against when the user does not exist, so that the
// response time does not tell whether a username exists.
let dummyHash: Promise<string> | undefined;

export interface LoginResult {
  token: string;
  actor: ActorContext;
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string; userAgent: string },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username)).limit(1);
  if (!user) return unknownNameFailure(ctx, input, now);
  const [agency] = await ctx.db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, user.agencyId));
  const object = { type: 'user', id: user.id, agencyId: user.agencyId, agencyPath: agency?.path ?? null };
  const who = { userId: user.id, displayName: user.displayName, agencyId: user.agencyId, ip: input.ip };
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(ctx.db, { at: now, actor: who, action: 'auth.login', object, outcome: 'denied', detail: { reason: 'locked' } });
    throw new AppError('auth.locked', { until: formatTime(user.lockedUntil) });
  }
  const ok = await verify(user.passwordHash, input.password).catch(() => false);
  if (!ok) {
    // SYS-5 登录失败处理: one atomic UPDATE … RETURNING, so parallel attempts
    // cannot overwrite each other's count (issue 14: 30 parallel failures ended at 0).
    const until = new Date(now.getTime() + ctx.config.loginLockMinutes * 60_000);
    const locked = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set(failureUpdate(users.failedAttempts, users.lockedUntil, ctx.config.loginMaxFailures, until))
        .where(and(eq(users.id, user.id), notLocked(users.lockedUntil, now)))
        .returning({ lockedUntil: users.lockedUntil });
      await recordAudit(tx, { at: now, actor: who, action: 'auth.login', object, outcome: 'failed', detail: { reason: 'bad_password' } });
      if (!row) {
        // A parallel attempt locked the account since it was read.
        const [u] = await tx.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
        return u?.lockedUntil ?? until;
      }
      if (row.lockedUntil && row.lockedUntil > now) {
        await recordAudit(tx, { at: now, actor: who, action: 'auth.lockout', object, outcome: 'ok', detail: { until: until.toISOString() } });
        return row.lockedUntil;
      }
      return null;
    });
    if (locked) throw new AppError('auth.locked', { until: formatTime(locked) });
    throw new AppError('auth.invalid_credentials');
  }
  if (user.disabled) {
    await recordAudit(ctx.db, { at: now, actor: who, action: 'auth.login', object, outcome: 'denied', detail: { reason: 'disabled' } });
    throw new AppError('auth.disabled');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const lockedMeanwhile = await ctx.db.transaction(async (tx) => {
    // Only while not locked: a lock set by a parallel failure wins over this success.
    const done = await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
      .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning({ id: users.id });
    if (done.length === 0) {
      const [u] = await tx.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
      return u?.lockedUntil ?? now;
    }
    await tx.insert(sessions).values({ id: sha256Hex(token), userId: user.id, createdAt: now, lastSeenAt: now, ip: input.ip, userAgent: input.userAgent.slice(0, 300) });
    await recordAudit(tx, { at: now, actor: who, action: 'auth.login', object, outcome: 'ok' });
    return null;
  });
  if (lockedMeanwhile) throw new AppError('auth.locked', { until: formatTime(lockedMeanwhile) });
  const actor = await loadActor(ctx, user.id, input.ip);
  if (!actor) throw new AppError('auth.invalid_credentials');
  return { token, actor };
}

/** Not locked at `now` (a lock that has run out counts as none). */
function notLocked(lockedUntil: AnyPgColumn, now: Date) {
  return sql`(${lockedUntil} IS NULL OR ${lockedUntil} <= ${now.toISOString()}::timestamptz)`;
}

/**
 * The SET of a failed attempt on an unlocked name (SYS-5, the rule of core
 * `afterFailedLogin` in one statement): the attempt that reaches the limit
 * locks and restarts the count.
 */
function failureUpdate(count: AnyPgColumn, lockedUntil: AnyPgColumn, max: number, until: Date) {
  const reaches = sql`(${count} + 1 >= ${max})`;
  return {
    failedAttempts: sql`CASE WHEN ${reaches} THEN 0 ELSE ${count} + 1 END`,
    lockedUntil: sql`CASE WHEN ${reaches} THEN ${until.toISOString()}::timestamptz ELSE ${lockedUntil} END`,
  };
}

/**
 * A name without an account (SYS-5, issue 14: no enumeration): the same
 * password check time, the same counter and lock, the same answers as an
 * account with a wrong password.
 */
async function unknownNameFailure(ctx: AppContext, input: { username: string; password: string; ip: string }, now: Date): Promise<never> {
  const [known] = await ctx.db.select().from(loginFailures).where(eq(loginFailures.username, input.username));
  if (known?.lockedUntil && known.lockedUntil > now) {
    await recordAudit(ctx.db, { at: now, actor: null, action: 'auth.login', outcome: 'denied', ip: input.ip, detail: { username: input.username, reason: 'locked' } });
    throw new AppError('auth.locked', { until: formatTime(known.lockedUntil) });
  }
  dummyHash ??= hashPassword('not-a-real-password-Aa1!');
  await verify(await dummyHash, input.password).catch(() => false);
  const until = new Date(now.getTime() + ctx.config.loginLockMinutes * 60_000);
  const max = ctx.config.loginMaxFailures;
  const [row] = await ctx.db
    .insert(loginFailures)
    .values({ username: input.username, failedAttempts: max <= 1 ? 0 : 1, lockedUntil: max <= 1 ? until : null, updatedAt: now })
    .onConflictDoUpdate({
      target: loginFailures.username,
      set: { ...failureUpdate(loginFailures.failedAttempts, loginFailures.lockedUntil, max, until), updatedAt: now },
      setWhere: notLocked(loginFailures.lockedUntil, now),
    })
    .returning({ lockedUntil: loginFailures.lockedUntil });
  await recordAudit(ctx.db, { at: now, actor: null, action: 'auth.login', outcome: 'failed', ip: input.ip, detail: { username: input.username, reason: 'unknown_user' } });
  if (!row) {
    const [again] = await ctx.db.select().from(loginFailures).where(eq(loginFailures.username, input.username));
    throw new AppError('auth.locked', { until: formatTime(again?.lockedUntil ?? until) });
  }
  if (row.lockedUntil && row.lockedUntil > now) throw new AppError('auth.locked', { until: formatTime(row.lockedUntil) });
  throw new AppError('auth.invalid_credentials');
}

/** Loads the user behind a session token; ends idle sessions (SYS-5 session timeout). */
export async function actorFromSession(ctx: AppContext, token: string, ip: string): Promise<ActorContext> {
  const now = ctx.clock.now();
  const id = sha256Hex(token);
  const [s] = await ctx.db.select().from(sessions).where(and(eq(sessions.id, id), isNull(sessions.endedAt))).limit(1);
  if (!s) throw new AppError('auth.required');
  if (isSessionIdle(s.lastSeenAt, now, ctx.config.sessionIdleMinutes)) {
    await ctx.db.update(sessions).set({ endedAt: now }).where(eq(sessions.id, id));
    throw new AppError('auth.session_expired');
  }
  const actor = await loadActor(ctx, s.userId, ip);
  if (!actor) throw new AppError('auth.required');
  // SYS-5 会话超时, issue 14: every request counts as activity (to the second), so the
  // idle timeout runs from the last request, not from the last minute's first.
  if (now.getTime() - s.lastSeenAt.getTime() >= 1000) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, now)));
  }
  return actor;
}

export async function loadActor(ctx: AppContext, userId: string, ip: string): Promise<ActorContext | null> {
  const [row] = await ctx.db
    .select({ user: users, agencyPath: agencies.path, agencyName: agencies.name, profileId: agencies.profileId })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  if (!row || row.user.disabled) return null;
  const roles = (await ctx.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)))
    .map((r) => r.role)
    .filter(isRole) as Role[];
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    agencyId: row.user.agencyId,
    agencyPath: row.agencyPath,
    agencyName: row.agencyName,
    agencyProfileId: row.profileId,
    roles,
    mustChangePassword: row.user.mustChangePassword,
    ip,
  };
}

export async function logout(ctx: AppContext, token: string, actor: ActorContext): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(sessions).set({ endedAt: now }).where(eq(sessions.id, sha256Hex(token)));
    await recordAudit(tx, { at: now, actor, action: 'auth.logout', object: { type: 'user', id: actor.userId, agencyId: actor.agencyId, agencyPath: actor.agencyPath } });
  });
}

/** Changes one's own password; every other session of the user ends (issue 14), the one in use stays. */
export async function changeOwnPassword(ctx: AppContext, actor: ActorContext, input: { currentPassword: string; newPassword: string }, currentToken?: string): Promise<void> {
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('not_found');
  if (!(await verify(user.passwordHash, input.currentPassword).catch(() => false))) throw new AppError('auth.password_wrong');
  requireStrongPassword(ctx, input.newPassword, { username: user.username, displayName: user.displayName });
  if (input.newPassword === input.currentPassword) throw new AppError('validation.failed', { detail: '新密码不能与原密码相同' });
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now }).where(eq(users.id, actor.userId));
    const others = currentToken ? and(eq(sessions.userId, actor.userId), isNull(sessions.endedAt), ne(sessions.id, sha256Hex(currentToken))) : and(eq(sessions.userId, actor.userId), isNull(sessions.endedAt));
    await tx.update(sessions).set({ endedAt: now }).where(others);
    await recordAudit(tx, { at: now, actor, action: 'user.changePassword', object: { type: 'user', id: actor.userId, agencyId: actor.agencyId, agencyPath: actor.agencyPath } });
  });
}

function formatTime(d: Date): string {
  // Shown to users in China Standard Time.
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
