import {
  CHIN_TO_NECK_PIT_MM,
  EARRING_HIDE_YAW_RAD,
  EYE_OUTER_CORNER_MM,
  FACE_WIDTH_MM,
  MAX_YAW_RAD,
  NOSE_DEPTH_RATIO,
} from './calibration.js';
import { addScaled, distance, dot, rotationOfUp, sub, unit } from './geometry.js';
import { HIDDEN, imageScale } from './placement.js';
import type { Placement, Point, ProductFit, ViewPoints } from './types.js';

/**
 * Face mesh indices we use, checked against MediaPipe's canonical face model
 * (`face_geometry/data/canonical_face_model.obj`, in cm, x toward the subject's left) and the
 * face-oval connection list shipped in tasks-vision. "Right"/"left" are the subject's own.
 * - 1 nose tip: the most forward point (z 7.5), used for yaw.
 * - 6 nose bridge between the eyes, at eye-corner height (y 2.47 vs 2.66): where glasses rest.
 *   (168 sits ~8 mm higher, at the brow line.)
 * - 152 chin (menton), the lowest point of the face oval.
 * - 33 / 263 outer eye corners (x ∓4.45).
 * - 234 / 454 face sides on the oval at ear level (x ∓7.66, z −2.4): the widest pair.
 * - 132 / 361 the oval's rear jaw points 3.6 cm below them (y −2.9, z −2.3), at ear-lobe height:
 *   the mesh has no ears, and these are the closest points to the lobes. (177 / 401 are at the
 *   same height but 2 cm further forward on the cheek, so they would hang earrings on the jaw.)
 */
export const FACE = {
  noseTip: 1,
  noseBridge: 6,
  chin: 152,
  rightEyeOuter: 33,
  leftEyeOuter: 263,
  rightSide: 234,
  leftSide: 454,
  rightLobe: 132,
  leftLobe: 361,
} as const;

/** Every index the face anchors read, so callers map only those of the 478. */
export const FACE_INDICES: readonly number[] = Object.values(FACE);

/** Minimum landmark count of a face (468 mesh points; 478 with irises, which we do not need). */
export const FACE_LANDMARK_COUNT = 468;

/** The head's pose as seen in the view. */
export interface HeadPose {
  /** Unit vector from chin toward the eyes, perpendicular to the eye line (in view pixels). */
  readonly up: Point;
  /**
   * Radians the head is turned; positive when the nose points toward the subject's left
   * (landmark 454's side), whatever the mirroring. Clamped to ±{@link MAX_YAW_RAD}.
   */
  readonly yaw: number;
  /** Face width 234↔454 in view pixels, corrected for yaw (as if seen from the front). */
  readonly faceWidthPx: number;
}

/**
 * Head pose from the eye line, the chin and the nose's position between the face sides.
 * Returns null when a needed landmark is missing or the face is degenerate.
 */
export function headPose(points: ViewPoints): HeadPose | null {
  const eyeR = points[FACE.rightEyeOuter];
  const eyeL = points[FACE.leftEyeOuter];
  const bridge = points[FACE.noseBridge];
  const chin = points[FACE.chin];
  const nose = points[FACE.noseTip];
  const sideR = points[FACE.rightSide];
  const sideL = points[FACE.leftSide];
  if (!eyeR || !eyeL || !bridge || !chin || !nose || !sideR || !sideL) return null;
  const across = unit(sub(eyeL, eyeR));
  if (!across) return null;
  // Perpendicular to the eye line, then pointed away from the chin (mirroring flips `across`).
  let up: Point = { x: across.y, y: -across.x };
  if (dot(up, sub(bridge, chin)) < 0) up = { x: -up.x, y: -up.y };
  const sides = sub(sideL, sideR);
  const width2 = dot(sides, sides);
  if (width2 < 1e-12) return null;
  // Orthographic head model: t = 0.5 + NOSE_DEPTH_RATIO · tan(yaw).
  const t = dot(sub(nose, sideR), sides) / width2;
  const raw = Math.atan((t - 0.5) / NOSE_DEPTH_RATIO);
  const yaw = Math.max(-MAX_YAW_RAD, Math.min(MAX_YAW_RAD, raw));
  return { up, yaw, faceWidthPx: Math.sqrt(width2) / Math.cos(yaw) };
}

/**
 * Glasses: the bridge on landmark 6, turned with the head's roll, sized by the outer eye
 * corners. The eye distance shrinks with yaw exactly as the glasses front does, so no
 * yaw correction.
 */
export function anchorGlasses(points: ViewPoints, fit: ProductFit): Placement {
  const pose = headPose(points);
  const bridge = points[FACE.noseBridge];
  const eyeR = points[FACE.rightEyeOuter];
  const eyeL = points[FACE.leftEyeOuter];
  if (!pose || !bridge || !eyeR || !eyeL) return HIDDEN;
  const pxPerMm = distance(eyeR, eyeL) / EYE_OUTER_CORNER_MM;
  return {
    x: bridge.x,
    y: bridge.y,
    rotation: rotationOfUp(pose.up),
    scale: imageScale(fit, pxPerMm),
    visible: true,
  };
}

/**
 * Necklace: {@link CHIN_TO_NECK_PIT_MM} below the chin along the face's down axis, sized by the
 * yaw-corrected face width (the neck does not turn with the head, so the chain keeps its width).
 * The roll follows the face: without a body model it is the only orientation we see, and it
 * keeps the necklace level when the camera itself is tilted.
 */
export function anchorNecklace(points: ViewPoints, fit: ProductFit): Placement {
  const pose = headPose(points);
  const chin = points[FACE.chin];
  if (!pose || !chin) return HIDDEN;
  const pxPerMm = pose.faceWidthPx / FACE_WIDTH_MM;
  const pit = addScaled(chin, pose.up, -CHIN_TO_NECK_PIT_MM * pxPerMm);
  return {
    x: pit.x,
    y: pit.y,
    rotation: rotationOfUp(pose.up),
    scale: imageScale(fit, pxPerMm),
    visible: true,
  };
}

/**
 * Earrings: one placement per ear, [subject's right, subject's left], hook on the lobe point,
 * hanging straight down (rotation 0: they swing with gravity, not with the head). An ear turned
 * away by more than {@link EARRING_HIDE_YAW_RAD} hides its earring behind the head.
 */
export function anchorEarrings(points: ViewPoints, fit: ProductFit): [Placement, Placement] {
  const pose = headPose(points);
  const lobeR = points[FACE.rightLobe];
  const lobeL = points[FACE.leftLobe];
  if (!pose || !lobeR || !lobeL) return [HIDDEN, HIDDEN];
  const scale = imageScale(fit, pose.faceWidthPx / FACE_WIDTH_MM);
  const ear = (lobe: Point, visible: boolean): Placement =>
    visible ? { x: lobe.x, y: lobe.y, rotation: 0, scale, visible } : HIDDEN;
  // Turning toward the subject's left (yaw > 0) takes the left ear away from the camera.
  return [
    ear(lobeR, pose.yaw >= -EARRING_HIDE_YAW_RAD),
    ear(lobeL, pose.yaw <= EARRING_HIDE_YAW_RAD),
  ];
}
