import { type BufferGeometry, Matrix4 } from 'three';

/** A triangle mesh as plain arrays, ready to become one glTF primitive. */
export interface MeshData {
  readonly positions: Float32Array;
  readonly normals: Float32Array;
  readonly indices: Uint32Array;
}

/**
 * Takes a three.js geometry (used here only as a geometry generator: no renderer runs under
 * Node), optionally transformed, as plain arrays. Distances are in millimetres here and become
 * metres when written (see `build.ts`).
 */
export function fromGeometry(geometry: BufferGeometry, transform?: Matrix4): MeshData {
  const g = geometry.index ? geometry : geometry;
  if (transform) g.applyMatrix4(transform);
  if (!g.getAttribute('normal')) g.computeVertexNormals();
  const position = g.getAttribute('position');
  const normal = g.getAttribute('normal');
  const count = position.count;
  const indices = g.index
    ? Uint32Array.from(g.index.array as ArrayLike<number>)
    : Uint32Array.from({ length: count }, (_, i) => i);
  return {
    positions: Float32Array.from(position.array as ArrayLike<number>),
    normals: Float32Array.from(normal.array as ArrayLike<number>),
    indices,
  };
}

/** Joins meshes that share a material into one primitive. */
export function merge(...parts: readonly MeshData[]): MeshData {
  const vertices = parts.reduce((n, p) => n + p.positions.length, 0);
  const triangles = parts.reduce((n, p) => n + p.indices.length, 0);
  const positions = new Float32Array(vertices);
  const normals = new Float32Array(vertices);
  const indices = new Uint32Array(triangles);
  let v = 0;
  let i = 0;
  for (const p of parts) {
    positions.set(p.positions, v);
    normals.set(p.normals, v);
    for (let k = 0; k < p.indices.length; k++) indices[i + k] = (p.indices[k] ?? 0) + v / 3;
    v += p.positions.length;
    i += p.indices.length;
  }
  return { positions, normals, indices };
}

/** A transform from a translation (mm), Euler rotation (rad) and scale. */
export function place(
  [x, y, z]: readonly [number, number, number],
  [rx, ry, rz]: readonly [number, number, number] = [0, 0, 0],
  [sx, sy, sz]: readonly [number, number, number] = [1, 1, 1],
): Matrix4 {
  const m = new Matrix4().makeRotationX(rx);
  m.premultiply(new Matrix4().makeRotationY(ry));
  m.premultiply(new Matrix4().makeRotationZ(rz));
  m.premultiply(new Matrix4().makeScale(sx, sy, sz));
  m.premultiply(new Matrix4().makeTranslation(x, y, z));
  return m;
}

/**
 * A closed band around the Y axis with an elliptic cross-section of the wrist (semi-axes `a`
 * across, `b` front to back, centred at z = `centreZ`): a strap or a bangle. `width` is along
 * Y, `thickness` outwards. Angles `from`..`to` (radians from +Z) leave a gap when not a full turn.
 */
export function ellipticBand(options: {
  a: number;
  b: number;
  centreZ: number;
  width: number;
  thickness: number;
  segments?: number;
  from?: number;
  to?: number;
}): MeshData {
  const { a, b, centreZ, width, thickness } = options;
  const n = options.segments ?? 64;
  const from = options.from ?? 0;
  const to = options.to ?? 2 * Math.PI;
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  // Four rings of vertices per step: outer top/bottom, inner top/bottom; flat shading per side.
  const ring = (t: number, grow: number, y: number) => {
    const s = Math.sin(t);
    const c = Math.cos(t);
    // Outward normal of the ellipse at t.
    const nx = s / a;
    const nz = c / b;
    const len = Math.hypot(nx, nz);
    return {
      p: [(a + grow) * s, y, centreZ + (b + grow) * c],
      n: [nx / len, 0, nz / len],
    };
  };
  const sides: [number, number, number, boolean][] = [
    [thickness, width / 2, -width / 2, false], // outer face
    [0, -width / 2, width / 2, true], // inner face (normals inward)
  ];
  for (const [grow, y0, y1, inward] of sides) {
    const base = positions.length / 3;
    for (let k = 0; k <= n; k++) {
      const t = from + ((to - from) * k) / n;
      for (const y of [y0, y1]) {
        const { p, n: nn } = ring(t, grow, y);
        positions.push(...p);
        normals.push(...nn.map((x) => (inward ? -x : x)));
      }
    }
    for (let k = 0; k < n; k++) {
      const q = base + 2 * k;
      indices.push(q, q + 1, q + 2, q + 1, q + 3, q + 2);
    }
  }
  // The two edges (top and bottom), facing ±Y.
  for (const y of [width / 2, -width / 2]) {
    const base = positions.length / 3;
    for (let k = 0; k <= n; k++) {
      const t = from + ((to - from) * k) / n;
      for (const grow of [0, thickness]) {
        positions.push(...ring(t, grow, y).p);
        normals.push(0, Math.sign(y), 0);
      }
    }
    for (let k = 0; k < n; k++) {
      const q = base + 2 * k;
      if (y > 0) indices.push(q, q + 2, q + 1, q + 1, q + 2, q + 3);
      else indices.push(q, q + 1, q + 2, q + 1, q + 3, q + 2);
    }
  }
  return {
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    indices: Uint32Array.from(indices),
  };
}
