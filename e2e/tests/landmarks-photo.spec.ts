import { expect, test } from '../support/fixtures.js';
import {
  FACE_IRIS_468,
  FACE_IRIS_473,
  HAND_INDEX_TIP,
  HAND_THUMB_TIP,
  inBox,
  runBareTasksVision,
  runLandmarks,
} from '../support/landmarks.js';

const TELEMETRY = 'odml.pa.googleapis.com';

// Served without CSP (`?csp=off`), as on a retailer site that has none: the SDK's own fetch
// guard, not the browser, must keep MediaPipe's usage logging from leaving the page.
test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/pages/landmarks.html?csp=off');
});

for (const mode of ['worker', 'main'] as const) {
  test.describe(`still photos, ${mode} thread`, () => {
    test('hand landmarker finds one hand with 21 landmarks where the photo has them', async ({
      page,
      network,
    }) => {
      const run = await runLandmarks(page, { kind: 'hand', photo: 'handSrc.jpg', mode });
      expect(run.mode).toBe(mode);
      const [frame] = run.results;
      expect(frame?.count).toBe(1);
      expect(frame?.sizes).toEqual([21]);
      expect(frame?.handedness).toEqual(['Left']);
      expect(inBox(frame?.first?.[8], HAND_INDEX_TIP)).toBe(true);
      expect(inBox(frame?.first?.[4], HAND_THUMB_TIP)).toBe(true);
      expect(run.blocked.some((url) => url.includes(TELEMETRY))).toBe(true);
      expect(network.foreign()).toEqual([]);
    });

    test('face landmarker finds one face with 478 landmarks, irises on the eyes', async ({
      page,
      network,
    }) => {
      const run = await runLandmarks(page, { kind: 'face', photo: 'astronaut.png', mode });
      const [frame] = run.results;
      expect(frame?.count).toBe(1);
      expect(frame?.sizes).toEqual([478]);
      expect(inBox(frame?.first?.[468], FACE_IRIS_468)).toBe(true);
      expect(inBox(frame?.first?.[473], FACE_IRIS_473)).toBe(true);
      expect(network.foreign()).toEqual([]);
    });

    test('hand landmarker finds no hand on the portrait', async ({ page, network }) => {
      const run = await runLandmarks(page, { kind: 'hand', photo: 'astronaut.png', mode });
      expect(run.results.map((r) => r.count)).toEqual([0]);
      expect(network.foreign()).toEqual([]);
    });
  });
}

test('control: bare tasks-vision without the guard does try to reach Google', async ({
  page,
  network,
}) => {
  await runBareTasksVision(page);
  await expect.poll(() => network.foreign().map((r) => r.host)).toContain(TELEMETRY);
});

test('every asset came from the self-hosted folder on loopback', async ({ page, network }) => {
  await runLandmarks(page, { kind: 'hand', photo: 'handSrc.jpg', mode: 'worker' });
  const assets = network.matching(/\.(task|wasm|mjs)$/).map((r) => new URL(r.url));
  expect(assets.length).toBeGreaterThanOrEqual(3);
  for (const url of assets) {
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname.startsWith('/fittingroom/assets/')).toBe(true);
  }
});
