import { colourStats, type Polygon } from '../support/colours.js';
import { expect, test } from '../support/fixtures.js';
import { gotoTryOn, mirrored, SPOTS, startTryOn, waitForTracking } from '../support/tryon.js';

// Earrings and a necklace as 3D models (the flat-coloured test GLBs: metal magenta, stones
// green) on the frontal face, where the 2D rules put their images (tryon-face.spec.ts): the
// earrings at both ear lobes, the necklace below the chin; neither over the eyes.
test.use({ camera: 'face' });
test.setTimeout(180_000);

/** A box as a polygon (normalized view coordinates). */
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** Magenta and green pixels (the whole product) inside each polygon, and overall. */
async function productPixels(page: import('@playwright/test').Page, polygons: Polygon[]) {
  const m = await colourStats(page, 'magenta', polygons);
  const g = await colourStats(page, 'green', polygons);
  return {
    count: m.count + g.count,
    inside: m.inside.map((v, i) => v + g.inside[i]!),
    cx: (m.cx * m.count + (g.count ? g.cx * g.count : 0)) / (m.count + g.count),
    cy: (m.cy * m.count + (g.count ? g.cy * g.count : 0)) / (m.count + g.count),
  };
}

// The same lobes the 2D earrings test uses: near face-mesh points 177 and 401.
const lobe = (x: number, y: number) =>
  mirrored([(80 + (x * 480) / 512) / 640, (y * 480) / 512 / 480]);
const eyes = mirrored(SPOTS.eyesMid);
const eyeBox = box(eyes[0] - 0.04, eyes[1] - 0.04, eyes[0] + 0.04, eyes[1] + 0.04);

test('3D earrings hang at both ear lobes, below the eyes, as the 2D rules place them', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'earrings', model: 'test' });
  await startTryOn(page);
  await waitForTracking(page);
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveAttribute('data-render', '3d');
  const left = lobe(179, 127);
  const right = lobe(269, 133);
  const stats = await productPixels(page, [
    box(left[0] - 0.05, left[1] - 0.03, left[0] + 0.05, left[1] + 0.12),
    box(right[0] - 0.05, right[1] - 0.03, right[0] + 0.05, right[1] + 0.12),
    eyeBox,
  ]);
  await page.screenshot({ path: 'e2e/test-results/3d-earrings.png' });
  // The test earring is thin (a 1 mm wire, an 8 mm drop) on a face 0.13 of the view wide.
  expect(stats.inside[0]).toBeGreaterThan(4);
  expect(stats.inside[1]).toBeGreaterThan(4);
  expect(stats.inside[2]).toBe(0);
  // Nothing anywhere else: all of it is at the lobes.
  expect(stats.inside[0]! + stats.inside[1]!).toBe(stats.count);
});

test('a 3D necklace lies below the chin, centred on it, as the 2D rules place it', async ({
  page,
}) => {
  await gotoTryOn(page, { product: 'necklace', model: 'test' });
  await startTryOn(page);
  await waitForTracking(page);
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveAttribute('data-render', '3d');
  const chin = mirrored(SPOTS.chin);
  const stats = await productPixels(page, [box(0, 0, 1, eyes[1] + 0.04), eyeBox]);
  await page.screenshot({ path: 'e2e/test-results/3d-necklace.png' });
  expect(stats.count).toBeGreaterThan(20);
  expect(Math.abs(stats.cx - chin[0])).toBeLessThan(0.04);
  expect(stats.cy).toBeGreaterThan(chin[1]);
  expect(stats.inside[0]).toBe(0);
});
