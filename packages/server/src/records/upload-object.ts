// One upload is one object, `uploads/<subject>/<upload>.upload`, so its single atomic put is the
// commit point: a reader sees the whole upload or none of it, and a crash can leave no image
// without its record (or the reverse). Layout:
//
//   "FRU1" | record length (u32 BE) | sealed record | sealed image
//
// Each sealed part is crypto.ts's `FRE2` | key id | IV | ciphertext | GCM tag under the data key
// of the master key it names (`FRE1` parts, from before key ids, have no id), with the object's
// key and the part's name as associated data. The record is encrypted, not only
// authenticated: it says which product a person tried on and when, which is theirs as much as
// the photo is, and sealing a few hundred bytes costs next to nothing. Authentication alone
// would stop tampering (a forged expiry) but still leave that readable on disk or in a bucket.
// The record comes first and carries its length, so listings read only the head of each object.
import * as v from 'valibot';
import {
  decrypt,
  type KeyLookup,
  keyIdOf,
  SEAL_OVERHEAD,
  type ServerKeys,
  seal,
  UnknownKeyError,
} from '../crypto.js';
import type { Storage } from '../storage/types.js';
import { type UploadDoc, UploadDocSchema } from './docs.js';

const MAGIC = Buffer.from('FRU1', 'ascii');
const PREFIX_BYTES = MAGIC.length + 4;
/** A record seals to well under this, so one read of it usually takes the whole record. */
const HEAD_READ_BYTES = 2048;
/** Anything claiming a longer record is corrupt (records are a few hundred bytes). */
const MAX_RECORD_BYTES = 64 * 1024;

const recordAad = (key: string) => `${key}#record`;
const imageAad = (key: string) => `${key}#image`;

function corrupt(key: string, cause?: unknown): Error {
  return new Error(`corrupt upload object at ${key}`, cause === undefined ? {} : { cause });
}

/**
 * The pieces of the object for `doc` and its image, to be stored under `key` as they are (one
 * `writev`, no joined copy of the image). `random` gives the two 12-byte IVs.
 */
export function uploadObject(
  keys: ServerKeys,
  key: string,
  doc: UploadDoc,
  image: Uint8Array,
  random: (size: number) => Uint8Array,
): Uint8Array[] {
  const record = Buffer.concat(
    seal(
      keys.data,
      Buffer.from(JSON.stringify(doc), 'utf8'),
      recordAad(key),
      random(12),
      keys.keyId,
    ),
  );
  const prefix = Buffer.allocUnsafe(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32BE(record.length, MAGIC.length);
  return [prefix, record, ...seal(keys.data, image, imageAad(key), random(12), keys.keyId)];
}

/** The key id (hex) the record part of an upload object names; null before key ids. */
export function uploadKeyId(bytes: Uint8Array): string | null {
  return keyIdOf(bytes.subarray(PREFIX_BYTES));
}

/** Where the sealed record ends, from the object's first bytes; throws if they are not ours. */
function recordEnd(key: string, bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < PREFIX_BYTES || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw corrupt(key);
  const length = buf.readUInt32BE(MAGIC.length);
  if (length < SEAL_OVERHEAD || length > MAX_RECORD_BYTES) throw corrupt(key);
  return PREFIX_BYTES + length;
}

function openRecord(dataKey: KeyLookup, key: string, bytes: Uint8Array, end: number): UploadDoc {
  let json: unknown;
  try {
    const plain = decrypt(dataKey, bytes.subarray(PREFIX_BYTES, end), recordAad(key));
    json = JSON.parse(Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength).toString());
  } catch (error) {
    if (error instanceof UnknownKeyError) throw error;
    throw corrupt(key, error);
  }
  const parsed = v.safeParse(UploadDocSchema, json);
  if (!parsed.success) throw corrupt(key);
  return parsed.output;
}

/**
 * The record of the upload stored under `key`, reading only the head of the object (no image);
 * null when there is none. A corrupt or foreign object is an error, not null.
 */
export async function readUploadRecord(
  storage: Storage,
  dataKey: KeyLookup,
  key: string,
): Promise<UploadDoc | null> {
  let head = await storage.getHead(key, HEAD_READ_BYTES);
  if (head === null) return null;
  const end = recordEnd(key, head);
  if (end > head.byteLength) {
    head = await storage.getHead(key, end);
    if (head === null) return null; // deleted in between
    if (end > head.byteLength) throw corrupt(key);
  }
  return openRecord(dataKey, key, head, end);
}

/** The record and the decrypted image of the upload under `key`; null when there is none. */
export async function readUploadObject(
  storage: Storage,
  dataKey: KeyLookup,
  key: string,
): Promise<{ doc: UploadDoc; image: Uint8Array } | null> {
  const bytes = await storage.get(key);
  if (bytes === null) return null;
  const end = recordEnd(key, bytes);
  if (end > bytes.byteLength) throw corrupt(key);
  const doc = openRecord(dataKey, key, bytes, end);
  try {
    return { doc, image: decrypt(dataKey, bytes.subarray(end), imageAad(key)) };
  } catch (error) {
    if (error instanceof UnknownKeyError) throw error;
    throw corrupt(key, error);
  }
}
