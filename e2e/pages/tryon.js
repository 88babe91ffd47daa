// SDK test page: `createTryOn` for one test product chosen by
// `?product=ring|watch|bracelet|glasses|earrings|necklace`, optional `&ingest=<origin>&key=<publishable
// key>`, `&inference=main`, `&lang=fr`, `&delegate=GPU|CPU`, `&debug=1` and `&model=test|demo|<url>`
// (a 3D model: the flat-coloured test GLB, the demo store's, or any URL).
import { createTryOn } from '/packages/sdk/dist/index.js';

const params = new URLSearchParams(location.search);
const PRODUCTS = {
  ring: {
    kind: 'ring',
    image: 'ring.svg',
    anchor: { x: 0.5, y: 0.5 },
    realWidthMm: 22,
    finger: 'ring',
  },
  watch: { kind: 'watch', image: 'watch.svg', anchor: { x: 0.5, y: 0.5 }, realWidthMm: 60 },
  glasses: { kind: 'glasses', image: 'glasses.svg', anchor: { x: 0.5, y: 0.5 }, realWidthMm: 140 },
  earrings: {
    kind: 'earrings',
    image: 'earring.svg',
    anchor: { x: 0.5, y: 0.02 },
    realWidthMm: 12,
  },
  bracelet: { kind: 'bracelet', image: 'watch.svg', anchor: { x: 0.5, y: 0.5 }, realWidthMm: 60 },
  necklace: {
    kind: 'necklace',
    image: 'earring.svg',
    anchor: { x: 0.5, y: 0.02 },
    realWidthMm: 40,
  },
};
const name = params.get('product') ?? 'ring';
/** A test product by name, e.g. `ring` → `test-ring`, named "Test ring" for the strip. */
const productOf = (key) => ({
  id: `test-${key}`,
  name: `Test ${key}`,
  ...PRODUCTS[key],
  image: `/e2e/fixtures/products/${PRODUCTS[key].image}`,
});
const product = productOf(name);
// `?products=ring,glasses,watch`: the live view's product strip (and `window.testProducts`).
const products = (params.get('products') ?? '').split(',').filter(Boolean).map(productOf);
if (params.get('finger')) product.finger = params.get('finger');
const model = params.get('model');
if (model === 'test' || model === 'demo') {
  product.model = `/packages/products3d/dist/${model === 'test' ? 'test/' : ''}${name}.glb`;
} else if (model) product.model = model;
const policy = {
  controller: { name: 'Test Shop', contact: 'privacy@shop.example' },
  policyUrl: 'https://shop.example/privacy',
  policyVersion: params.get('policyVersion') ?? '2026-11',
  jurisdiction: 'EU',
  storageLocation: 'EU (Frankfurt)',
};
const ingest = params.get('ingest')
  ? { endpoint: params.get('ingest'), publishableKey: params.get('key') ?? 'pk_test' }
  : undefined;
const tryOn = createTryOn({
  product,
  ...(products.length > 0 ? { products } : {}),
  policy,
  assetsUrl: '/fittingroom/assets/',
  ingest,
  inference: params.get('inference') ?? 'auto',
  ...(params.get('lang') ? { locale: params.get('lang') } : {}),
  // The default configuration: the SDK picks the delegate. `?delegate=GPU` forces one (the
  // forced-GPU test proves a forced choice still works); `?debug=1` shows the diagnostics line.
  ...(params.get('delegate') ? { delegate: params.get('delegate') } : {}),
  debug: params.get('debug') === '1',
  // `?mode=photo`: photo mode configured (no camera is opened).
  ...(params.get('mode') ? { mode: params.get('mode') } : {}),
  // `?grace=` shortens the warm-reopen grace period (default 60 s) for the test that waits it out.
  ...(params.get('grace') ? { reopenGraceMs: Number(params.get('grace')) } : {}),
});
const log = {
  states: [],
  captures: [],
  errors: [],
  uploaded: [],
  progress: [],
  landmarker: [],
  tracking: [],
  products: [],
};
tryOn.on('product', (p) => log.products.push(p.id));
tryOn.on('tracking', (t) => log.tracking.push(t));
tryOn.on('landmarker', (info) => log.landmarker.push(info));
tryOn.on('state', (s) => log.states.push(s));
tryOn.on('capture', (blob) => log.captures.push(blob));
tryOn.on('error', (e) => log.errors.push(`${e.code}: ${e.message}`));
tryOn.on('uploaded', (r) => log.uploaded.push(r));
tryOn.on('upload-progress', (p) => log.progress.push(p));
document.getElementById('try').addEventListener('click', () => tryOn.open());
window.tryOn = tryOn;
window.testProducts = Object.fromEntries(Object.keys(PRODUCTS).map((k) => [k, productOf(k)]));
window.tryOnLog = log;
