// Issue 18: the "test mode" badge. The ingest server's configuration decides (FR_TEST_KEYS),
// not the key's name: the same `pk_test_e2e_0001` is a test key on one server and a live key
// on the other. The badge's question (`GET /v1/key`) is asked only after camera consent.
import { expect, test } from '../support/fixtures.js';
import { type Ingest, startIngest } from '../support/ingest.js';
import { gotoTryOn, startTryOn } from '../support/tryon.js';
import { expectAccessible } from './journey-support.js';

test.use({ camera: 'hand' });
test.setTimeout(120_000);

let testServer: Ingest;
let liveServer: Ingest;
test.beforeAll(async ({ site }) => {
  [testServer, liveServer] = await Promise.all([
    startIngest(site.url, { mode: 'test' }),
    startIngest(site.url),
  ]);
});
test.afterAll(async () => {
  await Promise.all([testServer?.stop(), liveServer?.stop()]);
});

const keyChecks = (requests: { url: string; method: string }[]) =>
  requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/v1/key');

test('a test key shows the badge once the camera is allowed; nothing asked before', async ({
  page,
  network,
}) => {
  await gotoTryOn(page, { product: 'ring', ingest: testServer.url, key: testServer.key });
  await page.getByRole('button', { name: 'Try it on' }).click();
  const accept = page.getByRole('button', { name: 'Accept', exact: true });
  await expect(accept).toBeVisible();
  expect(keyChecks(network.requests)).toEqual([]);
  await accept.click();
  const view = page.locator('[data-fittingroom=tryon]');
  await expect(view).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
  await expect(view).toHaveAttribute('data-test-mode', 'true');
  await expect(view.getByText('Test mode', { exact: true })).toBeVisible();
  expect(keyChecks(network.requests)).toHaveLength(1);
  await expectAccessible(page, 'live try-on in test mode');
});

test('the same key name configured live shows no badge', async ({ page, network }) => {
  await gotoTryOn(page, { product: 'ring', ingest: liveServer.url, key: liveServer.key });
  await startTryOn(page);
  await expect.poll(() => keyChecks(network.requests).length).toBe(1);
  const view = page.locator('[data-fittingroom=tryon]');
  await expect(view.getByText('Test mode', { exact: true })).toBeHidden();
  await expect(view).not.toHaveAttribute('data-test-mode', 'true');
});
