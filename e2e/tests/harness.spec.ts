import { expect, test } from '../support/fixtures.js';
import { readMediaProbe, readStorage } from '../support/probes.js';

// The camera is per worker, so one fake camera per file.
test.use({ camera: 'hand' });

// The harness must be able to see what it is asked to forbid, or the privacy tests prove nothing.
test.describe('harness', () => {
  test('records a foreign request made from a worker, and blocks it', async ({ page, network }) => {
    await page.goto('/e2e/pages/harness.html?csp=off');
    await page.evaluate(() =>
      (
        window as unknown as { harness: { workerFetch(u: string): Promise<void> } }
      ).harness.workerFetch('https://telemetry.example.com/v1/log'),
    );
    const foreign = network.foreign();
    expect(foreign.map((r) => r.host)).toContain('telemetry.example.com');
    expect(foreign.every((r) => r.failed || r.bytes === 0)).toBe(true);
  });

  test('reads storage written by the page', async ({ page }) => {
    await page.goto('/e2e/pages/harness.html');
    await page.evaluate(() => {
      localStorage.setItem('k', 'v');
      indexedDB.open('probe-db');
    });
    await expect.poll(async () => (await readStorage(page)).indexedDB).toContain('probe-db');
    expect((await readStorage(page)).localStorage).toEqual(['k']);
  });

  test('the fake camera delivers 640x480 frames and the probe sees the call', async ({ page }) => {
    await page.goto('/e2e/pages/harness.html');
    const size = await page.evaluate(() =>
      (window as unknown as { harness: { cameraSize(): Promise<number[]> } }).harness.cameraSize(),
    );
    expect(size).toEqual([640, 480]);
    const probe = await readMediaProbe(page);
    expect(probe.gumCalls).toBe(1);
    expect(probe.trackStates).toEqual(['ended']);
  });
});
