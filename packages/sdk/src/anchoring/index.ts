export {
  anchorPoints,
  anchorProduct,
  bestHand,
  hiddenPlacements,
  placementCount,
} from './anchor.js';
export * as calibration from './calibration-namespace.js';
export {
  anchorEarrings,
  anchorGlasses,
  anchorNecklace,
  FACE,
  type HeadPose,
  headPose,
} from './face.js';
export { toView, type ViewMapping, viewMapping, wrapAngle } from './geometry.js';
export { anchorRing, anchorWrist, HAND } from './hand.js';
export { HIDDEN } from './placement.js';
export type * from './types.js';
