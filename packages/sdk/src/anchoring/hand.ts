import { MAX_FOREARM_BEND_RAD } from '../ml/forearm-axis.js';
import type { Finger } from '../products/types.js';
import { DEFAULT_FINGER } from '../products/types.js';
import {
  HAND_MCP_SPAN_MM,
  MCP_GAP_MM,
  PALM_LENGTH_MM,
  PROXIMAL_PHALANX_MM,
  RING_ALONG_PHALANX,
  WRIST_BREADTH_MM,
  WRIST_OFFSET_MM,
  WRIST_THICKNESS_MM,
} from './calibration.js';
import { addScaled, distance, dot, rotationOfUp, sub, unit } from './geometry.js';
import { HIDDEN, imageScale, pxPerMmFrom } from './placement.js';
import type { Placement, Point, ProductFit, ViewPoints } from './types.js';

/** MediaPipe hand landmark indices (21 points). */
export const HAND = {
  wrist: 0,
  thumbCmc: 1,
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

/** The landmark indices a ring on `finger` sits between: its base joint and the next one. */
export function ringJoints(finger: Finger): { readonly base: number; readonly next: number } {
  return FINGER_JOINTS[finger];
}

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

/** What the wrist products and their visibility rule know about the wrist, in view pixels. */
export interface WristMeasure {
  /** Landmark 0, the wrist joint. */
  readonly wrist: Point;
  /** Unit vector along the forearm axis, from the wrist toward the fingers. */
  readonly up: Point;
  /** View pixels per millimetre at the hand's depth (largest of the foreshortened measures). */
  readonly pxPerMm: number;
  /** The wrist's apparent width across the forearm axis. */
  readonly widthPx: number;
}

/**
 * The wrist from the hand's landmarks. The forearm axis is taken as wrist → middle MCP: the
 * third metacarpal continues the forearm in a neutral wrist (no forearm landmark exists). The
 * wrist's apparent width is its breadth times how face-on the knuckle row is seen across that
 * axis, never less than its thickness (a wrist seen edge-on shows its thickness).
 */
export function measureWrist(points: ViewPoints): WristMeasure | null {
  const wrist = points[HAND.wrist];
  const middle = points[HAND.middleMcp];
  const index = points[HAND.indexMcp];
  const pinky = points[HAND.pinkyMcp];
  if (!wrist || !middle || !index || !pinky) return null;
  const up = unit(sub(middle, wrist));
  if (!up) return null;
  const pxPerMm = pxPerMmFrom([
    [distance(index, pinky), HAND_MCP_SPAN_MM],
    [distance(wrist, middle), PALM_LENGTH_MM],
  ]);
  if (pxPerMm <= 0) return null;
  const knuckles = sub(index, pinky);
  const acrossPx = Math.abs(knuckles.x * up.y - knuckles.y * up.x);
  const faceOn = Math.min(1, acrossPx / (HAND_MCP_SPAN_MM * pxPerMm));
  const widthMm = Math.max(WRIST_THICKNESS_MM, WRIST_BREADTH_MM * faceOn);
  return { wrist, up, pxPerMm, widthPx: widthMm * pxPerMm };
}

/**
 * The axis a wrist product sits across: the forearm's, as the image showed it (`forearmAxis`, a
 * unit vector in view pixels toward the hand), when given and within
 * {@link MAX_FOREARM_BEND_RAD} of the palm's axis `palmUp`; otherwise the palm's.
 */
export function wristAxis(palmUp: Point, forearmAxis?: Point): Point {
  const axis = forearmAxis ? unit(forearmAxis) : null;
  return axis && dot(axis, palmUp) >= Math.cos(MAX_FOREARM_BEND_RAD) ? axis : palmUp;
}

/**
 * Watch or bracelet: on the forearm just behind the wrist joint, across the forearm's axis
 * (see {@link wristAxis}: measured from the image when the landmarker could, else the palm's),
 * its width following the wrist's apparent width (see {@link measureWrist}).
 */
export function anchorWrist(points: ViewPoints, fit: ProductFit, forearmAxis?: Point): Placement {
  const m = measureWrist(points);
  if (!m) return HIDDEN;
  const up = wristAxis(m.up, forearmAxis);
  const offsetMm = fit.kind === 'bracelet' ? WRIST_OFFSET_MM.bracelet : WRIST_OFFSET_MM.watch;
  const centre = addScaled(m.wrist, up, -offsetMm * m.pxPerMm);
  return {
    x: centre.x,
    y: centre.y,
    rotation: rotationOfUp(up),
    // Scaled so a wrist of average breadth seen face-on gets the product at its real size.
    scale: imageScale(fit, m.widthPx / WRIST_BREADTH_MM),
    visible: true,
  };
}
