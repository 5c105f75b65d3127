/**
 * The public portal (执法公示): server-rendered, works without JavaScript.
 * ORG-1: the roster of enforcement bodies with their contacts.
 * PUB-3, PUB-8, PUB-9, PUB-10, PUB-11, NAT-15: decisions, notices, requests,
 * feeds and the credit export, each in its own file.
 */
import type { FastifyInstance } from 'fastify';
import { AGENCY_LEVEL_LABELS, formatDateTime } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { findAgency, listPublicAgencies, type AgencyRow } from '../usecases/agencies.js';
import { latestCheckpoint, loadLogSigner } from '../usecases/integrity-log.js';
import { configuredWitnesses, cosignaturesOf, cosignedNote, latestWitnessed } from '../usecases/integrity-witness.js';
import { searchPublished } from '../usecases/portal-search.js';
import { TEXT_SIZE_COOKIE, decisionList, isLarge, todayOf } from './common.js';
import decisionRoutes from './decisions.js';
import exportRoutes from './export.js';
import feedRoutes from './feeds.js';
import { html, type Html } from './html.js';
import { page } from './layout.js';
import { registerExAntePortal, renderExAnte } from './exante.js';
import requestRoutes from './requests.js';
import { agencyDisclosureRule, registerSitemap } from './sitemap.js';
import inspectionPortal from './inspections.js';
import { registerPortalCache, type PortalCache } from './cache.js';
import { registerPortalGate } from './gate.js';

function agencyTree(all: AgencyRow[]): Html {
  const children = new Map<string | null, AgencyRow[]>();
  for (const a of all) {
    const list = children.get(a.parentId) ?? [];
    list.push(a);
    children.set(a.parentId, list);
  }
  const ids = new Set(all.map((a) => a.id));
  const roots = all.filter((a) => !a.parentId || !ids.has(a.parentId));
  const branch = (a: AgencyRow): Html =>
    html`<li><a href="/agencies/${a.id}">${a.name}</a><span class="level">${AGENCY_LEVEL_LABELS[a.level]}</span>${
      children.get(a.id)?.length ? html`<ul>${children.get(a.id)!.map(branch)}</ul>` : ''
    }</li>`;
  return html`<ul class="tree">${roots.map(branch)}</ul>`;
}

export async function registerPortal(app: FastifyInstance, staffCtx: AppContext): Promise<PortalCache> {
  // Issue 14 item 8: the portal reads through its own pool (PostgreSQL), staff requests keep theirs.
  const ctx: AppContext = { ...staffCtx, db: staffCtx.database.portalDb };
  const send = (reply: import('fastify').FastifyReply, body: string) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(body);

  // Before the portal's routes, so its hooks apply to all of them (a cache hit passes the Vary: Cookie hook too).
  // Issue 14 item 8: at most PORTAL_CONCURRENCY portal requests run at once (before the cache and its rate limit).
  registerPortalGate(app, { concurrency: ctx.config.portalConcurrency, queueMax: ctx.config.portalQueueMax });
  const cache = registerPortalCache(app, ctx, { ttlSeconds: ctx.config.portalCacheTtlSeconds, ratePerMinute: ctx.config.portalRatePerMinute });
  await registerSitemap(app, ctx); // issue 13: robots.txt, sitemap.xml, Vary: Cookie for the 大字版
  await app.register(decisionRoutes, { ctx });
  await app.register(feedRoutes, { ctx });
  await app.register(exportRoutes, { ctx });
  await app.register(requestRoutes, { ctx });
  await app.register(inspectionPortal, { ctx });

  app.get('/', async (req, reply) => {
    const [all, latest] = await Promise.all([listPublicAgencies(ctx.db), searchPublished(ctx.db, { pageSize: 10 }, todayOf(ctx))]);
    const body = html`
<h1>生态环境行政执法公示</h1>
<p>本平台依法公示生态环境部门的行政执法主体、执法人员、职责权限、执法依据、执法程序、执法结果和监督救济渠道。</p>
<form class="card" action="/decisions" method="get" role="search" aria-label="执法决定查询">
<label for="home-q">查询执法决定</label><p class="hint" id="home-q-hint">输入当事人名称或决定书文号，例如“化工”或“罚〔2026〕”。</p>
<div style="display:flex;gap:.5em;flex-wrap:wrap"><input type="search" id="home-q" name="q" maxlength="50" aria-describedby="home-q-hint" style="flex:1 1 16em"><button type="submit">查询</button></div>
<p><a href="/decisions">高级查询（按执法类别、执法主体、决定日期）</a></p>
</form>
<section aria-labelledby="latest"><h2 id="latest">最新公示</h2>
${latest.items.length ? decisionList(latest.items) : html`<div class="card"><p>暂无公示的执法决定。</p></div>`}
<p><a href="/decisions">查看全部执法决定</a> · <a href="/notices">撤回公告</a> · 订阅：<a href="/feeds/decisions.atom">Atom</a> / <a href="/feeds/decisions.rss">RSS</a> / <a href="/feeds/decisions.json">JSON Feed</a> · 双公示数据：<a href="/export/credit.csv">CSV</a> / <a href="/export/credit.json">JSON</a></p>
</section>
<section aria-labelledby="dir"><h2 id="dir">执法主体目录</h2>
<div class="card">${all.length ? agencyTree(all) : html`<p>暂无执法主体信息。</p>`}</div></section>`;
    return send(reply, page({ title: '首页', largeText: isLarge(req), path: '/' }, body));
  });

  app.get('/agencies', async (req, reply) => {
    const all = await listPublicAgencies(ctx.db);
    const body = html`<h1>执法主体</h1><div class="card">${agencyTree(all)}</div>`;
    return send(reply, page({ title: '执法主体', largeText: isLarge(req), path: '/agencies', breadcrumbs: [{ href: '/', label: '首页' }, { label: '执法主体' }] }, body));
  });

  app.get<{ Params: { id: string } }>('/agencies/:id', async (req, reply) => {
    const a = /^[0-9a-f-]{36}$/.test(req.params.id) ? await findAgency(ctx.db, req.params.id) : undefined;
    if (!a) return reply.callNotFound();
    const parent = a.parentId ? await findAgency(ctx.db, a.parentId) : undefined;
    const row = (label: string, value: string | Html) => (value && String(value).length ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
    const body = html`
<h1>${a.name}</h1>
<section aria-labelledby="basic"><h2 id="basic">基本信息</h2><div class="card"><dl class="fields">
${row('机关层级', AGENCY_LEVEL_LABELS[a.level])}
${row('主体性质', a.nature)}
${row('统一社会信用代码', a.creditCode)}
${parent ? row('上级机关', html`<a href="/agencies/${parent.id}">${parent.name}</a>`) : ''}
${row('主要职责', a.functions)}
${row('管辖范围', a.jurisdiction)}
${row('执法区域', a.enforcementArea)}
</dl></div></section>
<section aria-labelledby="contact"><h2 id="contact">联系方式</h2><div class="card"><dl class="fields">
${row('办公地址', a.address)}
${row('邮政编码', a.postcode)}
${row('联系电话', a.phone)}
${row('电子邮箱', a.email)}
${row('网站', a.website)}
</dl></div></section>
<section aria-labelledby="rules"><h2 id="rules">公示依据</h2><div class="card"><p>本机关依据${agencyDisclosureRule(a).text}公示行政执法信息。</p></div></section>
<section aria-labelledby="supervise"><h2 id="supervise">监督投诉渠道</h2><div class="card"><p>${a.complaintChannel || '如对本机关行政执法行为有异议，可向其上级机关或司法行政部门反映。'}</p></div></section>
${await renderExAnte(ctx, a)}`;
    return send(
      reply,
      page({ title: a.name, largeText: isLarge(req), path: `/agencies/${a.id}`, breadcrumbs: [{ href: '/', label: '首页' }, { href: '/agencies', label: '执法主体' }, { label: a.name }] }, body),
    );
  });

  await registerExAntePortal(app, ctx); // ORG-4: /inspections

  // DESIGN §6: the log's public key and latest checkpoint are published, so
  // that anyone can check an exported case bundle against them.
  app.get('/integrity', async (req, reply) => {
    const signer = await loadLogSigner(ctx);
    const cp = await latestCheckpoint(ctx.db);
    const cosigs = cp ? await cosignaturesOf(ctx.db, cp.size) : [];
    const lastWitnessed = await latestWitnessed(ctx.db);
    const witnesses = configuredWitnesses(ctx);
    const when = (d: Date) => `${formatDateTime(d.getTime()).replace('T', ' ').slice(0, 19)}（北京时间）`;
    const body = html`
<h1>执法记录完整性公钥</h1>
<p>本平台的执法文书和音像记录在签署或收存时即记入只增不改的默克尔日志（RFC 6962/9162），日志检查点以下列公钥签名（Ed25519，C2SP signed-note 格式）。核验案卷导出包时，请确认导出包使用的公钥与本页公布的一致。</p>
<section aria-labelledby="key"><h2 id="key">公钥</h2><div class="card"><p><code style="word-break:break-all">${signer.verifierKey}</code></p></div></section>
<section aria-labelledby="cp"><h2 id="cp">最新检查点</h2><div class="card">${
      cp ? html`<dl class="fields"><dt>日志条数</dt><dd>${cp.size}</dd><dt>根哈希</dt><dd><code style="word-break:break-all">${cp.rootHash}</code></dd><dt>签署时间</dt><dd>${formatDateTime(cp.createdAt.getTime()).replace('T', ' ').slice(0, 19)}（北京时间）</dd><dt>见证人副署</dt><dd>${cosigs.length ? cosigs.map((c) => c.witnessName).join('、') : '尚无'}</dd></dl><pre style="white-space:pre-wrap">${cosignedNote(cp.note, cosigs)}</pre>` : html`<p>尚未生成检查点。</p>`
    }<p>日志以 C2SP tlog-tiles 格式公开：<a href="/log/checkpoint">/log/checkpoint</a>（签名检查点）、<code>/log/tile/…</code>（哈希瓦片与条目包），任何标准的透明日志客户端均可审计。</p></div></section>
<section aria-labelledby="witness"><h2 id="witness">见证人副署</h2><div class="card">
<p>见证人是本平台以外的独立机构，核对日志只增不改后对检查点副署（C2SP tlog-cosignature）。持有经见证的检查点，即可发现日志被截断、回滚或向不同的人展示不同内容。</p>${
      witnesses.length
        ? html`<table><caption>已配置的见证人</caption><thead><tr><th scope="col">见证人</th><th scope="col">公钥</th></tr></thead><tbody>${witnesses.map((w) => html`<tr><td>${w.name}</td><td><code style="word-break:break-all">${w.verifierKey}</code></td></tr>`)}</tbody></table>`
        : html`<p>本平台尚未配置见证人。</p>`
    }${
      lastWitnessed.length
        ? html`<table><caption>最近一次经见证的检查点（日志 ${lastWitnessed[0]!.checkpointSize} 条）</caption><thead><tr><th scope="col">见证人</th><th scope="col">副署时间</th><th scope="col">收到时间</th></tr></thead><tbody>${lastWitnessed.map((c) => html`<tr><td>${c.witnessName}</td><td>${when(c.signedAt)}</td><td>${when(c.receivedAt)}</td></tr>`)}</tbody></table>`
        : html`<p>尚无见证人副署的检查点。</p>`
    }</div></section>
<p>离线核验：<code>npx sanxiang verify-bundle 导出包.zip --key 上述公钥</code></p>`;
    return send(reply, page({ title: '完整性公钥', largeText: isLarge(req), path: '/integrity', breadcrumbs: [{ href: '/', label: '首页' }, { label: '完整性公钥' }] }, body));
  });

  // 适老化 large text, without JavaScript: a cookie and a redirect back.
  app.get<{ Querystring: { size?: string; back?: string } }>('/a11y/text-size', async (req, reply) => {
    const large = req.query.size === 'large';
    reply.setCookie(TEXT_SIZE_COOKIE, large ? 'large' : 'normal', { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
    const back = req.query.back && /^\/(?!\/)[^\s]*$/.test(req.query.back) ? req.query.back : '/';
    return reply.redirect(back, 303);
  });
  return cache;
}
