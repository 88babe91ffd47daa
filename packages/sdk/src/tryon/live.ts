import { placeProduct } from '../anchoring/anchor.js';
import type { Placement, Point, ViewGeometry } from '../anchoring/types.js';
import { openCamera } from '../camera/camera.js';
import { captureStill } from '../capture/capture.js';
import type { ConsentView } from '../consent/types.js';
import { FittingRoomError } from '../errors.js';
import type { TryOnStrings } from '../i18n/types.js';
import type { Landmarker, LandmarkerContextChange } from '../ml/landmarker.js';
import { createOverlay, type Overlay } from '../overlay/overlay.js';
import { imageSizeOf, loadProductImage } from '../products/load.js';
import type { Product } from '../products/types.js';
import { requiredLandmarker } from '../products/validate.js';
import type { Renderer3d } from '../render3d/index.js';
import { createPlacementSmoother } from '../smoothing/placements.js';
import { downloadLandmarker } from './download.js';
import { start3d } from './live-3d.js';
import { type FrameLoop, startFrameLoop } from './loop.js';
import type { LiveView } from './view.js';
import { type VisibilityOptions, watchVisibility } from './visibility.js';
import type { WarmSlot } from './warm.js';

/** Options of {@link startLive}. */
export interface LiveOptions {
  readonly view: LiveView;
  readonly product: Product;
  readonly consent: ConsentView;
  readonly assetsUrl: string | URL;
  readonly workerUrl: string | URL | undefined;
  readonly strings: TryOnStrings;
  readonly debug: boolean;
  readonly inference: 'auto' | 'worker' | 'main';
  readonly delegate: 'GPU' | 'CPU' | undefined;
  /** Reports a per-frame failure without stopping the loop. */
  readonly onError: (error: unknown) => void;
  /** The device ended the camera (unplugged, taken by another app) while trying on. */
  readonly onCameraEnded: () => void;
  /** Called when the product starts or stops being drawn (most of its footprint in view). */
  readonly onTracking?: (tracking: boolean) => void;
  /**
   * The landmarker's WebGL context was lost (detection stops while it is made again), made
   * again (detection resumes), or could not be (then close this pipeline and start anew).
   */
  readonly onContext?: (change: LandmarkerContextChange) => void;
  /**
   * Aborts the start (the shopper closed or withdrew while it loads): the camera stops at once,
   * and the landmarker and 3D renderer are closed as soon as they exist.
   */
  readonly signal?: AbortSignal;
  /**
   * Where a landmarker is kept between close and open (see warm.ts): one parked there is used
   * (no download, no compile), and `close(true)` parks this one there.
   */
  readonly warm?: WarmSlot | null | undefined;
}

/** The running camera → landmarks → overlay pipeline. */
export interface Live {
  readonly landmarker: Landmarker;
  /** The current view composited with the overlay, mirrored as shown. */
  capture(): Promise<Blob>;
  pause(): void;
  resume(): void;
  /**
   * Stops the loop, the overlay and the camera, and the landmarker too unless `keep` (and
   * camera consent stands): then it is parked in the warm slot. Safe to call twice.
   */
  close(keep?: boolean): Promise<void>;
}

/**
 * Opens the camera, then loads the landmarker the product needs, then runs the per-frame
 * pipeline: detect → anchor → smooth → draw. Whatever was opened is closed again if a later
 * step fails or `signal` aborts, so neither leaves the camera light on or a WebGL context open.
 */
export async function startLive(options: LiveOptions): Promise<Live> {
  const { view, product, consent, strings } = options;
  const size = view.stageSize();
  setPhase(view, 'camera', strings.starting);
  const open = () =>
    openCamera({ consent, video: view.video, viewWidth: size.width, viewHeight: size.height });
  const camera = await open(); // a warm landmarker stays parked if the camera fails
  let pendingMarker: Promise<Landmarker> | null = null;
  let pending3d: Promise<Renderer3d | null> | null = null;
  const aborted = abortion(options.signal);
  try {
    await view.video.play().catch(() => {});
    const kind = requiredLandmarker(product.kind);
    pending3d = start3d({ view, product, debug: options.debug, onError: options.onError });
    // A warm landmarker (see warm.ts) is owned from here: closed on any failure, or when it is
    // of another kind than the product needs.
    const warm = options.warm?.take() ?? null;
    if (warm && warm.kind !== kind) await warm.close();
    pendingMarker = warm?.kind === kind ? Promise.resolve(warm) : downloadLandmarker(options, kind);
    const [image, landmarker, r3d] = await Promise.race([
      Promise.all([loadProductImage(product.image), pendingMarker, pending3d]),
      aborted.promise,
    ]);
    view.setDownload(null);
    // Until the first frame is processed, the shopper is told the try-on is starting, not to
    // show a hand that may well be in view already.
    setPhase(view, 'initializing', strings.initializing);
    const reopen = async () => {
      const next = await open();
      await view.video.play().catch(() => {});
      return next;
    };
    return run(options, { camera, reopen }, landmarker, image, r3d);
  } catch (error) {
    view.setDownload(null);
    camera.close(); // first: the camera light goes off at once
    // Whatever is still loading is closed as soon as it arrives (start3d never rejects); the
    // error is not held back until then.
    void pending3d?.then((r) => r?.close());
    void pendingMarker?.then(
      (m) => m.close(),
      () => {},
    );
    throw error;
  } finally {
    aborted.dispose();
  }
}

/** A promise that rejects when `signal` aborts, and a way to stop listening. */
function abortion(signal: AbortSignal | undefined): { promise: Promise<never>; dispose(): void } {
  let dispose = () => {};
  const promise = new Promise<never>((_, reject) => {
    if (!signal) return;
    const onAbort = () =>
      reject(new DOMException('The try-on was closed while starting.', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    dispose = () => signal.removeEventListener('abort', onAbort);
  });
  promise.catch(() => {}); // only raced; never an unhandled rejection
  return { promise, dispose };
}

/**
 * What the view shows while starting: `data-phase` on the host (tests read it) and a status.
 * `restarting`: the landmarker is made again after its WebGL context was lost.
 */
type Phase = 'camera' | 'downloading' | 'initializing' | 'running' | 'restarting';

function setPhase(view: LiveView, phase: Phase, status: string): void {
  view.host.dataset.phase = phase;
  view.setStatus(status);
}

/**
 * Frames processed without a hand or face before the hint shows: the first inference can take
 * seconds, and telling a shopper whose hand is in view to show it reads as broken.
 */
export const HINT_AFTER_FRAMES = 2;

function run(
  options: LiveOptions,
  cameras: Pick<VisibilityOptions, 'camera' | 'reopen'>,
  landmarker: Landmarker,
  image: Awaited<ReturnType<typeof loadProductImage>>,
  started3d: Renderer3d | null,
): Live {
  const { view, product, strings } = options;
  const { width, height } = view.stageSize();
  let geometry: ViewGeometry = { width, height, mirrored: true, fit: 'cover' };
  const overlay: Overlay = createOverlay({
    canvas: view.canvas,
    image,
    imageSize: imageSizeOf(image),
    anchor: product.anchor,
    width,
    height,
    mirrored: true,
    debug: options.debug,
  });
  const size = imageSizeOf(image);
  const fit = {
    kind: product.kind,
    realWidthMm: product.realWidthMm,
    imageWidthPx: size.width,
    imageHeightPx: size.height,
    anchor: product.anchor,
    finger: product.finger,
  };
  const smoother = createPlacementSmoother();
  let renderer3d = started3d;
  let lost3d = false; // the image is drawn while the 3D renderer is made again
  let restarting = false;
  let shown: string | null = null;
  let handAt: Point | null = null;
  let frames = 0;
  let misses = 0;
  // The status line says what is drawn: "running" only while the rules let the product show,
  // else the hint of the rule that failed (data-tracking and the `tracking` event alike).
  const report = (tracking: boolean, hint: keyof TryOnStrings) => {
    const key = tracking ? 'tracking' : hint;
    if (key === shown) return;
    const changed = shown === null || (shown === 'tracking') !== tracking;
    shown = key;
    view.setStatus(strings[key]);
    view.host.dataset.tracking = String(tracking);
    view.host.dataset.hint = tracking ? '' : hint;
    if (changed) options.onTracking?.(tracking);
  };
  const idle = landmarker.kind === 'hand' ? 'showHand' : 'showFace';
  const step = async (nowMs: number) => {
    const frame = await landmarker.detect(view.video, nowMs);
    if (!frame) return;
    frames++;
    view.host.dataset.frames = String(frames);
    if (frames === 1 || restarting) view.host.dataset.phase = 'running';
    restarting = false;
    const placed = placeProduct(fit, frame, geometry, handAt);
    // Kept through frames without a hand, so the hand that comes back is preferred to another.
    handAt = placed.handAt ?? handAt;
    const placements: Placement[] = smoother.update(placed.placements, frame.timestampMs);
    // A 3D product is drawn by its renderer (into the same canvas); the image is its fallback.
    if (renderer3d && !lost3d) renderer3d.draw(frame, placements, geometry);
    else overlay.draw(placements, frame);
    misses = placed.tracking ? 0 : misses + 1;
    if (!placed.tracking && misses < HINT_AFTER_FRAMES) return; // not yet: see HINT_AFTER_FRAMES
    report(placed.tracking, placed.hint ?? idle);
  };
  // A rotated phone or a resized window changes the stage: anchor and draw at the new size.
  const resized = watchSize(view, (size) => {
    geometry = { ...geometry, ...size };
    overlay.resize(size.width, size.height);
  });
  // The device may take a WebGL context away (GPU reset, memory pressure on phones): the
  // landmarker and the 3D renderer make theirs again; see gl/recovery.ts.
  const unwatchMarker = landmarker.onContext((change) => {
    view.host.dataset.context = change.state;
    if (change.state === 'lost') {
      restarting = true;
      misses = 0;
      overlay.clear(); // the product stays where it was no longer: nothing is drawn meanwhile
      if (shown === 'tracking') options.onTracking?.(false);
      shown = null;
      view.host.dataset.tracking = 'false';
      setPhase(view, 'restarting', strings.restarting);
    }
    options.onContext?.(change);
  });
  const unwatch3d = renderer3d?.onContext((change) => {
    view.host.dataset.context3d = change.state;
    lost3d = change.state !== 'restored';
    if (change.state !== 'failed') return;
    renderer3d?.close();
    renderer3d = null;
    Object.assign(view.host.dataset, { render: '2d', fallback: 'webgl_context_lost' });
    options.onError(
      new FittingRoomError('webgl_context_lost', 'The 3D view lost its WebGL context.', {
        cause: change.error,
      }),
    );
  });
  const loop: FrameLoop = startFrameLoop(view.video, step, options.onError);
  const paused = watchVisibility({
    ...cameras,
    doc: view.host.ownerDocument,
    host: view.host,
    loop,
    onEnded: options.onCameraEnded,
  });
  let closed = false;
  return {
    landmarker,
    capture: () =>
      captureStill({ video: view.video, overlayCanvas: view.canvas, mirrored: true, fit: 'cover' }),
    pause: () => paused.setReviewing(true),
    resume: () => paused.setReviewing(false),
    async close(keep = false) {
      if (closed) return;
      closed = true;
      loop.stop();
      unwatchMarker();
      unwatch3d?.();
      resized.disconnect();
      paused.close();
      overlay.close();
      renderer3d?.close();
      if (keep && options.warm && options.consent.allows('camera')) options.warm.park(landmarker);
      else await landmarker.close();
    },
  };
}

/** Calls `onResize` with the stage's new size whenever the overlay canvas changes size. */
function watchSize(
  view: LiveView,
  onResize: (size: { width: number; height: number }) => void,
): { disconnect(): void } {
  if (typeof ResizeObserver !== 'function') return { disconnect() {} };
  let last = view.stageSize();
  const observer = new ResizeObserver(() => {
    const size = view.stageSize();
    if (size.width === last.width && size.height === last.height) return;
    last = size;
    onResize(size);
  });
  observer.observe(view.canvas);
  return observer;
}
