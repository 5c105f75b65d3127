/**
 * Sign-in, sessions and passwords (SYS-5 · GB/T 22239-2019 8.1.4.1): unique
 * accounts, argon2id hashes, lockout after repeated failures, idle timeout,
 * forced change of initial passwords in production.
 */
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { hash, verify } from '@node-rs/argon2';
import {
  AppError,
  PASSWORD_MIN_LENGTH,
  afterFailedLogin,
  isPasswordStrong,
  isRole,
  isSessionIdle,
  type Role,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { agencies, sessions, userRoles, users } from '../db/schema.js';
import { sha256Hex } from '../lib/ids.js';
import { recordAudit } from './audit.js';

// argon2id parameters (OWASP 2023 minimum: m=19 MiB, t=2, p=1).
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export function requireStrongPassword(password: string): void {
  if (!isPasswordStrong(password)) throw new AppError('auth.password_weak', { min: PASSWORD_MIN_LENGTH });
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
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-Aa1!');
    await verify(await dummyHash, input.password).catch(() => false);
    await recordAudit(ctx.db, { at: now, actor: null, action: 'auth.login', outcome: 'failed', ip: input.ip, detail: { username: input.username, reason: 'unknown_user' } });
    throw new AppError('auth.invalid_credentials');
  }
  const [agency] = await ctx.db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, user.agencyId));
  const object = { type: 'user', id: user.id, agencyId: user.agencyId, agencyPath: agency?.path ?? null };
  const who = { userId: user.id, displayName: user.displayName, agencyId: user.agencyId, ip: input.ip };
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(ctx.db, { at: now, actor: who, action: 'auth.login', object, outcome: 'denied', detail: { reason: 'locked' } });
    throw new AppError('auth.locked', { until: formatTime(user.lockedUntil) });
  }
  const ok = await verify(user.passwordHash, input.password).catch(() => false);
  if (!ok) {
    const next = afterFailedLogin(user.failedAttempts, now, { maxFailures: ctx.config.loginMaxFailures, lockMinutes: ctx.config.loginLockMinutes });
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil ?? user.lockedUntil }).where(eq(users.id, user.id));
      await recordAudit(tx, { at: now, actor: who, action: 'auth.login', object, outcome: 'failed', detail: { reason: 'bad_password' } });
      if (next.lockedUntil) {
        await recordAudit(tx, { at: now, actor: who, action: 'auth.lockout', object, outcome: 'ok', detail: { until: next.lockedUntil.toISOString() } });
      }
    });
    if (next.lockedUntil) throw new AppError('auth.locked', { until: formatTime(next.lockedUntil) });
    throw new AppError('auth.invalid_credentials');
  }
  if (user.disabled) {
    await recordAudit(ctx.db, { at: now, actor: who, action: 'auth.login', object, outcome: 'denied', detail: { reason: 'disabled' } });
    throw new AppError('auth.disabled');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ id: sha256Hex(token), userId: user.id, createdAt: now, lastSeenAt: now, ip: input.ip, userAgent: input.userAgent.slice(0, 300) });
    await recordAudit(tx, { at: now, actor: who, action: 'auth.login', object, outcome: 'ok' });
  });
  const actor = await loadActor(ctx, user.id, input.ip);
  if (!actor) throw new AppError('auth.invalid_credentials');
  return { token, actor };
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
  // Touch at most once a minute: fewer writes, same timeout precision for a 30-minute limit.
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return actor;
}

export async function loadActor(ctx: AppContext, userId: string, ip: string): Promise<ActorContext | null> {
  const [row] = await ctx.db
    .select({ user: users, agencyPath: agencies.path, agencyName: agencies.name })
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

export async function changeOwnPassword(ctx: AppContext, actor: ActorContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('not_found');
  if (!(await verify(user.passwordHash, input.currentPassword).catch(() => false))) throw new AppError('auth.password_wrong');
  requireStrongPassword(input.newPassword);
  if (input.newPassword === input.currentPassword) throw new AppError('validation.failed', { detail: '新密码不能与原密码相同' });
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now }).where(eq(users.id, actor.userId));
    await recordAudit(tx, { at: now, actor, action: 'user.changePassword', object: { type: 'user', id: actor.userId, agencyId: actor.agencyId, agencyPath: actor.agencyPath } });
  });
}

function formatTime(d: Date): string {
  // Shown to users in China Standard Time.
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
