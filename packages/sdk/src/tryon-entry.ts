// `@fittingroom/sdk/tryon`: the lean entry the script-tag loader imports on the shopper's first
// click: consent and the try-on session only. The live view, ML, anchoring, overlay, capture and
// upload client are loaded by the session after consent (see tryon/session.ts).

export type { CameraErrorCode } from './camera/errors.js';
export type { CaptureErrorCode } from './capture/errors.js';
export type { ConsentPolicy, ControllerInfo, SignalPolicy } from './consent/policy.js';
export {
  ConfigError,
  type ErrorArea,
  type ErrorCodeOf,
  FittingRoomError,
  type FittingRoomErrorCode,
} from './errors.js';
export type {
  ConsentStrings,
  Locale,
  LocaleOverrides,
  StringKey,
  TryOnKey,
  TryOnStrings,
  UiStringOverrides,
} from './i18n/types.js';
export type { DelegateReason } from './ml/delegate.js';
export type { Delegate } from './ml/types.js';
export type {
  Finger,
  ImagePoint,
  Product,
  ProductImageSource,
  ProductKind,
} from './products/types.js';
export { createTryOn, type TryOnDeps } from './tryon/session.js';
export type {
  IngestOptions,
  LandmarkerInfo,
  TryOn,
  TryOnEvents,
  TryOnOptions,
  TryOnState,
} from './tryon/types.js';
export type { UploadErrorCode } from './upload/errors.js';
