// Where the product lands on screen. Software WebGL (SwiftShader in headless Chromium, and the
// fallback of many phones' browsers) pays per pixel: clearing, shading and copying the render
// into the overlay. Rendering only the product's projected bounding box, into a drawing buffer
// no larger than that box, makes the 3D draw cost what the product covers, not the whole view.
import type { ViewCamera } from '../pose/types.js';

/** A rectangle of the view in whole CSS pixels (y down). */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels added around the box on every side: edge smoothing and rounding. */
export const REGION_PAD_PX = 3;

/** The 8 corners of an axis-aligned box, as x, y, z triples (made once per model). */
export function boxCorners(
  min: readonly [number, number, number],
  max: readonly [number, number, number],
): Float64Array {
  const out = new Float64Array(24);
  for (let i = 0; i < 8; i++) {
    out[i * 3] = i & 1 ? max[0] : min[0];
    out[i * 3 + 1] = i & 2 ? max[1] : min[1];
    out[i * 3 + 2] = i & 4 ? max[2] : min[2];
  }
  return out;
}

/** Bounds being grown: [minX, minY, maxX, maxY] in view pixels. */
export type Bounds = Float64Array;

/** Empties `bounds` (no allocation: it is reused frame to frame). */
export function clearBounds(bounds: Bounds): void {
  bounds[0] = Number.POSITIVE_INFINITY;
  bounds[1] = Number.POSITIVE_INFINITY;
  bounds[2] = Number.NEGATIVE_INFINITY;
  bounds[3] = Number.NEGATIVE_INFINITY;
}

/**
 * Grows `bounds` by where `corners`, moved by `matrix` (column-major 4×4, three's `elements`),
 * project in the view camera (the renderer's: at (cx, −cy, focal) looking down −Z). Returns
 * false when a corner reaches the near plane (focal / 10), where its projection means nothing;
 * the caller then renders the whole view.
 */
export function growByBox(
  bounds: Bounds,
  corners: Float64Array,
  matrix: ArrayLike<number>,
  camera: ViewCamera,
): boolean {
  const m = matrix;
  const f = camera.focalPx;
  for (let i = 0; i < corners.length; i += 3) {
    const x = corners[i]!;
    const y = corners[i + 1]!;
    const z = corners[i + 2]!;
    const px = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
    const py = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
    const pz = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
    const depth = f - pz;
    if (!(depth > f / 10)) return false;
    const k = f / depth;
    const sx = camera.cx + (px - camera.cx) * k;
    const sy = camera.cy - (py + camera.cy) * k;
    if (sx < bounds[0]!) bounds[0] = sx;
    if (sy < bounds[1]!) bounds[1] = sy;
    if (sx > bounds[2]!) bounds[2] = sx;
    if (sy > bounds[3]!) bounds[3] = sy;
  }
  return true;
}

/**
 * Turns grown bounds into the whole-pixel region to render, padded and clipped to the view;
 * false when nothing of it is in view. `whole` instead of bounds: the entire view.
 */
export function toRegion(
  out: Region,
  bounds: Bounds | 'whole',
  view: { readonly width: number; readonly height: number },
): boolean {
  const w = Math.ceil(view.width);
  const h = Math.ceil(view.height);
  if (bounds === 'whole') {
    Object.assign(out, { x: 0, y: 0, width: w, height: h });
    return w > 0 && h > 0;
  }
  const x0 = Math.max(0, Math.floor(bounds[0]! - REGION_PAD_PX));
  const y0 = Math.max(0, Math.floor(bounds[1]! - REGION_PAD_PX));
  const x1 = Math.min(w, Math.ceil(bounds[2]! + REGION_PAD_PX));
  const y1 = Math.min(h, Math.ceil(bounds[3]! + REGION_PAD_PX));
  out.x = x0;
  out.y = y0;
  out.width = x1 - x0;
  out.height = y1 - y0;
  return out.width > 0 && out.height > 0;
}

/** Drawing buffers grow in steps of this many pixels, so a moving product rarely resizes. */
export const BUFFER_STEP_PX = 64;

/**
 * The drawing buffer's next size (buffer pixels): large enough for `need`, grown in steps and
 * never shrunk (a WebGL resize reallocates), never larger than the view (`view`, in the same
 * pixels).
 */
export function bufferSize(
  current: { readonly width: number; readonly height: number },
  need: { readonly width: number; readonly height: number },
  view: { readonly width: number; readonly height: number },
): { width: number; height: number } {
  const grow = (have: number, want: number, most: number) =>
    have >= want
      ? Math.min(have, most)
      : Math.min(most, Math.ceil(want / BUFFER_STEP_PX) * BUFFER_STEP_PX);
  return {
    width: grow(current.width, need.width, Math.ceil(view.width)),
    height: grow(current.height, need.height, Math.ceil(view.height)),
  };
}
