import type { UploadMetadata, UploadResult } from '@fittingroom/protocol';
import { refuseUpload } from './consent-rules.js';
import type { Context } from './context.js';
import { decrypt, deriveUploadId, encrypt, sha256Hex } from './crypto.js';
import { HttpError } from './errors.js';
import { replayDecision, requestFingerprint } from './idempotency.js';
import { inspectImage } from './image-sniff.js';
import {
  ConsentDocSchema,
  IndexDocSchema,
  readDoc,
  type UploadDoc,
  UploadDocSchema,
  writeDoc,
} from './records/docs.js';
import { KEYS, normalizeId } from './records/keys.js';
import { expiryOf } from './retention.js';

/** One upload request, already authenticated and parsed. */
export interface IncomingUpload {
  readonly subjectId: string;
  readonly idempotencyKey: string;
  readonly metadata: UploadMetadata;
  readonly image: Uint8Array;
}

/** Result of {@link ingestUpload}: stored now, or the first result of a replayed key. */
export interface UploadOutcome {
  readonly replayed: boolean;
  readonly result: Omit<UploadResult, 'subjectToken'>;
}

const STATUS_OF_IMAGE_ERROR = {
  unsupported_media_type: 415,
  image_undecodable: 422,
  image_too_large: 422,
} as const;

/**
 * Checks consent, the image and the idempotency key, then stores the encrypted image and only
 * then its record (the commit point). Throws {@link HttpError}; on any error nothing is kept.
 */
export async function ingestUpload(ctx: Context, input: IncomingUpload): Promise<UploadOutcome> {
  const { storage, config } = ctx;
  const { subjectId, metadata, image } = input;
  const now = ctx.now();
  const receiptId = normalizeId(metadata.consentReceiptId) ?? metadata.consentReceiptId;
  const owner = await readDoc(storage, KEYS.receiptIndex(receiptId), IndexDocSchema);
  const consent = owner
    ? await readDoc(storage, KEYS.consent(owner.subjectId, receiptId), ConsentDocSchema)
    : null;
  const refusal = refuseUpload(consent, subjectId, metadata, now);
  if (refusal) throw new HttpError(403, refusal.code, refusal.message);

  const checked = inspectImage(image, config.maxImageDimension);
  if (!checked.ok)
    throw new HttpError(STATUS_OF_IMAGE_ERROR[checked.code], checked.code, checked.message);

  const uploadId = deriveUploadId(ctx.keys, subjectId, input.idempotencyKey);
  const fingerprint = requestFingerprint(metadata, sha256Hex(image));
  const existing = await readDoc(storage, KEYS.uploadRecord(subjectId, uploadId), UploadDocSchema);
  const decision = replayDecision(existing?.fingerprint ?? null, fingerprint);
  if (existing && decision === 'replay') return { replayed: true, result: resultOf(existing) };
  if (decision === 'conflict') {
    throw new HttpError(
      409,
      'idempotency_conflict',
      'This Idempotency-Key was used with a different request.',
    );
  }

  const imageKey = KEYS.uploadImage(subjectId, uploadId);
  await storage.put(imageKey, encrypt(ctx.keys.data, image, imageKey, ctx.random(12)));
  await writeDoc(storage, KEYS.uploadIndex(uploadId), { subjectId });
  const doc: UploadDoc = {
    uploadId,
    subjectId,
    consentReceiptId: receiptId,
    productId: metadata.productId,
    contentType: checked.type,
    bytes: image.byteLength,
    width: checked.width,
    height: checked.height,
    capturedAt: metadata.capturedAt,
    storedAt: now.toISOString(),
    expiresAt: expiryOf(now, config.retentionDays).toISOString(),
    fingerprint,
  };
  await writeDoc(storage, KEYS.uploadRecord(subjectId, uploadId), doc);
  return { replayed: false, result: resultOf(doc) };
}

function resultOf(doc: UploadDoc): Omit<UploadResult, 'subjectToken'> {
  return { uploadId: doc.uploadId, subjectId: doc.subjectId, expiresAt: doc.expiresAt };
}

/** Who owns an upload: `mine`, `other` (another subject's) or `none`. */
export async function uploadOwner(
  ctx: Context,
  subjectId: string,
  uploadId: string,
): Promise<'mine' | 'other' | 'none'> {
  const entry = await readDoc(ctx.storage, KEYS.uploadIndex(uploadId), IndexDocSchema);
  if (!entry) return 'none';
  return entry.subjectId === subjectId ? 'mine' : 'other';
}

/** Removes an upload: the record first (it stops existing), then the image and the index. */
export async function removeUpload(
  ctx: Context,
  subjectId: string,
  uploadId: string,
): Promise<void> {
  await ctx.storage.delete(KEYS.uploadRecord(subjectId, uploadId));
  await ctx.storage.delete(KEYS.uploadImage(subjectId, uploadId));
  await ctx.storage.delete(KEYS.uploadIndex(uploadId));
}

/** The decrypted image and its record, or null when the subject has no such upload. */
export async function readUploadImage(
  ctx: Context,
  subjectId: string,
  uploadId: string,
): Promise<{ doc: UploadDoc; image: Uint8Array } | null> {
  const doc = await readDoc(ctx.storage, KEYS.uploadRecord(subjectId, uploadId), UploadDocSchema);
  if (!doc) return null;
  const imageKey = KEYS.uploadImage(subjectId, uploadId);
  const sealed = await ctx.storage.get(imageKey);
  if (!sealed) return null;
  return { doc, image: decrypt(ctx.keys.data, sealed, imageKey) };
}

/** Every upload record of a subject, oldest first. */
export async function listUploads(ctx: Context, subjectId: string): Promise<UploadDoc[]> {
  const docs: UploadDoc[] = [];
  for (const item of await ctx.storage.list(KEYS.uploads(subjectId))) {
    if (!item.key.endsWith('.json')) continue;
    const doc = await readDoc(ctx.storage, item.key, UploadDocSchema);
    if (doc) docs.push(doc);
  }
  return docs.sort((a, b) => a.storedAt.localeCompare(b.storedAt));
}
