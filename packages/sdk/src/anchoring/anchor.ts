import type { ProductKind } from '../products/types.js';
import { requiredLandmarker } from '../products/validate.js';
import {
  anchorEarrings,
  anchorGlasses,
  anchorNecklace,
  FACE_INDICES,
  FACE_LANDMARK_COUNT,
} from './face.js';
import { toViewPoints, viewMapping } from './geometry.js';
import { anchorRing, anchorWrist, HAND_LANDMARK_COUNT } from './hand.js';
import { HIDDEN } from './placement.js';
import type {
  HandFrame,
  Landmark,
  LandmarkFrame,
  Placement,
  ProductFit,
  ViewGeometry,
  ViewPoints,
} from './types.js';

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

/** Dispatches already-mapped points to the kind's anchoring rule. */
export function anchorPoints(fit: ProductFit, points: ViewPoints): Placement[] {
  switch (fit.kind) {
    case 'ring':
      return [anchorRing(points, fit)];
    case 'watch':
    case 'bracelet':
      return [anchorWrist(points, fit)];
    case 'glasses':
      return [anchorGlasses(points, fit)];
    case 'necklace':
      return [anchorNecklace(points, fit)];
    case 'earrings':
      return anchorEarrings(points, fit);
  }
}

/**
 * Where to draw a product for one landmark frame, in view CSS pixels (object-fit and mirroring
 * applied). Always returns {@link placementCount} placements; they are hidden when the hand or
 * face is lost, incomplete, degenerate, or the frame comes from the other landmarker.
 */
export function anchorProduct(
  fit: ProductFit,
  frame: LandmarkFrame,
  view: ViewGeometry,
): Placement[] {
  if (frame.kind !== requiredLandmarker(fit.kind) || !(fit.imageWidthPx > 0)) {
    return hiddenPlacements(fit.kind);
  }
  const mapping = viewMapping(frame.width, frame.height, view);
  if (!(mapping.scale > 0) || !Number.isFinite(mapping.scale)) return hiddenPlacements(fit.kind);
  if (frame.kind === 'hand') {
    const hand = bestHand(frame);
    return hand ? anchorPoints(fit, toViewPoints(mapping, hand)) : hiddenPlacements(fit.kind);
  }
  const face = frame.faces.find((f) => f.landmarks.length >= FACE_LANDMARK_COUNT);
  if (!face) return hiddenPlacements(fit.kind);
  return anchorPoints(fit, toViewPoints(mapping, face.landmarks, FACE_INDICES));
}
