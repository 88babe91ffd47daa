import { expect, test } from '../support/fixtures.js';
import { expectCentreNear, magenta, mirrored, openTracked, SPOTS } from '../support/tryon.js';

// The camera itself is flipped (ffmpeg hflip): the overlay must follow the hand, not the photo.
test.use({ camera: 'hand-mirrored' });
test.setTimeout(120_000);

test('a pinky ring follows a mirrored hand', async ({ page }) => {
  await openTracked(page, { product: 'ring', finger: 'pinky' });
  const [x, y] = SPOTS.ringOnPinky;
  const expected = mirrored([1 - x, y]); // flipped by the camera, then by the preview
  const unflipped = mirrored([x, y]);
  const stats = await magenta(page);
  expectCentreNear(stats, expected, 0.04);
  expect(Math.abs(stats.cx - unflipped[0])).toBeGreaterThan(0.1);
});
