/**
 * Where everything lives in storage, laid out by subject. Uploads sit under their own top-level
 * prefix so an S3 lifecycle rule on `uploads/` can back up the sweeper.
 *
 * subjects/<subject>/subject.json            subject record (token hash, creation time)
 * subjects/<subject>/consents/<receipt>.json consent receipt, status, withdrawal
 * uploads/<subject>/<upload>.upload          the whole upload, one object (records/upload-object.ts):
 *                                            sealed record, then sealed image; its put is the commit
 * index/tokens/<token hmac>.json             token hash → subject
 * index/receipts/<receipt>.json              receipt → subject
 * fences/<subject>.json                      an erased subject: no upload may commit (fence.ts)
 *
 * There is no upload → subject index: the upload id is an HMAC of (subject, idempotency key), and
 * a subject only ever looks under its own folder, so another subject's id is simply not found.
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
  upload: (subjectId: string, uploadId: string) => `uploads/${subjectId}/${uploadId}.upload`,
  tokenIndex: (tokenHash: string) => `index/tokens/${tokenHash}.json`,
  tokenIndexRoot: 'index/tokens/',
  receiptIndex: (receiptId: string) => `index/receipts/${receiptId}.json`,
  fences: 'fences/',
  fence: (subjectId: string) => `fences/${subjectId}.json`,
  /** Upload → subject entries of the layout before single-object uploads; the sweeper drops them. */
  legacyUploadIndexRoot: 'index/uploads/',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lower-cases a UUID so one id always maps to one key; null when `value` is not a UUID. */
export function normalizeId(value: string): string | null {
  const id = value.toLowerCase();
  return UUID.test(id) ? id : null;
}

/** Splits `uploads/<subject>/<upload>.upload` into its parts, or null for any other key. */
export function parseUploadKey(key: string): { subjectId: string; uploadId: string } | null {
  const match = /^uploads\/([0-9a-f-]{36})\/([0-9a-f-]{36})\.upload$/.exec(key);
  const subjectId = match?.[1];
  const uploadId = match?.[2];
  return subjectId && uploadId ? { subjectId, uploadId } : null;
}

/** The id in `<prefix><id>.json`, or null. */
export function idFromIndexKey(key: string, prefix: string): string | null {
  if (!key.startsWith(prefix) || !key.endsWith('.json')) return null;
  return key.slice(prefix.length, -'.json'.length);
}
