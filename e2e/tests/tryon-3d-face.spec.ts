import { expect, test } from '../support/fixtures.js';
import { checkGlasses3d } from '../support/glasses3d.js';

// The frontal face, centred: the front spans both eyes with its bridge on landmark 168, and the
// temples, running back to the ears, stay hidden behind the head wherever the face is.
test.use({ camera: 'face' });
test.setTimeout(180_000);

test('3D glasses on a frontal face: the bridge on landmark 168, both eyes spanned, temples hidden', async ({
  page,
}) => {
  const g = await checkGlasses3d(page, 'e2e/test-results/3d-glasses-frontal.png');
  // Level (the eye line's angle is ±π: the mirrored view shows the subject's left eye on the left).
  expect(Math.abs(Math.sin(g.roll))).toBeLessThan(0.1);
  expect(g.front.count).toBeGreaterThan(150);
  const middle = (g.front.span[0] + g.front.span[1]) / 2;
  expect(Math.abs(middle - g.bridgeAlong)).toBeLessThan(0.03 * g.faceWidth);
  // Wider than the eyes: the frame spans both outer eye corners.
  expect(g.front.span[1] - g.front.span[0]).toBeGreaterThan(g.eyeWidth);
  expect(g.temples.inside[0]).toBe(0);
});
