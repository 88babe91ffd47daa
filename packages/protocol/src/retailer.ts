import * as v from 'valibot';

const isoDate = v.pipe(v.string(), v.isoTimestamp());
const id = v.pipe(v.string(), v.uuid());

/** The mode of a key and of the data made with it: test data is kept apart and erased in 24 h. */
export const KEY_MODES = ['live', 'test'] as const;

/** `live` or `test`. */
export type KeyMode = (typeof KEY_MODES)[number];

/**
 * `GET /v1/key`: the mode the server configured the publishable key with. The server decides
 * (`FR_LIVE_KEYS` / `FR_TEST_KEYS`), not the key's name; `test` is present (true) only in test mode.
 */
export const KeyInfoSchema = v.object({
  mode: v.picklist(KEY_MODES),
  test: v.optional(v.literal(true)),
});

/**
 * How every test-mode publishable key begins (the server refuses a test key named otherwise), so
 * a client need not ask `GET /v1/key` about any other key: it can only be live.
 */
export const TEST_PUBLISHABLE_PREFIX = 'pk_test_';

/** What `GET /v1/key` answers. */
export type KeyInfo = v.InferOutput<typeof KeyInfoSchema>;

/** Status of a shared upload as the retailer sees it: the status of the consent it cites. */
export const UPLOAD_STATUSES = ['active', 'withdrawn'] as const;

/** One shared upload, as the retailer API lists it (no image bytes). */
export const RetailerUploadSchema = v.object({
  uploadId: id,
  subjectId: id,
  consentReceiptId: id,
  productId: v.string(),
  contentType: v.picklist(['image/jpeg', 'image/png', 'image/webp']),
  bytes: v.pipe(v.number(), v.integer()),
  width: v.pipe(v.number(), v.integer()),
  height: v.pipe(v.number(), v.integer()),
  capturedAt: isoDate,
  storedAt: isoDate,
  expiresAt: isoDate,
  status: v.picklist(UPLOAD_STATUSES),
  /** Present (true) only on test-mode data. */
  test: v.optional(v.literal(true)),
});

/** A shared upload as listed to the retailer. */
export type RetailerUpload = v.InferOutput<typeof RetailerUploadSchema>;

/** `GET /v1/retailer/uploads`: newest first; pass `nextCursor` back as `cursor` for more. */
export const RetailerUploadPageSchema = v.object({
  uploads: v.array(RetailerUploadSchema),
  nextCursor: v.optional(v.string()),
});

/** One page of shared uploads. */
export type RetailerUploadPage = v.InferOutput<typeof RetailerUploadPageSchema>;

/** `GET /v1/retailer/subjects/by-receipt/{receiptId}`: what is kept of one subject. */
export const RetailerSubjectSchema = v.object({
  subjectId: id,
  createdAt: isoDate,
  test: v.optional(v.literal(true)),
  consents: v.array(
    v.object({
      receiptId: id,
      policyVersion: v.string(),
      status: v.picklist(UPLOAD_STATUSES),
      receivedAt: isoDate,
      withdrawnAt: v.optional(isoDate),
      expiresAt: isoDate,
    }),
  ),
  uploads: v.array(RetailerUploadSchema),
});

/** A subject as the retailer may look it up (an e-mailed request cites a receipt id). */
export type RetailerSubject = v.InferOutput<typeof RetailerSubjectSchema>;

/**
 * What an erasure removed, and so what the retailer must delete from its own systems too: the
 * same ids arrive in the `subject.erased` webhook.
 */
export const ErasureSchema = v.object({
  subjectId: id,
  uploadIds: v.array(id),
  receiptIds: v.array(id),
  test: v.optional(v.literal(true)),
});

/** The ids an erasure removed. */
export type Erasure = v.InferOutput<typeof ErasureSchema>;
