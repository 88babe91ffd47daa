// The demo store (script tag) end to end: visit → nothing but the page and the loader →
// click → consent → live try-on on the hand → capture → review → share (upload consent) →
// progress → success → export lists it → erase → gone; the refusal path; withdrawal. Under the
// strict CSP, with zero requests to any host but the store's and the ingest server's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningDemo, startDemo } from '../../examples/demo-store/src/index.js';
import { expect, test } from '../support/fixtures.js';
import { EMPTY_STORAGE, readMediaProbe, readStorage } from '../support/probes.js';
import {
  answerConsent,
  closeTryOn,
  consentDialog,
  eraseMyData,
  eventsOf,
  expectAccessible,
  expectNoCspViolations,
  expectNothingAfterRefusal,
  expectTracking,
  installRecorders,
  liveView,
  paths,
  shareFromReview,
  watchConsole,
} from './journey-support.js';

test.use({ camera: 'hand' });
test.setTimeout(180_000);

let demo: RunningDemo;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fr-demo-'));
  demo = await startDemo({ storePort: 0, ingestPort: 0, dataDir, logLevel: 'silent' });
});

test.afterAll(async () => {
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test.beforeEach(async ({ context }) => {
  await installRecorders(context);
});

const hostOf = (url: string) => new URL(url).host;
const tryOnButton = (page: import('@playwright/test').Page) =>
  page.getByRole('button', { name: 'Try it on' });

test('before the click: only the page and the loader, nothing stored, no camera', async ({
  page,
  network,
}) => {
  const csp = watchConsole(page);
  await page.goto(`${demo.storeUrl}/ring.html`);
  await expect(tryOnButton(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'My data', exact: true })).toBeVisible();

  const fittingRoom = network.requests.filter((r) => new URL(r.url).pathname.startsWith('/fr/'));
  expect(paths(fittingRoom)).toEqual(['GET /fr/fittingroom-loader.js']);
  expect(network.hosts()).toEqual([hostOf(demo.storeUrl)]);
  expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
  expect((await readMediaProbe(page)).gumCalls).toBe(0);
  await expectAccessible(page, 'product page');
  await expectNoCspViolations(page, csp);
});

test('without the loader (blocked, or tampered with under SRI) the page works unchanged', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/fr/fittingroom-loader.js', (route) => route.abort());
  await page.goto(`${demo.storeUrl}/ring.html`);
  await expect(page.getByRole('heading', { name: 'Aurora ring' })).toBeVisible();
  await expect(page.locator('[data-fittingroom-product]')).toBeHidden();
  await expect(page.locator('#my-data')).toBeHidden();
  await expectAccessible(page, 'product page without the loader');

  // Same bytes but one: the integrity hash no longer matches, so the browser refuses to run it.
  await page.unroute('**/fr/fittingroom-loader.js');
  await page.route('**/fr/fittingroom-loader.js', async (route) => {
    const response = await route.fetch();
    const original = await response.text();
    const body = original.replace('Try it on', 'Try it 0n');
    expect(body).not.toBe(original);
    await route.fulfill({ response, body });
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Aurora ring' })).toBeVisible();
  expect(await page.evaluate(() => 'FittingRoom' in window)).toBe(false);
  await expect(page.locator('[data-fittingroom-product]')).toBeHidden();
  expect(errors).toEqual([]);
});

test('the custom element: <fitting-room-button> shows a real button that opens consent', async ({
  page,
  network,
}) => {
  const csp = watchConsole(page);
  await page.goto(`${demo.storeUrl}/glasses.html`);
  const button = page.getByRole('button', { name: 'Try them on' });
  await expect(button).toBeVisible();
  expect(paths(network.matching(/\/fr\//))).toEqual(['GET /fr/fittingroom-loader.js']);
  await button.click();
  await expect(consentDialog(page)).toBeVisible();
  await answerConsent(page, 'Refuse');
  expect((await readMediaProbe(page)).gumCalls).toBe(0);
  expect(paths(network.matching(/\/assets\/|ml-worker/))).toEqual([]);
  await expect(button).toBeFocused();
  await expectNoCspViolations(page, csp);
});

test('refuse: the consent dialog shows, then no camera, no ML, nothing stored', async ({
  page,
  network,
}) => {
  const csp = watchConsole(page);
  await page.goto(`${demo.storeUrl}/ring.html`);
  await tryOnButton(page).click();
  await expect(consentDialog(page)).toBeVisible();
  await expectAccessible(page, 'consent dialog');

  // The SDK came with the click; nothing of the ML, and nothing sent anywhere.
  expect(network.matching(/\/fr\/fittingroom\/tryon\.js$/)).toHaveLength(1);
  // …and only its consent part: the live view, camera, anchoring and upload chunks wait.
  expect(network.matching(/\/fr\/fittingroom\/(index|live-parts|client)[^/]*\.js$/)).toEqual([]);
  expect(paths(network.matching(/\/assets\/|ml-worker/))).toEqual([]);
  expect(await readStorage(page)).toEqual(EMPTY_STORAGE);

  await answerConsent(page, 'Refuse');
  expect(await eventsOf(page, 'state')).toContain('closed');
  await expectNothingAfterRefusal(page, network, {
    pageUrl: demo.storeUrl,
    assets: /\/assets\/|ml-worker/,
    consoleLines: csp,
  });
});

test('the full journey: consent → live → capture → share → export → erase', async ({
  page,
  network,
}) => {
  const csp = watchConsole(page);
  const store = hostOf(demo.storeUrl);
  const ingest = hostOf(demo.ingestUrl);
  await page.goto(`${demo.storeUrl}/ring.html`);
  await tryOnButton(page).click();
  await answerConsent(page, 'Accept');

  // Live: the ring drawn on the tracked hand, with models from the store's own folder.
  await expectTracking(page);
  await expectAccessible(page, 'live try-on');
  expect(network.matching(/hand_landmarker\.task$/)).toHaveLength(1);
  expect(network.matching(/face_landmarker\.task$/)).toHaveLength(0);
  expect((await readMediaProbe(page)).gumCalls).toBe(1);

  // Capture → review.
  const view = liveView(page);
  await view.getByRole('button', { name: 'Take photo' }).click();
  await expect(view.getByRole('heading', { name: 'Your photo' })).toBeVisible();
  await expect(view.getByRole('img', { name: 'Photo of you trying on the product' })).toBeVisible();
  await expectAccessible(page, 'review');
  expect(network.hosts()).toEqual([store]);

  // Share → upload consent is asked now → progress → success.
  await shareFromReview(page);
  await expect(view.getByRole('status')).toContainText('Shared');
  expect(network.matching(/\/v1\/uploads$/).map((r) => r.method)).toEqual(['POST']);

  // Close the try-on: camera stopped; "My data" lists the photo, "Delete my data" erases it.
  await closeTryOn(page);
  await eraseMyData(page, 'ring-aurora');

  expect(network.hosts().sort()).toEqual([ingest, store].sort());
  await expectNoCspViolations(page, csp);
});

test('withdrawal from the try-on: camera off, ML closed, nothing sent, consent asked again', async ({
  page,
  network,
}) => {
  const csp = watchConsole(page);
  await page.goto(`${demo.storeUrl}/ring.html`);
  await tryOnButton(page).click();
  await answerConsent(page, 'Accept');
  await expectTracking(page);

  await liveView(page).getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(liveView(page)).toBeHidden();
  await expect.poll(() => eventsOf(page, 'withdrawn')).toHaveLength(1);
  await expect.poll(async () => (await readMediaProbe(page)).liveWorkers).toBe(0);
  expect((await readMediaProbe(page)).trackStates).toEqual(['ended']);
  await expect(page.locator('#tryon-status')).toContainText('Consent withdrawn');
  await expectAccessible(page, 'withdrawn');

  // Opening again asks again: withdrawal is not a silent grant.
  await tryOnButton(page).click();
  await expect(consentDialog(page)).toBeVisible();
  await answerConsent(page, 'Refuse');
  expect((await readMediaProbe(page)).gumCalls).toBe(1);
  expect(network.matching(/\/v1\/uploads/)).toEqual([]);
  await expectNoCspViolations(page, csp);
});
