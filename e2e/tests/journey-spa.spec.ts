// The SPA example (Vite app importing @fittingroom/sdk) end to end, on its production build under
// the strict CSP: visit → nothing but the app → click → consent → glasses on the face →
// capture → review → share (upload consent) → progress → success → export → erase; refusal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { type RunningSpa, startSpa } from '../../examples/spa/serve.js';
import { expect, test } from '../support/fixtures.js';
import { EMPTY_STORAGE, readMediaProbe, readStorage } from '../support/probes.js';
import {
  answerConsent,
  closeTryOn,
  consentDialog,
  eraseMyData,
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

test.use({ camera: 'face' });
test.setTimeout(180_000);

const SPA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'spa');

let spa: RunningSpa;
let dataDir: string;

test.beforeAll(async () => {
  // The production build is what is tested (and it is fast): made fresh from the SDK's dist.
  await build({ root: SPA_DIR, configFile: join(SPA_DIR, 'vite.config.ts'), logLevel: 'warn' });
  dataDir = mkdtempSync(join(tmpdir(), 'fr-spa-'));
  spa = await startSpa({ port: 0, ingestPort: 0, dataDir, logLevel: 'silent' });
});

test.afterAll(async () => {
  await spa?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test.beforeEach(async ({ context }) => {
  await installRecorders(context);
});

const hostOf = (url: string) => new URL(url).host;
const glassesButton = (page: Page) =>
  page.getByRole('button', { name: 'Try it on the Horizon glasses' });

test('before the click: the app only, no ML, nothing stored, no camera', async ({
  page,
  network,
}) => {
  const csp = watchConsole(page);
  await page.goto(`${spa.appUrl}/`);
  await expect(glassesButton(page)).toBeVisible();
  expect(network.hosts()).toEqual([hostOf(spa.appUrl)]);
  expect(paths(network.matching(/\/fittingroom\/|ml-worker/))).toEqual([]);
  expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
  expect((await readMediaProbe(page)).gumCalls).toBe(0);
  await expectAccessible(page, 'app');
  await expectNoCspViolations(page, csp);
});

test('refuse: no camera, no ML, nothing stored', async ({ page, network }) => {
  const csp = watchConsole(page);
  await page.goto(`${spa.appUrl}/`);
  await glassesButton(page).click();
  await expect(consentDialog(page)).toBeVisible();
  await expectAccessible(page, 'consent dialog');
  await answerConsent(page, 'Refuse');
  await expectNothingAfterRefusal(page, network, {
    pageUrl: spa.appUrl,
    assets: /\/fittingroom\/|ml-worker/,
    consoleLines: csp,
  });
});

test('the full journey: consent → glasses on the face → share → export → erase', async ({
  page,
  network,
}) => {
  const csp = watchConsole(page);
  const app = hostOf(spa.appUrl);
  const ingest = hostOf(spa.ingestUrl);
  await page.goto(`${spa.appUrl}/`);
  await glassesButton(page).click();
  await answerConsent(page, 'Accept');

  await expectTracking(page);
  await expectAccessible(page, 'live try-on');
  expect(network.matching(/face_landmarker\.task$/)).toHaveLength(1);
  expect(network.matching(/hand_landmarker/)).toHaveLength(0);

  const view = liveView(page);
  await view.getByRole('button', { name: 'Take photo' }).click();
  await expect(view.getByRole('heading', { name: 'Your photo' })).toBeVisible();
  await expectAccessible(page, 'review');
  await shareFromReview(page);
  await closeTryOn(page);
  await eraseMyData(page, 'glasses-horizon');

  // Withdrawal from the app's panel.
  await page.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(page.locator('#tryon-status')).toContainText('Consent withdrawn');
  await expectAccessible(page, 'withdrawn');

  expect(network.hosts().sort()).toEqual([app, ingest].sort());
  await expectNoCspViolations(page, csp);
});
