import { FittingRoomError, type FittingRoomErrorCode } from '../errors.js';

/** Why the camera could not be opened. Each has a message the UI can show as is. */
export type CameraErrorCode = Extract<FittingRoomErrorCode, `camera_${string}`>;

const MESSAGES: Record<CameraErrorCode, string> = {
  camera_denied:
    'Camera access was blocked. Allow the camera for this site in your browser settings to try on.',
  camera_not_found: 'No camera was found. Connect a camera and try again.',
  camera_busy: 'The camera is in use by another app or tab. Close it there and try again.',
  camera_insecure_context: 'Try-on needs a secure (https) page to use the camera.',
  camera_unsupported: 'This browser cannot share its camera with web pages.',
  camera_failed: 'The camera could not be started.',
};

/** A typed camera failure with a shopper-facing message. */
export class CameraError extends FittingRoomError {
  constructor(code: CameraErrorCode, options?: { cause?: unknown }) {
    super(code, MESSAGES[code], options);
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
