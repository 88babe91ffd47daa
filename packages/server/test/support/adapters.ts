import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import type { Storage } from '../../src/storage/types.js';
import { openFs, type StorageOpener } from './harness.js';
import { type LocalS3, startLocalS3 } from './s3.js';

/** A storage adapter as the API suites see it: how to open it and read its audit log. */
export interface Adapter {
  readonly name: string;
  readonly open: StorageOpener;
  readAudit(dataDir: string, storage: Storage): Promise<string[]>;
}

/** The embedded filesystem adapter. */
export const fsAdapter: Adapter = {
  name: 'fs',
  open: openFs,
  async readAudit(dataDir) {
    try {
      return (await readFile(path.join(dataDir, 'audit.log'), 'utf8'))
        .trim()
        .split('\n')
        .filter(Boolean);
    } catch {
      return [];
    }
  },
};

/** The S3 adapter on a fresh bucket of `s3` (resolved lazily: s3rver starts in beforeAll). */
export function s3Adapter(getS3: () => LocalS3): Adapter {
  const buckets = new Map<Storage, string>();
  return {
    name: 's3',
    async open() {
      const { storage, bucket } = await getS3().openBucket();
      buckets.set(storage, bucket);
      return storage;
    },
    async readAudit(_dataDir, storage) {
      const s3 = getS3();
      const Bucket = buckets.get(storage);
      const listed = await s3.client.send(new ListObjectsV2Command({ Bucket, Prefix: 'audit/' }));
      const lines: string[] = [];
      for (const item of listed.Contents ?? []) {
        const out = await s3.client.send(new GetObjectCommand({ Bucket, Key: item.Key }));
        lines.push((await out.Body?.transformToString()) ?? '');
      }
      return lines;
    },
  };
}

/**
 * Both adapters for a suite's `describe.each`: starts one local S3 (s3rver) before the file's
 * tests and stops it after them.
 */
export function bothAdapters(): Adapter[] {
  let s3: LocalS3 | undefined;
  beforeAll(async () => {
    s3 = await startLocalS3();
  });
  afterAll(async () => {
    await s3?.close();
  });
  return [
    fsAdapter,
    s3Adapter(() => {
      if (!s3) throw new Error('the local S3 starts in beforeAll');
      return s3;
    }),
  ];
}
