import { toUploadError, UploadError } from './errors.js';
import {
  type AttemptOutcome,
  planRetry,
  type RetryPolicy,
  type RetryReason,
} from './retry-policy.js';

/** Payload of the `retry` event: a failed attempt will be followed by another after `delayMs`. */
export interface RetryEvent {
  /** The attempt that failed (1-based, this session). */
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: RetryReason;
}

/** What {@link retrying} needs: the policy, injected clock/random/sleep and hooks. */
export interface RetryLoopContext {
  readonly policy: RetryPolicy;
  readonly now: () => Date;
  readonly random: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly isOnline: () => boolean;
  readonly signal: AbortSignal;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Called after each failed attempt that will not end in `fail` (e.g. to persist a counter). */
  readonly onAttemptFailed?: (attempt: number) => Promise<void>;
}

/** Result of {@link retrying}: the value, or the last error and whether to keep it for later. */
export type RetryLoopResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: UploadError; readonly queued: boolean };

/**
 * Runs `op` until it succeeds, fails for good (4xx, invalid answer, abort), or the retry budget is
 * spent / the device is offline (then `queued: true`: try again on `online` or the next load).
 */
export async function retrying<T>(
  op: (attempt: number) => Promise<T>,
  ctx: RetryLoopContext,
): Promise<RetryLoopResult<T>> {
  for (let attempt = 1; ; attempt += 1) {
    if (ctx.signal.aborted) return { ok: false, error: abortedError(), queued: false };
    try {
      return { ok: true, value: await op(attempt) };
    } catch (thrown) {
      const error = ctx.signal.aborted ? abortedError() : toUploadError(thrown, 'network');
      const outcome = outcomeOf(error);
      const decision = outcome
        ? planRetry(attempt, outcome, ctx.policy, { now: ctx.now(), random: ctx.random })
        : ({ action: 'fail' } as const);
      if (decision.action === 'fail') return { ok: false, error, queued: false };
      if (!ctx.signal.aborted) await ctx.onAttemptFailed?.(attempt);
      if (decision.action === 'queue' || !ctx.isOnline()) return { ok: false, error, queued: true };
      ctx.onRetry?.({ attempt, delayMs: decision.delayMs, reason: decision.reason });
      try {
        await ctx.sleep(decision.delayMs, ctx.signal);
      } catch {
        return { ok: false, error: abortedError(), queued: false };
      }
    }
  }
}

/** What the retry policy judges of a typed error; null means "never retry". */
export function outcomeOf(error: UploadError): AttemptOutcome | null {
  switch (error.code) {
    case 'network':
    case 'aborted':
    case 'rejected':
      return { kind: error.code };
    case 'server':
    case 'rate_limited':
      return { kind: error.code, retryAfter: error.retryAfter };
    default:
      return null;
  }
}

function abortedError(): UploadError {
  return new UploadError('aborted', 'upload aborted');
}
