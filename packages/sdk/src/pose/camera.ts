import { viewMapping } from '../anchoring/geometry.js';
import type { ViewGeometry } from '../anchoring/types.js';
import type { ViewCamera } from './types.js';
import { cross, dot, rotate, unit, type Vec3 } from './vec.js';

/**
 * Vertical field of view assumed for the shopper's camera (front cameras of phones and laptops
 * are 45–60°). Only how strongly perspective shows depends on it: every anchor is placed on its
 * landmark exactly, whatever the value, because scene and landmarks share this one camera.
 */
export const ASSUMED_VERTICAL_FOV_RAD = (50 * Math.PI) / 180;

/** The camera of a `frameWidth × frameHeight` video shown in `view` (cover or contain). */
export function viewCamera(
  frameWidth: number,
  frameHeight: number,
  view: ViewGeometry,
  verticalFov = ASSUMED_VERTICAL_FOV_RAD,
): ViewCamera {
  const m = viewMapping(frameWidth, frameHeight, { ...view, mirrored: false });
  return {
    cx: m.offsetX + m.shownWidth / 2,
    cy: m.offsetY + m.shownHeight / 2,
    focalPx: m.shownHeight / 2 / Math.tan(verticalFov / 2),
    width: view.width,
    height: view.height,
  };
}

/** Vertical field of view (radians) of the whole view for a three.js camera. */
export function viewFov(camera: ViewCamera): number {
  return 2 * Math.atan(camera.height / 2 / camera.focalPx);
}

/**
 * Landmarks describe a body part as seen along the ray from the camera to it. This returns the
 * rotation that turns such a "seen along the optical axis" shape into the scene, where the part
 * sits off-centre: it maps the axis (0, 0, −1) onto the ray through the view point (x, y) of
 * scene space. Without it, a face in a corner of the frame would get glasses skewed sideways.
 */
export function rayCorrection(camera: ViewCamera, x: number, y: number): (v: Vec3) => Vec3 {
  const ray = unit([x - camera.cx, y + camera.cy, -camera.focalPx]);
  const axis: Vec3 = [0, 0, -1];
  if (!ray) return (v) => v;
  const turn = unit(cross(axis, ray));
  if (!turn) return (v) => v;
  const angle = Math.acos(Math.max(-1, Math.min(1, dot(axis, ray))));
  return (v) => rotate(v, turn, angle);
}

/** Projects a scene point to view CSS pixels (y down), as the renderer's camera does. */
export function project(camera: ViewCamera, p: Vec3): { x: number; y: number } {
  const k = camera.focalPx / (camera.focalPx - p[2]);
  return { x: camera.cx + (p[0] - camera.cx) * k, y: camera.cy - (p[1] + camera.cy) * k };
}
