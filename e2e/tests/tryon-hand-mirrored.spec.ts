import { expect, test } from '../support/fixtures.js';
import {
  gotoTryOn,
  magenta,
  mirrored,
  SPOTS,
  startTryOn,
  waitForTracking,
} from '../support/tryon.js';

// The camera itself is flipped (ffmpeg hflip): the overlay must follow the hand, not the photo.
test.use({ camera: 'hand-mirrored' });
test.setTimeout(120_000);

test('a pinky ring follows a mirrored hand', async ({ page }) => {
  await gotoTryOn(page, { product: 'ring', finger: 'pinky' });
  await startTryOn(page);
  await waitForTracking(page);
  const [x, y] = SPOTS.ringOnPinky;
  const expected = mirrored([1 - x, y]); // flipped by the camera, then by the preview
  const unflipped = mirrored([x, y]);
  const stats = await magenta(page);
  expect(Math.abs(stats.cx - expected[0])).toBeLessThan(0.04);
  expect(Math.abs(stats.cy - expected[1])).toBeLessThan(0.04);
  expect(Math.abs(stats.cx - unflipped[0])).toBeGreaterThan(0.1);
});
