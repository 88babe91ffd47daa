import { type ConsentReceipt, isAtOrPast } from '@fittingroom/protocol';
import type { ConsentView } from '../consent/types.js';
import type { UploadErrorCode } from './errors.js';

/** Why an upload is refused on the device, before any request or storage write. */
export type RefusalReason = 'missing' | 'expired' | 'withdrawn' | 'not_granted';

/** Verdict of {@link checkUploadConsent}: the receipt to upload under, or why not. */
export type GateResult =
  | { readonly ok: true; readonly receipt: ConsentReceipt }
  | { readonly ok: false; readonly reason: RefusalReason };

/**
 * Decides whether `view` permits uploading at `now`. `withdrawn` holds receipt ids this client
 * has seen withdrawn, so a lagging view can never re-open a withdrawn receipt.
 * Order matters: a withdrawal or a refusal wins over expiry.
 */
export function checkUploadConsent(
  view: ConsentView,
  now: Date,
  withdrawn: ReadonlySet<string> = new Set(),
): GateResult {
  const record = view.record;
  if (record === null) return { ok: false, reason: 'missing' };
  if (record.action === 'withdraw' || withdrawn.has(record.id)) {
    return { ok: false, reason: 'withdrawn' };
  }
  if (record.action === 'refuse' || !record.purposes.includes('upload')) {
    return { ok: false, reason: 'not_granted' };
  }
  const receipt = view.receipt();
  if (receipt === null) return { ok: false, reason: 'missing' };
  if (withdrawn.has(receipt.consentReceiptID)) return { ok: false, reason: 'withdrawn' };
  if (isAtOrPast(record.expiresAt, now) || isAtOrPast(receipt.expiresAt, now)) {
    return { ok: false, reason: 'expired' };
  }
  // The consent module has the last word (e.g. policy version rules we do not know about).
  if (!view.allows('upload', now)) return { ok: false, reason: 'not_granted' };
  return { ok: true, receipt };
}

/** Maps a refusal to the stable error code reported to callers. */
export function refusalCode(reason: RefusalReason): UploadErrorCode {
  return `consent_${reason}`;
}
