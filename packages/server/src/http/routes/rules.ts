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
import { addCalendarYear, decideCalendarCorrection, getCalendarYear, listCalendarYears, listDeadlineChanges, requestCalendarCorrection } from '../../usecases/calendar.js';
import { deadlinePreview, getAgencyProfile, getProfile, listProfiles, setAgencyProfile } from '../../usecases/profiles.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Day = z.object({ date: isoDate, name: z.string().trim().min(1).max(20) });

export default async function ruleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const YearRow = z.object({
    year: z.number().int(),
    status: z.enum(['confirmed', 'provisional']).describe('confirmed 已录入通知；provisional 暂按法定节假日推算（NAT-21）'),
    source: z.string(),
    origin: z.enum(['seed', 'admin', 'statutory']),
    version: z.number().int(),
    addedAt: z.string().nullable(),
    holidays: z.number().int(),
    workdays: z.number().int(),
  });
  const Correction = z.object({
    id: z.string(),
    year: z.number().int(),
    fromVersion: z.number().int(),
    source: z.string(),
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'refused']),
    holidays: z.number().int(),
    workdays: z.number().int(),
    requestedBy: z.string().describe('提出更正的系统管理员（用户 id）：不得由其本人审批'),
    requestedByName: z.string(),
    requestedAt: z.string(),
    decidedByName: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  });
  const YearDetail = z.object({
    year: z.number().int(),
    status: z.enum(['confirmed', 'provisional']),
    source: z.string(),
    origin: z.enum(['seed', 'admin', 'statutory']),
    version: z.number().int(),
    addedAt: z.string().nullable(),
    holidays: z.array(Day),
    workdays: z.array(Day),
    corrections: z.array(Correction),
    deadlinesChanged: z.number().int().optional().describe('录入或更正后重算且到期日改变的未结期限数'),
  });
  const YearBody = z.object({
    year: z.number().int().min(1990).max(2200),
    source: z.string().trim().min(4).max(300),
    holidays: z.array(Day).max(60),
    workdays: z.array(Day).max(20),
  });

  r.get(
    '/calendar/years',
    {
      schema: {
        tags: ['rules'],
        summary: '节假日年度：已录入（confirmed）或暂按法定节假日推算（provisional，NAT-21）',
        response: { 200: z.object({ items: z.array(YearRow), warnings: z.array(z.string()), lastConfirmedYear: z.number().int().nullable() }) },
      },
    },
    async (req) => {
      const r = await listCalendarYears(req.ctx);
      return { items: r.years, warnings: r.warnings, lastConfirmedYear: r.lastConfirmedYear };
    },
  );

  r.get(
    '/calendar/years/:year',
    { schema: { tags: ['rules'], params: z.object({ year: z.coerce.number().int() }), response: { 200: z.object({ year: YearDetail }) } } },
    async (req) => ({ year: await getCalendarYear(req.ctx, req.params.year) }),
  );

  r.post(
    '/calendar/years',
    {
      schema: {
        tags: ['rules'],
        summary: '录入新年度节假日安排（系统管理员）；依赖该年度的未结期限随即重算',
        body: YearBody,
        response: { 201: z.object({ year: YearDetail }) },
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ year: await addCalendarYear(req.ctx, actor, req.body) });
    },
  );

  r.post(
    '/calendar/years/:year/corrections',
    {
      schema: {
        tags: ['rules'],
        summary: '提出已录入年度的更正（新版本，须另一名系统管理员审批）',
        params: z.object({ year: z.coerce.number().int().min(1990).max(2200) }),
        body: YearBody.omit({ year: true }).extend({ reason: z.string().trim().min(2).max(500) }),
        response: { 201: z.object({ year: YearDetail }) },
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ year: await requestCalendarCorrection(req.ctx, actor, { ...req.body, year: req.params.year }) });
    },
  );

  r.post(
    '/calendar/corrections/:id/decision',
    {
      schema: {
        tags: ['rules'],
        summary: '审批日历更正（另一名系统管理员）；批准后未结期限随即重算',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ approve: z.boolean(), note: z.string().max(500).optional() }),
        response: { 200: z.object({ year: YearDetail }) },
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return { year: await decideCalendarCorrection(req.ctx, actor, req.params.id, req.body) };
    },
  );

  r.get(
    '/deadline-changes',
    {
      schema: {
        tags: ['rules'],
        summary: '因录入或更正节假日安排而重算改变的期限（本人可见范围）',
        querystring: z.object({ caseId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                at: z.string(),
                calendarYear: z.number().int(),
                objectType: z.string(),
                objectId: z.string(),
                caseId: z.string().nullable(),
                caseNumber: z.string().nullable(),
                label: z.string(),
                oldDue: z.string().nullable(),
                newDue: z.string().nullable(),
                wasProvisional: z.boolean(),
                reason: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return { items: await listDeadlineChanges(req.ctx, actor, req.query) };
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
