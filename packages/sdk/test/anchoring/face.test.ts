import { describe, expect, it } from 'vitest';
import { anchorProduct } from '../../src/anchoring/anchor.js';
import { NOSE_DEPTH_RATIO } from '../../src/anchoring/calibration.js';
import type { Placement, ProductFit, ViewGeometry } from '../../src/anchoring/types.js';
import { FACE_FRONT, faceFrame, HAND_UP, handFrame, SIZE, transformPoints } from './landmarks.js';

const VIEW: ViewGeometry = { width: SIZE, height: SIZE, mirrored: false };
const glasses: ProductFit = { kind: 'glasses', realWidthMm: 135, imageWidthPx: 270 };
const necklace: ProductFit = { kind: 'necklace', realWidthMm: 150, imageWidthPx: 300 };
const earrings: ProductFit = { kind: 'earrings', realWidthMm: 30, imageWidthPx: 60 };

function expectPlacement(
  actual: Placement | undefined,
  expected: Omit<Placement, 'visible'>,
): void {
  expect(actual?.visible).toBe(true);
  expect(actual?.x).toBeCloseTo(expected.x, 6);
  expect(actual?.y).toBeCloseTo(expected.y, 6);
  expect(actual?.rotation).toBeCloseTo(expected.rotation, 6);
  expect(actual?.scale).toBeCloseTo(expected.scale, 6);
}

/** The frontal face with the nose tip moved so the head is turned by `yaw` radians. */
function turned(yaw: number) {
  // Sides at x 425 and 575: t = 0.5 + ratio · tan(yaw) of the way across.
  const x = 425 + 150 * (0.5 + NOSE_DEPTH_RATIO * Math.tan(yaw));
  return faceFrame({ ...FACE_FRONT, 1: [x, 450] });
}

const deg = (d: number) => (d * Math.PI) / 180;

describe('anchorGlasses', () => {
  it('sits on the nose bridge, level, sized by the outer eye corners', () => {
    // Eye corners 90 px apart = 90 mm → 1 px/mm; 135 mm / 270 px → 0.5.
    const [p] = anchorProduct(glasses, faceFrame(FACE_FRONT), VIEW);
    expectPlacement(p, { x: 500, y: 400, rotation: 0, scale: 0.5 });
  });

  it('rolls with the head', () => {
    const [p] = anchorProduct(
      glasses,
      faceFrame(transformPoints(FACE_FRONT, deg(20), 1, [0, 0], [500, 400])),
      VIEW,
    );
    expectPlacement(p, { x: 500, y: 400, rotation: deg(20), scale: 0.5 });
  });

  it('hides when the face is lost or the frame has no face mesh', () => {
    const none = { kind: 'face' as const, faces: [], timestampMs: 0, width: SIZE, height: SIZE };
    expect(anchorProduct(glasses, none, VIEW)[0]?.visible).toBe(false);
    expect(anchorProduct(glasses, handFrame(HAND_UP), VIEW)[0]?.visible).toBe(false);
  });
});

describe('anchorNecklace', () => {
  it('hangs 70 mm below the chin, sized by the face width', () => {
    // Face sides 150 px = 150 mm → 1 px/mm; chin (500,520) + 70 px down; 150 mm / 300 px = 0.5.
    const [p] = anchorProduct(necklace, faceFrame(FACE_FRONT), VIEW);
    expectPlacement(p, { x: 500, y: 590, rotation: 0, scale: 0.5 });
  });

  it('keeps its real width when the head turns (the neck does not turn)', () => {
    // 30° yaw: the sides look 150 px apart but are 150 / cos 30° = 173.2 px wide face-on.
    const [p] = anchorProduct(necklace, turned(deg(30)), VIEW);
    expect(p?.scale).toBeCloseTo((150 / Math.cos(deg(30)) / 150) * 0.5, 6);
    expect(p?.y).toBeCloseTo(520 + 70 / Math.cos(deg(30)), 6);
  });
});

describe('anchorEarrings', () => {
  it('hangs one earring from each lobe, upright, sized by the face width', () => {
    // 1 px/mm; 30 mm / 60 px → 0.5. Order: subject's right ear (132), then left (361).
    const [right, left] = anchorProduct(earrings, faceFrame(FACE_FRONT), VIEW);
    expectPlacement(right, { x: 430, y: 460, rotation: 0, scale: 0.5 });
    expectPlacement(left, { x: 570, y: 460, rotation: 0, scale: 0.5 });
  });

  it('hides the left earring when the head turns 30° to its left', () => {
    const [right, left] = anchorProduct(earrings, turned(deg(30)), VIEW);
    expect(right?.visible).toBe(true);
    expect(left?.visible).toBe(false);
    expect(right?.scale).toBeCloseTo(0.5 / Math.cos(deg(30)), 6);
  });

  it('hides the right earring when the head turns 30° to its right', () => {
    const [right, left] = anchorProduct(earrings, turned(deg(-30)), VIEW);
    expect(right?.visible).toBe(false);
    expect(left?.visible).toBe(true);
  });

  it('shows both within 20° of facing the camera, whichever way the view is mirrored', () => {
    for (const mirrored of [false, true]) {
      const placements = anchorProduct(earrings, turned(deg(20)), { ...VIEW, mirrored });
      expect(placements.map((p) => p.visible)).toEqual([true, true]);
    }
    const mirroredTurn = anchorProduct(earrings, turned(deg(30)), { ...VIEW, mirrored: true });
    expect(mirroredTurn.map((p) => p.visible)).toEqual([true, false]);
  });

  it('stays upright when the head rolls (earrings hang with gravity)', () => {
    const rolled = faceFrame(transformPoints(FACE_FRONT, deg(15)));
    const placements = anchorProduct(earrings, rolled, VIEW);
    expect(placements.map((p) => p.rotation)).toEqual([0, 0]);
  });

  it('hides both when the face is lost', () => {
    const none = { kind: 'face' as const, faces: [], timestampMs: 0, width: SIZE, height: SIZE };
    expect(anchorProduct(earrings, none, VIEW).map((p) => p.visible)).toEqual([false, false]);
  });
});
