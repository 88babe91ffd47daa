import type { Landmark, LandmarkFrame } from '../../src/anchoring/types.js';

/** Pixel coordinates for some landmark indices; the rest are filled with a neutral point. */
export type PixelPoints = Readonly<Record<number, readonly [number, number]>>;

/** Side of the square test video and view, so normalized × SIZE = view pixels. */
export const SIZE = 1000;

/** Builds `count` landmarks from pixel positions in a SIZE × SIZE frame. */
export function landmarksFrom(points: PixelPoints, count: number): Landmark[] {
  return Array.from({ length: count }, (_, i) => {
    const p = points[i] ?? [SIZE / 2, SIZE / 2];
    return { x: p[0] / SIZE, y: p[1] / SIZE, z: 0 };
  });
}

/**
 * A hand held up, fingers pointing up, in a 1000 px frame. Chosen so every measure gives
 * 2 px/mm: MCP row 5, 9, 13, 17 at x = 420…540 (40 px gaps = 20 mm); index–pinky span 120 px
 * (60 mm); wrist (0) 180 px below the middle MCP (90 mm palm). PIPs are 80–90 px above their
 * MCPs; the thumb MCP (2) → IP (3) points up and left.
 */
export const HAND_UP: PixelPoints = {
  0: [460, 780],
  2: [380, 660],
  3: [350, 610],
  5: [420, 600],
  6: [420, 520],
  9: [460, 600],
  10: [460, 510],
  13: [500, 600],
  14: [500, 520],
  17: [540, 600],
  18: [540, 540],
};

/**
 * A frontal face in a 1000 px frame: eye corners 90 px apart (1 px/mm for glasses), face sides
 * 150 px apart (1 px/mm for necklace and earrings), nose tip centred (yaw 0).
 */
export const FACE_FRONT: PixelPoints = {
  1: [500, 450],
  6: [500, 400],
  33: [455, 400],
  132: [430, 460],
  152: [500, 520],
  234: [425, 420],
  263: [545, 400],
  361: [570, 460],
  454: [575, 420],
};

/** A hand frame from pixel points. */
export function handFrame(points: PixelPoints, score = 0.9, timestampMs = 0): LandmarkFrame {
  return {
    kind: 'hand',
    hands: [{ landmarks: landmarksFrom(points, 21), handedness: 'Right', score }],
    timestampMs,
    width: SIZE,
    height: SIZE,
  };
}

/** A face frame from pixel points (478 landmarks). */
export function faceFrame(points: PixelPoints, timestampMs = 0): LandmarkFrame {
  return {
    kind: 'face',
    faces: [{ landmarks: landmarksFrom(points, 478) }],
    timestampMs,
    width: SIZE,
    height: SIZE,
  };
}

/** Rotates pixel points by `theta` (clockwise on screen) about (cx, cy), then shifts them. */
export function transformPoints(
  points: PixelPoints,
  theta: number,
  k = 1,
  shift: readonly [number, number] = [0, 0],
  centre: readonly [number, number] = [SIZE / 2, SIZE / 2],
): PixelPoints {
  const out: Record<number, readonly [number, number]> = {};
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  for (const [key, [x, y]] of Object.entries(points)) {
    const dx = (x - centre[0]) * k;
    const dy = (y - centre[1]) * k;
    out[Number(key)] = [
      centre[0] + dx * c - dy * s + shift[0],
      centre[1] + dx * s + dy * c + shift[1],
    ];
  }
  return out;
}
