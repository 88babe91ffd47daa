import { expect, test } from '../support/fixtures.js';
import {
  cutFingers,
  gotoTryOn,
  magenta,
  mirrored,
  SPOTS,
  startTryOn,
  waitForTracking,
} from '../support/tryon.js';

// The hand photo zoomed in (see `cutFingers`) so the middle and ring fingertips leave the
// frame while the ring finger's base and middle joints stay in view.
test.use({ camera: 'hand-cut-fingers' });
test.setTimeout(120_000);

test('a ring still goes on the ring finger, between knuckle and middle joint', async ({ page }) => {
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  await waitForTracking(page);
  const spot = mirrored(cutFingers(SPOTS.ringOnRingFinger));
  const stats = await magenta(page);
  expect(Math.abs(stats.cx - spot[0])).toBeLessThan(0.04);
  expect(Math.abs(stats.cy - spot[1])).toBeLessThan(0.04);
});
