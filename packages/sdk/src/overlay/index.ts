// `@fittingroom/sdk/overlay`: draws the product image on a canvas at a placement.
export {
  createOverlay,
  type Overlay,
  type OverlayCanvas,
  type OverlayContext,
  type OverlayOptions,
} from './overlay.js';
