import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_LABELS } from '@sanxiang/core';
import { SESSION_COOKIE, requireActor } from '../app.js';
import { changeOwnPassword, login, logout } from '../../usecases/auth.js';
import type { ActorContext } from '../../context.js';

function presentMe(a: ActorContext) {
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    agencyId: a.agencyId,
    agencyName: a.agencyName,
    /** The agency's rule profile: the console cites its documents by full title (issue 15 item 2). */
    profileId: a.agencyProfileId ?? null,
    roles: a.roles,
    roleLabels: a.roles.map((r) => ROLE_LABELS[r]),
    mustChangePassword: a.mustChangePassword,
  };
}

export default async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    {
      // SYS-5: rate limit on sign-in, in addition to the per-account lockout.
      config: { rateLimit: { max: (req: import('fastify').FastifyRequest) => req.ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }) },
    },
    async (req, reply) => {
      const { token, actor } = await login(req.ctx, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.ctx.config.cookieSecure || req.protocol === 'https',
      });
      return { user: presentMe(actor) };
    },
  );

  r.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    const actor = await requireActor(req, { allowPasswordChange: true });
    await logout(req.ctx, req.cookies[SESSION_COOKIE]!, actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
    const actor = await requireActor(req, { allowPasswordChange: true });
    return { user: presentMe(actor) };
  });

  r.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: '修改本人密码', body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }) } },
    async (req) => {
      const actor = await requireActor(req, { allowPasswordChange: true });
      await changeOwnPassword(req.ctx, actor, req.body, req.cookies[SESSION_COOKIE]);
      return { ok: true };
    },
  );
}
