/**
 * 执法决定公示 on the portal (PUB-3, PUB-7, PUB-8, PUB-11; SYS-4 站内搜索):
 * the search (GET form, works without JavaScript), a decision's page, and the
 * withdrawal notices (撤回公告).
 *
 * A decision's page answers:
 * - 200 with the published (redacted) content while it is visible
 *   (`visibleOn`: online and inside its window — PUB-7, PUB-11);
 * - 410 Gone with the withdrawal notice (statement and changing decision,
 *   PUB-8 · SX25-P 25, GS-P 16) once withdrawn: the content is gone on
 *   purpose, and mirrors and the credit platform (PUB-11) learn from the
 *   status that they must take it down too, while a person still reads why;
 * - 404 for everything else (draft, withheld — PUB-5 —, expired, unknown),
 *   all alike, so that the page does not reveal that a withheld decision exists.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActionType } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { findAgency } from '../usecases/agencies.js';
import { PORTAL_COUNT_CAP, PORTAL_MAX_PAGE, countMemo, decodeCursor, encodeCursor, searchPublished, type PortalQuery } from '../usecases/portal-search.js';
import { findPublicDecision, listWithdrawalNotices, type PublicDecisionRow, type WithdrawalNotice } from '../usecases/portal-read.js';
import {
  HOME_CRUMB,
  PUBLIC_ACTION_TYPES,
  UUID_RE,
  actionTypeLabel,
  agencyOptions,
  agencySelectOptions,
  checkDate,
  decisionList,
  field,
  pager,
  queryString,
  renderPage,
  sendHtml,
  todayOf,
  usePortalErrors,
} from './common.js';
import { html, type Html } from './html.js';
import { SITE_FEEDS } from './layout.js';

export const SEARCH_PAGE_SIZE = 20;
const MAX_QUERY_LENGTH = 50;

export const WITHDRAWAL_CAUSE_LABELS: Record<WithdrawalNotice['cause'], string> = {
  changed: '原决定已被变更',
  revoked: '原决定已被撤销',
  unlawful: '原决定已被确认违法',
  void: '原决定已被确认无效',
};

/** The search form's values as typed (to fill the form again) and the query they make. */
export interface SearchInput {
  values: { q: string; type: string; agency: string; from: string; to: string; page: string; after: string; before: string };
  errors: { field: keyof SearchInput['values']; message: string }[];
  query: PortalQuery;
  page: number;
}

export async function parseSearch(ctx: AppContext, source: unknown): Promise<SearchInput> {
  const values = { q: field(source, 'q'), type: field(source, 'type'), agency: field(source, 'agency'), from: field(source, 'from'), to: field(source, 'to'), page: field(source, 'page'), after: field(source, 'after'), before: field(source, 'before') };
  const errors: SearchInput['errors'] = [];
  const query: PortalQuery = { pageSize: SEARCH_PAGE_SIZE };
  if ([...values.q].length > MAX_QUERY_LENGTH) errors.push({ field: 'q', message: `搜索词不能超过${MAX_QUERY_LENGTH}个字。` });
  else if (values.q) query.q = values.q;
  if (values.type) {
    if ((PUBLIC_ACTION_TYPES as string[]).includes(values.type)) query.actionType = values.type as ActionType;
    else errors.push({ field: 'type', message: '所选执法类别无效，请从列表中选择。' });
  }
  if (values.agency) {
    const agency = UUID_RE.test(values.agency) ? await findAgency(ctx.db, values.agency) : undefined;
    if (agency) query.agencyPath = agency.path;
    else errors.push({ field: 'agency', message: '所选执法主体不存在，请从列表中选择。' });
  }
  const fromError = checkDate(values.from, '起始日期');
  const toError = checkDate(values.to, '截止日期');
  if (fromError) errors.push({ field: 'from', message: fromError });
  else if (values.from) query.from = values.from;
  if (toError) errors.push({ field: 'to', message: toError });
  else if (values.to) query.to = values.to;
  if (query.from && query.to && query.from > query.to) errors.push({ field: 'to', message: '截止日期不能早于起始日期。' });
  let page = 1;
  if (values.page) {
    page = /^\d{1,6}$/.test(values.page) ? Number(values.page) : 0;
    if (page < 1 || page > PORTAL_MAX_PAGE) errors.push({ field: 'page', message: `页码应为 1 至 ${PORTAL_MAX_PAGE} 之间的整数。` });
  }
  query.page = page;
  // 下一页/上一页 links carry the neighbouring row (keyset): a cursor we did not write is an old or edited link.
  for (const k of ['after', 'before'] as const) {
    if (!values[k]) continue;
    const c = decodeCursor(values[k]);
    if (c) query[k] = c;
    else errors.push({ field: 'page', message: '翻页链接已失效，请从第一页重新查询。' });
  }
  return { values, errors, query, page };
}

function errorBox(errors: { field: string; message: string }[]): Html {
  if (!errors.length) return html``;
  return html`<div class="error" role="alert" id="form-errors"><p><strong>请修改以下内容后重新查询：</strong></p><ul>${errors.map((e) => html`<li><a href="#f-${e.field}">${e.message}</a></li>`)}</ul></div>`;
}

/** The search form (GET): every control labelled; the agency list includes the agencies below (SX25-P 9). */
export async function searchForm(ctx: AppContext, input: Pick<SearchInput, 'values' | 'errors'>): Promise<Html> {
  const v = input.values;
  const bad = (f: string) => (input.errors.some((e) => e.field === f) ? html` aria-invalid="true" aria-describedby="form-errors"` : '');
  const agencies = await agencyOptions(ctx);
  return html`<form class="card" action="/decisions" method="get" role="search" aria-label="执法决定查询">
<div class="form-grid">
<div class="wide"><label for="f-q">当事人名称或决定书文号</label><input type="search" id="f-q" name="q" value="${v.q}" maxlength="${MAX_QUERY_LENGTH}"${bad('q')}></div>
<div><label for="f-type">执法类别</label><select id="f-type" name="type"${bad('type')}><option value="">全部类别</option>${PUBLIC_ACTION_TYPES.map((t) => html`<option value="${t}"${v.type === t ? html` selected` : ''}>${actionTypeLabel(t)}</option>`)}</select></div>
<div><label for="f-agency">执法主体（含下级机关）</label><select id="f-agency" name="agency"${bad('agency')}><option value="">全部执法主体</option>${agencySelectOptions(agencies, v.agency)}</select></div>
<div><label for="f-from">决定日期自</label><input type="date" id="f-from" name="from" value="${v.from}" placeholder="2026-01-01"${bad('from')}></div>
<div><label for="f-to">决定日期至</label><input type="date" id="f-to" name="to" value="${v.to}" placeholder="2026-12-31"${bad('to')}></div>
<div><button type="submit">查询</button> <a class="button secondary" href="/decisions">清空条件</a></div>
</div>
${input.errors.some((e) => e.field === 'page') ? html`<input type="hidden" id="f-page" name="page" value="1">` : ''}
</form>`;
}

function decisionFacts(d: PublicDecisionRow): Html {
  return html`<dl class="fields">
<dt>执法主体</dt><dd><a href="/agencies/${d.agencyId}">${d.agencyName}</a></dd>
<dt>执法类别</dt><dd>${actionTypeLabel(d.actionType)}</dd>
${d.decisionNumber ? html`<dt>决定书文号</dt><dd>${d.decisionNumber}</dd>` : ''}
${d.party ? html`<dt>当事人</dt><dd>${d.party}</dd>` : ''}
<dt>决定日期</dt><dd><time datetime="${d.decisionDate}">${d.decisionDate}</time></dd>
</dl>`;
}

function decisionBody(d: PublicDecisionRow): Html {
  const c = d.content;
  const fieldsTable = c?.fields.length
    ? html`<table class="fields"><caption class="sr-only">公示内容</caption><tbody>${c.fields.map((f) => html`<tr><th scope="row">${f.label}</th><td class="fulltext">${f.text}</td></tr>`)}</tbody></table>`
    : html`<p>暂无摘要信息。</p>`;
  const full = c?.form === 'full' && c.fullText ? html`<section aria-labelledby="fulltext"><h2 id="fulltext">决定书全文</h2><div class="card fulltext">${c.fullText}</div></section>` : '';
  const corrections = c?.corrections ?? [];
  return html`
<section aria-labelledby="basic"><h2 id="basic">基本信息</h2><div class="card">${decisionFacts(d)}</div></section>
${full}
<section aria-labelledby="content-h"><h2 id="content-h">${c?.form === 'full' ? '摘要信息' : '公示内容'}</h2>${fieldsTable}</section>
<section aria-labelledby="corrections"><h2 id="corrections">更正记录</h2><div class="card">${
    corrections.length ? html`<ol>${corrections.map((x) => html`<li><time datetime="${x.on}">${x.on}</time>：${x.note}</li>`)}</ol>` : html`<p>本信息公示以来未作更正。</p>`
  }</div></section>
<section aria-labelledby="window"><h2 id="window">公示期限</h2><div class="card"><dl class="fields">
${d.firstPublishedOn ? html`<dt>公示日期</dt><dd><time datetime="${d.firstPublishedOn}">${d.firstPublishedOn}</time></dd>` : ''}
${d.removeBy ? html`<dt>公示截止</dt><dd><time datetime="${d.removeBy}">${d.removeBy}</time>（期满后不再公示）</dd>` : html`<dt>公示截止</dt><dd>按规定期限公示</dd>`}
</dl><p class="hint">公示信息已依法隐去个人隐私、商业秘密等内容。</p></div></section>
<section aria-labelledby="remedy"><h2 id="remedy">更正与投诉</h2><div class="card">
<p>当事人认为公示信息不准确的，可以提供相关证据，向公示机关申请更正。</p>
<p><a class="button" href="/decisions/${d.id}/correction">申请更正</a> <a class="button secondary" href="/complaints${queryString({ agency: d.agencyId, decision: d.id })}">投诉</a></p>
</div></section>`;
}

function noticeBody(n: WithdrawalNotice, linkTitle: boolean): Html {
  const c = n.changingDecision;
  return html`<dl class="fields">
<dt>被撤回的信息</dt><dd>${linkTitle ? html`<a href="/decisions/${n.id}">${n.title}</a>` : n.title}</dd>
<dt>执法主体</dt><dd><a href="/agencies/${n.agencyId}">${n.agencyName}</a></dd>
<dt>原决定日期</dt><dd><time datetime="${n.decisionDate}">${n.decisionDate}</time></dd>
<dt>撤回原因</dt><dd>${WITHDRAWAL_CAUSE_LABELS[n.cause] ?? n.cause}（<time datetime="${n.changedOn}">${n.changedOn}</time>）</dd>
${n.withdrawnOn ? html`<dt>撤回日期</dt><dd><time datetime="${n.withdrawnOn}">${n.withdrawnOn}</time></dd>` : ''}
<dt>撤回说明</dt><dd>${n.statement}</dd>
${c?.body || c?.number ? html`<dt>变更或撤销决定</dt><dd>${[c.body, c.number, c.date].filter(Boolean).join('　')}</dd>` : ''}
${c?.content ? html`<dt>决定内容</dt><dd>${c.content}</dd>` : ''}
</dl>`;
}

const CRUMB = { href: '/decisions', label: '执法决定' };

export default async function decisionRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const counts = countMemo();
  usePortalErrors(app);

  app.get('/decisions', async (req, reply) => {
    const input = await parseSearch(ctx, req.query);
    const form = await searchForm(ctx, input);
    const filtered = Object.entries(input.values).some(([k, v]) => k !== 'page' && v !== '');
    const agencyFeeds = input.query.agencyPath && input.values.agency ? feedsOf(input.values.agency) : SITE_FEEDS;
    const frame = { title: filtered ? '执法决定查询结果' : '执法决定公示', path: '/decisions', breadcrumbs: [HOME_CRUMB, { label: '执法决定' }], feeds: agencyFeeds };
    if (input.errors.length) {
      const body = html`<h1>执法决定公示</h1>${errorBox(input.errors)}${form}`;
      return sendHtml(reply, renderPage(req, { ...frame, title: '查询条件有误' }, body), { status: 400, cache: 'none' });
    }
    const today = todayOf(ctx);
    // The count of this query is computed once per portal generation (the cache's, read for this request).
    const generation = req.portalCache && req.portalCache !== 'hit' ? req.portalCache.gen : undefined;
    const result = await searchPublished(ctx.db, input.query, today, generation ? { memo: counts, generation } : undefined);
    // Past the counted hits (capped) the pages go on as long as there is a next one.
    const counted = Math.ceil(result.total / result.pageSize);
    const totalPages = Math.min(result.capped ? Math.max(counted, result.next ? result.page + 1 : result.page) : counted, PORTAL_MAX_PAGE);
    const plain = { ...input.values, after: '', before: '' };
    const link = (p: number) => `/decisions${queryString({ ...plain, page: p === 1 ? '' : p })}`;
    const steps = {
      prev: result.prev && result.page > 2 ? `/decisions${queryString({ ...plain, page: result.page - 1, before: encodeCursor(result.prev) })}` : undefined,
      next: result.next ? `/decisions${queryString({ ...plain, page: result.page + 1, after: encodeCursor(result.next) })}` : undefined,
    };
    const count = result.capped ? `超过${PORTAL_COUNT_CAP}条` : `共 ${result.total} 条`;
    const body = html`<h1>执法决定公示</h1>
<p>公示生态环境部门作出的行政处罚、行政强制、行政检查、行政许可等执法决定。可按当事人名称或决定书文号、执法类别、执法主体和决定日期查询。</p>
${form}
<section aria-labelledby="results"><h2 id="results">${filtered ? '查询结果' : '最新公示'}</h2>
<p class="summary-count">${count}${result.total ? html`，第 ${result.page} 页` : ''}</p>
${
  result.items.length
    ? decisionList(result.items)
    : html`<div class="card"><p>${result.total ? '该页没有结果。' : '没有找到符合条件的执法决定。'}</p><p class="hint">可以减少关键词、放宽日期范围，或选择上级执法主体后再查询。</p></div>`
}
${pager(result.page, totalPages, link, steps)}
</section>`;
    return sendHtml(reply, renderPage(req, frame, body));
  });

  app.get<{ Params: { id: string } }>('/decisions/:id', async (req, reply) => {
    const id = req.params.id;
    const found = UUID_RE.test(id) ? await findPublicDecision(ctx.db, id, todayOf(ctx)) : null;
    if (!found) return reply.callNotFound();
    if (found.state === 'withdrawn') {
      const n = found.notice;
      const body = html`<h1>撤回公告：${n.title}</h1>
<div class="card notice" role="note"><p><strong>该执法决定信息已撤回，不再公示原内容。</strong></p>${noticeBody(n, false)}</div>
<p><a href="/notices">查看全部撤回公告</a></p>`;
      return sendHtml(reply, renderPage(req, { title: `撤回公告：${n.title}`, path: `/decisions/${n.id}`, breadcrumbs: [HOME_CRUMB, { href: '/notices', label: '撤回公告' }, { label: n.title }] }, body), { status: 410 });
    }
    const d = found.decision;
    const title = d.title || '执法决定';
    const body = html`<h1>${title}</h1>${decisionBody(d)}`;
    return sendHtml(reply, renderPage(req, { title, path: `/decisions/${d.id}`, breadcrumbs: [HOME_CRUMB, CRUMB, { label: title }] }, body));
  });

  app.get('/notices', async (req: FastifyRequest, reply) => {
    const raw = field(req.query, 'page');
    const page = raw ? (/^\d{1,6}$/.test(raw) ? Number(raw) : 0) : 1;
    const frame = { title: '撤回公告', path: '/notices', breadcrumbs: [HOME_CRUMB, { label: '撤回公告' }] };
    if (page < 1 || page > PORTAL_MAX_PAGE) {
      const body = html`<h1>撤回公告</h1><div class="error" role="alert"><p>页码应为 1 至 ${PORTAL_MAX_PAGE} 之间的整数。</p></div><p><a href="/notices">返回第一页</a></p>`;
      return sendHtml(reply, renderPage(req, frame, body), { status: 400, cache: 'none' });
    }
    const pageSize = 20;
    const { items, total } = await listWithdrawalNotices(ctx.db, todayOf(ctx), { page, pageSize });
    const body = html`<h1>撤回公告</h1>
<p>已公示的执法决定被变更、撤销或者被确认违法、无效的，公示机关撤回原公示信息并公开说明理由（撤回公告）。</p>
<p class="summary-count">共 ${total} 条</p>
${
  items.length
    ? html`<ol class="results">${items.map((n) => html`<li><h2 class="item-title">${n.title}</h2>${noticeBody(n, true)}</li>`)}</ol>`
    : html`<div class="card"><p>暂无撤回公告。</p></div>`
}
${pager(page, Math.ceil(total / pageSize), (p) => `/notices${p === 1 ? '' : `?page=${p}`}`)}`;
    return sendHtml(reply, renderPage(req, frame, body));
  });
}

/** The feeds of one agency (and those below), announced on its filtered search page. */
function feedsOf(agencyId: string) {
  const q = `?agency=${encodeURIComponent(agencyId)}`;
  return SITE_FEEDS.map((f) => ({ ...f, href: `${f.href}${q}`, title: `${f.title}（所选执法主体）` }));
}
