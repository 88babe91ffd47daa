// `@fittingroom/sdk/anchoring`: pure geometry from landmarks to product placements.
export {
  anchorPoints,
  anchorProduct,
  bestHand,
  hiddenPlacements,
  type PlacedProduct,
  placementCount,
  placeProduct,
} from './anchor.js';
export {
  anchorEarrings,
  anchorGlasses,
  anchorNecklace,
  FACE,
  FACE_INDICES,
  type HeadPose,
  headPose,
} from './face.js';
export { type Box, footprint, fractionInBox, shownArea } from './footprint.js';
export { toView, toViewPoints, type ViewMapping, viewMapping, wrapAngle } from './geometry.js';
export { anchorRing, anchorWrist, HAND, measureWrist, type WristMeasure } from './hand.js';
export { HIDDEN } from './placement.js';
export type {
  FaceFrame,
  HandFrame,
  Landmark,
  LandmarkFrame,
  Placement,
  Point,
  ProductFit,
  VideoFit,
  ViewGeometry,
  ViewPoints,
} from './types.js';
export {
  applyVerdict,
  type FitHint,
  judgePlacement,
  MIN_FOOTPRINT_IN_VIEW,
  type RuleContext,
  type Verdict,
} from './visibility.js';
