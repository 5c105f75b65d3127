/**
 * 双公示 export (NAT-15; PUB-11 · SX25-P 8, MEE19 一(三)3: decision data for
 * the credit platform and joint credit punishment): the visible penalty
 * decisions, one row per decision in the NAT-15 column order, built from the
 * published (redacted) content — the same information as the portal page.
 *
 *   GET /export/credit.csv?agency=<id>&from=YYYY-MM-DD&to=YYYY-MM-DD
 *   GET /export/credit.json?…   (same rows, with each decision's id and page)
 *
 * `agency` includes the agencies below it (SX25-P 9); the dates filter the
 * decision date. CSV: UTF-8 with BOM (spreadsheets in China open it
 * correctly), CRLF, attachment. At most EXPORT_CAP rows per request: a larger
 * result is refused with a request to narrow the dates.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CREDIT_EXPORT_COLUMNS, creditExportCsv } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { findAgency } from '../usecases/agencies.js';
import { publicPenaltiesForExport } from '../usecases/portal-read.js';
import { UUID_RE, baseUrl, checkDate, field, todayOf } from './common.js';
import { creditRowOfPublic } from './credit-rows.js';

export const EXPORT_CAP = 10_000;
const KNOWN_PARAMS = new Set(['agency', 'from', 'to']);

interface ExportParams {
  agencyId?: string;
  agencyPath?: string;
  from?: string;
  to?: string;
}

async function parseParams(ctx: AppContext, query: unknown): Promise<{ ok: true; params: ExportParams } | { ok: false; message: string }> {
  const errors: string[] = [];
  const unknown = Object.keys((query as Record<string, unknown>) ?? {}).filter((k) => !KNOWN_PARAMS.has(k));
  if (unknown.length) errors.push(`不支持的参数：${unknown.join('、')}（可用参数：agency、from、to）`);
  const params: ExportParams = {};
  const agencyId = field(query, 'agency');
  if (agencyId) {
    const agency = UUID_RE.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
    if (agency) Object.assign(params, { agencyId, agencyPath: agency.path });
    else errors.push('参数 agency 无效：执法主体不存在');
  }
  const from = field(query, 'from');
  const to = field(query, 'to');
  const fromError = checkDate(from, '参数 from（起始日期）');
  const toError = checkDate(to, '参数 to（截止日期）');
  if (fromError) errors.push(fromError);
  else if (from) params.from = from;
  if (toError) errors.push(toError);
  else if (to) params.to = to;
  if (params.from && params.to && params.from > params.to) errors.push('参数 to（截止日期）不能早于 from（起始日期）');
  return errors.length ? { ok: false, message: errors.join('；') } : { ok: true, params };
}

export default async function exportRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;

  async function rows(req: FastifyRequest, reply: FastifyReply, fail: (reply: FastifyReply, message: string) => FastifyReply) {
    const parsed = await parseParams(ctx, req.query);
    if (!parsed.ok) return { failed: fail(reply, parsed.message) };
    const today = todayOf(ctx);
    const { rows: found, more } = await publicPenaltiesForExport(ctx.db, parsed.params, today, EXPORT_CAP);
    if (more) return { failed: fail(reply, `符合条件的处罚决定超过${EXPORT_CAP}条，请缩小日期范围（from、to）分批导出。`) };
    const base = baseUrl(ctx, req);
    return { today, params: parsed.params, items: found.map((d) => ({ id: d.id, url: `${base}/decisions/${d.id}`, row: creditRowOfPublic(d, `${base}/decisions/${d.id}`) })) };
  }

  app.get('/export/credit.csv', async (req, reply) => {
    const r = await rows(req, reply, (rep, message) => rep.status(400).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(message));
    if ('failed' in r) return r.failed;
    const name = `credit-penalties-${r.today.replace(/-/g, '')}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`行政处罚双公示-${r.today}.csv`)}`)
      .header('cache-control', 'public, max-age=300')
      .send(`\uFEFF${creditExportCsv(r.items.map((i) => i.row))}`);
  });

  app.get('/export/credit.json', async (req, reply) => {
    const r = await rows(req, reply, (rep, message) => rep.status(400).header('cache-control', 'no-store').send({ error: { code: 'validation.failed', message } }));
    if ('failed' in r) return r.failed;
    return reply.header('cache-control', 'public, max-age=300').send({
      dataset: '行政处罚',
      generatedOn: r.today,
      filter: { agency: r.params.agencyId ?? null, from: r.params.from ?? null, to: r.params.to ?? null },
      columns: CREDIT_EXPORT_COLUMNS,
      count: r.items.length,
      rows: r.items.map((i) => ({ id: i.id, url: i.url, data: i.row })),
    });
  });
}
