import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAtOrPast, PRODUCT_ID_PATTERN } from './rules.js';

describe('isAtOrPast', () => {
  const now = new Date('2025-06-01T12:00:00.000Z');

  it('is inclusive, and shifts by afterMs', () => {
    expect(isAtOrPast('2025-06-01T12:00:00.000Z', now)).toBe(true);
    expect(isAtOrPast('2025-06-01T12:00:00.001Z', now)).toBe(false);
    expect(isAtOrPast('2025-06-01T11:00:00.000Z', now, 3_600_000)).toBe(true);
    expect(isAtOrPast('2025-06-01T11:00:00.001Z', now, 3_600_000)).toBe(false);
  });

  it('counts an unparseable time as past', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (Number.isNaN(Date.parse(text))) expect(isAtOrPast(text, now, 1e12)).toBe(true);
      }),
    );
  });
});

describe('PRODUCT_ID_PATTERN', () => {
  it('takes 1–100 URL- and file-safe characters, nothing else', () => {
    expect(PRODUCT_ID_PATTERN.test('ring-42.gold_2')).toBe(true);
    expect(PRODUCT_ID_PATTERN.test('a'.repeat(100))).toBe(true);
    for (const bad of ['', 'a'.repeat(101), 'ring/42', '../x', 'ring 42', 'bague-é'])
      expect(PRODUCT_ID_PATTERN.test(bad)).toBe(false);
  });
});
