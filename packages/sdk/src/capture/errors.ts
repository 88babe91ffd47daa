/** Why a capture did not produce an image. */
export type CaptureErrorCode =
  /** The video has no frame yet (not started, or already stopped). */
  | 'capture_not_ready'
  /** Drawing or encoding failed (e.g. a cross-origin product image tainted the canvas). */
  | 'capture_failed';

/**
 * Typed capture error.
 * Wiring note: extends `Error` because `FittingRoomErrorCode` in `src/errors.ts` has no capture
 * codes yet; rebase on `FittingRoomError` once `capture_not_ready` and `capture_failed` are added.
 */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
  /** Stable reason; branch on this, never on the message. */
  readonly code: CaptureErrorCode;

  constructor(code: CaptureErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
