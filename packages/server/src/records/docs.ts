import { ConsentReceiptSchema, IMAGE_TYPES } from '@fittingroom/protocol';
import * as v from 'valibot';
import { decrypt, seal } from '../crypto.js';
import type { KeyRing } from '../keyring.js';
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

/**
 * Where records are read and written: storage, the keys that seal them and IV randomness
 * (the server's context fits). Subject and consent records are sealed at rest like an image (crypto.ts's `FRE2`
 * layout, naming its key, with its storage key as associated data so a record moved elsewhere
 * fails to open): a consent receipt says what a person agreed to and when, a subject record
 * when they first came. Plaintext JSON written before records were sealed still reads, and the
 * re-seal command (reseal.ts) seals it.
 */
export interface RecordStore {
  readonly storage: Storage;
  readonly ring: KeyRing;
  readonly random: (size: number) => Uint8Array;
}

/** Associated data of the record under `key`. */
const recordAad = (key: string) => `${key}#doc`;

/** True when `bytes` are a sealed record (`FRE1`/`FRE2`), false for plaintext JSON. */
export function isSealedRecord(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && bytes[0] === 0x46 && bytes[1] === 0x52 && bytes[2] === 0x45;
}

/** The JSON text of the record bytes stored under `key`: opened when sealed, as is when not. */
export function openRecord(store: RecordStore, key: string, bytes: Uint8Array): string {
  const plain = isSealedRecord(bytes) ? decrypt(store.ring.lookup, bytes, recordAad(key)) : bytes;
  return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength).toString('utf8');
}

/** The stored bytes of `doc` under `key`: its JSON sealed under the current key. */
export function sealRecord(store: RecordStore, key: string, doc: unknown): Uint8Array[] {
  const { current } = store.ring;
  const json = Buffer.from(JSON.stringify(doc), 'utf8');
  return seal(current.data, json, recordAad(key), store.random(12), current.keyId);
}

/** Parsed records, by key, with the stored bytes they came from (see {@link readDoc}). */
const parsed = new Map<
  string,
  { raw: Buffer; ring: KeyRing; schema: v.GenericSchema; output: unknown }
>();
const PARSED_MAX = 2000;

/** Freezes a parsed record all the way down: it is shared by every reader of the same bytes. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Reads, opens and validates a record; null when absent. A corrupt record (or one no configured
 * key opens) is an error, not null. The result is reused (frozen) while the stored bytes are
 * unchanged: opening, parsing and validating the subject and consent records again on every
 * upload showed in the profile. Keyed by the bytes themselves (and the keys that opened them),
 * so it is never stale.
 */
export async function readDoc<S extends v.GenericSchema>(
  store: RecordStore,
  key: string,
  schema: S,
): Promise<v.InferOutput<S> | null> {
  const bytes = await store.storage.get(key);
  if (bytes === null) return null;
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const memo = parsed.get(key);
  if (memo && memo.schema === schema && memo.ring === store.ring && memo.raw.equals(raw)) {
    return memo.output as v.InferOutput<S>;
  }
  const result = v.safeParse(schema, JSON.parse(openRecord(store, key, bytes)));
  if (!result.success) throw new Error(`corrupt record at ${key}`);
  const output: v.InferOutput<S> = deepFreeze(result.output);
  parsed.delete(key);
  parsed.set(key, { raw: Buffer.from(raw), ring: store.ring, schema, output });
  if (parsed.size > PARSED_MAX) {
    const oldest = parsed.keys().next();
    if (!oldest.done) parsed.delete(oldest.value);
  }
  return output;
}

/**
 * Writes an index entry (token hash or receipt id → subject) as plain JSON, atomically: it holds
 * only a pseudonymous id, and staying readable under any key lets an erasure or a sweep find it.
 */
export async function writeIndex(storage: Storage, key: string, subjectId: string): Promise<void> {
  await storage.put(key, Buffer.from(JSON.stringify({ subjectId }), 'utf8'));
}

/** Writes a record sealed under the current key, atomically. */
export async function writeDoc(store: RecordStore, key: string, doc: unknown): Promise<void> {
  await store.storage.put(key, sealRecord(store, key, doc));
}
