/**
 * The media services of one application context: the configured blob store,
 * the tus staging store, the digests in use. Built once per context.
 */
import fs from 'node:fs';
import type { AppContext } from '../context.js';
import { loadMediaConfig, type MediaConfig } from './config.js';
import { S3BlobStore } from './s3.js';
import { LocalBlobStore, type BlobStore } from './store.js';
import { HashingFileStore } from './tus.js';

export interface MediaServices {
  config: MediaConfig;
  blobs: BlobStore;
  staging: HashingFileStore;
}

const services = new WeakMap<AppContext, MediaServices>();

/** Sets the media configuration of a context explicitly (tests, tools); otherwise it comes from the environment. */
export function configureMedia(ctx: AppContext, config: MediaConfig, blobs?: BlobStore): MediaServices {
  fs.mkdirSync(config.stagingDir, { recursive: true });
  const s: MediaServices = {
    config,
    blobs: blobs ?? (config.store.kind === 's3' ? new S3BlobStore(config.store) : new LocalBlobStore(config.store.dir)),
    staging: new HashingFileStore(config.stagingDir, config.algorithms),
  };
  services.set(ctx, s);
  return s;
}

export function mediaServices(ctx: AppContext): MediaServices {
  return services.get(ctx) ?? configureMedia(ctx, loadMediaConfig(ctx.config));
}

export { loadMediaConfig, type MediaConfig } from './config.js';
export { hashFile, Digests, isSha256Hex, type DigestResult } from './digest.js';
export type { BlobStore, ByteRange } from './store.js';
