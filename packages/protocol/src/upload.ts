import * as v from 'valibot';
import { ConsentReceiptSchema } from './consent.js';
import { PRODUCT_ID_PATTERN } from './rules.js';

const isoDate = v.pipe(v.string(), v.isoTimestamp());
const id = v.pipe(v.string(), v.uuid());

/** Image types the ingest server accepts (checked by magic bytes, not by the declared type). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** An accepted image MIME type. */
export type ImageType = (typeof IMAGE_TYPES)[number];

/** The JSON `metadata` part of `POST /v1/uploads` (multipart; the image is the `image` part). */
export const UploadMetadataSchema = v.object({
  consentReceiptId: id,
  policyVersion: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  productId: v.pipe(v.string(), v.regex(PRODUCT_ID_PATTERN)),
  capturedAt: isoDate,
});

/** Metadata sent with an upload. */
export type UploadMetadata = v.InferOutput<typeof UploadMetadataSchema>;

/** `201` answer to `POST /v1/uploads`; a replayed `Idempotency-Key` returns the first one. */
export const UploadResultSchema = v.object({
  uploadId: id,
  subjectId: id,
  subjectToken: v.string(),
  expiresAt: isoDate,
  /** True when a test key made it (test data is erased after 24 hours). */
  test: v.optional(v.literal(true)),
});

/** What a successful upload returns. */
export type UploadResult = v.InferOutput<typeof UploadResultSchema>;

/** One stored image as listed by the export. */
export const ExportedUploadSchema = v.object({
  uploadId: id,
  productId: v.string(),
  contentType: v.picklist(IMAGE_TYPES),
  bytes: v.pipe(v.number(), v.integer()),
  capturedAt: isoDate,
  storedAt: isoDate,
  expiresAt: isoDate,
  /** Path (relative to the server origin) that returns the image with the subject token. */
  imageUrl: v.string(),
});

/** An upload as exported. */
export type ExportedUpload = v.InferOutput<typeof ExportedUploadSchema>;

/** `GET /v1/subjects/me/export`: every consent record and upload of the subject. */
export const SubjectExportSchema = v.object({
  subjectId: id,
  exportedAt: isoDate,
  consents: v.array(
    v.object({
      receipt: ConsentReceiptSchema,
      status: v.picklist(['active', 'withdrawn']),
      receivedAt: isoDate,
      withdrawnAt: v.optional(isoDate),
    }),
  ),
  uploads: v.array(ExportedUploadSchema),
  /** True for a test-mode subject (made with a test key; erased after 24 hours). */
  test: v.optional(v.literal(true)),
});

/** The shopper's "copy of my data". */
export type SubjectExport = v.InferOutput<typeof SubjectExportSchema>;
