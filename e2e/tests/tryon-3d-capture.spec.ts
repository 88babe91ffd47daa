import { compareShownAndCaptured } from '../support/colours.js';
import { expect, test } from '../support/fixtures.js';
import { gotoTryOn, startTryOn, waitForTracking } from '../support/tryon.js';

// The back of a hand, so the demo ring's blue stone faces the camera; a phone-sized view,
// where a photo without the stone was reported (the stone shown live, only the band captured).
test.use({ camera: 'forearm-right-back', viewport: { width: 390, height: 844 } });
test.setTimeout(180_000);

test('the photo has the 3D render as shown: the demo ring, stone and band, in the same colours', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'ring', model: 'demo' });
  await startTryOn(page);
  await waitForTracking(page);
  const view = page.locator('[data-fittingroom=tryon]');
  await expect(view).toHaveAttribute('data-render', '3d');
  const shown = await view.locator('canvas').first().screenshot();
  await page.getByRole('button', { name: 'Take photo' }).click();
  await expect(page.getByRole('button', { name: 'Save photo' })).toBeVisible();
  const { shown: live, captured } = await compareShownAndCaptured(page, shown);
  // The render is there live, stone included…
  expect(live.area).toBeGreaterThan(300);
  expect(live.stone).toBeGreaterThan(40);
  // …and the photo has the same stone and the same colours where the product is (a JPEG's
  // chroma and a frame's jitter allowed for).
  expect(captured.stone).toBeGreaterThan(live.stone * 0.7);
  expect(captured.stone).toBeLessThan(live.stone * 1.3);
  for (const c of [0, 1, 2]) expect(Math.abs(captured.mean[c]! - live.mean[c]!)).toBeLessThan(12);
});
