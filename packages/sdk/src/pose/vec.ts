/** A 3D vector: scene space is view CSS pixels, x right, y up, z toward the camera. */
export type Vec3 = readonly [number, number, number];

/** a + b. */
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
/** a − b. */
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
/** a · k. */
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
/** Dot product. */
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
/** Cross product (right-handed). */
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
/** Euclidean length. */
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
/** a + (b − a) · t. */
export const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => add(a, scale(sub(b, a), t));

/** Unit vector along `a`, or null when it is (nearly) zero or not finite. */
export function unit(a: Vec3): Vec3 | null {
  const n = length(a);
  return n > 1e-9 && Number.isFinite(n) ? scale(a, 1 / n) : null;
}

/**
 * A right-handed orthonormal basis with `y` exactly along `up` and `z` as close to `forward`
 * as that allows (Gram–Schmidt); null when the two are parallel or degenerate.
 */
export function basisFrom(up: Vec3, forward: Vec3): { x: Vec3; y: Vec3; z: Vec3 } | null {
  const y = unit(up);
  if (!y) return null;
  const z = unit(sub(forward, scale(y, dot(forward, y))));
  if (!z) return null;
  return { x: cross(y, z), y, z };
}

/**
 * Rotates `v` about the unit `axis` by `angle` radians (Rodrigues' formula).
 */
export function rotate(v: Vec3, axis: Vec3, angle: number): Vec3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const k = dot(axis, v) * (1 - c);
  const c1 = cross(axis, v);
  return [
    v[0] * c + c1[0] * s + axis[0] * k,
    v[1] * c + c1[1] * s + axis[1] * k,
    v[2] * c + c1[2] * s + axis[2] * k,
  ];
}
