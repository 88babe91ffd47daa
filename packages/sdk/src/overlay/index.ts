export {
  createOverlay,
  type Overlay,
  type OverlayCanvas,
  type OverlayContext,
  type OverlayOptions,
} from './overlay.js';
