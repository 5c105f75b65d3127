/**
 * Public pages of 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16, NAT-17):
 * - /draws, /draws/:id — each draw's commitment (seed hash, list digests,
 *   log leaf) from the moment it is made; after the inspections the seed,
 *   the lists and the result, recomputed in the browser by
 *   /assets/draw-proof.js; /draws/:id.json is the data;
 * - /inspection-code/:code — what an enterprise sees when it scans the
 *   inspection code on entry (扫码入企): who inspects, registered when;
 * - the enterprises' inspections and counts on the 涉企行政检查公示专栏
 *   (inspectionCountsHtml, added to /inspections).
 * Target names are never shown before the inspection took place (NAT-17).
 */
import type { FastifyInstance } from 'fastify';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { INSPECTION_KIND_LABELS, TARGET_CLASS_LABELS, getParam, type TargetClass } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { agencies, inspections, publications } from '../db/schema.js';
import { listPublicDraws, publicDraw } from '../usecases/inspections/draws.js';
import { profileOf } from '../usecases/inspections/common.js';
import { HOME_CRUMB, renderPage, sendHtml, todayOf, usePortalErrors } from './common.js';
import { DRAW_PROOF_JS } from './draw-proof.js.js';
import { html, type Html } from './html.js';

const STATUS_LABELS = { committed: '已提交种子承诺，待抽取', drawn: '已抽取，检查实施中（名单暂不公开）', published: '已公开，可复算' } as const;

/** ORG-4, INS-3 · SX25-P 10: per agency, each enterprise inspected this year, with its count against the cap. */
export async function inspectionCountsHtml(ctx: AppContext): Promise<Html> {
  const year = Number(todayOf(ctx).slice(0, 4));
  // Only inspections that took place (the 现场检查笔录 signed): a drawn target's name stays secret until then.
  const rows = await ctx.db
    .select({ i: inspections, on: publications.decisionDate })
    .from(inspections)
    .innerJoin(publications, eq(publications.caseId, inspections.caseId))
    .where(and(eq(inspections.year, year), eq(inspections.status, 'registered'), isNotNull(inspections.caseId)))
    .orderBy(asc(inspections.creditCode));
  if (rows.length === 0) return html`<section aria-labelledby="insp-counts"><h2 id="insp-counts">${year}年涉企行政检查情况</h2><div class="card"><p>本年度暂无已实施的涉企行政检查。</p></div></section>`;
  const agencyIds = [...new Set(rows.map((r) => r.i.agencyId))];
  const agencyRows = await ctx.db.select().from(agencies).where(inArray(agencies.id, agencyIds));
  const blocks = agencyRows.map((a) => {
    const cap = getParam(profileOf(a), 'inspection.yearlyCap').value;
    const mine = rows.filter((r) => r.i.agencyId === a.id);
    const byCode = new Map<string, typeof mine>();
    for (const r of mine) byCode.set(r.i.creditCode, [...(byCode.get(r.i.creditCode) ?? []), r]);
    return html`<h3>${a.name}（频次上限：每家企业每年 ${cap} 次）</h3>
<table class="grid"><caption class="sr-only">${a.name}${year}年涉企行政检查</caption><thead><tr><th scope="col">企业名称</th><th scope="col">统一社会信用代码</th><th scope="col">本年检查次数</th><th scope="col">检查日期与种类</th></tr></thead><tbody>
${[...byCode.entries()].map(
  ([code, list]) => html`<tr><td>${list[0]!.i.targetName}</td><td>${code}</td><td>${list.length}${list.length >= cap ? '（已达上限）' : ''}</td><td>${list.map((r) => `${r.on} ${INSPECTION_KIND_LABELS[r.i.kind]}${r.i.exception?.approvedBy ? '（经负责人批准超出上限）' : ''}`).join('；')}</td></tr>`,
)}
</tbody></table>`;
  });
  return html`<section aria-labelledby="insp-counts"><h2 id="insp-counts">${year}年涉企行政检查情况</h2><p>各企业本年度已接受的行政检查及次数；“双随机”抽查名单见<a href="/draws">随机抽查结果</a>。</p>${blocks}</section>`;
}

export default async function inspectionPortal(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;
  usePortalErrors(app);

  app.get('/assets/draw-proof.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(DRAW_PROOF_JS));

  app.get('/draws', async (req, reply) => {
    const draws = await listPublicDraws(ctx.db);
    const body = html`<h1>“双随机”抽查</h1>
<p>每轮抽取前，抽取机关公布随机种子的哈希值和检查对象、执法检查人员名录的摘要，并写入本平台的完整性日志；检查实施后公布种子和名单，任何人可在本站或自行复算抽取结果。</p>
${
  draws.length
    ? html`<table class="grid"><thead><tr><th scope="col">抽取机关</th><th scope="col">抽查计划</th><th scope="col">轮次</th><th scope="col">状态</th></tr></thead><tbody>${draws.map(
        (d) => html`<tr><td>${d.agencyName}</td><td><a href="/draws/${d.id}">${d.planTitle}</a></td><td>${d.roundLabel}</td><td>${STATUS_LABELS[d.status]}</td></tr>`,
      )}</tbody></table>`
    : html`<div class="card"><p>暂无抽取记录。</p></div>`
}`;
    return sendHtml(reply, renderPage(req, { title: '“双随机”抽查', path: '/draws', breadcrumbs: [HOME_CRUMB, { label: '“双随机”抽查' }] }, body));
  });

  app.get<{ Params: { id: string } }>('/draws/:id.json', async (req, reply) => {
    const d = await publicDraw(ctx.db, req.params.id);
    if (!d) return reply.status(404).type('application/json').send({ code: 'not_found' });
    return reply.header('cache-control', 'public, max-age=60').send(d);
  });

  app.get<{ Params: { id: string } }>('/draws/:id', async (req, reply) => {
    const d = await publicDraw(ctx.db, req.params.id);
    if (!d) return sendHtml(reply, renderPage(req, { title: '未找到', path: '/draws' }, html`<h1>未找到该抽取记录</h1>`), { status: 404 });
    const quota = Object.entries(d.quota).map(([c, n]) => `${TARGET_CLASS_LABELS[c as TargetClass]} ${n} 家`).join('，');
    const body = html`<h1>${d.planTitle}（${d.roundLabel}）</h1>
<dl class="fields card">
<dt>抽取机关</dt><dd>${d.agencyName}</dd>
<dt>抽查事项</dt><dd>${d.item}</dd>
${d.jointDepartments.length ? html`<dt>联合检查部门</dt><dd>${d.jointDepartments.join('、')}</dd>` : ''}
<dt>状态</dt><dd>${STATUS_LABELS[d.status]}</dd>
<dt>抽取数量</dt><dd>${quota || '无'}；每组执法人员 ${d.teamSize} 人</dd>
<dt>名录规模</dt><dd>检查对象 ${d.poolSize} 家（已达年度检查频次上限的企业不参加本轮抽取）</dd>
<dt>种子哈希（SHA-256）</dt><dd><code>${d.seedHash}</code></dd>
<dt>检查对象名录摘要</dt><dd><code>${d.digests.targets}</code></dd>
<dt>执法检查人员名录摘要</dt><dd><code>${d.digests.inspectors}</code></dd>
<dt>回避关系摘要</dt><dd><code>${d.digests.conflicts}</code></dd>
<dt>完整性日志</dt><dd>承诺为第 ${d.commitLeaf} 号记录（${d.committedAt.slice(0, 10)}）${d.drawLeaf !== null ? `；抽取结果为第 ${d.drawLeaf} 号记录` : ''}；可在<a href="/integrity">完整性验证</a>页面核对</dd>
${d.revealed ? html`<dt>随机种子</dt><dd><code>${d.revealed.seed}</code></dd>` : ''}
</dl>
<section aria-labelledby="algo"><h2 id="algo">抽取方法</h2>
<p>记 score(标签, 键) 为字符串“种子|标签|键”的 SHA-256 十六进制值。按重点排污单位、高、中、低风险的顺序，在每一类检查对象中按 score("target", 统一社会信用代码) 从小到大排序，取前若干家；对每一家抽中的对象，将执法检查人员按 score("inspector|统一社会信用代码", 执法证号) 排序，排除与该对象有利害关系（回避）的人员，并在工作量均衡的前提下取前 ${d.teamSize} 人。</p></section>
<section aria-labelledby="proof"><h2 id="proof">在线复算</h2>
<div id="draw-proof" data-json="/draws/${d.id}.json" class="card"><p id="draw-proof-result" role="status" aria-live="polite">${d.revealed ? '需要启用 JavaScript 才能在本页复算；也可下载数据自行复算。' : '本轮抽取的检查尚未全部实施，种子和名单将在检查实施后公开。'}</p>
<p><a href="/draws/${d.id}.json">下载本轮抽取数据（JSON）</a></p></div>
${
  d.revealed
    ? html`<table class="grid"><caption>复算得到的抽取结果</caption><thead><tr><th scope="col">检查对象</th><th scope="col">类别</th><th scope="col">执法检查人员</th></tr></thead><tbody id="draw-proof-rows"></tbody></table>`
    : ''
}</section>
<script src="/assets/draw-proof.js" defer></script>`;
    return sendHtml(reply, renderPage(req, { title: `${d.planTitle}（${d.roundLabel}）`, path: '/draws', breadcrumbs: [HOME_CRUMB, { href: '/draws', label: '“双随机”抽查' }, { label: d.roundLabel }] }, body));
  });

  app.get<{ Params: { code: string } }>('/inspection-code/:code', async (req, reply) => {
    const code = req.params.code.toUpperCase();
    const [i] = /^[2-9A-Z]{12}$/.test(code) ? await ctx.db.select().from(inspections).where(eq(inspections.code, code)) : [];
    if (!i || i.status !== 'registered') {
      return sendHtml(reply, renderPage(req, { title: '行政检查码核验', path: '/inspection-code', noindex: true }, html`<h1>行政检查码核验</h1><div class="card"><p>未查到该检查码对应的已登记检查。未经登记的检查，企业有权拒绝并向监督渠道反映。</p></div>`), { status: 404, cache: 'none' });
    }
    const [a] = await ctx.db.select().from(agencies).where(eq(agencies.id, i.agencyId));
    const body = html`<h1>行政检查码核验</h1>
<div class="card"><p><strong>该检查已依法登记。</strong></p>
<dl class="fields"><dt>检查码</dt><dd><code>${i.code}</code></dd><dt>检查机关</dt><dd>${a?.name ?? ''}</dd><dt>检查对象</dt><dd>${i.targetName}</dd><dt>检查种类</dt><dd>${INSPECTION_KIND_LABELS[i.kind]}</dd><dt>计划检查日期</dt><dd>${i.plannedDate}</dd>
<dt>执法检查人员</dt><dd>${i.inspectors.map((x) => `${x.name}（执法证号 ${x.certificateNumber}）`).join('、')}</dd>
${i.exception?.approvedBy ? html`<dt>超出频次上限</dt><dd>经机关负责人批准：${i.exception.note}</dd>` : ''}</dl></div>`;
    return sendHtml(reply, renderPage(req, { title: '行政检查码核验', path: '/inspection-code', noindex: true }, body), { cache: 'none' });
  });
}
