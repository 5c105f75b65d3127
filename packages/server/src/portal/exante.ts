/**
 * Ex-ante information on the portal (事前公开, ORG-2..ORG-6, INS-1, INS-3):
 * the published sections of an agency, each with its 更新日期, on the agency
 * page; the live officer roster; and the 涉企行政检查公示专栏 across agencies
 * (ORG-4 · SX25-P 10 ¶2) at /inspections. Only approved versions are shown
 * (ORG-8); plain HTML that works without JavaScript (SYS-4).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EXANTE_SPECS, formatExAnteValue, type ExAnteContent, type ExAnteField, type ExAnteSectionSpec, type ExAnteValue } from '@sanxiang/core/disclosure/exante.js';
import type { AppContext } from '../context.js';
import { chinaDate } from '../lib/time.js';
import type { AgencyRow } from '../usecases/agencies.js';
import { publicEnterpriseInspections, publicExAnte, type PublicExAnteSection } from '../usecases/exante.js';
import { publicDiscretionBenchmark } from '../usecases/violation-catalogue.js';
import { Html, html } from './html.js';
import { page } from './layout.js';
import { agencyDisclosureRule } from './sitemap.js';
import { inspectionCountsHtml } from './inspections.js';

/** Lists with more columns than this read better as one card per row (phones, large text). */
const TABLE_MAX_COLUMNS = 6;

function cell(field: ExAnteField, value: ExAnteValue | undefined): Html | string {
  if (value === undefined) return '';
  if (field.type === 'lines') return html`<ol>${(value as readonly string[]).map((l) => html`<li>${l}</li>`)}</ol>`;
  if (field.type === 'url') return html`<a href="${String(value)}" rel="noopener noreferrer">${String(value)}</a>`;
  if (field.type === 'email') return html`<a href="mailto:${String(value)}">${String(value)}</a>`;
  return formatExAnteValue(field, value);
}

function rowsHtml(spec: ExAnteSectionSpec, content: ExAnteContent, caption: string, rowHeading: 'h3' | 'h4' = 'h4'): Html | string {
  const cols = spec.rows ?? [];
  const rows = content.rows ?? [];
  if (!cols.length) return '';
  if (!rows.length) return html`<p>暂无。</p>`;
  // Only the columns some row fills (optional ones left empty everywhere are not shown).
  const shown = cols.filter((c) => c.required || rows.some((r) => r[c.key] !== undefined));
  if (shown.length <= TABLE_MAX_COLUMNS) {
    return html`<div style="overflow-x:auto"><table><caption style="position:absolute;left:-9999px">${caption}</caption><thead><tr><th scope="col">序号</th>${shown.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead><tbody>${rows.map(
      (r, i) => html`<tr><td>${i + 1}</td>${shown.map((c) => html`<td style="white-space:pre-wrap">${cell(c, r[c.key])}</td>`)}</tr>`,
    )}</tbody></table></div>`;
  }
  const [first, ...rest] = shown;
  return html`${rows.map(
    (r, i) => html`<article class="card">${new Html(`<${rowHeading} style="margin:.2em 0 .6em">`)}${i + 1}. ${first ? formatExAnteValue(first, r[first.key]) : ''}${new Html(`</${rowHeading}>`)}<dl class="fields">${rest.map((c) =>
      r[c.key] === undefined ? '' : html`<dt>${c.label}</dt><dd>${cell(c, r[c.key])}</dd>`,
    )}</dl></article>`,
  )}`;
}

function fieldsHtml(spec: ExAnteSectionSpec, content: ExAnteContent): Html | string {
  if (!spec.fields?.length) return '';
  const v = content.fields ?? {};
  return html`<div class="card"><dl class="fields">${spec.fields.map((c) => (v[c.key] === undefined ? '' : html`<dt>${c.label}</dt><dd>${cell(c, v[c.key])}</dd>`))}</dl></div>`;
}

function dates(s: PublicExAnteSection): Html {
  const parts: string[] = [];
  parts.push(`更新日期：${s.updatedOn ?? '—'}`);
  if (s.publishedOn) parts.push(`公开日期：${s.publishedOn}`);
  if (s.sourceNote) parts.push(`依据：${s.sourceNote}`);
  return html`<p class="meta" style="color:var(--muted);font-size:.9em;margin:.2em 0 .5em">${parts.join('　')}</p>`;
}

function sectionHtml(s: PublicExAnteSection): Html {
  const spec = EXANTE_SPECS[s.key];
  const id = `exante-${s.key}`;
  return html`<section aria-labelledby="${id}" id="${id}-section" data-section="${s.key}"><h3 id="${id}">${s.label}</h3>${dates(s)}${spec.rows ? rowsHtml(spec, s.content, s.label) : ''}${fieldsHtml(spec, s.content)}${s.content.note ? html`<p style="white-space:pre-wrap">${s.content.note}</p>` : ''}</section>`;
}

function rosterHtml(roster: Awaited<ReturnType<typeof publicExAnte>>['roster']): Html {
  return html`<section aria-labelledby="exante-roster" data-section="roster"><h3 id="exante-roster">执法人员</h3>
<p class="meta" style="color:var(--muted);font-size:.9em;margin:.2em 0 .5em">持有效行政执法证件的人员，按执法证状态实时生成</p>${
    roster.length
      ? html`<div style="overflow-x:auto"><table><thead><tr><th scope="col">姓名</th><th scope="col">单位</th><th scope="col">职务</th><th scope="col">执法证号</th><th scope="col">有效期</th></tr></thead><tbody>${roster.map(
          (o) => html`<tr><td>${o.name}</td><td>${o.unit}</td><td>${o.post}</td><td>${o.certificateNumber}</td><td>${o.validFrom} 至 ${o.validTo}</td></tr>`,
        )}</tbody></table></div>`
      : html`<p>暂无持有效执法证件的人员。</p>`
  }</section>`;
}

/**
 * The ex-ante block of an agency page: a table of contents, the officer
 * roster (ORG-2) and every published section with its 更新日期 (ORG-3).
 */
export async function renderExAnte(ctx: AppContext, agency: AgencyRow): Promise<Html> {
  const today = chinaDate(ctx.clock.now());
  const { sections, roster } = await publicExAnte(ctx.db, agency, today);
  const benchmark = await publicDiscretionBenchmark(ctx.db, agency, today);
  return html`<section aria-labelledby="exante" id="exante-block"><h2 id="exante">事前公开信息</h2>
<nav aria-label="事前公开信息目录" class="card"><ul style="margin:0;padding-left:1.2em;columns:2 16em">
<li><a href="#exante-roster">执法人员</a></li><li><a href="#exante-discretion">行政处罚裁量基准</a></li>${sections.map((s) => html`<li><a href="#exante-${s.key}">${s.label}</a></li>`)}
</ul></nav>
${rosterHtml(roster)}
${benchmarkHtml(benchmark)}
${sections.map(sectionHtml)}
</section>`;
}

/**
 * ORG-3 (SX25-P 10(一); GS-P 5(三)) · NAT-22: the agency's 行政处罚裁量基准, generated
 * from its violation catalogue (usecases/violation-catalogue.ts), never retyped:
 * 违法行为、违反条款、处罚依据、法定幅度、裁量档次与情形.
 */
function benchmarkHtml(b: Awaited<ReturnType<typeof publicDiscretionBenchmark>>): Html {
  const meta = b.adopted ? `本机关违法行为目录第 ${b.version} 版${b.effectiveFrom ? `，${b.effectiveFrom} 起施行` : ''}` : '本机关尚未发布自行制定的裁量基准，以下为平台示范裁量基准；法定幅度以法律、法规规定为准';
  return html`<section aria-labelledby="exante-discretion" id="exante-discretion-section" data-section="discretionBenchmark"><h3 id="exante-discretion">行政处罚裁量基准</h3>
<p class="meta" style="color:var(--muted);font-size:.9em;margin:.2em 0 .5em">${meta}</p>${b.rows.map(
    (r, i) => html`<article class="card" data-violation="${String(i + 1)}"><h4 style="margin:.2em 0 .6em">${i + 1}. ${r.violation}</h4><dl class="fields"><dt>违反条款</dt><dd>${r.violated}</dd><dt>处罚依据</dt><dd>${r.basis}</dd><dt>法定幅度</dt><dd>${r.range}</dd><dt>裁量档次与情形</dt><dd><ol>${r.bands.map(
      (band) => html`<li>${band.label}：${band.circumstances}（${band.range}）</li>`,
    )}</ol></dd></dl></article>`,
  )}</section>`;
}

/** Issue 13: each agency's own rules, with the article where its document names the column (SX25-P 第十条第二款). */
function inspectionRule(agency: AgencyRow): string {
  const r = agencyDisclosureRule(agency);
  return r.inspectionsArticle ? `${r.text}${r.inspectionsArticle}` : r.text;
}

const TEXT_SIZE_COOKIE = 'sx_text'; // the same cookie as portal/routes.ts (适老化 large text)

/** ORG-4 · SX25-P 10 ¶2: /inspections, the 涉企行政检查公示专栏 of every agency. */
export async function registerExAntePortal(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/inspections', async (req: FastifyRequest, reply) => {
    const list = await publicEnterpriseInspections(ctx.db);
    const spec = EXANTE_SPECS.enterpriseInspections;
    const body = html`<h1>涉企行政检查公示专栏</h1>
<p>统一公示各生态环境部门的行政检查主体、事项、依据、标准、计划、频次上限和裁量基准，便于公众查阅与监督；各部门依其适用的行政执法公示规定公示，依据列于各部门名下。同一企业接受的行政检查不超过所列频次上限。</p>
${
  list.length
    ? list.map(
        (x) => html`<section aria-labelledby="insp-${x.agency.id}"><h2 id="insp-${x.agency.id}"><a href="/agencies/${x.agency.id}#exante-enterpriseInspections">${x.agency.name}</a></h2>
<p class="meta" style="color:var(--muted);font-size:.9em;margin:.2em 0 .5em">更新日期：${x.updatedOn}${x.publishedOn ? `　公开日期：${x.publishedOn}` : ''}　公示依据：${inspectionRule(x.agency)}</p>
${rowsHtml(spec, x.content, `${x.agency.name}涉企行政检查事项`, 'h3')}${x.content.note ? html`<p style="white-space:pre-wrap">${x.content.note}</p>` : ''}</section>`,
      )
    : html`<div class="card"><p>暂无公示内容。</p></div>`
}
${await inspectionCountsHtml(ctx)}`;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(page({ title: '涉企行政检查公示专栏', largeText: req.cookies[TEXT_SIZE_COOKIE] === 'large', path: '/inspections', breadcrumbs: [{ href: '/', label: '首页' }, { label: '涉企行政检查公示专栏' }] }, body));
  });
}
