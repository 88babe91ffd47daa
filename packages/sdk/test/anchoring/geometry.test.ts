import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorProduct } from '../../src/anchoring/anchor.js';
import { rotationOfUp, toView, viewMapping, wrapAngle } from '../../src/anchoring/geometry.js';
import { HAND_UP, handFrame, SIZE } from './landmarks.js';

describe('viewMapping / toView', () => {
  // 1280×720 landscape video in a 360×640 portrait view: cover scale = max(0.28125, 0.8889).
  const cover = viewMapping(1280, 720, { width: 360, height: 640, mirrored: false });

  it('crops a landscape video into a portrait view around the centre (cover)', () => {
    expect(cover.scale).toBeCloseTo(640 / 720, 9);
    expect(cover.offsetX).toBeCloseTo((360 - 1280 * (640 / 720)) / 2, 9); // −388.9 px cut each side
    expect(cover.offsetY).toBe(0);
    expect(toView(cover, { x: 0.5, y: 0.5, z: 0 })).toEqual({ x: 180, y: 320 });
    const p = toView(cover, { x: 0.75, y: 0.25, z: 0 });
    expect(p.x).toBeCloseTo(-388.888_889 + 0.75 * 1137.777_778, 5); // 464.44
    expect(p.y).toBeCloseTo(160, 9);
  });

  it('letterboxes with contain', () => {
    const contain = viewMapping(1280, 720, {
      width: 640,
      height: 640,
      mirrored: false,
      fit: 'contain',
    });
    expect(contain.scale).toBe(0.5);
    expect(toView(contain, { x: 0, y: 0, z: 0 })).toEqual({ x: 0, y: 140 });
    expect(toView(contain, { x: 1, y: 1, z: 0 })).toEqual({ x: 640, y: 500 });
  });

  it('mirrors x inside the shown video (x′ = 1 − x)', () => {
    const mirrored = viewMapping(1280, 720, { width: 360, height: 640, mirrored: true });
    const a = toView(mirrored, { x: 0.75, y: 0.25, z: 0 });
    const b = toView(cover, { x: 0.25, y: 0.25, z: 0 });
    expect(a.x).toBeCloseTo(b.x, 9);
    expect(a.y).toBeCloseTo(b.y, 9);
  });
});

describe('anchorProduct in a cropped, mirrored view', () => {
  const ring = { kind: 'ring' as const, realWidthMm: 20, imageWidthPx: 200 };

  it('maps the ring through cover cropping and scales with the view', () => {
    // 1000×1000 frame shown in a 500×250 view: cover scale 0.5, top and bottom cut by 125 px.
    const [p] = anchorProduct(ring, handFrame(HAND_UP), {
      width: 500,
      height: 250,
      mirrored: false,
    });
    expect(p?.x).toBeCloseTo(250, 6);
    expect(p?.y).toBeCloseTo(568 * 0.5 - 125, 6);
    expect(p?.scale).toBeCloseTo(0.1, 6);
  });

  it('mirrors position and rotation in a selfie view', () => {
    const right = handFrame({ ...HAND_UP, 14: [580, 600] }); // finger points right in the source
    const [plain] = anchorProduct(ring, right, { width: SIZE, height: SIZE, mirrored: false });
    const [mirror] = anchorProduct(ring, right, { width: SIZE, height: SIZE, mirrored: true });
    expect(mirror?.x).toBeCloseTo(SIZE - (plain?.x ?? 0), 6);
    expect(mirror?.rotation).toBeCloseTo(-Math.PI / 2, 6); // points left on screen
    expect(mirror?.scale).toBeCloseTo(plain?.scale ?? 0, 9);
  });
});

describe('angles', () => {
  it('measures rotation from upright, clockwise', () => {
    expect(rotationOfUp({ x: 0, y: -1 })).toBe(0);
    expect(rotationOfUp({ x: 1, y: 0 })).toBeCloseTo(Math.PI / 2, 12);
    expect(rotationOfUp({ x: -1, y: 0 })).toBeCloseTo(-Math.PI / 2, 12);
    expect(Math.abs(rotationOfUp({ x: 0, y: 1 }))).toBeCloseTo(Math.PI, 12);
  });

  it('wraps any angle into (−π, π] without changing its direction', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (a) => {
        const w = wrapAngle(a);
        expect(w).toBeGreaterThan(-Math.PI);
        expect(w).toBeLessThanOrEqual(Math.PI);
        expect(Math.cos(w)).toBeCloseTo(Math.cos(a), 6);
        expect(Math.sin(w)).toBeCloseTo(Math.sin(a), 6);
      }),
    );
  });
});
