/**
 * Shared pieces of the public portal's pages: sending HTML, the HTML error
 * page (the API's JSON error handler is not for people), query-string
 * reading, date checks, the agency select and the list of decisions.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_TYPE_INFO, isAppError, isCivilDate, type ActionType } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { chinaDate } from '../lib/time.js';
import { listPublicAgencies, type AgencyRow } from '../usecases/agencies.js';
import type { PortalHit } from '../usecases/portal-search.js';
import { html, type Html } from './html.js';
import { page, type PageOptions } from './layout.js';

export const TEXT_SIZE_COOKIE = 'sx_text';

export function isLarge(req: FastifyRequest): boolean {
  return req.cookies[TEXT_SIZE_COOKIE] === 'large';
}

/** Today as a China civil date (the visibility predicate and every window use it). */
export function todayOf(ctx: AppContext): string {
  return chinaDate(ctx.clock.now());
}

export interface SendOptions {
  status?: number;
  /** 'public' (default, one minute), or 'none' for personal or one-off pages. */
  cache?: 'public' | 'none';
}

export function sendHtml(reply: FastifyReply, body: string, opts: SendOptions = {}) {
  return reply
    .status(opts.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', opts.cache === 'none' ? 'no-store' : 'public, max-age=60')
    .send(body);
}

/** A whole page: frame + body. */
export function renderPage(req: FastifyRequest, opts: Omit<PageOptions, 'largeText'>, body: Html): string {
  return page({ ...opts, largeText: isLarge(req) }, body);
}

export const HOME_CRUMB = { href: '/', label: '首页' };

/**
 * Portal routes answer people with HTML pages, also when something fails:
 * the rate limit (429), a known AppError with its Chinese message, or an
 * unexpected error (500, logged). Set on each portal plugin's own context.
 */
export function usePortalErrors(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const e = err as { statusCode?: number; message?: string };
    let status = 500;
    let message = '系统暂时无法处理您的请求，请稍后再试。';
    if (e.statusCode === 429) {
      status = 429;
      message = '提交或查询过于频繁，请稍后再试。';
    } else if (isAppError(err)) {
      status = err.code === 'not_found' ? 404 : 400;
      message = err.userMessage;
    } else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      message = '请求有误，请检查后重试。';
    } else {
      req.log.error(err);
    }
    const title = status === 429 ? '请求过于频繁' : status === 404 ? '页面不存在' : status >= 500 ? '系统错误' : '请求有误';
    const body = html`<h1>${title}</h1><div class="error" role="alert"><p>${message}</p></div><p><a href="/">返回首页</a></p>`;
    return sendHtml(reply, renderPage(req, { title, path: req.url.split('?')[0] ?? '/', noindex: true }, body), { status, cache: 'none' });
  });
}

/** One value of a query or form field (a repeated key gives its first value); trimmed. */
export function field(source: unknown, key: string): string {
  if (!source || typeof source !== 'object') return '';
  const v = (source as Record<string, unknown>)[key];
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'string' ? one.trim() : '';
}

/** A YYYY-MM-DD date that exists in the calendar, or an error text naming the field. */
export function checkDate(value: string, label: string): string | null {
  if (!value) return null;
  return isCivilDate(value) ? null : `${label}“${value}”不是有效日期，请按“年-月-日”填写，例如 2026-03-02。`;
}

export function actionTypeLabel(t: string): string {
  return (ACTION_TYPE_INFO as Record<string, { label: string }>)[t]?.label ?? t;
}

export const PUBLIC_ACTION_TYPES = Object.keys(ACTION_TYPE_INFO) as ActionType[];

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Agencies in tree order with their depth (for a select that shows the hierarchy). */
export async function agencyOptions(ctx: AppContext): Promise<{ agency: AgencyRow; depth: number }[]> {
  const all = await listPublicAgencies(ctx.db);
  const children = new Map<string | null, AgencyRow[]>();
  const ids = new Set(all.map((a) => a.id));
  for (const a of all) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(a);
    children.set(parent, list);
  }
  const out: { agency: AgencyRow; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const a of children.get(parent) ?? []) {
      out.push({ agency: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** `<option>`s of the agencies, indented by level, with one selected. */
export function agencySelectOptions(options: { agency: AgencyRow; depth: number }[], selected: string): Html {
  return html`${options.map(
    (o) => html`<option value="${o.agency.id}"${o.agency.id === selected ? html` selected` : ''}>${'\u3000'.repeat(o.depth)}${o.agency.name}</option>`,
  )}`;
}

/** The list of decisions shared by the home page and the search results. */
export function decisionList(items: PortalHit[], headingLevel: 'h2' | 'h3' = 'h3'): Html {
  const heading = (inner: Html) => (headingLevel === 'h2' ? html`<h2>${inner}</h2>` : html`<h3>${inner}</h3>`);
  return html`<ol class="results">${items.map(
    (d) => html`<li>${heading(html`<a href="/decisions/${d.id}">${d.title || '执法决定'}</a>`)}
<p class="meta"><span>当事人：${d.party || '—'}</span><span>执法主体：${d.agencyName}</span><span>类别：${actionTypeLabel(d.actionType)}</span><span>决定日期：<time datetime="${d.decisionDate}">${d.decisionDate}</time></span></p></li>`,
  )}</ol>`;
}

/** The base URL for absolute links in feeds and exports: PUBLIC_URL, else the request's own. */
export function baseUrl(ctx: AppContext, req: FastifyRequest): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}

/** Numbered pages (first, last, and two either side of the current one), with previous and next. */
export function pager(current: number, totalPages: number, href: (p: number) => string, steps: { prev?: string | undefined; next?: string | undefined } = {}): Html {
  if (totalPages <= 1) return html``;
  const shown = new Set<number>([1, totalPages]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= totalPages) shown.add(p);
  const pages = [...shown].sort((a, b) => a - b);
  const items: Html[] = [];
  // 上一页/下一页 may be keyset links (steps); the numbered pages are plain page links.
  if (current > 1) items.push(html`<li><a href="${steps.prev ?? href(current - 1)}" rel="prev">上一页</a></li>`);
  let last = 0;
  for (const p of pages) {
    if (p - last > 1) items.push(html`<li><span aria-hidden="true">…</span></li>`);
    items.push(p === current ? html`<li><span aria-current="page">${p}</span></li>` : html`<li><a href="${href(p)}" aria-label="第${p}页">${p}</a></li>`);
    last = p;
  }
  if (current < totalPages) items.push(html`<li><a href="${steps.next ?? href(current + 1)}" rel="next">下一页</a></li>`);
  return html`<nav class="pager" aria-label="分页"><ul>${items}</ul></nav>`;
}

/** A query string of the non-empty values, for links that keep the user's filters. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}
