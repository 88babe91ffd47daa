import type { Finger } from '../products/types.js';
import { DEFAULT_FINGER } from '../products/types.js';
import {
  HAND_MCP_SPAN_MM,
  MCP_GAP_MM,
  PALM_LENGTH_MM,
  PROXIMAL_PHALANX_MM,
  RING_ALONG_PHALANX,
  WRIST_OFFSET_MM,
} from './calibration.js';
import { addScaled, distance, rotationOfUp, sub, unit } from './geometry.js';
import { HIDDEN, imageScale, pxPerMmFrom } from './placement.js';
import type { Placement, ProductFit, ViewPoints } from './types.js';

/** MediaPipe hand landmark indices (21 points). */
export const HAND = {
  wrist: 0,
  thumbMcp: 2,
  thumbIp: 3,
  indexMcp: 5,
  indexPip: 6,
  middleMcp: 9,
  middlePip: 10,
  ringMcp: 13,
  ringPip: 14,
  pinkyMcp: 17,
  pinkyPip: 18,
} as const;

/** Number of landmarks MediaPipe gives per hand. */
export const HAND_LANDMARK_COUNT = 21;

interface FingerJoints {
  /** Joint the ring sits above (MCP; the thumb's MCP). */
  readonly base: number;
  /** Next joint toward the tip (PIP; the thumb's IP). */
  readonly next: number;
  /** Neighbouring knuckle pairs whose spacing gives the finger's width. */
  readonly gaps: readonly (readonly [number, number])[];
}

// The thumb has no knuckle neighbour in the MCP row, so it borrows the index–middle gap.
const FINGER_JOINTS: Record<Finger, FingerJoints> = {
  thumb: { base: HAND.thumbMcp, next: HAND.thumbIp, gaps: [[HAND.indexMcp, HAND.middleMcp]] },
  index: { base: HAND.indexMcp, next: HAND.indexPip, gaps: [[HAND.indexMcp, HAND.middleMcp]] },
  middle: {
    base: HAND.middleMcp,
    next: HAND.middlePip,
    gaps: [
      [HAND.indexMcp, HAND.middleMcp],
      [HAND.middleMcp, HAND.ringMcp],
    ],
  },
  ring: {
    base: HAND.ringMcp,
    next: HAND.ringPip,
    gaps: [
      [HAND.middleMcp, HAND.ringMcp],
      [HAND.ringMcp, HAND.pinkyMcp],
    ],
  },
  pinky: { base: HAND.pinkyMcp, next: HAND.pinkyPip, gaps: [[HAND.ringMcp, HAND.pinkyMcp]] },
};

/**
 * Ring: on the chosen finger, {@link RING_ALONG_PHALANX} of the way from the MCP to the PIP
 * joint, the image's top pointing toward the fingertip, sized from the knuckle spacing (or the
 * phalanx length when that is longer in view).
 */
export function anchorRing(points: ViewPoints, fit: ProductFit): Placement {
  const finger = fit.finger ?? DEFAULT_FINGER;
  const joints = FINGER_JOINTS[finger];
  const base = points[joints.base];
  const next = points[joints.next];
  if (!base || !next) return HIDDEN;
  const along = sub(next, base);
  if (!unit(along)) return HIDDEN;
  let gapSum = 0;
  for (const [a, b] of joints.gaps) {
    const pa = points[a];
    const pb = points[b];
    if (!pa || !pb) return HIDDEN;
    gapSum += distance(pa, pb);
  }
  const pxPerMm = pxPerMmFrom([
    [gapSum / joints.gaps.length, MCP_GAP_MM],
    [distance(base, next), PROXIMAL_PHALANX_MM[finger]],
  ]);
  if (pxPerMm <= 0) return HIDDEN;
  const centre = addScaled(base, along, RING_ALONG_PHALANX);
  return {
    x: centre.x,
    y: centre.y,
    rotation: rotationOfUp(along),
    scale: imageScale(fit, pxPerMm),
    visible: true,
  };
}

/**
 * Watch or bracelet: on the forearm just behind the wrist joint, along the wrist → middle-MCP
 * axis (which the forearm continues), sized by the hand's knuckle span or palm length.
 */
export function anchorWrist(points: ViewPoints, fit: ProductFit): Placement {
  const wrist = points[HAND.wrist];
  const middle = points[HAND.middleMcp];
  const index = points[HAND.indexMcp];
  const pinky = points[HAND.pinkyMcp];
  if (!wrist || !middle || !index || !pinky) return HIDDEN;
  const axis = sub(middle, wrist);
  const up = unit(axis);
  if (!up) return HIDDEN;
  const pxPerMm = pxPerMmFrom([
    [distance(index, pinky), HAND_MCP_SPAN_MM],
    [distance(wrist, middle), PALM_LENGTH_MM],
  ]);
  if (pxPerMm <= 0) return HIDDEN;
  const offsetMm = fit.kind === 'bracelet' ? WRIST_OFFSET_MM.bracelet : WRIST_OFFSET_MM.watch;
  const centre = addScaled(wrist, up, -offsetMm * pxPerMm);
  return {
    x: centre.x,
    y: centre.y,
    rotation: rotationOfUp(axis),
    scale: imageScale(fit, pxPerMm),
    visible: true,
  };
}
