import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGENCY_LEVELS } from '@sanxiang/core';
import { requireActor } from '../app.js';
import { createAgency, getAgency, listAgencies, presentAgency, updateAgency } from '../../usecases/agencies.js';

const text = (max: number) => z.string().max(max);
const AgencyFields = {
  name: z.string().trim().min(2).max(100),
  shortName: text(50).nullish(),
  creditCode: z.string().trim().min(1).max(18),
  nature: text(50).optional(),
  functions: text(4000).optional(),
  jurisdiction: text(2000).optional(),
  enforcementArea: text(2000).optional(),
  address: text(200).optional(),
  postcode: z.string().regex(/^(\d{6})?$/, '邮政编码应为 6 位数字').optional(),
  phone: text(50).optional(),
  email: z.union([z.literal(''), z.string().email()]).optional(),
  website: text(200).optional(),
  complaintChannel: text(1000).optional(),
  profileId: z.string().min(1).max(40).optional(),
  sortOrder: z.number().int().optional(),
};
const IdParams = z.object({ id: z.string().min(1).max(64) });

export default async function agencyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/agencies', { schema: { tags: ['agencies'], summary: '机关列表（本人可见范围）' } }, async (req) => {
    const actor = await requireActor(req);
    return { items: (await listAgencies(req.ctx, actor)).map((a) => presentAgency(a, actor)) };
  });

  r.get('/agencies/:id', { schema: { tags: ['agencies'], params: IdParams } }, async (req) => {
    const actor = await requireActor(req);
    return { agency: presentAgency(await getAgency(req.ctx, actor, req.params.id), actor) };
  });

  r.post(
    '/agencies',
    { schema: { tags: ['agencies'], summary: '新建下级机关', body: z.object({ parentId: z.string().min(1), level: z.enum(AGENCY_LEVELS), ...AgencyFields }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      const { parentId, ...input } = req.body;
      const a = await createAgency(req.ctx, actor, parentId, input);
      return reply.status(201).send({ agency: presentAgency(a, actor) });
    },
  );

  r.patch(
    '/agencies/:id',
    { schema: { tags: ['agencies'], params: IdParams, body: z.object(AgencyFields).partial() } },
    async (req) => {
      const actor = await requireActor(req);
      return { agency: presentAgency(await updateAgency(req.ctx, actor, req.params.id, req.body), actor) };
    },
  );
}
