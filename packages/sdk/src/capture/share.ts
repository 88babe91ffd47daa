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

/** What {@link shareCapture} needs; each part is injected so tests can fake it. */
export interface ShareDeps<T> {
  readonly consent: Pick<ConsentView, 'record' | 'allows'>;
  /**
   * Asks the shopper for the `upload` purpose (the consent prompt, upload only) and resolves
   * once they answered; `consent` must reflect the answer by then.
   */
  readonly askUploadConsent: () => Promise<void>;
  /** Hands the photo to the upload client (e.g. `client.upload(blob, meta).start()`). */
  readonly upload: (blob: Blob) => Promise<T>;
  readonly now?: () => Date;
}

/** How a Share ended: uploaded, not allowed at all, or the shopper said no to upload. */
export type ShareOutcome<T> =
  | { readonly status: 'uploaded'; readonly result: T }
  | { readonly status: 'refused' }
  | { readonly status: 'declined' };

/**
 * Share, end to end: uploads only while `upload` consent is in force, asking for it first when
 * the session lacks it and checking again after the answer. The photo is never handed to
 * `upload` otherwise; the caller keeps it on `refused`/`declined` so nothing is lost.
 */
export async function shareCapture<T>(blob: Blob, deps: ShareDeps<T>): Promise<ShareOutcome<T>> {
  const now = deps.now ?? (() => new Date());
  let decision = shareDecision(deps.consent, now());
  if (decision === 'ask-upload-consent') {
    await deps.askUploadConsent();
    decision = shareDecision(deps.consent, now());
    if (decision === 'ask-upload-consent') return { status: 'declined' };
  }
  if (decision !== 'upload') return { status: 'refused' };
  return { status: 'uploaded', result: await deps.upload(blob) };
}
