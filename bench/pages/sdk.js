// SDK bench page: the SDK's whole try-on for a test ring, as a retailer's page runs it.
// `?inference=worker|main` (default auto, a worker), `&model=1` for the ring's 3D model (the demo
// store's GLB; the image stays its fallback); the delegate is the SDK's own choice, as a shopper
// gets it (CPU on this machine's software WebGL).
import { createTryOn } from '/packages/sdk/dist/index.js';

const params = new URLSearchParams(location.search);
const tryOn = createTryOn({
  product: {
    id: 'bench-ring',
    kind: 'ring',
    image: '/e2e/fixtures/products/ring.svg',
    anchor: { x: 0.5, y: 0.5 },
    realWidthMm: 22,
    finger: 'ring',
    ...(params.get('model') === '1' ? { model: '/packages/products3d/dist/ring.glb' } : {}),
  },
  policy: {
    controller: { name: 'Bench Shop', contact: 'privacy@shop.example' },
    policyUrl: 'https://shop.example/privacy',
    policyVersion: '2026-11',
    jurisdiction: 'EU',
    storageLocation: 'EU (Frankfurt)',
  },
  assetsUrl: '/fittingroom/assets/',
  inference: params.get('inference') ?? 'auto',
});
const errors = [];
tryOn.on('error', (e) => errors.push(`${e.code}: ${e.message}`));
// Milestones for the cold-start breakdown: when each state was entered.
tryOn.on('state', (state) => window.__bench.marks.push([state, performance.now()]));
document.getElementById('try').addEventListener('click', () => tryOn.open());
window.tryOn = tryOn;
window.tryOnErrors = errors;
