// The retailer's surface of @fittingroom/sdk: the try-on, the consent and upload factories, the
// error classes and the option and event types docs/api.md names. Building blocks have their own
// subpath entries (`@fittingroom/sdk/consent`, `/upload`, `/anchoring`, …; see package.json).
// Nothing here touches `window` at import time, and the ML code (MediaPipe) is never imported
// statically: it loads only after camera consent.

export type {
  ConsentReceipt,
  ExportedUpload,
  Purpose,
  SubjectExport,
  UploadResult,
} from '@fittingroom/protocol';
export { CameraError, type CameraErrorCode } from './camera/errors.js';
export { CaptureError, type CaptureErrorCode } from './capture/errors.js';
export type { Consent, ConsentEvents, ConsentResult, ConsentStatus } from './consent/api.js';
export { createConsent } from './consent/consent.js';
export type { Notice, NoticePurpose } from './consent/notice.js';
export type { ConsentOptions } from './consent/options.js';
export type {
  ConsentPolicy,
  ControllerInfo,
  ResolvedPolicy,
  SignalPolicy,
} from './consent/policy.js';
export type { ConsentAnswer, ConsentPrompt, ConsentUi } from './consent/prompt.js';
export type { DenialReason, PurposeStatus, Signals, UnavailableReason } from './consent/rules.js';
export type { ConsentStore } from './consent/store.js';
export type {
  ConsentAction,
  ConsentRecord,
  ConsentView,
  WithdrawalEvent,
} from './consent/types.js';
export type { Listener } from './emitter.js';
export { ERROR_CODES } from './error-codes.js';
export {
  ConfigError,
  type ErrorArea,
  type ErrorCodeOf,
  FittingRoomError,
  type FittingRoomErrorCode,
} from './errors.js';
export {
  type ConsentStrings,
  LOCALES,
  type Locale,
  type LocaleOverrides,
  STRING_KEYS,
  type StringKey,
  type StringOverrides,
  TRYON_KEYS,
  type TryOnKey,
  type TryOnStrings,
  type UiStringOverrides,
} from './i18n/types.js';
export type { DelegateReason } from './ml/delegate.js';
export type { Delegate } from './ml/types.js';
export {
  FINGERS,
  type Finger,
  type ImagePoint,
  PRODUCT_KINDS,
  type Product,
  type ProductImageSource,
  type ProductKind,
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
export {
  type ConsentDialog,
  type ConsentDialogOptions,
  createConsentDialog,
  createPrivacyControl,
  type PrivacyControl,
  type PrivacyControlOptions,
} from './ui/consent-dialog/index.js';
export {
  createUploadClient,
  type ResumeSummary,
  type UploadClient,
  type UploadClientEvents,
} from './upload/client.js';
export type { OnlineEvents, UploadClientOptions } from './upload/config.js';
export type { ErasureRequest } from './upload/erasure.js';
export {
  isUploadError,
  UPLOAD_ERROR_CODES,
  UploadError,
  type UploadErrorCode,
  type UploadErrorDetails,
} from './upload/errors.js';
export type { UploadMeta } from './upload/input.js';
export type { KeyValueStore } from './upload/kv-store.js';
export type { RetryEvent } from './upload/retry-loop.js';
export type { RetryPolicy, RetryReason } from './upload/retry-policy.js';
export type {
  SendOptions,
  TransferProgress,
  Transport,
  TransportRequest,
  TransportResponse,
} from './upload/transport.js';
export type { Upload, UploadEvents, UploadOutcome } from './upload/upload.js';
