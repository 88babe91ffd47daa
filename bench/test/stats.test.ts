import { describe, expect, it } from 'vitest';
import { bytes, growth, median, ms, percentile, rate, ratio, times } from '../src/stats.js';

describe('summary statistics', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile([7], 0.99)).toBe(7);
  });

  it('turns frame end times into frames per second', () => {
    expect(rate([0, 100, 200, 300])).toBeCloseTo(10);
    expect(rate([5])).toBeNaN();
  });

  it('refuses a ratio against a missing baseline', () => {
    expect(ratio(2, 4)).toBe(0.5);
    expect(ratio(2, 0)).toBeNaN();
    expect(times(ratio(1, 0))).toBe('n/a');
    expect(times(1.234)).toBe('1.23×');
  });
});

describe('formatting', () => {
  it('prints milliseconds and bytes at a readable precision', () => {
    expect(ms(48.25)).toBe('48.3 ms');
    expect(ms(1532.4)).toBe('1532 ms');
    expect(bytes(3012)).toBe('2.94 KB');
    expect(bytes(5 * 1024 * 1024)).toBe('5.00 MB');
  });

  it('signs growth both ways', () => {
    expect(growth(2048)).toBe('+2.00 KB');
    expect(growth(-2048)).toBe('−2.00 KB');
  });
});
