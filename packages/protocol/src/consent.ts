import * as v from 'valibot';

/** Purposes a shopper is asked about one by one. `product-improvement` exists only if declared. */
export const PURPOSES = ['camera', 'upload', 'product-improvement'] as const;

/** One purpose of processing, asked for on its own. */
export type Purpose = (typeof PURPOSES)[number];

/** Validates a purpose name. */
export const PurposeSchema = v.picklist(PURPOSES);

const isoDate = v.pipe(v.string(), v.isoTimestamp());
const id = v.pipe(v.string(), v.uuid());

/**
 * A Kantara Consent Receipt 1.1 (`KI-CR-v1.1.0`) with Fitting Room's extension fields
 * (`policyVersion`, `noticeHash`, `expiresAt`). Both the shopper and the retailer keep a copy.
 */
export const ConsentReceiptSchema = v.object({
  version: v.literal('KI-CR-v1.1.0'),
  jurisdiction: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  consentTimestamp: v.pipe(v.number(), v.integer(), v.minValue(0)),
  collectionMethod: v.pipe(v.string(), v.maxLength(200)),
  consentReceiptID: id,
  language: v.pipe(v.string(), v.minLength(2), v.maxLength(35)),
  piiPrincipalId: v.pipe(v.string(), v.maxLength(200)),
  piiControllers: v.pipe(
    v.array(
      v.object({
        piiController: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
        contact: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
        address: v.optional(v.pipe(v.string(), v.maxLength(500))),
        email: v.optional(v.pipe(v.string(), v.maxLength(200))),
        url: v.optional(v.pipe(v.string(), v.maxLength(2000))),
      }),
    ),
    v.minLength(1),
  ),
  policyUrl: v.pipe(v.string(), v.url(), v.maxLength(2000)),
  services: v.array(
    v.object({
      service: v.pipe(v.string(), v.maxLength(200)),
      purposes: v.array(
        v.object({
          purpose: PurposeSchema,
          purposeCategory: v.array(v.pipe(v.string(), v.maxLength(200))),
          consentType: v.literal('EXPLICIT'),
          piiCategory: v.array(v.pipe(v.string(), v.maxLength(200))),
          primaryPurpose: v.boolean(),
          termination: v.pipe(v.string(), v.maxLength(500)),
          thirdPartyDisclosure: v.literal(false),
        }),
      ),
    }),
  ),
  sensitive: v.literal(true),
  spiCat: v.array(v.pipe(v.string(), v.maxLength(100))),
  policyVersion: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  noticeHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  expiresAt: isoDate,
});

/** A consent receipt as it travels and is stored. */
export type ConsentReceipt = v.InferOutput<typeof ConsentReceiptSchema>;

/** Body of `POST /v1/consents`: keep a receipt the upload relies on, or record its withdrawal. */
export const ConsentSubmissionSchema = v.variant('kind', [
  v.object({ kind: v.literal('grant'), receipt: ConsentReceiptSchema }),
  v.object({ kind: v.literal('withdraw'), receiptId: id, withdrawnAt: isoDate }),
]);

/** What `POST /v1/consents` accepts. */
export type ConsentSubmission = v.InferOutput<typeof ConsentSubmissionSchema>;

/**
 * Answer to `POST /v1/consents`. `subjectToken` is present only when the server minted a new
 * pseudonymous subject: it is shown once and the server keeps only its hash.
 */
export const ConsentAckSchema = v.object({
  receiptId: id,
  subjectId: id,
  subjectToken: v.optional(v.string()),
  status: v.picklist(['active', 'withdrawn']),
  /** True when a test key made it: test data is kept apart and erased after 24 hours. */
  test: v.optional(v.literal(true)),
});

/** What `POST /v1/consents` returns. */
export type ConsentAck = v.InferOutput<typeof ConsentAckSchema>;
