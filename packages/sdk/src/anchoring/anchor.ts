import type { ProductKind } from '../products/types.js';
import { requiredLandmarker } from '../products/validate.js';
import {
  anchorEarrings,
  anchorGlasses,
  anchorNecklace,
  FACE_INDICES,
  FACE_LANDMARK_COUNT,
} from './face.js';
import { shownArea } from './footprint.js';
import { distance, toViewPoints, type ViewMapping, viewMapping } from './geometry.js';
import { anchorRing, anchorWrist, HAND, HAND_LANDMARK_COUNT } from './hand.js';
import { HIDDEN } from './placement.js';
import type {
  HandFrame,
  Landmark,
  LandmarkFrame,
  Placement,
  Point,
  ProductFit,
  ViewGeometry,
  ViewPoints,
} from './types.js';
import { applyVerdict, type FitHint, judgePlacement, type Verdict } from './visibility.js';

/** How many placements a kind yields: two for earrings, one otherwise. */
export function placementCount(kind: ProductKind): number {
  return kind === 'earrings' ? 2 : 1;
}

/** All-hidden placements for `kind` (target lost, or the frame is of the other landmarker). */
export function hiddenPlacements(kind: ProductKind): Placement[] {
  return Array.from({ length: placementCount(kind) }, () => HIDDEN);
}

/** The most confident hand with a full set of landmarks, or null. */
export function bestHand(frame: HandFrame): readonly Landmark[] | null {
  let best: HandFrame['hands'][number] | null = null;
  for (const hand of frame.hands) {
    if (hand.landmarks.length < HAND_LANDMARK_COUNT) continue;
    if (!best || hand.score > best.score) best = hand;
  }
  return best ? best.landmarks : null;
}

/**
 * Dispatches already-mapped points to the kind's anchoring rule (no visibility rule);
 * `forearmAxis` (view pixels, toward the hand) is the image's forearm axis for wrist products.
 */
export function anchorPoints(
  fit: ProductFit,
  points: ViewPoints,
  forearmAxis?: Point,
): Placement[] {
  switch (fit.kind) {
    case 'ring':
      return [anchorRing(points, fit)];
    case 'watch':
    case 'bracelet':
      return [anchorWrist(points, fit, forearmAxis)];
    case 'glasses':
      return [anchorGlasses(points, fit)];
    case 'necklace':
      return [anchorNecklace(points, fit)];
    case 'earrings':
      return anchorEarrings(points, fit);
  }
}

/** Where a product goes in one frame, whether it may be drawn, and what to ask otherwise. */
export interface PlacedProduct {
  /** {@link placementCount} placements, hidden where their visibility rule failed. */
  readonly placements: Placement[];
  readonly verdicts: Verdict[];
  /** True when some placement is drawn (most of its footprint in view, its rule met). */
  readonly tracking: boolean;
  /** What to ask the shopper when nothing is drawn; null while tracking. */
  readonly hint: FitHint | null;
  /** Landmark 0 of the hand used (normalized), to keep that hand next frame; null for faces. */
  readonly handAt: Point | null;
}

function lost(fit: ProductFit, hint: FitHint): PlacedProduct {
  const verdicts = hiddenPlacements(fit.kind).map(() => ({ visible: false, inView: 0, hint }));
  return { placements: hiddenPlacements(fit.kind), verdicts, tracking: false, hint, handAt: null };
}

function judged(
  fit: ProductFit,
  points: ViewPoints,
  mapping: ViewMapping,
  view: ViewGeometry,
  forearm: { seen?: number | undefined; axis?: Point | undefined } = {},
): Omit<PlacedProduct, 'handAt'> {
  const area = shownArea(mapping, view.width, view.height);
  const forearmSeen = forearm.seen;
  // A direction: mirroring flips its x, the uniform object-fit scale keeps it.
  const axis = forearm.axis && {
    x: mapping.mirrored ? -forearm.axis.x : forearm.axis.x,
    y: forearm.axis.y,
  };
  const raw = anchorPoints(fit, points, axis);
  const verdicts = raw.map((p) => judgePlacement(fit, points, p, { area, forearmSeen }));
  const tracking = verdicts.some((v) => v.visible);
  return {
    placements: raw.map((p, i) => applyVerdict(p, verdicts[i]!)),
    verdicts,
    tracking,
    hint: tracking ? null : (verdicts.find((v) => v.hint)?.hint ?? null),
  };
}

/**
 * The hand to use: among hands with a full set of landmarks, one whose product can be drawn,
 * preferring the hand used last frame (its wrist within a palm length of `previous`) so the
 * product never jumps between two hands; then the most confident. When no hand passes its
 * rule, the most confident one, for the hint.
 */
function placeOnHands(
  fit: ProductFit,
  frame: HandFrame & LandmarkFrame,
  mapping: ViewMapping,
  view: ViewGeometry,
  previous: Point | null,
): PlacedProduct {
  type Candidate = Omit<PlacedProduct, 'handAt'> & { score: number; at: Point; near: boolean };
  const candidates: Candidate[] = [];
  for (const hand of frame.hands) {
    if (hand.landmarks.length < HAND_LANDMARK_COUNT) continue;
    const at = hand.landmarks[HAND.wrist]!;
    const palm = hand.landmarks[HAND.middleMcp]!;
    const near =
      previous !== null &&
      distance(scaled(at, frame), scaled(previous, frame)) <=
        distance(scaled(at, frame), scaled(palm, frame));
    const result = judged(fit, toViewPoints(mapping, hand.landmarks), mapping, view, {
      seen: hand.forearm,
      axis: hand.forearmAxis,
    });
    candidates.push({ ...result, score: hand.score, at: { x: at.x, y: at.y }, near });
  }
  if (candidates.length === 0) return lost(fit, 'showHand');
  const rank = (c: Candidate) => (c.tracking ? 4 : 0) + (c.near ? 2 : 0) + c.score;
  const best = candidates.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const { score: _score, at, near: _near, ...placed } = best;
  return { ...placed, handAt: at };
}

/** A normalized point in source pixels, so distances are not skewed by the aspect ratio. */
function scaled(p: Point, frame: { width: number; height: number }): Point {
  return { x: p.x * frame.width, y: p.y * frame.height };
}

/**
 * Where to draw a product for one landmark frame, in view CSS pixels (object-fit and mirroring
 * applied), judged by the kind's visibility rule (see `visibility.ts`). `previousHand` is the
 * `handAt` of the last frame, so a second hand in view does not take the product over.
 */
export function placeProduct(
  fit: ProductFit,
  frame: LandmarkFrame,
  view: ViewGeometry,
  previousHand: Point | null = null,
): PlacedProduct {
  const isHand = requiredLandmarker(fit.kind) === 'hand';
  const none = isHand ? 'showHand' : 'showFace';
  if (frame.kind !== requiredLandmarker(fit.kind) || !(fit.imageWidthPx > 0))
    return lost(fit, none);
  const mapping = viewMapping(frame.width, frame.height, view);
  if (!(mapping.scale > 0) || !Number.isFinite(mapping.scale)) return lost(fit, none);
  if (frame.kind === 'hand') return placeOnHands(fit, frame, mapping, view, previousHand);
  const face = frame.faces.find((f) => f.landmarks.length >= FACE_LANDMARK_COUNT);
  if (!face) return lost(fit, 'showFace');
  const points = toViewPoints(mapping, face.landmarks, FACE_INDICES);
  return { ...judged(fit, points, mapping, view), handAt: null };
}

/**
 * The placements of {@link placeProduct}: always {@link placementCount} of them, hidden when the
 * hand or face is lost, incomplete, degenerate, out of view, or the frame comes from the other
 * landmarker.
 */
export function anchorProduct(
  fit: ProductFit,
  frame: LandmarkFrame,
  view: ViewGeometry,
): Placement[] {
  return placeProduct(fit, frame, view).placements;
}
