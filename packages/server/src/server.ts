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
import { seedDemo } from './seed/demo.js';
import { ensureCalendarSeed } from './usecases/calendar.js';
import { createCheckpoint } from './usecases/integrity-log.js';

export async function openContext(config: Config, opts: { clock?: Clock; target?: DatabaseTarget; log?: (line: string) => void } = {}): Promise<AppContext> {
  const log = opts.log ?? (() => {});
  if (config.database.kind === 'pglite') {
    fs.mkdirSync(config.blobDir, { recursive: true });
  }
  const database: Database = await openDatabase(opts.target ?? config.database);
  try {
    const result = await migrate(database, log);
    if (result.applied.length) log(`数据库迁移完成：新应用 ${result.applied.length} 个，共 ${result.total} 个`);
    const years = await ensureCalendarSeed(database.db);
    if (years) log(`已写入 ${years} 个年度的节假日安排（国务院办公厅通知）`);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { config, database, db: database.db, clock: opts.clock ?? systemClock };
}

export async function startServer(ctx: AppContext, log: (line: string) => void): Promise<FastifyInstance> {
  if (ctx.config.seedDemo) {
    const seeded = await seedDemo(ctx, { mustChangePassword: ctx.config.mode === 'production' });
    if (seeded) log('已写入演示数据。');
  }
  const app = await buildApp(ctx, { logger: ctx.config.logLevel !== 'silent' && ctx.config.logLevel !== 'info' });
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
  app.addHook('onClose', async () => {
    clearInterval(timer);
    clearInterval(expiryTimer);
    clearInterval(digestTimer);
  });
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  await createCheckpoint(ctx);
  await expire();
  if (ctx.config.checkpointIntervalMinutes > 0) {
    timer = setInterval(() => {
      createCheckpoint(ctx).catch((e: unknown) => log(`检查点签署失败：${(e as Error).message}`));
    }, ctx.config.checkpointIntervalMinutes * 60_000);
    timer.unref();
  }
  return app;
}
