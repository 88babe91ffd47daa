import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { openS3Storage } from '../../src/storage/s3.js';
import type { Storage } from '../../src/storage/types.js';

/** An s3rver on 127.0.0.1 (random port, temp folder) that hands out one fresh bucket per store. */
export interface LocalS3 {
  readonly endpoint: string;
  readonly client: S3Client;
  /** A storage adapter on a new, empty bucket. */
  openBucket(): Promise<{ storage: Storage; bucket: string }>;
  close(): Promise<void>;
}

let buckets = 0;

/** Starts s3rver; call `close()` in afterAll. */
export async function startLocalS3(): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'fr-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    client,
    async openBucket() {
      buckets += 1;
      const bucket = `fr-test-${process.pid}-${buckets}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return {
        storage: await openS3Storage({ bucket, region: 'us-east-1', forcePathStyle: true, client }),
        bucket,
      };
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Starts one s3rver for the calling test file (beforeAll/afterAll); the getter returns it. */
export function useLocalS3(): () => LocalS3 {
  let s3: LocalS3 | undefined;
  beforeAll(async () => {
    s3 = await startLocalS3();
  });
  afterAll(async () => {
    await s3?.close();
  });
  return () => {
    if (!s3) throw new Error('s3rver is not started yet');
    return s3;
  };
}
