import { colourStats } from '../support/colours.js';
import { expect, test } from '../support/fixtures.js';
import { gotoTryOn, mirrored, SPOTS, startTryOn, waitForTracking } from '../support/tryon.js';

test.use({ camera: 'hand' });
test.setTimeout(180_000);

const THREE_OR_GLB = /render3d-|\.glb$/;

// The test ring (packages/products3d `dist/test/ring.glb`) has a flat magenta band and a green
// stone on top, at the back of the finger. The photo shows a palm: the band's front crosses the
// finger, and the stone behind it must be hidden by the SDK's finger occluder.
test('3D ring: the band crosses the ring finger, its back (the stone) hidden by the finger', async ({
  page,
  network,
}) => {
  await gotoTryOn(page, { product: 'ring', model: 'test' });
  // Nothing of three.js or the GLB before consent.
  await page.getByRole('button', { name: 'Try it on' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(network.matching(THREE_OR_GLB)).toEqual([]);
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(page.locator('[data-fittingroom=tryon][data-state=live]')).toBeAttached({
    timeout: 60_000,
  });
  await waitForTracking(page);
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveAttribute('data-render', '3d');
  const [x, y] = mirrored(SPOTS.ringOnRingFinger);
  // Across the finger (vertical in this photo): the band is taller than the finger is wide.
  const box = [
    [x - 0.05, y - 0.1],
    [x + 0.05, y - 0.1],
    [x + 0.05, y + 0.1],
    [x - 0.05, y + 0.1],
  ] as const;
  const band = await colourStats(page, 'magenta', [box]);
  const stone = await colourStats(page, 'green');
  await page.screenshot({ path: 'e2e/test-results/3d-ring-test.png' });
  expect(band.inside[0]).toBeGreaterThan(30);
  expect(band.inside[0]! / band.count).toBeGreaterThan(0.9);
  expect(Math.abs(band.cx - x)).toBeLessThan(0.03);
  expect(stone.count).toBe(0);
  expect(network.matching(THREE_OR_GLB).length).toBeGreaterThanOrEqual(2);
  expect(network.foreign()).toEqual([]);
});

test('a 2D product never fetches three.js or a model', async ({ page, network }) => {
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  await waitForTracking(page);
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveAttribute('data-render', '2d');
  expect(network.matching(THREE_OR_GLB)).toEqual([]);
});
