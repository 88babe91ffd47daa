import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, REPO_ROOT, test } from '../support/fixtures.js';
import { readMediaProbe } from '../support/probes.js';
import { gotoTryOn } from '../support/tryon.js';

// The face camera with a ring: no hand is ever found, so the hint must show, but only after the
// landmarker processed frames. The progress and retry tests work with any camera.
test.use({ camera: 'face' });
test.setTimeout(180_000);

const host = '[data-fittingroom=tryon]';
const MANIFEST = JSON.parse(
  readFileSync(join(REPO_ROOT, 'packages/models/dist/manifest.json'), 'utf8'),
) as { files: { file: string; bytes: number }[] };
const bytesOf = (file: string) => MANIFEST.files.find((f) => f.file === file)?.bytes ?? -1;
// What the worker downloads for a ring: its wasm build and the full hand model.
const DOWNLOAD = bytesOf('wasm/vision_wasm_module_internal.wasm') + bytesOf('hand_landmarker.task');

interface Sample {
  now: string | null;
  loaded: string | undefined;
  total: string | undefined;
  status: string;
  frames: string | undefined;
  phase: string | undefined;
}

/** Records every change of the download bar, the status line and the frame count. */
async function recordView(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(() => {
    const samples: unknown[] = [];
    (window as unknown as { samples: unknown[] }).samples = samples;
    const watch = (tryHost: Element) => {
      const root = (tryHost as HTMLElement).shadowRoot;
      if (!root) return;
      const bar = root.querySelector<HTMLElement>('progress.download');
      const status = root.querySelector('[role=status]');
      const take = () =>
        samples.push({
          now: bar?.getAttribute('aria-valuenow') ?? null,
          loaded: bar?.dataset.loaded,
          total: bar?.dataset.total,
          status: status?.textContent ?? '',
          frames: (tryHost as HTMLElement).dataset.frames,
          phase: (tryHost as HTMLElement).dataset.phase,
        });
      take();
      new MutationObserver(take).observe(root, {
        subtree: true,
        attributes: true,
        characterData: true,
        childList: true,
      });
      new MutationObserver(take).observe(tryHost, { attributes: true });
    };
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) watch(n);
    }).observe(document.body, { childList: true });
  });
}

/** Opens the ring's try-on with the recorder on and accepts camera consent. */
async function openRecorded(page: import('@playwright/test').Page): Promise<void> {
  await gotoTryOn(page, { product: 'ring' });
  await recordView(page);
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
}

const samples = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { samples: Sample[] }).samples);

test('the download bar goes from 0 to 100 with the real bytes, then a starting phase', async ({
  page,
}) => {
  await openRecorded(page);
  // An accessible progress bar with a name, while the files download.
  const bar = page.getByRole('progressbar', { name: 'Downloading the try-on' });
  await expect(bar).toBeVisible();
  await expect(page.locator(`${host}[data-state=live]`)).toBeAttached({ timeout: 90_000 });
  await expect(bar).toHaveCount(0); // hidden once everything is in
  const seen = (await samples(page)).filter((s) => s.now !== null && s.total !== undefined);
  const values = seen.map((s) => Number(s.now));
  expect(values[0]).toBe(0);
  expect(values.at(-1)).toBe(100);
  expect(values.some((v) => v > 0 && v < 100)).toBe(true); // it moved, not 0 then 100
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
  // The total is the sum of the two files' real sizes, and all of it arrived.
  const last = seen.at(-1)!;
  expect(Number(last.total)).toBe(DOWNLOAD);
  expect(Number(last.loaded)).toBe(DOWNLOAD);
  // After the bytes: a short "starting" phase, until the first frame is processed.
  await expect(page.locator(`${host}[data-phase=running]`)).toBeAttached({ timeout: 60_000 });
  const phases = (await samples(page)).map((s) => s.phase);
  const firsts = ['downloading', 'initializing', 'running'].map((p) => phases.indexOf(p));
  expect(firsts.every((i) => i >= 0)).toBe(true);
  expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  const starting = (await samples(page)).find((s) => s.phase === 'initializing');
  expect(starting?.status).toBe('Starting the try-on on this device…');
});

test('the show-your-hand hint waits until frames were processed without a hand', async ({
  page,
}) => {
  await openRecorded(page);
  const hint = 'Hold the back of your hand up to the camera.';
  await expect(page.locator(`${host}[data-state=live]`)).toBeAttached({ timeout: 90_000 });
  await expect(page.getByRole('status')).toHaveText(hint, { timeout: 60_000 });
  const withHint = (await samples(page)).filter((s) => s.status === hint);
  expect(withHint.length).toBeGreaterThan(0);
  // Never before two processed frames (HINT_AFTER_FRAMES in tryon/live.ts).
  for (const s of withHint) expect(Number(s.frames ?? 0)).toBeGreaterThanOrEqual(2);
  const before = (await samples(page)).filter((s) => s.frames === undefined);
  expect(before.map((s) => s.status)).not.toContain(hint);
});

test('a download cut mid-way says so, leaves nothing open, and Retry starts the try-on', async ({
  page,
  site,
}) => {
  site.cutNext('/hand_landmarker.task');
  await gotoTryOn(page, { product: 'ring' });
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible({ timeout: 90_000 });
  await expect(retry).toBeFocused();
  await expect(page.getByRole('status')).toHaveText(
    'The download was interrupted. Check your connection and try again.',
  );
  const errors = await page.evaluate(
    () => (window as unknown as { tryOnLog: { errors: string[] } }).tryOnLog.errors,
  );
  expect(errors[0]).toMatch(/^ml_download_failed: /);
  // Nothing is left half-open: the camera is off and the worker is gone.
  const probe = await readMediaProbe(page);
  expect(probe.trackStates.every((s) => s === 'ended')).toBe(true);
  expect(probe.liveWorkers).toBe(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await retry.click();
  await expect(page.locator(`${host}[data-state=live]`)).toBeAttached({ timeout: 90_000 });
  await expect(retry).toBeHidden();
  await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
  expect((await readMediaProbe(page)).liveWorkers).toBe(1);
});

test('a stalled download says so with a retry that ends it and starts a fresh one', async ({
  page,
  site,
}) => {
  test.setTimeout(180_000);
  site.stallNext('/hand_landmarker.task');
  await gotoTryOn(page, { product: 'ring' });
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  const retry = page.getByRole('button', { name: 'Try again' });
  // No byte for STALL_MS (15 s, tryon/download.ts): the shopper is told, and offered a retry.
  await expect(retry).toBeVisible({ timeout: 60_000 });
  await expect(retry).toBeFocused();
  await expect(page.locator(host)).toHaveAttribute('data-phase', 'stalled');
  await expect(page.getByRole('status')).toHaveText(
    'The download has stalled. Check your connection, then try again.',
  );
  expect(site.stalledOpen()).toBe(1);
  await retry.click();
  // Nothing is left half-open: the stalled connection is closed with the worker that held it.
  await expect.poll(() => site.stalledOpen()).toBe(0);
  await expect(page.locator(`${host}[data-state=live]`)).toBeAttached({ timeout: 90_000 });
  const probe = await readMediaProbe(page);
  expect(probe.workers).toBe(2);
  expect(probe.liveWorkers).toBe(1);
  expect(probe.gumCalls).toBe(1); // the camera stayed on through the retry
});
