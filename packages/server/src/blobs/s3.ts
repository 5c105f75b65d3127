/**
 * Any S3-compatible object store (DESIGN §1: MinIO, Ceph RGW, cloud object
 * stores) through @aws-sdk/client-s3 and lib-storage's multipart upload, so a
 * file of several GiB streams from the staging disk in bounded parts.
 *
 * Write-once: an existing key is never written again (HEAD first). Where the
 * bucket has Object Lock enabled, every new object carries a retention mode
 * and retain-until date (REC-16, REC-18), so not even an administrator with
 * the keys can delete it early (compliance mode).
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client, PutObjectCommandInput } from '@aws-sdk/client-s3';
import type * as S3Storage from '@aws-sdk/lib-storage';
import type { S3Settings } from './config.js';
import { blobKey, type BlobStore, type ByteRange, type PutInfo } from './store.js';

// The AWS SDK takes about a second to load: it is required when the first S3
// store is made, so a start on the local store does not pay for it (issue 18).
const requireHere = createRequire(import.meta.url);
let sdk: typeof S3Sdk | undefined;
let storage: typeof S3Storage | undefined;
const aws = (): typeof S3Sdk => (sdk ??= requireHere('@aws-sdk/client-s3') as typeof S3Sdk);
const awsStorage = (): typeof S3Storage => (storage ??= requireHere('@aws-sdk/lib-storage') as typeof S3Storage);

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  private lockEnabled: Promise<boolean> | undefined;

  constructor(readonly settings: S3Settings, client?: S3Client) {
    this.client =
      client ??
      new (aws().S3Client)({
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        forcePathStyle: settings.forcePathStyle,
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
      });
  }

  key(sha256: string): string {
    return `${this.settings.prefix}${blobKey(sha256)}`;
  }

  /** Whether the bucket has Object Lock enabled (asked once). */
  objectLockEnabled(): Promise<boolean> {
    if (this.settings.objectLock === 'off') return Promise.resolve(false);
    this.lockEnabled ??= this.client
      .send(new (aws().GetObjectLockConfigurationCommand)({ Bucket: this.settings.bucket }))
      .then((r) => r.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled')
      .catch(() => false); // no configuration, or a store without Object Lock
    return this.lockEnabled;
  }

  async put(source: string, info: PutInfo): Promise<{ created: boolean; key: string }> {
    const key = this.key(info.sha256);
    const existing = await this.size(info.sha256);
    if (existing !== null) {
      if (existing !== info.size) throw new Error(`object ${key} exists with size ${existing}, expected ${info.size}`);
      await fs.promises.unlink(source).catch(() => {});
      return { created: false, key };
    }
    const params: PutObjectCommandInput = {
      Bucket: this.settings.bucket,
      Key: key,
      Body: fs.createReadStream(source, { highWaterMark: 1024 * 1024 }),
      ContentLength: info.size,
      ContentType: info.contentType ?? 'application/octet-stream',
      Metadata: { sha256: info.sha256, ...(info.sm3 ? { sm3: info.sm3 } : {}) },
    };
    if (await this.objectLockEnabled()) {
      const until = info.retainUntil ?? new Date(Date.now() + this.settings.objectLockDays * 86_400_000);
      params.ObjectLockMode = this.settings.objectLock === 'governance' ? 'GOVERNANCE' : 'COMPLIANCE';
      params.ObjectLockRetainUntilDate = until;
    }
    // Parts of 16 MiB, 2 in flight: memory stays flat whatever the file size.
    await new (awsStorage().Upload)({ client: this.client, params, partSize: 16 * 1024 * 1024, queueSize: 2, leavePartsOnError: false }).done();
    await fs.promises.unlink(source).catch(() => {});
    return { created: true, key };
  }

  async size(sha256: string): Promise<number | null> {
    try {
      const r = await this.client.send(new (aws().HeadObjectCommand)({ Bucket: this.settings.bucket, Key: this.key(sha256) }));
      return r.ContentLength ?? null;
    } catch (e) {
      const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata?.httpStatusCode === 404) return null;
      throw e;
    }
  }

  /**
   * REC-18: deletes every version of the object (a bucket with Object Lock is
   * versioned, and a plain DELETE would only add a delete marker). The store
   * itself refuses while a version is under retention; that error is the
   * caller's (the disposal does not happen).
   */
  async remove(sha256: string): Promise<void> {
    const Key = this.key(sha256);
    const Bucket = this.settings.bucket;
    let versions: { VersionId?: string | undefined }[] = [];
    try {
      const listed = await this.client.send(new (aws().ListObjectVersionsCommand)({ Bucket, Prefix: Key }));
      versions = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].filter((v) => v.Key === Key);
    } catch {
      versions = []; // a store without versioning support: one plain delete below
    }
    if (versions.length === 0) {
      await this.client.send(new (aws().DeleteObjectCommand)({ Bucket, Key }));
      return;
    }
    for (const v of versions) await this.client.send(new (aws().DeleteObjectCommand)({ Bucket, Key, ...(v.VersionId ? { VersionId: v.VersionId } : {}) }));
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const r = await this.client.send(
      new (aws().GetObjectCommand)({ Bucket: this.settings.bucket, Key: this.key(sha256), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
    );
    return r.Body as Readable;
  }
}
