import { createReview } from '../capture/review.js';
import { shareDecision } from '../capture/share.js';
import type { Consent } from '../consent/api.js';
import type { Emitter } from '../emitter.js';
import type { TryOnStrings } from '../i18n/types.js';
import type { Product } from '../products/types.js';
import type { UploadClient } from '../upload/client.js';
import type { SessionEvent } from './machine.js';
import type { TryOnEvents } from './types.js';
import type { LiveView } from './view.js';

/** What the review step needs from the session. */
export interface ReviewFlowOptions {
  readonly view: LiveView;
  readonly blob: Blob;
  readonly strings: TryOnStrings;
  readonly product: Product;
  readonly consent: Consent;
  readonly canShare: boolean;
  readonly uploads: () => Promise<UploadClient | null>;
  readonly emit: Emitter<TryOnEvents>['emit'];
  /**
   * Reports to the session's state table: `upload-started`, `upload-failed`, and `resumed` (back
   * to the live view after Retake, Discard, or a finished share). False when it was ignored.
   */
  readonly send: (event: SessionEvent) => boolean;
  /** Closes the try-on (the review's Close button: out without sharing). */
  readonly close?: () => void;
}

/** Asks for `upload` consent when Share needs it; true when uploading is allowed now. */
async function uploadAllowed(consent: Consent): Promise<boolean> {
  const decision = shareDecision(consent, new Date());
  if (decision === 'upload') return true;
  if (decision === 'refused') return false;
  await consent.request(['upload']);
  return consent.allows('upload');
}

/**
 * Shows the captured photo in the stage with one primary action, Retake and Discard. The
 * primary is Share with an ingest server (uploads only with `upload` consent, asking for it then
 * if it was never given) or Save without one (a download; nothing is sent). Retake and Discard
 * drop the photo.
 * Returns a function that closes the review without a decision.
 */
export function openReview(options: ReviewFlowOptions): () => void {
  const { view, strings, emit, send } = options;
  const done = (status: string) => {
    review.close();
    if (send('resumed')) view.setStatus(status);
  };
  const back = () => void send('resumed');
  // Without an ingest server the one primary action keeps the photo on the device.
  const save = async (blob: Blob) => {
    saveToDevice(view.host.ownerDocument, blob, `${options.product.id}.jpg`);
    done(strings.saved);
  };
  const share = async (blob: Blob) => {
    if (!(await uploadAllowed(options.consent))) {
      review.setStatus(strings.shareRefused);
      return;
    }
    const client = await options.uploads();
    if (!client) return review.setStatus(strings.shareRefused);
    const upload = client.upload(blob, {
      productId: options.product.id,
      capturedAt: new Date(),
    });
    upload.on('progress', (progress) => {
      view.setProgress(progress.total > 0 ? progress.loaded / progress.total : 0);
      emit('upload-progress', progress);
    });
    send('upload-started');
    view.setProgress(0);
    const outcome = await upload.start();
    view.setProgress(null);
    if (outcome.status === 'error') {
      emit('error', outcome.error);
      // The review says it failed and keeps the photo (unless the session ended meanwhile).
      if (send('upload-failed')) throw outcome.error;
      return;
    }
    if (outcome.status === 'success') emit('uploaded', outcome.result);
    done(outcome.status === 'success' ? strings.shared : strings.queued);
  };
  view.setReviewing(true);
  const review = createReview({
    container: view.reviewSlot,
    blob: options.blob,
    strings: {
      title: strings.reviewTitle,
      imageAlt: strings.imageAlt,
      share: options.canShare ? strings.share : strings.save,
      retake: strings.retake,
      discard: strings.discard,
      sharing: strings.sharing,
      shareFailed: strings.shareFailed,
      close: strings.closeTryOn,
    },
    onShare: options.canShare ? share : save,
    onRetake: back,
    onDiscard: back,
    onClose: options.close,
  });
  return () => review.close();
}

/** Downloads the photo (an object URL clicked as a link), then lets the URL go. */
function saveToDevice(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
