import { expect, test } from '../support/fixtures.js';
import {
  cutFingers,
  expectCentreNear,
  magenta,
  mirrored,
  openTracked,
  SPOTS,
} from '../support/tryon.js';

// The hand photo zoomed in (see `cutFingers`) so the middle and ring fingertips leave the
// frame while the ring finger's base and middle joints stay in view.
test.setTimeout(120_000);

test.describe('fingertips cut by the frame', () => {
  test.use({ camera: 'hand-cut-fingers' });

  test('a ring still goes on the ring finger, between knuckle and middle joint', async ({
    page,
  }) => {
    await openTracked(page, { product: 'ring' });
    const spot = mirrored(cutFingers(SPOTS.ringOnRingFinger));
    const stats = await magenta(page);
    expectCentreNear(stats, spot, 0.04);
  });
});

// …and the camera itself flipped (ffmpeg hflip): MediaPipe's handedness label flips with it.
test.describe('fingertips cut, camera mirrored', () => {
  test.use({ camera: 'hand-cut-fingers-mirrored' });

  test('the ring stays on the ring finger, whatever the handedness label says', async ({
    page,
  }) => {
    await openTracked(page, { product: 'ring' });
    const flipped = ([x, y]: readonly [number, number]) => mirrored([1 - x, y]); // camera, then preview
    const spot = flipped(cutFingers(SPOTS.ringOnRingFinger));
    const pinky = flipped(cutFingers(SPOTS.ringOnPinky));
    const stats = await magenta(page);
    expectCentreNear(stats, spot, 0.04);
    // Not on the neighbouring finger: the pinky ring spot is ~7% of the view away.
    expect(Math.hypot(stats.cx - pinky[0], stats.cy - pinky[1])).toBeGreaterThan(0.04);
  });
});
