// `@fittingroom/sdk/landmarks`: the on-device hand and face landmarker (MediaPipe, loaded lazily).
export type { DelegateReason } from './delegate.js';
export {
  createLandmarker,
  type FrameSource,
  type Landmarker,
  type LandmarkerContextChange,
  type LandmarkerOptions,
} from './landmarker.js';
export type {
  Delegate,
  FaceFrame,
  HandFrame,
  Landmark,
  LandmarkerKind,
  LandmarkFrame,
} from './types.js';
