// The privacy console's pure text (console-ui/format.ts): ages, expiries, times, the audit
// verdict and the shared-photos summary and empty state. Dates are at noon UTC, so the local
// calendar date is the same in any time zone the tests run in.
import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatExpiry,
  formatTime,
  photosEmptyHint,
  photosSummary,
  plural,
  verdictText,
} from '../console-ui/format.js';

const NOW = Date.parse('2026-12-02T12:00:00.000Z');
const at = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatAge', () => {
  it('names the largest whole unit, in the past', () => {
    expect(formatAge(at(-3 * MINUTE), NOW)).toBe('3 minutes ago');
    expect(formatAge(at(-2 * HOUR), NOW)).toBe('2 hours ago');
    expect(formatAge(at(-5 * DAY), NOW)).toBe('5 days ago');
  });

  it('rounds to the nearest unit and says "yesterday" for one day', () => {
    expect(formatAge(at(-90 * MINUTE), NOW)).toBe('2 hours ago');
    expect(formatAge(at(90 * MINUTE), NOW)).toBe('in 2 hours');
    expect(formatAge(at(-DAY), NOW)).toBe('yesterday');
  });

  it('says "just now" under a minute ago and "in under a minute" just ahead', () => {
    expect(formatAge(at(-59_999), NOW)).toBe('just now');
    expect(formatAge(at(0), NOW)).toBe('in under a minute');
    expect(formatAge(at(30_000), NOW)).toBe('in under a minute');
  });
});

describe('formatExpiry', () => {
  it('gives the time left and the calendar date', () => {
    expect(formatExpiry(at(30 * DAY), NOW)).toBe('in 30 days (1 Jan 2027)');
    expect(formatExpiry(at(3 * HOUR), NOW)).toBe('in 3 hours (2 Dec 2026)');
  });

  it('says when an expiry has already passed (not yet swept)', () => {
    expect(formatExpiry(at(-2 * DAY), NOW)).toBe('2 days ago (30 Nov 2026)');
  });
});

describe('formatTime', () => {
  it('is one medium date and a time with seconds', () => {
    expect(formatTime('2026-12-02T12:34:56.000Z')).toMatch(/^2 Dec 2026, \d{2}:34:56$/);
  });
});

describe('verdictText', () => {
  const chain = (lines: number) => ({ chain: 'c', lines, lastSeq: lines, lastAt: null });

  it('reports a verified chain with its line and chain counts', () => {
    expect(
      verdictText({ total: 11, verdict: { ok: true, problems: [], chains: [chain(11)] } }),
    ).toBe("Chain verified: 11 lines in 1 chain, every line's MAC and link checked.");
    expect(
      verdictText({ total: 1, verdict: { ok: true, problems: [], chains: [chain(1), chain(0)] } }),
    ).toBe("Chain verified: 1 line in 2 chains, every line's MAC and link checked.");
  });

  it('reports a broken chain with the count and the first three problems', () => {
    const problems = [
      { line: 3, problem: 'bad_mac' },
      { line: 4, problem: 'broken_link' },
      { line: 9, problem: 'out_of_order' },
      { line: 12, problem: 'unreadable' },
    ] as const;
    const text = verdictText({ total: 12, verdict: { ok: false, problems, chains: [chain(12)] } });
    expect(text).toBe(
      'Chain broken: 4 problems in 12 lines in 1 chain (line 3: bad_mac; line 4: broken_link; line 9: out_of_order).',
    );
    expect(text).not.toContain('line 12');
  });

  it('says "problem" for exactly one', () => {
    const problems = [{ line: 2, problem: 'unknown_key' }] as const;
    expect(verdictText({ total: 2, verdict: { ok: false, problems, chains: [chain(2)] } })).toBe(
      'Chain broken: 1 problem in 2 lines in 1 chain (line 2: unknown_key).',
    );
  });
});

describe('the shared-photos summary and empty state', () => {
  it('counts with the right noun form', () => {
    expect(plural(0, 'photo')).toBe('0 photos');
    expect(plural(1, 'photo')).toBe('1 photo');
    expect(plural(2, 'photo')).toBe('2 photos');
  });

  it('names the mode, and says "none" rather than "0" when empty', () => {
    expect(photosSummary(0, 'live')).toBe('No shared photos in live mode.');
    expect(photosSummary(0, 'test')).toBe('No shared photos in test mode.');
    expect(photosSummary(1, 'live')).toBe('1 shared photo in live mode, newest first.');
    expect(photosSummary(7, 'test')).toBe('7 shared photos in test mode, newest first.');
  });

  it('explains the empty list per mode (test data lasts 24 hours)', () => {
    expect(photosEmptyHint('live')).toContain('with upload consent');
    expect(photosEmptyHint('test')).toContain('pk_test_');
    expect(photosEmptyHint('test')).toContain('24 hours');
    expect(photosEmptyHint('live')).not.toBe(photosEmptyHint('test'));
  });
});
