/**
 * The evidence vault (issue 5): media upload (tus), metadata, playback with
 * range requests, copies, AV exceptions, access requests and links (and
 * their revocation), litigation holds and disposals (REC-18), devices.
 * Thin: validate → actor → use case → presenter.
 */
import type http from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Server as TusServer } from '@tus/server';
import { chineseTusErrors } from '../tus-errors.js';
import {
  AV_EXCEPTION_KINDS,
  AV_EXCEPTION_KIND_LABELS,
  AppError,
  CASE_STAGES,
  CASE_STAGE_LABELS,
  INTERRUPTION_REASON_LABELS,
  MEASURE_LABELS,
  MEASURE_KEYS,
  PERMITTED_STOP_REASON_LABELS,
  SIGNED_REQUEST_REASONS,
  avRequirement,
  isAppError,
  resolveProfile,
  type MeasureKey,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import { errorBody, requireActor } from '../app.js';
import { HTTP_STATUS } from '../errors.js';
import { mediaServices } from '../../blobs/index.js';
import { findAgency } from '../../usecases/agencies.js';
import { checkUploadCreation, completeUpload, createUploadIntent, getMedia, getUpload, listCaseMedia, loadOwnPendingUpload } from '../../usecases/media.js';
import { accessLinkSummary, mediaAccessHistory, mediaContent, openMedia, openMediaByToken, type ContentAnswer } from '../../usecases/media-access.js';
import { uploadHead } from '../../usecases/media-uploads/recover.js';
import { createAvException, decideAvException } from '../../usecases/media-exceptions.js';
import { REQUESTER_KINDS, REQUESTER_KIND_LABELS, createAccessRequest, decideAccessRequest, listAccessRequests, revokeAccessRequest } from '../../usecases/access.js';
import { decideDisposal, listDisposals, listHolds, placeHold, releaseHold, requestDisposal } from '../../usecases/media-retention.js';
import { DEVICE_KIND_LABELS, assignDevice, getDevice, listDevices, recordDeviceCheck, recordDeviceIncident, registerDevice, type DeviceKind } from '../../usecases/devices.js';
import { DEVICE_CHECK_LIMITS, FIXED_SITE_LABELS, RETENTION_CLASS_LABELS } from '../../usecases/media-rules.js';

const Id = z.string().min(1).max(64);
const Sha = z.string().regex(/^[0-9a-fA-F]{64}$/, '须为 64 位十六进制');
const DateTime = z.string().datetime({ offset: true });
const Situations = z.array(z.enum(MEASURE_KEYS as [MeasureKey, ...MeasureKey[]])).max(40);
const FixedSites = Object.keys(FIXED_SITE_LABELS) as [keyof typeof FIXED_SITE_LABELS, ...(keyof typeof FIXED_SITE_LABELS)[]];
const DeviceKinds = Object.keys(DEVICE_KIND_LABELS) as [DeviceKind, ...DeviceKind[]];

const Metadata = z.object({
  stage: z.enum(CASE_STAGES as [string, ...string[]]).optional(),
  documentId: Id.nullable().optional(),
  recordedStart: DateTime,
  recordedEnd: DateTime,
  place: z.string().trim().min(1).max(300),
  officerIds: z.array(Id).min(1).max(20),
  cameraOperatorId: Id.nullable().optional(),
  deviceId: Id.nullable().optional(),
  deviceLabel: z.string().max(200).nullable().optional(),
  contentNotes: z.string().trim().min(1).max(5000),
  speakers: z.array(z.object({ name: z.string().trim().min(1).max(50), identity: z.string().trim().max(100), summary: z.string().max(2000).optional() })).max(30).optional(),
  evidence: z.boolean().optional(),
  evidenceExplanation: z.string().max(5000).nullable().optional(),
  situations: Situations.optional(),
  fixedSite: z.enum(FixedSites).nullable().optional(),
  awayFromUnit: z.boolean().optional(),
  returnedAt: DateTime.nullable().optional(),
});

/** Actor of a request handed to the tus server (authenticated by fastify first). */
const tusActors = new WeakMap<http.IncomingMessage, ActorContext>();

function nodeRequestOf(req: unknown): http.IncomingMessage | undefined {
  const r = req as { runtime?: { node?: { req?: http.IncomingMessage } }; node?: { req?: http.IncomingMessage } };
  return r.runtime?.node?.req ?? r.node?.req;
}

function actorOf(req: unknown): ActorContext {
  const raw = nodeRequestOf(req);
  const actor = raw ? tusActors.get(raw) : undefined;
  if (!actor) throw tusError(new AppError('auth.required'));
  return actor;
}

/** An AppError in the tus server's error shape: the same status and JSON body as every other route. */
function tusError(e: AppError): { status_code: number; body: string } {
  return { status_code: HTTP_STATUS[e.code], body: JSON.stringify(errorBody(e)) };
}

function createTusServer(ctx: AppContext): TusServer {
  const svc = mediaServices(ctx);
  return chineseTusErrors(newTusServer(ctx, svc), (m) => console.error(m));
}

function newTusServer(ctx: AppContext, svc: ReturnType<typeof mediaServices>): TusServer {
  return new TusServer({
    path: '/api/v1/uploads',
    datastore: svc.staging,
    relativeLocation: true,
    maxSize: svc.config.maxUploadBytes,
    allowedOrigins: [], // same origin only
    // The tus upload id is the declared upload's id (POST /cases/:id/media/uploads).
    namingFunction: (_req, metadata) => {
      const id = metadata?.uploadId;
      if (!id || !/^[0-9a-f-]{36}$/.test(id)) throw tusError(new AppError('media.upload_invalid', { detail: '缺少上传登记号（uploadId），请先登记上传' }));
      return id;
    },
    onIncomingRequest: async (req, id) => {
      await loadOwnPendingUpload(ctx, actorOf(req), id);
    },
    onUploadCreate: async (req, upload) => {
      await checkUploadCreation(ctx, actorOf(req), upload.id, upload.size);
      return {};
    },
    onUploadFinish: async (req, upload) => {
      const r = await completeUpload(ctx, actorOf(req), upload.id);
      return { status_code: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(r) };
    },
    onResponseError: (_req, err) => {
      if (isAppError(err)) return tusError(err);
      if ('status_code' in err) return undefined;
      return tusError(new AppError('internal'));
    },
  });
}

async function sendContent(reply: FastifyReply, answer: ContentAnswer) {
  reply.status(answer.status);
  for (const [k, v] of Object.entries(answer.headers)) reply.header(k, v);
  return reply.send(answer.body);
}

function contentErrorHeaders(reply: FastifyReply, e: unknown) {
  if (isAppError(e) && e.code === 'media.range_invalid') reply.header('content-range', `bytes */${String(e.params.size)}`);
}

export default async function mediaRoutes(app: FastifyInstance, opts: { ctx?: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Blob store and upload configuration are read and checked at start (a bad value stops the start).
  let tus: TusServer | undefined = opts.ctx ? createTusServer(opts.ctx) : undefined;

  // ---- tus (resumable upload) -------------------------------------------
  // The body is the tus server's to stream; fastify must not read it.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  const handleTus = async (req: FastifyRequest, reply: FastifyReply) => {
    const actor = await requireActor(req);
    const uploadId = (req.params as { uploadId?: string }).uploadId;
    if (req.method === 'HEAD' && uploadId) {
      // Issue 14 item 7: a complete staged file is finished here (a crash may have cut off the
      // finish), a finished upload reports its full length, an expired one 410.
      const head = await uploadHead(req.ctx, actor, uploadId);
      if (head) {
        return reply
          .status(200)
          .headers({ 'tus-resumable': '1.0.0', 'upload-offset': String(head.offset), 'upload-length': String(head.length), 'cache-control': 'no-store' })
          .send();
      }
    }
    tus ??= createTusServer(req.ctx);
    tusActors.set(req.raw, actor);
    reply.hijack();
    try {
      await tus.handle(req.raw, reply.raw);
    } catch (e) {
      // The tus server answers every known condition itself; anything else ends the connection (the client resumes).
      req.log.error(e);
      reply.raw.destroy();
    }
  };
  for (const url of ['/uploads', '/uploads/:uploadId']) {
    app.route({ method: ['POST', 'HEAD', 'PATCH', 'OPTIONS', 'DELETE'], url, schema: { hide: true }, handler: handleTus });
  }

  r.get('/media-meta', { schema: { tags: ['media'], summary: '音像记录的执法事项、例外情形、申请人类别等选项（按本机关规则配置）' } }, async (req) => {
    const actor = await requireActor(req);
    const agency = await findAgency(req.ctx.db, actor.agencyId);
    const profile = resolveProfile(agency!.profileId, agency!.profileOverrides);
    const svc = mediaServices(req.ctx);
    return {
      profileId: profile.id,
      situations: MEASURE_KEYS.map((key) => {
        return { key, label: MEASURE_LABELS[key], requirement: avRequirement(profile, key).requirement };
      }),
      stages: CASE_STAGES.map((key) => ({ key, label: CASE_STAGE_LABELS[key] })),
      fixedSites: Object.entries(FIXED_SITE_LABELS).map(([key, label]) => ({ key, label })),
      exceptionKinds: AV_EXCEPTION_KINDS.map((key) => ({ key, label: AV_EXCEPTION_KIND_LABELS[key] })),
      interruptionReasons: Object.entries(INTERRUPTION_REASON_LABELS).map(([key, label]) => ({ key, label })),
      permittedStopReasons: Object.entries(PERMITTED_STOP_REASON_LABELS).map(([key, label]) => ({ key, label, signedRequest: (SIGNED_REQUEST_REASONS as readonly string[]).includes(key) })),
      requesterKinds: REQUESTER_KINDS.map((key) => ({ key, label: REQUESTER_KIND_LABELS[key] })),
      retentionClasses: Object.entries(RETENTION_CLASS_LABELS).map(([key, label]) => ({ key, label })),
      deviceKinds: Object.entries(DEVICE_KIND_LABELS).map(([key, label]) => ({ key, label })),
      deviceCheckLimits: DEVICE_CHECK_LIMITS,
      maxUploadBytes: svc.config.maxUploadBytes,
      algorithms: svc.config.algorithms,
    };
  });

  // ---- media of a case ----------------------------------------------------
  r.get('/cases/:id/media', { schema: { tags: ['media'], summary: '本案音像记录、例外说明与音像记录要求', params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return listCaseMedia(req.ctx, actor, req.params.id);
  });

  r.post(
    '/cases/:id/media/uploads',
    {
      schema: {
        tags: ['media'],
        summary: '登记上传：申报文件大小、SHA-256 与音像记录信息（REC-8、REC-15、REC-17）；同一文件已在本案时直接返回该记录',
        params: z.object({ id: Id }),
        body: z.object({
          filename: z.string().trim().min(1).max(255),
          mimeType: z.string().trim().min(3).max(100),
          size: z.number().int().min(1),
          sha256: Sha,
          sm3: Sha.optional(),
          metadata: Metadata,
        }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      const r2 = await createUploadIntent(req.ctx, actor, req.params.id, req.body as never);
      return reply.status(r2.duplicate ? 200 : 201).send(r2);
    },
  );

  r.get('/media-uploads/:uploadId', { schema: { tags: ['media'], summary: '上传状态', params: z.object({ uploadId: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return { upload: await getUpload(req.ctx, actor, req.params.uploadId) };
  });

  r.get('/media/:id', { schema: { tags: ['media'], summary: '音像记录信息（不含内容）', params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return { media: await getMedia(req.ctx, actor, req.params.id) };
  });

  // REC-20: opening a file for playback or a copy is logged (audit + Merkle log) and answered with a ticket.
  const Open = { params: z.object({ id: Id }), body: z.object({ reason: z.string().trim().max(500).optional(), accessRequestId: Id.optional() }).default({}) };
  r.post('/media/:id/views', { schema: { tags: ['media'], summary: '播放（记录查阅人、理由、时间）', ...Open } }, async (req, reply) => {
    const actor = await requireActor(req);
    return reply.status(201).send(await openMedia(req.ctx, actor, req.params.id, 'view', req.body));
  });
  r.post('/media/:id/downloads', { schema: { tags: ['media'], summary: '复制下载（须有相应职责或经批准）', ...Open } }, async (req, reply) => {
    const actor = await requireActor(req);
    return reply.status(201).send(await openMedia(req.ctx, actor, req.params.id, 'download', req.body));
  });
  r.get(
    '/media/:id/content',
    { schema: { tags: ['media'], summary: '文件内容（凭播放或下载凭证；支持 HTTP Range）', params: z.object({ id: Id }), querystring: z.object({ ticket: z.string().max(100), download: z.string().optional() }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      try {
        return await sendContent(reply, await mediaContent(req.ctx, req.params.id, req.query.ticket, actor, req.headers.range));
      } catch (e) {
        contentErrorHeaders(reply, e);
        throw e;
      }
    },
  );
  r.get('/media/:id/access-log', { schema: { tags: ['media'], summary: '查阅、复制记录（REC-20）', params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return mediaAccessHistory(req.ctx, actor, req.params.id);
  });

  // ---- AV exceptions (REC-11, REC-12) ------------------------------------
  r.post(
    '/cases/:id/av-exceptions',
    {
      schema: {
        tags: ['media'],
        summary: '音像记录中断说明（REC-11）或停止记录（REC-12）',
        params: z.object({ id: Id }),
        body: z.object({
          kind: z.enum(AV_EXCEPTION_KINDS as [string, ...string[]]),
          stage: z.enum(CASE_STAGES as [string, ...string[]]).optional(),
          situations: Situations.min(1),
          reason: z.string().min(1).max(40),
          explanation: z.string().trim().min(1).max(5000),
          occurredAt: DateTime,
          signedRequestRef: Id.nullable().optional(),
          relatedMediaId: Id.nullable().optional(),
        }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ exception: await createAvException(req.ctx, actor, req.params.id, req.body as never) });
    },
  );
  r.post(
    '/cases/:id/av-exceptions/:exceptionId/decision',
    { schema: { tags: ['media'], summary: '分管领导审批例外说明', params: z.object({ id: Id, exceptionId: Id }), body: z.object({ approved: z.boolean(), comment: z.string().max(1000).optional() }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { exception: await decideAvException(req.ctx, actor, req.params.id, req.params.exceptionId, req.body) };
    },
  );

  // ---- access requests (REC-20, REC-21) -----------------------------------
  r.get(
    '/access-requests',
    { schema: { tags: ['access'], querystring: z.object({ caseId: Id.optional(), status: z.enum(['pending', 'approved', 'rejected', 'revoked']).optional() }) } },
    async (req) => {
      const actor = await requireActor(req);
      return listAccessRequests(req.ctx, actor, req.query);
    },
  );
  r.post(
    '/access-requests',
    {
      schema: {
        tags: ['access'],
        summary: '登记查阅、复制申请（写明理由；由机关负责人审批）',
        body: z.object({
          caseId: Id,
          mediaIds: z.array(Id).max(200).optional(),
          requesterKind: z.enum(REQUESTER_KINDS as [string, ...string[]]),
          requesterName: z.string().trim().max(100).optional(),
          requesterOrg: z.string().trim().max(200).optional(),
          reason: z.string().trim().min(1).max(2000),
          wantsCopy: z.boolean().optional(),
          requestedFrom: DateTime.optional(),
          requestedUntil: DateTime.optional(),
        }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ request: await createAccessRequest(req.ctx, actor, req.body as never) });
    },
  );
  r.post(
    '/access-requests/:id/decision',
    {
      schema: {
        tags: ['access'],
        summary: '机关负责人审批：查阅期限、是否准予复制；外部申请人取得一次性显示的查阅链接',
        params: z.object({ id: Id }),
        body: z.object({ approved: z.boolean(), validFrom: DateTime.optional(), validUntil: DateTime.optional(), copyAllowed: z.boolean().optional(), comment: z.string().max(1000).optional() }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return decideAccessRequest(req.ctx, actor, req.params.id, req.body);
    },
  );

  r.post(
    '/access-requests/:id/revocation',
    {
      schema: {
        tags: ['access'],
        summary: '机关负责人撤销已批准的查阅（写明理由；查阅链接和已发放的播放凭证随即失效）',
        params: z.object({ id: Id }),
        body: z.object({ reason: z.string().trim().min(1).max(1000) }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return revokeAccessRequest(req.ctx, actor, req.params.id, req.body);
    },
  );

  // ---- retention: litigation holds and disposal (REC-18) -----------------
  r.get('/cases/:id/media-holds', { schema: { tags: ['retention'], summary: '本案诉讼保全（在保全和已解除）', params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return listHolds(req.ctx, actor, req.params.id);
  });
  r.post(
    '/cases/:id/media-holds',
    {
      schema: {
        tags: ['retention'],
        summary: '诉讼保全：诉讼未结期间音像记录不得销毁（GS-R 第四十三条第三款）；不指定文件时保全本案全部音像记录',
        params: z.object({ id: Id }),
        body: z.object({ mediaId: Id.nullable().optional(), reason: z.string().trim().min(1).max(1000), reference: z.string().trim().max(200).optional() }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ hold: await placeHold(req.ctx, actor, req.params.id, req.body) });
    },
  );
  r.post(
    '/media-holds/:id/release',
    { schema: { tags: ['retention'], summary: '解除诉讼保全（写明理由）', params: z.object({ id: Id }), body: z.object({ reason: z.string().trim().min(1).max(1000) }) } },
    async (req) => {
      const actor = await requireActor(req);
      return { hold: await releaseHold(req.ctx, actor, req.params.id, req.body) };
    },
  );
  r.post(
    '/media/:id/disposals',
    {
      schema: {
        tags: ['retention'],
        summary: '申请销毁保存期满的音像记录（档案管理员；须无诉讼保全；由机关负责人另行审批）',
        params: z.object({ id: Id }),
        body: z.object({ reason: z.string().trim().min(1).max(1000) }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send(await requestDisposal(req.ctx, actor, req.params.id, req.body));
    },
  );
  r.get(
    '/media-disposals',
    { schema: { tags: ['retention'], summary: '音像记录销毁申请', querystring: z.object({ status: z.enum(['pending', 'disposed', 'refused']).optional() }) } },
    async (req) => {
      const actor = await requireActor(req);
      return listDisposals(req.ctx, actor, req.query);
    },
  );
  r.post(
    '/media-disposals/:id/decision',
    {
      schema: {
        tags: ['retention'],
        summary: '机关负责人审批销毁（不得审批本人的申请）；批准即销毁：删除存储文件（他案仍引用的保留），记录保留为“已销毁”并记入日志',
        params: z.object({ id: Id }),
        body: z.object({ approved: z.boolean(), comment: z.string().max(1000).optional() }),
      },
    },
    async (req) => {
      const actor = await requireActor(req);
      return decideDisposal(req.ctx, actor, req.params.id, req.body);
    },
  );

  // External requesters: the access link, no account (rate-limited).
  const Token = z.string().min(20).max(64);
  const linkLimit = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };
  r.get('/access/:token', { ...linkLimit, schema: { tags: ['access'], summary: '查阅链接：批准的范围与期限', params: z.object({ token: Token }) } }, async (req) => {
    return accessLinkSummary(req.ctx, req.params.token);
  });
  r.post('/access/:token/media/:id/views', { ...linkLimit, schema: { tags: ['access'], params: z.object({ token: Token, id: Id }) } }, async (req, reply) => {
    return reply.status(201).send(await openMediaByToken(req.ctx, req.params.token, req.params.id, 'view', req.ip));
  });
  r.post('/access/:token/media/:id/downloads', { ...linkLimit, schema: { tags: ['access'], params: z.object({ token: Token, id: Id }) } }, async (req, reply) => {
    return reply.status(201).send(await openMediaByToken(req.ctx, req.params.token, req.params.id, 'download', req.ip));
  });
  r.get(
    '/access/:token/media/:id/content',
    { schema: { tags: ['access'], params: z.object({ token: Token, id: Id }), querystring: z.object({ ticket: z.string().max(100), download: z.string().optional() }) } },
    async (req, reply) => {
      try {
        return await sendContent(reply, await mediaContent(req.ctx, req.params.id, req.query.ticket, null, req.headers.range, req.params.token));
      } catch (e) {
        contentErrorHeaders(reply, e);
        throw e;
      }
    },
  );

  // ---- devices (REC-9, REC-23) -------------------------------------------
  r.get('/devices', { schema: { tags: ['devices'], querystring: z.object({ mine: z.enum(['1', 'true']).optional() }) } }, async (req) => {
    const actor = await requireActor(req);
    return listDevices(req.ctx, actor, { assignedToMe: !!req.query.mine });
  });
  r.get('/devices/:id', { schema: { tags: ['devices'], params: z.object({ id: Id }) } }, async (req) => {
    const actor = await requireActor(req);
    return { device: await getDevice(req.ctx, actor, req.params.id) };
  });
  r.post(
    '/devices',
    { schema: { tags: ['devices'], summary: '登记执法记录仪等设备（REC-23）', body: z.object({ serial: z.string().trim().min(1).max(60), kind: z.enum(DeviceKinds), brand: z.string().trim().min(1).max(60), model: z.string().trim().min(1).max(60), assignTo: Id.optional() }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ device: await registerDevice(req.ctx, actor, req.body) });
    },
  );
  r.post('/devices/:id/assignment', { schema: { tags: ['devices'], summary: '配发给一人（或收回）', params: z.object({ id: Id }), body: z.object({ userId: Id.nullable() }) } }, async (req) => {
    const actor = await requireActor(req);
    return { device: await assignDevice(req.ctx, actor, req.params.id, req.body.userId) };
  });
  r.post(
    '/devices/:id/checks',
    {
      schema: {
        tags: ['devices'],
        summary: '使用前检查：性能、电量、存储、时钟（REC-9）',
        params: z.object({ id: Id }),
        body: z.object({ batteryPercent: z.number().min(0).max(100), freeStorageMb: z.number().min(0), clockOffsetSeconds: z.number(), functional: z.boolean(), note: z.string().max(500).optional() }),
      },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send(await recordDeviceCheck(req.ctx, actor, req.params.id, req.body));
    },
  );
  r.post(
    '/devices/:id/incidents',
    { schema: { tags: ['devices'], summary: '遗失、损坏、修复、找回、报废（REC-23）', params: z.object({ id: Id }), body: z.object({ kind: z.enum(['loss', 'damage', 'repair', 'found', 'retire']), description: z.string().trim().min(1).max(2000), occurredAt: DateTime.optional() }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      return reply.status(201).send({ device: await recordDeviceIncident(req.ctx, actor, req.params.id, req.body) });
    },
  );
}

