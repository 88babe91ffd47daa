import { CHIN_TO_NECK_PIT_MM, EYE_OUTER_CORNER_MM } from '../anchoring/calibration.js';
import { rayCorrection } from './camera.js';
import type { ScenePoints } from './points.js';
import type { Occluder, Pose3, ViewCamera } from './types.js';
import { add, basisFrom, dot, length, scale, sub, type Vec3 } from './vec.js';

/**
 * Face-mesh indices the 3D poses read ("left"/"right" are the subject's own): 168 the nose
 * bridge at the brow line, where the glasses' bridge rests (the reference point); 10 the
 * top of the forehead; 152 the chin; 33/263 the outer eye corners; 234/454 the face sides at
 * ear level; 162/389 the outline just above the ears, where glasses' temples rest on the head;
 * 132/361 the rear jaw points at ear-lobe height.
 */
export const FACE3 = {
  bridge: 168,
  forehead: 10,
  chin: 152,
  rightEye: 33,
  leftEye: 263,
  rightSide: 234,
  leftSide: 454,
  rightEarTop: 162,
  leftEarTop: 389,
  rightLobe: 132,
  leftLobe: 361,
} as const;

/** Neck: semi-axes across and front to back, and how far behind the chin the pit of the neck is. */
const NECK_MM = { across: 52, depth: 46, pitBehindChin: 35, length: 140 } as const;

/** Head: how far behind the face sides (at ear level) the occluder reaches. */
const HEAD_BACK_MM = 110;

/** Head: how much wider than the face's outline the back of the occluder is (fraction). */
const HEAD_WIDENING = 0.12;

/** The head's orientation and scale in the "seen along the ray" frame, about landmark 168. */
export interface HeadFrame {
  readonly origin: Vec3;
  readonly x: Vec3;
  readonly y: Vec3;
  readonly z: Vec3;
  readonly pxPerMetre: number;
  /** Maps a point of that frame into the scene (ray correction about the origin). */
  readonly toScene: (p: Vec3) => Vec3;
  /** Maps a direction of that frame into the scene. */
  readonly turn: (v: Vec3) => Vec3;
}

/**
 * The head frame: x toward the subject's left (eye corners and face sides together, for a steady
 * roll), y from the chin to the forehead, z out of the face; scale from the 3D eye-corner
 * distance (unchanged by yaw). Null when a landmark is missing or the face is degenerate.
 */
export function headFrame(points: ScenePoints, camera: ViewCamera): HeadFrame | null {
  const p = (i: number) => points[i];
  const o = p(FACE3.bridge);
  const eyeR = p(FACE3.rightEye);
  const eyeL = p(FACE3.leftEye);
  const sideR = p(FACE3.rightSide);
  const sideL = p(FACE3.leftSide);
  const top = p(FACE3.forehead);
  const chin = p(FACE3.chin);
  if (!o || !eyeR || !eyeL || !sideR || !sideL || !top || !chin) return null;
  const across = add(sub(eyeL, eyeR), sub(sideL, sideR));
  const up = sub(top, chin);
  // y along the chin→forehead line, then x as close to the eye line as stays perpendicular.
  const b = basisFrom(up, across);
  if (!b) return null;
  const eyes = length(sub(eyeL, eyeR));
  if (!(eyes > 0)) return null;
  const turn = rayCorrection(camera, o[0], o[1]);
  const origin: Vec3 = [o[0], o[1], 0];
  // basisFrom made z ≈ `across`; rename so that x = across, y = up, z = x × y (out of the face).
  return {
    origin,
    x: b.z,
    y: b.y,
    z: scale(b.x, -1),
    pxPerMetre: eyes / (EYE_OUTER_CORNER_MM / 1000),
    toScene: (q) => add(origin, turn(sub(q, o))),
    turn,
  };
}

/** A pose at `at` (a point of the head frame) with the head's axes. */
function headPose(head: HeadFrame, at: Vec3): Pose3 {
  return {
    position: head.toScene(at),
    x: head.turn(head.x),
    y: head.turn(head.y),
    z: head.turn(head.z),
    pxPerMetre: head.pxPerMetre,
  };
}

/** Largest pitch {@link templePitch} applies (radians): beyond it the ear landmarks are wrong. */
const MAX_TEMPLE_PITCH = (35 * Math.PI) / 180;

/**
 * How far to pitch the glasses (radians, about the head's x; positive tips the temples down) so
 * the temples, running back from the bridge along −z, pass over the ears (162/389). The head's
 * y runs chin → forehead, which is not square to the line from the bridge to the ears: along its
 * −z alone the temples run off the ears and show through the face. 0 when those landmarks are
 * missing or not behind the bridge.
 */
export function templePitch(head: HeadFrame, points: ScenePoints): number {
  const bridge = points[FACE3.bridge];
  const right = points[FACE3.rightEarTop];
  const left = points[FACE3.leftEarTop];
  if (!bridge || !right || !left) return 0;
  const d = sub(scale(add(right, left), 0.5), bridge);
  const up = dot(d, head.y);
  const back = -dot(d, head.z);
  if (!(back > 0)) return 0;
  const pitch = Math.atan2(-up, back);
  return Math.max(-MAX_TEMPLE_PITCH, Math.min(MAX_TEMPLE_PITCH, pitch));
}

/**
 * Glasses: the model's origin (the bridge's back) on landmark 168, the head's axes pitched by
 * {@link templePitch} about x, so the temples rest on the ears rather than cross the face.
 */
export function glassesPose(head: HeadFrame, points: ScenePoints): Pose3 | null {
  const bridge = points[FACE3.bridge];
  if (!bridge) return null;
  const a = templePitch(head, points);
  const [c, s] = [Math.cos(a), Math.sin(a)];
  const y = sub(scale(head.y, c), scale(head.z, s));
  const z = add(scale(head.z, c), scale(head.y, s));
  return { ...headPose(head, bridge), y: head.turn(y), z: head.turn(z) };
}

/** Earrings: one pose per lobe (subject's right, then left), hanging along the head's down axis. */
export function earringPoses(head: HeadFrame, points: ScenePoints): (Pose3 | null)[] {
  return [FACE3.rightLobe, FACE3.leftLobe].map((i) => {
    const lobe = points[i];
    return lobe ? headPose(head, lobe) : null;
  });
}

/** Necklace: the front point at the pit of the neck, below and behind the chin. */
export function necklacePose(head: HeadFrame, points: ScenePoints): Pose3 | null {
  const chin = points[FACE3.chin];
  if (!chin) return null;
  const k = head.pxPerMetre / 1000;
  const pit = add(
    add(chin, scale(head.y, -CHIN_TO_NECK_PIT_MM * k)),
    scale(head.z, -NECK_MM.pitBehindChin * k),
  );
  return headPose(head, pit);
}

/** Neck occluder: an elliptic cylinder behind the pit of the neck, along the head's up axis. */
export function neckOccluder(head: HeadFrame, necklace: Pose3): Occluder {
  const k = head.pxPerMetre / 1000;
  return {
    kind: 'cylinder',
    centre: add(necklace.position, scale(necklace.z, -NECK_MM.depth * k)),
    axis: necklace.y,
    across: necklace.x,
    radiusAcross: NECK_MM.across * k,
    radiusDepth: NECK_MM.depth * k,
    length: NECK_MM.length * k,
  };
}

/**
 * Head occluder: the face mesh itself (its landmarks, triangulated once by the caller) plus the
 * outline of the face pushed backwards by {@link HEAD_BACK_MM}, walls joining the two, and a back
 * cap; in scene space. `outline` is the face's silhouette ring (indices into `points`).
 */
export function headOccluder(
  head: HeadFrame,
  points: ScenePoints,
  faceTriangles: Uint32Array,
  outline: readonly number[],
): Occluder | null {
  const n = points.length;
  const positions = new Float32Array((n + outline.length + 1) * 3);
  for (let i = 0; i < n; i++) {
    const q = points[i];
    if (!q) return null;
    positions.set(head.toScene(q), i * 3);
  }
  const back = scale(head.z, (-HEAD_BACK_MM * head.pxPerMetre) / 1000);
  let middle: Vec3 = [0, 0, 0];
  for (const index of outline)
    middle = add(middle, scale(points[index] as Vec3, 1 / outline.length));
  // The skull is wider behind the face than the face's outline (temples, ears): the back ring is
  // the outline widened by HEAD_WIDENING across and up, so the walls slant outwards.
  let centre: Vec3 = [0, 0, 0];
  outline.forEach((index, k) => {
    const p = points[index] as Vec3;
    const d = sub(p, middle);
    const wide = add(
      scale(head.x, dot(d, head.x) * HEAD_WIDENING),
      scale(head.y, dot(d, head.y) * HEAD_WIDENING),
    );
    const q = add(add(p, wide), back);
    centre = add(centre, scale(q, 1 / outline.length));
    positions.set(head.toScene(q), (n + k) * 3);
  });
  positions.set(head.toScene(centre), (n + outline.length) * 3);
  const m = outline.length;
  const indices = new Uint32Array(faceTriangles.length + m * 9);
  indices.set(faceTriangles);
  let w = faceTriangles.length;
  for (let k = 0; k < m; k++) {
    const a = outline[k] as number;
    const b = outline[(k + 1) % m] as number;
    const a2 = n + k;
    const b2 = n + ((k + 1) % m);
    indices.set([a, b, b2, a, b2, a2, a2, b2, n + m], w);
    w += 9;
  }
  return { kind: 'mesh', positions, indices };
}
