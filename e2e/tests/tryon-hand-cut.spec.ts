import { expect, test } from '../support/fixtures.js';
import {
  gotoTryOn,
  magenta,
  mirrored,
  SPOTS,
  startTryOn,
  waitForTracking,
} from '../support/tryon.js';

// The hand photo zoomed in (crop 500×375 at (0, 50), scaled to 640×480) so the middle and ring
// fingertips leave the frame while the ring finger's base and middle joints stay in view.
test.setTimeout(120_000);

const cut = ([x, y]: readonly [number, number]): [number, number] => [
  (x * 640) / 500,
  ((y * 480 - 50) * 480) / 375 / 480,
];

test.describe('fingertips cut off', () => {
  test.use({ camera: 'hand-cut-fingers' });

  test('a ring still goes on the ring finger, between knuckle and middle joint', async ({
    page,
  }) => {
    await gotoTryOn(page, { product: 'ring' });
    await startTryOn(page);
    await waitForTracking(page);
    const spot = mirrored(cut(SPOTS.ringOnRingFinger));
    const stats = await magenta(page);
    expect(Math.abs(stats.cx - spot[0])).toBeLessThan(0.04);
    expect(Math.abs(stats.cy - spot[1])).toBeLessThan(0.04);
  });
});

test.describe('fingertips cut off, camera mirrored', () => {
  test.use({ camera: 'hand-cut-fingers-mirrored' });

  test('the ring stays on the ring finger, whatever the handedness label says', async ({
    page,
  }) => {
    await gotoTryOn(page, { product: 'ring' });
    await startTryOn(page);
    await waitForTracking(page);
    const [x, y] = cut(SPOTS.ringOnRingFinger);
    const spot = mirrored([1 - x, y]); // flipped by the camera, then by the preview
    const middle = mirrored([1 - cut(SPOTS.ringOnPinky)[0], cut(SPOTS.ringOnPinky)[1]]);
    const stats = await magenta(page);
    expect(Math.abs(stats.cx - spot[0])).toBeLessThan(0.04);
    expect(Math.abs(stats.cy - spot[1])).toBeLessThan(0.04);
    // Not on the neighbouring finger: the pinky ring spot is ~7% of the view away.
    expect(Math.hypot(stats.cx - middle[0], stats.cy - middle[1])).toBeGreaterThan(0.04);
  });
});
