import type { ErrorCodeOf } from '../error-codes.js';
import { FittingRoomError } from '../errors.js';
import { en } from '../i18n/tryon/en.js';

/** Why the camera could not be opened. Each has a message the UI can show as is. */
export type CameraErrorCode = ErrorCodeOf<'camera'>;
/** A typed camera failure with a shopper-facing message (the catalog's English text for it). */
export class CameraError extends FittingRoomError {
  constructor(code: CameraErrorCode, options?: { cause?: unknown }) {
    super(code, en[code], options);
    this.name = 'CameraError';
  }
}

/** Maps a `getUserMedia` rejection (a DOMException name) to our error code. */
export function cameraErrorCode(error: unknown): CameraErrorCode {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return 'camera_denied';
    case 'SecurityError':
      return 'camera_insecure_context';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'camera_not_found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'camera_busy';
    case 'TypeError':
      return 'camera_unsupported';
    default:
      return 'camera_failed';
  }
}
