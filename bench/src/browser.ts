import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { cameraArgs } from '../../e2e/support/camera.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/support/chromium.js';
import { type StaticServer, startStaticServer } from '../../e2e/support/server.js';

/** The repository root (served as is by the static server, like the e2e pages). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A headless Chromium with the hand fake camera, and the repository served on loopback. */
export interface BenchBrowser {
  readonly browser: Browser;
  readonly site: StaticServer;
  /** A fresh context (empty cache and storage) with one page at `path`. */
  open(path: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Launches the browser and the static server; `close()` stops both. */
export async function launchBench(): Promise<BenchBrowser> {
  const site = await startStaticServer(REPO_ROOT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The e2e launch flags, plus the hand fake camera.
    args: [...CHROMIUM_ARGS, ...cameraArgs('hand')],
  });
  return {
    browser,
    site,
    async open(path) {
      // The camera permission is granted, as for a shopper who allowed this store's camera
      // before: both the SDK and the bare baseline get the camera with no prompt (a prompt's
      // wait is the shopper's, not code's), and the SDK's download alongside the camera, which
      // only starts where the permission is known to be granted, is what such a shopper gets.
      const context = await browser.newContext({ baseURL: site.url, permissions: ['camera'] });
      const page = await context.newPage();
      await page.goto(path);
      return { context, page };
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
