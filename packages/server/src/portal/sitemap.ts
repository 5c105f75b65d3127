/**
 * Issue 13 item 5 — the portal for search engines and caches:
 * - robots.txt: the public pages may be indexed; the console, the API, the
 *   forms and the tracking look-ups may not;
 * - sitemap.xml: every visible decision (PUB-7, PUB-11: online and inside its
 *   window — withdrawn and expired ones leave it), the withdrawal notices
 *   page, every agency page and the fixed pages;
 * - `Vary: Cookie` on every cacheable HTML page, since the 大字版 (适老化
 *   large text) is chosen by a cookie on the same URL: a shared cache never
 *   serves one version for the other.
 * The agency's own disclosure rules, cited on its pages (`agencyDisclosureRule`).
 */
import type { FastifyInstance } from 'fastify';
import { DOCUMENTS, resolveProfile } from '@sanxiang/core';
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { publications } from '../db/schema.js';
import { listPublicAgencies, type AgencyRow } from '../usecases/agencies.js';
import { visibleOn } from '../usecases/portal-search.js';
import { baseUrl, todayOf } from './common.js';

/** The disclosure rules (公示办法) of each profile, by document key (profiles/documents.ts). */
const DISCLOSURE_DOC = { SX25: 'SX25-P', SX19: 'SX19-P', GS19: 'GS-P', XX19: 'XX-P', national: 'MEE19' } as const;

/** 「山西省生态环境厅《生态环境系统行政执法公示办法》（晋环规〔2025〕5号）」: the rules the agency publishes under. */
export function agencyDisclosureRule(agency: Pick<AgencyRow, 'profileId' | 'profileOverrides'>): { text: string; inspectionsArticle: string | null } {
  const id = resolveProfile(agency.profileId, agency.profileOverrides).id;
  const doc = DOCUMENTS[DISCLOSURE_DOC[id]];
  const text = `${doc.issuer ?? ''}《${doc.title}》${doc.number ? `（${doc.number}）` : ''}`;
  // ORG-4 · SX25-P 10 ¶2 names the 涉企行政检查 column; the other documents do not have such an article
  return { text, inspectionsArticle: id === 'SX25' ? '第十条第二款' : null };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function registerSitemap(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onSend', async (_req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && /public/.test(String(reply.getHeader('cache-control') ?? ''))) {
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/\bcookie\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Cookie` : 'Cookie');
    }
    return payload;
  });

  app.get('/robots.txt', async (req, reply) => {
    const body = ['User-agent: *', 'Allow: /', 'Disallow: /api/', 'Disallow: /console/', 'Disallow: /requests', 'Disallow: /a11y/', 'Disallow: /decisions/*/correction', 'Disallow: /complaints', '', `Sitemap: ${baseUrl(ctx, req)}/sitemap.xml`, ''].join('\n');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
  });

  app.get('/sitemap.xml', async (req, reply) => {
    const base = baseUrl(ctx, req);
    const today = todayOf(ctx);
    const decisions = await ctx.db
      .select({ id: publications.id, publishedAt: publications.publishedAt })
      .from(publications)
      .where(and(visibleOn(today), eq(publications.status, 'published')))
      .orderBy(asc(publications.id))
      .limit(45_000);
    const agencies = await listPublicAgencies(ctx.db);
    const url = (path: string, lastmod?: string) => `<url><loc>${xml(base + path)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...['/', '/decisions', '/notices', '/agencies', '/inspections'].map((p) => url(p)),
      ...agencies.map((a) => url(`/agencies/${a.id}`)),
      ...decisions.map((d) => url(`/decisions/${d.id}`, d.publishedAt ? d.publishedAt.toISOString().slice(0, 10) : undefined)),
      '</urlset>',
      '',
    ].join('\n');
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);
  });
}
