import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@sanxiang/core';
import { requireActor } from '../app.js';
import { addCertificate, assignRoles, createUser, getUser, listOfficers, listUsers, resetPassword, setCertificateStatus, unlockUser, updateUser } from '../../usecases/users.js';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const CertStatus = z.enum(['valid', 'suspended', 'revoked']);

export default async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/users', { schema: { tags: ['users'], querystring: z.object({ agencyId: z.string().optional() }) } }, async (req) => {
    const actor = await requireActor(req);
    return { items: await listUsers(req.ctx, actor, req.query) };
  });

  r.get('/officers', { schema: { tags: ['users'], summary: '本机关执法人员及执法证状态（选择承办人员）' } }, async (req) => {
    const actor = await requireActor(req);
    return { items: await listOfficers(req.ctx, actor) };
  });

  r.get('/users/:id', { schema: { tags: ['users'], params: IdParams } }, async (req) => {
    const actor = await requireActor(req);
    return { user: await getUser(req.ctx, actor, req.params.id) };
  });

  r.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户（系统管理员）',
        body: z.object({
          agencyId: z.string().min(1),
          username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为 3–32 位字母、数字、下划线，以字母开头'),
          displayName: z.string().trim().min(1).max(50),
          post: z.string().max(50).optional(),
          phone: z.string().max(30).optional(),
          initialPassword: z.string().min(1).max(256),
        }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ user: await createUser(req.ctx, actor, req.body) });
    },
  );

  r.patch(
    '/users/:id',
    { schema: { tags: ['users'], params: IdParams, body: z.object({ displayName: z.string().trim().min(1).max(50).optional(), post: z.string().max(50).optional(), phone: z.string().max(30).optional(), disabled: z.boolean().optional() }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { user: await updateUser(req.ctx, actor, req.params.id, req.body) };
    },
  );

  r.put(
    '/users/:id/roles',
    { schema: { tags: ['users'], summary: '分配角色（安全管理员）', params: IdParams, body: z.object({ roles: z.array(z.enum(ROLES)).max(ROLES.length) }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { user: await assignRoles(req.ctx, actor, req.params.id, req.body.roles) };
    },
  );

  r.post('/users/:id/unlock', { schema: { tags: ['users'], summary: '解锁账号（安全管理员）', params: IdParams } }, async (req) => {
    const actor = await requireActor(req);
    return { user: await unlockUser(req.ctx, actor, req.params.id) };
  });

  r.post(
    '/users/:id/password-reset',
    { schema: { tags: ['users'], summary: '重置密码（安全管理员）', params: IdParams, body: z.object({ newPassword: z.string().min(1).max(256) }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { user: await resetPassword(req.ctx, actor, req.params.id, req.body.newPassword) };
    },
  );

  r.post(
    '/users/:id/certificates',
    {
      schema: {
        tags: ['users'],
        summary: '登记执法证（ORG-2）',
        params: IdParams,
        body: z.object({ number: z.string().trim().min(4).max(40), issuer: z.string().trim().min(2).max(100), validFrom: isoDate, validTo: isoDate, status: CertStatus.optional() }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ user: await addCertificate(req.ctx, actor, req.params.id, req.body) });
    },
  );

  r.patch(
    '/users/:id/certificates/:certId',
    { schema: { tags: ['users'], params: z.object({ id: z.string(), certId: z.string() }), body: z.object({ status: CertStatus }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { user: await setCertificateStatus(req.ctx, actor, req.params.id, req.params.certId, req.body.status) };
    },
  );
}
