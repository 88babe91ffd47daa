// `@fittingroom/sdk/capture`: still capture, review, the share decision and metadata checks.
export {
  type CaptureCanvas,
  type CaptureContext,
  type CaptureOptions,
  type CaptureType,
  type CaptureVideo,
  captureStill,
  encodeCanvas,
} from './capture.js';
export { CaptureError, type CaptureErrorCode } from './errors.js';
export {
  type CaptureLayout,
  captureLayout,
  DEFAULT_MAX_SIDE,
  type Size,
} from './layout.js';
export { findMetadata, type MetadataKind } from './metadata.js';
export {
  createReview,
  type ObjectUrls,
  type Review,
  type ReviewOptions,
  type ReviewStrings,
} from './review.js';
export {
  type ShareDecision,
  type ShareDeps,
  type ShareOutcome,
  shareCapture,
  shareDecision,
} from './share.js';
export { stripMetadata } from './strip.js';
