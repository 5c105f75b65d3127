/**
 * Disclosure (执法公示, PUB-1..PUB-10) for the console: the publication queue,
 * one publication with its redaction, the clerk's and the approver's acts,
 * and the inbox of the public's correction requests and complaints. Thin:
 * validate → actor → use case.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLICATION_STATUSES, SENSITIVE_KIND_LABELS, WITHHOLDING_REASON_KEYS, type PublicationStatus, type SensitiveKind, type WithholdingReasonKey } from '@sanxiang/core';
import { requireActor } from '../app.js';
import {
  approvePublication,
  decideWithdraw,
  decideWithhold,
  getPublication,
  listPublications,
  requestWithdraw,
  requestWithhold,
  returnPublication,
  savePublication,
  submitPublication,
} from '../../usecases/publications.js';
import { getPublicRequest, listPublicRequests, respondPublicRequest, verifyPublicRequest } from '../../usecases/public-requests.js';

const Id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Comment = z.string().trim().max(2000).default('');
const Kind = z.enum(Object.keys(SENSITIVE_KIND_LABELS) as [SensitiveKind, ...SensitiveKind[]]).optional();
const Ground = z.enum(['thirdPartyConsent', 'publicInterest', 'notPersonal']).optional();
const Reason = z.string().trim().min(1, '须说明理由').max(500);
const Override = z.union([
  z.object({ action: z.literal('add'), start: z.number().int().min(0), end: z.number().int().min(1), reason: Reason, kind: Kind }),
  z.object({ action: z.literal('add'), value: z.string().min(1).max(500), reason: Reason, kind: Kind }),
  z.object({ action: z.literal('lift'), start: z.number().int().min(0), end: z.number().int().min(1), reason: Reason, ground: Ground }),
  z.object({ action: z.literal('lift'), value: z.string().min(1).max(500), reason: Reason, ground: Ground }),
  // issue 13: a 疑似个人信息 dismissed by the clerk, with the reason (recorded in the version)
  z.object({ action: z.literal('dismiss'), value: z.string().min(1).max(500), reason: Reason }),
]);

const Edit = z.object({
  form: z.enum(['summary', 'full']),
  fields: z.record(z.string().max(64), z.string().max(20000)),
  fullText: z.string().max(100000).default(''),
  overrides: z.record(z.string().max(64), z.array(Override).max(200)).default({}),
  note: z.string().trim().max(1000).optional(),
});

export default async function publicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['disclosure'];

  r.get(
    '/publications',
    {
      schema: {
        tags,
        summary: '公示队列（PUB-2：按公示期限排序，带到期提示）',
        querystring: z.object({
          status: z.enum(['open', ...PUBLICATION_STATUSES] as [string, ...string[]]).optional(),
          agencyId: Id.optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).max(100000).optional(),
        }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return listPublications(req.ctx, actor, { ...req.query, status: req.query.status as PublicationStatus | 'open' | undefined });
    },
  );

  r.get('/publications/:id', { schema: { tags, summary: '公示信息：当前版本、隐去对照、不能公示的原因、历史', params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return getPublication(req.ctx, actor, req.params.id);
  });

  r.put('/publications/:id', { schema: { tags, summary: '录入员保存（新版本；已公示的为更正版本，PUB-9）', params: z.object({ id: Id }), body: Edit } }, async (req) => {
    const actor = await requireActor(req);
    return savePublication(req.ctx, actor, req.params.id, req.body as never);
  });

  r.post('/publications/:id/submit', { schema: { tags, summary: '录入员提交审核（PUB-1）', params: z.object({ id: Id }), body: z.object({ comment: Comment }).default({ comment: '' }) } }, async (req) => {
    const actor = await requireActor(req);
    return submitPublication(req.ctx, actor, req.params.id, req.body.comment);
  });

  r.post(
    '/publications/:id/approve',
    {
      schema: {
        tags,
        summary: '审核员审核通过并公示（PUB-1；隐去检查、疑似个人信息、法制审核、必填项；审核时依案件现有事实重新判断是否不予公开）',
        params: z.object({ id: Id }),
        body: z.object({ comment: Comment, liftConsent: z.boolean().default(false).describe('审核员明确同意录入员解除的个人信息隐去（SX25-P 第十九条第二款）') }).default({ comment: '', liftConsent: false }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return approvePublication(req.ctx, actor, req.params.id, req.body.comment, req.body.liftConsent);
    },
  );

  r.post('/publications/:id/return', { schema: { tags, summary: '审核员退回修改', params: z.object({ id: Id }), body: z.object({ comment: z.string().trim().min(1, '须说明退回理由').max(2000) }) } }, async (req) => {
    const actor = await requireActor(req);
    return returnPublication(req.ctx, actor, req.params.id, req.body.comment);
  });

  r.post(
    '/publications/:id/withhold',
    { schema: { tags, summary: '申请不予公开（PUB-5、PUB-6）', params: z.object({ id: Id }), body: z.object({ reason: z.enum(WITHHOLDING_REASON_KEYS as [WithholdingReasonKey, ...WithholdingReasonKey[]]), note: z.string().trim().min(1, '须说明具体情况').max(2000) }) } },
    async (req) => {
      const actor = await requireActor(req);
      return requestWithhold(req.ctx, actor, req.params.id, req.body);
    },
  );

  r.post('/publications/:id/withhold/decision', { schema: { tags, summary: '审批不予公开申请', params: z.object({ id: Id }), body: z.object({ approve: z.boolean(), comment: Comment }) } }, async (req) => {
    const actor = await requireActor(req);
    return decideWithhold(req.ctx, actor, req.params.id, req.body);
  });

  r.post(
    '/publications/:id/withdraw',
    {
      schema: {
        tags,
        summary: '申请撤回已公示的决定（PUB-8：公开说明理由；GS-P 16：变更决定的机关、文号、日期、内容）',
        params: z.object({ id: Id }),
        body: z.object({
          cause: z.enum(['changed', 'revoked', 'unlawful', 'void']),
          statement: z.string().trim().min(1, '须公开说明撤回理由').max(2000),
          changedOn: isoDate,
          changingDecision: z.object({ body: z.string().trim().max(200).default(''), number: z.string().trim().max(100).default(''), date: z.string().trim().max(20).default(''), content: z.string().trim().max(5000).default('') }),
          // issue 13: the clerk's masks, lifts and dismissals on the two public texts
          overrides: z.object({ statement: z.array(Override).max(200).optional(), content: z.array(Override).max(200).optional() }).optional(),
        }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return requestWithdraw(req.ctx, actor, req.params.id, req.body as never);
    },
  );

  r.post('/publications/:id/withdraw/decision', { schema: { tags, summary: '审批撤回', params: z.object({ id: Id }), body: z.object({ approve: z.boolean(), comment: Comment }) } }, async (req) => {
    const actor = await requireActor(req);
    return decideWithdraw(req.ctx, actor, req.params.id, req.body);
  });

  // ---- the public's requests (PUB-9, PUB-10) ----
  r.get(
    '/public-requests',
    { schema: { tags, summary: '更正申请和投诉收件箱', querystring: z.object({ status: z.enum(['open', 'received', 'verified', 'corrected', 'refused', 'forwarded', 'answered']).optional(), kind: z.enum(['correction', 'complaint']).optional() }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { items: await listPublicRequests(req.ctx, actor, req.query) };
    },
  );

  r.get('/public-requests/:id', { schema: { tags, summary: '一件更正申请或投诉', params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return getPublicRequest(req.ctx, actor, req.params.id);
  });

  r.post('/public-requests/:id/verify', { schema: { tags, summary: '登记核实结果（PUB-9 · GS-P 17）', params: z.object({ id: Id }), body: z.object({ verifiedTrue: z.boolean(), note: z.string().trim().min(1).max(2000) }) } }, async (req) => {
    const actor = await requireActor(req);
    return verifyPublicRequest(req.ctx, actor, req.params.id, req.body);
  });

  r.post(
    '/public-requests/:id/respond',
    { schema: { tags, summary: '答复：已更正、不予更正（说明理由和救济途径）、转送、已答复', params: z.object({ id: Id }), body: z.object({ outcome: z.enum(['corrected', 'refused', 'forwarded', 'answered']), response: z.string().trim().min(1).max(5000) }) } },
    async (req) => {
      const actor = await requireActor(req);
      return respondPublicRequest(req.ctx, actor, req.params.id, req.body);
    },
  );
}
