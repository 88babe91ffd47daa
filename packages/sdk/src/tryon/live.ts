import { placeProduct } from '../anchoring/anchor.js';
import type { Placement, Point, ViewGeometry } from '../anchoring/types.js';
import { type Camera, openCamera } from '../camera/camera.js';
import { captureStill } from '../capture/capture.js';
import type { ConsentView } from '../consent/types.js';
import type { TryOnStrings } from '../i18n/types.js';
import type { Landmarker, LandmarkerContextChange } from '../ml/landmarker.js';
import type { LandmarkerKind } from '../ml/types.js';
import type { Product } from '../products/types.js';
import { requiredLandmarker } from '../products/validate.js';
import { createPlacementSmoother } from '../smoothing/placements.js';
import { downloadLandmarker } from './download.js';
import { loadAlongsideCamera } from './early-start.js';
import { loadLayer, type PendingLayer, type ProductLayer } from './live-layer.js';
import { abortion, setPhase, watchSize } from './live-watch.js';
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
  /** The landmarker of the current product. */
  readonly landmarker: Landmarker;
  /** The product drawn now. */
  readonly product: Product;
  /**
   * Draws another product from its next frame on: the camera and the loop go on, a landmarker
   * of the other kind loads on first need (then stays for switching back), and what the old
   * product alone needed (its image, its 3D renderer) is closed. On failure the old product is
   * still drawn and the error is thrown.
   */
  setProduct(product: Product): Promise<void>;
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
 * Opens the camera and, alongside it, loads the landmarker the product needs and its layer
 * (see early-start.ts), then runs the per-frame pipeline: detect → anchor → smooth → draw.
 * Whatever was opened is closed again if a later step fails or `signal` aborts, so neither
 * leaves the camera light on, a download running or a WebGL context open.
 */
export async function startLive(options: LiveOptions): Promise<Live> {
  const { view, product, consent, strings } = options;
  const size = view.stageSize();
  setPhase(view, 'camera', strings.starting);
  const open = () =>
    openCamera({ consent, video: view.video, viewWidth: size.width, viewHeight: size.height });
  const loads = loadAlongsideCamera(options, requiredLandmarker(product.kind));
  let camera: Camera;
  try {
    camera = await open();
  } catch (error) {
    loads.cancel(true); // a warm landmarker stays parked if the camera fails
    throw error;
  }
  let pendingLayer: PendingLayer | null = null;
  const aborted = abortion(options.signal);
  try {
    const landmarker = loads.landmarker(); // before the first frame is waited for
    await view.video.play().catch(() => {});
    pendingLayer = loadLayer(options);
    const [layer, marker] = await Promise.race([
      Promise.all([pendingLayer.promise, landmarker]),
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
    return run(options, { camera, reopen }, marker, layer);
  } catch (error) {
    view.setDownload(null);
    camera.close(); // first: the camera light goes off at once
    // Whatever is still loading is closed as soon as it arrives (start3d never rejects); the
    // error is not held back until then.
    pendingLayer?.discard();
    loads.cancel(false);
    throw error;
  } finally {
    aborted.dispose();
  }
}

/**
 * Frames processed without a hand or face before the hint shows: the first inference can take
 * seconds, and telling a shopper whose hand is in view to show it reads as broken.
 */
export const HINT_AFTER_FRAMES = 2;

function run(
  options: LiveOptions,
  cameras: Pick<VisibilityOptions, 'camera' | 'reopen'>,
  firstMarker: Landmarker,
  firstLayer: ProductLayer,
): Live {
  const { view, strings } = options;
  const { width, height } = view.stageSize();
  let geometry: ViewGeometry = { width, height, mirrored: true, fit: 'cover' };
  let layer = firstLayer;
  let landmarker = firstMarker;
  // One landmarker per kind at most: the first of each is kept, so switching back to a hand
  // (or face) product starts no second worker and downloads nothing again.
  const markers = new Map<LandmarkerKind, Landmarker>([[landmarker.kind, landmarker]]);
  let smoother = createPlacementSmoother();
  let restarting = false;
  let shown: string | null = null;
  let handAt: Point | null = null;
  let frames = 0;
  let misses = 0;
  view.host.dataset.landmarker = landmarker.kind;
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
  /** Nothing is drawn until the next frame of the (new) landmarker places the product. */
  const forget = () => {
    misses = 0;
    layer.clear();
    if (shown === 'tracking') options.onTracking?.(false);
    shown = null;
    view.host.dataset.tracking = 'false';
  };
  const step = async (nowMs: number) => {
    const using = layer;
    const frame = await landmarker.detect(view.video, nowMs);
    // A product switched meanwhile: this frame's landmarks may be of the other kind.
    if (!frame || using !== layer || frame.kind !== layer.kind) return;
    frames++;
    view.host.dataset.frames = String(frames);
    if (frames === 1 || restarting) view.host.dataset.phase = 'running';
    restarting = false;
    const placed = placeProduct(layer.fit, frame, geometry, handAt);
    // Kept through frames without a hand, so the hand that comes back is preferred to another.
    handAt = placed.handAt ?? handAt;
    const placements: Placement[] = smoother.update(placed.placements, frame.timestampMs);
    layer.draw(frame, placements, geometry);
    misses = placed.tracking ? 0 : misses + 1;
    if (!placed.tracking && misses < HINT_AFTER_FRAMES) return; // not yet: see HINT_AFTER_FRAMES
    report(placed.tracking, placed.hint ?? (layer.kind === 'hand' ? 'showHand' : 'showFace'));
  };
  // A rotated phone or a resized window changes the stage: anchor and draw at the new size.
  const resized = watchSize(view, (size) => {
    geometry = { ...geometry, ...size };
    layer.resize(size.width, size.height);
  });
  // The device may take a WebGL context away (GPU reset, memory pressure on phones): the
  // landmarker and the 3D renderer make theirs again; see gl/recovery.ts.
  const watchMarker = (marker: Landmarker) =>
    marker.onContext((change) => {
      view.host.dataset.context = change.state;
      if (change.state === 'lost') {
        restarting = true;
        forget(); // the product stays where it was no longer: nothing is drawn meanwhile
        setPhase(view, 'restarting', strings.restarting);
      }
      options.onContext?.(change);
    });
  let unwatchMarker = watchMarker(landmarker);
  const loop: FrameLoop = startFrameLoop(view.video, step, options.onError);
  const paused = watchVisibility({
    ...cameras,
    doc: view.host.ownerDocument,
    host: view.host,
    loop,
    onEnded: options.onCameraEnded,
  });
  let closed = false;
  // Ends a switch in flight (its download, its layer) when the pipeline closes.
  const closing = new AbortController();
  return {
    get landmarker() {
      return landmarker;
    },
    get product() {
      return layer.product;
    },
    async setProduct(product) {
      if (closed) return;
      const kind = requiredLandmarker(product.kind);
      const pendingLayer = loadLayer({ ...options, product });
      const kept = markers.get(kind);
      const pendingMarker = kept
        ? Promise.resolve(kept)
        : downloadLandmarker({ ...options, signal: closing.signal }, kind);
      let next: [ProductLayer, Landmarker];
      try {
        next = await Promise.all([pendingLayer.promise, pendingMarker]);
      } catch (error) {
        pendingLayer.discard(); // the old product goes on being drawn
        if (!kept)
          void pendingMarker.then(
            (m) => m.close(),
            () => {},
          );
        throw error;
      } finally {
        view.setDownload(null);
      }
      const [nextLayer, marker] = next;
      if (closed) {
        nextLayer.close();
        if (!kept) await marker.close();
        return;
      }
      forget();
      layer.close(); // its image and any 3D renderer are of no use to the new product
      layer = nextLayer;
      markers.set(kind, marker);
      if (marker !== landmarker) {
        unwatchMarker();
        landmarker = marker;
        unwatchMarker = watchMarker(marker);
      }
      smoother = createPlacementSmoother();
      handAt = null;
      restarting = true; // "running" again on the new product's first frame
      view.host.dataset.landmarker = kind;
      setPhase(view, 'initializing', strings.initializing);
    },
    capture: () =>
      captureStill({ video: view.video, overlayCanvas: view.canvas, mirrored: true, fit: 'cover' }),
    pause: () => paused.setReviewing(true),
    resume: () => paused.setReviewing(false),
    async close(keep = false) {
      if (closed) return;
      closed = true;
      closing.abort();
      loop.stop();
      unwatchMarker();
      resized.disconnect();
      paused.close();
      layer.close();
      const others = [...markers.values()].filter((m) => m !== landmarker);
      markers.clear();
      await Promise.all(others.map((m) => m.close()));
      if (keep && options.warm && options.consent.allows('camera')) options.warm.park(landmarker);
      else await landmarker.close();
    },
  };
}
