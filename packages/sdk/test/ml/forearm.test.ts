import { describe, expect, it } from 'vitest';
import { forearmSkinShare, type Pixels } from '../../src/ml/forearm.js';
import type { Landmark } from '../../src/ml/types.js';

const W = 160;
const H = 120;
const SKIN = [200, 140, 110] as const;
const GREY = [128, 128, 128] as const;

/** An image filled with `background`, with `paint(x, y)` pixels in skin colour, times `gain`. */
function image(
  background: readonly number[],
  paint: (x: number, y: number) => boolean,
  gain = 1,
): Pixels {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const c = paint(x, y) ? SKIN : background;
      const i = (y * W + x) * 4;
      data.set([c[0]! * gain, c[1]! * gain, c[2]! * gain, 255], i);
    }
  }
  return { data, width: W, height: H };
}

/** A hand pointing up: wrist at (80, 70) px, middle knuckle 30 px above it. */
function hand(dx = 0): Landmark[] {
  const at = (x: number, y: number) => ({ x: (x + dx) / W, y: y / H, z: 0 });
  const points = Array.from({ length: 21 }, () => at(80, 50));
  points[0] = at(80, 70);
  points[5] = at(70, 40);
  points[9] = at(80, 40);
  points[17] = at(95, 42);
  return points;
}

const handAndArm = (x: number, y: number) => x >= 60 && x <= 100 && y >= 25;
const handOnly = (x: number, y: number) => x >= 60 && x <= 100 && y >= 25 && y <= 72;

describe('forearmSkinShare', () => {
  it('sees a forearm of the hand’s colour behind the wrist', () => {
    expect(forearmSkinShare(image(GREY, handAndArm), hand())).toBeGreaterThan(0.9);
  });

  it('still sees it in a dark room (colour, not brightness)', () => {
    expect(forearmSkinShare(image(GREY, handAndArm, 0.4), hand())).toBeGreaterThan(0.9);
  });

  it('sees no forearm on grey or black padding behind a cut wrist', () => {
    expect(forearmSkinShare(image(GREY, handOnly), hand())).toBeLessThan(0.2);
    expect(forearmSkinShare(image([0, 0, 0], handOnly), hand())).toBeLessThan(0.2);
  });

  it('counts the part of the patch outside the frame as not seen', () => {
    // The same hand at the bottom edge: the patch falls below the image.
    const low = hand().map((l) => ({ ...l, y: l.y + 47 / H }));
    const paint = (x: number, y: number) => x >= 60 && x <= 100 && y >= 72;
    expect(forearmSkinShare(image(GREY, paint), low)).toBeLessThan(0.5);
  });
});
