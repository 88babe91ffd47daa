import type { CaptureErrorCode } from './capture/errors.js';
import type { UploadErrorCode } from './upload/errors.js';

/**
 * Error codes of the SDK. Callers branch on `code`, never on messages. Other parts add their
 * codes here (one union, so a `switch` over `code` stays exhaustive).
 */
export type FittingRoomErrorCode =
  | 'config'
  | 'consent_closed'
  | 'consent_ui_unavailable'
  | 'consent_storage'
  | 'consent_insecure_context'
  | 'consent_listener_failed'
  // camera (camera/errors.ts)
  | 'camera_denied'
  | 'camera_not_found'
  | 'camera_busy'
  | 'camera_insecure_context'
  | 'camera_unsupported'
  | 'camera_failed'
  // on-device ML (ml/landmarker.ts)
  | 'consent_required'
  | 'ml_load_failed'
  | 'ml_download_failed'
  | 'ml_closed'
  // 3D products (render3d/errors.ts): the image fallback is drawn instead
  | 'model_failed'
  | 'webgl_unavailable'
  // capture (capture/errors.ts) and upload (upload/errors.ts)
  | CaptureErrorCode
  | UploadErrorCode;

/** Base class of every error the SDK throws on purpose. */
export class FittingRoomError extends Error {
  /** Stable, machine-readable reason. */
  readonly code: FittingRoomErrorCode;

  constructor(code: FittingRoomErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FittingRoomError';
    this.code = code;
  }
}

/**
 * A configuration mistake. `field` is the dotted path of the offending option (for example
 * `policy.controller.name`) so the retailer knows exactly what to fix.
 */
export class ConfigError extends FittingRoomError {
  /** Dotted path of the option at fault. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super('config', `${field} ${problem}`);
    this.name = 'ConfigError';
    this.field = field;
  }
}
