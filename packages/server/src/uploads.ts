import type { KeyMode, UploadMetadata, UploadResult } from '@fittingroom/protocol';
import { refuseUpload } from './consent-rules.js';
import type { Context } from './context.js';
import { deriveUploadId } from './crypto.js';
import { HttpError } from './errors.js';
import { refuseIfErased } from './fence.js';
import { type ReplayDecision, replayDecision, requestFingerprint } from './idempotency.js';
import { type ImageCheck, inspectImage } from './image-sniff.js';
import { ConsentDocSchema, IndexDocSchema, readDoc, type UploadDoc } from './records/docs.js';
import { KEYS, normalizeId, parseUploadKey } from './records/keys.js';
import { readUploadObject, readUploadRecord, uploadObject } from './records/upload-object.js';
import { DAY_MS, expiryOf } from './retention.js';

/** One upload request, already authenticated and parsed. */
export interface IncomingUpload {
  readonly subjectId: string;
  readonly idempotencyKey: string;
  /** The mode of the key and subject (checked by the route): test uploads last 24 hours. */
  readonly mode?: KeyMode | undefined;
  readonly metadata: UploadMetadata;
  /** The plaintext image; may be a pooled buffer, so nothing keeps it after the call. */
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
 * Checks consent, the image and the idempotency key, then stores the upload — record and
 * encrypted image — as one object, atomically: that put is the commit point. Requests with one
 * key run one at a time (a lock on the upload id), so a second body under a key sees the first
 * and gets 409, and identical ones replay the one stored answer. The whole call is an upload in
 * flight for erasure fencing (fence.ts). Throws {@link HttpError}; on any error nothing is kept.
 */
export async function ingestUpload(ctx: Context, input: IncomingUpload): Promise<UploadOutcome> {
  const endFlight = await ctx.coordination.beginFlight(input.subjectId);
  try {
    await refuseIfErased(ctx, input.subjectId);
    const receiptId =
      normalizeId(input.metadata.consentReceiptId) ?? input.metadata.consentReceiptId;
    const refusal = refuseUpload(
      await consentOf(ctx, receiptId),
      input.subjectId,
      input.metadata,
      ctx.now(),
    );
    if (refusal) throw new HttpError(403, refusal.code, refusal.message);

    const checked = inspectImage(input.image, ctx.config.maxImageDimension);
    if (!checked.ok)
      throw new HttpError(STATUS_OF_IMAGE_ERROR[checked.code], checked.code, checked.message);

    const uploadId = deriveUploadId(ctx.keys, input.subjectId, input.idempotencyKey);
    return await ctx.coordination.withLock(`upload:${uploadId}`, () =>
      commitOnce(ctx, input, { uploadId, receiptId, checked }),
    );
  } finally {
    await endFlight();
  }
}

async function consentOf(ctx: Context, receiptId: string) {
  const owner = await readDoc(ctx, KEYS.receiptIndex(receiptId), IndexDocSchema);
  return owner ? readDoc(ctx, KEYS.consent(owner.subjectId, receiptId), ConsentDocSchema) : null;
}

/** The part of an upload under its key's lock: replay, conflict, or store then re-check. */
async function commitOnce(
  ctx: Context,
  input: IncomingUpload,
  found: { uploadId: string; receiptId: string; checked: Extract<ImageCheck, { ok: true }> },
): Promise<UploadOutcome> {
  const { storage, config } = ctx;
  const { subjectId, metadata, image } = input;
  const { uploadId, receiptId, checked } = found;
  const now = ctx.now();
  const key = KEYS.upload(subjectId, uploadId);
  const fingerprint = requestFingerprint(metadata, image.byteLength);
  const test = input.mode === 'test';
  const expiresAt = test
    ? new Date(Math.min(now.getTime() + DAY_MS, expiryOf(now, config.retentionDays).getTime()))
    : expiryOf(now, config.retentionDays);
  const existing = await readUploadRecord(storage, ctx.ring.lookup, key);
  let decision = replayDecision(existing?.fingerprint ?? null, fingerprint);
  if (decision === 'replay') decision = await compareImage(ctx, key, image);
  if (existing && decision === 'replay') return { replayed: true, result: resultOf(existing) };
  if (decision === 'conflict') {
    throw new HttpError(
      409,
      'idempotency_conflict',
      'This Idempotency-Key was used with a different request.',
    );
  }

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
    expiresAt: expiresAt.toISOString(),
    fingerprint,
    ...(test ? { test: true } : {}),
  };
  await storage.put(key, uploadObject(ctx.keys, key, doc, image, ctx.random));
  // The commit point is passed: an erasure or withdrawal that began meanwhile wins, and this
  // upload removes what it just wrote before answering.
  try {
    await refuseIfErased(ctx, subjectId);
    const consent = await consentOf(ctx, receiptId);
    if (consent?.status !== 'active') {
      throw new HttpError(
        403,
        'consent_withdrawn',
        'This consent was withdrawn; uploads are refused.',
      );
    }
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
  return { replayed: false, result: resultOf(doc) };
}

/** A retry with a matching fingerprint is a replay only if its image is the stored one, exactly. */
async function compareImage(ctx: Context, key: string, image: Uint8Array): Promise<ReplayDecision> {
  const stored = await readUploadObject(ctx.storage, ctx.ring.lookup, key);
  if (!stored) return 'new'; // deleted since its record was read
  return Buffer.from(image.buffer, image.byteOffset, image.byteLength).equals(stored.image)
    ? 'replay'
    : 'conflict';
}

function resultOf(doc: UploadDoc): Omit<UploadResult, 'subjectToken'> {
  const result = { uploadId: doc.uploadId, subjectId: doc.subjectId, expiresAt: doc.expiresAt };
  return doc.test ? { ...result, test: true } : result;
}

/**
 * Removes an upload of `subjectId`; true when there was one. Another subject's upload id is
 * looked up under this subject's folder only, so it is simply not there.
 */
export async function removeUpload(
  ctx: Context,
  subjectId: string,
  uploadId: string,
): Promise<boolean> {
  const key = KEYS.upload(subjectId, uploadId);
  // Under the upload's lock, so a re-seal of it in the same instant cannot bring it back.
  return ctx.coordination.withLock(`upload:${uploadId}`, async () => {
    const found = (await ctx.storage.getHead(key, 1)) !== null;
    if (found) await ctx.storage.delete(key);
    return found;
  });
}

/** The decrypted image and its record, or null when the subject has no such upload. */
export function readUploadImage(
  ctx: Context,
  subjectId: string,
  uploadId: string,
): Promise<{ doc: UploadDoc; image: Uint8Array } | null> {
  return readUploadObject(ctx.storage, ctx.ring.lookup, KEYS.upload(subjectId, uploadId));
}

/** Every upload record of a subject, oldest first, read without the images. */
export async function listUploads(ctx: Context, subjectId: string): Promise<UploadDoc[]> {
  const docs: UploadDoc[] = [];
  for (const item of await ctx.storage.list(KEYS.uploads(subjectId))) {
    if (!parseUploadKey(item.key)) continue;
    const doc = await readUploadRecord(ctx.storage, ctx.ring.lookup, item.key);
    if (doc) docs.push(doc);
  }
  return docs.sort((a, b) => a.storedAt.localeCompare(b.storedAt));
}
