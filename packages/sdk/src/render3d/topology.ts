import Delaunator from 'delaunator';
import type { FaceTopology, ScenePoints } from '../pose/index.js';

/**
 * Triangulates the face landmarks as seen (Delaunay on x, y): the face's front surface, and its
 * convex outline (where the occluder's walls go backwards). Computed once per try-on from the
 * first face: the mesh topology follows the landmark indices, not the pixels, so it stays valid
 * as the face moves.
 */
export function triangulateFace(points: ScenePoints): FaceTopology | null {
  const n = Math.min(points.length, 468); // the irises add nothing to the surface
  const coords = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (!p) return null;
    coords[2 * i] = p[0];
    coords[2 * i + 1] = p[1];
  }
  const d = new Delaunator(coords);
  // Delaunator winds triangles clockwise in y-down coordinates; depth-only, so winding is moot.
  return { triangles: Uint32Array.from(d.triangles), outline: Array.from(d.hull) };
}
