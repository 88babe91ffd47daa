import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeProduct } from '../../src/anchoring/anchor.js';
import type { LandmarkFrame, Point, ProductFit, ViewGeometry } from '../../src/anchoring/types.js';
import { HAND_UP, handFrame, type PixelPoints, SIZE, transformPoints } from './landmarks.js';

// With `maxHands: 2` the landmarker may return two hands: the product goes on one whose required
// landmarks are in view, and stays on it frame after frame (no jumping between hands).

const VIEW: ViewGeometry = { width: SIZE, height: SIZE, mirrored: false };
const ring: ProductFit = { kind: 'ring', realWidthMm: 20, imageWidthPx: 200 };
const watch: ProductFit = { kind: 'watch', realWidthMm: 60, imageWidthPx: 300 };

/** HAND_UP turned by `theta`, scaled by `k` about its palm centre, the centre put at (cx, cy). */
function handAt(cx: number, cy: number, theta = 0, k = 1): PixelPoints {
  const centred = transformPoints(HAND_UP, 0, 1, [SIZE / 2 - 470, SIZE / 2 - 680]);
  return transformPoints(centred, theta, k, [cx - SIZE / 2, cy - SIZE / 2]);
}

/** One frame with these hands, in this order, with these confidences. */
function frameOf(hands: readonly (readonly [PixelPoints, number])[]): LandmarkFrame {
  const all = hands.map(([points, score]) => {
    const one = handFrame(points, score);
    if (one.kind !== 'hand') throw new Error('fixture');
    return one.hands[0]!;
  });
  return { kind: 'hand', hands: all, timestampMs: 0, width: SIZE, height: SIZE };
}

/** Which side of the view the drawn product is on, or null when nothing is drawn. */
function side(fit: ProductFit, frame: LandmarkFrame, previous: Point | null) {
  const placed = placeProduct(fit, frame, VIEW, previous);
  const p = placed.placements[0]!;
  return { side: p.visible ? (p.x < SIZE / 2 ? 'left' : 'right') : null, handAt: placed.handAt };
}

const score = fc.double({ min: 0.5, max: 1, noNaN: true });
const tilt = fc.double({ min: -0.5, max: 0.5, noNaN: true });
const size = fc.double({ min: 0.6, max: 1, noNaN: true });
const jitter = fc.double({ min: -15, max: 15, noNaN: true });
/** A hand well inside its half of the view (the left one centred at x = 250, the right at 750). */
const inHalf = (cx: number) =>
  fc.record({ theta: tilt, k: size, dx: jitter, dy: jitter }).map(({ theta, k, dx, dy }) => ({
    theta,
    k,
    at: (ox = 0, oy = 0) => handAt(cx + dx + ox, 500 + dy + oy, theta, k),
  }));

describe('two hands in view', () => {
  const left = handFrame(transformPoints(HAND_UP, 0, 1, [-250, 0]), 0.8);
  const right = handFrame(transformPoints(HAND_UP, 0, 1, [250, 0]), 0.9);
  const both = (a: LandmarkFrame, b: LandmarkFrame): LandmarkFrame => {
    if (a.kind !== 'hand' || b.kind !== 'hand') throw new Error('fixture');
    return { ...a, hands: [...a.hands, ...b.hands] };
  };

  it('keep the hand used last frame, even when the other is more confident', () => {
    const first = placeProduct(ring, left, VIEW);
    const next = placeProduct(ring, both(left, right), VIEW, first.handAt);
    expect(next.placements[0]?.x).toBeCloseTo(250, 6);
    expect(placeProduct(ring, both(left, right), VIEW).placements[0]?.x).toBeCloseTo(750, 6);
  });

  it('use the hand whose required landmarks are in view', () => {
    // The more confident hand has its wrist at the bottom edge: the watch goes on the other.
    const cut = handFrame(transformPoints(HAND_UP, 0, 1, [250, 200]), 0.95);
    const placed = placeProduct(watch, both(left, cut), VIEW);
    expect(placed.tracking).toBe(true);
    expect(placed.placements[0]?.x).toBeCloseTo(210, 6);
  });

  for (const fit of [ring, watch]) {
    it(`${fit.kind}: never jumps to the other hand over frames, whatever the confidences and order`, () => {
      fc.assert(
        fc.property(
          inHalf(250),
          inHalf(750),
          fc.array(fc.tuple(jitter, jitter, score, score, fc.boolean()), {
            minLength: 2,
            maxLength: 12,
          }),
          (a, b, frames) => {
            let previous: Point | null = null;
            let first: string | null = null;
            for (const [dx, dy, sa, sb, swap] of frames) {
              const hands: [PixelPoints, number][] = [
                [a.at(dx, dy), sa],
                [b.at(-dy, dx), sb],
              ];
              const placed = side(fit, frameOf(swap ? hands.reverse() : hands), previous);
              expect(placed.side).not.toBeNull();
              first ??= placed.side;
              expect(placed.side).toBe(first);
              previous = placed.handAt ?? previous;
            }
          },
        ),
      );
    });

    it(`${fit.kind}: goes on the hand that can carry it, whichever hand came before`, () => {
      fc.assert(
        fc.property(
          inHalf(250),
          score,
          score,
          fc.boolean(),
          fc.boolean(),
          (a, sa, sb, swap, previousWasCut) => {
            // The other hand's required landmarks out of view: ring joints above the top edge
            // for a ring, the wrist below the bottom edge for a watch.
            const cut = fit.kind === 'ring' ? handAt(750, -60) : handAt(750, 960);
            const hands: [PixelPoints, number][] = [
              [a.at(), sa],
              [cut, sb],
            ];
            // The last frame's hand may have been the one now cut: its wrist was where it is.
            const wrist = cut[0]!;
            const previous = previousWasCut ? { x: wrist[0] / SIZE, y: wrist[1] / SIZE } : null;
            const placed = side(fit, frameOf(swap ? hands.reverse() : hands), previous);
            expect(placed.side).toBe('left');
          },
        ),
      );
    });
  }
});
