import { viewMapping } from '../anchoring/geometry.js';
import type { VideoFit } from '../anchoring/types.js';
import { ConfigError } from '../errors.js';

/** A pixel size. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Longest side of a captured image unless told otherwise. */
export const DEFAULT_MAX_SIDE = 1280;

function checkPositive(value: number, field: string): void {
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(field, 'must be a positive number');
}

/**
 * Shrinks `width × height` so its longest side is at most `maxSide`, keeping the aspect ratio
 * and never enlarging. Sides are whole pixels, at least 1. Throws a {@link ConfigError} naming
 * the argument when one is not a positive number.
 */
export function fitWithin(width: number, height: number, maxSide: number): Size {
  checkPositive(width, 'width');
  checkPositive(height, 'height');
  if (!(maxSide >= 1) || !Number.isFinite(maxSide)) {
    throw new ConfigError('maxSide', 'must be a number of at least 1');
  }
  const limit = Math.floor(maxSide);
  const k = Math.min(1, limit / Math.max(width, height));
  const side = (v: number) => Math.max(1, Math.min(limit, Math.round(v * k)));
  return { width: side(width), height: side(height) };
}

/** Where a capture takes its pixels from and how big it comes out. */
export interface CaptureLayout {
  /** Visible part of the video, in source pixels (already mirrored back when `mirrored`). */
  readonly source: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  /** The same part of the view (and so of the overlay canvas), in view units. */
  readonly view: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  /** Output image size. */
  readonly output: Size;
}

/**
 * What the shopper sees, as a capture: the part of the video shown in the view (cover crops,
 * contain shows it all) at the source's own resolution, bounded by `maxSide`.
 */
export function captureLayout(
  source: Size,
  view: Size,
  options: {
    readonly fit?: VideoFit | undefined;
    readonly mirrored: boolean;
    readonly maxSide: number;
  },
): CaptureLayout {
  checkPositive(source.width, 'video.videoWidth');
  checkPositive(source.height, 'video.videoHeight');
  checkPositive(view.width, 'view.width');
  checkPositive(view.height, 'view.height');
  const fit = options.fit ?? 'cover';
  const m = viewMapping(source.width, source.height, { ...view, mirrored: false, fit });
  const vx = Math.max(0, m.offsetX);
  const vy = Math.max(0, m.offsetY);
  const vw = Math.min(view.width, m.offsetX + m.shownWidth) - vx;
  const vh = Math.min(view.height, m.offsetY + m.shownHeight) - vy;
  const sw = vw / m.scale;
  const sh = vh / m.scale;
  const sxShown = (vx - m.offsetX) / m.scale;
  // Mirrored, the view's left edge shows the source's right side.
  const sx = options.mirrored ? source.width - sxShown - sw : sxShown;
  return {
    source: { x: sx, y: (vy - m.offsetY) / m.scale, width: sw, height: sh },
    view: { x: vx, y: vy, width: vw, height: vh },
    output: fitWithin(sw, sh, options.maxSide),
  };
}
