import type { Finger, ImagePoint, ProductKind } from '../products/types.js';

// The frame types are owned by the landmarker (ml/types.ts) and re-exported here so the
// anchoring code and the worker cannot drift apart.
export type { FaceFrame, HandFrame, Landmark, LandmarkFrame } from '../ml/types.js';

/** A point in view CSS pixels (x right, y down). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** How the video is fitted into the view, as CSS `object-fit`. */
export type VideoFit = 'cover' | 'contain';

/** The on-screen box the video is shown in, in CSS pixels. */
export interface ViewGeometry {
  readonly width: number;
  readonly height: number;
  /** True when the preview is shown mirrored (selfie view): x' = 1 − x. */
  readonly mirrored: boolean;
  /** Default `cover`, as the preview fills its box. */
  readonly fit?: VideoFit | undefined;
}

/**
 * Where one product image goes: its anchor point lands on (x, y), it is turned by `rotation`
 * and scaled by `scale`. A hidden placement is drawn nowhere.
 */
export interface Placement {
  /** View CSS pixels. */
  readonly x: number;
  readonly y: number;
  /** Radians, clockwise on screen (canvas convention); 0 = image upright. */
  readonly rotation: number;
  /** View CSS pixels per image pixel. */
  readonly scale: number;
  readonly visible: boolean;
}

/** What anchoring needs to know about a product once its image is decoded. */
export interface ProductFit {
  readonly kind: ProductKind;
  readonly realWidthMm: number;
  /** Rings only (default ring finger). */
  readonly finger?: Finger | undefined;
  /** Natural width of the decoded image, in image pixels. */
  readonly imageWidthPx: number;
  /** Natural height of the decoded image (default: its width); used for the footprint. */
  readonly imageHeightPx?: number;
  /** The image point that sits on the anchor (default: its centre); used for the footprint. */
  readonly anchor?: ImagePoint;
}

/** Landmarks already mapped to view pixels, indexed like the model's output. */
export type ViewPoints = readonly (Point | undefined)[];
