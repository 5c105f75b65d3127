/**
 * The integrity log's public face (DESIGN §6): the public key and the latest
 * signed checkpoint are public; a checkpoint can be signed on demand; a case
 * is exported as a bundle that a court checks offline.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, allows } from '@sanxiang/core';
import { requireActor } from '../app.js';
import { exportCaseBundle } from '../../usecases/bundle.js';
import { consistencyProof, createCheckpoint, inclusionProof, latestCheckpoint, loadLogSigner, logSize } from '../../usecases/integrity-log.js';
import { eq } from 'drizzle-orm';
import { logCheckpoints, logLeaves } from '../../db/schema.js';
import { cosignaturesOf, cosignedNote, submitCosignature, type StoredCosignature } from '../../usecases/integrity-witness.js';
import { recordAudit } from '../../usecases/audit.js';

export default async function integrityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/log/public-key', { schema: { tags: ['integrity'], summary: '完整性日志公钥（公开）' } }, async (req) => {
    const signer = await loadLogSigner(req.ctx);
    return { origin: signer.name, verifierKey: signer.verifierKey };
  });

  r.get('/log/checkpoint', { schema: { tags: ['integrity'], summary: '最新签名检查点（公开）' } }, async (req, reply) => {
    const cp = await latestCheckpoint(req.ctx.db);
    if (!cp) return reply.status(404).send({ error: { code: 'not_found', message: '尚未生成检查点。' } });
    return { size: cp.size, rootHash: cp.rootHash, note: cp.note, createdAt: cp.createdAt.toISOString() };
  });

  r.post('/log/checkpoints', { schema: { tags: ['integrity'], summary: '立即签署检查点' } }, async (req, reply) => {
    const actor = await requireActor(req);
    if (!allows(actor, 'log.checkpoint', 'own')) throw new AppError('forbidden');
    const cp = await createCheckpoint(req.ctx);
    await recordAudit(req.ctx.db, { at: req.ctx.clock.now(), actor, action: 'log.checkpoint', object: { type: 'log', id: String(cp.size), agencyId: actor.agencyId, agencyPath: actor.agencyPath }, detail: { size: cp.size, rootHash: cp.rootHash } });
    return reply.status(201).send(cp);
  });

  // REC-16: one inclusion proof and one consistency proof (RFC 9162 §2.1.3, §2.1.4), for auditors and witnesses.
  const proofOut = z.object({ proof: z.array(z.string()) });
  r.get(
    '/log/proofs/inclusion',
    {
      schema: {
        tags: ['integrity'],
        summary: '日志条目的包含证明（公开）',
        querystring: z.object({ index: z.coerce.number().int().min(0), size: z.coerce.number().int().min(1) }),
        response: { 200: proofOut.extend({ index: z.number(), size: z.number(), leafHash: z.string() }) },
      },
    },
    async (req) => {
      const { index, size } = req.query;
      const head = await logSize(req.ctx.db);
      if (index >= size || size > head.size) throw new AppError('validation.failed', { detail: `须满足 0 ≤ 条目序号 < 树大小 ≤ 日志当前大小（${head.size}）` });
      const [leaf] = await req.ctx.db.select().from(logLeaves).where(eq(logLeaves.idx, index));
      if (!leaf) throw new AppError('not_found');
      return { index, size, leafHash: leaf.leafHash, proof: await inclusionProof(req.ctx.db, index, size) };
    },
  );
  r.get(
    '/log/proofs/consistency',
    {
      schema: {
        tags: ['integrity'],
        summary: '两个树大小之间的一致性证明（公开）',
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: proofOut.extend({ from: z.number(), to: z.number() }) },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      const head = await logSize(req.ctx.db);
      if (from > to || to > head.size) throw new AppError('validation.failed', { detail: `须满足 1 ≤ 起始大小 ≤ 终止大小 ≤ 日志当前大小（${head.size}）` });
      return { from, to, proof: from === to ? [] : await consistencyProof(req.ctx.db, from, to) };
    },
  );

  // Issue 12 item 4: a configured witness submits its cosignature (C2SP tlog-cosignature) of a stored checkpoint.
  const cosignatureOut = z.object({ checkpointSize: z.number(), witnessName: z.string(), keyId: z.string(), signedAt: z.string(), receivedAt: z.string(), line: z.string() });
  const toOut = (c: StoredCosignature) => ({ ...c, signedAt: c.signedAt.toISOString(), receivedAt: c.receivedAt.toISOString() });
  r.post(
    '/log/cosignatures',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['integrity'],
        summary: '见证人提交检查点副署（C2SP tlog-cosignature；仅接受已配置的见证人公钥）',
        body: z.object({
          size: z.number().int().min(0),
          cosignature: z.string().min(1).max(4000).describe('副署签名行：“— <见证人名称> <base64(密钥ID || 时间戳 || Ed25519 签名)>”，可多行'),
        }),
        response: { 200: z.object({ created: z.array(cosignatureOut), existing: z.array(cosignatureOut), note: z.string() }), 201: z.object({ created: z.array(cosignatureOut), existing: z.array(cosignatureOut), note: z.string() }) },
      },
    },
    async (req, reply) => {
      const { created, existing } = await submitCosignature(req.ctx, req.body);
      const [cp] = await req.ctx.db.select().from(logCheckpoints).where(eq(logCheckpoints.size, req.body.size));
      const note = cosignedNote(cp!.note, await cosignaturesOf(req.ctx.db, req.body.size));
      return reply.status(created.length ? 201 : 200).send({ created: created.map(toOut), existing: existing.map(toOut), note });
    },
  );

  r.get('/log/size', { schema: { tags: ['integrity'], summary: '日志当前大小与根哈希（公开）' } }, async (req) => logSize(req.ctx.db));

  r.get(
    '/cases/:id/export',
    { schema: { tags: ['integrity'], summary: '导出案卷包（可离线核验）', params: z.object({ id: z.string().max(64) }), querystring: z.object({ media: z.enum(['files', 'hashes']).default('hashes') }) } },
    async (req, reply) => {
      const actor = await requireActor(req);
      const { zip, manifest } = await exportCaseBundle(req.ctx, actor, req.params.id, { includeMedia: req.query.media === 'files' });
      const name = encodeURIComponent(`${manifest.case.caseNumber}-案卷导出包.zip`);
      return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename*=UTF-8''${name}`).header('cache-control', 'no-store').send(zip);
    },
  );
}
