import { describe, expect, it } from 'vitest';
import {
  type CaptureCanvas,
  type CaptureContext,
  type CaptureVideo,
  captureStill,
} from '../../src/capture/capture.js';
import { CaptureError } from '../../src/capture/errors.js';
import { findMetadata } from '../../src/capture/metadata.js';
import { ConfigError } from '../../src/errors.js';
import { bytes, EOI, EXIF, JFIF, SOI, SOS, segment } from './images.js';

type Call = [string, ...unknown[]];

/** A scratch canvas that records drawing and "encodes" to a blob of the type asked for. */
function fakeCanvas(
  supported: readonly string[] = ['image/jpeg', 'image/webp'],
  encoded: Uint8Array<ArrayBuffer> = new Uint8Array([1, 2, 3]),
) {
  const calls: Call[] = [];
  const ctx = {
    fillStyle: '',
    imageSmoothingQuality: 'low',
    setTransform: (...a: unknown[]) => void calls.push(['setTransform', ...a]),
    fillRect: (...a: unknown[]) => void calls.push(['fillRect', ...a]),
    drawImage: (source: unknown, ...a: unknown[]) => void calls.push(['drawImage', source, ...a]),
  } as CaptureContext;
  const made: { canvas?: CaptureCanvas; size?: [number, number] } = {};
  const createCanvas = (width: number, height: number): CaptureCanvas => {
    made.size = [width, height];
    made.canvas = {
      width,
      height,
      getContext: () => ctx,
      convertToBlob: async (options) => {
        calls.push(['encode', options?.type, options?.quality]);
        const type = options?.type && supported.includes(options.type) ? options.type : 'image/png';
        return new Blob([encoded], { type });
      },
    };
    return made.canvas;
  };
  return { calls, createCanvas, made };
}

const video = (w = 1280, h = 720) => ({ videoWidth: w, videoHeight: h }) as unknown as CaptureVideo;
const overlay = { width: 720, height: 1280 } as unknown as HTMLCanvasElement; // 360×640 view at 2×

describe('captureStill', () => {
  it('composes the shown part of the video, mirrored, with the overlay on top', async () => {
    const fake = fakeCanvas();
    const v = video();
    const blob = await captureStill({
      video: v,
      overlayCanvas: overlay,
      mirrored: true,
      createCanvas: fake.createCanvas,
    });
    expect(blob.type).toBe('image/jpeg');
    expect(fake.made.size).toEqual([405, 720]);
    const draws = fake.calls.filter((c) => c[0] === 'drawImage');
    // Video: centre 405×720 strip, drawn through a horizontal flip.
    expect(draws[0]).toEqual(['drawImage', v, 437.5, 0, 405, 720, 0, 0, 405, 720]);
    const flip = fake.calls.findIndex((c) => c[0] === 'setTransform' && c[1] === -1);
    expect(fake.calls[flip]).toEqual(['setTransform', -1, 0, 0, 1, 405, 0]);
    expect(flip).toBeLessThan(fake.calls.indexOf(draws[0]!));
    // Overlay: the whole view, unflipped (it is already drawn as shown).
    expect(draws[1]).toEqual(['drawImage', overlay, 0, 0, 720, 1280, 0, 0, 405, 720]);
    expect(fake.calls.filter((c) => c[0] === 'encode')).toEqual([['encode', 'image/jpeg', 0.9]]);
  });

  it('bounds the size and uses the requested encoding and quality', async () => {
    const fake = fakeCanvas();
    const blob = await captureStill({
      video: video(3840, 2160),
      mirrored: false,
      maxSide: 1280,
      type: 'image/webp',
      quality: 0.8,
      createCanvas: fake.createCanvas,
    });
    expect(fake.made.size).toEqual([1280, 720]);
    expect(blob.type).toBe('image/webp');
    expect(fake.calls.filter((c) => c[0] === 'encode')).toEqual([['encode', 'image/webp', 0.8]]);
  });

  it('removes what the encoder embeds (Chromium adds an ICC profile)', async () => {
    const icc = segment(0xe2, 'ICC_PROFILE\0\x01\x01');
    const fake = fakeCanvas(['image/jpeg'], bytes(SOI, JFIF, icc, EXIF, SOS, [1, 2], EOI));
    const blob = await captureStill({
      video: video(),
      mirrored: false,
      createCanvas: fake.createCanvas,
    });
    const out = new Uint8Array(await blob.arrayBuffer());
    expect(findMetadata(out)).toEqual([]);
    expect(out).toEqual(bytes(SOI, JFIF, SOS, [1, 2], EOI));
    expect(blob.type).toBe('image/jpeg');
  });

  it('falls back to JPEG where the browser cannot encode WebP', async () => {
    const fake = fakeCanvas(['image/jpeg']);
    const blob = await captureStill({
      video: video(),
      mirrored: false,
      type: 'image/webp',
      createCanvas: fake.createCanvas,
    });
    expect(blob.type).toBe('image/jpeg');
  });

  it('empties the scratch canvas afterwards, even when encoding fails', async () => {
    const fake = fakeCanvas([]);
    await expect(
      captureStill({ video: video(), mirrored: false, createCanvas: fake.createCanvas }),
    ).rejects.toEqual(expect.objectContaining({ code: 'capture_failed' }));
    expect([fake.made.canvas?.width, fake.made.canvas?.height]).toEqual([0, 0]);
  });

  it('refuses a video without a frame, and bad options, with typed errors', async () => {
    const fake = fakeCanvas();
    await expect(
      captureStill({ video: video(0, 0), mirrored: false, createCanvas: fake.createCanvas }),
    ).rejects.toBeInstanceOf(CaptureError);
    await expect(
      captureStill({
        video: video(),
        mirrored: false,
        quality: 2,
        createCanvas: fake.createCanvas,
      }),
    ).rejects.toEqual(expect.objectContaining({ field: 'capture.quality' }));
    await expect(
      captureStill({
        video: video(),
        mirrored: false,
        maxSide: 0,
        createCanvas: fake.createCanvas,
      }),
    ).rejects.toBeInstanceOf(ConfigError);
    expect(fake.made.size).toBeUndefined();
  });

  it('wraps a tainted-canvas SecurityError as capture_failed', async () => {
    const fake = fakeCanvas();
    const createCanvas = (w: number, h: number) => {
      const canvas = fake.createCanvas(w, h);
      canvas.convertToBlob = () => Promise.reject(new DOMException('tainted', 'SecurityError'));
      return canvas;
    };
    const error = await captureStill({ video: video(), mirrored: false, createCanvas }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe('capture_failed');
    expect((error as CaptureError).cause).toBeInstanceOf(DOMException);
  });
});
