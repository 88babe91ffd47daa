/**
 * Where everything lives in storage, laid out by subject. Uploads sit under their own top-level
 * prefix so an S3 lifecycle rule on `uploads/` (and `index/uploads/`) can back up the sweeper.
 *
 * subjects/<subject>/subject.json            subject record (token hash, creation time)
 * subjects/<subject>/consents/<receipt>.json consent receipt, status, withdrawal
 * uploads/<subject>/<upload>.img             encrypted image (AES-256-GCM)
 * uploads/<subject>/<upload>.json            upload record, written after the image: the commit point
 * index/tokens/<token hmac>.json             token hash → subject
 * index/receipts/<receipt>.json              receipt → subject
 * index/uploads/<upload>.json                upload → subject
 */
export const KEYS = {
  subject: (subjectId: string) => `subjects/${subjectId}/subject.json`,
  subjects: 'subjects/',
  subjectFolder: (subjectId: string) => `subjects/${subjectId}/`,
  consent: (subjectId: string, receiptId: string) =>
    `subjects/${subjectId}/consents/${receiptId}.json`,
  consents: (subjectId: string) => `subjects/${subjectId}/consents/`,
  uploadsRoot: 'uploads/',
  uploads: (subjectId: string) => `uploads/${subjectId}/`,
  uploadRecord: (subjectId: string, uploadId: string) => `uploads/${subjectId}/${uploadId}.json`,
  uploadImage: (subjectId: string, uploadId: string) => `uploads/${subjectId}/${uploadId}.img`,
  tokenIndex: (tokenHash: string) => `index/tokens/${tokenHash}.json`,
  receiptIndex: (receiptId: string) => `index/receipts/${receiptId}.json`,
  uploadIndexRoot: 'index/uploads/',
  uploadIndex: (uploadId: string) => `index/uploads/${uploadId}.json`,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lower-cases a UUID so one id always maps to one key; null when `value` is not a UUID. */
export function normalizeId(value: string): string | null {
  const id = value.toLowerCase();
  return UUID.test(id) ? id : null;
}

/** Splits `uploads/<subject>/<upload>.<ext>` into its parts, or null for any other key. */
export function parseUploadKey(
  key: string,
): { subjectId: string; uploadId: string; ext: 'img' | 'json' } | null {
  const match = /^uploads\/([0-9a-f-]{36})\/([0-9a-f-]{36})\.(img|json)$/.exec(key);
  if (!match) return null;
  const [, subjectId, uploadId, ext] = match;
  if (!subjectId || !uploadId || (ext !== 'img' && ext !== 'json')) return null;
  return { subjectId, uploadId, ext };
}

/** The id in `<prefix><id>.json`, or null. */
export function idFromIndexKey(key: string, prefix: string): string | null {
  if (!key.startsWith(prefix) || !key.endsWith('.json')) return null;
  return key.slice(prefix.length, -'.json'.length);
}
