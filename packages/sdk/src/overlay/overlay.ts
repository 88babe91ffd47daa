import { type ViewMapping, viewMapping } from '../anchoring/geometry.js';
import type { LandmarkFrame, Placement, VideoFit } from '../anchoring/types.js';
import { ConfigError } from '../errors.js';
import type { ImageSize } from '../products/load.js';
import type { ImagePoint } from '../products/types.js';

/** The part of a 2D context the overlay uses (so tests can pass a recording fake). */
export type OverlayContext = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'drawImage' | 'beginPath' | 'rect' | 'fill' | 'fillStyle'
>;

/** A canvas the overlay draws on: `<canvas>` or `OffscreenCanvas`. */
export interface OverlayCanvas {
  width: number;
  height: number;
  getContext(contextId: '2d'): OverlayContext | null;
}

/** Options of {@link createOverlay}. */
export interface OverlayOptions {
  /** Canvas laid exactly over the video's box. */
  readonly canvas: OverlayCanvas;
  /** Decoded product image. */
  readonly image: CanvasImageSource;
  /** Its natural size in image pixels. */
  readonly imageSize: ImageSize;
  /** Image point placed on the placement's (x, y). */
  readonly anchor: ImagePoint;
  /** View size in CSS pixels (the same box anchoring used). */
  readonly width: number;
  readonly height: number;
  /** Whether the preview is mirrored (only the debug layer needs it: placements already are). */
  readonly mirrored: boolean;
  readonly fit?: VideoFit | undefined;
  /**
   * Draws the raw landmarks as dots. Off by default: shoppers only see them if the retailer
   * turns this on (for set-up and support).
   */
  readonly debug?: boolean;
  /** Backing pixels per CSS pixel (default `devicePixelRatio`, else 1). */
  readonly pixelRatio?: number;
  /** Debug dot colour (default a high-contrast cyan). */
  readonly debugColor?: string;
}

/** The drawing layer over the live video. */
export interface Overlay {
  /** Redraws everything for one display frame; hidden placements draw nothing. */
  draw(placements: readonly Placement[], frame?: LandmarkFrame): void;
  /** Changes the view size (CSS pixels) and resizes the backing store. */
  resize(width: number, height: number): void;
  /** Erases the canvas. */
  clear(): void;
  /** Erases the canvas and drops the image; later calls do nothing. */
  close(): void;
}

/** Half the side of a debug dot, in CSS pixels. */
const DOT_RADIUS = 2;

/**
 * Creates the overlay. The per-frame path only sets transforms and draws: no allocation per
 * placement and no pixel read-back. Throws a {@link ConfigError} naming the field when the
 * canvas has no 2D context or a size is not positive.
 */
export function createOverlay(options: OverlayOptions): Overlay {
  const { canvas, imageSize, anchor, mirrored, fit } = options;
  const context = canvas.getContext('2d');
  if (!context) throw new ConfigError('overlay.canvas', 'has no 2D context');
  const ctx: OverlayContext = context;
  if (!(imageSize.width > 0 && imageSize.height > 0)) {
    throw new ConfigError('overlay.imageSize', 'must be a positive size');
  }
  const ratio = options.pixelRatio ?? (globalThis.devicePixelRatio || 1);
  const debug = options.debug === true;
  const debugColor = options.debugColor ?? '#00e5ff';
  const offsetX = -anchor.x * imageSize.width;
  const offsetY = -anchor.y * imageSize.height;
  let image: CanvasImageSource | null = options.image;
  let width = 0;
  let height = 0;

  function resize(w: number, h: number): void {
    if (!(w > 0 && h > 0)) throw new ConfigError('overlay.width', 'and height must be positive');
    width = w;
    height = h;
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
  }

  function clear(): void {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
  }

  function drawLandmarks(frame: LandmarkFrame): void {
    const m: ViewMapping = viewMapping(frame.width, frame.height, { width, height, mirrored, fit });
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = debugColor;
    ctx.beginPath();
    const sets = frame.kind === 'hand' ? frame.hands : frame.faces;
    for (const set of sets) {
      for (const l of set.landmarks) {
        const x = m.offsetX + (m.mirrored ? 1 - l.x : l.x) * m.shownWidth;
        const y = m.offsetY + l.y * m.shownHeight;
        ctx.rect(x - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
      }
    }
    ctx.fill();
  }

  resize(options.width, options.height);

  return {
    draw(placements, frame) {
      if (!image) return;
      clear();
      for (const p of placements) {
        if (!p.visible) continue;
        const k = p.scale * ratio;
        const cos = Math.cos(p.rotation) * k;
        const sin = Math.sin(p.rotation) * k;
        // Rotate clockwise by `rotation`, scale, then move the anchor to (x, y).
        ctx.setTransform(cos, sin, -sin, cos, p.x * ratio, p.y * ratio);
        ctx.drawImage(image, offsetX, offsetY, imageSize.width, imageSize.height);
      }
      if (debug && frame) drawLandmarks(frame);
    },
    resize,
    clear() {
      if (image) clear();
    },
    close() {
      if (!image) return;
      clear();
      image = null;
    },
  };
}
