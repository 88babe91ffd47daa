import type { VideoFit } from '../anchoring/types.js';
import { ConfigError } from '../errors.js';
import { CaptureError } from './errors.js';
import { captureLayout, DEFAULT_MAX_SIDE, type Size } from './layout.js';
import { stripMetadata } from './strip.js';

/** Encodings a capture may use; both carry no metadata when made by canvas. */
export type CaptureType = 'image/jpeg' | 'image/webp';

/** The part of a 2D context a capture uses. */
export type CaptureContext = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'drawImage' | 'fillRect' | 'fillStyle' | 'imageSmoothingQuality'
>;

/** A canvas a capture is composed and encoded on (`OffscreenCanvas` or `<canvas>`). */
export interface CaptureCanvas {
  width: number;
  height: number;
  getContext(contextId: '2d'): CaptureContext | null;
  convertToBlob?(options?: ImageEncodeOptions): Promise<Blob>;
  toBlob?(callback: BlobCallback, type?: string, quality?: number): void;
}

/** The live video: anything drawable with an intrinsic video size. */
export type CaptureVideo = CanvasImageSource & {
  readonly videoWidth: number;
  readonly videoHeight: number;
};

/** Options of {@link captureStill}. */
export interface CaptureOptions {
  readonly video: CaptureVideo;
  /** The overlay canvas laid over the video; its size defines the view. */
  readonly overlayCanvas?: CanvasImageSource & { readonly width: number; readonly height: number };
  /** View size (any unit) when there is no overlay canvas; default the video's own size. */
  readonly view?: Size;
  /** Whether the preview is shown mirrored; the capture matches it. */
  readonly mirrored: boolean;
  readonly fit?: VideoFit | undefined;
  /** Longest side of the image (default 1280). */
  readonly maxSide?: number;
  /** Default `image/jpeg`. WebP falls back to JPEG where the browser cannot encode it. */
  readonly type?: CaptureType;
  /** Encoder quality 0..1 (default 0.9). */
  readonly quality?: number;
  /** Makes the scratch canvas (default `OffscreenCanvas`, else a detached `<canvas>`). */
  readonly createCanvas?: (width: number, height: number) => CaptureCanvas;
}

function defaultCanvas(width: number, height: number): CaptureCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Encodes a canvas; canvas encoders write pixels only (no Exif, no location, no device). */
export function encodeCanvas(
  canvas: CaptureCanvas,
  type: string,
  quality: number,
): Promise<Blob | null> {
  if (canvas.convertToBlob) return canvas.convertToBlob({ type, quality });
  const toBlob = canvas.toBlob?.bind(canvas);
  if (!toBlob) return Promise.reject(new Error('canvas cannot encode'));
  return new Promise((resolve) => toBlob(resolve, type, quality));
}

function checkOptions(options: CaptureOptions): void {
  const q = options.quality;
  if (q !== undefined && !(q >= 0 && q <= 1))
    throw new ConfigError('capture.quality', 'must be between 0 and 1');
  const t = options.type;
  if (t !== undefined && t !== 'image/jpeg' && t !== 'image/webp') {
    throw new ConfigError('capture.type', 'must be image/jpeg or image/webp');
  }
}

/**
 * Captures what the shopper sees: the shown part of the current video frame (mirrored as
 * shown) with the overlay on top, scaled so the longest side is at most `maxSide`, encoded as
 * JPEG or WebP with no metadata at all. The scratch canvas is emptied afterwards. Throws {@link CaptureError}
 * `capture_not_ready` when the video has no frame and `capture_failed` when encoding fails;
 * a {@link ConfigError} for a wrong option.
 */
export async function captureStill(options: CaptureOptions): Promise<Blob> {
  checkOptions(options);
  const { video, overlayCanvas, mirrored } = options;
  if (!(video.videoWidth > 0 && video.videoHeight > 0)) {
    throw new CaptureError('capture_not_ready', 'the camera has not produced a frame yet');
  }
  const sourceSize = { width: video.videoWidth, height: video.videoHeight };
  const view = overlayCanvas ?? options.view ?? sourceSize;
  const layout = captureLayout(
    sourceSize,
    { width: view.width, height: view.height },
    {
      fit: options.fit,
      mirrored,
      maxSide: options.maxSide ?? DEFAULT_MAX_SIDE,
    },
  );
  const { output, source: s, view: v } = layout;
  const canvas = (options.createCanvas ?? defaultCanvas)(output.width, output.height);
  try {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context');
    ctx.imageSmoothingQuality = 'high';
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, output.width, output.height);
    // Mirror the video like the preview; the overlay is already drawn in view space.
    ctx.setTransform(mirrored ? -1 : 1, 0, 0, 1, mirrored ? output.width : 0, 0);
    ctx.drawImage(video, s.x, s.y, s.width, s.height, 0, 0, output.width, output.height);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (overlayCanvas) {
      ctx.drawImage(overlayCanvas, v.x, v.y, v.width, v.height, 0, 0, output.width, output.height);
    }
    return await encode(canvas, options.type ?? 'image/jpeg', options.quality ?? 0.9);
  } catch (cause) {
    if (cause instanceof CaptureError) throw cause;
    throw new CaptureError('capture_failed', 'the photo could not be made', { cause });
  } finally {
    // Free the pixels now rather than at garbage collection.
    canvas.width = 0;
    canvas.height = 0;
  }
}

/**
 * Encodes as `type` and strips whatever metadata the encoder added (Chromium adds an sRGB ICC
 * profile). A browser that silently returns PNG for WebP gets a JPEG instead.
 */
async function encode(canvas: CaptureCanvas, type: CaptureType, quality: number): Promise<Blob> {
  const blob = await encodeCanvas(canvas, type, quality);
  if (blob && blob.type === type) {
    const bytes = stripMetadata(new Uint8Array(await blob.arrayBuffer()));
    return new Blob([bytes], { type });
  }
  if (type === 'image/webp') return encode(canvas, 'image/jpeg', quality);
  throw new CaptureError('capture_failed', `the browser could not encode ${type}`);
}
