import { expect, test } from '../support/fixtures.js';
import {
  expectCentreNear,
  magenta,
  mirrored,
  openTracked,
  rotatedInFrame,
  SPOTS,
} from '../support/tryon.js';

// The camera image turned 30° clockwise (ffmpeg rotate=PI/6).
test.use({ camera: 'hand-rotated' });
test.setTimeout(120_000);

test('a pinky ring follows a rotated hand', async ({ page }) => {
  await openTracked(page, { product: 'ring', finger: 'pinky' });
  const expected = mirrored(rotatedInFrame(SPOTS.ringOnPinky, Math.PI / 6));
  const upright = mirrored(SPOTS.ringOnPinky);
  const stats = await magenta(page);
  expectCentreNear(stats, expected, 0.04);
  expect(Math.hypot(stats.cx - upright[0], stats.cy - upright[1])).toBeGreaterThan(0.08);
});
