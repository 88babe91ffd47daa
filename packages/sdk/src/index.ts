// Public surface of @fittingroom/sdk. Nothing here touches `window` at import time, and the
// ML code (MediaPipe) is never imported statically: it loads only after camera consent.

export * from './anchoring/index.js';
export {
  type Camera,
  type CameraCloseReason,
  type CameraOptions,
  openCamera,
} from './camera/camera.js';
export { CameraError, type CameraErrorCode } from './camera/errors.js';
export * from './capture/index.js';
export * from './consent/index.js';
export { ConfigError, FittingRoomError, type FittingRoomErrorCode } from './errors.js';
export { DICTIONARIES } from './i18n/all.js';
export { loadLocale, pickConsentOverrides } from './i18n/index.js';
export { type ConsentStrings, LOCALES, type Locale, type StringOverrides } from './i18n/types.js';
export type { DelegateReason } from './ml/delegate.js';
export {
  createLandmarker,
  type FrameSource,
  type Landmarker,
  type LandmarkerOptions,
} from './ml/landmarker.js';
export type { Delegate, LandmarkerKind } from './ml/types.js';
export * from './overlay/index.js';
export * from './products/index.js';
export * from './smoothing/index.js';
export { createTryOn, type TryOnDeps } from './tryon/session.js';
export type { TryOnStrings } from './tryon/strings.js';
export { TRYON_STRINGS } from './tryon/strings-all.js';
export type * from './tryon/types.js';
export {
  type ConsentDialog,
  createConsentDialog,
  createPrivacyControl,
  type PrivacyControl,
  type PrivacyControlOptions,
} from './ui/consent-dialog/index.js';
export * from './upload/index.js';
