import { expect, test } from '../support/fixtures.js';
import { readMediaProbe } from '../support/probes.js';
import { gotoTryOn, startTryOn } from '../support/tryon.js';

test.use({ camera: 'hand' });

// As the 2D test in tryon-hand.spec.ts, with a 3D product: each try-on has its own renderer,
// and closing it frees its WebGL context at once (not at garbage collection), so 20 in a row
// never reach the browser's context limit.
test('20 open/close cycles with a 3D product leave no WebGL context and, after pagehide, no worker', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await gotoTryOn(page, { product: 'ring', model: 'test' });
  const view = page.locator('[data-fittingroom=tryon]');
  for (let i = 0; i < 20; i++) {
    await startTryOn(page);
    await expect(view).toHaveAttribute('data-render', '3d');
    const during = await readMediaProbe(page);
    expect(during.liveWebglContexts).toBe(1);
    expect(during.liveWorkers).toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(view).toHaveCount(0);
  }
  const probe = await readMediaProbe(page);
  expect(probe.webglContexts).toBe(20);
  expect(probe.liveWebglContexts).toBe(0);
  expect(probe.trackStates).toHaveLength(20);
  expect(probe.trackStates.every((s) => s === 'ended')).toBe(true);
  expect(probe.liveWorkers).toBe(1); // the warm worker, parked for a reopen
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  await expect.poll(async () => (await readMediaProbe(page)).liveWorkers).toBe(0);
  expect((await readMediaProbe(page)).liveWebglContexts).toBe(0);
});
