import { expect, test } from '../support/fixtures.js';
import { type Ingest, startIngest } from '../support/ingest.js';
import { gotoTryOn, startTryOn, waitForTracking } from '../support/tryon.js';

test.use({ camera: 'hand' });
test.setTimeout(180_000);

let ingest: Ingest;
test.beforeAll(async ({ site }) => {
  ingest = await startIngest(site.url);
});
test.afterAll(async () => {
  await ingest.stop();
});

const images = () =>
  ingest.files().filter((f) => !/audit/.test(f) && /object|image|upload/i.test(f));

test('capture → share (asks upload consent) → progress → export lists it → erase → gone', async ({
  page,
  network,
}) => {
  await gotoTryOn(page, { product: 'ring', ingest: ingest.url, key: ingest.key });
  await startTryOn(page);
  await waitForTracking(page);
  await page.getByRole('button', { name: 'Take photo' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  // Camera consent did not include upload: Share asks for it now, on its own.
  const accept = page.getByRole('button', { name: 'Accept', exact: true });
  await expect(accept).toBeVisible();
  await accept.click();
  await expect(page.locator('[data-fittingroom=tryon]')).toContainText('Shared', {
    timeout: 60_000,
  });

  const log = await page.evaluate(() => {
    const l = (
      window as unknown as {
        tryOnLog: { uploaded: unknown[]; progress: { loaded: number; total: number }[] };
      }
    ).tryOnLog;
    return { uploaded: l.uploaded.length, progress: l.progress };
  });
  expect(log.uploaded).toBe(1);
  expect(log.progress.length).toBeGreaterThan(0);
  const last = log.progress.at(-1)!;
  expect(last.loaded).toBe(last.total);
  expect(images().length).toBeGreaterThan(0);

  const exported = await page.evaluate(() =>
    (
      window as unknown as {
        tryOn: { exportMyData(): Promise<{ uploads: { productId: string }[] } | null> };
      }
    ).tryOn.exportMyData(),
  );
  expect(exported?.uploads.map((u) => u.productId)).toEqual(['test-ring']);

  await page.evaluate(() =>
    (window as unknown as { tryOn: { eraseMyData(): Promise<void> } }).tryOn.eraseMyData(),
  );
  const after = await page.evaluate(() =>
    (window as unknown as { tryOn: { exportMyData(): Promise<unknown> } }).tryOn.exportMyData(),
  );
  expect(after).toBeNull();
  expect(images()).toEqual([]);
  // Only the page's origin and the ingest server were ever contacted.
  const ingestHost = new URL(ingest.url).host;
  expect(network.foreign([ingestHost])).toEqual([]);
  expect(network.hosts().sort()).toEqual([new URL(page.url()).host, ingestHost].sort());
});

test('withdrawal after sharing purges and erases the server copy', async ({ page, network }) => {
  await gotoTryOn(page, { product: 'ring', ingest: ingest.url, key: ingest.key });
  await startTryOn(page);
  await waitForTracking(page);
  await page.getByRole('button', { name: 'Take photo' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  const accept = page.getByRole('button', { name: 'Accept', exact: true });
  if (await accept.isVisible().catch(() => false)) await accept.click();
  await expect(page.locator('[data-fittingroom=tryon]')).toContainText('Shared', {
    timeout: 60_000,
  });
  expect(images().length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => images(), { timeout: 15_000 }).toEqual([]);
  // The subject token is forgotten: asking for an export now costs no request and finds nothing.
  const ingestHost = new URL(ingest.url).host;
  const before = network.requests.filter((r) => r.host === ingestHost).length;
  const exported = await page.evaluate(() =>
    (window as unknown as { tryOn: { exportMyData(): Promise<unknown> } }).tryOn.exportMyData(),
  );
  expect(exported).toBeNull();
  expect(network.requests.filter((r) => r.host === ingestHost).length).toBe(before);
});
