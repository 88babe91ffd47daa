import { describe, expect, it } from 'vitest';
import { anchorProduct } from '../../src/anchoring/anchor.js';
import { wristAxis } from '../../src/anchoring/hand.js';
import type {
  LandmarkFrame,
  Placement,
  ProductFit,
  ViewGeometry,
} from '../../src/anchoring/types.js';
import { faceFrame, HAND_UP, handFrame, SIZE, transformPoints } from './landmarks.js';

const VIEW: ViewGeometry = { width: SIZE, height: SIZE, mirrored: false };
const ring: ProductFit = { kind: 'ring', realWidthMm: 20, imageWidthPx: 200 };
const watch: ProductFit = { kind: 'watch', realWidthMm: 60, imageWidthPx: 300 };

function only(placements: Placement[]): Placement {
  expect(placements).toHaveLength(1);
  return placements[0]!;
}

function expectPlacement(actual: Placement, expected: Omit<Placement, 'visible'>): void {
  expect(actual.visible).toBe(true);
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
  expect(actual.rotation).toBeCloseTo(expected.rotation, 6);
  expect(actual.scale).toBeCloseTo(expected.scale, 6);
}

describe('anchorRing', () => {
  it('puts the ring 40% up the ring finger, upright, sized by the knuckle gaps', () => {
    // MCP (500,600) → PIP (500,520); gaps 40 px = 20 mm → 2 px/mm; 20 mm × 2 / 200 px = 0.2.
    const p = only(anchorProduct(ring, handFrame(HAND_UP), VIEW));
    expectPlacement(p, { x: 500, y: 568, rotation: 0, scale: 0.2 });
  });

  it.each([
    ['index', 420, 568, 0],
    ['middle', 460, 564, 0],
    ['pinky', 540, 576, 0],
    // Thumb MCP (380,660) → IP (350,610): up-left, atan2(−30, 50).
    ['thumb', 368, 640, Math.atan2(-30, 50)],
  ] as const)('follows the %s finger', (finger, x, y, rotation) => {
    const p = only(anchorProduct({ ...ring, finger }, handFrame(HAND_UP), VIEW));
    expectPlacement(p, { x, y, rotation, scale: 0.2 });
  });

  it('turns with a finger pointing right (+90°, clockwise)', () => {
    const points = { ...HAND_UP, 14: [580, 600] as const };
    const p = only(anchorProduct(ring, handFrame(points), VIEW));
    expectPlacement(p, { x: 532, y: 600, rotation: Math.PI / 2, scale: 0.2 });
  });

  it('keeps its size from the phalanx when the hand turns edge-on', () => {
    // Knuckles collapse to 10 px gaps (0.5 px/mm) but the 84 px phalanx still says 2 px/mm.
    const points = {
      ...HAND_UP,
      9: [490, 600] as const,
      17: [510, 600] as const,
      14: [500, 516] as const,
    };
    const p = only(anchorProduct(ring, handFrame(points), VIEW));
    expect(p.scale).toBeCloseTo(0.2, 6);
  });

  it('uses the most confident hand', () => {
    const frame = handFrame(HAND_UP, 0.6);
    if (frame.kind !== 'hand') throw new Error('fixture');
    const moved = handFrame(transformPoints(HAND_UP, 0, 1, [100, 0]), 0.95);
    if (moved.kind !== 'hand') throw new Error('fixture');
    const both = { ...frame, hands: [...frame.hands, ...moved.hands] };
    expect(only(anchorProduct(ring, both, VIEW)).x).toBeCloseTo(600, 6);
  });
});

describe('anchorWrist', () => {
  it('puts a watch 15 mm toward the elbow from the wrist, along the hand axis', () => {
    // Wrist (460,780), middle MCP (460,600): 2 px/mm → 30 px below; 60 mm × 2 / 300 px = 0.4.
    const p = only(anchorProduct(watch, handFrame(HAND_UP), VIEW));
    expectPlacement(p, { x: 460, y: 810, rotation: 0, scale: 0.4 });
  });

  it('puts a bracelet 8 mm from the wrist', () => {
    const p = only(anchorProduct({ ...watch, kind: 'bracelet' }, handFrame(HAND_UP), VIEW));
    expectPlacement(p, { x: 460, y: 796, rotation: 0, scale: 0.4 });
  });

  it('points along a hand lying sideways (fingers left: −90°)', () => {
    const p = only(anchorProduct(watch, handFrame(transformPoints(HAND_UP, -Math.PI / 2)), VIEW));
    // The wrist (460,780) rotated −90° about (500,500) is (780,540); the forearm is to the right.
    expectPlacement(p, { x: 810, y: 540, rotation: -Math.PI / 2, scale: 0.4 });
  });
});

/** The hand frame with the forearm axis the landmarker measured (source pixels, toward the hand). */
function withAxis(frame: LandmarkFrame, axis: { x: number; y: number }): LandmarkFrame {
  if (frame.kind !== 'hand') throw new Error('fixture');
  return { ...frame, hands: frame.hands.map((h) => ({ ...h, forearmAxis: axis })) };
}

describe('a watch across the forearm, not the palm', () => {
  const bend = (20 * Math.PI) / 180;
  // Toward the hand, the forearm turned 20° clockwise from the palm's axis (which is −y).
  const axis = { x: Math.sin(bend), y: -Math.cos(bend) };

  it('sits on the measured forearm axis: 15 mm behind the wrist along it, turned with it', () => {
    const p = only(anchorProduct(watch, withAxis(handFrame(HAND_UP), axis), VIEW));
    expectPlacement(p, {
      x: 460 - 30 * Math.sin(bend),
      y: 780 + 30 * Math.cos(bend),
      rotation: bend,
      scale: 0.4,
    });
  });

  it('mirrors the axis with the preview', () => {
    const mirrored = { ...VIEW, mirrored: true };
    const p = only(anchorProduct(watch, withAxis(handFrame(HAND_UP), axis), mirrored));
    expectPlacement(p, {
      x: SIZE - 460 + 30 * Math.sin(bend),
      y: 780 + 30 * Math.cos(bend),
      rotation: -bend,
      scale: 0.4,
    });
  });

  it('keeps the palm axis without a measure, or for one bent further than a wrist bends', () => {
    const palm = only(anchorProduct(watch, handFrame(HAND_UP), VIEW));
    const wild = { x: Math.sin(1.2), y: -Math.cos(1.2) };
    expect(only(anchorProduct(watch, withAxis(handFrame(HAND_UP), wild), VIEW))).toEqual(palm);
    expect(wristAxis({ x: 0, y: -1 })).toEqual({ x: 0, y: -1 });
  });
});

describe('hand anchoring hides gracefully', () => {
  it('hides when no hand is found', () => {
    const frame = { kind: 'hand' as const, hands: [], timestampMs: 0, width: SIZE, height: SIZE };
    expect(anchorProduct(ring, frame, VIEW)).toEqual([expect.objectContaining({ visible: false })]);
  });

  it('hides when the hand is incomplete or degenerate', () => {
    const frame = handFrame(HAND_UP);
    if (frame.kind !== 'hand') throw new Error('fixture');
    const cut = {
      ...frame,
      hands: [{ ...frame.hands[0]!, landmarks: frame.hands[0]!.landmarks.slice(0, 10) }],
    };
    expect(only(anchorProduct(ring, cut, VIEW)).visible).toBe(false);
    const collapsed = handFrame({ ...HAND_UP, 14: [500, 600] });
    expect(only(anchorProduct(ring, collapsed, VIEW)).visible).toBe(false);
  });

  it('hides when handed a face frame, or an image of unknown width', () => {
    expect(only(anchorProduct(watch, faceFrame({}), VIEW)).visible).toBe(false);
    expect(
      only(anchorProduct({ ...watch, imageWidthPx: 0 }, handFrame(HAND_UP), VIEW)).visible,
    ).toBe(false);
  });
});
