import { expect, test } from '../support/fixtures.js';
import { gotoTryOn, magenta, startTryOn, waitForTracking } from '../support/tryon.js';

test.use({ camera: 'hand' });
test.setTimeout(300_000);

const host = '[data-fittingroom=tryon]';
const errors = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { tryOnLog: { errors: string[] } }).tryOnLog.errors);

test('no WebGL2: the image is drawn instead and the reason is reported', async ({ page }) => {
  // A browser without WebGL2 (old or blocklisted GPU): the context request returns null.
  await page.addInitScript(() => {
    for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype]) {
      const original = proto.getContext as (this: unknown, id: string, o?: unknown) => unknown;
      Object.defineProperty(proto, 'getContext', {
        value(this: unknown, id: string, options?: unknown) {
          return id === 'webgl2' ? null : original.call(this, id, options);
        },
      });
    }
  });
  await gotoTryOn(page, { product: 'ring', model: 'test' });
  await startTryOn(page);
  await waitForTracking(page);
  await expect(page.locator(host)).toHaveAttribute('data-render', '2d');
  await expect(page.locator(host)).toHaveAttribute('data-fallback', 'webgl_unavailable');
  expect(await errors(page)).toContainEqual(expect.stringMatching(/^webgl_unavailable: /));
  expect((await magenta(page)).coverage).toBeGreaterThan(0.001); // the ring image
});

test('a broken GLB: a typed error naming the file, and the image instead', async ({ page }) => {
  const file = '/e2e/fixtures/products/broken.glb';
  await gotoTryOn(page, { product: 'ring', model: file });
  await startTryOn(page);
  await waitForTracking(page);
  await expect(page.locator(host)).toHaveAttribute('data-fallback', 'model_failed');
  expect(await errors(page)).toContainEqual(
    `model_failed: product.model ${file} is not a valid binary glTF 2.0 (GLB) file`,
  );
  expect((await magenta(page)).coverage).toBeGreaterThan(0.001);
});
