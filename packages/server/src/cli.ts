/**
 * `sanxiang <command>`: start, migrate, seed (more commands come with their
 * issues: deadline, verify, verify-bundle, export).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { isAppError } from '@sanxiang/core';
import { openContext, startServer } from './server.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './seed/demo.js';
import { AppError, DEADLINE_RULE_KEYS, isDeadlineRuleKey, parseNoticeText, previewDeadline, resolveProfile, seedCalendar, type WorkCalendar } from '@sanxiang/core';
import { listProfiles } from './usecases/profiles.js';
import { addCalendarYear, calendarWarnings, listCalendarYears, loadCalendar } from './usecases/calendar.js';
import { createCheckpoint } from './usecases/integrity-log.js';
import { verifyAll } from './usecases/verify.js';
import './usecases/media-integrity.js'; // media checks for verify and export
import { exportCaseBundle, readBundle } from './usecases/bundle.js';
import { verifyCaseBundle } from '@sanxiang/core';
import fs from 'node:fs';

const HELP = `三项制度执法平台 Sanxiang

用法 / usage: sanxiang <command> [options]

  start      启动平台（迁移数据库，首次启动写入演示数据）
  migrate    只应用数据库迁移
  seed       写入演示数据（数据库为空时）
  deadline   期限计算：--profile <id> --rule <规则> --from <日期>
  calendar list                         各年度节假日安排：已录入或暂定（按法定节假日推算）
  calendar import <文件> --as <用户名>    录入一年的国务院办公厅节假日安排（纯文本格式见 docs/operations.md），
                                        并重算依赖该年度的未结期限
  profiles   列出规则配置
  verify [--checkpoint <文件>]…  核验完整性日志、文书与音像文件，列出每处不符（有不符时退出码非 0）；
             --checkpoint 给出此前保存的已签名检查点（可多次），日志须包含它
  checkpoint 立即签署检查点
  export     导出案卷包：--case <案件 id 或案号> --out <文件.zip> [--media files|hashes]
  verify-bundle <文件.zip> --key <公钥>  离线核验案卷导出包（或 --trust-embedded-key：信任包内公钥）
  help       显示本帮助

配置见 README.md（环境变量 DATABASE_URL、PORT、SANXIANG_DATA_DIR 等）。`;

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await cmdStart();
      case 'migrate': {
        const config = loadConfig();
        const ctx = await openContext(config, { log: out });
        out(`数据库已是最新（${ctx.database.kind}）。`);
        await ctx.database.close();
        return 0;
      }
      case 'seed': {
        parseArgs({ args: rest, options: {} });
        const config = loadConfig();
        const ctx = await openContext(config, { log: out });
        const done = await seedDemo(ctx, { mustChangePassword: config.mode === 'production' });
        out(done ? '已写入演示数据。' : '数据库中已有机关数据，未写入演示数据（不会覆盖现有数据）。');
        await ctx.database.close();
        return 0;
      }
      case 'calendar':
        return await cmdCalendar(rest);
      case 'deadline':
        return await cmdDeadline(rest);
      case 'profiles':
        for (const p of listProfiles()) out(`${p.id.padEnd(9)} ${p.name}（${p.issuer}${p.docNumber ? ` ${p.docNumber}` : ''}）${p.parent ? ` ← 继承 ${p.parent}` : ''}`);
        return 0;
      case 'verify':
        return await cmdVerify(rest);
      case 'checkpoint': {
        const ctx = await openContext(loadConfig());
        const cp = await createCheckpoint(ctx);
        // Exactly the signed note (it ends with its own newline), so it can be saved and checked as is.
        process.stdout.write(cp.note);
        await ctx.database.close();
        return 0;
      }
      case 'export':
        return await cmdExport(rest);
      case 'verify-bundle':
        return await cmdVerifyBundle(rest);
      case 'help':
      case '--help':
      case '-h':
        out(HELP);
        return 0;
      default:
        process.stderr.write(`未知命令 / unknown command: ${command}\n\n${HELP}\n`);
        return 2;
    }
  } catch (e) {
    return reportError(e);
  }
}

/**
 * Start-up parts for bench/start.bench.ts (issue 18): with
 * SANXIANG_START_TIMINGS=1 the start prints one line `START_TIMINGS {json}`
 * with the milliseconds since the process began at the end of each part.
 */
function startMarks(): { mark: (part: string) => void; report: () => void } {
  const on = process.env.SANXIANG_START_TIMINGS === '1';
  const marks: [string, number][] = [['process', performance.now()]];
  return {
    mark: (part) => void (on && marks.push([part, performance.now()])),
    report: () => void (on && out(`START_TIMINGS ${JSON.stringify(Object.fromEntries(marks.map(([k, v]) => [k, Math.round(v)])))}`)),
  };
}

async function cmdStart(): Promise<number> {
  const marks = startMarks();
  const config = loadConfig();
  out('正在启动三项制度执法平台 Sanxiang …');
  const ctx = await openContext(config, { log: out, mark: marks.mark });
  const app = await startServer(ctx, out, marks.mark);
  marks.report();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl ?? `http://localhost:${port}`;
  out('');
  out(`数据库：${ctx.database.kind === 'pglite' ? `嵌入式 PGlite（${config.dataDir}）` : 'PostgreSQL'}`);
  out(`公示门户 portal:   ${base}/`);
  out(`管理控制台 console: ${base}/console`);
  out(`接口文档 API docs:  ${base}/api/docs`);
  if (config.seedDemo) {
    out('');
    out(`演示账号（密码均为 ${DEMO_PASSWORD}${config.mode === 'production' ? '，首次登录须修改' : ''}）：`);
    const logins = demoLogins().filter((l) => /^(ty|sx)_/.test(l.username));
    for (const l of logins) out(`  ${l.username.padEnd(16)} ${l.agency}  ${l.roles.join(', ')}${l.note ? `  (${l.note})` : ''}`);
    out('  …兰州（lz_*）、湘西（xx_*）、小店分局（xd_*）的账号同上，见 README.md。');
  }
  out('');
  out('按 Ctrl+C 停止。');
  const stop = async () => {
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

/**
 * `sanxiang deadline`: the same answer as GET /api/v1/deadlines/preview. Uses
 * the stored calendar; when the embedded database is held by a running
 * server, falls back to the built-in 2019–2026 notices and says so.
 */
async function cmdDeadline(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { profile: { type: 'string' }, rule: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.profile || !values.rule || !values.from) {
    process.stderr.write(`用法：sanxiang deadline --profile <${listProfiles().map((p) => p.id).join('|')}> --rule <规则> --from <YYYY-MM-DD 或日期时间> [--json]\n规则：${DEADLINE_RULE_KEYS.join(', ')}\n`);
    return 2;
  }
  const profile = resolveProfile(values.profile);
  if (!isDeadlineRuleKey(values.rule)) throw new AppError('profile.rule_undefined', { profile: values.profile, rule: values.rule });
  let calendar: WorkCalendar;
  const config = loadConfig();
  try {
    const ctx = await openContext(config);
    calendar = await loadCalendar(ctx.db);
    await ctx.database.close();
  } catch (e) {
    if (!(isAppError(e) && e.code === 'db.locked')) throw e;
    process.stderr.write('提示：数据库正被运行中的平台使用，使用内置的 2019–2026 年节假日安排计算。\n');
    calendar = seedCalendar();
  }
  const p = previewDeadline({ calendar, profile, rule: values.rule, from: values.from });
  if (values.json) {
    out(JSON.stringify(p, null, 2));
    return 0;
  }
  out(`${p.label}（${p.rule}，${p.profile}）`);
  out(`起算：${p.anchorLabel} ${p.from}`);
  out(`期限：${p.due}${p.dueWithMaxExtension ? `（延长后最迟 ${p.dueWithMaxExtension}）` : ''}`);
  out(`依据：${p.basis}`);
  if (p.note) out(`说明：${p.note}`);
  // NAT-21: a due date counted through a year without the notice is provisional.
  if (p.provisional) out(`暂定：${p.provisionalReason}`);
  return 0;
}

/** The user a CLI command acts as (`--as USERNAME`), loaded like a signed-in actor. */
async function cliActor(ctx: Awaited<ReturnType<typeof openContext>>, username: string) {
  const { users } = await import('./db/schema.js');
  const { eq } = await import('drizzle-orm');
  const { loadActor } = await import('./usecases/auth.js');
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
  const actor = u ? await loadActor(ctx, u.id, 'cli') : null;
  if (!actor) throw new AppError('not_found');
  return actor;
}

/** `sanxiang calendar list | import FILE --as USER` (NAT-2, NAT-21). */
async function cmdCalendar(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const ctx = await openContext(loadConfig());
    try {
      const r = await listCalendarYears(ctx);
      for (const y of r.years) out(`${y.year}  ${y.status === 'confirmed' ? `已录入 第${y.version}版` : '暂定    '}  ${y.source}`);
      for (const w of r.warnings) out(`提示：${w}`);
      return 0;
    } finally {
      await ctx.database.close();
    }
  }
  if (sub === 'import') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { as: { type: 'string' } } });
    const file = positionals[0];
    if (!file || !values.as) {
      process.stderr.write('用法：sanxiang calendar import <文件> --as <系统管理员用户名>\n文件格式（每行一项，# 为注释）：\n  年份 2027\n  来源 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔…〕…号）\n  放假 元旦 2027-01-01 至 2027-01-03\n  上班 春节 2027-02-14 2027-02-20\n');
      return 2;
    }
    const year = parseNoticeText(fs.readFileSync(file, 'utf8'));
    const ctx = await openContext(loadConfig());
    try {
      const actor = await cliActor(ctx, values.as);
      const saved = await addCalendarYear(ctx, actor, year);
      out(`已录入 ${saved.year} 年节假日安排：放假 ${saved.holidays.length} 天，调休上班 ${saved.workdays.length} 天（${saved.source}）。`);
      out(`重算未结期限：${saved.deadlinesChanged} 项到期日改变，已记入各案件的时间线。`);
      return 0;
    } finally {
      await ctx.database.close();
    }
  }
  process.stderr.write('用法：sanxiang calendar list | sanxiang calendar import <文件> --as <用户名>\n');
  return 2;
}

async function cmdVerify(args: string[]): Promise<number> {
  // REC-16: checkpoints saved earlier by an auditor or a witness; the log must still contain each one.
  const { values } = parseArgs({ args, options: { checkpoint: { type: 'string', multiple: true } } });
  const checkpoints = (values.checkpoint ?? []).map((file) => ({ label: file, note: fs.readFileSync(file, 'utf8') }));
  const ctx = await openContext(loadConfig());
  try {
    const report = await verifyAll(ctx, (line) => process.stderr.write(`${line}\n`), { checkpoints });
    out(`日志 ${report.leaves} 条，检查点 ${report.checkpoints} 个（见证人副署 ${report.cosignatures} 个），已签署文书版本 ${report.records} 个。`);
    // REC-18: files disposed of by an approved, sealed act are named, not counted as problems.
    for (const n of report.notes) out(`  [${n.kind}] ${n.message}`);
    if (report.problems.length === 0) {
      out('核验通过：未发现任何不符。');
      return 0;
    }
    out(`发现 ${report.problems.length} 处不符：`);
    for (const p of report.problems) out(`  [${p.kind}] ${p.message}`);
    return 3;
  } finally {
    await ctx.database.close();
  }
}

async function cmdExport(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { case: { type: 'string' }, out: { type: 'string' }, media: { type: 'string' }, as: { type: 'string' } } });
  if (!values.case || !values.out || !values.as) {
    process.stderr.write('用法：sanxiang export --case <案件 id> --out <文件.zip> --as <用户名> [--media files|hashes]\n');
    return 2;
  }
  const ctx = await openContext(loadConfig());
  try {
    const actor = await cliActor(ctx, values.as);
    const { zip, manifest } = await exportCaseBundle(ctx, actor, values.case, { includeMedia: values.media === 'files' });
    fs.writeFileSync(values.out, zip);
    out(`已导出 ${manifest.case.caseNumber}：文书 ${manifest.records.length} 份，音像 ${manifest.media.length} 个，日志条目 ${manifest.entries.length} 条 → ${values.out}`);
    return 0;
  } finally {
    await ctx.database.close();
  }
}

/** Offline: needs no database and no configuration. */
async function cmdVerifyBundle(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' }, 'trust-embedded-key': { type: 'boolean' } } });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('用法：sanxiang verify-bundle <文件.zip> --key <公钥> | --trust-embedded-key\n');
    return 2;
  }
  // NAT-18: a bundle re-signed with another key verifies against its own key; only a key from elsewhere proves anything.
  if (!values.key && !values['trust-embedded-key']) {
    process.stderr.write('核验失败：未提供可信公钥。请用 --key 给出机关门户“完整性公钥”页面公布的公钥；\n只有确认导出包内的公钥可信时，才可改用 --trust-embedded-key。\n');
    return 3;
  }
  const report = verifyCaseBundle(await readBundle(fs.readFileSync(file)), values.key ? { trustedKey: values.key } : {});
  out(`日志条目 ${report.entries} 条，文书 ${report.records} 份，音像 ${report.media} 个（其中仅哈希 ${report.mediaHashOnly} 个${report.mediaDisposed ? `，依批准销毁 ${report.mediaDisposed} 个` : ''}）。`);
  if (report.verifierKey) out(`所用公钥：${report.verifierKey}${values.key ? '' : '（取自导出包，请与机关门户公布的公钥比对）'}`);
  if (report.ok) {
    out('核验通过：导出包内容与签名检查点一致，未被改动。');
    return 0;
  }
  out(`核验失败，${report.problems.length} 处：`);
  for (const p of report.problems) out(`  ${p.path ? `${p.path}：` : ''}${p.message}`);
  return 3;
}

function reportError(e: unknown): number {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    return 78;
  }
  if (isAppError(e)) {
    process.stderr.write(`错误：${e.userMessage}\n${e.message}\n`);
    return 1;
  }
  process.stderr.write(`错误：${(e as Error).stack ?? String(e)}\n`);
  return 1;
}
