import { expect, test } from '../support/fixtures.js';
import { checkGlasses3d } from '../support/glasses3d.js';

// The face in the top-left of the frame and rolled 15°: where a projection that does not match
// the pose's skews 3D glasses off the nose.
test.use({ camera: 'face-corner' });
test.setTimeout(180_000);

test('3D glasses off-centre and rolled: the bridge stays on landmark 168, temples hidden', async ({
  page,
}) => {
  const g = await checkGlasses3d(page, 'e2e/test-results/3d-glasses-corner.png');
  expect(g.bridge[0]).toBeGreaterThan(0.6); // mirrored: the face is in the top right of the view
  expect(g.bridge[1]).toBeLessThan(0.35);
  expect(Math.abs(g.roll)).toBeGreaterThan(0.2);
  expect(g.front.count).toBeGreaterThan(150);
  // The frame is symmetric about its bridge: the middle of its extent along the eye line is 168.
  const middle = (g.front.span[0] + g.front.span[1]) / 2;
  expect(Math.abs(middle - g.bridgeAlong)).toBeLessThan(0.03 * g.faceWidth);
  expect(g.temples.inside[0]).toBe(0);
});
