/**
 * The public's requests on the portal, without an account:
 * - 更正申请 (PUB-9 · SX25-P 23, SX19-P 18, GS-P 17) from a decision's page;
 * - 投诉 about disclosure (PUB-10 · SX25-P 24, SX19-P 19) to the publisher or
 *   its superior (the agency list);
 * - 办理查询: the status and the answer by tracking code.
 *
 * Plain HTML forms (application/x-www-form-urlencoded), working without
 * JavaScript. An error re-renders the form with the message next to the
 * summary and keeps everything typed.
 *
 * CSRF: the forms use no cookie, session or other ambient credential — a
 * request filed from another site is just an anonymous request in that
 * site's visitor's own words, which anyone can file here anyway; there is
 * nothing to forge. Browsers that say so (Sec-Fetch-Site: cross-site) are
 * refused all the same, and no cookie the portal sets is sent cross-site
 * (SameSite=Lax). Abuse: a per-address rate limit (@fastify/rate-limit) and a
 * field people never see (honeypot).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { findAgency } from '../usecases/agencies.js';
import { findPublicDecision, type PublicDecisionRow } from '../usecases/portal-read.js';
import { createPublicRequest, publicRequestStatus, type PublicRequestRow } from '../usecases/public-requests.js';
import { HOME_CRUMB, UUID_RE, agencyOptions, agencySelectOptions, field, queryString, renderPage, sendHtml, todayOf, usePortalErrors } from './common.js';
import { html, type Html } from './html.js';

/** Per client address and route: enough for a person, not for a script. */
export const FORM_RATE_LIMIT = { max: 10, timeWindow: '10 minutes' };
export const LOOKUP_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

const LIMITS = { name: 100, contact: 100, content: 5000, evidence: 5000 } as const;
const HONEYPOT = 'homepage';
const CODE_RE = /^[A-HJ-NP-Z2-9]{10}$/;

type FormField = 'agency' | 'name' | 'contact' | 'content' | 'evidence';
interface FormState {
  values: Record<FormField, string>;
  errors: { field: FormField | 'form'; message: string }[];
}

function readForm(body: unknown): FormState['values'] {
  return { agency: field(body, 'agency'), name: field(body, 'name'), contact: field(body, 'contact'), content: field(body, 'content'), evidence: field(body, 'evidence') };
}

function checkForm(v: FormState['values'], kind: 'correction' | 'complaint'): FormState['errors'] {
  const errors: FormState['errors'] = [];
  const need = (f: FormField, label: string, max: number) => {
    if (!v[f]) errors.push({ field: f, message: `请填写${label}。` });
    else if ([...v[f]].length > max) errors.push({ field: f, message: `${label}不能超过${max}个字。` });
  };
  if (kind === 'complaint' && !v.agency) errors.push({ field: 'agency', message: '请选择受理投诉的机关。' });
  need('name', '姓名或名称', LIMITS.name);
  need('contact', '联系方式', LIMITS.contact);
  need('content', kind === 'correction' ? '需要更正的内容及理由' : '投诉内容', LIMITS.content);
  if ([...v.evidence].length > LIMITS.evidence) errors.push({ field: 'evidence', message: `证据材料说明不能超过${LIMITS.evidence}个字。` });
  return errors;
}

function errorSummary(errors: FormState['errors']): Html {
  if (!errors.length) return html``;
  return html`<div class="error" role="alert" id="form-errors" tabindex="-1"><p><strong>提交未成功，请修改以下内容：</strong></p><ul>${errors.map((e) =>
    e.field === 'form' ? html`<li>${e.message}</li>` : html`<li><a href="#f-${e.field}">${e.message}</a></li>`,
  )}</ul></div>`;
}

function fieldError(errors: FormState['errors'], f: FormField): { attrs: Html | string; note: Html | string } {
  const e = errors.find((x) => x.field === f);
  if (!e) return { attrs: '', note: '' };
  return { attrs: html` aria-invalid="true" aria-describedby="e-${f}"`, note: html`<p class="field-error" id="e-${f}">${e.message}</p>` };
}

function textInput(s: FormState, f: 'name' | 'contact', label: string, hint: string): Html {
  const e = fieldError(s.errors, f);
  return html`<div class="field"><label for="f-${f}">${label}<span class="req">（必填）</span></label><p class="hint" id="h-${f}">${hint}</p>${e.note}<input type="text" id="f-${f}" name="${f}" value="${s.values[f]}" maxlength="${LIMITS[f]}" required aria-required="true"${e.attrs || html` aria-describedby="h-${f}"`}${f === 'name' ? html` autocomplete="name"` : ''}></div>`;
}

function textArea(s: FormState, f: 'content' | 'evidence', label: string, hint: string, required: boolean): Html {
  const e = fieldError(s.errors, f);
  return html`<div class="field"><label for="f-${f}">${label}${required ? html`<span class="req">（必填）</span>` : html`（选填）`}</label><p class="hint" id="h-${f}">${hint}</p>${e.note}<textarea id="f-${f}" name="${f}" rows="6" maxlength="${LIMITS[f]}"${required ? html` required aria-required="true"` : ''}${e.attrs || html` aria-describedby="h-${f}"`}>${s.values[f]}</textarea></div>`;
}

const HONEYPOT_FIELD = html`<div class="honeypot" aria-hidden="true"><label for="f-${HONEYPOT}">请勿填写此项</label><input type="text" id="f-${HONEYPOT}" name="${HONEYPOT}" value="" tabindex="-1" autocomplete="off"></div>`;

function decisionCard(d: PublicDecisionRow): Html {
  return html`<div class="card"><dl class="fields"><dt>公示信息</dt><dd><a href="/decisions/${d.id}">${d.title || '执法决定'}</a></dd><dt>公示机关</dt><dd>${d.agencyName}</dd><dt>决定日期</dt><dd>${d.decisionDate}</dd></dl></div>`;
}

function correctionForm(d: PublicDecisionRow, s: FormState): Html {
  return html`<h1>申请更正公示信息</h1>
${errorSummary(s.errors)}
${decisionCard(d)}
<p>当事人认为公示信息不准确的，可以提供相关证据申请更正。公示机关收到申请后依法核实：确有错误的予以更正并告知；不予更正的，告知理由和救济途径。</p>
<form method="post" action="/decisions/${d.id}/correction" class="card" novalidate>
${textInput(s, 'name', '申请人姓名或名称', '当事人为单位的，填写单位名称。')}
${textInput(s, 'contact', '联系方式', '手机、电话或电子邮箱，用于告知处理结果；不会公开。')}
${textArea(s, 'content', '需要更正的内容及理由', '请写明哪一项公示内容有误、正确的内容是什么。', true)}
${textArea(s, 'evidence', '证据材料说明', '请列明可以证明的材料（如判决书、复议决定书、登记证明），公示机关核实时可能联系您提供。', false)}
${HONEYPOT_FIELD}
<p><button type="submit">提交更正申请</button></p>
</form>`;
}

async function complaintForm(ctx: AppContext, s: FormState, decision: PublicDecisionRow | null): Promise<Html> {
  const e = fieldError(s.errors, 'agency');
  const options = await agencyOptions(ctx);
  return html`<h1>投诉</h1>
${errorSummary(s.errors)}
<p>对行政执法公示工作有意见的（例如应当公开而未公开、公开不及时、公开内容泄露个人隐私），可以向公示机关或者其上级机关投诉。对投诉处理结果不服的，仍可依法申请行政复议或者提起行政诉讼。</p>
${decision ? html`<p>所涉公示信息：<a href="/decisions/${decision.id}">${decision.title || '执法决定'}</a></p>` : ''}
<form method="post" action="/complaints" class="card" novalidate>
${decision ? html`<input type="hidden" name="decision" value="${decision.id}">` : ''}
<div class="field"><label for="f-agency">受理机关<span class="req">（必填）</span></label><p class="hint" id="h-agency">可以选择公示机关，也可以选择其上级机关。</p>${e.note}<select id="f-agency" name="agency" required aria-required="true"${e.attrs || html` aria-describedby="h-agency"`}><option value="">请选择</option>${agencySelectOptions(options, s.values.agency)}</select></div>
${textInput(s, 'name', '投诉人姓名或名称', '可以是个人，也可以是单位。')}
${textInput(s, 'contact', '联系方式', '手机、电话或电子邮箱，用于答复；不会公开。')}
${textArea(s, 'content', '投诉内容', '请写明投诉的事项、理由和您的请求。', true)}
${HONEYPOT_FIELD}
<p><button type="submit">提交投诉</button></p>
</form>`;
}

function receipt(r: PublicRequestRow): Html {
  const kind = r.kind === 'correction' ? '更正申请' : '投诉';
  return html`<h1>${kind}已提交</h1>
<div class="ok" role="status"><p>您的${kind}已于 <time datetime="${r.receivedOn}">${r.receivedOn}</time> 收到。查询码：</p><p class="code">${r.trackingCode}</p><p>请记下查询码，凭查询码可以查看办理进度和答复。查询码是您查看答复的唯一凭证，请勿告知他人。</p></div>
<section aria-labelledby="deadlines"><h2 id="deadlines">办理期限</h2><div class="card">${deadlines(r.kind, r.verifyBy, r.respondBy)}</div></section>
<p><a class="button" href="/requests${queryString({ code: r.trackingCode })}">查询办理进度</a> <a href="/">返回首页</a></p>`;
}

function deadlines(kind: string, verifyBy: string | null, respondBy: string | null): Html {
  if (kind !== 'correction') return html`<p>公示机关将及时处理并答复。</p>`;
  if (!verifyBy && !respondBy) return html`<p>公示机关将依法及时核实。确有错误的，予以更正并告知；不予更正的，告知理由和救济途径。</p>`;
  return html`<dl class="fields">
${verifyBy ? html`<dt>核实期限</dt><dd>在 <time datetime="${verifyBy}">${verifyBy}</time> 前完成核实</dd>` : ''}
${respondBy ? html`<dt>答复期限</dt><dd>在 <time datetime="${respondBy}">${respondBy}</time> 前更正并告知，或者告知不予更正的理由和救济途径</dd>` : html`<dt>答复期限</dt><dd>核实后 3 个工作日内更正并告知，或者告知不予更正的理由和救济途径</dd>`}
</dl>`;
}

function lookupForm(code: string, error: string | null): Html {
  return html`<form method="get" action="/requests" class="card" role="search" aria-label="办理查询">
<div class="field"><label for="f-code">查询码</label><p class="hint" id="h-code">提交更正申请或投诉时获得的 10 位查询码。</p>${error ? html`<p class="field-error" id="e-code" role="alert">${error}</p>` : ''}<input type="text" id="f-code" name="code" value="${code}" maxlength="20" autocomplete="off" spellcheck="false"${error ? html` aria-invalid="true" aria-describedby="e-code"` : html` aria-describedby="h-code"`}></div>
<p><button type="submit">查询</button></p>
</form>`;
}

/** Sec-Fetch-Site: browsers say when a form was posted from another site. */
function crossSite(req: FastifyRequest): boolean {
  return req.headers['sec-fetch-site'] === 'cross-site';
}

export default async function requestRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  usePortalErrors(app);
  const empty = (): FormState['values'] => ({ agency: '', name: '', contact: '', content: '', evidence: '' });

  const visibleDecision = async (id: string) => {
    if (!UUID_RE.test(id)) return null;
    const found = await findPublicDecision(ctx.db, id, todayOf(ctx));
    return found?.state === 'online' ? found.decision : null;
  };

  const refuse = (req: FastifyRequest, reply: FastifyReply) =>
    sendHtml(reply, renderPage(req, { title: '提交被拒绝', path: req.url, noindex: true }, html`<h1>提交被拒绝</h1><div class="error" role="alert"><p>请在本平台的页面上填写并提交。</p></div><p><a href="/">返回首页</a></p>`), { status: 403, cache: 'none' });

  // PUB-9: the correction request of a decision on the portal.
  app.get<{ Params: { id: string } }>('/decisions/:id/correction', async (req, reply) => {
    const d = await visibleDecision(req.params.id);
    if (!d) return reply.callNotFound();
    return sendHtml(reply, renderPage(req, { title: '申请更正', path: req.url, breadcrumbs: [HOME_CRUMB, { href: `/decisions/${d.id}`, label: d.title || '执法决定' }, { label: '申请更正' }] }, correctionForm(d, { values: empty(), errors: [] })), { cache: 'none' });
  });

  app.post<{ Params: { id: string } }>('/decisions/:id/correction', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    if (crossSite(req)) return refuse(req, reply);
    const d = await visibleDecision(req.params.id);
    if (!d) return reply.callNotFound();
    const values = readForm(req.body);
    const frame = { title: '申请更正', path: `/decisions/${d.id}/correction`, noindex: true, breadcrumbs: [HOME_CRUMB, { href: `/decisions/${d.id}`, label: d.title || '执法决定' }, { label: '申请更正' }] };
    const again = (errors: FormState['errors']) => sendHtml(reply, renderPage(req, { ...frame, title: '申请更正（请修改）' }, correctionForm(d, { values, errors })), { status: 400, cache: 'none' });
    if (field(req.body, HONEYPOT)) return again([{ field: 'form', message: '提交未通过校验，请刷新页面后重新填写。' }]);
    const errors = checkForm(values, 'correction');
    if (errors.length) return again(errors);
    try {
      const row = await createPublicRequest(ctx, { kind: 'correction', publicationId: d.id, requesterName: values.name, requesterContact: values.contact, content: values.content, evidence: values.evidence }, req.ip);
      return sendHtml(reply, renderPage(req, { ...frame, title: '更正申请已提交' }, receipt(row)), { status: 201, cache: 'none' });
    } catch (e) {
      if (isAppError(e) && e.code === 'public_request.invalid') return again([{ field: 'form', message: e.userMessage }]);
      throw e;
    }
  });

  // PUB-10: complaints, to the publisher or its superior.
  app.get('/complaints', async (req, reply) => {
    const decision = await visibleDecision(field(req.query, 'decision'));
    const wanted = field(req.query, 'agency');
    const values = { ...empty(), agency: UUID_RE.test(wanted) ? wanted : decision?.agencyId ?? '' };
    const body = await complaintForm(ctx, { values, errors: [] }, decision);
    return sendHtml(reply, renderPage(req, { title: '投诉', path: '/complaints', breadcrumbs: [HOME_CRUMB, { label: '投诉' }] }, body), { cache: 'none' });
  });

  app.post('/complaints', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    if (crossSite(req)) return refuse(req, reply);
    const values = readForm(req.body);
    const decision = await visibleDecision(field(req.body, 'decision'));
    const frame = { title: '投诉', path: '/complaints', noindex: true, breadcrumbs: [HOME_CRUMB, { label: '投诉' }] };
    const again = async (errors: FormState['errors']) =>
      sendHtml(reply, renderPage(req, { ...frame, title: '投诉（请修改）' }, await complaintForm(ctx, { values, errors }, decision)), { status: 400, cache: 'none' });
    if (field(req.body, HONEYPOT)) return again([{ field: 'form', message: '提交未通过校验，请刷新页面后重新填写。' }]);
    const errors = checkForm(values, 'complaint');
    const agency = values.agency && UUID_RE.test(values.agency) ? await findAgency(ctx.db, values.agency) : undefined;
    if (values.agency && !agency) errors.unshift({ field: 'agency', message: '所选受理机关不存在，请从列表中选择。' });
    if (errors.length || !agency) return again(errors);
    // A complaint about a decision goes with it to its publisher; to a superior, the decision is named in the text.
    const toPublisher = decision && decision.agencyId === agency.id;
    const content = decision && !toPublisher ? `所涉公示信息：${decision.title || '执法决定'}（${decision.agencyName}，编号 ${decision.id}）\n${values.content}` : values.content;
    try {
      const row = await createPublicRequest(ctx, { kind: 'complaint', agencyId: agency.id, ...(toPublisher ? { publicationId: decision.id } : {}), requesterName: values.name, requesterContact: values.contact, content, evidence: values.evidence }, req.ip);
      return sendHtml(reply, renderPage(req, { ...frame, title: '投诉已提交' }, receipt(row)), { status: 201, cache: 'none' });
    } catch (e) {
      if (isAppError(e) && e.code === 'public_request.invalid') return again([{ field: 'form', message: e.userMessage }]);
      throw e;
    }
  });

  // The requester's status page: by code, nothing about anyone else's request.
  app.get('/requests', { config: { rateLimit: LOOKUP_RATE_LIMIT } }, async (req, reply) => {
    const raw = field(req.query, 'code');
    const frame = { title: '办理查询', path: '/requests', noindex: true, breadcrumbs: [HOME_CRUMB, { label: '办理查询' }] };
    const intro = html`<h1>办理查询</h1><p>凭查询码查看更正申请或投诉的办理进度和答复。</p>`;
    if (!raw) return sendHtml(reply, renderPage(req, frame, html`${intro}${lookupForm('', null)}`), { cache: 'none' });
    const code = raw.toUpperCase().replace(/[\s-]/g, '');
    if (!CODE_RE.test(code)) {
      return sendHtml(reply, renderPage(req, { ...frame, title: '办理查询（查询码有误）' }, html`${intro}${lookupForm(raw, '查询码应为 10 位字母和数字，请核对后重新输入。')}`), { status: 400, cache: 'none' });
    }
    const s = await publicRequestStatus(ctx, code);
    if (!s) {
      return sendHtml(reply, renderPage(req, { ...frame, title: '办理查询（未找到）' }, html`${intro}${lookupForm(raw, '未找到该查询码对应的申请，请核对后重新输入。')}`), { status: 404, cache: 'none' });
    }
    const body = html`${intro}
<section aria-labelledby="status"><h2 id="status">${s.kindLabel}：${s.statusLabel}</h2><div class="card"><dl class="fields">
<dt>查询码</dt><dd><code>${code}</code></dd>
<dt>类别</dt><dd>${s.kindLabel}</dd>
<dt>办理状态</dt><dd>${s.statusLabel}</dd>
<dt>收到日期</dt><dd><time datetime="${s.receivedOn}">${s.receivedOn}</time></dd>
${s.verifyBy ? html`<dt>核实期限</dt><dd><time datetime="${s.verifyBy}">${s.verifyBy}</time></dd>` : ''}
${s.respondBy ? html`<dt>答复期限</dt><dd><time datetime="${s.respondBy}">${s.respondBy}</time></dd>` : ''}
${s.respondedOn ? html`<dt>答复日期</dt><dd><time datetime="${s.respondedOn}">${s.respondedOn}</time></dd>` : ''}
${s.response ? html`<dt>答复内容</dt><dd>${s.response}</dd>` : ''}
</dl></div></section>
${lookupForm('', null)}`;
    return sendHtml(reply, renderPage(req, frame, body), { cache: 'none' });
  });
}
