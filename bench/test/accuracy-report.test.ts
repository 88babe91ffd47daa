import { describe, expect, it } from 'vitest';
import { type EdgeResult, maxHandsCost } from '../src/accuracy-report.js';

const edge = (hands: number, one: number, two: number, found = 1): EdgeResult => ({
  variant: `${hands}-${one}`,
  hands,
  found: { sdk: found, sdk2: found * hands, video480: 1, videoFull: 1, image: 1 },
  ms: { sdk: one, sdk2: two, video480: 1, videoFull: 1, image: 1 },
});

describe('maxHandsCost', () => {
  it('is the median of the per-variant ratios, each pair measured on the same frame', () => {
    // Medians of the times alone would say 200/100 = 2; the paired ratios say 1.5.
    const cost = maxHandsCost([edge(1, 100, 150), edge(1, 300, 200), edge(1, 50, 400)], 1);
    expect(cost).toEqual({ variants: 3, one: 100, two: 200, ratio: 1.5 });
  });

  it('keeps one-hand and two-hand frames apart, and leaves out frames a setting missed', () => {
    const list = [edge(1, 100, 200), edge(2, 100, 120), edge(1, 100, 900, 0)];
    expect(maxHandsCost(list, 1).ratio).toBe(2);
    expect(maxHandsCost(list, 2)).toMatchObject({ variants: 1, ratio: 1.2 });
  });
});
