import type { LandmarkFrame, Placement, ViewGeometry } from '../anchoring/types.js';
import { FittingRoomError } from '../errors.js';
import type { LandmarkerKind } from '../ml/types.js';
import { createOverlay } from '../overlay/overlay.js';
import { imageSizeOf, loadProductImage } from '../products/load.js';
import type { Product } from '../products/types.js';
import { requiredLandmarker } from '../products/validate.js';
import type { Renderer3d } from '../render3d/index.js';
import { start3d } from './live-3d.js';
import type { LiveView } from './view.js';

/**
 * What one product draws with: its image overlay and, with a model, its 3D renderer. A product
 * switch makes the new layer, then closes the old one, so nothing of a product outlives it.
 */
export interface ProductLayer {
  readonly product: Product;
  /** The landmarker this product needs. */
  readonly kind: LandmarkerKind;
  /** What anchoring needs of the product (see `placeProduct`). */
  readonly fit: {
    readonly kind: Product['kind'];
    readonly realWidthMm: number;
    readonly imageWidthPx: number;
    readonly imageHeightPx: number;
    readonly anchor: Product['anchor'];
    readonly finger: Product['finger'];
  };
  /** Draws one frame: the 3D renderer while it works, else the image. */
  draw(frame: LandmarkFrame, placements: readonly Placement[], geometry: ViewGeometry): void;
  resize(width: number, height: number): void;
  /** Erases what is drawn (the product is shown nowhere meanwhile). */
  clear(): void;
  /** Frees the image and the 3D renderer (and its WebGL context); safe to call twice. */
  close(): void;
}

/** Options of {@link loadLayer}. */
export interface LayerOptions {
  readonly view: LiveView;
  readonly product: Product;
  readonly debug: boolean;
  readonly onError: (error: unknown) => void;
}

/** The image, and the 3D renderer when the product has a model, loading side by side. */
export interface PendingLayer {
  readonly promise: Promise<ProductLayer>;
  /** Closes whatever arrives (the start was aborted or failed). */
  discard(): void;
}

/** Starts loading a product's layer (image and any 3D renderer at once). */
export function loadLayer(options: LayerOptions): PendingLayer {
  const pending3d = start3d(options);
  const promise = loadProductImage(options.product.image).then((image) =>
    pending3d.then((r3d) => createLayer(options, image, r3d)),
  );
  return {
    promise,
    discard() {
      void pending3d.then((r) => r?.close());
      promise.then(
        (layer) => layer.close(),
        () => {},
      );
    },
  };
}

function createLayer(
  options: LayerOptions,
  image: Awaited<ReturnType<typeof loadProductImage>>,
  started3d: Renderer3d | null,
): ProductLayer {
  const { view, product } = options;
  const { width, height } = view.stageSize();
  const size = imageSizeOf(image);
  const overlay = createOverlay({
    canvas: view.canvas,
    image,
    imageSize: size,
    anchor: product.anchor,
    width,
    height,
    mirrored: true,
    debug: options.debug,
  });
  let renderer3d = started3d;
  let lost3d = false; // the image is drawn while the 3D renderer is made again
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
  let closed = false;
  return {
    product,
    kind: requiredLandmarker(product.kind),
    fit: {
      kind: product.kind,
      realWidthMm: product.realWidthMm,
      imageWidthPx: size.width,
      imageHeightPx: size.height,
      anchor: product.anchor,
      finger: product.finger,
    },
    draw(frame, placements, geometry) {
      // A 3D product is drawn by its renderer (into the same canvas); the image is its fallback.
      if (renderer3d && !lost3d) renderer3d.draw(frame, placements, geometry);
      else overlay.draw(placements, frame);
    },
    resize(w, h) {
      overlay.resize(w, h);
    },
    clear: () => overlay.clear(),
    close() {
      if (closed) return;
      closed = true;
      unwatch3d?.();
      overlay.close();
      renderer3d?.close();
      renderer3d = null;
    },
  };
}
