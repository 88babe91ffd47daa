import { expect, test } from '../support/fixtures.js';
import { readMediaProbe } from '../support/probes.js';
import { gotoTryOn } from '../support/tryon.js';

// A browser with no camera at all.
test.use({ camera: 'none' });

test('a missing camera is said plainly, and no ML is loaded', async ({ page, network }) => {
  await gotoTryOn(page, { product: 'ring' });
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  const view = page.locator('[data-fittingroom=tryon]');
  await expect(view).toContainText('No camera was found', { timeout: 30_000 });
  const errors = await page.evaluate(
    () => (window as unknown as { tryOnLog: { errors: string[] } }).tryOnLog.errors,
  );
  expect(errors).toEqual([expect.stringMatching(/^camera_not_found/)]);
  expect((await readMediaProbe(page)).gumCalls).toBe(1);
  expect(network.matching(/\.(task|wasm)$|tasks-vision|ml-worker/)).toEqual([]);
  // The shopper can still close the view.
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(view).toHaveCount(0);
});
