import type { ServerConfig } from '../config.js';
import { type FsOps, openFsStorage } from './fs.js';
import type { Storage } from './types.js';

/** Opens the storage adapter the config names (`FR_STORAGE`); the AWS SDK loads only for S3. */
export async function openStorage(config: ServerConfig, fs?: Partial<FsOps>): Promise<Storage> {
  const { storage } = config;
  if (storage.kind === 'fs') return openFsStorage({ dir: config.dataDir, fs });
  const { openS3Storage } = await import('./s3.js');
  return openS3Storage({
    bucket: storage.bucket,
    region: storage.region,
    forcePathStyle: storage.forcePathStyle,
    endpoint: storage.endpoint,
  });
}
