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

test('close and withdrawal dispose the renderer: no WebGL context left after 20 try-ons', async ({
  page,
}) => {
  // Every WebGL context the page makes, to count the live ones at the end.
  await page.addInitScript(() => {
    const made: { isContextLost(): boolean }[] = [];
    (window as unknown as { glContexts: typeof made }).glContexts = made;
    const original = HTMLCanvasElement.prototype.getContext as (
      this: unknown,
      id: string,
      o?: unknown,
    ) => unknown;
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
      value(this: unknown, id: string, options?: unknown) {
        const ctx = original.call(this, id, options);
        if (ctx && (id === 'webgl2' || id === 'webgl')) made.push(ctx as (typeof made)[number]);
        return ctx;
      },
    });
  });
  await gotoTryOn(page, { product: 'ring', model: 'test' });
  const live = () =>
    page.evaluate(
      () =>
        (window as unknown as { glContexts: { isContextLost(): boolean }[] }).glContexts.filter(
          (c) => !c.isContextLost(),
        ).length,
    );
  for (let i = 0; i < 20; i++) {
    if (i === 0) await startTryOn(page);
    else await page.getByRole('button', { name: 'Try it on' }).click();
    await expect(page.locator(host)).toHaveAttribute('data-render', '3d', { timeout: 60_000 });
    expect(await live()).toBe(1);
    // The last one ends by withdrawal, the others by Close.
    const name = i === 19 ? 'Withdraw consent' : 'Close';
    await page.locator(host).getByRole('button', { name }).click();
    if (i === 19) {
      const confirm = page.getByRole('button', { name: /withdraw/i }).last();
      if (await confirm.isVisible().catch(() => false)) await confirm.click().catch(() => {});
    }
    await expect(page.locator(host)).toHaveCount(0, { timeout: 30_000 });
    expect(await live()).toBe(0);
  }
  const made = await page.evaluate(
    () => (window as unknown as { glContexts: unknown[] }).glContexts.length,
  );
  expect(made).toBe(20);
});
