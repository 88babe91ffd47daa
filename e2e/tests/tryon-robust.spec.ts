// The try-on and the device: a hidden tab runs no inference and resumes when shown again, and
// stops the camera when hidden longer than HIDDEN_CAMERA_MS (30 s), opening it when shown; a
// camera the device ends (unplugged, taken by another app) is said so, with a working retry.
import { expect, test } from '../support/fixtures.js';
import { readMediaProbe } from '../support/probes.js';
import { gotoTryOn, startTryOn } from '../support/tryon.js';

test.use({ camera: 'hand' });
test.setTimeout(180_000);

const host = '[data-fittingroom=tryon]';

/** Makes the page report itself hidden or visible, as a tab switch does. */
function setHidden(page: import('@playwright/test').Page, hidden: boolean) {
  return page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (value ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test('a hidden tab runs no inference; shown again, it runs', async ({ page }) => {
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  const view = page.locator(host);
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 90_000 });
  const frames = async () => Number(await view.getAttribute('data-frames'));
  await setHidden(page, true);
  await expect(view).toHaveAttribute('data-paused', 'true');
  await page.waitForTimeout(500); // a step in flight may finish
  const hidden = await frames();
  await page.waitForTimeout(2000);
  expect(await frames()).toBe(hidden);
  await setHidden(page, false);
  await expect(view).toHaveAttribute('data-paused', 'false');
  await expect.poll(frames, { timeout: 30_000 }).toBeGreaterThan(hidden + 2);
});

test('a tab hidden past the timeout stops the camera, and opens it again when shown', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  const view = page.locator(host);
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 90_000 });
  await setHidden(page, true);
  await expect(view).toHaveAttribute('data-camera', 'stopped', { timeout: 45_000 });
  const hidden = await readMediaProbe(page);
  expect(hidden.trackStates.every((s) => s === 'ended')).toBe(true);
  const frames = Number(await view.getAttribute('data-frames'));
  await setHidden(page, false);
  await expect(view).toHaveAttribute('data-camera', 'on', { timeout: 30_000 });
  expect((await readMediaProbe(page)).gumCalls).toBe(2);
  await expect
    .poll(async () => Number(await view.getAttribute('data-frames')), { timeout: 30_000 })
    .toBeGreaterThan(frames + 2);
  await expect(view).toHaveAttribute('data-tracking', 'true', { timeout: 30_000 });
});

test('a camera the device ends says so, releases everything, and Retry brings it back', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  await page.evaluate(() => {
    const probe = (window as unknown as { __frProbe: { tracks: MediaStreamTrack[] } }).__frProbe;
    const track = probe.tracks.at(-1)!;
    track.stop();
    track.dispatchEvent(new Event('ended')); // what the browser fires when the device goes
  });
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeFocused();
  await expect(page.getByRole('status')).toHaveText(/The camera stopped/);
  const ended = await readMediaProbe(page);
  expect(ended.trackStates.every((s) => s === 'ended')).toBe(true);
  expect(ended.liveWorkers).toBe(1); // kept warm while consent stands, for the retry
  await retry.click();
  await expect(page.locator(`${host}[data-state=live]`)).toBeAttached({ timeout: 90_000 });
  const probe = await readMediaProbe(page);
  expect(probe.gumCalls).toBe(2);
  expect(probe.workers).toBe(1); // the retry reused it
  expect(probe.liveWorkers).toBe(1);
  await page.evaluate(() =>
    (window as unknown as { tryOn: { withdraw(): Promise<void> } }).tryOn.withdraw(),
  );
  expect((await readMediaProbe(page)).liveWorkers).toBe(0);
});
