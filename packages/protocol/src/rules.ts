/**
 * Rules the SDK, the embed and the server must apply the same way; each is written once, here.
 */

/** A retailer's product id: 1–100 letters, digits, `.`, `_` or `-` (safe in URLs and file names). */
export const PRODUCT_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * True once `now` has reached the ISO time `iso` plus `afterMs`: expiry is inclusive, and an
 * unparseable time counts as past, so a damaged record is never kept or trusted for longer.
 */
export function isAtOrPast(iso: string, now: Date, afterMs = 0): boolean {
  const at = Date.parse(iso);
  return Number.isNaN(at) || at + afterMs <= now.getTime();
}
