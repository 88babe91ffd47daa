// Warm reopen: while consent stands, close() then open() within the grace period reuses the
// loaded landmarker (worker up, wasm compiled, model in memory) and pays only the camera; the
// end of the grace period and withdrawal release everything (pagehide: tryon-hand.spec.ts).
import { expect, test } from '../support/fixtures.js';
import { readMediaProbe } from '../support/probes.js';
import { gotoTryOn, startTryOn } from '../support/tryon.js';

test.use({ camera: 'hand' });
test.setTimeout(240_000);

const host = '[data-fittingroom=tryon]';
const ML_FILE = /\.(task|wasm)$|tasks-vision|ml-worker/;

test('a reopen within the grace period downloads nothing and reuses the worker; withdrawal ends it', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await gotoTryOn(page, { product: 'ring' });
  await startTryOn(page);
  expect(fetched.filter((p) => ML_FILE.test(p)).length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator(host)).toHaveCount(0);
  const closed = await readMediaProbe(page);
  expect(closed.trackStates.every((s) => s === 'ended')).toBe(true);
  expect(closed.liveWorkers).toBe(1);

  fetched.length = 0;
  await startTryOn(page); // consent on record: no dialog
  await expect(page.locator(host)).toHaveAttribute('data-tracking', 'true', { timeout: 60_000 });
  expect(fetched.filter((p) => ML_FILE.test(p))).toEqual([]);
  const reopened = await readMediaProbe(page);
  expect(reopened.gumCalls).toBe(2);
  expect(reopened.workers).toBe(1);
  expect(reopened.liveWorkers).toBe(1);

  await page.evaluate(() =>
    (window as unknown as { tryOn: { withdraw(): Promise<void> } }).tryOn.withdraw(),
  );
  const withdrawn = await readMediaProbe(page);
  expect(withdrawn.liveWorkers).toBe(0);
  expect(withdrawn.trackStates.every((s) => s === 'ended')).toBe(true);
});

test('the end of the grace period releases the worker; a later open starts cold', async ({
  page,
}) => {
  // A 2 s grace instead of the default 60 s, so the test does not wait a minute for its end.
  await gotoTryOn(page, { product: 'ring', grace: '2000' });
  await startTryOn(page);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator(host)).toHaveCount(0);
  expect((await readMediaProbe(page)).liveWorkers).toBe(1);
  await expect.poll(async () => (await readMediaProbe(page)).liveWorkers).toBe(0);
  expect((await readMediaProbe(page)).trackStates.every((s) => s === 'ended')).toBe(true);
  await startTryOn(page);
  const probe = await readMediaProbe(page);
  expect(probe.workers).toBe(2);
  expect(probe.liveWorkers).toBe(1);
});
