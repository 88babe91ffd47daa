import type { Landmark, Point, ViewGeometry } from './types.js';

/** Maps normalized source coordinates to view CSS pixels (object-fit + mirror). */
export interface ViewMapping {
  /** View pixels per source pixel. */
  readonly scale: number;
  /** Where the source's (0, 0) lands before mirroring, in view pixels. */
  readonly offsetX: number;
  readonly offsetY: number;
  /** Shown size of the whole source, in view pixels. */
  readonly shownWidth: number;
  readonly shownHeight: number;
  readonly mirrored: boolean;
}

/**
 * How a `sourceWidth × sourceHeight` video lands in the view. `cover` crops the overflow
 * equally on both sides (CSS default `object-position: 50% 50%`); `contain` letterboxes.
 */
export function viewMapping(
  sourceWidth: number,
  sourceHeight: number,
  view: ViewGeometry,
): ViewMapping {
  const sx = view.width / sourceWidth;
  const sy = view.height / sourceHeight;
  const scale = (view.fit ?? 'cover') === 'cover' ? Math.max(sx, sy) : Math.min(sx, sy);
  const shownWidth = sourceWidth * scale;
  const shownHeight = sourceHeight * scale;
  return {
    scale,
    offsetX: (view.width - shownWidth) / 2,
    offsetY: (view.height - shownHeight) / 2,
    shownWidth,
    shownHeight,
    mirrored: view.mirrored,
  };
}

/** One normalized landmark in view pixels. Mirroring flips x inside the shown video box. */
export function toView(mapping: ViewMapping, landmark: Landmark): Point {
  const nx = mapping.mirrored ? 1 - landmark.x : landmark.x;
  return {
    x: mapping.offsetX + nx * mapping.shownWidth,
    y: mapping.offsetY + landmark.y * mapping.shownHeight,
  };
}

/** Maps only `indices` of `landmarks`; other slots stay empty (a face has 478, we need ~10). */
export function toViewPoints(
  mapping: ViewMapping,
  landmarks: readonly Landmark[],
  indices?: readonly number[],
): (Point | undefined)[] {
  if (!indices) return landmarks.map((l) => toView(mapping, l));
  const out: (Point | undefined)[] = [];
  for (const i of indices) {
    const landmark = landmarks[i];
    if (landmark) out[i] = toView(mapping, landmark);
  }
  return out;
}

/** a − b. */
export function sub(a: Point, b: Point): Point {
  return { x: a.x - b.x, y: a.y - b.y };
}

/** a + k·v. */
export function addScaled(a: Point, v: Point, k: number): Point {
  return { x: a.x + v.x * k, y: a.y + v.y * k };
}

/** Euclidean distance. */
export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** v / |v|, or null for a (near) zero vector, which means the pose is degenerate. */
export function unit(v: Point): Point | null {
  const length = Math.hypot(v.x, v.y);
  return length > 1e-9 ? { x: v.x / length, y: v.y / length } : null;
}

/** Dot product. */
export function dot(a: Point, b: Point): number {
  return a.x * b.x + a.y * b.y;
}

/**
 * Canvas rotation that turns an upright image so its top points along `up` (y down, so an
 * upward `up` = (0, −1) gives 0 and a rightward one gives +π/2, clockwise).
 */
export function rotationOfUp(up: Point): number {
  return Math.atan2(up.x, -up.y);
}

/** Wraps an angle to (−π, π]. */
export function wrapAngle(angle: number): number {
  const wrapped = angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
  return wrapped === -Math.PI ? Math.PI : wrapped;
}
