/**
 * Feeds of published decisions (PUB-11 · SX25-P 8,9: other channels — the
 * government site, new media, the credit platform — show the same
 * information, linked): Atom 1.0 (RFC 4287), RSS 2.0 and JSON Feed 1.1,
 * the newest 50 visible decisions in the search's order, optionally of one
 * agency and those below it (?agency=<id>). Built from the same visibility
 * predicate as the pages (`portalWhere`), from the public (redacted) columns only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { findAgency } from '../usecases/agencies.js';
import { latestPublicDecisions, type PublicDecisionRow } from '../usecases/portal-read.js';
import { UUID_RE, actionTypeLabel, baseUrl, field, todayOf } from './common.js';

export const FEED_SIZE = 50;
const SITE_TITLE = '生态环境行政执法公示平台';

/** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** One line about a decision for feed readers: who, by whom, what, when — from the public content. */
export function feedSummary(d: PublicDecisionRow): string {
  const f = new Map((d.content?.fields ?? []).map((x) => [x.key, x.text]));
  const conclusion = f.get('result') || f.get('conclusion') || '';
  return [d.party ? `当事人：${d.party}` : '', `执法主体：${d.agencyName}`, `执法类别：${actionTypeLabel(d.actionType)}`, `决定日期：${d.decisionDate}`, conclusion ? `执法结论：${conclusion}` : '']
    .filter(Boolean)
    .join('；');
}

/** First publication day at midnight China time (the day is what the portal states). */
function publishedInstant(d: PublicDecisionRow): string {
  return d.firstPublishedOn ? `${d.firstPublishedOn}T00:00:00+08:00` : `${d.decisionDate}T00:00:00+08:00`;
}

/** Last approval (first publication or a correction). */
function updatedInstant(d: PublicDecisionRow): string {
  return d.publishedAt ? d.publishedAt.toISOString() : publishedInstant(d);
}

function feedUpdated(items: PublicDecisionRow[], now: Date): string {
  const times = items.map((d) => Date.parse(updatedInstant(d)));
  return new Date(times.length ? Math.max(...times) : now.getTime()).toISOString();
}

interface FeedContext {
  base: string;
  title: string;
  selfPath: string;
  htmlPath: string;
  items: PublicDecisionRow[];
  now: Date;
}

export function atomFeed(c: FeedContext): string {
  const x = xmlEscape;
  const entries = c.items.map((d) => {
    const url = `${c.base}/decisions/${d.id}`;
    return `  <entry>
    <id>urn:uuid:${x(d.id)}</id>
    <title type="text">${x(d.title || '执法决定')}</title>
    <link rel="alternate" type="text/html" href="${x(url)}"/>
    <published>${publishedInstant(d)}</published>
    <updated>${updatedInstant(d)}</updated>
    <author><name>${x(d.agencyName)}</name></author>
    <category term="${x(d.actionType)}" label="${x(actionTypeLabel(d.actionType))}"/>
    <summary type="text">${x(feedSummary(d))}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${x(c.base + c.selfPath)}</id>
  <title type="text">${x(c.title)}</title>
  <updated>${feedUpdated(c.items, c.now)}</updated>
  <link rel="self" type="application/atom+xml" href="${x(c.base + c.selfPath)}"/>
  <link rel="alternate" type="text/html" href="${x(c.base + c.htmlPath)}"/>
  <author><name>${x(SITE_TITLE)}</name></author>
  <generator>Sanxiang</generator>
${entries.join('\n')}
</feed>
`;
}

export function rssFeed(c: FeedContext): string {
  const x = xmlEscape;
  const items = c.items.map((d) => {
    const url = `${c.base}/decisions/${d.id}`;
    return `    <item>
      <title>${x(d.title || '执法决定')}</title>
      <link>${x(url)}</link>
      <guid isPermaLink="true">${x(url)}</guid>
      <pubDate>${new Date(publishedInstant(d)).toUTCString()}</pubDate>
      <category>${x(actionTypeLabel(d.actionType))}</category>
      <description>${x(feedSummary(d))}</description>
    </item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${x(c.title)}</title>
    <link>${x(c.base + c.htmlPath)}</link>
    <description>${x('生态环境部门行政执法决定公示（依法隐去个人隐私等信息）')}</description>
    <language>zh-cn</language>
    <lastBuildDate>${new Date(feedUpdated(c.items, c.now)).toUTCString()}</lastBuildDate>
    <atom:link href="${x(c.base + c.selfPath)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
  </channel>
</rss>
`;
}

export function jsonFeed(c: FeedContext): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: c.title,
    home_page_url: c.base + c.htmlPath,
    feed_url: c.base + c.selfPath,
    description: '生态环境部门行政执法决定公示（依法隐去个人隐私等信息）',
    language: 'zh-CN',
    authors: [{ name: SITE_TITLE }],
    items: c.items.map((d) => ({
      id: d.id,
      url: `${c.base}/decisions/${d.id}`,
      title: d.title || '执法决定',
      content_text: feedSummary(d),
      summary: feedSummary(d),
      date_published: publishedInstant(d),
      date_modified: updatedInstant(d),
      authors: [{ name: d.agencyName }],
      tags: [actionTypeLabel(d.actionType)],
    })),
  });
}

const FORMATS = {
  atom: { type: 'application/atom+xml; charset=utf-8', render: atomFeed },
  rss: { type: 'application/rss+xml; charset=utf-8', render: rssFeed },
  json: { type: 'application/feed+json; charset=utf-8', render: jsonFeed },
} as const;

export default async function feedRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const bad = (reply: FastifyReply, message: string) => reply.status(400).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(message);

  for (const [ext, format] of Object.entries(FORMATS)) {
    app.get(`/feeds/decisions.${ext}`, async (req: FastifyRequest, reply) => {
      const agencyId = field(req.query, 'agency');
      let agencyPath: string | undefined;
      let title = '执法决定公示';
      if (agencyId) {
        const agency = UUID_RE.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
        if (!agency) return bad(reply, '参数 agency 无效：执法主体不存在。请使用执法主体页面地址中的编号。');
        agencyPath = agency.path;
        title = `${agency.name}执法决定公示`;
      }
      const items = await latestPublicDecisions(ctx.db, { agencyPath }, todayOf(ctx), FEED_SIZE);
      const query = agencyId ? `?agency=${encodeURIComponent(agencyId)}` : '';
      const body = format.render({ base: baseUrl(ctx, req), title, selfPath: `/feeds/decisions.${ext}${query}`, htmlPath: `/decisions${query}`, items, now: ctx.clock.now() });
      return reply.type(format.type).header('cache-control', 'public, max-age=300').send(body);
    });
  }
}
