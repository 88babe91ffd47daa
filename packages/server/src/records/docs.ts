import { ConsentReceiptSchema, IMAGE_TYPES } from '@fittingroom/protocol';
import * as v from 'valibot';
import type { Storage } from '../storage/types.js';

const iso = v.pipe(v.string(), v.isoTimestamp());
const id = v.pipe(v.string(), v.uuid());

/** A subject: pseudonymous id and the keyed hash of its token (never the token). */
export const SubjectDocSchema = v.object({
  subjectId: id,
  tokenHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  createdAt: iso,
});

/** A stored subject record. */
export type SubjectDoc = v.InferOutput<typeof SubjectDocSchema>;

/** A consent receipt as kept, with its status. */
export const ConsentDocSchema = v.object({
  subjectId: id,
  receipt: ConsentReceiptSchema,
  status: v.picklist(['active', 'withdrawn']),
  receivedAt: iso,
  withdrawnAt: v.optional(iso),
});

/** A stored consent record. */
export type ConsentDoc = v.InferOutput<typeof ConsentDocSchema>;

/** An upload record; written only after its image is safely stored. */
export const UploadDocSchema = v.object({
  uploadId: id,
  subjectId: id,
  consentReceiptId: id,
  productId: v.string(),
  contentType: v.picklist(IMAGE_TYPES),
  bytes: v.pipe(v.number(), v.integer()),
  width: v.pipe(v.number(), v.integer()),
  height: v.pipe(v.number(), v.integer()),
  capturedAt: iso,
  storedAt: iso,
  expiresAt: iso,
  /** Fingerprint of the request (see idempotency.ts): a replay must match it. */
  fingerprint: v.string(),
});

/** A stored upload record. */
export type UploadDoc = v.InferOutput<typeof UploadDocSchema>;

/** An index entry pointing at the subject that owns a token, receipt or upload. */
export const IndexDocSchema = v.object({ subjectId: id });

/** Reads and validates a JSON record; null when absent. A corrupt record is an error, not null. */
export async function readDoc<S extends v.GenericSchema>(
  storage: Storage,
  key: string,
  schema: S,
): Promise<v.InferOutput<S> | null> {
  const bytes = await storage.get(key);
  if (bytes === null) return null;
  const parsed = v.safeParse(schema, JSON.parse(Buffer.from(bytes).toString('utf8')));
  if (!parsed.success) throw new Error(`corrupt record at ${key}`);
  return parsed.output;
}

/** Writes a JSON record atomically. */
export async function writeDoc(storage: Storage, key: string, doc: unknown): Promise<void> {
  await storage.put(key, Buffer.from(JSON.stringify(doc), 'utf8'));
}
