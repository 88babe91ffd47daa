/**
 * Failed console sign-ins per client IP in fixed windows: after `max` failures an IP is refused
 * (429) until its window ends, even with the right credential, so guessing the console password
 * runs at `max` guesses per window at most. Kept in this process (with several instances, each
 * counts its own; the password is 12 characters or more, so that still leaves guessing hopeless).
 */
export interface AttemptLimiter {
  /** Seconds until `ip` may try again, or 0 when it may try now. */
  blockedFor(ip: string): number;
  /** Counts a failure of `ip`. */
  fail(ip: string): void;
}

/** Failures allowed per window, and the window (15 minutes). */
export const CONSOLE_ATTEMPTS = { max: 10, windowMs: 15 * 60_000 } as const;

export function createAttemptLimiter(
  now: () => Date,
  { max, windowMs }: { max: number; windowMs: number } = CONSOLE_ATTEMPTS,
): AttemptLimiter {
  const seen = new Map<string, { failures: number; until: number }>();
  const current = (ip: string) => {
    const entry = seen.get(ip);
    if (entry && entry.until <= now().getTime()) {
      seen.delete(ip);
      return undefined;
    }
    return entry;
  };
  return {
    blockedFor(ip) {
      const entry = current(ip);
      if (!entry || entry.failures < max) return 0;
      return Math.max(1, Math.ceil((entry.until - now().getTime()) / 1000));
    },
    fail(ip) {
      const entry = current(ip) ?? { failures: 0, until: now().getTime() + windowMs };
      entry.failures += 1;
      seen.set(ip, entry);
    },
  };
}
