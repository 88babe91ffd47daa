import { randomBytes } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  assertSafeKey,
  assertSafePrefix,
  type ObjectInfo,
  piecesOf,
  type Storage,
} from './types.js';

/** Options of {@link openS3Storage}. Credentials come from the AWS SDK's default chain. */
export interface S3StorageOptions {
  readonly bucket: string;
  /** Endpoint of an S3-compatible service (MinIO, R2, s3rver…); omit for AWS S3. */
  readonly endpoint?: string | undefined;
  readonly region: string;
  /** Path-style URLs (`endpoint/bucket/key`), needed by most S3-compatible services. */
  readonly forcePathStyle: boolean;
  /** Explicit credentials; omit to use the SDK's default chain (env, profile, instance role). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** An existing client (tests); otherwise one is made from the fields above. */
  readonly client?: S3Client;
  /** Clock for audit object names. */
  readonly now?: () => Date;
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}

/** A range that starts past the end: only an empty object answers a `bytes=0-` range so. */
function isEmptyRange(error: unknown): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416;
}

/**
 * Opens S3-compatible object storage. A PUT of a whole object is atomic in S3, so readers never
 * see a partial image; servers using it keep no local state and can run side by side. Audit
 * events are one object each under `audit/YYYY/MM/DD/` (S3 has no append).
 */
export async function openS3Storage(options: S3StorageOptions): Promise<Storage> {
  const owned = options.client === undefined;
  const client =
    options.client ??
    new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      // The AWS SDK's config types do not accept an explicit undefined.
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // S3-compatible services often reject the newer default checksum trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  const bucket = options.bucket;
  const now = options.now ?? (() => new Date());
  const writer = randomBytes(4).toString('hex');
  let auditCount = 0;

  const storage: Storage = {
    async put(key, body) {
      assertSafeKey(key);
      const pieces = piecesOf(body);
      // One request body: joining the pieces is cheap next to the network round trip.
      const bytes = pieces.length === 1 && pieces[0] ? pieces[0] : Buffer.concat(pieces);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: 'application/octet-stream',
        }),
      );
    },

    async get(key) {
      assertSafeKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!out.Body) return new Uint8Array();
        return await out.Body.transformToByteArray();
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async getHead(key, length) {
      assertSafeKey(key);
      if (!Number.isInteger(length) || length < 1) throw new RangeError('length must be ≥ 1');
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${length - 1}` }),
        );
        if (!out.Body) return new Uint8Array();
        return await out.Body.transformToByteArray();
      } catch (error) {
        if (isMissing(error)) return null;
        if (isEmptyRange(error)) return new Uint8Array();
        throw error;
      }
    },

    async delete(key) {
      assertSafeKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },

    async list(prefix) {
      assertSafePrefix(prefix);
      const out: ObjectInfo[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          if (item.Key === undefined) continue;
          out.push({
            key: item.Key,
            size: item.Size ?? 0,
            modifiedAt: item.LastModified ?? new Date(0),
          });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },

    async appendAudit(line) {
      const at = now();
      const day = at.toISOString().slice(0, 10).replaceAll('-', '/');
      const stamp = at.toISOString().replace(/[-:.]/g, ''); // 20250301T123456789Z sorts by time
      // Writer id and a counter (mod 2^16): keys sort in the order this writer appended them,
      // within one millisecond too, which is the order audit:verify checks.
      auditCount = (auditCount + 1) % 0x10000;
      const key = `audit/${day}/${stamp}-${writer}${auditCount.toString(16).padStart(4, '0')}.json`;
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: line,
          ContentType: 'application/json',
        }),
      );
    },

    async readAudit() {
      const lines: string[] = [];
      for (const item of await storage.list('audit/')) {
        const bytes = await storage.get(item.key);
        if (bytes) lines.push(Buffer.from(bytes).toString('utf8'));
      }
      return lines;
    },

    async close() {
      if (owned) client.destroy();
    },
  };
  return storage;
}
