import { describe, expect, it } from 'vitest';
import { bodyTooSlow } from '../src/http/limits.js';

const LIMITS = {
  headersMs: 10_000,
  requestMs: 120_000,
  bodyIdleMs: 10_000,
  minBodyBytesPerSecond: 1024,
};

describe('bodyTooSlow', () => {
  it('cuts a 1 byte/s trickle once its head start is spent, not before', () => {
    const at = (seconds: number) => ({
      startedAt: 0,
      lastProgressAt: seconds * 1000,
      received: seconds,
    });
    expect(bodyTooSlow(at(9), 9000, LIMITS)).toBe(false);
    expect(bodyTooSlow(at(11), 11_000, LIMITS)).toBe(true);
  });

  it('cuts a body idle for longer than the gap allowed, however much came before', () => {
    const pace = { startedAt: 0, lastProgressAt: 1000, received: 5_000_000 };
    expect(bodyTooSlow(pace, 10_900, LIMITS)).toBe(false);
    expect(bodyTooSlow(pace, 11_100, LIMITS)).toBe(true);
  });

  it('never cuts a body at or above the minimum rate', () => {
    for (const seconds of [1, 30, 100, 1000]) {
      const pace = { startedAt: 0, lastProgressAt: seconds * 1000, received: seconds * 1024 };
      expect(bodyTooSlow(pace, seconds * 1000, LIMITS)).toBe(false);
    }
  });
});
