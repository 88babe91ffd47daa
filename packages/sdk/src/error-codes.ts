// Every error code of the SDK, listed once, by area. Callers branch on `code`, never on
// messages. The per-area unions (`CameraErrorCode`, `UploadErrorCode`, …) are derived from this
// table, so a code added here is known everywhere and a `switch` over `code` stays exhaustive.
// Type-only imports of this module cost nothing at run time; only `UPLOAD_ERROR_CODES` readers
// bundle the table.

/** Every error code, by the area that raises it. */
export const ERROR_CODES = {
  /** A configuration mistake (`ConfigError`, with the field at fault). */
  config: ['config'],
  /** The consent flow (consent/consent.ts). */
  consent: [
    'consent_closed',
    'consent_ui_unavailable',
    'consent_storage',
    'consent_insecure_context',
    'consent_listener_failed',
  ],
  /** The camera (`CameraError`, camera/errors.ts); the try-on shows the catalog's text for each. */
  camera: [
    'camera_denied',
    'camera_not_found',
    'camera_busy',
    'camera_insecure_context',
    'camera_unsupported',
    'camera_failed',
  ],
  /**
   * On-device ML (ml/landmarker.ts). `ml_context_lost`: the device took the landmarker's WebGL
   * context away and it could not be made again (gl/recovery.ts); the try-on offers a retry.
   */
  ml: ['consent_required', 'ml_load_failed', 'ml_download_failed', 'ml_context_lost'],
  /**
   * 3D products (render3d/errors.ts): the image fallback is drawn instead. `webgl_context_lost`:
   * the 3D renderer's context was lost and could not be made again.
   */
  model: ['model_failed', 'webgl_unavailable', 'webgl_context_lost'],
  /**
   * Photo mode (`PhotoError`, photo/errors.ts): a file that is not a decodable image, or one
   * over the size limit. Nothing else happens: a running camera keeps running.
   */
  photo: ['photo_not_image', 'photo_too_large'],
  /** Capture (`CaptureError`): no frame yet, or drawing/encoding failed. */
  capture: ['capture_not_ready', 'capture_failed'],
  /**
   * Upload, export and erasure (`UploadError`). `consent_*` refusals are decided on the device
   * and never cost a request.
   */
  upload: [
    'consent_missing',
    'consent_expired',
    'consent_withdrawn',
    'consent_not_granted',
    'invalid_input',
    'network',
    'server',
    'rate_limited',
    'rejected',
    'aborted',
    'invalid_response',
    'storage',
  ],
} as const;

/** An area of the SDK that raises errors. */
export type ErrorArea = keyof typeof ERROR_CODES;

/** The error codes of one area. */
export type ErrorCodeOf<Area extends ErrorArea> = (typeof ERROR_CODES)[Area][number];

/** Every error code of the SDK. */
export type FittingRoomErrorCode = ErrorCodeOf<ErrorArea>;
