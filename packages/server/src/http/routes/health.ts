import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export default async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查 / health check',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), mode: z.string(), time: z.string() }) },
      },
    },
    async (req) => {
      await req.ctx.database.query('SELECT 1');
      return { status: 'ok' as const, database: req.ctx.database.kind, mode: req.ctx.config.mode, time: req.ctx.clock.now().toISOString() };
    },
  );
}
