import { describe, expect, it } from 'vitest';
import { project } from '../../src/pose/camera.js';
import type { ViewCamera } from '../../src/pose/types.js';
import {
  BUFFER_STEP_PX,
  boxCorners,
  bufferSize,
  clearBounds,
  growByBox,
  REGION_PAD_PX,
  type Region,
  toRegion,
} from '../../src/render3d/region.js';

const camera: ViewCamera = { cx: 320, cy: 240, focalPx: 515, width: 640, height: 480 };
const view = { width: 640, height: 480 };

/** Column-major 4×4 (three's `elements`): scale `k`, then move to (x, y, z). */
function placed(k: number, x: number, y: number, z: number): number[] {
  return [k, 0, 0, 0, 0, k, 0, 0, 0, 0, k, 0, x, y, z, 1];
}

function regionOf(matrices: number[][], corners = boxCorners([-1, -1, -1], [1, 1, 1])) {
  const bounds = new Float64Array(4);
  clearBounds(bounds);
  for (const m of matrices) if (!growByBox(bounds, corners, m, camera)) return 'whole' as const;
  const out: Region = { x: 0, y: 0, width: 0, height: 0 };
  return toRegion(out, bounds, view) ? out : null;
}

describe('the region a posed model covers', () => {
  it('encloses the projection of every corner of the box, padded, as the camera projects', () => {
    // A 20-pixel cube centred on the view point (200, 150), scene y is −view y.
    const m = placed(10, 200, -150, 0);
    const r = regionOf([m]);
    if (!r || r === 'whole') throw new Error('expected a region');
    for (const [x, y, z] of [
      [-10, -10, 10],
      [10, 10, 10],
      [-10, 10, -10],
      [10, -10, -10],
    ] as const) {
      const p = project(camera, [200 + x, -150 + y, z]);
      expect(p.x).toBeGreaterThanOrEqual(r.x + REGION_PAD_PX - 1);
      expect(p.x).toBeLessThanOrEqual(r.x + r.width - REGION_PAD_PX + 1);
      expect(p.y).toBeGreaterThanOrEqual(r.y + REGION_PAD_PX - 1);
      expect(p.y).toBeLessThanOrEqual(r.y + r.height - REGION_PAD_PX + 1);
    }
    // Off-centre, the near face's left edge (187.5) and the far face's right edge (212.1)
    // bound it: 24.7 px, plus the padding and rounding, not the view.
    expect(r.width).toBeGreaterThanOrEqual(24.7 + 2 * REGION_PAD_PX);
    expect(r.width).toBeLessThanOrEqual(24.7 + 2 * REGION_PAD_PX + 2);
  });

  it('joins the boxes of several copies (two earrings) and clips to the view', () => {
    const r = regionOf([placed(10, 5, -100, 0), placed(10, 600, -100, 0)]);
    if (!r || r === 'whole') throw new Error('expected a region');
    expect(r.x).toBe(0);
    expect(r.x + r.width).toBeGreaterThan(605);
    expect(r.y).toBeLessThan(90);
    expect(r.y + r.height).toBeGreaterThan(110);
  });

  it('is empty when the model is out of view, the whole view when it reaches the camera', () => {
    expect(regionOf([placed(10, -500, -100, 0)])).toBeNull();
    expect(regionOf([placed(10, 320, -240, 480)])).toBe('whole');
  });

  it('is the whole view when asked for it (the debug view)', () => {
    const out: Region = { x: 5, y: 5, width: 1, height: 1 };
    expect(toRegion(out, 'whole', { width: 639.5, height: 480 })).toBe(true);
    expect(out).toEqual({ x: 0, y: 0, width: 640, height: 480 });
  });
});

describe('the drawing buffer size', () => {
  it('grows in steps, never shrinks, never exceeds the view', () => {
    const first = bufferSize({ width: 0, height: 0 }, { width: 70, height: 10 }, view);
    expect(first).toEqual({ width: 2 * BUFFER_STEP_PX, height: BUFFER_STEP_PX });
    expect(bufferSize(first, { width: 20, height: 20 }, view)).toEqual(first);
    expect(bufferSize(first, { width: 630, height: 470 }, view)).toEqual(view);
    // A smaller view (a rotated phone) clips it.
    expect(bufferSize(view, { width: 20, height: 20 }, { width: 300, height: 200 })).toEqual({
      width: 300,
      height: 200,
    });
  });
});
