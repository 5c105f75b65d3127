/**
 * Opening everything a running platform needs, in one place: configuration
 * → database (+ migrations, + demo seed) → HTTP app.
 */
import { expirePublications } from './usecases/publications.js';
import { LoggingDigestSender, sendDailyDigests } from './usecases/todo/digest.js';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { systemClock, type AppContext, type Clock } from './context.js';
import { openDatabase, type Database, type DatabaseTarget } from './db/client.js';
import { migrate } from './db/migrate.js';
import { buildApp } from './http/app.js';
import { demoSeedState, seedDemo } from './seed/demo.js';
import { calendarWarnings, ensureCalendarSeed, loadCalendar } from './usecases/calendar.js';
import { chinaDate } from './lib/time.js';
import { createCheckpoint, loadLogSigner } from './usecases/integrity-log.js';
import { startUploadSweeper } from './usecases/media-uploads/recover.js';

export async function openContext(
  config: Config,
  opts: { clock?: Clock; target?: DatabaseTarget; log?: (line: string) => void; mark?: (part: string) => void } = {},
): Promise<AppContext> {
  const log = opts.log ?? (() => {});
  const mark = opts.mark ?? (() => {});
  if (config.database.kind === 'pglite') {
    fs.mkdirSync(config.blobDir, { recursive: true });
  }
  const database: Database = await openDatabase(opts.target ?? config.database);
  mark('database open');
  try {
    const result = await migrate(database, log);
    if (result.applied.length) log(`数据库迁移完成：新应用 ${result.applied.length} 个，共 ${result.total} 个`);
    const years = await ensureCalendarSeed(database.db);
    if (years) log(`已写入 ${years} 个年度的节假日安排（国务院办公厅通知）`);
    mark('migrations check');
  } catch (e) {
    await database.close();
    throw e;
  }
  if (config.seedDemo && (await demoSeedState(database.db)) === 'incomplete') {
    // Issue 10: the demo seed is all-or-nothing. A start that died while seeding
    // left part of it; the embedded database is set aside (nothing is deleted)
    // and seeded again from scratch.
    await database.close();
    if (config.database.kind !== 'pglite' || opts.target) {
      throw new Error('演示数据上次未写入完整（启动在写入过程中中断）。请清空该数据库后重新启动，或关闭演示数据（SEED_DEMO=false）。');
    }
    const aside = `${config.database.dataDir}.incomplete-${Date.now()}`;
    fs.renameSync(config.database.dataDir, aside);
    log(`上次启动未能写完演示数据，已将不完整的数据库移至 ${aside}，重新写入。`);
    return openContext(config, opts);
  }
  return { config, database, db: database.db, clock: opts.clock ?? systemClock };
}

export async function startServer(ctx: AppContext, log: (line: string) => void, mark: (part: string) => void = () => {}): Promise<FastifyInstance> {
  await loadLogSigner(ctx); // DESIGN §6: no start without the log's signer key (production), generated in demo mode
  if (ctx.config.seedDemo) {
    const seeded = await seedDemo(ctx, { mustChangePassword: ctx.config.mode === 'production' });
    if (seeded) log('已写入演示数据。');
  }
  mark('demo seed check');
  // NAT-2 · NAT-21: say when a holiday notice is missing (from 1 November for the next year).
  for (const w of calendarWarnings(await loadCalendar(ctx.db), chinaDate(ctx.clock.now()))) log(`提示：${w}`);
  const app = await buildApp(ctx, { logger: ctx.config.logLevel !== 'silent' });
  mark('app built');
  // DESIGN §6: checkpoints on a schedule (and on demand through the API).
  let timer: NodeJS.Timeout | undefined;
  // PUB-7 · SX25-P 18: decisions come off the portal at the end of their window (hourly; the portal's own filter covers the gap).
  const expire = () => expirePublications(ctx).then((n) => n > 0 && log(`${n} 条公示信息公示期满，已撤下。`)).catch((e: unknown) => log(`公示期满撤下失败：${(e as Error).message}`));
  const expiryTimer = setInterval(expire, 3600_000);
  expiryTimer.unref();
  // Issue 15: the daily 待办 digest from 08:00 China time (hourly check; todo_digests keeps it to once a day per person).
  const digestSender = new LoggingDigestSender(log);
  const digest = () => {
    if ((ctx.clock.now().getUTCHours() + 8) % 24 < 8) return;
    sendDailyDigests(ctx, digestSender).catch((e: unknown) => log(`待办日报发送失败：${(e as Error).message}`));
  };
  const digestTimer = setInterval(digest, 3600_000);
  digestTimer.unref();
  // Issue 14 item 7: uploads cut off after their last byte are finished, abandoned ones expire (now and periodically).
  const uploads = startUploadSweeper(ctx, log);
  app.addHook('onClose', async () => {
    uploads.stop();
    clearInterval(timer);
    clearInterval(expiryTimer);
    clearInterval(digestTimer);
  });
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  mark('listen');
  await createCheckpoint(ctx);
  await expire();
  await uploads.run();
  if (ctx.config.checkpointIntervalMinutes > 0) {
    timer = setInterval(() => {
      createCheckpoint(ctx).catch((e: unknown) => log(`检查点签署失败：${(e as Error).message}`));
    }, ctx.config.checkpointIntervalMinutes * 60_000);
    timer.unref();
  }
  return app;
}
