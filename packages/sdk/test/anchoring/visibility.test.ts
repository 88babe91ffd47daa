import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeProduct } from '../../src/anchoring/anchor.js';
import { NOSE_DEPTH_RATIO } from '../../src/anchoring/calibration.js';
import { footprint, fractionInBox } from '../../src/anchoring/footprint.js';
import type { LandmarkFrame, ProductFit, ViewGeometry } from '../../src/anchoring/types.js';
import { MIN_FOOTPRINT_IN_VIEW } from '../../src/anchoring/visibility.js';
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
const BOX = { left: 0, top: 0, right: SIZE, bottom: SIZE };
const ring: ProductFit = { kind: 'ring', realWidthMm: 20, imageWidthPx: 200 };
const watch: ProductFit = { kind: 'watch', realWidthMm: 60, imageWidthPx: 300 };
const bracelet: ProductFit = { ...watch, kind: 'bracelet' };
const necklace: ProductFit = { kind: 'necklace', realWidthMm: 150, imageWidthPx: 300 };
const earrings: ProductFit = { kind: 'earrings', realWidthMm: 30, imageWidthPx: 60 };
const glasses: ProductFit = { kind: 'glasses', realWidthMm: 135, imageWidthPx: 270 };

const shifted = (points: PixelPoints, dx: number, dy: number) =>
  transformPoints(points, 0, 1, [dx, dy]);

/** A hand frame whose one hand carries the forearm measure the landmarker adds. */
function withForearm(frame: LandmarkFrame, forearm: number): LandmarkFrame {
  if (frame.kind !== 'hand') throw new Error('fixture');
  return { ...frame, hands: frame.hands.map((h) => ({ ...h, forearm })) };
}

describe('wrist products', () => {
  it('show on a hand whose wrist and forearm are well in view', () => {
    const placed = placeProduct(watch, handFrame(HAND_UP), VIEW);
    expect(placed.tracking).toBe(true);
    expect(placed.hint).toBeNull();
    expect(placed.verdicts[0]?.inView).toBe(1);
  });

  it('hide and ask for the wrist when landmark 0 is less than half a wrist width from the edge', () => {
    // Wrist at y = 950: 50 px from the bottom, the wrist is 112 px wide (56 mm at 2 px/mm).
    for (const fit of [watch, bracelet]) {
      const placed = placeProduct(fit, handFrame(shifted(HAND_UP, 0, 170)), VIEW);
      expect(placed.placements[0]?.visible).toBe(false);
      expect(placed.tracking).toBe(false);
      expect(placed.hint).toBe('showWrist');
    }
    // 80 px from the bottom, with a watch's length of forearm in view: drawn.
    expect(placeProduct(watch, handFrame(shifted(HAND_UP, 0, 140)), VIEW).tracking).toBe(true);
  });

  it('hide when the wrist is cut by the frame edge, as MediaPipe still places landmark 0', () => {
    // handSrc.jpg: landmark 0 at x = −23 px with the fingers pointing right.
    const sideways = transformPoints(HAND_UP, Math.PI / 2, 1, [-400, 0]);
    const placed = placeProduct(watch, handFrame(sideways), VIEW);
    expect(placed.placements[0]?.visible).toBe(false);
    expect(placed.hint).toBe('showWrist');
  });

  it('hide when the forearm patch does not look like the hand (padding, background, sleeve)', () => {
    expect(placeProduct(watch, withForearm(handFrame(HAND_UP), 0.1), VIEW).hint).toBe('showWrist');
    expect(placeProduct(watch, withForearm(handFrame(HAND_UP), 0.9), VIEW).tracking).toBe(true);
  });

  it('follow the wrist width: a hand turned edge-on shows a narrower wrist', () => {
    const face = placeProduct(watch, handFrame(HAND_UP), VIEW).placements[0]!;
    // Knuckles foreshortened to a quarter across the axis; the palm length still says 2 px/mm.
    const edgeOn = placeProduct(
      watch,
      handFrame({ ...HAND_UP, 5: [445, 600], 17: [475, 600] }),
      VIEW,
    ).placements[0]!;
    expect(edgeOn.scale / face.scale).toBeCloseTo(40 / 56, 6);
  });
});

describe('rings', () => {
  it('show once the finger base and middle joints are in view, fingertips cut or not', () => {
    // The ring PIP (500,520) moved to y = 10: the rest of the finger is above the frame.
    const cut = { ...HAND_UP, 15: [500, -40] as const, 16: [500, -90] as const };
    expect(placeProduct(ring, handFrame(shifted(cut, 0, -480)), VIEW).tracking).toBe(true);
  });

  it('hide and ask to move back when the ring joints leave the frame', () => {
    const placed = placeProduct(ring, handFrame(shifted(HAND_UP, 0, -560)), VIEW);
    expect(placed.tracking).toBe(false);
    expect(placed.hint).toBe('moveHandBack');
  });

  it('stay on the ring finger whatever the handedness label says', () => {
    const frame = handFrame(HAND_UP);
    if (frame.kind !== 'hand') throw new Error('fixture');
    const relabelled = { ...frame, hands: [{ ...frame.hands[0]!, handedness: 'Left' as const }] };
    expect(placeProduct(ring, relabelled, VIEW).placements).toEqual(
      placeProduct(ring, frame, VIEW).placements,
    );
  });
});

describe('face products', () => {
  const turned = (yaw: number) =>
    faceFrame({ ...FACE_FRONT, 1: [425 + 150 * (0.5 + NOSE_DEPTH_RATIO * Math.tan(yaw)), 450] });

  it('ask to turn towards the camera for the earring whose ear is turned away', () => {
    const placed = placeProduct(earrings, turned((35 * Math.PI) / 180), VIEW);
    expect(placed.verdicts.map((v) => v.hint)).toEqual([null, 'turnToCamera']);
    expect(placed.tracking).toBe(true);
  });

  it('hide the necklace and ask to move back when the neck point leaves the view', () => {
    const placed = placeProduct(necklace, faceFrame(shifted(FACE_FRONT, 0, 420)), VIEW);
    expect(placed.tracking).toBe(false);
    expect(placed.hint).toBe('moveBack');
  });

  it('ask for a face when there is none', () => {
    const none = { kind: 'face' as const, faces: [], timestampMs: 0, width: SIZE, height: SIZE };
    expect(placeProduct(glasses, none, VIEW).hint).toBe('showFace');
  });
});

interface Case {
  readonly fit: ProductFit;
  readonly frameOf: (p: PixelPoints) => LandmarkFrame;
  readonly points: PixelPoints;
}

const CASES: readonly (readonly [string, Case])[] = [
  ['ring', { fit: ring, frameOf: (p) => handFrame(p), points: HAND_UP }],
  [
    'thumb ring',
    { fit: { ...ring, finger: 'thumb' }, frameOf: (p) => handFrame(p), points: HAND_UP },
  ],
  ['watch', { fit: watch, frameOf: (p) => handFrame(p), points: HAND_UP }],
  ['bracelet', { fit: bracelet, frameOf: (p) => handFrame(p), points: HAND_UP }],
  ['glasses', { fit: glasses, frameOf: (p) => faceFrame(p), points: FACE_FRONT }],
  ['necklace', { fit: necklace, frameOf: (p) => faceFrame(p), points: FACE_FRONT }],
  ['earrings', { fit: earrings, frameOf: (p) => faceFrame(p), points: FACE_FRONT }],
];

const angle = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
const offset = fc.double({ min: -1200, max: 1200, noNaN: true });
const pose = fc.record({
  theta: angle,
  k: fc.double({ min: 0.2, max: 3, noNaN: true }),
  dx: offset,
  dy: offset,
});

const verdictsOf = (c: Case, points: PixelPoints, view: ViewGeometry = VIEW) =>
  placeProduct(c.fit, c.frameOf(points), view).verdicts.map((v) => [v.visible, v.hint]);

describe.each(CASES)('%s visibility properties', (_name, c) => {
  it('is never visible unless most of its footprint is in the view', () => {
    fc.assert(
      fc.property(pose, ({ theta, k, dx, dy }) => {
        const placed = placeProduct(
          c.fit,
          c.frameOf(transformPoints(c.points, theta, k, [dx, dy])),
          VIEW,
        );
        for (const p of placed.placements) {
          if (!p.visible) continue;
          expect(fractionInBox(footprint(p, c.fit), BOX)).toBeGreaterThanOrEqual(
            MIN_FOOTPRINT_IN_VIEW,
          );
        }
        // The status follows what is drawn: tracking only with more than half of a footprint shown.
        const shown = placed.placements.map((p) =>
          p.visible ? fractionInBox(footprint(p, c.fit), BOX) : 0,
        );
        expect(placed.tracking).toBe(shown.some((f) => f > 0.5));
      }),
    );
  });

  it('gives the same verdict in a mirrored (selfie) view', () => {
    fc.assert(
      fc.property(pose, ({ theta, k, dx, dy }) => {
        const points = transformPoints(c.points, theta, k, [dx, dy]);
        expect(verdictsOf(c, points, { ...VIEW, mirrored: true })).toEqual(verdictsOf(c, points));
      }),
    );
  });

  it('gives the same verdict when the scene turns by quarter turns in a square view', () => {
    fc.assert(
      fc.property(pose, fc.integer({ min: 1, max: 3 }), ({ theta, k, dx, dy }, quarters) => {
        const points = transformPoints(c.points, theta, k, [dx, dy]);
        const turned = transformPoints(points, (quarters * Math.PI) / 2);
        expect(verdictsOf(c, turned)).toEqual(verdictsOf(c, points));
      }),
    );
  });

  it('gives the same verdict when the view is shown larger or smaller', () => {
    fc.assert(
      fc.property(
        pose,
        fc.double({ min: 0.25, max: 4, noNaN: true }),
        ({ theta, k, dx, dy }, zoom) => {
          const points = transformPoints(c.points, theta, k, [dx, dy]);
          const big = { ...VIEW, width: SIZE * zoom, height: SIZE * zoom };
          expect(verdictsOf(c, points, big)).toEqual(verdictsOf(c, points));
        },
      ),
    );
  });

  it('stays visible under any rotation, scale and mirroring while well inside the view', () => {
    fc.assert(
      fc.property(
        angle,
        fc.double({ min: 0.6, max: 1.2, noNaN: true }),
        fc.boolean(),
        (theta, k, mirrored) => {
          // Centred first: the hand about its palm, the face about its nose.
          const centre: readonly [number, number] = c.points === HAND_UP ? [470, 680] : [500, 470];
          const centred = transformPoints(c.points, 0, 1, [
            SIZE / 2 - centre[0],
            SIZE / 2 - centre[1],
          ]);
          const points = transformPoints(centred, theta, k);
          expect(verdictsOf(c, points, { ...VIEW, mirrored }).every(([visible]) => visible)).toBe(
            true,
          );
        },
      ),
    );
  });
});
