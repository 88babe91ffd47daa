// WebGL context loss mid-try-on, the most reported MediaPipe web failure on phones: the
// landmarker's context (in the inference worker; tasks-vision keeps one on the CPU delegate
// too, to upload frames) and the 3D renderer's are taken away by `WEBGL_lose_context`, and the
// product is drawn again, with tracking going on, without a reload or a click.
import { colourStats } from '../support/colours.js';
import { expect, test } from '../support/fixtures.js';
import {
  inferenceWorker,
  loseGlContexts,
  recordGlContexts,
  showScene,
} from '../support/gl-loss.js';
import { readMediaProbe } from '../support/probes.js';
import { gotoTryOn, startTryOn, trackingEvents, waitForTracking } from '../support/tryon.js';

test.use({ camera: 'hand' });
test.setTimeout(180_000);

const host = '[data-fittingroom=tryon]';

test('ring: the landmarker loses its context, is made again, and the ring is drawn again', async ({
  page,
  context,
}) => {
  await recordGlContexts(context);
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  await waitForTracking(page);
  const view = page.locator(host);
  expect(await loseGlContexts(inferenceWorker(page))).toBeGreaterThan(0);
  await expect(view).toHaveAttribute('data-context', /lost|restored/);
  await expect(view).toHaveAttribute('data-context', 'restored', { timeout: 60_000 });
  const restoredAt = Number(await view.getAttribute('data-frames'));
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 30_000 });
  await expect
    .poll(async () => Number(await view.getAttribute('data-frames')), { timeout: 30_000 })
    .toBeGreaterThan(restoredAt + 3);
  await expect(view).toHaveAttribute('data-state', 'live');
  // Tracking goes on: the new landmarker follows the scene. Left on the lost context, it kept
  // "finding" the hand of the last frame it had uploaded, whatever the camera showed.
  await showScene(page, 'empty');
  await expect(view).toHaveAttribute('data-tracking', 'false', { timeout: 30_000 });
  await expect(view).toHaveAttribute('data-hint', 'showHand', { timeout: 30_000 });
  await showScene(page, 'camera');
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 30_000 });
  // Not drawn while the landmarker was made again, drawn, then gone and back with the hand.
  expect(await trackingEvents(page)).toEqual([true, false, true, false, true]);
  expect((await readMediaProbe(page)).workers).toBe(1); // made again inside the same worker
});

test('3D ring: both contexts lost at once, and the 3D ring is drawn again', async ({
  page,
  context,
}) => {
  await recordGlContexts(context);
  await gotoTryOn(page, { product: 'ring', model: 'test' });
  await startTryOn(page);
  await waitForTracking(page);
  const view = page.locator(host);
  await expect(view).toHaveAttribute('data-render', '3d');
  expect((await colourStats(page, 'magenta')).count).toBeGreaterThan(30);
  expect(await loseGlContexts(page)).toBeGreaterThan(0); // three.js's
  expect(await loseGlContexts(inferenceWorker(page))).toBeGreaterThan(0);
  await expect(view).toHaveAttribute('data-context3d', 'restored', { timeout: 30_000 });
  await expect(view).toHaveAttribute('data-context', 'restored', { timeout: 60_000 });
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 30_000 });
  await expect(view).toHaveAttribute('data-render', '3d');
  // Drawn by the new 3D renderer: once it is restored the image fallback is no longer drawn.
  await expect
    .poll(async () => (await colourStats(page, 'magenta')).count, { timeout: 30_000 })
    .toBeGreaterThan(30);
  expect(await trackingEvents(page)).toEqual([true, false, true]);
});
