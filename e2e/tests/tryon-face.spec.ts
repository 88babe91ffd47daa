import { expect, test } from '../support/fixtures.js';
import { around, magenta, mirrored, openTracked, SPOTS } from '../support/tryon.js';

test.use({ camera: 'face' });
test.setTimeout(120_000);

test('glasses sit across the eyes, level with an upright head', async ({ page, network }) => {
  await openTracked(page, { product: 'glasses' });
  const eyes = mirrored(SPOTS.eyesMid);
  const stats = await magenta(page, [around(eyes, 0.08), around(mirrored(SPOTS.chin), 0.05)]);
  expect(Math.abs(stats.cx - eyes[0])).toBeLessThan(0.03);
  expect(Math.abs(stats.cy - eyes[1])).toBeLessThan(0.04);
  expect(stats.boxes[0]).toBeGreaterThan(100);
  expect(stats.boxes[1]).toBe(0);
  expect(Math.abs(stats.angle)).toBeLessThan(0.12);
  expect(network.foreign()).toEqual([]);
});

test('earrings hang at both ear lobes, below the eyes', async ({ page }) => {
  await openTracked(page, { product: 'earrings' });
  // Ear lobes near face-mesh points 177 and 401: (179,127) and (269,133) on the 512-px photo.
  const lobe = (x: number, y: number) =>
    mirrored([(80 + (x * 480) / 512) / 640, (y * 480) / 512 / 480]);
  const left = lobe(179, 127);
  const right = lobe(269, 133);
  const stats = await magenta(page, [
    [left[0] - 0.05, left[1] - 0.03, left[0] + 0.05, left[1] + 0.12],
    [right[0] - 0.05, right[1] - 0.03, right[0] + 0.05, right[1] + 0.12],
    around(mirrored(SPOTS.eyesMid), 0.04),
  ]);
  expect(stats.boxes[0]).toBeGreaterThan(20);
  expect(stats.boxes[1]).toBeGreaterThan(20);
  expect(stats.boxes[2]).toBe(0);
  expect(stats.cy).toBeGreaterThan(mirrored(SPOTS.eyesMid)[1]);
});
