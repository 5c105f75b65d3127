/**
 * 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16, NAT-17): the target
 * directory (with import template and error report), the inspector pool and
 * 回避 relations, plans, draws (commit → draw → publish), and inspections
 * registered before entry. Thin: validate → actor → use case (which
 * authorizes: 404 when it may not be read, 403 when it may not act).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CAP_EXCEPTION_KEYS, INSPECTION_KINDS, TARGET_CLASSES, type CapExceptionKey, type InspectionKind, type TargetClass } from '@sanxiang/core';
import { requireActor } from '../app.js';
import { createTarget, importTargets, listTargets, targetTemplate, updateTarget } from '../../usecases/inspections/targets.js';
import { declareRelation, getInspectorPool } from '../../usecases/inspections/pool.js';
import { createPlan, listPlans, quotaPreview } from '../../usecases/inspections/plans.js';
import { commitDraw, getDraw, publishDraw, runCommittedDraw } from '../../usecases/inspections/draws.js';
import { decideException, getInspection, listInspections, openPenaltyCase, registerInspection } from '../../usecases/inspections/register.js';
import { baseUrl } from '../../portal/common.js';

const Id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Short = z.string().trim().max(200);
const TargetClassZ = z.enum(TARGET_CLASSES as unknown as [TargetClass, ...TargetClass[]]);
const KindZ = z.enum(INSPECTION_KINDS as unknown as [InspectionKind, ...InspectionKind[]]);
const ExceptionZ = z.enum(CAP_EXCEPTION_KEYS as unknown as [CapExceptionKey, ...CapExceptionKey[]]);
const AgencyQuery = z.object({ agencyId: Id.optional() });

const Target = z.object({
  id: z.string(),
  agencyId: z.string(),
  creditCode: z.string(),
  name: z.string(),
  address: z.string(),
  legalRepresentative: z.string(),
  permitNumber: z.string(),
  permitClass: z.enum(['key', 'simplified', 'registration', 'none']),
  keyPolluter: z.boolean(),
  industry: z.string(),
  district: z.string(),
  riskClass: z.enum(['high', 'medium', 'low']),
  riskSource: z.string(),
  active: z.boolean(),
  targetClass: TargetClassZ,
});
const TargetBody = z.object({
  name: z.string().trim().min(1).max(200),
  address: Short.optional(),
  legalRepresentative: Short.optional(),
  permitNumber: z.string().trim().max(60).optional(),
  permitClass: z.enum(['key', 'simplified', 'registration', 'none']).optional(),
  keyPolluter: z.boolean().optional(),
  industry: Short.optional(),
  district: Short.optional(),
  riskClass: z.enum(['high', 'medium', 'low']).optional(),
  riskSource: Short.optional(),
  active: z.boolean().optional(),
});
const Inspector = z.object({ userId: z.string(), name: z.string(), certificateNumber: z.string() });
const ResultState = z.object({ inspectedOn: z.string().nullable(), publishBy: z.string().nullable(), publicationId: z.string().nullable(), publicationStatus: z.string().nullable(), published: z.boolean(), overdue: z.boolean() });
const Inspection = z.object({
  id: z.string(),
  agencyId: z.string(),
  code: z.string(),
  kind: KindZ,
  targetId: z.string(),
  creditCode: z.string(),
  targetName: z.string(),
  year: z.number(),
  plannedDate: z.string(),
  status: z.enum(['pendingApproval', 'registered', 'refused']),
  inspectors: z.array(Inspector),
  drawId: z.string().nullable(),
  planId: z.string().nullable(),
  exception: z
    .object({ reason: ExceptionZ, note: z.string(), cap: z.number(), count: z.number(), requestedBy: z.string(), approvedBy: z.string().nullable(), approvedByName: z.string().nullable(), approvedAt: z.string().nullable(), refusedComment: z.string().optional() })
    .nullable(),
  caseId: z.string().nullable(),
  penaltyCaseId: z.string().nullable(),
  registeredAt: z.string(),
  result: ResultState.nullable(),
});
const InspectionDetail = Inspection.extend({ codeUrl: z.string(), qrSvg: z.string().nullable() });
const QuotaLine = z.object({ targetClass: TargetClassZ, poolSize: z.number(), ratio: z.number(), per: z.enum(['quarter', 'year']), count: z.number() });
const Plan = z.object({
  id: z.string(),
  agencyId: z.string(),
  year: z.number(),
  title: z.string(),
  item: z.string(),
  basis: z.string(),
  content: z.string(),
  method: z.string(),
  rounds: z.enum(['quarter', 'year']),
  quotaOverride: z.record(z.string(), z.number()),
  jointDepartments: z.array(z.string()),
  teamSize: z.number(),
  createdAt: z.string(),
});
const Digests = z.object({ targets: z.string(), inspectors: z.string(), conflicts: z.string() });
const Draw = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  roundLabel: z.string(),
  status: z.enum(['committed', 'drawn', 'published']),
  algorithm: z.string(),
  seedHash: z.string(),
  seed: z.string().nullable(),
  digests: Digests,
  quota: z.record(z.string(), z.number()),
  teamSize: z.number(),
  commitLeaf: z.number(),
  drawLeaf: z.number().nullable(),
  committedAt: z.string(),
  drawnAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  poolSize: z.number(),
  inspectorCount: z.number(),
  atCap: z.number(),
  inspections: z.array(Inspection),
  proofUrl: z.string(),
});
const ImportError = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() });

export default async function inspectionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspections'];

  // --- directory ------------------------------------------------------------
  r.get('/inspections/targets', { schema: { tags, summary: '检查对象名录', querystring: AgencyQuery, response: { 200: z.object({ items: z.array(Target) }) } } }, async (req) => {
    return listTargets(req.ctx, await requireActor(req), req.query);
  });
  r.post('/inspections/targets', { schema: { tags, summary: '新增检查对象', body: TargetBody.extend({ creditCode: z.string().trim().min(1).max(30) }), response: { 200: Target } } }, async (req) => {
    return createTarget(req.ctx, await requireActor(req), req.body);
  });
  r.patch('/inspections/targets/:id', { schema: { tags, summary: '维护检查对象信息', params: z.object({ id: Id }), body: TargetBody.partial(), response: { 200: Target } } }, async (req) => {
    return updateTarget(req.ctx, await requireActor(req), req.params.id, req.body);
  });
  r.get('/inspections/targets/template.xlsx', { schema: { tags, summary: '下载检查对象名录导入模板（Excel）' } }, async (req, reply) => {
    await requireActor(req);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('检查对象名录导入模板.xlsx')}`)
      .send(await targetTemplate());
  });
  r.post(
    '/inspections/targets/import',
    {
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: '从 Excel（.xlsx）或 CSV 导入检查对象名录；有错误时不导入，返回逐行错误报告',
        body: z.object({ filename: z.string().trim().min(1).max(200), contentBase64: z.string().min(1).max(11 * 1024 * 1024) }),
        response: { 200: z.object({ ok: z.boolean(), created: z.number(), updated: z.number(), errors: z.array(ImportError), reportBase64: z.string().nullable() }) },
      },
    },
    async (req) => importTargets(req.ctx, await requireActor(req), req.body),
  );

  // --- inspector pool and 回避 -------------------------------------------------
  const PoolOfficer = z.object({
    userId: z.string(),
    name: z.string(),
    certificateNumber: z.string().nullable(),
    certificateValidTo: z.string().nullable(),
    usable: z.boolean(),
    problem: z.string().nullable(),
    relations: z.array(z.object({ id: z.string(), targetId: z.string(), targetName: z.string(), creditCode: z.string(), relation: z.string() })),
  });
  r.get('/inspections/inspectors', { schema: { tags, summary: '执法检查人员名录（持有效执法证）及回避关系', querystring: AgencyQuery, response: { 200: z.object({ officers: z.array(PoolOfficer) }) } } }, async (req) => {
    return getInspectorPool(req.ctx, await requireActor(req), req.query);
  });
  r.post(
    '/inspections/relations',
    { schema: { tags, summary: '登记执法人员与检查对象的利害关系（回避）', body: z.object({ userId: Id, targetId: Id, relation: z.string().trim().min(1).max(200) }), response: { 200: z.object({ id: z.string(), userId: z.string(), targetId: z.string(), relation: z.string() }) } } },
    async (req) => declareRelation(req.ctx, await requireActor(req), req.body),
  );

  // --- plans and draws --------------------------------------------------------
  r.get(
    '/inspections/plans',
    {
      schema: {
        tags,
        summary: '抽查计划、每轮抽取数量（按本省抽查比例）与抽取记录',
        querystring: AgencyQuery,
        response: { 200: z.object({ cap: z.number(), poolSize: z.number(), atCap: z.number(), items: z.array(Plan.extend({ quota: z.array(QuotaLine), draws: z.array(z.object({ id: z.string(), status: z.string(), roundLabel: z.string(), committedAt: z.string() })) })) }) },
      },
    },
    async (req) => listPlans(req.ctx, await requireActor(req), req.query),
  );
  r.get(
    '/inspections/plans/quota-preview',
    {
      schema: {
        tags,
        summary: '新计划的默认抽取数量：今日名录各类别数量、本机关规则的抽查比例及每轮抽取数量',
        response: { 200: z.object({ level: z.enum(['city', 'county']), cap: z.number(), poolSize: z.number(), atCap: z.number(), quota: z.array(QuotaLine) }) },
      },
    },
    async (req) => quotaPreview(req.ctx, await requireActor(req)),
  );
  r.post(
    '/inspections/plans',
    {
      schema: {
        tags,
        summary: '制定年度抽查计划（对应随机抽查事项清单中的事项；可记录联合检查部门）',
        body: z.object({
          year: z.number().int().min(2000).max(2100),
          title: z.string().trim().min(1).max(200),
          item: z.string().trim().min(1).max(200),
          basis: z.string().trim().max(1000).optional(),
          content: z.string().trim().max(2000).optional(),
          method: z.string().trim().max(500).optional(),
          rounds: z.enum(['quarter', 'year']),
          quotaOverride: z.partialRecord(TargetClassZ, z.number().int().min(0)).optional(),
          jointDepartments: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
          teamSize: z.number().int().min(2).max(10).optional(),
        }),
        response: { 200: Plan },
      },
    },
    async (req) => createPlan(req.ctx, await requireActor(req), req.body),
  );
  r.post(
    '/inspections/plans/:id/draws',
    { schema: { tags, summary: '提交种子承诺：冻结名录，种子哈希写入完整性日志（抽取前）', params: z.object({ id: Id }), body: z.object({ roundLabel: z.string().trim().max(50).default('') }), response: { 200: Draw } } },
    async (req) => commitDraw(req.ctx, await requireActor(req), req.params.id, req.body),
  );
  r.get('/inspections/draws/:id', { schema: { tags, summary: '一轮抽取：承诺、结果与检查情况', params: z.object({ id: Id }), response: { 200: Draw } } }, async (req) => {
    return getDraw(req.ctx, await requireActor(req), req.params.id);
  });
  r.post('/inspections/draws/:id/run', { schema: { tags, summary: '抽取检查对象和执法检查人员，逐家登记检查并立案', params: z.object({ id: Id }), response: { 200: Draw } } }, async (req) => {
    return runCommittedDraw(req.ctx, await requireActor(req), req.params.id);
  });
  r.post('/inspections/draws/:id/publish', { schema: { tags, summary: '全部检查实施后公开种子与名单（门户可复算）', params: z.object({ id: Id }), response: { 200: Draw } } }, async (req) => {
    return publishDraw(req.ctx, await requireActor(req), req.params.id);
  });

  // --- inspections --------------------------------------------------------------
  r.get(
    '/inspections',
    { schema: { tags, summary: '涉企行政检查登记（含检查码、频次、结果公示期限）', querystring: AgencyQuery.extend({ drawId: Id.optional(), targetId: Id.optional() }), response: { 200: z.object({ cap: z.number(), items: z.array(Inspection) }) } } },
    async (req) => listInspections(req.ctx, await requireActor(req), req.query),
  );
  r.post(
    '/inspections',
    {
      schema: {
        tags,
        summary: '入企检查前登记（专项、投诉举报、上级交办）；达到年度频次上限的须说明法定情形并经负责人批准',
        body: z.object({ targetId: Id, kind: KindZ, plannedDate: isoDate, inspectorIds: z.array(Id).min(1).max(10), exception: z.object({ reason: ExceptionZ, note: z.string().trim().max(1000) }).optional() }),
        response: { 200: InspectionDetail },
      },
    },
    async (req) => registerInspection(req.ctx, await requireActor(req), req.body),
  );
  r.get('/inspections/:id', { schema: { tags, summary: '一次检查：检查码（扫码入企）、检查人员、结果公示', params: z.object({ id: Id }), response: { 200: InspectionDetail } } }, async (req) => {
    return getInspection(req.ctx, await requireActor(req), req.params.id, baseUrl(req.ctx, req));
  });
  r.post(
    '/inspections/:id/exception',
    { schema: { tags, summary: '机关负责人批准或不批准超出频次上限的检查', params: z.object({ id: Id }), body: z.object({ approve: z.boolean(), comment: z.string().trim().max(1000).default('') }), response: { 200: InspectionDetail } } },
    async (req) => decideException(req.ctx, await requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/inspections/:id/penalty-case',
    { schema: { tags, summary: '检查发现问题：立行政处罚案件并与检查关联', params: z.object({ id: Id }), body: z.object({ title: z.string().trim().min(1).max(200) }), response: { 200: InspectionDetail } } },
    async (req) => openPenaltyCase(req.ctx, await requireActor(req), req.params.id, req.body),
  );
}
