/**
 * Rules that are public (they expose rules, not data): the working-day
 * calendar, the regulation profiles and deadline previews. Adding a calendar
 * year and configuring an agency's profile need a system administrator.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEADLINE_RULE_KEYS } from '@sanxiang/core';
import { requireActor } from '../app.js';
import { addCalendarYear, getCalendarYear, listCalendarYears } from '../../usecases/calendar.js';
import { deadlinePreview, getAgencyProfile, getProfile, listProfiles, setAgencyProfile } from '../../usecases/profiles.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Day = z.object({ date: isoDate, name: z.string().trim().min(1).max(20) });

export default async function ruleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/calendar/years', { schema: { tags: ['rules'], summary: '已录入的节假日年度（NAT-2）' } }, async (req) => ({ items: await listCalendarYears(req.ctx.db) }));

  r.get('/calendar/years/:year', { schema: { tags: ['rules'], params: z.object({ year: z.coerce.number().int() }) } }, async (req) => ({ year: await getCalendarYear(req.ctx.db, req.params.year) }));

  r.post(
    '/calendar/years',
    {
      schema: {
        tags: ['rules'],
        summary: '录入新年度节假日安排（系统管理员）',
        body: z.object({
          year: z.number().int().min(1990).max(2200),
          source: z.string().trim().min(4).max(300),
          holidays: z.array(Day).max(60),
          workdays: z.array(Day).max(20),
        }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ year: await addCalendarYear(req.ctx, actor, req.body) });
    },
  );

  r.get('/profiles', { schema: { tags: ['rules'], summary: '规则配置列表' } }, async () => ({ items: listProfiles() }));

  r.get('/profiles/:id', { schema: { tags: ['rules'], summary: '规则配置：每项取值及其依据', params: z.object({ id: z.string().max(40) }) } }, async (req) => ({
    profile: getProfile(req.params.id),
  }));

  r.get(
    '/deadlines/preview',
    {
      schema: {
        tags: ['rules'],
        summary: '期限计算预览',
        querystring: z.object({
          profile: z.string().min(1).max(40),
          rule: z.string().min(1).max(60).describe(`规则：${DEADLINE_RULE_KEYS.join(', ')}`),
          from: z.string().min(10).max(40).describe('起算日期 YYYY-MM-DD，或日期时间（按小时计算的规则）'),
          agencyId: z.string().max(64).optional().describe('按该机关选择的规则配置及其自行配置的取值计算'),
        }),
      },
    },
    async (req) => deadlinePreview(req.ctx, req.query),
  );

  r.get('/agencies/:id/profile', { schema: { tags: ['rules'], params: z.object({ id: z.string().max(64) }) } }, async (req) => {
    const actor = await requireActor(req);
    return getAgencyProfile(req.ctx, actor, req.params.id);
  });

  r.put(
    '/agencies/:id/profile',
    {
      schema: {
        tags: ['rules'],
        summary: '选择本机关规则配置并设定由机关配置的取值（系统管理员）',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ profileId: z.string().min(1).max(40), overrides: z.record(z.string(), z.object({ value: z.unknown(), basis: z.string().max(300).optional(), note: z.string().max(500).optional() })).default({}) }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return setAgencyProfile(req.ctx, actor, req.params.id, { profileId: req.body.profileId, overrides: req.body.overrides as never });
    },
  );
}
