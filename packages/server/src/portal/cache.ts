/**
 * The portal's own traffic handling (issue 14 item 8; SYS-4, PUB-8, PUB-11):
 *
 * - a per-address rate limit on every portal request (PORTAL_RATE_PER_MINUTE;
 *   429 with Retry-After, in the platform's Chinese error shape);
 * - validators on every public page: an ETag (hash of the body) answered 304
 *   on a matching If-None-Match, and Last-Modified;
 * - a short in-process cache (PORTAL_CACHE_TTL_SECONDS) of the hot pages and
 *   feeds, per URL and per text size (the 大字版 cookie; `Vary: Cookie` stays,
 *   sitemap.ts). An entry is served only while the portal generation it was
 *   rendered at is still current: a trigger bumps the generation in the same
 *   transaction as any change to a publication, its versions or events, or
 *   an agency (migration 0017), so a newly published or withdrawn decision
 *   shows at once, on every server. The civil date is part of the key too
 *   (publication windows end at midnight, PUB-7).
 *
 * Counters and cache live in one process: behind a load balancer each server
 * keeps its own (the limit is per server; a CDN in front honours the
 * `Cache-Control: public, max-age` the pages already carry).
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { AppError } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { errorBody } from '../http/app.js';
import { HTTP_STATUS } from '../http/errors.js';
import { isLarge, todayOf } from './common.js';

/** Routes whose pages are kept in memory (the hot public pages and feeds). */
export const CACHED_ROUTES = new Set(['/', '/decisions', '/decisions/:id', '/notices', '/agencies', '/feeds/decisions.atom', '/feeds/decisions.rss', '/feeds/decisions.json']);
const MAX_ENTRIES = 1000;

interface Entry {
  gen: string;
  day: string;
  storedAt: number;
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  etag: string;
}

/** Not portal traffic: the API, the console, the OpenAPI pages. */
export function isPortalPath(url: string): boolean {
  return !(url.startsWith('/api/') || url === '/api' || url.startsWith('/console') || url.startsWith('/log/'));
}

export interface PortalCache {
  stats: { hits: number; misses: number; notModified: number; limited: number };
  clear(): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    portalCache?: { key: string; gen: string; day: string; changedAt: Date } | 'hit';
  }
}

async function generation(ctx: AppContext): Promise<{ gen: string; changedAt: Date }> {
  const rows = (await ctx.db.execute(sql`SELECT gen, changed_at FROM portal_generation WHERE id = 1`)) as unknown as { rows?: { gen: string | number; changed_at: string | Date }[] } | { gen: string | number; changed_at: string | Date }[];
  const row = Array.isArray(rows) ? rows[0] : rows.rows?.[0];
  return { gen: String(row?.gen ?? '0'), changedAt: new Date(row?.changed_at ?? 0) };
}

function etagOf(body: string | Buffer): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function tooMany(req: FastifyRequest, reply: FastifyReply, retryAfter: number) {
  const err = new AppError('portal.rate_limited', { seconds: retryAfter });
  reply.status(HTTP_STATUS[err.code]).header('retry-after', String(retryAfter)).header('cache-control', 'no-store');
  return reply.send(errorBody(err));
}

/** Registers the rate limit, validators and page cache on the portal's routes. */
export function registerPortalCache(app: FastifyInstance, ctx: AppContext, opts: { ttlSeconds: number; ratePerMinute: number; now?: () => number }): PortalCache {
  const now = opts.now ?? (() => Date.now());
  const entries = new Map<string, Entry>();
  const windows = new Map<string, { start: number; count: number }>();
  const stats = { hits: 0, misses: 0, notModified: 0, limited: 0 };

  app.addHook('onRequest', async (req, reply) => {
    const url = req.url;
    if (!isPortalPath(url)) return;
    // Per-address fixed one-minute windows.
    if (opts.ratePerMinute > 0) {
      const t = now();
      let w = windows.get(req.ip);
      if (!w || t - w.start >= 60_000) {
        if (windows.size > 50_000) for (const [ip, x] of windows) if (t - x.start >= 60_000) windows.delete(ip);
        w = { start: t, count: 0 };
        windows.set(req.ip, w);
      }
      w.count++;
      if (w.count > opts.ratePerMinute) {
        stats.limited++;
        return tooMany(req, reply, Math.max(1, Math.ceil((w.start + 60_000 - t) / 1000)));
      }
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !CACHED_ROUTES.has(req.routeOptions.url ?? '')) return;
    const { gen, changedAt } = await generation(ctx);
    const day = todayOf(ctx);
    const key = `${isLarge(req) ? 'L' : 'N'} ${url}`;
    const hit = opts.ttlSeconds > 0 ? entries.get(key) : undefined;
    if (hit && hit.gen === gen && hit.day === day && now() - hit.storedAt < opts.ttlSeconds * 1000) {
      stats.hits++;
      req.portalCache = 'hit';
      reply.status(hit.status).headers(hit.headers);
      return reply.send(hit.body);
    }
    if (hit) entries.delete(key);
    stats.misses++;
    req.portalCache = { key, gen, day, changedAt };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!isPortalPath(req.url) || (req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (!/\bpublic\b/.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const c = req.portalCache;
    const etag = c === 'hit' ? String(reply.getHeader('etag')) : etagOf(payload);
    reply.header('etag', etag);
    if (c && c !== 'hit') {
      reply.header('last-modified', c.changedAt.toUTCString());
      if (opts.ttlSeconds > 0) {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined && k !== 'content-length' && k !== 'set-cookie') headers[k] = String(v);
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        entries.set(c.key, { gen: c.gen, day: c.day, storedAt: now(), status: 200, headers, body: payload, etag });
      }
    }
    if (matches(req.headers['if-none-match'], etag)) {
      stats.notModified++;
      reply.status(304);
      reply.removeHeader('content-length');
      reply.removeHeader('content-type');
      return '';
    }
    return payload;
  });

  return { stats, clear: () => entries.clear() };
}
