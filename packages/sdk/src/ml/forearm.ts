import type { Landmark } from './types.js';

/** RGBA pixels, as `ImageData` holds them. */
export interface Pixels {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Longest side of the copy of the frame the forearm is looked for in: colour, not detail. */
export const FOREARM_SAMPLE_SIDE = 160;

/**
 * Largest distance in normalized chromaticity (r, g) = (R, G) / (R + G + B) between a forearm
 * sample and the palm: brightness-free, so a darker room or a shadow still matches, while grey
 * or black padding (r = g = 1/3) does not match skin (r ≈ 0.42–0.5).
 */
export const SKIN_CHROMA_TOLERANCE = 0.045;

/** Pixels darker than this (R + G + B) have no reliable colour and never count as skin. */
const MIN_SUM = 40;

/** One pixel's red, green and blue (0..255). */
export type Rgb = readonly [number, number, number];

function sample(px: Pixels, x: number, y: number): Rgb | null {
  const ix = Math.floor(x * px.width);
  const iy = Math.floor(y * px.height);
  if (ix < 0 || iy < 0 || ix >= px.width || iy >= px.height) return null;
  const i = (iy * px.width + ix) * 4;
  return [px.data[i]!, px.data[i + 1]!, px.data[i + 2]!];
}

function chroma([r, g, b]: Rgb): readonly [number, number] | null {
  const sum = r + g + b;
  return sum < MIN_SUM ? null : [r / sum, g / sum];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A sampler in the hand's own frame, and the colour of its skin. */
export interface HandSkin {
  /** The frame's RGB at `along` palm lengths toward the fingers, `across` palm lengths to the side; null off the image. */
  readonly at: (along: number, across: number) => Rgb | null;
  /** True when `rgb` matches the hand's skin chromaticity (see {@link SKIN_CHROMA_TOLERANCE}). */
  readonly isSkin: (rgb: Rgb | null) => boolean;
  /** The unit vector of `along` in pixel units (x right, y down): landmark 0 toward the middle knuckle. */
  readonly up: { readonly x: number; readonly y: number };
  /** The palm's length (landmark 0 to the middle knuckle) in pixels of `px`. */
  readonly palmPx: number;
}

/**
 * The hand's frame (origin landmark 0, `along` toward the middle knuckle, in palm lengths) and
 * its skin colour, sampled on the back of the hand (or palm) between the wrist and the knuckle
 * row. Null when the landmarks are missing or degenerate or too little of the hand is in view.
 * Landmarks are normalized; `px` is the frame (any size, same aspect).
 */
export function handSkin(px: Pixels, landmarks: readonly Landmark[]): HandSkin | null {
  const wrist = landmarks[0];
  const middle = landmarks[9];
  if (!wrist || !middle || !landmarks[5] || !landmarks[17]) return null;
  // In pixel units, so the aspect ratio does not skew the frame.
  const aspect = px.width / px.height;
  const ax = (middle.x - wrist.x) * aspect;
  const ay = middle.y - wrist.y;
  const palm = Math.hypot(ax, ay);
  if (!(palm > 1e-6)) return null;
  const ux = ax / palm;
  const uy = ay / palm;
  const at = (along: number, across: number) =>
    sample(
      px,
      wrist.x + ((ux * along - uy * across) * palm) / aspect,
      wrist.y + (uy * along + ux * across) * palm,
    );
  const skinR: number[] = [];
  const skinG: number[] = [];
  for (const along of [0.35, 0.5, 0.65, 0.8]) {
    for (const across of [-0.15, 0, 0.15]) {
      const rgb = at(along, across);
      const c = rgb ? chroma(rgb) : null;
      if (c) {
        skinR.push(c[0]);
        skinG.push(c[1]);
      }
    }
  }
  if (skinR.length < 4) return null;
  const refR = median(skinR);
  const refG = median(skinG);
  const isSkin = (rgb: Rgb | null) => {
    const c = rgb ? chroma(rgb) : null;
    return c !== null && Math.hypot(c[0] - refR, c[1] - refG) <= SKIN_CHROMA_TOLERANCE;
  };
  return { at, isSkin, up: { x: ux, y: uy }, palmPx: palm * px.height };
}

/**
 * Where behind landmark 0 the forearm must be seen for a wrist product, in palm lengths
 * (≈ 9–36 mm on a 90 mm palm): a watch is worn about 15 mm behind the joint and its case is up
 * to ~40 mm long, so that stretch is what it covers. A forearm cut by the frame just beyond it
 * still carries a watch; a wrist on padding, or at the frame's edge, does not.
 */
export const FOREARM_PATCH_ALONG = [-0.1, -0.2, -0.3, -0.4] as const;

/**
 * Share (0..1) of the patch behind the wrist (see {@link FOREARM_PATCH_ALONG}; half a palm
 * length wide, about a wrist's breadth) whose colour matches the hand's own skin. Samples
 * outside the image count as not seen.
 */
export function forearmSkinShare(px: Pixels, landmarks: readonly Landmark[]): number {
  const hand = handSkin(px, landmarks);
  if (!hand) return 0;
  let seen = 0;
  let total = 0;
  for (const along of FOREARM_PATCH_ALONG) {
    for (const across of [-0.2, -0.1, 0, 0.1, 0.2]) {
      total += 1;
      if (hand.isSkin(hand.at(along, across))) seen += 1;
    }
  }
  return seen / total;
}

/** Something a 2D canvas can draw (every frame the engine sees). */
type Drawable = Parameters<OffscreenCanvasRenderingContext2D['drawImage']>[0];

/**
 * Reads a small copy of a frame, reusing one canvas; null where OffscreenCanvas is missing.
 * Measured on the test machine: well under a millisecond per frame at 160 px.
 */
export function createPixelReader(): (
  image: Drawable,
  width: number,
  height: number,
) => Pixels | null {
  let canvas: OffscreenCanvas | null = null;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  return (image, width, height) => {
    if (typeof OffscreenCanvas !== 'function' || !(width > 0 && height > 0)) return null;
    const k = Math.min(1, FOREARM_SAMPLE_SIDE / Math.max(width, height));
    const w = Math.max(1, Math.round(width * k));
    const h = Math.max(1, Math.round(height * k));
    if (!canvas || canvas.width !== w || canvas.height !== h) {
      canvas = new OffscreenCanvas(w, h);
      context = canvas.getContext('2d', { willReadFrequently: true });
    }
    if (!context) return null;
    context.drawImage(image, 0, 0, w, h);
    return context.getImageData(0, 0, w, h);
  };
}
