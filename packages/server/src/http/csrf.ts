/**
 * Cross-site request forgery (issue 14 item 3; SYS-5 · GB/T 22239-2019
 * 8.1.4.4 入侵防范): a state-changing API request whose Origin (or, without
 * one, Referer) is not the platform's own is refused with 403, and the API
 * accepts request bodies in JSON only (415 otherwise) — a cross-site HTML form
 * can send neither. The tus endpoint streams its own content type and the
 * portal's forms keep their own checks (honeypot, rate limit).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@sanxiang/core';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const TUS_PREFIX = '/api/v1/uploads';

function originOf(value: string | undefined): string | null | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null; // "null" and anything unparsable are not ours
  }
}

/** The origins the platform answers for: PUBLIC_URL, and the host the request was sent to. */
function ownOrigins(req: FastifyRequest): Set<string> {
  const own = new Set<string>();
  const pub = originOf(req.ctx.config.publicUrl);
  if (pub) own.add(pub);
  own.add(`${req.protocol}://${req.host}`);
  return own;
}

/** Why the request is refused, or null. */
export function crossSiteProblem(req: FastifyRequest): AppError | null {
  if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return null;
  const h = req.headers;
  const origin = originOf(typeof h.origin === 'string' ? h.origin : undefined);
  const from = origin !== undefined ? origin : originOf(typeof h.referer === 'string' ? h.referer : undefined);
  // Neither header: not a browser (curl, scripts, the tests); browsers send Origin on every POST/PUT/PATCH/DELETE.
  if (from !== undefined && (from === null || !ownOrigins(req).has(from))) return new AppError('request.cross_origin');
  if (req.url.startsWith(TUS_PREFIX)) return null;
  const hasBody = (h['content-length'] !== undefined && h['content-length'] !== '0') || h['transfer-encoding'] !== undefined;
  if (hasBody) {
    const type = (h['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return new AppError('request.json_only');
  }
  return null;
}

export function registerCsrfGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const problem = crossSiteProblem(req);
    if (problem) throw problem;
  });
}
