// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  failureOfStatus,
  nextDelay,
  parseRetryAfter,
  planRetry,
  shouldRetry,
} from '../../src/upload/retry-policy.js';

const now = new Date('2025-06-01T12:00:00.000Z');
const ctx = { now, random: () => 0 };

describe('nextDelay', () => {
  it('doubles from baseMs and stops at maxMs when jitter is off', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) =>
      nextDelay(n, { baseMs: 1000, maxMs: 30_000, jitter: 0, random: () => 0.9 }),
    );
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('full jitter spans from 0 to the exponential ceiling', () => {
    const options = { baseMs: 1000, maxMs: 30_000, jitter: 1 };
    expect(nextDelay(3, { ...options, random: () => 0 })).toBe(4000);
    expect(nextDelay(3, { ...options, random: () => 0.999999 })).toBe(0);
  });

  it('always stays within [(1 - jitter) · ceiling, ceiling] and never exceeds maxMs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (attempt, baseMs, maxMs, jitter, r) => {
          const delay = nextDelay(attempt, { baseMs, maxMs, jitter, random: () => r });
          const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
          expect(delay).toBeGreaterThanOrEqual(Math.floor((1 - jitter) * ceiling));
          expect(delay).toBeLessThanOrEqual(Math.min(Math.ceil(ceiling), maxMs));
        },
      ),
    );
  });

  it('the ceiling never shrinks as attempts grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (attempt) => {
        const o = { baseMs: 250, maxMs: 60_000, jitter: 0, random: () => 0 };
        expect(nextDelay(attempt + 1, o)).toBeGreaterThanOrEqual(nextDelay(attempt, o));
      }),
    );
  });
});

describe('failureOfStatus and shouldRetry', () => {
  it('retries network errors, every 5xx and 429', () => {
    expect(shouldRetry({ kind: 'network' })).toBe(true);
    expect(failureOfStatus(429)).toBe('rate_limited');
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 599 }), (status) => {
        expect(failureOfStatus(status)).toBe('server');
        expect(shouldRetry({ kind: failureOfStatus(status) })).toBe(true);
      }),
    );
  });

  it('never retries any other 4xx, nor an abort', () => {
    expect(shouldRetry({ kind: 'aborted' })).toBe(false);
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 499 }).filter((s) => s !== 429),
        (status) => {
          expect(failureOfStatus(status)).toBe('rejected');
          expect(shouldRetry({ kind: failureOfStatus(status) })).toBe(false);
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an IMF-fixdate against the injected clock', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
  });

  it('reads the obsolete RFC 850 and asctime forms as GMT', () => {
    expect(parseRetryAfter('Sunday, 01-Jun-25 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun Jun  1 12:00:10 2025', now)).toBe(10_000);
  });

  it('treats a date in the past as "now"', () => {
    expect(parseRetryAfter('Sat, 31 May 2025 12:00:00 GMT', now)).toBe(0);
  });

  it('returns null for anything else', () => {
    for (const bad of [null, undefined, '', '-5', '1.5', 'soon', '2025-06-01T12:00:30Z']) {
      expect(parseRetryAfter(bad, now)).toBeNull();
    }
  });
});

describe('planRetry', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, jitter: 0 };

  it('gives up at once on a 4xx', () => {
    expect(planRetry(1, { kind: failureOfStatus(413) }, policy, ctx)).toEqual({
      action: 'fail',
    });
  });

  it('backs off on 5xx and network errors', () => {
    expect(planRetry(2, { kind: failureOfStatus(503) }, policy, ctx)).toEqual({
      action: 'retry',
      delayMs: 2000,
      reason: 'server',
    });
    expect(planRetry(1, { kind: 'network' }, policy, ctx)).toMatchObject({ reason: 'network' });
  });

  it('honours Retry-After instead of the computed backoff', () => {
    const outcome = { kind: 'rate_limited', retryAfter: '7' } as const;
    expect(planRetry(1, outcome, policy, ctx)).toEqual({
      action: 'retry',
      delayMs: 7000,
      reason: 'rate_limited',
    });
  });

  it('leaves the item queued when Retry-After is longer than it will wait in-page', () => {
    const outcome = { kind: 'server', retryAfter: '3600' } as const;
    expect(planRetry(1, outcome, policy, ctx)).toEqual({ action: 'queue', reason: 'server' });
  });

  it('leaves the item queued once the attempt budget is spent', () => {
    const outcome = { kind: 'network' } as const;
    expect(planRetry(policy.maxAttempts, outcome, policy, ctx)).toEqual({
      action: 'queue',
      reason: 'network',
    });
  });
});
