import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPoints } from '../../src/anchoring/anchor.js';
import { FACE_INDICES } from '../../src/anchoring/face.js';
import { toViewPoints, viewMapping, wrapAngle } from '../../src/anchoring/geometry.js';
import type {
  LandmarkFrame,
  Placement,
  ProductFit,
  ViewGeometry,
} from '../../src/anchoring/types.js';
import {
  FACE_FRONT,
  faceFrame,
  HAND_UP,
  handFrame,
  type PixelPoints,
  SIZE,
  transformPoints,
} from './landmarks.js';

const VIEW: ViewGeometry = { width: SIZE, height: SIZE, mirrored: false };

/**
 * The anchoring geometry alone, without the visibility rules (whose own properties are in
 * visibility.test.ts): transformed poses may leave the view here.
 */
function anchorProduct(fit: ProductFit, frame: LandmarkFrame, view: ViewGeometry): Placement[] {
  const mapping = viewMapping(frame.width, frame.height, view);
  const landmarks = frame.kind === 'hand' ? frame.hands[0]!.landmarks : frame.faces[0]!.landmarks;
  const indices = frame.kind === 'face' ? FACE_INDICES : undefined;
  return anchorPoints(fit, toViewPoints(mapping, landmarks, indices));
}
interface Case {
  readonly name: string;
  readonly fit: ProductFit;
  readonly points: PixelPoints;
  readonly frameOf: (p: PixelPoints) => LandmarkFrame;
}

const hand = (name: string, fit: ProductFit): Case => ({
  name,
  fit,
  points: HAND_UP,
  frameOf: (p) => handFrame(p),
});
const face = (name: string, fit: ProductFit): Case => ({
  name,
  fit,
  points: FACE_FRONT,
  frameOf: (p) => faceFrame(p),
});

const CASES: readonly Case[] = [
  hand('ring', { kind: 'ring', realWidthMm: 20, imageWidthPx: 200 }),
  hand('thumb ring', { kind: 'ring', finger: 'thumb', realWidthMm: 20, imageWidthPx: 200 }),
  hand('watch', { kind: 'watch', realWidthMm: 60, imageWidthPx: 300 }),
  hand('bracelet', { kind: 'bracelet', realWidthMm: 60, imageWidthPx: 300 }),
  face('glasses', { kind: 'glasses', realWidthMm: 135, imageWidthPx: 270 }),
  face('necklace', { kind: 'necklace', realWidthMm: 150, imageWidthPx: 300 }),
  face('earrings', { kind: 'earrings', realWidthMm: 30, imageWidthPx: 60 }),
];

const angle = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
const shift = fc.tuple(
  fc.double({ min: -100, max: 100, noNaN: true }),
  fc.double({ min: -100, max: 100, noNaN: true }),
);

function rotate(x: number, y: number, theta: number): [number, number] {
  const dx = x - SIZE / 2;
  const dy = y - SIZE / 2;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return [SIZE / 2 + dx * c - dy * s, SIZE / 2 + dx * s + dy * c];
}

describe.each(CASES)('$name placement', ({ fit, points, frameOf }) => {
  const base = anchorProduct(fit, frameOf(points), VIEW);

  it('is visible for the reference pose', () => {
    expect(base.every((p) => p.visible)).toBe(true);
  });

  it('turns with the body: rotating the landmarks by θ rotates the placement by θ', () => {
    fc.assert(
      fc.property(angle, shift, (theta, [sx, sy]) => {
        const moved = anchorProduct(
          fit,
          frameOf(transformPoints(points, theta, 1, [sx, sy])),
          VIEW,
        );
        moved.forEach((p, i) => {
          const b = base[i]!;
          const [x, y] = rotate(b.x, b.y, theta);
          expect(p.x).toBeCloseTo(x + sx, 6);
          expect(p.y).toBeCloseTo(y + sy, 6);
          expect(p.scale).toBeCloseTo(b.scale, 9);
          // Earrings hang with gravity; everything else turns with the body.
          const expected = fit.kind === 'earrings' ? 0 : b.rotation + theta;
          expect(Math.abs(wrapAngle(p.rotation - expected))).toBeLessThan(1e-9);
        });
      }),
    );
  });

  it('grows with the body: scaling the landmarks by k scales the placement by k', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 3, noNaN: true }), (k) => {
        const moved = anchorProduct(fit, frameOf(transformPoints(points, 0, k)), VIEW);
        moved.forEach((p, i) => {
          expect(p.scale).toBeCloseTo(base[i]!.scale * k, 9);
        });
      }),
    );
  });

  it('mirrors: a selfie view reflects x and rotation, keeps scale', () => {
    const mirrored = anchorProduct(fit, frameOf(points), { ...VIEW, mirrored: true });
    mirrored.forEach((p, i) => {
      const b = base[i]!;
      expect(p.x).toBeCloseTo(SIZE - b.x, 9);
      expect(p.y).toBeCloseTo(b.y, 9);
      expect(Math.abs(wrapAngle(p.rotation + b.rotation))).toBeLessThan(1e-9);
      expect(p.scale).toBeCloseTo(b.scale, 9);
    });
  });
});
