import type { LandmarkFrame, Placement, ViewGeometry } from '../anchoring/types.js';
import type { Finger, ProductKind } from '../products/types.js';
import { viewCamera } from './camera.js';
import {
  earringPoses,
  glassesPose,
  headFrame,
  headOccluder,
  necklacePose,
  neckOccluder,
} from './face.js';
import { backOfHand, handSide, ringPose, wristPose } from './hand.js';
import { type ScenePoints, toScenePoints } from './points.js';
import type { Occluder, PoseFrame, ViewCamera } from './types.js';

/** A face triangulation: triangles over the landmarks and the outline ring of the surface. */
export interface FaceTopology {
  readonly triangles: Uint32Array;
  readonly outline: readonly number[];
}

/** What {@link posesForFrame} needs besides the frame. */
export interface PoseInputs {
  readonly kind: ProductKind;
  readonly finger: Finger;
  readonly view: ViewGeometry;
  /** The 2D placements of the same frame: their visibility rules decide what is shown. */
  readonly placements: readonly Placement[];
  /** Rings: the band's inner radius in metres, which the finger occluder stays inside. */
  readonly bandRadiusM: number;
  /** Triangulates the face landmarks (in scene space) for the head occluder. */
  readonly triangulate: (points: ScenePoints) => FaceTopology | null;
}

const NONE = (n: number): PoseFrame => ({
  poses: Array.from({ length: n }, () => null),
  occluders: [],
});

/** The most confident hand with all its landmarks. */
function bestHand(frame: Extract<LandmarkFrame, { kind: 'hand' }>) {
  let best: (typeof frame.hands)[number] | null = null;
  for (const hand of frame.hands) {
    if (hand.landmarks.length < 21) continue;
    if (!best || hand.score > best.score) best = hand;
  }
  return best;
}

/**
 * The 3D poses and occluders of one frame: pure, from the landmarks, the view and the 2D
 * placements (a hidden placement gives a null pose). Also returns the camera to render with.
 */
export function posesForFrame(
  frame: LandmarkFrame,
  inputs: PoseInputs,
): PoseFrame & { camera: ViewCamera } {
  const camera = viewCamera(frame.width, frame.height, inputs.view);
  const count = inputs.placements.length;
  const none = { ...NONE(count), camera };
  const shown = (i: number) => inputs.placements[i]?.visible === true;
  if (!inputs.placements.some((p) => p.visible)) return none;
  if (frame.kind === 'hand') {
    const hand = bestHand(frame);
    if (!hand) return none;
    const points = toScenePoints(hand.landmarks, frame.width, frame.height, inputs.view);
    const back = backOfHand(points, handSide(hand.handedness));
    if (!back) return none;
    if (inputs.kind === 'ring') {
      const ring = ringPose(points, camera, inputs.finger, back, inputs.bandRadiusM);
      return ring
        ? { poses: [shown(0) ? ring.pose : null], occluders: [ring.finger], camera }
        : none;
    }
    if (inputs.kind === 'watch' || inputs.kind === 'bracelet') {
      const w = wristPose(points, camera, inputs.kind, back);
      return w ? { poses: [shown(0) ? w.pose : null], occluders: [w.wrist], camera } : none;
    }
    return none;
  }
  const face = frame.faces[0];
  if (!face || face.landmarks.length < 468) return none;
  const points = toScenePoints(face.landmarks, frame.width, frame.height, inputs.view);
  const head = headFrame(points, camera);
  if (!head) return none;
  const occluders: Occluder[] = [];
  const topology = inputs.triangulate(points);
  const headMesh = topology && headOccluder(head, points, topology.triangles, topology.outline);
  if (headMesh) occluders.push(headMesh);
  if (inputs.kind === 'glasses') {
    return { poses: [shown(0) ? glassesPose(head, points) : null], occluders, camera };
  }
  if (inputs.kind === 'earrings') {
    const poses = earringPoses(head, points).map((p, i) => (shown(i) ? p : null));
    return { poses, occluders, camera };
  }
  if (inputs.kind === 'necklace') {
    const pose = necklacePose(head, points);
    if (pose) occluders.push(neckOccluder(head, pose));
    return { poses: [shown(0) ? pose : null], occluders, camera };
  }
  return none;
}
