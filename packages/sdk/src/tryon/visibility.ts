import type { Camera } from '../camera/camera.js';
import type { FrameLoop } from './loop.js';

/**
 * How long a hidden tab keeps the camera: a short switch (a message, a price check) resumes at
 * once; after this the camera stops (its light goes off) and opens again when the tab is shown.
 */
export const HIDDEN_CAMERA_MS = 30_000;

/** What {@link watchVisibility} drives. */
export interface VisibilityOptions {
  readonly doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  /** Where `data-paused` and `data-camera` are written (tests and styles read them). */
  readonly host: HTMLElement;
  readonly loop: Pick<FrameLoop, 'pause' | 'resume'>;
  /** The camera running now. */
  readonly camera: Camera;
  /** Opens the camera again (same consent, same video); a rejection ends the try-on's camera. */
  readonly reopen: () => Promise<Camera>;
  /** The device ended the camera, or it could not be opened again. */
  readonly onEnded: () => void;
  readonly hiddenMs?: number;
  readonly setTimeout?: (run: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

/** The pause state of a live try-on; {@link watchVisibility} returns it. */
export interface VisibilityControl {
  /** A photo under review pauses inference (the camera stays on). */
  setReviewing(reviewing: boolean): void;
  /** Stops listening and stops the camera. */
  close(): void;
}

/**
 * Two reasons to skip frames: a photo under review, and a hidden tab (no one sees the result,
 * and a background tab's inference only drains the battery). A tab hidden longer than
 * {@link HIDDEN_CAMERA_MS} also stops the camera, and opens it again once shown.
 */
export function watchVisibility(options: VisibilityOptions): VisibilityControl {
  const { doc, host, loop } = options;
  const set = options.setTimeout ?? ((run, ms) => globalThis.setTimeout(run, ms));
  const clear = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as number));
  let camera: Camera | null = options.camera;
  let reviewing = false;
  let closed = false;
  let timer: unknown = null;
  const watch = (cam: Camera) =>
    cam.onClose((reason) => {
      if (reason === 'ended' && !closed) options.onEnded();
    });
  const stopCamera = () => {
    timer = null;
    const cam = camera;
    camera = null;
    host.dataset.camera = 'stopped';
    cam?.close();
  };
  const reopen = () => {
    host.dataset.camera = 'starting';
    options.reopen().then(
      (cam) => {
        if (closed || doc.visibilityState === 'hidden') return void cam.close();
        camera = cam;
        host.dataset.camera = 'on';
        watch(cam);
        apply();
      },
      () => {
        if (!closed) options.onEnded();
      },
    );
  };
  const apply = () => {
    if (closed) return;
    const hidden = doc.visibilityState === 'hidden';
    host.dataset.paused = String(reviewing || hidden || camera === null);
    if (hidden && camera && timer === null)
      timer = set(stopCamera, options.hiddenMs ?? HIDDEN_CAMERA_MS);
    if (!hidden && timer !== null) {
      clear(timer);
      timer = null;
    }
    if (!hidden && camera === null && host.dataset.camera === 'stopped') reopen();
    if (reviewing || hidden || camera === null) loop.pause();
    else loop.resume();
  };
  watch(options.camera);
  host.dataset.camera = 'on';
  doc.addEventListener('visibilitychange', apply);
  apply();
  return {
    setReviewing(value) {
      reviewing = value;
      apply();
    },
    close() {
      closed = true;
      doc.removeEventListener('visibilitychange', apply);
      if (timer !== null) clear(timer);
      camera?.close();
      camera = null;
    },
  };
}
