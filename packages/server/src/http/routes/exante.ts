/**
 * Ex-ante disclosure (事前公开, ORG-3..ORG-8) for the console: the agencies
 * followed, an agency's sections, one section with its versions, and the
 * clerk's and the approver's acts. Every route reads through the use case,
 * which authorizes (404 when the agency's ex-ante information may not be
 * read, 403 when it may be read but not acted on). Thin: validate → actor →
 * use case. The published information is on the portal (portal/exante.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXANTE_SECTIONS, type ExAnteSection } from '@sanxiang/core/disclosure/exante.js';
import { requireActor } from '../app.js';
import { approveExAnte, exAnteOverview, getExAnteSection, listExAnte, returnExAnte, saveExAnte, submitExAnte } from '../../usecases/exante.js';

const Id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Section = z.enum(EXANTE_SECTIONS as unknown as [ExAnteSection, ...ExAnteSection[]]);
const SectionParams = z.object({ id: Id, section: Section });
const Comment = z.string().trim().max(2000).default('');

// Issue 13 item 1: the redaction gate on the section's current version (the approver's side-by-side view).
const Span = { start: z.number().int(), end: z.number().int(), original: z.string(), kind: z.string() };
const MaskOut = z.object({ ...Span, replacement: z.string(), reason: z.string(), source: z.string() });
const SuspectOut = z.object({ ...Span, rule: z.string(), reason: z.string() });
const Gate = z.object({
  texts: z.array(
    z.object({
      kind: z.string(),
      kindLabel: z.string(),
      key: z.string(),
      original: z.string(),
      text: z.string(),
      masks: z.array(MaskOut),
      lifted: z.array(MaskOut.extend({ liftReason: z.string(), ground: z.string().optional() })),
      suspects: z.array(SuspectOut),
      dismissed: z.array(SuspectOut.extend({ dismissReason: z.string() })),
      leaks: z.array(z.object({ start: z.number().int(), end: z.number().int(), kind: z.string(), source: z.string(), rule: z.string(), reason: z.string(), display: z.string() })),
    }),
  ),
  problems: z.array(z.object({ code: z.enum(['leak', 'suspect']), message: z.string() })),
  redaction: z.array(z.object({ action: z.enum(['add', 'dismiss']), value: z.string(), reason: z.string(), kind: z.string().optional() })),
});
/** One section as the console sees it (use case getExAnteSection); the gate is absent for generated sections. */
const SectionResponse = z.looseObject({
  agency: z.object({ id: z.string(), name: z.string(), profileId: z.string() }),
  summary: z.looseObject({ key: z.string(), status: z.string().nullable(), statusLabel: z.string() }),
  problems: z.array(z.looseObject({ message: z.string() })),
  gate: Gate.optional(),
  abilities: z.object({ save: z.boolean(), submit: z.boolean(), approve: z.boolean(), return: z.boolean() }),
});
const response = { 200: SectionResponse };

export default async function exAnteRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exante'];

  r.get('/exante', { schema: { tags, summary: '本人可查看事前公开信息的机关及各机关的公开情况（待审核、逾期等）' } }, async (req) => {
    const actor = await requireActor(req);
    return exAnteOverview(req.ctx, actor);
  });

  r.get('/agencies/:id/exante', { schema: { tags, summary: '机关的事前公开信息栏目：状态、公开期限（ORG-6）与执法人员名单（ORG-2）', params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return listExAnte(req.ctx, actor, req.params.id);
  });

  r.get(
    '/agencies/:id/exante/:section',
    { schema: { tags, summary: '一个栏目：当前版本、已公开版本、问题、历次版本与流转记录', params: SectionParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }), response } },
    async (req) => {
      const actor = await requireActor(req);
      return getExAnteSection(req.ctx, actor, req.params.id, req.params.section, req.query);
    },
  );

  r.put(
    '/agencies/:id/exante/:section',
    {
      schema: {
        tags,
        summary: '录入员保存新版本（草稿；已公开的版本在审核通过前继续公开）；content.redaction 记录对疑似个人信息的隐去与排除（身份证件号码不得排除）',
        params: SectionParams,
        body: z.object({ content: z.record(z.string(), z.unknown()), changedOn: isoDate.optional(), note: z.string().trim().max(1000).optional() }),
        response,
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return saveExAnte(req.ctx, actor, req.params.id, req.params.section, req.body);
    },
  );

  r.post('/agencies/:id/exante/:section/submit', { schema: { tags, summary: '录入员提交审核（ORG-8）', params: SectionParams, body: z.object({ comment: Comment }).default({ comment: '' }), response } }, async (req) => {
    const actor = await requireActor(req);
    return submitExAnte(req.ctx, actor, req.params.id, req.params.section, req.body.comment);
  });

  r.post(
    '/agencies/:id/exante/:section/approve',
    {
      schema: {
        tags,
        summary: '审核员审核通过并公开（ORG-8；GS19 执法事项清单、随机抽查事项清单须先经外部审核，GS-P 14）；存在疑似个人信息或泄露时 409（issue 13）',
        params: SectionParams,
        body: z
          .object({
            comment: Comment,
            externalReview: z.object({ body: z.string().trim().min(1).max(100), on: isoDate, reference: z.string().trim().max(100).optional() }).optional(),
          })
          .default({ comment: '' }),
        response,
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return approveExAnte(req.ctx, actor, req.params.id, req.params.section, req.body);
    },
  );

  r.post(
    '/agencies/:id/exante/:section/return',
    { schema: { tags, summary: '审核员退回修改（须说明理由）', params: SectionParams, body: z.object({ comment: z.string().trim().min(1, '须说明退回理由').max(2000) }), response } },
    async (req) => {
      const actor = await requireActor(req);
      return returnExAnte(req.ctx, actor, req.params.id, req.params.section, req.body.comment);
    },
  );
}
