import { deleteSubject, postConsent } from './api.js';
import type { UploadError } from './errors.js';
import { type RetryEvent, retrying } from './retry-loop.js';
import type { Runtime } from './runtime.js';

/** What to tell the server when erasing. */
export interface ErasureRequest {
  /** Receipts to record as withdrawn first (only those the server knows are sent). */
  readonly receiptIds: readonly string[];
  /** ISO time of the withdrawal; required when `receiptIds` is not empty. */
  readonly withdrawnAt?: string | undefined;
}

/** Hooks of one erasure. */
export interface ErasureHooks {
  readonly signal: AbortSignal;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
}

/**
 * Purges the local queue at once, then (only if the server knows this device's subject) records
 * each withdrawal and calls `DELETE /v1/subjects/me`, then forgets the token by deleting the
 * upload database. If the server cannot be reached the erasure is kept pending on the device and
 * this rejects with the typed error; `resumeQueued()` (on `online` or next load) finishes it.
 */
export async function eraseEverywhere(
  rt: Runtime,
  request: ErasureRequest,
  hooks: ErasureHooks,
): Promise<void> {
  await rt.queue.purge();
  const record = await rt.subject.read();
  const token = record?.token ?? rt.token;
  if (!token) {
    // The server never heard of this device: there is nothing to erase there.
    await rt.forget();
    return;
  }
  const known = record ? new Set(record.registered) : null;
  const receiptIds = [...(record?.pendingErasure?.receiptIds ?? []), ...request.receiptIds].filter(
    (id, index, all) => all.indexOf(id) === index && (known === null || known.has(id)),
  );
  const withdrawnAt =
    request.withdrawnAt ?? record?.pendingErasure?.withdrawnAt ?? rt.config.now().toISOString();
  if (!record?.token) await rt.subject.setToken(token);
  await rt.subject.markErasurePending({ receiptIds, withdrawnAt });

  const ctx = {
    ...rt.config,
    policy: rt.config.retry,
    signal: hooks.signal,
    onRetry: hooks.onRetry,
  };
  for (const receiptId of receiptIds) {
    const withdrawal = await retrying(
      () => postConsent(rt.api, { kind: 'withdraw', receiptId, withdrawnAt }, token, hooks),
      ctx,
    );
    if (!withdrawal.ok) settledByServer(withdrawal.error);
  }
  const erasure = await retrying(() => deleteSubject(rt.api, token, hooks), ctx);
  if (!erasure.ok) settledByServer(erasure.error);
  await rt.forget();
}

/**
 * A 4xx answer (unknown receipt, already withdrawn, unknown token) means the server holds nothing
 * more for this request; anything else (offline, 5xx, aborted) must be retried later.
 */
function settledByServer(error: UploadError): void {
  if (error.code !== 'rejected') throw error;
}
