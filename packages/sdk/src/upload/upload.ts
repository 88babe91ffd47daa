import { IMAGE_TYPES, type ImageType, type UploadResult } from '@fittingroom/protocol';
import { createEmitter, type Listener } from '../emitter.js';
import { refusalCode } from './consent-gate.js';
import { deliver } from './delivery.js';
import { toUploadError, UploadError } from './errors.js';
import type { RetryEvent } from './retry-loop.js';
import type { CancelReason, Runtime } from './runtime.js';
import type { TransferProgress } from './transport.js';

/** Events of one {@link Upload}. */
export interface UploadEvents {
  /** Bytes of the image sent so far (a final `{loaded: total, total}` always precedes success). */
  progress: TransferProgress;
  /** A failed attempt will be retried after `delayMs`. */
  retry: RetryEvent;
  success: UploadResult;
  /** Final failure, including refusals (`consent_*`, no request made) and `aborted`. */
  error: UploadError;
  /** Could not be sent now; kept encrypted on the device and retried on `online` or next load. */
  queued: UploadError;
}

/** How a started upload ended. `start()` never rejects; it resolves with one of these. */
export type UploadOutcome =
  | { readonly status: 'success'; readonly result: UploadResult }
  | { readonly status: 'queued'; readonly error: UploadError }
  | { readonly status: 'error'; readonly error: UploadError };

/** One captured image on its way to the ingest server (in the spirit of tus-js-client). */
export interface Upload {
  /** Local id of the upload (also its queue entry). */
  readonly id: string;
  /** Sent with every attempt, across reloads; the server stores the image at most once. */
  readonly idempotencyKey: string;
  /** Checks consent, stores the image encrypted, then sends it. Calling again returns the same promise. */
  start(): Promise<UploadOutcome>;
  /** Cancels the upload and drops it from the queue; resolves once that is done. */
  abort(): Promise<void>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof UploadEvents>(type: K, listener: Listener<UploadEvents[K]>): () => void;
}

/** Validated input of one upload. */
export interface UploadInput {
  readonly image: Blob;
  readonly contentType: ImageType;
  readonly productId: string;
  readonly capturedAt: string;
}

/** Creates an upload; nothing happens (no storage, no request) until `start()`. */
export function createUpload(rt: Runtime, input: UploadInput): Upload {
  const id = rt.crypto.randomUUID();
  const idempotencyKey = rt.crypto.randomUUID();
  const events = createEmitter<UploadEvents>();
  const controller = new AbortController();
  let cancelReason: CancelReason | null = null;
  let running: Promise<UploadOutcome> | undefined;

  const job = {
    cancel(reason: CancelReason) {
      cancelReason ??= reason;
      controller.abort(new UploadError('aborted', `upload cancelled: ${reason}`));
    },
  };

  const finish = (outcome: UploadOutcome): UploadOutcome => {
    if (outcome.status === 'success') events.emit('success', outcome.result);
    else if (outcome.status === 'queued') events.emit('queued', outcome.error);
    else events.emit('error', outcome.error);
    return outcome;
  };

  /** The outcome of a cancellation, by who cancelled. */
  const cancelled = (): UploadOutcome => {
    if (cancelReason === 'closed') {
      return { status: 'queued', error: new UploadError('aborted', 'client closed; kept queued') };
    }
    if (cancelReason === 'withdrawn') {
      return { status: 'error', error: new UploadError('consent_withdrawn', 'consent withdrawn') };
    }
    return { status: 'error', error: new UploadError('aborted', 'upload aborted') };
  };

  const run = async (): Promise<UploadOutcome> => {
    if (controller.signal.aborted) return cancelled();
    if (rt.closed) {
      return { status: 'error', error: new UploadError('aborted', 'upload client is closed') };
    }
    const gate = rt.gate();
    if (!gate.ok) {
      const error = new UploadError(refusalCode(gate.reason), `upload consent ${gate.reason}`);
      return { status: 'error', error };
    }
    const release = rt.claim(id, job);
    if (!release) return { status: 'error', error: new UploadError('aborted', 'already sending') };
    let stored = false;
    try {
      const image = new Uint8Array(await input.image.arrayBuffer());
      const { receipt } = gate;
      const item = await rt.queue.add(
        {
          id,
          idempotencyKey,
          createdAt: rt.config.now().toISOString(),
          payload: {
            metadata: {
              consentReceiptId: receipt.consentReceiptID,
              policyVersion: receipt.policyVersion,
              productId: input.productId,
              capturedAt: input.capturedAt,
            },
            receipt,
            contentType: input.contentType,
            image,
          },
        },
        controller.signal,
      );
      stored = true;
      const outcome = await deliver(rt, item, {
        signal: controller.signal,
        onProgress: (p) => events.emit('progress', p),
        onRetry: (e) => events.emit('retry', e),
      });
      if (outcome.ok) return { status: 'success', result: outcome.value };
      if (controller.signal.aborted) return cancelled();
      return outcome.queued
        ? { status: 'queued', error: outcome.error }
        : { status: 'error', error: outcome.error };
    } catch (thrown) {
      if (controller.signal.aborted) return cancelled();
      return { status: 'error', error: toUploadError(thrown) };
    } finally {
      release();
      // A shopper's abort also takes the image off the device.
      if (cancelReason === 'user' && stored) await rt.queue.remove(id).catch(() => undefined);
    }
  };

  return {
    id,
    idempotencyKey,
    start() {
      running ??= run().then(finish);
      return running;
    },
    async abort() {
      job.cancel('user');
      if (running) await running;
    },
    on: events.on,
  };
}

/** Narrows a MIME type to one the server accepts. */
export function isImageType(type: string): type is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(type);
}
