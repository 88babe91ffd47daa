import { describe, expect, it } from 'vitest';
import { HIDDEN } from '../../src/anchoring/placement.js';
import type { Placement } from '../../src/anchoring/types.js';
import { ConfigError } from '../../src/errors.js';
import {
  createPlacementSmoother,
  DEFAULT_SMOOTHING,
  smoothPlacements,
} from '../../src/smoothing/placements.js';

const at = (x: number, rotation = 0, scale = 0.5): Placement => ({
  x,
  y: 100,
  rotation,
  scale,
  visible: true,
});

describe('createPlacementSmoother', () => {
  it('passes the first placement through', () => {
    const smoother = createPlacementSmoother();
    expect(smoother.update([at(10, 1, 0.3)], 0)).toEqual([at(10, 1, 0.3)]);
  });

  it('smooths each channel toward the new placement', () => {
    const smoother = createPlacementSmoother();
    smoother.update([at(0, 0, 0.5)], 0);
    const [p] = smoother.update([at(100, 1, 1)], 33);
    expect(p!.x).toBeGreaterThan(0);
    expect(p!.x).toBeLessThan(100);
    expect(p!.rotation).toBeGreaterThan(0);
    expect(p!.rotation).toBeLessThan(1);
    expect(p!.scale).toBeGreaterThan(0.5);
    expect(p!.scale).toBeLessThan(1);
  });

  it('bridges a missed frame, then hides after hideAfterMs and starts afresh', () => {
    const smoother = createPlacementSmoother({ hideAfterMs: 100 });
    const [seen] = smoother.update([at(50)], 0);
    expect(smoother.update([HIDDEN], 33)).toEqual([seen]); // one missed frame: no flicker
    expect(smoother.update([HIDDEN], 99)).toEqual([seen]);
    expect(smoother.update([HIDDEN], 100)).toEqual([HIDDEN]);
    // Found again far away: placed there at once, not glided in from x = 50.
    expect(smoother.update([at(400)], 133)).toEqual([at(400)]);
  });

  it('keeps filtering when the target comes back within the grace period', () => {
    const smoother = createPlacementSmoother({ hideAfterMs: 100 });
    smoother.update([at(0)], 0);
    smoother.update([HIDDEN], 33);
    const [p] = smoother.update([at(100)], 66);
    expect(p!.x).toBeGreaterThan(0);
    expect(p!.x).toBeLessThan(100);
  });

  it('tracks earrings side by side: one side hiding leaves the other alone', () => {
    const smoother = createPlacementSmoother({ hideAfterMs: 0 });
    smoother.update([at(10), at(90)], 0);
    const [left, right] = smoother.update([HIDDEN, at(90)], 33);
    expect(left).toEqual(HIDDEN);
    expect(right).toEqual(at(90));
  });

  it('starts afresh when the product (slot count) changes or time runs backwards', () => {
    const smoother = createPlacementSmoother();
    smoother.update([at(0)], 0);
    expect(smoother.update([at(100), at(200)], 33)).toEqual([at(100), at(200)]);
    expect(smoother.update([at(300), at(300)], 10)).toEqual([at(300), at(300)]);
    smoother.reset();
    expect(smoother.update([at(7)], 50)).toEqual([at(7)]);
  });

  it('names the wrong tuning field', () => {
    const bad = { ...DEFAULT_SMOOTHING.rotation, minCutoff: 0 };
    expect(() => createPlacementSmoother({ rotation: bad })).toThrowError(
      expect.objectContaining({ field: 'smoothing.rotation.minCutoff' }),
    );
    expect(() => createPlacementSmoother({ hideAfterMs: -1 })).toThrow(ConfigError);
  });
});

describe('smoothPlacements', () => {
  it('is pure: the same state and input give the same output', () => {
    const first = smoothPlacements([], [at(0)], 0);
    const a = smoothPlacements(first.state, [at(100)], 33);
    const b = smoothPlacements(first.state, [at(100)], 33);
    expect(a.placements).toEqual(b.placements);
  });
});
