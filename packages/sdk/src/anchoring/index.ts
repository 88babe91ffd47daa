// `@fittingroom/sdk/anchoring`: pure geometry from landmarks to product placements.
export {
  anchorPoints,
  anchorProduct,
  bestHand,
  hiddenPlacements,
  placementCount,
} from './anchor.js';
export {
  anchorEarrings,
  anchorGlasses,
  anchorNecklace,
  FACE,
  type HeadPose,
  headPose,
} from './face.js';
export { toView, type ViewMapping, viewMapping } from './geometry.js';
export { anchorRing, anchorWrist, HAND } from './hand.js';
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
