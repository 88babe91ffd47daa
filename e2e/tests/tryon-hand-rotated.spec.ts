import { expect, test } from '../support/fixtures.js';
import {
  gotoTryOn,
  magenta,
  mirrored,
  rotatedInFrame,
  SPOTS,
  startTryOn,
  waitForTracking,
} from '../support/tryon.js';

// The camera image turned 30° clockwise (ffmpeg rotate=PI/6).
test.use({ camera: 'hand-rotated' });
test.setTimeout(120_000);

test('a pinky ring follows a rotated hand', async ({ page }) => {
  await gotoTryOn(page, { product: 'ring', finger: 'pinky' });
  await startTryOn(page);
  await waitForTracking(page);
  const expected = mirrored(rotatedInFrame(SPOTS.ringOnPinky, Math.PI / 6));
  const upright = mirrored(SPOTS.ringOnPinky);
  const stats = await magenta(page);
  expect(Math.abs(stats.cx - expected[0])).toBeLessThan(0.04);
  expect(Math.abs(stats.cy - expected[1])).toBeLessThan(0.04);
  expect(Math.hypot(stats.cx - upright[0], stats.cy - upright[1])).toBeGreaterThan(0.08);
});
