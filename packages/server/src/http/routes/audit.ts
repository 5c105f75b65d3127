import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../app.js';
import { listAuditEvents } from '../../usecases/audit.js';

const Ref = z.object({ id: z.string(), number: z.string() }).nullable();
const AuditItem = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO 时间'),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string().describe('操作键，如 document.finalize；界面显示其中文名称'),
  objectType: z.string(),
  objectId: z.string(),
  objectName: z.string().nullable().describe('用户或机关的名称'),
  case: Ref.describe('所涉案件及其案号'),
  document: Ref.describe('所涉文书及其文书编号'),
  media: Ref.describe('所涉音像记录及其编号'),
  agencyId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  ip: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export default async function auditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（审计管理员、上级监督人员）',
        querystring: z.object({
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          action: z.string().max(64).optional(),
          actorId: z.string().max(64).optional(),
          outcome: z.enum(['ok', 'denied', 'failed']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(AuditItem) }) },
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return listAuditEvents(req.ctx, actor, req.query);
    },
  );
}
