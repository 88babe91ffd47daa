// Public surface of @fittingroom/sdk. Nothing here touches `window` at import time.
export { ConfigError, FittingRoomError, type FittingRoomErrorCode } from './errors.js';
export {
  createLandmarker,
  type FrameSource,
  type Landmarker,
  type LandmarkerOptions,
} from './ml/landmarker.js';
export type { Landmark, LandmarkFrame, LandmarkerKind } from './ml/types.js';
