/**
 * Legal review of major decisions (重大执法决定法制审核, REV-1..REV-13). Thin:
 * validate → actor → use case.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACTION_TYPES,
  discretionBenchmark,
  CHECKLIST_ITEM_KEYS,
  CHECKLIST_ITEM_LABELS,
  FINDING_LABELS,
  HEAD_DECISIONS,
  HEAD_DECISION_LABELS,
  MAJOR_CRITERION_KEYS,
  MAJOR_CRITERION_LABELS,
  MAJOR_MEASURE_KEYS,
  MAJOR_MEASURE_LABELS,
  MATERIAL_KEYS,
  MATERIAL_LABELS,
  PAUSE_REASON_KEYS,
  REVIEW_OUTCOME_KEYS,
  ROUND_STATUSES,
  ROUND_STATUS_LABELS,
  CATALOGUE_TEST_LABELS,
  type ActionType,
  type ChecklistItemKey,
  type HeadDecision,
  type MajorCriterionKey,
  type MajorMeasureKey,
  type MaterialKey,
  type PauseReasonKey,
  type ReviewOutcome,
  type RoundStatus,
} from '@sanxiang/core';
import { requireActor } from '../app.js';
import { recordAudit } from '../../usecases/audit.js';
import { getCatalogueView, recordCatalogueFiling, saveCatalogue } from '../../usecases/review-catalogue.js';
import { getViolationCatalogue, saveViolationCatalogue } from '../../usecases/violation-catalogue.js';
import { catalogueDocx, catalogueXlsx } from '../../usecases/review-export.js';
import { decideReview, opinionDocumentOf } from '../../usecases/review-decide.js';
import { getCaseReview, getReview, listReviews } from '../../usecases/review-present.js';
import {
  assignReviewer,
  declareRecusal,
  decideDisagreement,
  extendReview,
  matchCase,
  pauseReview,
  previewSubmission,
  recordCollectiveDiscussion,
  recordDisagreement,
  resumeReview,
  reviewerRatio,
  submitReview,
} from '../../usecases/review.js';
import { documentForRendering } from '../../usecases/documents.js';
import { renderDocx } from '../../documents/index.js';

const Id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Criterion = z.enum(MAJOR_CRITERION_KEYS as [MajorCriterionKey, ...MajorCriterionKey[]]);
const Declared = z.object({ criterion: Criterion, reason: Text(500) });
const DeclarationBody = {
  criteria: z.array(Declared).max(20).optional(),
  complex: z.boolean().optional(),
  transferToJudiciary: z.boolean().optional(),
  consulted: z.boolean().optional(),
  assessed: z.boolean().optional(),
};

const CatalogueTest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fine'), party: z.enum(['organisation', 'individual']), atLeast: z.number().positive().max(1e12) }),
  z.object({ type: z.literal('confiscation'), atLeast: z.number().positive().max(1e12) }),
  z.object({ type: z.literal('measures'), anyOf: z.array(z.enum(MAJOR_MEASURE_KEYS as [MajorMeasureKey, ...MajorMeasureKey[]])).min(1).max(20) }),
  z.object({ type: z.literal('hearing'), scope: z.enum(['held', 'requested', 'right']) }),
  z.object({ type: z.literal('transfer') }),
  z.object({ type: z.literal('complex') }),
  z.object({ type: z.literal('declared') }),
]);
const CatalogueItem = z.object({
  id: z.string().trim().min(1).max(64),
  criterion: Criterion,
  label: Text(300),
  test: CatalogueTest,
  actionTypes: z.array(z.enum(ACTION_TYPES as [ActionType, ...ActionType[]])).max(10).default([]),
  basis: z.string().trim().max(300).default(''),
  note: z.string().trim().max(500).optional(),
});

const Material = z.object({
  key: z.enum(MATERIAL_KEYS as [MaterialKey, ...MaterialKey[]]),
  documentIds: z.array(Id).max(50).optional(),
  fileIds: z.array(Id).max(50).optional(),
  text: z.string().trim().max(5000).optional(),
});

const ChecklistEntry = z.object({
  item: z.enum(CHECKLIST_ITEM_KEYS as [ChecklistItemKey, ...ChecklistItemKey[]]),
  finding: z.enum(['pass', 'flaw', 'fail']),
  note: z.string().trim().max(2000).optional(),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function download(reply: FastifyReply, type: string, filename: string, body: Buffer) {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).header('cache-control', 'no-store').send(body);
}

export default async function reviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];

  r.get('/review/meta', { schema: { tags, summary: '法制审核的词汇：目录标准、判断方式、措施、送审材料、审核要点、结论、中止事由、轮次状态' } }, async (req) => {
    await requireActor(req);
    return {
      criteria: MAJOR_CRITERION_KEYS.map((k) => ({ key: k, label: MAJOR_CRITERION_LABELS[k] })),
      testTypes: Object.entries(CATALOGUE_TEST_LABELS).map(([key, label]) => ({ key, label })),
      measures: MAJOR_MEASURE_KEYS.map((k) => ({ key: k, label: MAJOR_MEASURE_LABELS[k] })),
      materials: MATERIAL_KEYS.map((k) => ({ key: k, label: MATERIAL_LABELS[k] })),
      checklist: CHECKLIST_ITEM_KEYS.map((k) => ({ key: k, label: CHECKLIST_ITEM_LABELS[k] })),
      findings: Object.entries(FINDING_LABELS).map(([key, label]) => ({ key, label })),
      outcomes: REVIEW_OUTCOME_KEYS,
      pauseReasons: PAUSE_REASON_KEYS,
      roundStatuses: ROUND_STATUSES.map((k) => ({ key: k, label: ROUND_STATUS_LABELS[k] })),
      headDecisions: HEAD_DECISIONS.map((k) => ({ key: k, label: HEAD_DECISION_LABELS[k] })),
    };
  });

  // ── Catalogue (REV-2) ──
  const CatalogueQuery = z.object({ agencyId: Id.optional(), version: z.coerce.number().int().min(0).optional() });
  r.get('/review/catalogue', { schema: { tags, summary: '重大执法决定法制审核目录清单（现行或指定版本，含各版本与备案）', querystring: CatalogueQuery } }, async (req) => {
    const actor = await requireActor(req);
    return { catalogue: await getCatalogueView(req.ctx, actor, req.query) };
  });
  r.post(
    '/review/catalogue',
    {
      schema: {
        tags,
        summary: '确定目录清单新版本（REV-2 · SX19-L 9）',
        body: z.object({ title: Text(100), items: z.array(CatalogueItem).min(1).max(200), note: z.string().trim().max(2000).optional(), effectiveFrom: isoDate.optional() }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ catalogue: await saveCatalogue(req.ctx, actor, req.body as never) });
    },
  );
  // ── Issue 11 item 3 · NAT-22, ORG-3: the violation catalogue, source of the fine check, the reviewer's view and the portal's 行政处罚裁量基准 ──
  const Band = z.object({ label: z.string().trim().min(1, '须填写档次名称').max(20), circumstances: z.string().trim().min(1, '须填写适用情形').max(500), min: z.number().min(0), max: z.number().min(0) });
  const Range = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('amount'), min: z.number().min(0), max: z.number().positive('法定幅度上限须大于 0') }),
    z.object({ kind: z.literal('rate'), base: z.enum(['investment', 'goodsValue', 'disposalCost']), baseLabel: z.string().trim().min(1).max(50), minRate: z.number().min(0).max(100), maxRate: z.number().positive().max(100) }),
  ]);
  const Violation = z.object({
    key: z.string().trim().min(1, '须填写编号').max(60),
    name: z.string().trim().min(2, '须填写违法行为').max(300),
    area: z.enum(['水', '大气', '固体废物', '环评', '排污许可', '监测', '检查']),
    violated: z.string().trim().min(2, '须填写违反条款').max(300),
    law: z.string().trim().min(2, '须填写处罚依据的法律名称').max(100),
    article: z.string().trim().min(2, '须填写处罚依据的条款').max(20),
    range: Range,
    perDay: z.boolean().optional(),
    bands: z.array(Band).min(1, '至少须有一个裁量档次').max(10),
  });
  const ViolationCatalogueResponse = z.object({
    catalogue: z.object({
      agencyId: z.string(),
      agencyName: z.string(),
      version: z.number().int(),
      adopted: z.boolean(),
      effectiveFrom: z.string().nullable(),
      entries: z.array(z.looseObject({ key: z.string(), name: z.string(), violated: z.string(), law: z.string(), article: z.string() })),
      benchmark: z.array(z.object({ violation: z.string(), violated: z.string(), basis: z.string(), range: z.string(), bands: z.array(z.object({ label: z.string(), circumstances: z.string(), range: z.string() })) })),
    }),
  });
  r.get(
    '/violation-catalogue',
    { schema: { tags, summary: '违法行为目录及行政处罚裁量基准（现行版本；未制定的适用平台示范目录，第 0 版）', querystring: z.object({ agencyId: Id.optional() }), response: { 200: ViolationCatalogueResponse } } },
    async (req) => {
      const actor = await requireActor(req);
      const c = await getViolationCatalogue(req.ctx, actor, req.query.agencyId);
      return { catalogue: { ...c, benchmark: discretionBenchmark(c.entries) } };
    },
  );
  r.post(
    '/violation-catalogue',
    {
      schema: {
        tags,
        summary: '确定违法行为目录新版本（NAT-22；据此生成公示平台的行政处罚裁量基准，须不含个人信息）',
        body: z.object({ entries: z.array(Violation).min(1, '至少须有一项违法行为').max(500), note: z.string().trim().max(2000).optional(), effectiveFrom: isoDate.optional() }),
        response: { 201: ViolationCatalogueResponse },
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      const c = await saveViolationCatalogue(req.ctx, actor, req.body as never);
      return reply.status(201).send({ catalogue: { ...c, benchmark: discretionBenchmark(c.entries) } });
    },
  );
  r.post(
    '/review/catalogue/versions/:version/filings',
    {
      schema: {
        tags,
        summary: '记录目录清单报司法行政部门备案',
        params: z.object({ version: z.coerce.number().int().min(1) }),
        body: z.object({ filedWith: Text(100), filedOn: isoDate, filingNumber: z.string().trim().max(100).optional() }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ catalogue: await recordCatalogueFiling(req.ctx, actor, req.params.version, req.body) });
    },
  );
  const ExportParams = z.object({ format: z.enum(['docx', 'xlsx']) });
  r.get('/review/catalogue/export.:format', { schema: { tags, summary: '导出目录清单（Word 或 Excel，供备案）', params: ExportParams, querystring: CatalogueQuery } }, async (req, reply) => {
    const actor = await requireActor(req);
    const view = await getCatalogueView(req.ctx, actor, req.query);
    await recordAudit(req.ctx.db, { at: req.ctx.clock.now(), actor, action: 'review.catalogue.export', object: { type: 'reviewCatalogue', id: `${view.agencyId}/${view.version}`, agencyId: view.agencyId }, detail: { version: view.version, format: req.params.format } });
    const name = `${view.agencyName}-${view.title}-第${view.version}版.${req.params.format}`;
    return req.params.format === 'docx' ? download(reply, DOCX, name, await catalogueDocx(view)) : download(reply, XLSX, name, await catalogueXlsx(view));
  });

  // ── A case's review ──
  const CaseParams = z.object({ id: Id });
  /** REV-4 · NAT-22: what the reviewer reads of the discretion applied (typed); the rest of the review passed through. */
  const Discretion = z
    .object({
      violation: z.string(),
      violated: z.string(),
      basis: z.string(),
      range: z.string(),
      fineAmount: z.number().nullable(),
      band: z.object({ label: z.string(), circumstances: z.string(), range: z.string() }).nullable(),
      outsideBand: z.boolean(),
      reason: z.string().nullable(),
    })
    .nullable();
  const ReviewResponse = z.object({ review: z.looseObject({ caseId: z.string(), caseNumber: z.string(), discretion: Discretion }) });
  r.get('/cases/:id/review', { schema: { tags, summary: '本案的法制审核（各轮次、期限、意见、可执行的操作）', params: CaseParams, response: { 200: ReviewResponse } } }, async (req) => {
    const actor = await requireActor(req);
    return { review: await getCaseReview(req.ctx, actor, req.params.id) };
  });
  r.get('/cases/:id/review/match', { schema: { tags, summary: '按目录清单判断本案（代拟稿）是否属于重大执法决定（REV-2）', params: CaseParams } }, async (req) => {
    const actor = await requireActor(req);
    return { match: await matchCase(req.ctx, actor, req.params.id) };
  });
  r.post('/cases/:id/review/match', { schema: { tags, summary: '连同承办机构认定的情形判断是否属于重大执法决定', params: CaseParams, body: z.object(DeclarationBody) } }, async (req) => {
    const actor = await requireActor(req);
    return { match: await matchCase(req.ctx, actor, req.params.id, req.body) };
  });
  r.get('/cases/:id/review/materials', { schema: { tags, summary: '送审材料清单、本案已有的文书与完整性预检（REV-3）', params: CaseParams } }, async (req) => {
    const actor = await requireActor(req);
    return { materials: await previewSubmission(req.ctx, actor, req.params.id) };
  });
  r.post(
    '/cases/:id/review',
    {
      schema: {
        tags,
        summary: '送审或重新送审（REV-3 · SX19-L 10；REV-9）；材料不齐全的，列明所缺材料',
        params: CaseParams,
        body: z.object({ materials: z.array(Material).max(20), note: z.string().trim().max(2000).optional(), ...DeclarationBody }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ review: await submitReview(req.ctx, actor, req.params.id, req.body as never) });
    },
  );

  // ── Queue and one review ──
  r.get(
    '/reviews',
    {
      schema: {
        tags,
        summary: '法制审核队列（含期限状态，最紧迫的在前）',
        querystring: z.object({
          status: z.enum(['open', 'closed', ...ROUND_STATUSES] as [string, ...string[]]).optional(),
          mine: z.coerce.boolean().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return listReviews(req.ctx, actor, { ...req.query, status: req.query.status as RoundStatus | 'open' | 'closed' | undefined });
    },
  );
  const ReviewParams = z.object({ reviewId: Id });
  r.get('/reviews/:reviewId', { schema: { tags, summary: '一项法制审核（含代拟决定的裁量情况）', params: ReviewParams, response: { 200: ReviewResponse } } }, async (req) => {
    const actor = await requireActor(req);
    return { review: await getReview(req.ctx, actor, req.params.reviewId) };
  });
  r.post('/reviews/:reviewId/assign', { schema: { tags, summary: '分配法制审核人员（排除承办人员和申明回避的人员，REV-10）', params: ReviewParams, body: z.object({ reviewerId: Id.optional() }) } }, async (req) => {
    const actor = await requireActor(req);
    return { review: await assignReviewer(req.ctx, actor, req.params.reviewId, req.body) };
  });
  r.post('/reviews/:reviewId/recusals', { schema: { tags, summary: '申明回避（REV-10 · SX19-L 8）', params: ReviewParams, body: z.object({ userId: Id.optional(), reason: Text(500) }) } }, async (req, reply) => {
    const actor = await requireActor(req);
    return reply.status(201).send({ review: await declareRecusal(req.ctx, actor, req.params.reviewId, req.body) });
  });
  r.post(
    '/reviews/:reviewId/pauses',
    { schema: { tags, summary: '中止审核计时（补充材料、专家论证等，REV-6）', params: ReviewParams, body: z.object({ reason: z.enum(PAUSE_REASON_KEYS as [PauseReasonKey, ...PauseReasonKey[]]), note: z.string().trim().max(1000).optional() }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ review: await pauseReview(req.ctx, actor, req.params.reviewId, req.body) });
    },
  );
  r.post('/reviews/:reviewId/resume', { schema: { tags, summary: '恢复审核计时', params: ReviewParams, body: z.object({ on: isoDate.optional(), note: z.string().trim().max(1000).optional() }) } }, async (req) => {
    const actor = await requireActor(req);
    return { review: await resumeReview(req.ctx, actor, req.params.reviewId, req.body) };
  });
  r.post(
    '/reviews/:reviewId/extensions',
    { schema: { tags, summary: '批准延长审核期限（REV-6 · SX19-L 14；XX-L 10）', params: ReviewParams, body: z.object({ amount: z.number().int().min(1).max(30).optional(), reason: Text(1000) }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ review: await extendReview(req.ctx, actor, req.params.reviewId, req.body) });
    },
  );
  r.post(
    '/reviews/:reviewId/decision',
    {
      schema: {
        tags,
        summary: '出具审核意见（逐项审核要点、结论、意见书，REV-4、REV-5、REV-7）',
        params: ReviewParams,
        body: z.object({
          checklist: z.array(ChecklistEntry).min(1).max(20),
          outcome: z.enum(REVIEW_OUTCOME_KEYS as unknown as [ReviewOutcome, ...ReviewOutcome[]]).optional(),
          opinion: z.string().trim().max(10000),
          leaderApproval: z.object({ approver: Text(50), approvedOn: isoDate }).nullable().optional(),
        }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return { review: await decideReview(req.ctx, actor, req.params.reviewId, req.body as never) };
    },
  );
  r.get('/reviews/:reviewId/rounds/:round/opinion.docx', { schema: { tags, summary: '下载法制审核意见书（Word）', params: z.object({ reviewId: Id, round: z.coerce.number().int().min(1) }) } }, async (req, reply) => {
    const actor = await requireActor(req);
    const ref = await opinionDocumentOf(req.ctx, actor, req.params.reviewId, req.params.round);
    const d = await documentForRendering(req.ctx, actor, ref.caseId, ref.documentId);
    const buf = await renderDocx({ kind: d.kind, fields: d.version.fields, number: d.doc.recordNumber, agencyName: d.agency.name, caseNumber: d.case.caseNumber, version: d.version.version, status: d.version.status, watermark: `${actor.displayName} ${req.ctx.clock.now().toISOString().slice(0, 10)}` });
    await recordAudit(req.ctx.db, { at: req.ctx.clock.now(), actor, action: 'document.download', object: { type: 'case', id: d.case.id, agencyId: d.case.agencyId, agencyPath: d.case.agencyPath }, detail: { documentId: d.doc.id, version: d.version.version } });
    return download(reply, DOCX, `${d.doc.recordNumber}-${d.kind.name}.docx`, buf);
  });
  r.post('/reviews/:reviewId/disagreement', { schema: { tags, summary: '承办机构对审核意见有异议（沟通情况，REV-8）', params: ReviewParams, body: z.object({ reason: Text(2000), consultation: Text(2000) }) } }, async (req) => {
    const actor = await requireActor(req);
    return { review: await recordDisagreement(req.ctx, actor, req.params.reviewId, req.body) };
  });
  r.post(
    '/reviews/:reviewId/head-decision',
    { schema: { tags, summary: '机关负责人决定（REV-8 · SX19-L 15）', params: ReviewParams, body: z.object({ decision: z.enum(HEAD_DECISIONS as [HeadDecision, ...HeadDecision[]]), opinion: Text(2000) }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { review: await decideDisagreement(req.ctx, actor, req.params.reviewId, req.body) };
    },
  );
  r.post('/reviews/:reviewId/collective-discussion', { schema: { tags, summary: '记录集体讨论（NAT-6 · 行政处罚法第五十七条）', params: ReviewParams, body: z.object({ documentId: Id, conclusion: Text(2000) }) } }, async (req) => {
    const actor = await requireActor(req);
    return { review: await recordCollectiveDiscussion(req.ctx, actor, req.params.reviewId, req.body) };
  });

  // ── ORG-7 ──
  r.get('/review/ratio', { schema: { tags, summary: '法制审核人员与执法人员比例（ORG-7 · SX19-L 7）', querystring: z.object({ agencyId: Id.optional() }) } }, async (req) => {
    const actor = await requireActor(req);
    return { ratio: await reviewerRatio(req.ctx, actor, req.query.agencyId) };
  });
}
