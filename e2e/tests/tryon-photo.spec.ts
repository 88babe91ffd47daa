import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures.js';
import { type Ingest, startIngest } from '../support/ingest.js';
import {
  carries,
  choosePhoto,
  inStage,
  photoPath,
  recordBodies,
  waitForPhoto,
} from '../support/photo.js';
import { readMediaProbe, readStorage } from '../support/probes.js';
import { around, gotoTryOn, magenta, SPOTS } from '../support/tryon.js';

// A browser with no camera device at all: photo mode is what the shopper can use.
test.use({ camera: 'none' });
test.setTimeout(180_000);

let ingest: Ingest;
test.beforeAll(async ({ site }) => {
  ingest = await startIngest(site.url);
});
test.afterAll(async () => {
  await ingest.stop();
});

const view = (page: import('@playwright/test').Page) => page.locator('[data-fittingroom=tryon]');

/** Opens the try-on, accepts camera consent, waits for "no camera" and the photo offer. */
async function openWithoutCamera(page: import('@playwright/test').Page): Promise<void> {
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(view(page)).toContainText('No camera was found', { timeout: 30_000 });
  // Offered by itself: the focus is on it.
  await expect(page.getByRole('button', { name: 'Use a photo instead' })).toBeFocused();
}

/** The ring on the ring finger of handSrc.jpg (640×480), as the live tests check it. */
async function expectRingOnRingFinger(page: import('@playwright/test').Page): Promise<void> {
  const spot = await inStage(page, SPOTS.ringOnRingFinger, { width: 640, height: 480 });
  const tip = await inStage(page, SPOTS.indexTip, { width: 640, height: 480 });
  const stats = await magenta(page, [around(spot, 0.06), around(tip, 0.08)]);
  expect(Math.abs(stats.cx - spot[0])).toBeLessThan(0.04);
  expect(Math.abs(stats.cy - spot[1])).toBeLessThan(0.04);
  expect(stats.boxes[0]).toBeGreaterThan(50);
  expect(stats.boxes[1]).toBe(0);
  expect(stats.coverage).toBeLessThan(0.05);
}

test('no camera: a hand photo gets the ring on the ring finger; the share carries only the capture', async ({
  page,
  network,
}) => {
  const bodies = recordBodies(page);
  await gotoTryOn(page, { product: 'ring', ingest: ingest.url, key: ingest.key });
  await openWithoutCamera(page);
  await choosePhoto(page, photoPath('handSrc.jpg'));
  await waitForPhoto(page);
  await expect(view(page)).toHaveAttribute('data-tracking', 'true');
  await expectRingOnRingFinger(page);
  expect((await readMediaProbe(page)).gumCalls).toBe(1); // the failed camera attempt only

  await page.getByRole('button', { name: 'Take photo' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(view(page)).toContainText('Shared', { timeout: 60_000 });
  const uploaded = await page.evaluate(
    () => (window as unknown as { tryOnLog: { uploaded: unknown[] } }).tryOnLog.uploaded.length,
  );
  expect(uploaded).toBe(1);
  // The capture went up (a new JPEG); no request carried a byte run of the original photo.
  expect(bodies.some((b) => b.length > 10_000)).toBe(true);
  expect(bodies.filter((b) => carries(b, photoPath('handSrc.jpg')))).toEqual([]);
  const ingestHost = new URL(ingest.url).host;
  expect(network.foreign([ingestHost])).toEqual([]);
});

test('mode photo: an EXIF-rotated JPEG is placed upright, as the same photo upright', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'ring', mode: 'photo' });
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(view(page)).toContainText('Choose or drop a photo');
  // Photo mode configured: the camera is never asked for.
  expect((await readMediaProbe(page)).gumCalls).toBe(0);
  // Stored sideways (480×640) with EXIF orientation 6: shown and processed upright.
  await choosePhoto(page, photoPath('handSrc-exif-rotated.jpg'));
  await waitForPhoto(page);
  await expect(view(page)).toHaveAttribute('data-tracking', 'true');
  await expectRingOnRingFinger(page);
});

test('a photo without a hand says so; a non-image and a 50 MB file are refused; nothing stored', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'ring' });
  await openWithoutCamera(page);
  const stored = await readStorage(page); // the consent record, and nothing else from here on
  await choosePhoto(page, photoPath('astronaut.png'));
  await waitForPhoto(page);
  await expect(view(page)).toContainText('No hand was found in this photo. Try another photo.');
  await expect(view(page)).toHaveAttribute('data-tracking', 'false');
  await expect(page.getByRole('button', { name: 'Take photo' })).toBeDisabled();
  // Another photo is offered.
  await expect(page.getByRole('button', { name: 'Use a photo instead' })).toBeVisible();

  await choosePhoto(page, {
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('this is not a JPEG at all'),
  });
  await expect(view(page)).toHaveAttribute('data-photo-error', 'photo_not_image');
  await expect(view(page)).toContainText('This file is not an image this browser can open.');

  const big = join(tmpdir(), `photo15-50mb-${process.pid}.jpg`);
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0xff));
  await choosePhoto(page, big);
  await expect(view(page)).toHaveAttribute('data-photo-error', 'photo_too_large');
  await expect(view(page)).toContainText('This photo is too large (over 20 MB).');
  const errors = await page.evaluate(
    () => (window as unknown as { tryOnLog: { errors: string[] } }).tryOnLog.errors,
  );
  expect(errors.map((e) => e.split(':')[0])).toEqual([
    'camera_not_found',
    'photo_not_image',
    'photo_too_large',
  ]);
  expect(await readStorage(page)).toEqual(stored);
});

test('withdrawal in photo mode drops the photo, its capture and every blob URL made from them', async ({
  page,
}) => {
  // Every blob URL and canvas the page makes is recorded, so what is still held can be listed.
  await page.addInitScript(() => {
    const live = new Set<string>();
    const canvases: HTMLCanvasElement[] = [];
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (object) => {
      const url = create(object);
      live.add(url);
      return url;
    };
    URL.revokeObjectURL = (url) => {
      live.delete(url);
      revoke(url);
    };
    const createElement = document.createElement.bind(document);
    document.createElement = ((name: string, options?: ElementCreationOptions) => {
      const element = createElement(name, options);
      if (element instanceof HTMLCanvasElement) canvases.push(element);
      return element;
    }) as typeof document.createElement;
    Object.assign(window, { heldBlobUrls: live, madeCanvases: canvases });
  });
  await gotoTryOn(page, { product: 'ring' });
  await openWithoutCamera(page);
  await choosePhoto(page, photoPath('handSrc.jpg'));
  await waitForPhoto(page);
  await expect(view(page)).toHaveAttribute('data-tracking', 'true');
  // A capture of it is made and reviewed, then put back: it was derived from the photo too.
  await page.getByRole('button', { name: 'Take photo' }).click();
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('button', { name: 'Withdraw consent' })).toBeVisible();
  const photoSide = await page.evaluate(() => {
    const made = (window as unknown as { madeCanvases: HTMLCanvasElement[] }).madeCanvases;
    const photo = made.find((c) => c.className === 'photo' && c.isConnected);
    return photo ? Math.max(photo.width, photo.height) : 0;
  });
  expect(photoSide).toBeGreaterThan(0); // the photo was held while in use

  await page.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(view(page)).toHaveCount(0, { timeout: 30_000 });
  // Nothing holds a pixel: every canvas made since the page opened has no backing store or is
  // gone from the page with the try-on, and every blob URL was revoked.
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const w = window as unknown as {
            heldBlobUrls: Set<string>;
            madeCanvases: HTMLCanvasElement[];
          };
          const photoCanvases = w.madeCanvases.filter((c) => c.className === 'photo');
          return {
            blobUrls: w.heldBlobUrls.size,
            photoPixels: photoCanvases.reduce((n, c) => n + c.width * c.height, 0),
            photoCanvases: photoCanvases.length,
            attached: w.madeCanvases.filter((c) => c.isConnected).length,
          };
        }),
      { timeout: 5_000 },
    )
    .toEqual({ blobUrls: 0, photoPixels: 0, photoCanvases: 1, attached: 0 });
});

test('photo mode switches products on the same photo: a face product says no face, the ring comes back', async ({
  page,
  network,
}) => {
  await gotoTryOn(page, { product: 'ring', mode: 'photo' });
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await choosePhoto(page, photoPath('handSrc.jpg'));
  await waitForPhoto(page);
  await expect(view(page)).toHaveAttribute('data-tracking', 'true');
  const switchTo = (key: string) =>
    page.evaluate(async (k) => {
      const w = window as unknown as {
        tryOn: { setProduct(p: unknown): Promise<void> };
        testProducts: Record<string, unknown>;
      };
      await w.tryOn.setProduct(w.testProducts[k]);
    }, key);
  // The face landmarker is loaded for the glasses and looks at the same photo: no face in it.
  await switchTo('glasses');
  await expect(view(page)).toHaveAttribute('data-product', 'test-glasses');
  await expect(view(page)).toHaveAttribute('data-tracking', 'false');
  await expect(view(page)).toContainText('No face was found in this photo');
  // Back to the ring: drawn where it was, with the hand landmarker kept (fetched once).
  await switchTo('ring');
  await expect(view(page)).toHaveAttribute('data-product', 'test-ring');
  await expect(view(page)).toHaveAttribute('data-tracking', 'true');
  await expectRingOnRingFinger(page);
  expect(network.matching(/hand_landmarker\.task$/)).toHaveLength(1);
  expect(network.matching(/face_landmarker\.task$/)).toHaveLength(1);
  expect((await readMediaProbe(page)).gumCalls).toBe(0);
});
