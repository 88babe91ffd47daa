import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureLayout, fitWithin } from '../../src/capture/layout.js';
import { ConfigError } from '../../src/errors.js';

describe('fitWithin', () => {
  it.each([
    [1920, 1080, 1280, 1280, 720],
    [1080, 1920, 1280, 720, 1280],
    [640, 480, 1280, 640, 480], // never enlarges
    [1280, 1280, 1280, 1280, 1280],
    [4000, 3, 1280, 1280, 1], // keeps at least one pixel
    [405, 720, 640, 360, 640],
  ])('%i×%i within %i → %i×%i', (w, h, max, ew, eh) => {
    expect(fitWithin(w, h, max)).toEqual({ width: ew, height: eh });
  });

  it('names the bad argument', () => {
    expect(() => fitWithin(0, 10, 100)).toThrowError(expect.objectContaining({ field: 'width' }));
    expect(() => fitWithin(10, Number.NaN, 100)).toThrowError(
      expect.objectContaining({ field: 'height' }),
    );
    expect(() => fitWithin(10, 10, 0.5)).toThrow(ConfigError);
  });

  it('always fits, keeps the aspect within a pixel and whole pixels (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 4096 }),
        (w, h, max) => {
          const out = fitWithin(w, h, max);
          expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(max);
          expect(Number.isInteger(out.width) && Number.isInteger(out.height)).toBe(true);
          expect(out.width).toBeLessThanOrEqual(w);
          expect(out.height).toBeLessThanOrEqual(h);
          const k = Math.min(1, max / Math.max(w, h));
          expect(Math.abs(out.width - w * k)).toBeLessThanOrEqual(1);
          expect(Math.abs(out.height - h * k)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('captureLayout', () => {
  it('takes the centre strip a portrait view shows of a landscape video', () => {
    // 1280×720 in 360×640 cover: scale 0.8889, so the view shows 405×720 source pixels.
    const layout = captureLayout(
      { width: 1280, height: 720 },
      { width: 360, height: 640 },
      {
        mirrored: false,
        maxSide: 1280,
      },
    );
    expect(layout.source.x).toBeCloseTo(437.5, 9);
    expect(layout.source.y).toBeCloseTo(0, 9);
    expect(layout.source.width).toBeCloseTo(405, 9);
    expect(layout.source.height).toBeCloseTo(720, 9);
    expect(layout.view).toEqual({ x: 0, y: 0, width: 360, height: 640 });
    expect(layout.output).toEqual({ width: 405, height: 720 });
  });

  it('takes the whole video and the letterboxed band of the overlay with contain', () => {
    const layout = captureLayout(
      { width: 1280, height: 720 },
      { width: 640, height: 640 },
      {
        mirrored: true,
        fit: 'contain',
        maxSide: 1280,
      },
    );
    expect(layout.source).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(layout.view).toEqual({ x: 0, y: 140, width: 640, height: 360 });
    expect(layout.output).toEqual({ width: 1280, height: 720 });
  });

  it('bounds the output by maxSide', () => {
    const layout = captureLayout(
      { width: 3840, height: 2160 },
      { width: 1920, height: 1080 },
      {
        mirrored: false,
        maxSide: 1280,
      },
    );
    expect(layout.output).toEqual({ width: 1280, height: 720 });
  });
});
