/**
 * Configuration, read and validated once at start (zod). A bad value stops the
 * start with a message that names the variable.
 */
import path from 'node:path';
import { z } from 'zod';
import { integrity } from '@sanxiang/core';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  SANXIANG_MODE: z.enum(['demo', 'production']).default('demo'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Public base URL, used in printed links and feeds. */
  PUBLIC_URL: z.string().url().optional(),
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Data folder of the embedded mode: PGlite database and local blobs. */
  SANXIANG_DATA_DIR: z.string().min(1).default('./data'),
  /** Idle timeout of a console session, in minutes (SYS-5). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Failed logins before the account is locked (SYS-5). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Lock duration after too many failed logins, in minutes (SYS-5). */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Sign-in attempts per minute from one client address (SYS-5). */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Secure cookies: on when PUBLIC_URL is https or when set explicitly. */
  COOKIE_SECURE: bool.optional(),
  /** Trust X-Forwarded-* from a reverse proxy. */
  TRUST_PROXY: bool.default(false),
  /** Seed demo data on first start (default: on in demo mode). */
  SEED_DEMO: bool.optional(),
  /** Name (origin) of the integrity log, used in checkpoints and key names. */
  SANXIANG_LOG_ORIGIN: z.string().regex(/^[A-Za-z0-9.\-_/]{1,100}$/, 'letters, digits, . - _ / only').default('sanxiang.local/log'),
  /** Ed25519 signer key of the log (C2SP signed-note format PRIVATE+KEY+…); generated and stored when absent. */
  SANXIANG_LOG_SIGNER_KEY: z.string().startsWith('PRIVATE+KEY+').optional(),
  /**
   * File holding the log's signer key (mode 0600), outside the database: whoever
   * can write the database must not be able to re-sign the log. Default in demo
   * mode: log-signer.key in the data folder (generated on first start).
   */
  SANXIANG_LOG_KEY_FILE: z.string().min(1).optional(),
  /**
   * Witnesses whose cosignatures (C2SP tlog-cosignature) the log accepts:
   * verifier keys `name+keyid+base64(0x04 || Ed25519 public key)`, separated
   * by commas or whitespace.
   */
  SANXIANG_WITNESS_KEYS: z
    .string()
    .optional()
    .transform((v, c) => {
      const keys = (v ?? '').split(/[\s,]+/).filter(Boolean);
      for (const k of keys) {
        try {
          integrity.parseCosignerKey(k);
        } catch (e) {
          c.addIssue({ code: 'custom', message: `见证人公钥 ${k} 无效：${(e as Error).message}` });
        }
      }
      return keys;
    }),
  /** Minutes between scheduled checkpoints of the integrity log (0: only on demand). */
  CHECKPOINT_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(10),
  /** PostgreSQL: connections of the staff pool (console, API, jobs). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** PostgreSQL: connections of the portal's own pool, so public traffic cannot take the staff's (issue 14 item 8). */
  PORTAL_DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(5),
  /** Seconds a rendered hot portal page (home, decisions, notices, feeds) is kept in memory; 0: no cache. */
  PORTAL_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Portal requests per minute from one client address; 0: no limit. */
  PORTAL_RATE_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(300),
  /** Portal requests in progress at once (the rest wait their turn, so staff requests stay fast); 0: no cap. */
  PORTAL_CONCURRENCY: z.coerce.number().int().min(0).max(10_000).default(2),
  /** Portal requests that may wait for a turn; beyond it 503 with Retry-After (`portal.busy`). */
  PORTAL_QUEUE_MAX: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  mode: 'demo' | 'production';
  port: number;
  host: string;
  publicUrl: string | undefined;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolMax?: number; portalPoolMax?: number };
  dataDir: string;
  blobDir: string;
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  seedDemo: boolean;
  logLevel: string;
  logOrigin: string;
  logSignerKey: string | undefined;
  /** Where the signer key file is (undefined: production with the key from the environment, or none). */
  logKeyFile: string | undefined;
  /** Witness verifier keys accepted for cosignatures (SANXIANG_WITNESS_KEYS). */
  witnessKeys: string[];
  checkpointIntervalMinutes: number;
  portalCacheTtlSeconds: number;
  portalRatePerMinute: number;
  portalConcurrency: number;
  portalQueueMax: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`配置错误 / invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from an environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(picked[String(i.path[0])] ?? '')}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.SANXIANG_DATA_DIR);
  return {
    mode: e.SANXIANG_MODE,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DB_POOL_MAX, portalPoolMax: e.PORTAL_DB_POOL_MAX } : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    dataDir,
    blobDir: path.join(dataDir, 'blobs'),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    cookieSecure: e.COOKIE_SECURE ?? (e.PUBLIC_URL?.startsWith('https://') ?? false),
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO ?? e.SANXIANG_MODE === 'demo',
    logLevel: e.LOG_LEVEL,
    logOrigin: e.SANXIANG_LOG_ORIGIN,
    logSignerKey: e.SANXIANG_LOG_SIGNER_KEY,
    logKeyFile: e.SANXIANG_LOG_KEY_FILE ? path.resolve(e.SANXIANG_LOG_KEY_FILE) : e.SANXIANG_MODE === 'demo' ? path.join(dataDir, 'log-signer.key') : undefined,
    witnessKeys: e.SANXIANG_WITNESS_KEYS,
    checkpointIntervalMinutes: e.CHECKPOINT_INTERVAL_MINUTES,
    portalCacheTtlSeconds: e.PORTAL_CACHE_TTL_SECONDS,
    portalRatePerMinute: e.PORTAL_RATE_PER_MINUTE,
    portalConcurrency: e.PORTAL_CONCURRENCY,
    portalQueueMax: e.PORTAL_QUEUE_MAX,
  };
}
