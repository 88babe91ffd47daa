import { isAtOrPast } from '@fittingroom/protocol';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** How long a leftover (an object that is not a whole upload or subject) may live before the sweeper removes it. */
export const ORPHAN_GRACE_MS = 3_600_000;

/** When something stored at `storedAt` expires under a retention of `days`. */
export function expiryOf(storedAt: Date, days: number): Date {
  return new Date(storedAt.getTime() + days * DAY_MS);
}

/** True once `now` has reached `expiresAt` (an ISO time): expiry is inclusive. */
export function isExpired(expiresAt: string, now: Date): boolean {
  return isAtOrPast(expiresAt, now);
}

/** How long test-mode data lives: a test subject and everything of it go 24 hours after it was made. */
export const TEST_DATA_MS = DAY_MS;

/** True once test data made at `createdAt` (an ISO time) is due for erasure at `now`. */
export function testDataIsDue(createdAt: string, now: Date): boolean {
  return isAtOrPast(createdAt, now, TEST_DATA_MS);
}

/** What the sweeper does with one upload: keep it, delete it as expired, or remove a leftover. */
export type UploadFate = 'keep' | 'expired' | 'orphan';

/**
 * Decides one stored object's fate. `expiresAt` is null for an object that is not a whole
 * upload (an older layout's separate image or record); such leftovers go once older than the
 * grace period.
 */
export function uploadFate(expiresAt: string | null, modifiedAt: Date, now: Date): UploadFate {
  if (expiresAt !== null) return isExpired(expiresAt, now) ? 'expired' : 'keep';
  return now.getTime() - modifiedAt.getTime() >= ORPHAN_GRACE_MS ? 'orphan' : 'keep';
}

/** What the sweeper knows of a subject without uploads. */
export interface SubjectSummary {
  readonly createdAt: Date;
  readonly uploads: number;
  /** For each consent record: when it stopped counting (withdrawal, else the receipt's expiry). */
  readonly consentEnds: readonly string[];
}

/**
 * True when a subject may be forgotten: nothing uploaded, and either no consent at all after the
 * grace period (a crash leftover) or every consent ended more than the retention period ago (the
 * consent record is kept that long as proof of what was agreed).
 */
export function subjectIsStale(subject: SubjectSummary, now: Date, retentionDays: number): boolean {
  if (subject.uploads > 0) return false;
  if (subject.consentEnds.length === 0) {
    return now.getTime() - subject.createdAt.getTime() >= ORPHAN_GRACE_MS;
  }
  return subject.consentEnds.every((end) => isAtOrPast(end, now, retentionDays * DAY_MS));
}
