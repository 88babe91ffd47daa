import { test } from '../support/fixtures.js';
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
test.use({ camera: 'hand-cut-fingers' });
test.setTimeout(120_000);

test('a ring still goes on the ring finger, between knuckle and middle joint', async ({ page }) => {
  await openTracked(page, { product: 'ring' });
  const spot = mirrored(cutFingers(SPOTS.ringOnRingFinger));
  const stats = await magenta(page);
  expectCentreNear(stats, spot, 0.04);
});
