import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pixels } from '../../src/ml/forearm.js';
import {
  consensusSlope,
  fitSlope,
  forearmAxis,
  MAX_CENTRE_OFF_LINE,
  runCentre,
} from '../../src/ml/forearm-axis.js';
import type { Landmark } from '../../src/ml/types.js';

const W = 200;
const H = 150;
const SKIN = [200, 140, 110] as const;
const GREY = [128, 128, 128] as const;
const WRIST = [100, 90] as const;

type Xy = readonly [number, number];
const rotate = ([x, y]: Xy, a: number): [number, number] => [
  x * Math.cos(a) - y * Math.sin(a),
  x * Math.sin(a) + y * Math.cos(a),
];
/** A scene point turned by `phi` about the wrist. */
const turned = ([x, y]: Xy, phi: number): [number, number] => {
  const [dx, dy] = rotate([x - WRIST[0], y - WRIST[1]], phi);
  return [WRIST[0] + dx, WRIST[1] + dy];
};

/**
 * A hand pointing up (palm 40 px long) and, unless `arm` is false, a 32 px wide forearm
 * leaving its wrist at `bend` radians (clockwise) from the palm's axis; the scene is then
 * turned by `phi` about the wrist. `background` fills the rest.
 */
function scene(
  bend: number,
  phi: number,
  opts: {
    arm?: boolean;
    background?: readonly number[];
    /** Skin-coloured, touching one side of the arm: [from, to] px behind the wrist, px wide. */
    beside?: readonly [from: number, to: number, width: number];
  } = {},
) {
  const data = new Uint8ClampedArray(W * H * 4);
  // Toward the hand, along the forearm (screen y is down, so "up" is −y).
  const along = rotate([0, -1], bend);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [sx, sy] = turned([x, y], -phi);
      const dx = sx - WRIST[0];
      const dy = sy - WRIST[1];
      const palm = Math.abs(dx) <= 22 && dy >= -45 && dy <= 2;
      const t = -(dx * along[0] + dy * along[1]);
      const side = Math.abs(dx * along[1] - dy * along[0]);
      // The arm runs on under the heel of the hand, as a real one does.
      const arm = opts.arm !== false && t >= -12 && side <= 16;
      const across = dx * along[1] - dy * along[0];
      const b = opts.beside;
      const beside = b !== undefined && dy >= b[0] && dy <= b[1] && across < 0 && side <= 16 + b[2];
      const c = palm || arm || beside ? SKIN : (opts.background ?? GREY);
      data.set([c[0]!, c[1]!, c[2]!, 255], (y * W + x) * 4);
    }
  }
  const at = (p: Xy): Landmark => {
    const [x, y] = turned(p, phi);
    return { x: x / W, y: y / H, z: 0 };
  };
  const landmarks = Array.from({ length: 21 }, () => at([100, 60]));
  landmarks[0] = at(WRIST);
  landmarks[5] = at([88, 52]);
  landmarks[9] = at([100, 50]);
  landmarks[17] = at([114, 54]);
  const expected = rotate(along, phi);
  const pixels: Pixels = { data, width: W, height: H };
  return { pixels, landmarks, expected };
}

const degrees = (a: Xy, b: Xy) =>
  (Math.acos(Math.min(1, a[0] * b[0] + a[1] * b[1])) * 180) / Math.PI;

describe('forearmAxis', () => {
  it('follows a forearm bent from the palm, however the whole hand is turned', () => {
    for (const bend of [-0.45, -0.2, 0, 0.3]) {
      for (const phi of [0, 1.1, -2.3, Math.PI]) {
        const { pixels, landmarks, expected } = scene(bend, phi);
        const axis = forearmAxis(pixels, landmarks);
        expect(axis, `bend ${bend}, turn ${phi}`).not.toBeNull();
        expect(degrees([axis!.x, axis!.y], expected), `bend ${bend}, turn ${phi}`).toBeLessThan(3);
      }
    }
  });

  it('keeps to the forearm when something skin-coloured touches it beside the far rows', () => {
    // 14–30 px behind the wrist (the three farthest of seven cross-sections, on a 40 px palm)
    // the skin run takes in 8 px more on one side: those centres move 0.1 palm lengths.
    for (const bend of [-0.3, 0, 0.25]) {
      for (const phi of [0, 0.8, -2]) {
        const { pixels, landmarks, expected } = scene(bend, phi, { beside: [14.5, 30, 8] });
        const axis = forearmAxis(pixels, landmarks);
        expect(axis, `bend ${bend}, turn ${phi}`).not.toBeNull();
        // Four rows 9 px long are left to fit: a pixel's quantization is ~2° there.
        expect(degrees([axis!.x, axis!.y], expected), `bend ${bend}, turn ${phi}`).toBeLessThan(5);
      }
    }
  });

  it('is unknown without a forearm behind the wrist (padding, a cut wrist)', () => {
    const { pixels, landmarks } = scene(0.3, 0.5, { arm: false });
    expect(forearmAxis(pixels, landmarks)).toBeNull();
  });

  it('is unknown when the background has the skin’s colour (no edge to see)', () => {
    const { pixels, landmarks } = scene(0.3, 0, { background: [180, 126, 99] });
    expect(forearmAxis(pixels, landmarks)).toBeNull();
  });

  it('is unknown for a forearm bent further than a wrist bends', () => {
    const { pixels, landmarks } = scene(1.1, 0);
    expect(forearmAxis(pixels, landmarks)).toBeNull();
  });
});

describe('runCentre', () => {
  const band = (lo: number, hi: number) => (s: number) => s >= lo && s <= hi;

  it('finds the middle of the skin run through the axis, to a fraction of a step', () => {
    expect(runCentre(band(-0.2, 0.3))).toBeCloseTo(0.05, 2);
    // The axis just outside the run: the nearest run within reach is taken.
    expect(runCentre(band(0.12, 0.5))).toBeCloseTo(0.31, 2);
  });

  it('gives up when an edge is not seen: past the scan, or off the image', () => {
    expect(runCentre(band(-0.2, 5))).toBeNull();
    expect(runCentre((s) => (s > 0.25 ? null : s > -0.2))).toBeNull();
    expect(runCentre(band(0.5, 0.8))).toBeNull();
  });
});

describe('fitSlope', () => {
  it('is the least-squares slope of the centres, null for too few', () => {
    expect(
      fitSlope([
        [-0.1, 0.01],
        [-0.2, 0.02],
        [-0.3, 0.03],
      ]),
    ).toBeCloseTo(-0.1, 9);
    expect(
      fitSlope([
        [-0.1, 0],
        [-0.2, 0],
      ]),
    ).toBeNull();
    expect(
      fitSlope([
        [-0.1, 0],
        [-0.1, 0.1],
        [-0.1, 0.2],
      ]),
    ).toBeNull();
  });
});

const ROWS = [-0.1, -0.175, -0.25, -0.325, -0.4, -0.475, -0.55];
const line = (slope: number, at0: number, rows = ROWS) =>
  rows.map((a): [number, number] => [a, at0 + slope * a]);

describe('consensusSlope', () => {
  it('drops the centres off the line the others agree on', () => {
    const centres = line(0.3, 0.02);
    centres[3] = [centres[3]![0], centres[3]![1] + 0.15];
    centres[6] = [centres[6]![0], centres[6]![1] - 0.2];
    expect(consensusSlope(centres)).toBeCloseTo(0.3, 9);
    // Least squares through all of them is pulled away by the two.
    expect(Math.abs(fitSlope(centres)! - 0.3)).toBeGreaterThan(0.1);
  });

  it('is null when no line holds more than half of the centres, or fewer than three', () => {
    // Runs switching sides from row to row: the flat lines hold three of six each.
    const zigzag = ROWS.slice(0, 6).map((a, i): [number, number] => [a, i % 2 === 0 ? 0 : 0.2]);
    expect(consensusSlope(zigzag)).toBeNull();
    expect(consensusSlope(line(0.2, 0, ROWS.slice(0, 2)))).toBeNull();
    expect(consensusSlope(line(0.2, 0, ROWS.slice(0, 3)))).toBeCloseTo(0.2, 9);
  });

  it('recovers the line from noisy centres with a minority off it, in any order', () => {
    const noise = fc.double({ min: -0.01, max: 0.01, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: -0.8, max: 0.8, noNaN: true }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        fc.array(noise, { minLength: 7, maxLength: 7 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
        fc.array(fc.double({ min: 4 * MAX_CENTRE_OFF_LINE, max: 0.4, noNaN: true }), {
          minLength: 2,
          maxLength: 2,
        }),
        fc.boolean(),
        (slope, at0, jitter, outliers, jumps, reversed) => {
          const centres = line(slope, at0).map(([a, c], i): [number, number] => {
            const k = outliers.indexOf(i);
            return [a, c + jitter[i]! + (k < 0 ? 0 : (k === 0 ? 1 : -1) * jumps[k]!)];
          });
          const found = consensusSlope(reversed ? centres.reverse() : centres);
          expect(found).not.toBeNull();
          expect(Math.abs(found! - slope)).toBeLessThan(0.1);
        },
      ),
    );
  });
});
