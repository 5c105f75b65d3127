/**
 * The fastify application: JSON API under /api, the public portal at /, the
 * console's static files at /console. Routes stay thin: validate → actor →
 * use case → presenter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, isAppError, officerText } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { actorFromSession } from '../usecases/auth.js';
import { HTTP_STATUS } from './errors.js';
import { registerInputGuard } from './input-guard.js';
import { registerCsrfGuard } from './csrf.js';
import { registerPortal } from '../portal/routes.js';
import healthRoutes from './routes/health.js';
import authRoutes from './routes/auth.js';
import agencyRoutes from './routes/agencies.js';
import userRoutes from './routes/users.js';
import auditRoutes from './routes/audit.js';
import ruleRoutes from './routes/rules.js';
import caseRoutes from './routes/cases.js';
import mediaRoutes from './routes/media.js';
import integrityRoutes from './routes/integrity.js';
import tlogRoutes from './routes/tlog.js';
import '../usecases/media-integrity.js'; // registers media checks with verify and bundles
import reviewRoutes from './routes/review.js';
import publicationRoutes from './routes/publications.js';
import exAnteRoutes from './routes/exante.js';
import todoRoutes from './routes/todo.js';
import inspectionRoutes from './routes/inspections.js';

export const SESSION_COOKIE = 'sx_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: AppContext;
    /** The signed-in actor's rule profile, once known: error messages cite its documents. */
    citeProfile: string | null;
  }
  interface FastifyInstance {
    /** The portal's page cache and rate limit (issue 14 item 8). */
    portalCache: import('../portal/cache.js').PortalCache;
  }
}

// Validation messages in Chinese (users read them in the console).
z.config(z.locales.zhCN());

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export async function buildApp(ctx: AppContext, opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
    // Request lines only when debugging; errors (every 5xx, with its request id) at the default level.
    disableRequestLogging: !['debug', 'trace'].includes(ctx.config.logLevel),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Errors the router raises before any route (bad URL encoding, over-long path parameter): same shape.
    frameworkErrors: (err, req, reply) => {
      const { status, body } = errorAnswer(err, req as FastifyRequest);
      void (reply as unknown as FastifyReply).status(status).send(body);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('ctx', { getter: () => ctx });
  app.decorateRequest('citeProfile', null);

  await app.register(cookie);
  await app.register(formbody);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd inserts its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: ctx.config.cookieSecure,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Sanxiang 三项制度执法平台 API', version: '1', description: '执法公示、执法全过程记录、重大执法决定法制审核' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = errorAnswer(err, req);
    // Explicit type: an error raised by a streamed body before any byte went out (a media file whose hash
    // fails, issue 12 item 7) reaches here on a reply that was set up for that stream.
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });

  registerCsrfGuard(app);
  registerInputGuard(app);

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send(errorBody(new AppError('not_found')));
    return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage());
  });

  await app.register(healthRoutes, { prefix: '/api/v1' });
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(agencyRoutes, { prefix: '/api/v1' });
  await app.register(userRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(ruleRoutes, { prefix: '/api/v1' });
  await app.register(caseRoutes, { prefix: '/api/v1' });
  await app.register(mediaRoutes, { prefix: '/api/v1', ctx });
  await app.register(integrityRoutes, { prefix: '/api/v1' });
  await app.register(reviewRoutes, { prefix: '/api/v1' });
  await app.register(publicationRoutes, { prefix: '/api/v1' });
  await app.register(exAnteRoutes, { prefix: '/api/v1' });
  await app.register(todoRoutes, { prefix: '/api/v1' });
  await app.register(inspectionRoutes, { prefix: '/api/v1' });
  // DESIGN §6: the log as C2SP tlog-tiles at /log (public, read-only, outside the API and the portal's gate).
  await app.register(tlogRoutes);
  app.decorate('portalCache', await registerPortal(app, ctx));
  await registerConsole(app);
  return app;
}

/**
 * The platform's error shape. The message cites rules as the signed-in
 * officer's agency reads them (issue 15 item 2: full titles, no other
 * province's documents, no requirement ids); for anyone else by full title.
 */
export function errorBody(err: AppError, details?: unknown, requestId?: string, citeProfile?: string | null) {
  return { error: { code: err.code, message: officerText(err.userMessage, citeProfile), ...(details ? { details } : {}), ...(requestId ? { requestId } : {}) } };
}

/** Framework errors (fastify's own codes) in the platform's words. */
const FRAMEWORK_ERRORS: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new AppError('request.json_only'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('request.too_large'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('request.malformed', { detail: '请求内容长度与声明不符' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError('request.malformed', { detail: '声明为 JSON 的请求内容为空' }),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('request.malformed', { detail: 'JSON 格式有误' }),
  FST_ERR_BAD_URL: () => new AppError('request.malformed', { detail: '地址编码无效' }),
  FST_ERR_MAX_PARAM_LENGTH: () => new AppError('request.url_too_long'),
};

/**
 * One error shape for every status (issue 14 item 4): `{ error: { code,
 * message (Chinese), details?, requestId? } }`. Every 5xx is logged with the
 * request id at the default level, and the id is given to the user to quote.
 */
export function errorAnswer(err: unknown, req: FastifyRequest): { status: number; body: ReturnType<typeof errorBody> } {
  let appErr: AppError;
  let details: unknown;
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (isAppError(err)) {
    appErr = err;
    // Structured details (e.g. the list of missing records) travel in params.details.
    details = err.params.details;
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    const detail = err.validation.map((v) => `${v.instancePath || '(请求)'} ${v.message}`).join('；');
    appErr = new AppError('validation.failed', { detail });
    details = err.validation;
  } else if (e.statusCode === 429) {
    appErr = new AppError('rate_limited');
  } else if (e.code && FRAMEWORK_ERRORS[e.code]) {
    appErr = FRAMEWORK_ERRORS[e.code]!();
  } else if (err instanceof SyntaxError || e.statusCode === 400) {
    appErr = new AppError('request.malformed', { detail: '无法解析请求内容' });
  } else if (e.statusCode === 413) {
    appErr = new AppError('request.too_large');
  } else if (e.statusCode === 415) {
    appErr = new AppError('request.json_only');
  } else if (e.statusCode === 404) {
    appErr = new AppError('not_found');
  } else if (e.statusCode === 405) {
    appErr = new AppError('request.method_not_allowed');
  } else if (e.statusCode && e.statusCode > 400 && e.statusCode < 500) {
    appErr = new AppError('request.malformed', { detail: `HTTP ${e.statusCode}` });
  } else {
    appErr = new AppError('internal');
  }
  const status = appErr.code === 'internal' ? 500 : HTTP_STATUS[appErr.code];
  if (status >= 500) {
    req.log.error({ err, reqId: req.id, url: req.url, method: req.method, code: appErr.code }, 'request failed');
    return { status, body: errorBody(appErr, details, String(req.id)) };
  }
  return { status, body: errorBody(appErr, details, undefined, req.citeProfile) };
}

/**
 * The signed-in actor, or 401. Until an initial password is changed only the
 * routes that allow it (password change, me, logout) proceed.
 */
export async function requireActor(req: FastifyRequest, opts: { allowPasswordChange?: boolean } = {}): Promise<ActorContext> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) throw new AppError('auth.required');
  const actor = await actorFromSession(req.ctx, token, req.ip);
  // Issue 15 item 2: an error raised for this request cites the actor's own rules.
  req.citeProfile = actor.agencyProfileId ?? null;
  if (actor.mustChangePassword && !opts.allowPasswordChange) throw new AppError('auth.password_change_required');
  return actor;
}

async function registerConsole(app: FastifyInstance) {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/console', async (_req, reply) =>
      reply.status(503).type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><p>控制台尚未构建：请先运行 <code>npm run build</code>。</p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/console/', wildcard: false, index: false, decorateReply: false });
  const html = fs.readFileSync(index, 'utf8');
  const sendIndex = async (_req: FastifyRequest, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  app.get('/console', sendIndex);
  app.get('/console/', sendIndex);
  // Client-side routes of the single-page app.
  app.get('/console/*', async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    if (rel.startsWith('assets/')) return reply.status(404).send('not found');
    return sendIndex(req, reply);
  });
}

function notFoundPage(): string {
  return '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>页面不存在</title><body><main><h1>页面不存在</h1><p><a href="/">返回首页</a></p></main></body></html>';
}
