import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openS3Storage } from '../src/storage/s3.js';
import { type LocalS3, startLocalS3 } from './support/s3.js';
import { describeStorageContract } from './support/storage-contract.js';

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3.close();
});

/** Reads every audit object of `bucket` (one object per event). */
async function auditLines(bucket: string): Promise<string[]> {
  const listed = await s3.client.send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: 'audit/' }),
  );
  const lines: string[] = [];
  for (const item of listed.Contents ?? []) {
    const out = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: item.Key }));
    lines.push((await out.Body?.transformToString()) ?? '');
  }
  return lines;
}

describeStorageContract('S3 (s3rver)', async () => {
  const { storage, bucket } = await s3.openBucket();
  return { storage, readAudit: () => auditLines(bucket), cleanup: async () => undefined };
});

describe('S3 adapter', () => {
  it('files audit events by day, one object each', async () => {
    const { bucket } = await s3.openBucket();
    const storage = await openS3Storage({
      bucket,
      region: 'us-east-1',
      forcePathStyle: true,
      client: s3.client,
      now: () => new Date('2025-03-01T12:34:56.789Z'),
    });
    await storage.appendAudit('{"type":"upload_stored"}');
    await storage.appendAudit('{"type":"upload_deleted"}');
    const listed = await s3.client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'audit/' }),
    );
    const keys = (listed.Contents ?? []).map((item) => item.Key ?? '');
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key).toMatch(/^audit\/2025\/03\/01\/20250301T123456789Z-[0-9a-f]{12}\.json$/);
    }
  });
});
