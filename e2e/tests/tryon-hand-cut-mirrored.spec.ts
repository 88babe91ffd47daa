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
// …and the camera itself flipped (ffmpeg hflip): MediaPipe's handedness label flips with it.
test.use({ camera: 'hand-cut-fingers-mirrored' });
test.setTimeout(120_000);

test('the ring stays on the ring finger, whatever the handedness label says', async ({ page }) => {
  await openTracked(page, { product: 'ring' });
  const [x, y] = cutFingers(SPOTS.ringOnRingFinger);
  const spot = mirrored([1 - x, y]); // flipped by the camera, then by the preview
  const pinky = mirrored([1 - cutFingers(SPOTS.ringOnPinky)[0], cutFingers(SPOTS.ringOnPinky)[1]]);
  const stats = await magenta(page);
  expectCentreNear(stats, spot, 0.04);
  // Not on the neighbouring finger: the pinky ring spot is ~7% of the view away.
  expect(Math.hypot(stats.cx - pinky[0], stats.cy - pinky[1])).toBeGreaterThan(0.04);
});
