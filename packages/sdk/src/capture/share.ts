import type { ConsentView } from '../consent/types.js';

/** What pressing Share leads to. */
export type ShareDecision = 'upload' | 'ask-upload-consent' | 'refused';

/**
 * Decides what Share does at `now`:
 * - `upload` when the latest record allows the `upload` purpose;
 * - `ask-upload-consent` when the shopper is in a valid camera session but has not granted
 *   upload (never asked, or declined earlier: pressing Share is a new, shopper-initiated
 *   request, so asking once more then is fair);
 * - `refused` otherwise: no record, a refusal or withdrawal, or an expired grant. A photo can
 *   only exist inside a camera session, so without one nothing may leave the device.
 */
export function shareDecision(
  consent: Pick<ConsentView, 'record' | 'allows'>,
  now: Date,
): ShareDecision {
  if (consent.allows('upload', now)) return 'upload';
  if (consent.record?.action !== 'grant' || !consent.allows('camera', now)) return 'refused';
  return 'ask-upload-consent';
}
