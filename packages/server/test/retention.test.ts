import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  expiryOf,
  isExpired,
  ORPHAN_GRACE_MS,
  subjectIsStale,
  uploadFate,
} from '../src/retention.js';

const now = new Date('2025-03-01T00:00:00.000Z');

describe('retention math', () => {
  it('expires exactly the retention period after storage', () => {
    expect(expiryOf(now, 30).toISOString()).toBe('2025-03-31T00:00:00.000Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 1, max: 3650 }),
        (t, days) => {
          expect(expiryOf(new Date(t), days).getTime() - t).toBe(days * DAY_MS);
        },
      ),
    );
  });

  it('counts the expiry instant itself as expired', () => {
    expect(isExpired('2025-03-01T00:00:00.001Z', now)).toBe(false);
    expect(isExpired('2025-03-01T00:00:00.000Z', now)).toBe(true);
    expect(isExpired('not a date', now)).toBe(true);
  });

  it('decides an upload fate from its record, or its age when the record is missing', () => {
    const future = '2025-03-02T00:00:00.000Z';
    const past = '2025-02-28T00:00:00.000Z';
    expect(uploadFate(future, now, now)).toBe('keep');
    expect(uploadFate(past, now, now)).toBe('expired');
    expect(uploadFate(null, new Date(now.getTime() - ORPHAN_GRACE_MS + 1), now)).toBe('keep');
    expect(uploadFate(null, new Date(now.getTime() - ORPHAN_GRACE_MS), now)).toBe('orphan');
  });

  it('keeps a subject while it has uploads or a consent that ended less than a retention period ago', () => {
    const base = { createdAt: new Date('2024-01-01T00:00:00.000Z'), uploads: 0 };
    expect(subjectIsStale({ ...base, uploads: 1, consentEnds: [] }, now, 30)).toBe(false);
    expect(subjectIsStale({ ...base, consentEnds: ['2025-02-01T00:00:00.000Z'] }, now, 30)).toBe(
      false,
    );
    expect(subjectIsStale({ ...base, consentEnds: ['2025-01-30T00:00:00.000Z'] }, now, 30)).toBe(
      true,
    );
    expect(
      subjectIsStale(
        { ...base, consentEnds: ['2025-01-01T00:00:00.000Z', '2025-02-27T00:00:00.000Z'] },
        now,
        30,
      ),
    ).toBe(false);
  });

  it('forgets a subject without any consent only after the grace period', () => {
    const fresh = { createdAt: new Date(now.getTime() - 1000), uploads: 0, consentEnds: [] };
    const old = {
      createdAt: new Date(now.getTime() - ORPHAN_GRACE_MS),
      uploads: 0,
      consentEnds: [],
    };
    expect(subjectIsStale(fresh, now, 30)).toBe(false);
    expect(subjectIsStale(old, now, 30)).toBe(true);
  });
});
