// Apps a retailer's developer builds from the published packages, outside the workspace (see
// scripts/consumer-test.mjs): Vite + React, Next.js App Router (Turbopack and webpack) and a
// script-tag page. For each: no build-machine path in its client bundle, and one journey under
// the strict CSP — consent → ring drawn → share to the ingest server started from its tarball
// with NODE_ENV=production, which the retailer then reads back — with no request off the page's
// and the server's origins and no CSP violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures.js';
import {
  answerConsent,
  expectNoCspViolations,
  expectTracking,
  installRecorders,
  liveView,
  watchConsole,
} from '../tests/journey-support.js';

interface ConsumerApp {
  readonly name: string;
  readonly url: string;
  /** The folder of what the browser downloads (Next.js: `.next/static`). */
  readonly client: string;
  readonly built: boolean;
  readonly served: boolean;
}

interface Consumer {
  /** The temp folder the apps were built in. */
  readonly work: string;
  /** The repository the tarballs were packed from. */
  readonly root: string;
  readonly ingest: string;
  /** A secret key of the ingest server, to read a shared image back as the retailer. */
  readonly retailerKey: string;
  readonly apps: readonly ConsumerApp[];
}

const manifest = process.env.FR_CONSUMER;
const consumer: Consumer | null = manifest ? JSON.parse(readFileSync(manifest, 'utf8')) : null;

test.use({ camera: 'hand' });
test.setTimeout(240_000);
test.skip(!consumer, 'run by scripts/consumer-test.mjs, which builds the apps');

/** Every text file a browser may download from the app (source maps included). */
function clientFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile() && /\.(m?js|html|css|json|map)$/.test(f));
}

test.beforeEach(async ({ context }) => {
  await installRecorders(context);
});

for (const app of consumer?.apps ?? []) {
  test(`${app.name}: the client bundle holds no path of the build machine`, () => {
    expect(app.built, `${app.name} built (see the consumer test's log)`).toBe(true);
    // The folders of the build: the app's, the repository's, the user's (npm's cache is there).
    const leaks = [consumer!.work, consumer!.root, `${homedir()}/`];
    const found = clientFiles(app.client).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return leaks.filter((leak) => text.includes(leak)).map((leak) => `${file}: ${leak}`);
    });
    expect(found).toEqual([]);
  });

  test(`${app.name}: consent → ring drawn → shared, own origins only, no CSP violation`, async ({
    page,
    network,
    request,
  }) => {
    expect(app.served, `${app.name} built and started (see the consumer test's log)`).toBe(true);
    const csp = watchConsole(page);
    const own = [new URL(app.url).host, new URL(consumer!.ingest).host];
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try it on' }).click();
    await answerConsent(page, 'Accept');
    await expectTracking(page);
    const view = liveView(page);
    await view.getByRole('button', { name: 'Take photo' }).click();
    await expect(view.getByRole('heading', { name: 'Your photo' })).toBeVisible();
    await view.getByRole('button', { name: 'Share', exact: true }).click();
    await answerConsent(page, 'Accept');
    const outcome = page.locator('#tryon-outcome');
    await expect(outcome).toHaveText(/^shared \S+/, { timeout: 60_000 });
    // Stored: the retailer reads the shared image back from the server.
    const uploadId = ((await outcome.textContent()) ?? '').replace(/^shared /, '');
    const stored = await request.get(`${consumer!.ingest}/v1/retailer/uploads/${uploadId}/image`, {
      headers: { authorization: `Bearer ${consumer!.retailerKey}` },
    });
    expect(stored.status()).toBe(200);
    expect(stored.headers()['content-type']).toMatch(/^image\//);
    expect((await stored.body()).length).toBeGreaterThan(1000);
    const elsewhere = network.requests.filter(
      (r) => !own.includes(r.host) && !/^(blob|data):$/.test(r.host),
    );
    expect(elsewhere.map((r) => r.url)).toEqual([]);
    expect(network.hosts()).toContain(own[1]);
    await expectNoCspViolations(page, csp);
  });
}
