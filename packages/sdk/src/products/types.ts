/** The six kinds of product the fitting room can place. */
export const PRODUCT_KINDS = [
  'ring',
  'watch',
  'bracelet',
  'earrings',
  'necklace',
  'glasses',
] as const;

/** One kind of product; it decides the landmarks used and where the image sits. */
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Fingers a ring can be worn on. */
export const FINGERS = ['thumb', 'index', 'middle', 'ring', 'pinky'] as const;

/** A finger, named from the thumb outwards. */
export type Finger = (typeof FINGERS)[number];

/** Finger a ring goes on when the product does not say. */
export const DEFAULT_FINGER: Finger = 'ring';

/** A point in the product image, as fractions of its width and height (0..1, y down). */
export interface ImagePoint {
  readonly x: number;
  readonly y: number;
}

/** A decoded image the overlay can draw straight away. */
export type ProductImageSource =
  | ImageBitmap
  | HTMLImageElement
  | HTMLCanvasElement
  | OffscreenCanvas;

/**
 * A product as the retailer configures it: an image, its kind and two calibration facts.
 *
 * Image orientation conventions (so one rule places every kind):
 * - ring, watch, bracelet: the image's horizontal axis lies across the finger or wrist and its
 *   top points toward the fingertips (a watch is drawn with its strap running left–right);
 * - earrings: drawn upright, hook at the top (they hang with gravity);
 * - necklace, glasses: drawn upright as seen on a face looking at the camera.
 */
export interface Product {
  /** Retailer's product id (also sent with an upload): letters, digits, `.`, `_`, `-`. */
  readonly id: string;
  readonly kind: ProductKind;
  /**
   * Image URL (same origin or `blob:`/`data:`), or an already decoded image. With a `model` it
   * is the fallback, drawn where WebGL2 is missing or the model fails to load.
   */
  readonly image: string | ProductImageSource;
  /**
   * Optional 3D model: URL (same origin or `blob:`/`data:`) of a binary glTF 2.0 (GLB) file in
   * metres, following the convention of docs/3d-models.md. Loaded only after camera consent.
   */
  readonly model?: string | undefined;
  /**
   * The point of the image that sits on the body anchor: ring centre, watch face centre,
   * earring hook, necklace front (worn at the pit of the neck), glasses bridge.
   */
  readonly anchor: ImagePoint;
  /** Real-world width, in millimetres, of what the image's full width shows. */
  readonly realWidthMm: number;
  /** Rings only: the finger it is worn on (default: ring finger). */
  readonly finger?: Finger | undefined;
  /** Shown to the shopper (e.g. in the live view's product strip); default: the id. */
  readonly name?: string | undefined;
}
