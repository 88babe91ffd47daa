import { expect, test } from '../support/fixtures.js';
import { gotoTryOn } from '../support/tryon.js';

// A camera exists, but the browser's permission prompt is refused.
test.use({ camera: 'denied' });

test('a denied camera permission is said plainly, with how to fix it', async ({
  page,
  network,
}) => {
  await gotoTryOn(page, { product: 'ring' });
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  const view = page.locator('[data-fittingroom=tryon]');
  await expect(view).toContainText('Camera access is blocked', { timeout: 30_000 });
  const errors = await page.evaluate(
    () => (window as unknown as { tryOnLog: { errors: string[] } }).tryOnLog.errors,
  );
  expect(errors).toEqual([expect.stringMatching(/^camera_denied/)]);
  expect(network.matching(/\.(task|wasm)$|tasks-vision|ml-worker/)).toEqual([]);
});
