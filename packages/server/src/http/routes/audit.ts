import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../app.js';
import { listAuditEvents } from '../../usecases/audit.js';

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
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return listAuditEvents(req.ctx, actor, req.query);
    },
  );
}
