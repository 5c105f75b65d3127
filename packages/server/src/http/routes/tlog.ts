/**
 * The integrity log served as a C2SP tlog-tiles log at the site root, under
 * `/log` (DESIGN §6; REC-16 · SX25-R 22, NAT-18): public, unauthenticated,
 * read-only, so that any standard tlog client (golang.org/x/mod/sumdb/tlog,
 * transparency-dev clients) can audit it.
 *
 *   GET /log/checkpoint                   the latest signed checkpoint, as `sanxiang checkpoint` prints it,
 *                                         followed by the witnesses' cosignature lines (C2SP tlog-cosignature)
 *   GET /log/tile/<L>/<N>[.p/<W>]         hash tiles (height 8, 32-byte SHA-256 hashes)
 *   GET /log/tile/entries/<N>[.p/<W>]     entry bundles (uint16 length + leaf data)
 *
 * Full tiles never change: `immutable` for a year. Partial tiles are only
 * cached briefly (a later request may find the full tile instead); the
 * checkpoint for a few seconds. A tile the tree does not contain, or a path
 * that is not the spec's canonical form, is 404. These paths are outside the
 * portal's gate, cache and rate limit (`isPortalPath`), and outside the API.
 */
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { integrity } from '@sanxiang/core';
import { latestCheckpoint } from '../../usecases/integrity-log.js';
import { readTile } from '../../usecases/integrity-tiles.js';
import { cosignaturesOf, cosignedNote } from '../../usecases/integrity-witness.js';

const TEXT = 'text/plain; charset=utf-8';
const BINARY = 'application/octet-stream';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const PARTIAL = 'public, max-age=60';
const CHECKPOINT_CACHE = 'public, max-age=5';

const text404 = { 404: { description: '不存在', content: { 'text/plain': { schema: z.string() } } } };

function notFound(reply: FastifyReply, message: string) {
  return reply.status(404).type(TEXT).header('cache-control', 'no-store').send(message);
}

export default async function tlogRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/log/checkpoint',
    {
      schema: {
        tags: ['integrity'],
        summary: '最新签名检查点（C2SP tlog-checkpoint 签名文本，公开）',
        response: { 200: { description: '签名检查点（signed note），含见证人副署', content: { 'text/plain': { schema: z.string() } } }, ...text404 },
      },
    },
    async (req, reply) => {
      const cp = await latestCheckpoint(req.ctx.db);
      if (!cp) return notFound(reply, '尚未生成检查点。\n');
      // C2SP tlog-cosignature: the witnesses' cosignature lines follow the log's own signature.
      const note = cosignedNote(cp.note, await cosignaturesOf(req.ctx.db, cp.size));
      return reply.type(TEXT).header('cache-control', CHECKPOINT_CACHE).send(note);
    },
  );

  r.get(
    '/log/tile/*',
    {
      schema: {
        tags: ['integrity'],
        summary: '日志瓦片（C2SP tlog-tiles：哈希瓦片 tile/<L>/<N>[.p/<W>]，条目包 tile/entries/<N>[.p/<W>]，公开）',
        params: z.object({ '*': z.string().max(200) }),
        response: { 200: { description: '瓦片内容（二进制）', content: { [BINARY]: { schema: z.string().meta({ format: 'binary' }) } } }, ...text404 },
      },
    },
    async (req, reply) => {
      const tile = integrity.parseTilePath(`tile/${req.params['*']}`);
      if (!tile) return notFound(reply, '瓦片路径不符合 C2SP tlog-tiles 规范。\n');
      const got = await readTile(req.ctx.db, tile);
      if (!got) return notFound(reply, '日志尚未包含该瓦片。\n');
      reply.type(BINARY).header('cache-control', got.full ? IMMUTABLE : PARTIAL);
      let body = Buffer.from(got.body.buffer, got.body.byteOffset, got.body.byteLength);
      // Entry bundles SHOULD be compressed at the HTTP layer (tlog-tiles).
      if (tile.level === 'entries') {
        reply.header('vary', 'Accept-Encoding');
        if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          body = zlib.gzipSync(body);
          reply.header('content-encoding', 'gzip');
        }
      }
      return reply.send(body as unknown as string); // binary: the schema documents it as a string of format binary
    },
  );
}
