import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { type CameraName, cameraArgs } from './camera.js';
import { type NetworkRecorder, recordNetwork } from './network.js';
import { installMediaProbe } from './probes.js';
import { type StaticServer, startStaticServer } from './server.js';

/** The repository root; the static server serves it as is. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface WorkerFixtures {
  /** Which fake camera the browser gets (`none`: no camera device). Set it at the top of a file. */
  camera: CameraName;
  /** Static server over the repository root, under the strict CSP. */
  site: StaticServer;
}

interface TestFixtures {
  /** Records (and blocks, if not loopback) every request of the test's context. */
  network: NetworkRecorder;
}

/**
 * Playwright `test` with Fitting Room's fixtures: a fake camera per worker, a static site,
 * a network recorder and a getUserMedia/Worker probe installed in every page.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  camera: ['none', { scope: 'worker', option: true }],
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright needs the destructuring form.
    async ({}, use) => {
      const site = await startStaticServer(REPO_ROOT);
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  launchOptions: [
    async ({ launchOptions, camera }, use) => {
      const args = [...(launchOptions.args ?? []), ...cameraArgs(camera)];
      await use({ ...launchOptions, args });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => {
    await use(site.url);
  },
  network: async ({ context }, use) => {
    await use(await recordNetwork(context));
  },
  context: async ({ context }, use) => {
    await installMediaProbe(context);
    await use(context);
  },
});

export { expect };
