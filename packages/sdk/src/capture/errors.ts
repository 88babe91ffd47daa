import type { ErrorCodeOf } from '../error-codes.js';
import { FittingRoomError } from '../errors.js';

/**
 * Why a capture did not produce an image: `capture_not_ready` (the video has no frame yet: not
 * started, or already stopped) or `capture_failed` (drawing or encoding failed, e.g. a
 * cross-origin product image tainted the canvas).
 */
export type CaptureErrorCode = ErrorCodeOf<'capture'>;

/** Typed capture error (a {@link FittingRoomError} with a capture code). */
export class CaptureError extends FittingRoomError {
  override readonly name = 'CaptureError';
  /** Stable reason; branch on this, never on the message. */
  override readonly code: CaptureErrorCode;

  constructor(code: CaptureErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.code = code;
  }
}
