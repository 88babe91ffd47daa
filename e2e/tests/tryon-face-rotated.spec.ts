import { expect, test } from '../support/fixtures.js';
import { magenta, mirrored, openTracked, rotatedInFrame, SPOTS } from '../support/tryon.js';

// The camera image turned 30° clockwise: a head rolled to one side.
test.use({ camera: 'face-rotated' });
test.setTimeout(120_000);

test('glasses follow the head roll, across the rotated eyes', async ({ page }) => {
  await openTracked(page, { product: 'glasses' });
  const eyes = mirrored(rotatedInFrame(SPOTS.eyesMid, Math.PI / 6));
  const stats = await magenta(page);
  expect(Math.abs(stats.cx - eyes[0])).toBeLessThan(0.03);
  expect(Math.abs(stats.cy - eyes[1])).toBeLessThan(0.04);
  // Clockwise in the camera is counter-clockwise in the mirrored preview.
  expect(Math.abs(stats.angle + Math.PI / 6)).toBeLessThan(0.1);
});
