/**
 * Configuration of the blob store and of uploads, read from the environment
 * once when the media services start (zod; a bad value names its variable,
 * like config.ts). Local disk by default (`<data>/blobs`); any S3-compatible
 * object store when SANXIANG_BLOB_STORE=s3 (DESIGN §1: MinIO, Ceph, cloud
 * object stores, with Object Lock where the bucket has it).
 */
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, type Config } from '../config.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  /** 'local' (default) or 's3'. */
  SANXIANG_BLOB_STORE: z.enum(['local', 's3']).default('local'),
  /** Staging folder of resumable uploads (tus); default `<data>/uploads`. Several servers need a shared folder. */
  SANXIANG_UPLOAD_DIR: z.string().min(1).optional(),
  /** Largest accepted file, bytes (default 32 GiB). */
  SANXIANG_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(32 * 1024 ** 3),
  /**
   * Hours after its last received byte that an unfinished upload expires (issue 14 item 7): its
   * staged bytes are removed and the tus client is answered 410. Default 24.
   */
  SANXIANG_UPLOAD_EXPIRY_HOURS: z.coerce.number().min(0.01).max(24 * 365).default(24),
  /** Minutes between sweeps for expired uploads (and at every start). Default 60. */
  SANXIANG_UPLOAD_SWEEP_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** SYS-6 国密: compute SM3 next to SHA-256 for every file. */
  SANXIANG_HASH_SM3: bool.default(false),
  /**
   * Issue 12 item 7: byte ranges of a file are served only behind a whole-file check of its sealed
   * hash at most this many hours old (full responses are checked while they stream). Default 24.
   */
  SANXIANG_MEDIA_VERIFY_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  SANXIANG_S3_BUCKET: z.string().min(3).optional(),
  SANXIANG_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Endpoint of an S3-compatible store (MinIO, Ceph RGW …); absent for AWS. */
  SANXIANG_S3_ENDPOINT: z.string().url().optional(),
  SANXIANG_S3_FORCE_PATH_STYLE: bool.default(false),
  SANXIANG_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  SANXIANG_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Key prefix inside the bucket. */
  SANXIANG_S3_PREFIX: z.string().regex(/^[A-Za-z0-9._\-/]*$/, 'letters, digits, . _ - / only').default(''),
  /** Object Lock mode for new objects when the bucket has Object Lock enabled. */
  SANXIANG_S3_OBJECT_LOCK: z.enum(['off', 'governance', 'compliance']).default('compliance'),
  /** Retention (days) set on a new object when its earliest disposal date is not yet known (NAT-19: the shortest archive class is 10 years). */
  SANXIANG_S3_OBJECT_LOCK_DAYS: z.coerce.number().int().min(1).max(36500).default(3653),
});

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  prefix: string;
  objectLock: 'off' | 'governance' | 'compliance';
  objectLockDays: number;
}

export interface MediaConfig {
  store: { kind: 'local'; dir: string } | ({ kind: 's3' } & S3Settings);
  stagingDir: string;
  maxUploadBytes: number;
  /** Hours without a byte after which an unfinished upload expires. */
  uploadExpiryHours: number;
  /** Minutes between sweeps for expired uploads. */
  uploadSweepMinutes: number;
  /** Digests computed for every file: SHA-256 always, SM3 where 国密 is on. */
  algorithms: readonly ('sha256' | 'sm3')[];
  /** Hours a whole-file check stays good for serving byte ranges (SANXIANG_MEDIA_VERIFY_HOURS). */
  verifyTtlHours?: number;
}

export function loadMediaConfig(config: Pick<Config, 'blobDir' | 'dataDir'>, env: Record<string, string | undefined> = process.env): MediaConfig {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(picked[String(i.path[0])] ?? '')}: ${i.message}`));
  }
  const e = parsed.data;
  let store: MediaConfig['store'] = { kind: 'local', dir: config.blobDir };
  if (e.SANXIANG_BLOB_STORE === 's3') {
    if (!e.SANXIANG_S3_BUCKET) throw new ConfigError(['SANXIANG_S3_BUCKET: required when SANXIANG_BLOB_STORE=s3']);
    if (!!e.SANXIANG_S3_ACCESS_KEY_ID !== !!e.SANXIANG_S3_SECRET_ACCESS_KEY) {
      throw new ConfigError(['SANXIANG_S3_ACCESS_KEY_ID / SANXIANG_S3_SECRET_ACCESS_KEY: give both or neither']);
    }
    store = {
      kind: 's3',
      bucket: e.SANXIANG_S3_BUCKET,
      region: e.SANXIANG_S3_REGION,
      endpoint: e.SANXIANG_S3_ENDPOINT,
      forcePathStyle: e.SANXIANG_S3_FORCE_PATH_STYLE,
      credentials: e.SANXIANG_S3_ACCESS_KEY_ID ? { accessKeyId: e.SANXIANG_S3_ACCESS_KEY_ID, secretAccessKey: e.SANXIANG_S3_SECRET_ACCESS_KEY! } : undefined,
      prefix: e.SANXIANG_S3_PREFIX,
      objectLock: e.SANXIANG_S3_OBJECT_LOCK,
      objectLockDays: e.SANXIANG_S3_OBJECT_LOCK_DAYS,
    };
  }
  return {
    store,
    stagingDir: path.resolve(e.SANXIANG_UPLOAD_DIR ?? path.join(config.dataDir, 'uploads')),
    maxUploadBytes: e.SANXIANG_UPLOAD_MAX_BYTES,
    uploadExpiryHours: e.SANXIANG_UPLOAD_EXPIRY_HOURS,
    uploadSweepMinutes: e.SANXIANG_UPLOAD_SWEEP_MINUTES,
    algorithms: e.SANXIANG_HASH_SM3 ? ['sha256', 'sm3'] : ['sha256'],
    verifyTtlHours: e.SANXIANG_MEDIA_VERIFY_HOURS,
  };
}
