import type { ConsentView } from '../consent/types.js';
import { FittingRoomError } from '../errors.js';
import { videoConstraints } from './constraints.js';
import { CameraError, cameraErrorCode } from './errors.js';

/** Options of {@link openCamera}. */
export interface CameraOptions {
  /** Opening requires `camera` consent; withdrawal stops the tracks at once. */
  readonly consent: ConsentView;
  /** The element that shows the preview; tracks stop when it leaves the DOM. */
  readonly video: HTMLVideoElement;
  /** Size of the view in CSS pixels, to choose the capture size. */
  readonly viewWidth?: number;
  readonly viewHeight?: number;
  /** Injected for tests; defaults to the browser's. */
  readonly mediaDevices?: MediaDevices;
  readonly window?: Window;
}

/** An open camera. `close()` stops every track; the camera can be opened again afterwards. */
export interface Camera {
  readonly stream: MediaStream;
  readonly video: HTMLVideoElement;
  /** Stops every track and detaches the stream. Safe to call twice. */
  close(): void;
  /** Calls `listener` once when the camera stops for any reason. */
  onClose(listener: (reason: CameraCloseReason) => void): void;
}

/** Why a camera stopped. */
export type CameraCloseReason = 'closed' | 'withdrawn' | 'pagehide' | 'detached' | 'ended';

function mediaDevicesOf(options: CameraOptions, win: Window | undefined): MediaDevices {
  if (win && win.isSecureContext === false) throw new CameraError('camera_insecure_context');
  const devices = options.mediaDevices ?? win?.navigator.mediaDevices;
  if (!devices || typeof devices.getUserMedia !== 'function') {
    throw new CameraError('camera_unsupported');
  }
  return devices;
}

/**
 * Opens the front camera into `video`, only with `camera` consent. The tracks stop on
 * `close()`, on withdrawal, on `pagehide`, when the video leaves the DOM, or when the device
 * ends them, so no camera light is ever left on.
 */
export async function openCamera(options: CameraOptions): Promise<Camera> {
  if (!options.consent.allows('camera')) {
    throw new FittingRoomError('consent_required', 'Camera consent is required to try on.');
  }
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  const devices = mediaDevicesOf(options, win);
  const { video } = options;
  const constraints = videoConstraints(
    options.viewWidth ?? (video.clientWidth || 640),
    options.viewHeight ?? (video.clientHeight || 480),
    win?.devicePixelRatio ?? 1,
  );
  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia({ video: constraints, audio: false });
  } catch (error) {
    throw new CameraError(cameraErrorCode(error), { cause: error });
  }
  // Consent may have been withdrawn while the permission prompt was open.
  if (!options.consent.allows('camera')) {
    for (const track of stream.getTracks()) track.stop();
    throw new FittingRoomError('consent_required', 'Camera consent was withdrawn.');
  }
  return attach(stream, video, options.consent, win);
}

function attach(
  stream: MediaStream,
  video: HTMLVideoElement,
  consent: ConsentView,
  win: Window | undefined,
): Camera {
  const listeners: ((reason: CameraCloseReason) => void)[] = [];
  let closed = false;
  const stop = (reason: CameraCloseReason) => {
    if (closed) return;
    closed = true;
    for (const track of stream.getTracks()) track.stop();
    if (video.srcObject === stream) video.srcObject = null;
    unsubscribe();
    win?.removeEventListener('pagehide', onPageHide);
    observer?.disconnect();
    for (const listener of listeners.splice(0)) listener(reason);
  };
  const unsubscribe = consent.onWithdraw(() => stop('withdrawn'));
  const onPageHide = () => stop('pagehide');
  win?.addEventListener('pagehide', onPageHide);
  const observer =
    typeof MutationObserver === 'function' && video.ownerDocument
      ? new MutationObserver(() => {
          if (!video.isConnected) stop('detached');
        })
      : null;
  observer?.observe(video.ownerDocument, { childList: true, subtree: true });
  for (const track of stream.getTracks()) track.addEventListener('ended', () => stop('ended'));
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  return {
    stream,
    video,
    close: () => stop('closed'),
    onClose: (listener) => {
      if (closed) listener('closed');
      else listeners.push(listener);
    },
  };
}
