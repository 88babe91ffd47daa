import type { UploadMetadata } from '@fittingroom/protocol';
import { sha256Hex } from './crypto.js';

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,200}$/;

/** The `Idempotency-Key` header if well formed (8–200 of A-Z a-z 0-9 _ -), else null. */
export function parseIdempotencyKey(header: unknown): string | null {
  return typeof header === 'string' && KEY_PATTERN.test(header) ? header : null;
}

/**
 * Fingerprint of an upload request: the metadata fields in a fixed order and the image's size.
 * Two requests with the same key are "the same" only if their fingerprints match and, checked
 * then (uploads.ts), their images are equal byte for byte. Hashing every image up front cost as
 * much CPU as encrypting it, for a comparison only retries ever need.
 */
export function requestFingerprint(metadata: UploadMetadata, imageBytes: number): string {
  return sha256Hex(
    JSON.stringify([
      metadata.consentReceiptId,
      metadata.policyVersion,
      metadata.productId,
      metadata.capturedAt,
      imageBytes,
    ]),
  );
}

/** What to do with a request given the record already stored under its key (if any). */
export type ReplayDecision = 'new' | 'replay' | 'conflict';

/** `new` when nothing is stored; `replay` for the same body; `conflict` for a different one. */
export function replayDecision(stored: string | null, fingerprint: string): ReplayDecision {
  if (stored === null) return 'new';
  return stored === fingerprint ? 'replay' : 'conflict';
}
