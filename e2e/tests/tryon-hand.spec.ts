import { expect, test } from '../support/fixtures.js';
import { EMPTY_STORAGE, readMediaProbe, readStorage } from '../support/probes.js';
import {
  around,
  expectCentreNear,
  gotoTryOn,
  magenta,
  mirrored,
  openTracked,
  SPOTS,
  startTryOn,
  waitForTracking,
} from '../support/tryon.js';

test.use({ camera: 'hand' });
test.setTimeout(120_000);

const ML_ASSET = /\.(task|wasm)$|tasks-vision|ml-worker|engine-/;

test('nothing before consent: no camera, no ML, no storage, and none after a refusal', async ({
  page,
  network,
}) => {
  await gotoTryOn(page, { product: 'ring' });
  await page.getByRole('button', { name: 'Try it on' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
  await page.getByRole('button', { name: 'Refuse', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // A refusal is a record for this page, but it never creates storage.
  expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
  expect((await readMediaProbe(page)).gumCalls).toBe(0);
  expect(network.matching(ML_ASSET)).toEqual([]);
  expect(network.foreign()).toEqual([]);
});

test('a ring sits on the ring finger, between knuckle and middle joint', async ({
  page,
  network,
}) => {
  await gotoTryOn(page, { product: 'ring' });
  expect(network.matching(ML_ASSET)).toEqual([]);
  await startTryOn(page);
  await waitForTracking(page);
  const spot = mirrored(SPOTS.ringOnRingFinger);
  const stats = await magenta(page, [around(spot, 0.06), around(mirrored(SPOTS.indexTip), 0.08)]);
  expect(stats.cx).toBeCloseTo(spot[0], 1);
  expectCentreNear(stats, spot, 0.04);
  expect(stats.boxes[0]).toBeGreaterThan(50);
  expect(stats.boxes[1]).toBe(0);
  expect(stats.coverage).toBeLessThan(0.05);
  expect(network.foreign()).toEqual([]);
  // Frames reach the inference worker as VideoFrames: the page thread never copies one.
  const media = await readMediaProbe(page);
  expect(media.videoFrames).toBeGreaterThan(0);
  expect(media.videoBitmaps).toBe(0);
});

test('the overlay follows the stage when the window is resized', async ({ page }) => {
  await openTracked(page, { product: 'ring' });
  const backing = () =>
    page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
      const canvas = host?.shadowRoot?.querySelector('canvas');
      if (!canvas) throw new Error('no overlay canvas');
      const ratio = window.devicePixelRatio || 1;
      return { width: canvas.width, css: Math.round(canvas.clientWidth * ratio) };
    });
  const before = await backing();
  expect(before.width).toBe(before.css);
  await page.setViewportSize({ width: 420, height: 800 });
  // The backing store is resized to the smaller stage, not left at the old size and scaled.
  await expect.poll(async () => (await backing()).width).toBeLessThan(before.width);
  const after = await backing();
  expect(after.width).toBe(after.css);
  await expect
    .poll(async () => {
      const stats = await magenta(page);
      return Math.abs(stats.cx - mirrored(SPOTS.ringOnRingFinger)[0]) < 0.04;
    })
    .toBe(true);
});

test('the main-thread fallback draws the same ring', async ({ page }) => {
  await gotoTryOn(page, { product: 'ring', inference: 'main' });
  await startTryOn(page);
  await expect(page.locator('[data-fittingroom=tryon][data-mode=main]')).toBeAttached();
  await waitForTracking(page);
  const spot = mirrored(SPOTS.ringOnRingFinger);
  const stats = await magenta(page);
  expectCentreNear(stats, spot, 0.04);
  expect((await readMediaProbe(page)).workers).toBe(0);
});

// The same for the ring's image and for its 3D model (the test GLB's band is the same magenta).
for (const model of [undefined, 'test'] as const) {
  test(`capture composites video and product (${model ? '3D' : 'image'}), mirrored as shown, with no metadata`, async ({
    page,
  }) => {
    await gotoTryOn(page, { product: 'ring', ...(model ? { model } : {}) });
    await startTryOn(page);
    await waitForTracking(page);
    await page.getByRole('button', { name: 'Take photo' }).click();
    await expect(page.getByRole('button', { name: 'Save photo' })).toBeVisible();
    const photo = await page.evaluate(async () => {
      const { findMetadata } = await import('/packages/sdk/dist/capture.js' as string);
      const log = (window as unknown as { tryOnLog: { captures: Blob[] } }).tryOnLog;
      const blob = log.captures[0]!;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      // The ring's centre, mirrored: the captured image must show the product where it was seen.
      const [x, y] = [
        Math.round((1 - 315.8 / 640) * bitmap.width),
        Math.round((317.8 / 480) * bitmap.height),
      ];
      let hits = 0;
      const r = Math.round(bitmap.width * 0.05);
      const px = ctx.getImageData(x - r, y - r, 2 * r, 2 * r).data;
      for (let i = 0; i < px.length; i += 4)
        if (px[i]! > 200 && px[i + 1]! < 80 && px[i + 2]! > 200) hits++;
      return {
        type: blob.type,
        width: bitmap.width,
        height: bitmap.height,
        metadata: findMetadata(bytes) as string[],
        hits,
      };
    });
    expect(photo.type).toBe('image/jpeg');
    expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(1280);
    expect(photo.metadata).toEqual([]);
    expect(photo.hits).toBeGreaterThan(model ? 5 : 20);
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByRole('button', { name: 'Save photo' })).toHaveCount(0);
    await expect(page.locator('[data-fittingroom=tryon][data-state=live]')).toBeAttached();
  });
}

test('withdrawal stops every camera track within 100 ms and closes the worker', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  const states = await page.evaluate(async () => {
    const w = window as unknown as {
      tryOn: { withdraw(): Promise<void> };
      __frProbe: { tracks: MediaStreamTrack[] };
    };
    const done = w.tryOn.withdraw();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const within100 = w.__frProbe.tracks.map((t) => t.readyState);
    await done;
    return within100;
  });
  expect(states.length).toBeGreaterThan(0);
  expect(states.every((s) => s === 'ended')).toBe(true);
  const probe = await readMediaProbe(page);
  expect(probe.liveWorkers).toBe(0);
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveCount(0);
});

test('20 open/close cycles reuse one warm worker and leave no live track; pagehide ends it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await gotoTryOn(page, { product: 'ring' });
  for (let i = 0; i < 20; i++) {
    await startTryOn(page);
    const during = await readMediaProbe(page);
    expect(during.liveWorkers).toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('[data-fittingroom=tryon]')).toHaveCount(0);
  }
  const probe = await readMediaProbe(page);
  expect(probe.gumCalls).toBe(20);
  expect(probe.trackStates).toHaveLength(20);
  expect(probe.trackStates.every((s) => s === 'ended')).toBe(true);
  // Reopened within the grace period: the worker (wasm compiled, model loaded) was reused.
  expect(probe.workers).toBe(1);
  expect(probe.liveWorkers).toBe(1);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  await expect.poll(async () => (await readMediaProbe(page)).liveWorkers).toBe(0);
});
