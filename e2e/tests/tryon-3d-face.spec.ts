import { colourStats, hull, shrink } from '../support/colours.js';
import { expect, test } from '../support/fixtures.js';
import { runLandmarks } from '../support/landmarks.js';
import { gotoTryOn, startTryOn, waitForTracking } from '../support/tryon.js';

test.use({ camera: 'face' });
test.setTimeout(180_000);

// The test GLB (packages/products3d, `dist/test/`) has a flat magenta front and green temples.
test('3D glasses: bridge on landmark 168, front across both eyes, temples hidden by the head', async ({
  page,
  network,
}) => {
  // Where the face is on this camera, from the same landmarker the try-on runs.
  await page.goto('/e2e/pages/landmarks.html');
  const run = await runLandmarks(page, { kind: 'face', frames: 1 });
  const face = run.results[0]?.first;
  expect(face?.length).toBeGreaterThanOrEqual(468);
  const shown = (i: number) => [1 - face![i]!.x, face![i]!.y] as const; // mirrored preview, 4:3 in 4:3
  const faceWidth = Math.hypot(shown(234)[0] - shown(454)[0], shown(234)[1] - shown(454)[1]);
  const silhouette = shrink(hull(face!.slice(0, 468).map((_, i) => shown(i))), 0.97);

  await gotoTryOn(page, { product: 'glasses', model: 'test' });
  await startTryOn(page);
  await waitForTracking(page);
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveAttribute('data-render', '3d');
  const front = await colourStats(page, 'magenta', [silhouette]);
  const temples = await colourStats(page, 'green', [silhouette]);
  await page.screenshot({ path: 'e2e/test-results/3d-glasses-test.png' });

  // The bridge is the frame's topmost-centre part: measure the front's centre column near 168.
  const bridge = shown(168);
  expect(front.count).toBeGreaterThan(150);
  expect(Math.abs(front.cx - bridge[0])).toBeLessThan(0.03 * faceWidth);
  // The rims are centred 8 mm below the bridge: the front's centroid is just below 168.
  expect(front.cy).toBeGreaterThan(bridge[1]);
  expect(front.cy - bridge[1]).toBeLessThan(0.15 * faceWidth);
  // Temples run back along the head: none of them shows inside the face's silhouette.
  expect(temples.inside[0]).toBe(0);
  expect(network.foreign()).toEqual([]);
});
