import {
  HAND_MCP_SPAN_MM,
  MCP_GAP_MM,
  PALM_LENGTH_MM,
  PROXIMAL_PHALANX_MM,
  RING_ALONG_PHALANX,
  WRIST_OFFSET_MM,
} from '../anchoring/calibration.js';
import { HAND } from '../anchoring/hand.js';
import type { Finger } from '../products/types.js';
import { rayCorrection } from './camera.js';
import type { ScenePoints } from './points.js';
import type { Occluder, Pose3, ViewCamera } from './types.js';
import { add, basisFrom, cross, length, lerp, scale, sub, type Vec3 } from './vec.js';

/** MCP → PIP joints of each finger (the thumb's MCP → IP). */
const SEGMENT: Record<Finger, readonly [number, number]> = {
  thumb: [HAND.thumbMcp, HAND.thumbIp],
  index: [HAND.indexMcp, HAND.indexPip],
  middle: [HAND.middleMcp, HAND.middlePip],
  ring: [HAND.ringMcp, HAND.ringPip],
  pinky: [HAND.pinkyMcp, HAND.pinkyPip],
};

/** Wrist cross-section (semi-axes across and front to back) of an average adult. */
const WRIST_MM = { across: 29, depth: 19, length: 70 } as const;

/** Finger radius relative to the knuckle spacing (a finger is a little narrower than its gap). */
const FINGER_RADIUS_PER_GAP = 0.42;

/** The shopper's own hand (anatomical side). */
export type HandSide = 'left' | 'right';

/**
 * The shopper's own hand from MediaPipe's handedness label. The SDK feeds the camera's
 * unmirrored frames; on them the label names the hand itself (measured: the e2e photo of a left
 * hand, palm up, is labelled `Left`), although MediaPipe documents labels for mirrored input.
 */
export function handSide(label: 'Left' | 'Right'): HandSide {
  return label === 'Left' ? 'left' : 'right';
}

/**
 * The unit normal of the back of the hand: the knuckle row (index → pinky MCP) crossed with the
 * fingers' direction (the mean of the four MCP → PIP segments), whose winding is opposite for
 * left and right hands. Only points of the palm and fingers, which stay in frame and are better
 * estimated in depth than the wrist.
 */
export function backOfHand(points: ScenePoints, side: HandSide): Vec3 | null {
  const index = points[HAND.indexMcp];
  const pinky = points[HAND.pinkyMcp];
  if (!index || !pinky) return null;
  let along: Vec3 = [0, 0, 0];
  for (const finger of ['index', 'middle', 'ring', 'pinky'] as const) {
    const [a, b] = SEGMENT[finger];
    const pa = points[a];
    const pb = points[b];
    if (!pa || !pb) return null;
    along = add(along, sub(pb, pa));
  }
  const n = cross(sub(pinky, index), along);
  const len = length(n);
  if (!(len > 1e-9)) return null;
  return scale(n, (side === 'left' ? -1 : 1) / len);
}

/** Pixels per metre from pairs of (3D distance in px, real distance in mm): their mean. */
function pxPerMetre(pairs: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (const [px, mm] of pairs) sum += px / (mm / 1000);
  return sum / pairs.length;
}

/** A pose in the hand's "seen along the ray" frame, moved into the scene about `at`. */
function toScene(
  camera: ViewCamera,
  at: Vec3,
  axes: { x: Vec3; y: Vec3; z: Vec3 },
  k: number,
): Pose3 {
  const turn = rayCorrection(camera, at[0], at[1]);
  return {
    position: [at[0], at[1], 0],
    x: turn(axes.x),
    y: turn(axes.y),
    z: turn(axes.z),
    pxPerMetre: k,
  };
}

/** A ring's pose and the finger that wears it. */
export interface RingPose {
  readonly pose: Pose3;
  readonly finger: Occluder;
}

/**
 * Ring: the band's centre {@link RING_ALONG_PHALANX} of the way from MCP to PIP, +Y along the
 * finger toward its tip, +Z out of the back of the hand (where the stone sits); scale from the
 * knuckle spacing and the phalanx length in 3D. The finger occluder is a cylinder along the
 * segment, sized from the knuckle spacing but kept inside the band (`maxRadiusM`, the band's inner
 * radius in metres) so the band's front is never hidden by the finger it goes round.
 */
export function ringPose(
  points: ScenePoints,
  camera: ViewCamera,
  finger: Finger,
  back: Vec3,
  maxRadiusM: number,
): RingPose | null {
  const [baseIndex, nextIndex] = SEGMENT[finger];
  const base = points[baseIndex];
  const next = points[nextIndex];
  const middle = points[HAND.middleMcp];
  const ring = points[HAND.ringMcp];
  const pinky = points[HAND.pinkyMcp];
  if (!base || !next || !middle || !ring || !pinky) return null;
  const axes = basisFrom(sub(next, base), back);
  if (!axes) return null;
  const gap = (length(sub(ring, middle)) + length(sub(pinky, ring))) / 2;
  const k = pxPerMetre([
    [gap, MCP_GAP_MM],
    [length(sub(next, base)), PROXIMAL_PHALANX_MM[finger]],
  ]);
  if (!(k > 0)) return null;
  const pose = toScene(camera, lerp(base, next, RING_ALONG_PHALANX), axes, k);
  const radius = Math.min(gap * FINGER_RADIUS_PER_GAP, maxRadiusM * k);
  return {
    pose,
    finger: {
      kind: 'cylinder',
      centre: add(pose.position, scale(pose.y, length(sub(next, base)) * 0.2)),
      axis: pose.y,
      across: pose.x,
      radiusAcross: radius,
      radiusDepth: radius,
      length: length(sub(next, base)) * 1.6,
    },
  };
}

/** A wrist product's pose and the wrist that wears it. */
export interface WristPose {
  readonly pose: Pose3;
  readonly wrist: Occluder;
}

/**
 * Watch or bracelet, on the forearm just behind the wrist joint: +Y along the wrist → middle-MCP
 * axis, +Z out of the back of the hand. A watch's origin is the centre of its case back, on the
 * skin of the back of the wrist; a bracelet's is the centre of its loop, on the arm's axis. The
 * wrist occluder is an elliptic cylinder of an average wrist's cross-section.
 */
export function wristPose(
  points: ScenePoints,
  camera: ViewCamera,
  kind: 'watch' | 'bracelet',
  back: Vec3,
): WristPose | null {
  const wrist = points[HAND.wrist];
  const middle = points[HAND.middleMcp];
  const index = points[HAND.indexMcp];
  const pinky = points[HAND.pinkyMcp];
  if (!wrist || !middle || !index || !pinky) return null;
  const axes = basisFrom(sub(middle, wrist), back);
  if (!axes) return null;
  const k = pxPerMetre([
    [length(sub(pinky, index)), HAND_MCP_SPAN_MM],
    [length(sub(middle, wrist)), PALM_LENGTH_MM],
  ]);
  if (!(k > 0)) return null;
  const mm = k / 1000;
  const axis = add(wrist, scale(axes.y, -WRIST_OFFSET_MM[kind] * mm));
  const origin = kind === 'watch' ? add(axis, scale(axes.z, WRIST_MM.depth * mm)) : axis;
  const pose = toScene(camera, origin, axes, k);
  const centre =
    kind === 'watch' ? add(pose.position, scale(pose.z, -WRIST_MM.depth * mm)) : pose.position;
  return {
    pose,
    wrist: {
      kind: 'cylinder',
      centre: add(centre, scale(pose.y, -WRIST_MM.length * 0.3 * mm)),
      axis: pose.y,
      across: pose.x,
      radiusAcross: WRIST_MM.across * mm,
      radiusDepth: WRIST_MM.depth * mm,
      length: WRIST_MM.length * mm,
    },
  };
}
