import type { Product } from '../products/types.js';
import type { Renderer3d } from '../render3d/index.js';
import type { LiveView } from './view.js';

/** Options of {@link start3d}. */
export interface Start3dOptions {
  readonly view: LiveView;
  readonly product: Product;
  readonly debug: boolean;
  /** Reports why the image is drawn instead (no WebGL2, a broken model); the try-on goes on. */
  readonly onError: (error: unknown) => void;
}

/**
 * Starts the 3D renderer for a product with a `model`, or returns null for the image fallback:
 * no model (nothing of three.js is fetched), no WebGL2, or a model that fails (reported through
 * `onError`, with the file named). The view's `data-render` says which one is drawn.
 */
export async function start3d(options: Start3dOptions): Promise<Renderer3d | null> {
  const { view, product } = options;
  const model = product.model;
  view.host.dataset.render = '2d';
  if (!model) return null;
  try {
    // The only import of the renderer chunk (three.js): after camera consent, for a 3D product.
    const { createRenderer3d } = await import('../render3d/index.js');
    const renderer = await createRenderer3d({
      product: { ...product, model },
      overlayCanvas: view.canvas,
      debug: options.debug,
    });
    view.host.dataset.render = '3d';
    return renderer;
  } catch (error) {
    view.host.dataset.fallback = (error as { code?: string }).code ?? 'model_failed';
    options.onError(error);
    return null;
  }
}
