import type { ConsentReceipt } from '@fittingroom/protocol';
import { isExpired } from './retention.js';

/** What the server accepts of a receipt's times (from the config). */
export interface ReceiptLimits {
  /** Longest consent lifetime any policy may grant (`expiresAt - consentTimestamp`). */
  readonly maxLifetimeMs: number;
  /** Tolerated difference between the shopper's clock and the server's. */
  readonly clockSkewMs: number;
}

/**
 * Why the server refuses a receipt's times, or null when they hold: given no later than `now`
 * (give or take the skew), expiring after `now` and no later than the longest consent lifetime
 * after it was given — a receipt "valid until 9999" or "given tomorrow" is refused. Pure.
 */
export function refuseReceiptTimes(
  receipt: ConsentReceipt,
  now: Date,
  limits: ReceiptLimits,
): string | null {
  const givenAt = receipt.consentTimestamp * 1000;
  const expiresAt = Date.parse(receipt.expiresAt);
  if (givenAt > now.getTime() + limits.clockSkewMs) {
    return 'The consent receipt was given in the future (consentTimestamp is ahead of the server clock).';
  }
  if (isExpired(receipt.expiresAt, now)) return 'The consent receipt has already expired.';
  if (expiresAt < givenAt) return 'The consent receipt expires before it was given.';
  if (expiresAt > givenAt + limits.maxLifetimeMs + limits.clockSkewMs) {
    const days = Math.round(limits.maxLifetimeMs / 86_400_000);
    return `The consent receipt's expiresAt is more than ${days} days after its consentTimestamp.`;
  }
  return null;
}
