/**
 * Cases, parties, documents and service (issue 4). Thin: validate → actor →
 * use case.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACTION_TYPES,
  ACTION_TYPE_INFO,
  CASE_MEASURES,
  CASE_SOURCES,
  CASE_SOURCE_LABELS,
  CASE_STAGES,
  MEASURE_LABELS,
  PARTY_KINDS,
  SERVICE_METHODS,
  allowedSources,
  describeStageRequirements,
  resolveProfile,
  type CaseMeasureKey,
} from '@sanxiang/core';
import { requireActor } from '../app.js';
import { extendDecisionLimit } from '../../usecases/procedure/extend-decision-limit.js';
import { linkDailyPenalty } from '../../usecases/procedure/daily-penalty.js';
import { addHandler, advanceCaseStage, createCase, getCaseView, listCases, updateCaseFacts } from '../../usecases/cases.js';
import { correctDocument, createDocument, documentForRendering, finalizeDocument, getDocument, saveDraft } from '../../usecases/documents.js';
import { renderCaseFileHtml, renderDocumentHtml, renderDocx, type RenderInput } from '../../documents/index.js';
import { caseFileForPrinting } from '../../usecases/case-file/print.js';
import { recordAudit } from '../../usecases/audit.js';
import type { ActorContext, AppContext } from '../../context.js';
import { createParty, getParty, listParties, presentParty } from '../../usecases/parties.js';
import { recordService } from '../../usecases/service.js';
import { TRANSFER_TARGET_LABELS, listTransfers, recordTransfer, type TransferTarget } from '../../usecases/public-text/withholding.js';
import { findAgency } from '../../usecases/agencies.js';
import { agencyCatalogue, agencyDocumentKinds, setAgencyDocumentKinds } from '../../usecases/document-kinds.js';

const Id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Fields = z.record(z.string(), z.unknown());
const PersonId = z.object({ name: z.string().trim().min(1).max(50), idType: z.string().max(30).optional(), idTypeName: z.string().max(30).optional(), idNumber: z.string().trim().max(40).optional() });
const MeasureKeys = Object.keys(CASE_MEASURES) as [CaseMeasureKey, ...CaseMeasureKey[]];

/** A deadline of the case (NAT-3: the decision limit with its approved extensions). */
const CaseDeadlineResponse = z.looseObject({
  key: z.string(),
  label: z.string(),
  from: z.string().nullable(),
  anchorLabel: z.string().nullable(),
  due: z.string().nullable(),
  dueWithMaxExtension: z.string().nullable(),
  period: z.string().nullable(),
  basis: z.string(),
  status: z.string(),
  stages: z.array(z.string()),
  warnings: z.array(z.string()),
  provisional: z.boolean(),
  provisionalReason: z.string().nullable(),
  extensions: z.array(z.object({ amount: z.number().int(), approvedBy: z.string(), approvedAt: z.string(), reason: z.string().nullable() })),
});
/** NAT-11: a 按日连续处罚 case's computation — the dates it comes from, the days and the amount; what is still missing. */
const DailyPenaltyResponse = z.object({
  originalCaseId: z.string().nullable(),
  originalCaseNumber: z.string().nullable(),
  originalDecisionNumber: z.string().nullable(),
  originalFine: z.number().nullable(),
  violation: z.string().nullable(),
  basis: z.string().nullable(),
  perDay: z.boolean().nullable(),
  correctionNumber: z.string().nullable(),
  correctionServedOn: z.string().nullable(),
  reinspectionDue: z.string().nullable(),
  reinspectedOn: z.string().nullable(),
  finding: z.enum(['continuing', 'obstructed', 'corrected', 'stopped']).nullable(),
  firstDay: z.string().nullable(),
  days: z.number().int().nullable(),
  amount: z.number().nullable(),
  decisionAmount: z.number().nullable(),
  ok: z.boolean(),
  problems: z.array(z.string()),
});
/** The case page: the fields typed where issue 11 added them, the rest passed through. */
const CaseViewResponse = z.object({
  case: z.looseObject({
    id: z.string(),
    caseNumber: z.string(),
    state: z.string(),
    deadlines: z.array(CaseDeadlineResponse),
    nextStep: z
      .object({
        action: z.enum(['document', 'record', 'wait', 'advance']),
        title: z.string(),
        detail: z.string(),
        citation: z.string(),
        documentKind: z.string().optional(),
        documentName: z.string().optional(),
      })
      .nullable(),
    abilities: z.looseObject({ extendDeadline: z.boolean() }),
    // NAT-11 · 按日连续处罚办法 第十七条、第十九条: the computation of a 按日连续处罚 case, null for any other.
    dailyPenalty: DailyPenaltyResponse.nullable(),
  }),
});

export default async function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/case-meta', { schema: { tags: ['cases'], summary: '案件类别、来源、措施、文书种类与各环节要求（按本机关规则配置）' } }, async (req) => {
    const actor = await requireActor(req);
    const agency = await findAgency(req.ctx.db, actor.agencyId);
    const profile = resolveProfile(agency!.profileId, agency!.profileOverrides);
    return {
      profileId: profile.id,
      actionTypes: ACTION_TYPES.map((t) => ({ key: t, label: ACTION_TYPE_INFO[t].label, sources: allowedSources(t) })),
      sources: CASE_SOURCES.map((s) => ({ key: s, label: CASE_SOURCE_LABELS[s] })),
      measures: Object.entries(CASE_MEASURES).map(([key, m]) => ({ key, label: MEASURE_LABELS[key as CaseMeasureKey], ...m })),
      partyKinds: PARTY_KINDS,
      serviceMethods: SERVICE_METHODS,
      stages: CASE_STAGES,
      documentKinds: Object.values(agencyCatalogue(agency!)),
      stageRequirements: Object.fromEntries(ACTION_TYPES.map((t) => [t, describeStageRequirements(t, profile)])),
    };
  });

  // REC-2: an agency's own document kinds.
  r.get('/agencies/:id/document-kinds', { schema: { tags: ['documents'], params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    const { getAgency } = await import('../../usecases/agencies.js');
    const a = await getAgency(req.ctx, actor, req.params.id);
    return { agencyId: a.id, kinds: agencyDocumentKinds(a) };
  });
  r.put(
    '/agencies/:id/document-kinds',
    { schema: { tags: ['documents'], summary: '本机关自定义文书种类（REC-2）', params: z.object({ id: Id }), body: z.object({ kinds: z.array(z.record(z.string(), z.unknown())).max(100) }) } },
    async (req) => {
      const actor = await requireActor(req);
      return setAgencyDocumentKinds(req.ctx, actor, req.params.id, req.body.kinds as never);
    },
  );

  // Parties
  r.get('/parties', { schema: { tags: ['cases'], querystring: z.object({ q: z.string().max(100).optional() }) } }, async (req) => {
    const actor = await requireActor(req);
    return { items: (await listParties(req.ctx, actor, { search: req.query.q })).map(presentParty) };
  });
  r.get('/parties/:id', { schema: { tags: ['cases'], params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return { party: presentParty(await getParty(req.ctx, actor, req.params.id)) };
  });
  r.post(
    '/parties',
    {
      schema: {
        tags: ['cases'],
        summary: '登记当事人（NAT-13 校验身份证号码、统一社会信用代码）',
        body: z.object({
          kind: z.enum(PARTY_KINDS as [string, ...string[]]),
          name: z.string().trim().min(1).max(200),
          idType: z.string().max(30).optional(),
          idTypeName: z.string().max(30).optional(),
          idNumber: z.string().trim().max(40).optional(),
          creditCode: z.string().trim().max(18).optional(),
          legalRepresentative: PersonId.optional(),
          operator: PersonId.optional(),
          minor: z.boolean().optional(),
          address: z.string().trim().max(300),
          contacts: z.array(z.object({ kind: z.string().max(20), value: z.string().max(100) })).max(10).optional(),
        }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ party: presentParty(await createParty(req.ctx, actor, req.body as never)) });
    },
  );

  // Cases
  r.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        querystring: z.object({
          state: z.enum(['archived', ...CASE_STAGES]).optional(),
          actionType: z.enum(ACTION_TYPES as [string, ...string[]]).optional(),
          q: z.string().max(100).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return listCases(req.ctx, actor, req.query as never);
    },
  );

  r.post(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '立案（REC-3）',
        body: z.object({
          actionType: z.enum(ACTION_TYPES as [string, ...string[]]),
          source: z.enum(CASE_SOURCES as [string, ...string[]]),
          title: z.string().trim().min(2).max(200),
          partyId: Id.optional(),
          handlerIds: z.array(Id).min(1).max(10),
          discoveryDate: isoDate.optional(),
          measures: z.array(z.enum(MeasureKeys)).max(20).optional(),
        }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      const row = await createCase(req.ctx, actor, req.body as never);
      return reply.status(201).send({ case: await getCaseView(req.ctx, actor, row.id) });
    },
  );

  r.get('/cases/:id', { schema: { tags: ['cases'], params: z.object({ id: Id }), response: { 200: CaseViewResponse } } }, async (req) => {
    const actor = await requireActor(req);
    return { case: await getCaseView(req.ctx, actor, req.params.id) };
  });

  // NAT-11 · 按日连续处罚办法 第七条: the 按日连续处罚 case names the original penalty case whose decision it follows.
  r.post(
    '/cases/:id/daily-penalty',
    {
      schema: {
        tags: ['cases'],
        summary: '按日连续处罚：关联原处罚案件（本机关、同一当事人）',
        params: z.object({ id: Id }),
        body: z.object({ originalCaseId: Id.describe('原处罚案件') }),
        response: { 200: CaseViewResponse },
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return { case: await linkDailyPenalty(req.ctx, actor, req.params.id, req.body) };
    },
  );

  // NAT-3 · 生态环境行政处罚办法 第五十七条; 行政处罚法 第六十条
  r.post(
    '/cases/:id/decision-limit-extensions',
    {
      schema: {
        tags: ['cases'],
        summary: '批准延长作出行政处罚决定的期限（机关负责人；第二次延长须经负责人集体讨论）',
        params: z.object({ id: Id }),
        body: z.object({
          amount: z.number({ error: '延长日数须为整数' }).int('延长日数须为整数').min(1, '延长日数至少 1 日').max(366, '延长日数过大'),
          reason: z.string({ error: '须说明延长的理由' }).trim().min(2, '须说明延长的理由（如案情复杂）').max(500, '理由不超过 500 字'),
          collectiveDiscussionDocumentId: Id.optional().describe('第二次延长时：本案的集体讨论记录'),
        }),
        response: { 200: CaseViewResponse },
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return { case: await extendDecisionLimit(req.ctx, actor, req.params.id, req.body) };
    },
  );

  r.patch(
    '/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: '记录案件事实、措施、日期、拟处罚与审核决定环节记录',
        params: z.object({ id: Id }),
        body: z.object({
          title: z.string().trim().min(2).max(200).optional(),
          partyId: Id.nullable().optional(),
          measures: z.array(z.enum(MeasureKeys)).max(20).optional(),
          flags: z.record(z.string(), z.unknown()).optional(),
          dates: z.record(z.string(), z.unknown()).optional(),
          proposedPenalty: z.object({ types: z.array(z.string()).max(14), fineAmount: z.number().min(0).optional(), confiscationAmount: z.number().min(0).optional() }).nullable().optional(),
          decisionRecords: z.record(z.string(), z.unknown()).optional(),
        }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return { case: await updateCaseFacts(req.ctx, actor, req.params.id, req.body as never) };
    },
  );

  r.post('/cases/:id/handlers', { schema: { tags: ['cases'], params: z.object({ id: Id }), body: z.object({ userId: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return { case: await addHandler(req.ctx, actor, req.params.id, req.body.userId) };
  });

  r.post('/cases/:id/advance', { schema: { tags: ['cases'], summary: '进入下一环节（缺少记录时 409 并列出所缺）', params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return { case: await advanceCaseStage(req.ctx, actor, req.params.id) };
  });

  // issue 13 item 2 · PUB-5 (SX25-P 19(五)): 移送 as a case event with its 移送书; online decisions of the case start their withdrawal
  r.post(
    '/cases/:id/transfers',
    {
      schema: {
        tags: ['cases'],
        summary: '登记移送（公安机关或纪检监察机关）及移送书；已公示的决定自动发起撤回，并提醒录入员（PUB-5、PUB-8）',
        params: z.object({ id: Id }),
        body: z.object({
          to: z.enum(Object.keys(TRANSFER_TARGET_LABELS) as [TransferTarget, ...TransferTarget[]]).describe('police：公安机关；discipline：纪检监察机关；other：其他机关（不导致不予公开）'),
          toName: z.string().trim().max(100).optional().describe('接收机关（移送其他机关时必填）'),
          letterNumber: z.string().trim().min(1, '须填写移送书文号').max(100).describe('移送书文号'),
          transferredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').describe('移送日期'),
          documentId: Id.optional().describe('本案中的移送书文书'),
          note: z.string().trim().max(2000).optional(),
        }),
        response: {
          200: z.object({
            caseId: z.string(),
            transfer: z.object({ to: z.string(), toLabel: z.string(), letterNumber: z.string(), transferredOn: z.string(), documentId: z.string().nullable(), note: z.string() }),
            withdrawalsStarted: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return recordTransfer(req.ctx, actor, req.params.id, req.body);
    },
  );

  r.get(
    '/cases/:id/transfers',
    {
      schema: {
        tags: ['cases'],
        summary: '本案的移送记录、现有不予公开事由及本案决定的公示状态（PUB-5、PUB-8）',
        params: z.object({ id: Id }),
        response: {
          200: z.object({
            caseId: z.string(),
            transfers: z.array(
              z.object({ at: z.string(), actorName: z.string(), to: z.string(), toLabel: z.string(), letterNumber: z.string(), transferredOn: z.string(), documentId: z.string().nullable(), note: z.string() }),
            ),
            withholding: z.array(z.object({ key: z.string(), label: z.string(), basis: z.string() })),
            publications: z.array(
              z.object({
                id: z.string(),
                decisionNumber: z.string(),
                status: z.string(),
                online: z.boolean(),
                withholding: z.object({ reason: z.string(), label: z.string() }).nullable(),
                withdrawal: z.object({ automatic: z.boolean(), withdrawBy: z.string(), withdrawnOn: z.string().nullable() }).nullable(),
                alert: z.object({ at: z.string(), comment: z.string() }).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return listTransfers(req.ctx, actor, req.params.id);
    },
  );

  // Documents
  r.post(
    '/cases/:id/documents',
    { schema: { tags: ['documents'], summary: '新建文书（草稿）', params: z.object({ id: Id }), body: z.object({ kind: z.string().min(1).max(60), fields: Fields.default({}) }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ document: await createDocument(req.ctx, actor, req.params.id, req.body) });
    },
  );
  r.get('/cases/:id/documents/:docId', { schema: { tags: ['documents'], params: z.object({ id: Id, docId: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return { document: await getDocument(req.ctx, actor, req.params.id, req.params.docId) };
  });
  r.put('/cases/:id/documents/:docId/draft', { schema: { tags: ['documents'], summary: '修改草稿', params: z.object({ id: Id, docId: Id }), body: z.object({ fields: Fields }) } }, async (req) => {
    const actor = await requireActor(req);
    return { document: await saveDraft(req.ctx, actor, req.params.id, req.params.docId, req.body.fields) };
  });
  r.post(
    '/cases/:id/documents/:docId/finalize',
    { schema: { tags: ['documents'], summary: '签署或签发（签发后取得文号，不可修改）', params: z.object({ id: Id, docId: Id }), body: z.object({ status: z.enum(['signed', 'issued']), fields: Fields.optional() }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { document: await finalizeDocument(req.ctx, actor, req.params.id, req.params.docId, req.body) };
    },
  );
  r.post(
    '/cases/:id/documents/:docId/corrections',
    { schema: { tags: ['documents'], summary: '更正（生成新版本，原版本保留，REC-16）', params: z.object({ id: Id, docId: Id }), body: z.object({ reason: z.string().trim().min(2).max(1000), fields: Fields.optional() }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ document: await correctDocument(req.ctx, actor, req.params.id, req.params.docId, req.body) });
    },
  );

  // Word (.docx) and print view of a version (REC-2). Every download is logged.
  const Render = { params: z.object({ id: Id, docId: Id }), querystring: z.object({ version: z.coerce.number().int().min(1).optional() }) };
  r.get('/cases/:id/documents/:docId/docx', { schema: { tags: ['documents'], summary: '下载 Word 文书', ...Render } }, async (req, reply) => {
    const actor = await requireActor(req);
    const input = await renderInput(req.ctx, actor, req.params.id, req.params.docId, req.query.version);
    const buf = await renderDocx(input.render);
    await logView(req.ctx, actor, input, 'document.download');
    const filename = encodeURIComponent(`${input.render.number ?? input.render.kind.name}-${input.render.kind.name}-第${input.render.version}版.docx`);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename*=UTF-8''${filename}`)
      .header('cache-control', 'no-store')
      .send(buf);
  });
  r.get('/cases/:id/documents/:docId/print', { schema: { tags: ['documents'], summary: '文书打印视图', ...Render } }, async (req, reply) => {
    const actor = await requireActor(req);
    const input = await renderInput(req.ctx, actor, req.params.id, req.params.docId, req.query.version);
    await logView(req.ctx, actor, input, 'document.view');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderDocumentHtml(input.render));
  });

  // Issue 15 item 8: the whole case file (卷内文件目录 + every signed or issued document) for printing to PDF.
  r.get('/cases/:id/file/print', { schema: { tags: ['documents'], summary: '案卷打印视图（卷内文件目录与全部已签署、已签发文书）', params: z.object({ id: Id }) } }, async (req, reply) => {
    const actor = await requireActor(req);
    const file = await caseFileForPrinting(req.ctx, actor, req.params.id);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderCaseFileHtml(file));
  });

  // Service
  r.post(
    '/cases/:id/services',
    { schema: { tags: ['documents'], summary: '记录送达（须有送达证明，REC-25）', params: z.object({ id: Id }), body: z.object({ documentId: Id, record: z.object({ method: z.enum(SERVICE_METHODS as [string, ...string[]]) }).passthrough() }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ service: await recordService(req.ctx, actor, req.params.id, req.body) });
    },
  );
}

async function renderInput(ctx: AppContext, actor: ActorContext, caseId: string, docId: string, version?: number) {
  const d = await documentForRendering(ctx, actor, caseId, docId, version);
  const issued = d.version.docNumber;
  const render: RenderInput = {
    kind: d.kind,
    fields: d.version.fields,
    number: issued ?? d.doc.recordNumber,
    agencyName: d.agency.name,
    caseNumber: d.case.caseNumber,
    version: d.version.version,
    status: d.version.status,
    correctionReason: d.version.correctionReason,
    // The copy carries who made it (REC-20: records are not public).
    watermark: `${actor.displayName} ${ctx.clock.now().toISOString().slice(0, 10)}`,
  };
  return { render, d };
}

async function logView(ctx: AppContext, actor: ActorContext, input: Awaited<ReturnType<typeof renderInput>>, action: string) {
  const c = input.d.case;
  await recordAudit(ctx.db, { at: ctx.clock.now(), actor, action, object: { type: 'case', id: c.id, agencyId: c.agencyId, agencyPath: c.agencyPath }, detail: { documentId: input.d.doc.id, version: input.d.version.version } });
}
