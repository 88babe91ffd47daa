// When a failed delivery is tried again (pure; test/webhooks-schedule.test.ts).

/** Waits after the 1st, 2nd, … failed attempt: about 31.7 hours in all, so at least 24. */
export const RETRY_DELAYS_MS = [
  30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000,
  28_800_000,
] as const;

/** When to try again after `attempts` failed attempts, or null: give up, the schedule is spent. */
export function nextAttemptAt(attempts: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
