import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { viewOf } from './bytes.js';

/** Keys derived from the one master key (`FR_ENCRYPTION_KEY`), one per job. */
export interface ServerKeys {
  /** AES-256-GCM key for images at rest. */
  readonly data: Uint8Array;
  /** HMAC key for subject-token hashes (the server keeps only these). */
  readonly token: Uint8Array;
  /** HMAC key for IP hashes in the audit log and rate limiter. */
  readonly ip: Uint8Array;
  /** HMAC key that turns (subject, idempotency key) into an upload id. */
  readonly id: Uint8Array;
  /** HMAC key that chains and authenticates audit lines (audit-chain.ts). */
  readonly audit: Uint8Array;
  /** 8 bytes naming the master key (not secret): written into every object sealed with it. */
  readonly keyId: Uint8Array;
}

/** Bytes `FRE1` that started encrypted objects before key ids: `FRE1` | IV | ciphertext | tag. */
const MAGIC = Buffer.from('FRE1', 'ascii');
/** Bytes `FRE2` that start every encrypted object now: `FRE2` | key id (8) | IV | ciphertext | tag. */
const MAGIC_WITH_ID = Buffer.from('FRE2', 'ascii');
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function derive(master: Uint8Array, label: string): Uint8Array {
  return new Uint8Array(
    hkdfSync('sha256', master, new Uint8Array(), `fittingroom/${label}/v1`, 32),
  );
}

/** Derives the per-purpose keys from the 32-byte master key (HKDF-SHA256). */
export function deriveKeys(master: Uint8Array): ServerKeys {
  if (master.byteLength !== 32) throw new Error('master key must be 32 bytes');
  return {
    data: derive(master, 'data'),
    token: derive(master, 'token'),
    ip: derive(master, 'ip'),
    id: derive(master, 'upload-id'),
    audit: derive(master, 'audit'),
    keyId: derive(master, 'key-id').subarray(0, KEY_ID_BYTES),
  };
}

/** Length of the shortest framing around a ciphertext (`FRE1`, IV and tag). */
export const SEAL_OVERHEAD = MAGIC.length + IV_BYTES + TAG_BYTES;

/**
 * The data keys that may open an object: the one its key id names, or every key for an object
 * sealed before key ids (`null`). An empty answer means the key is not configured.
 */
export type KeyLookup = (keyId: string | null) => readonly Uint8Array[];

/** An object sealed under a master key this server does not have (`FR_ENCRYPTION_KEYS`). */
export class UnknownKeyError extends Error {
  override readonly name = 'UnknownKeyError';
  constructor(readonly keyId: string) {
    super(`sealed under key ${keyId}, which is not configured`);
  }
}

/** The key id (hex) a sealed object names, or null for one sealed before key ids. */
export function keyIdOf(sealed: Uint8Array): string | null {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < MAGIC_WITH_ID.length + KEY_ID_BYTES) return null;
  if (!buf.subarray(0, MAGIC_WITH_ID.length).equals(MAGIC_WITH_ID)) return null;
  return buf.subarray(MAGIC_WITH_ID.length, MAGIC_WITH_ID.length + KEY_ID_BYTES).toString('hex');
}

/**
 * Plaintext is encrypted this much at a time. One output buffer the size of a 200 KB image is a
 * fresh allocation whose pages fault in (about 50 per upload, measured); slices of this size
 * come from memory the allocator already has, which made encryption several times cheaper.
 */
const SLICE_BYTES = 64 * 1024;

/**
 * {@link encrypt} as the pieces of its layout — head (`FRE2` | key id | IV, or `FRE1` | IV without
 * a key id), ciphertext slices, tag — so a caller can write them with one `writev` instead of
 * joining a 200 KB image into one buffer.
 */
export function seal(
  key: Uint8Array,
  plaintext: Uint8Array,
  aad: string,
  iv: Uint8Array = randomBytes(IV_BYTES),
  keyId?: Uint8Array,
): Uint8Array[] {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const idBytes = keyId ? KEY_ID_BYTES : 0;
  const head = Buffer.allocUnsafe(MAGIC.length + idBytes + IV_BYTES);
  (keyId ? MAGIC_WITH_ID : MAGIC).copy(head, 0);
  if (keyId) head.set(keyId.subarray(0, KEY_ID_BYTES), MAGIC.length);
  head.set(iv, MAGIC.length + idBytes);
  const pieces: Uint8Array[] = [head];
  for (let at = 0; at < plaintext.byteLength; at += SLICE_BYTES) {
    pieces.push(cipher.update(plaintext.subarray(at, at + SLICE_BYTES)));
  }
  const rest = cipher.final(); // empty for GCM
  if (rest.length > 0) pieces.push(rest);
  pieces.push(cipher.getAuthTag());
  return pieces;
}

/**
 * Encrypts with AES-256-GCM and a fresh random 12-byte IV. `aad` (the storage key) is
 * authenticated, so an object moved to another key fails to decrypt.
 * Layout: `FRE1` | IV (12) | ciphertext | tag (16).
 */
export function encrypt(
  key: Uint8Array,
  plaintext: Uint8Array,
  aad: string,
  iv: Uint8Array = randomBytes(IV_BYTES),
): Uint8Array {
  return viewOf(Buffer.concat(seal(key, plaintext, aad, iv)));
}

/**
 * Reverses {@link encrypt}/{@link seal}; throws when the bytes, key or `aad` do not match, and
 * {@link UnknownKeyError} when the object names a key `key` does not know.
 */
export function decrypt(key: Uint8Array | KeyLookup, sealed: Uint8Array, aad: string): Uint8Array {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const keyId = keyIdOf(sealed);
  const start = keyId === null ? MAGIC.length : MAGIC.length + KEY_ID_BYTES;
  if (keyId === null && (buf.length < SEAL_OVERHEAD || !buf.subarray(0, 4).equals(MAGIC))) {
    throw new Error('not an encrypted object');
  }
  if (buf.length < start + IV_BYTES + TAG_BYTES) throw new Error('not an encrypted object');
  const candidates = typeof key === 'function' ? key(keyId) : [key];
  if (candidates.length === 0) throw new UnknownKeyError(keyId ?? 'FRE1');
  let failure: unknown;
  for (const candidate of candidates) {
    try {
      return open(candidate, buf, start, aad);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function open(key: Uint8Array, buf: Buffer, start: number, aad: string): Uint8Array {
  const iv = buf.subarray(start, start + IV_BYTES);
  const tag = buf.subarray(buf.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  const body = decipher.update(buf.subarray(start + IV_BYTES, buf.length - TAG_BYTES));
  const rest = decipher.final(); // throws on a wrong key, tag or aad; empty for GCM
  return viewOf(rest.length === 0 ? body : Buffer.concat([body, rest]));
}

/** A new subject token: 32 random bytes, base64url (43 characters). Shown once, never stored. */
export function newSubjectToken(random: (size: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(32)).toString('base64url');
}

/** True when `token` has the shape of a subject token (so junk never reaches storage lookups). */
export function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Keyed hash of a subject token, hex: the only form of it the server keeps. */
export function hashToken(keys: ServerKeys, token: string): string {
  return createHmac('sha256', keys.token).update(token, 'utf8').digest('hex');
}

/** Keyed, truncated hash of an IP address for logs: linkable within this server, not reversible. */
export function hashIp(keys: ServerKeys, ip: string): string {
  return createHmac('sha256', keys.ip).update(ip, 'utf8').digest('hex').slice(0, 32);
}

/**
 * The upload id for (subject, idempotency key): deterministic, so a retry after a crash writes
 * to the same place instead of leaving an orphan. Formatted as an RFC 9562 version-8 UUID.
 */
export function deriveUploadId(
  keys: ServerKeys,
  subjectId: string,
  idempotencyKey: string,
): string {
  const bytes = createHmac('sha256', keys.id).update(`${subjectId}\n${idempotencyKey}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** SHA-256 of `data`, hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
