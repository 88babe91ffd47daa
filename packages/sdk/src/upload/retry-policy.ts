/**
 * Pure retry rules: which failures are worth another attempt, and how long to wait.
 * No clocks or timers here; callers pass `now` and `random` so every rule is unit-testable.
 */

/** Exponential backoff settings for {@link nextDelay}. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  readonly baseMs: number;
  /** Ceiling of any computed delay. */
  readonly maxMs: number;
  /** Share of the delay that is randomised, 0 (none) to 1 ("full jitter"). */
  readonly jitter: number;
  /** Uniform random number in [0, 1). */
  readonly random: () => number;
}

/** Everything the retry loop needs to decide; see {@link DEFAULT_RETRY_POLICY}. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly jitter: number;
  /** Attempts per session before the item is left in the queue for later. */
  readonly maxAttempts: number;
  /** Longest `Retry-After` waited for in-page; a longer one leaves the item queued instead. */
  readonly maxRetryAfterMs: number;
}

/** Defaults: 1 s, 2 s, 4 s … capped at 30 s, half of each delay jittered, 5 attempts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 1000,
  maxMs: 30_000,
  jitter: 0.5,
  maxAttempts: 5,
  maxRetryAfterMs: 120_000,
};

/** How a failed answer is classified, once, from its HTTP status (see {@link failureOfStatus}). */
export type AnswerFailure = 'server' | 'rate_limited' | 'rejected';

/** 429 is `rate_limited`, 5xx is `server`, every other non-2xx is `rejected`. */
export function failureOfStatus(status: number): AnswerFailure {
  if (status === 429) return 'rate_limited';
  return status >= 500 && status <= 599 ? 'server' : 'rejected';
}

/** How one attempt ended, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: 'network' | 'aborted' | 'rejected' }
  | { readonly kind: 'server' | 'rate_limited'; readonly retryAfter?: string | undefined };

/** Why a retry is happening, for the `retry` event. */
export type RetryReason = 'network' | 'server' | 'rate_limited';

/** What to do after a failed attempt. */
export type RetryDecision =
  | { readonly action: 'retry'; readonly delayMs: number; readonly reason: RetryReason }
  | { readonly action: 'queue'; readonly reason: RetryReason }
  | { readonly action: 'fail' };

/**
 * Delay before retry number `attempt` (1 = first retry): `baseMs · 2^(attempt-1)` capped at
 * `maxMs`, then reduced by up to `jitter` of itself so that many clients do not retry in step.
 */
export function nextDelay(attempt: number, options: BackoffOptions): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const jitter = clamp(options.jitter, 0, 1);
  const r = clamp(options.random(), 0, 1);
  return Math.round(ceiling * (1 - jitter * r));
}

/** Network errors, 5xx and 429 are retried; every other 4xx (and an abort) never is. */
export function shouldRetry(outcome: AttemptOutcome): outcome is {
  readonly kind: RetryReason;
  readonly retryAfter?: string | undefined;
} {
  return outcome.kind === 'network' || outcome.kind === 'server' || outcome.kind === 'rate_limited';
}

const DELTA_SECONDS = /^\d+$/;
// IMF-fixdate and RFC 850 dates name the weekday and end in GMT; asctime has no zone but is GMT.
const ZONED_DATE = /^[A-Za-z]{3,9}, .+ GMT$/;
const ASCTIME = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/;

/**
 * Parses a `Retry-After` header (delta-seconds or HTTP-date) into milliseconds from `now`.
 * A date in the past means "now" (0). Anything unparseable yields null (fall back to backoff).
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) return Number(text) * 1000;
  const at = ZONED_DATE.test(text)
    ? Date.parse(text)
    : ASCTIME.test(text)
      ? Date.parse(`${text} GMT`)
      : Number.NaN;
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/** Context {@link planRetry} needs besides the policy. */
export interface PlanContext {
  readonly now: Date;
  readonly random: () => number;
}

/**
 * Decides after failed attempt number `attempt` (1-based, this session): retry after a delay,
 * leave the item queued for later (budget spent or `Retry-After` too long), or give up (4xx).
 * A valid `Retry-After` replaces the computed backoff.
 */
export function planRetry(
  attempt: number,
  outcome: AttemptOutcome,
  policy: RetryPolicy,
  context: PlanContext,
): RetryDecision {
  if (!shouldRetry(outcome)) return { action: 'fail' };
  const reason = outcome.kind;
  if (attempt >= policy.maxAttempts) return { action: 'queue', reason };
  const retryAfter = parseRetryAfter(outcome.retryAfter, context.now);
  if (retryAfter !== null) {
    if (retryAfter > policy.maxRetryAfterMs) return { action: 'queue', reason };
    return { action: 'retry', delayMs: retryAfter, reason };
  }
  const delayMs = nextDelay(attempt, { ...policy, random: context.random });
  return { action: 'retry', delayMs, reason };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
