import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type OneEuroParams,
  type OneEuroState,
  oneEuro,
  smoothingFactor,
} from '../../src/smoothing/one-euro.js';

const STILL: OneEuroParams = { minCutoff: 1, beta: 0, dCutoff: 1 };
const FRAME_MS = 1000 / 30;

/** Feeds `samples` at 30 fps and returns every output. */
function run(samples: readonly number[], params: OneEuroParams, angle = false): number[] {
  let state: OneEuroState | null = null;
  return samples.map((sample, i) => {
    const step = oneEuro(state, sample, i * FRAME_MS, params, angle);
    state = step.state;
    return step.value;
  });
}

describe('oneEuro', () => {
  it('passes the first sample through and holds a constant input exactly', () => {
    expect(run([7, 7, 7, 7], STILL)).toEqual([7, 7, 7, 7]);
  });

  it('moves a step by the hand-computed low-pass factor', () => {
    // dt = 0.1 s, cutoff 1 Hz: τ = 1/2π, α = 1 / (1 + τ/dt) = 0.38587
    const first = oneEuro(null, 0, 0, STILL);
    const second = oneEuro(first.state, 100, 100, STILL);
    expect(smoothingFactor(1, 0.1)).toBeCloseTo(0.385_87, 5);
    expect(second.value).toBeCloseTo(38.587, 3);
  });

  it('converges on a step without overshooting', () => {
    const out = run([0, ...Array<number>(89).fill(100)], STILL);
    for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThanOrEqual(out[i - 1]!);
    expect(Math.max(...out)).toBeLessThanOrEqual(100);
    expect(out.at(-1)!).toBeGreaterThan(99.9); // 3 s later
  });

  it('follows a fast move more closely as beta grows', () => {
    const ramp = Array.from({ length: 15 }, (_, i) => i * 20); // 600 px/s
    const lag = (beta: number) => 280 - run(ramp, { ...STILL, beta }).at(-1)!;
    expect(lag(0.05)).toBeLessThan(lag(0.005));
    expect(lag(0.005)).toBeLessThan(lag(0));
  });

  it('smooths jitter around a resting point', () => {
    const noise = Array.from({ length: 120 }, (_, i) => 50 + (i % 2 === 0 ? 3 : -3));
    const out = run(noise, { ...STILL, beta: 0.01 }).slice(30);
    const spread = Math.max(...out) - Math.min(...out);
    expect(spread).toBeLessThan(6 / 3); // at least 3× less than the input's 6 px swing
  });

  it('takes the short way round ±π for angles', () => {
    const out = run([3.1, -3.1, -3.1, -3.1], STILL, true);
    for (const value of out) expect(Math.abs(value)).toBeGreaterThan(3); // never swings through 0
    // Without angle handling the same input would be dragged toward 0.
    expect(Math.abs(run([3.1, -3.1], STILL)[1]!)).toBeLessThan(3);
  });

  it('ignores a sample that is not later than the last one', () => {
    const first = oneEuro(null, 10, 100, STILL);
    const repeat = oneEuro(first.state, 500, 100, STILL);
    expect(repeat.value).toBe(10);
    expect(repeat.state).toBe(first.state);
  });

  it('never leaves the range of the samples seen (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (samples, minCutoff, beta) => {
          const out = run(samples, { minCutoff, beta, dCutoff: 1 });
          out.forEach((value, i) => {
            const seen = samples.slice(0, i + 1);
            expect(value).toBeGreaterThanOrEqual(Math.min(...seen) - 1e-9);
            expect(value).toBeLessThanOrEqual(Math.max(...seen) + 1e-9);
          });
        },
      ),
    );
  });
});
