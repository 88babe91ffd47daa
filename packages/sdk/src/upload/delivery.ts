import type { UploadResult } from '@fittingroom/protocol';
import { postUpload } from './api.js';
import { refusalCode } from './consent-gate.js';
import { UploadError } from './errors.js';
import type { QueuedUpload } from './queue.js';
import { type RetryEvent, type RetryLoopResult, retrying } from './retry-loop.js';
import type { Runtime } from './runtime.js';
import type { TransferProgress } from './transport.js';

/** Hooks of one delivery. */
export interface DeliveryHooks {
  readonly signal: AbortSignal;
  /** Progress in image bytes. */
  readonly onProgress?: ((progress: TransferProgress) => void) | undefined;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
}

/**
 * Sends one queued item (registering its receipt first if needed), retrying per policy, always
 * with the item's own idempotency key. On success or a final failure the item leaves the queue;
 * when `queued`, it stays for the next `online` event or page load.
 */
export async function deliver(
  rt: Runtime,
  item: QueuedUpload,
  hooks: DeliveryHooks,
): Promise<RetryLoopResult<UploadResult>> {
  const { signal } = hooks;
  const { payload } = item;
  const image = new Blob([payload.image], { type: payload.contentType });
  const onProgress = hooks.onProgress
    ? (p: TransferProgress) => hooks.onProgress?.(scaleProgress(p, image.size))
    : undefined;

  const outcome = await retrying(
    async () => {
      const gate = rt.gate();
      if (!gate.ok) {
        throw new UploadError(refusalCode(gate.reason), `upload consent ${gate.reason}`);
      }
      const send = async () =>
        postUpload(
          rt.api,
          {
            metadata: payload.metadata,
            image,
            idempotencyKey: item.idempotencyKey,
            token: await rt.register(payload.receipt),
          },
          { signal, onProgress },
        );
      try {
        return await send();
      } catch (error) {
        const stale = staleRegistration(error);
        if (stale === null || signal.aborted) throw error;
        // The server lost our subject or receipt (e.g. after its retention ran out):
        // register again once instead of dropping the shopper's image.
        await rt.unregister(payload.receipt.consentReceiptID, stale === 'token');
        return send();
      }
    },
    {
      ...rt.config,
      policy: rt.config.retry,
      signal,
      onRetry: hooks.onRetry,
      onAttemptFailed: (attempt) => rt.queue.setAttempts(item.id, item.attempts + attempt),
    },
  );

  if (outcome.ok) {
    hooks.onProgress?.({ loaded: image.size, total: image.size });
    await settleStorage(async () => {
      await rt.adoptToken(outcome.value.subjectToken, signal);
      if (!signal.aborted) await rt.queue.remove(item.id);
    });
  } else if (!outcome.queued && outcome.error.code !== 'aborted' && !signal.aborted) {
    // A final answer (4xx, refused consent, malformed answer): resending cannot help.
    await settleStorage(() => rt.queue.remove(item.id));
  }
  return outcome;
}

/** Which registration the server says it does not know, if that is what `error` says. */
export function staleRegistration(error: unknown): 'token' | 'receipt' | null {
  if (!(error instanceof UploadError) || error.code !== 'rejected') return null;
  if (error.apiCode === 'invalid_token') return 'token';
  return error.apiCode === 'consent_missing' ? 'receipt' : null;
}

/** Maps transport progress (whole multipart body) onto the image's size. */
export function scaleProgress(progress: TransferProgress, imageBytes: number): TransferProgress {
  if (progress.total <= 0) return { loaded: 0, total: imageBytes };
  const share = Math.min(1, Math.max(0, progress.loaded / progress.total));
  return { loaded: Math.round(share * imageBytes), total: imageBytes };
}

/**
 * Bookkeeping after the server has answered must not turn a stored upload into a failure: if it
 * fails the item is simply sent again later and the server replays its first answer.
 */
async function settleStorage(op: () => Promise<void>): Promise<void> {
  try {
    await op();
  } catch {
    // Deliberately ignored; see above.
  }
}
