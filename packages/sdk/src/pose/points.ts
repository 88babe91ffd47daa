import { viewMapping } from '../anchoring/geometry.js';
import type { Landmark, ViewGeometry } from '../anchoring/types.js';
import type { Vec3 } from './vec.js';

/** Landmarks in scene space, indexed like the model's output. */
export type ScenePoints = readonly (Vec3 | undefined)[];

/**
 * Normalized landmarks of a `frameWidth × frameHeight` frame in scene space (unmirrored view
 * pixels, y up). MediaPipe's z is relative depth in roughly the units of x (negative toward the
 * camera), so it scales with the shown width.
 */
export function toScenePoints(
  landmarks: readonly Landmark[],
  frameWidth: number,
  frameHeight: number,
  view: ViewGeometry,
): ScenePoints {
  const m = viewMapping(frameWidth, frameHeight, { ...view, mirrored: false });
  return landmarks.map((l) => [
    m.offsetX + l.x * m.shownWidth,
    -(m.offsetY + l.y * m.shownHeight),
    -l.z * m.shownWidth,
  ]);
}
