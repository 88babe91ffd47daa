import { expect, test } from '../support/fixtures.js';
import { gotoTryOn, startTryOn } from '../support/tryon.js';

test.use({ camera: 'hand' });

const host = '[data-fittingroom=tryon]';

interface LandmarkerInfo {
  mode: string;
  delegate: string;
  reason: string;
}

const landmarkerLog = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () => (window as unknown as { tryOnLog: { landmarker: LandmarkerInfo[] } }).tryOnLog.landmarker,
  );

test('on software WebGL the default configuration runs hands on the CPU and says why', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // This browser's only WebGL is SwiftShader (../shared/notes/webgl.md); the test proves the SDK
  // finds that out by itself.
  const renderer = await page.evaluate(() => {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return info ? String(gl?.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  });
  expect(renderer).toMatch(/SwiftShader/);
  await gotoTryOn(page, { product: 'ring', debug: '1' });
  await startTryOn(page);
  const view = page.locator(host);
  await expect(view).toHaveAttribute('data-delegate', 'CPU');
  await expect(view).toHaveAttribute('data-delegate-reason', 'software-renderer');
  expect(await landmarkerLog(page)).toEqual([
    { mode: 'worker', delegate: 'CPU', reason: 'software-renderer' },
  ]);
  // Debug mode shows the same choice to a retailer calibrating a product.
  await expect(page.locator('[data-debug=landmarker]')).toHaveText(
    'worker · CPU (software-renderer)',
  );
  await expect(page.locator(`${host}[data-tracking=true]`)).toBeAttached({ timeout: 60_000 });
});

test('a forced GPU delegate is honoured and still draws the ring (slowly)', async ({ page }) => {
  // Forced on purpose: the retailer's `delegate` option must win over the device check. Only the
  // choice is asserted, never a time: GPU on SwiftShader takes tens of seconds per first frame.
  test.setTimeout(300_000);
  await gotoTryOn(page, { product: 'ring', delegate: 'GPU' });
  await startTryOn(page);
  const view = page.locator(host);
  await expect(view).toHaveAttribute('data-delegate', 'GPU');
  await expect(view).toHaveAttribute('data-delegate-reason', 'requested');
  expect((await landmarkerLog(page))[0]).toMatchObject({ delegate: 'GPU', reason: 'requested' });
  await expect(page.locator(`${host}[data-tracking=true]`)).toBeAttached({ timeout: 240_000 });
  // Debug mode is off by default: no diagnostics line for shoppers.
  await expect(page.locator('[data-debug]')).toHaveCount(0);
});
