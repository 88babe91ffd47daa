import { placeProduct } from '../anchoring/anchor.js';
import type { ViewGeometry } from '../anchoring/types.js';
import { type CaptureVideo, captureStill } from '../capture/capture.js';
import type { TryOnStrings } from '../i18n/types.js';
import type { Landmarker } from '../ml/landmarker.js';
import type { LandmarkFrame } from '../ml/types.js';
import { createOverlay } from '../overlay/overlay.js';
import { releasePhoto } from '../photo/file.js';
import { imageSizeOf, loadProductImage } from '../products/load.js';
import type { Product } from '../products/types.js';
import { requiredLandmarker } from '../products/validate.js';
import { downloadLandmarker } from './download.js';
import type { Live, LiveOptions } from './live.js';
import { setPhase, watchSize } from './live-watch.js';

/** Options of {@link startPhoto}: those of the live pipeline, and the decoded photo. */
export interface PhotoOptions extends LiveOptions {
  /** The upright, downscaled photo (photo/file.ts `decodePhoto`); owned and released from here. */
  readonly photo: HTMLCanvasElement;
}

/** A photo canvas as the capture reads a video: drawable, with an intrinsic size. */
function asStill(photo: HTMLCanvasElement): CaptureVideo {
  return Object.assign(photo, { videoWidth: photo.width, videoHeight: photo.height });
}

/**
 * Photo mode: loads the landmarker the product needs (a warm one is used), finds the hand or
 * face in the still once, and draws the product with the same anchoring as live frames, shown
 * whole (`contain`) and unmirrored, as the photo was taken. No camera is opened. `close()`
 * releases the photo's pixels, the overlay and the landmarker (or parks it, see warm.ts).
 */
export async function startPhoto(options: PhotoOptions): Promise<Live> {
  const { view, product, strings, photo } = options;
  const kind = requiredLandmarker(product.kind);
  let landmarker: Landmarker | null = null;
  try {
    view.showPhoto(photo);
    const warm = options.warm?.take() ?? null;
    if (warm && warm.kind !== kind) await warm.close();
    const pending = warm?.kind === kind ? Promise.resolve(warm) : downloadLandmarker(options, kind);
    const [image, marker] = await Promise.all([loadProductImage(product.image), pending]);
    landmarker = marker;
    view.setDownload(null);
    if (options.signal?.aborted) throw new DOMException('closed while starting', 'AbortError');
    setPhase(view, 'initializing', strings.initializing);
    const frame = await marker.detect(photo, performance.now());
    return show(options, marker, image, frame);
  } catch (error) {
    view.setDownload(null);
    view.showPhoto(null);
    releasePhoto(photo);
    await landmarker?.close();
    throw error;
  }
}

type ProductImage = Awaited<ReturnType<typeof loadProductImage>>;

/** What drawing one product on the photo needs: its image's overlay and its fitting data. */
function productLayer(options: PhotoOptions, product: Product, image: ProductImage) {
  const { width, height } = options.view.stageSize();
  const size = imageSizeOf(image);
  const overlay = createOverlay({
    canvas: options.view.canvas,
    image,
    imageSize: size,
    anchor: product.anchor,
    width,
    height,
    mirrored: false,
    fit: 'contain',
    debug: options.debug,
  });
  const fit = {
    kind: product.kind,
    realWidthMm: product.realWidthMm,
    imageWidthPx: size.width,
    imageHeightPx: size.height,
    anchor: product.anchor,
    finger: product.finger,
  };
  return { product, overlay, fit };
}

function show(
  options: PhotoOptions,
  firstMarker: Landmarker,
  image: ProductImage,
  firstFrame: LandmarkFrame | null,
): Live {
  const { view, strings, photo } = options;
  const { width, height } = view.stageSize();
  let geometry: ViewGeometry = { width, height, mirrored: false, fit: 'contain' };
  let layer = productLayer(options, options.product, image);
  let landmarker = firstMarker;
  // The photo is detected once per landmarker kind; switching back reuses both.
  const found = new Map<Landmarker['kind'], { marker: Landmarker; frame: LandmarkFrame | null }>([
    [firstMarker.kind, { marker: firstMarker, frame: firstFrame }],
  ]);
  const draw = () => {
    const frame = found.get(landmarker.kind)?.frame ?? null;
    if (!frame) return;
    const placed = placeProduct(layer.fit, frame, geometry, null);
    layer.overlay.draw(placed.placements, frame);
    const seen = frame.kind === 'hand' ? frame.hands.length > 0 : frame.faces.length > 0;
    const none: keyof TryOnStrings = landmarker.kind === 'hand' ? 'photoNoHand' : 'photoNoFace';
    const hint = seen ? (placed.hint ?? none) : none;
    view.setStatus(strings[placed.tracking ? 'tracking' : hint]);
    view.captureButton.disabled = !placed.tracking;
    Object.assign(view.host.dataset, {
      tracking: String(placed.tracking),
      hint: placed.tracking ? '' : hint,
      phase: 'running',
      frames: '1',
    });
    options.onTracking?.(placed.tracking);
  };
  draw();
  const resized = watchSize(view, (next) => {
    geometry = { ...geometry, ...next };
    layer.overlay.resize(next.width, next.height);
    draw();
  });
  let closed = false;
  return {
    get landmarker() {
      return landmarker;
    },
    get product() {
      return layer.product;
    },
    async setProduct(next) {
      const kind = requiredLandmarker(next.kind);
      const nextImage = await loadProductImage(next.image);
      let entry = found.get(kind);
      if (!entry) {
        const marker = await downloadLandmarker(options, kind);
        view.setDownload(null);
        entry = { marker, frame: await marker.detect(photo, performance.now()) };
        found.set(kind, entry);
      }
      if (closed) return;
      layer.overlay.close();
      layer = productLayer(options, next, nextImage);
      landmarker = entry.marker;
      draw();
    },
    capture: () =>
      captureStill({
        video: asStill(photo),
        overlayCanvas: view.canvas,
        mirrored: false,
        fit: 'contain',
      }),
    pause: () => {},
    resume: () => {},
    async close(keep = false) {
      if (closed) return;
      closed = true;
      resized.disconnect();
      layer.overlay.close();
      view.showPhoto(null);
      releasePhoto(photo);
      const park = keep && options.warm && options.consent.allows('camera');
      for (const { marker } of found.values()) {
        if (park && marker === landmarker) options.warm?.park(marker);
        else await marker.close();
      }
      found.clear();
    },
  };
}
