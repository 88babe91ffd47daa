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
  /** Made with a test key: kept apart from live data and erased 24 hours after `createdAt`. */
  test: v.optional(v.literal(true)),
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

/** An upload record; stored sealed at the head of its upload object, with the image. */
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
  /** Fingerprint of the request (see idempotency.ts): a replay must match it, and the image. */
  fingerprint: v.string(),
  /** A test-mode upload (its subject is a test subject). */
  test: v.optional(v.literal(true)),
});

/** A stored upload record. */
export type UploadDoc = v.InferOutput<typeof UploadDocSchema>;

/** An index entry pointing at the subject that owns a token or receipt. */
export const IndexDocSchema = v.object({ subjectId: id });

/** Parsed records, by key, with the text they came from (see {@link readDoc}). */
const parsed = new Map<string, { text: string; schema: v.GenericSchema; output: unknown }>();
const PARSED_MAX = 2000;

/** Freezes a parsed record all the way down: it is shared by every reader of the same text. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Reads and validates a JSON record; null when absent. A corrupt record is an error, not null.
 * The result is reused (frozen) while the stored text is unchanged: parsing and validating the
 * subject and consent records again on every upload showed in the profile. Keyed by the text
 * itself, so it is never stale, whatever the storage.
 */
export async function readDoc<S extends v.GenericSchema>(
  storage: Storage,
  key: string,
  schema: S,
): Promise<v.InferOutput<S> | null> {
  const bytes = await storage.get(key);
  if (bytes === null) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const memo = parsed.get(key);
  if (memo && memo.schema === schema && memo.text === text) {
    return memo.output as v.InferOutput<S>;
  }
  const result = v.safeParse(schema, JSON.parse(text));
  if (!result.success) throw new Error(`corrupt record at ${key}`);
  const output: v.InferOutput<S> = deepFreeze(result.output);
  parsed.delete(key);
  parsed.set(key, { text, schema, output });
  if (parsed.size > PARSED_MAX) {
    const oldest = parsed.keys().next();
    if (!oldest.done) parsed.delete(oldest.value);
  }
  return output;
}

/** Writes a JSON record atomically. */
export async function writeDoc(storage: Storage, key: string, doc: unknown): Promise<void> {
  await storage.put(key, Buffer.from(JSON.stringify(doc), 'utf8'));
}
