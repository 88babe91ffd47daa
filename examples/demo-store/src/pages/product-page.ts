// A product page and the index, rendered from the catalog through the one shell.
import type { StoreProduct } from './catalog.js';
import { STORE_PRODUCTS } from './catalog.js';
import { esc, renderPage } from './layout.js';

/** The loader's tag, configured like a retailer would: policy, controller, retention. */
const LOADER = `<script src="/fr/fittingroom-loader.js" defer
  integrity="%FR_LOADER_INTEGRITY%" crossorigin="anonymous"
  data-assets="%FR_ASSETS%" data-ingest="%FR_INGEST%" data-key="%FR_KEY%"
  data-policy-url="/privacy.html" data-policy-version="2025-06"
  data-controller="Lumen &amp; Loop Ltd" data-contact="privacy@lumenloop.example"
  data-jurisdiction="EU" data-storage-location="Frankfurt, Germany"
  data-retention-days="30"
  data-retention-policy-url="%FR_INGEST%/retention-policy"></script>
<script src="/js/store.js" defer></script>`;

const MY_DATA = `  <section class="my-data" id="my-data" aria-labelledby="my-data-title" hidden>
    <h2 id="my-data-title">Your try-on data</h2>
    <p>A photo you share is kept for 30 days. See what is stored, erase it, or withdraw your consent at any time.</p>
    <div class="data-actions">
      <button type="button" id="show-data">My data</button>
      <button type="button" id="erase-data">Delete my data</button>
      <button type="button" id="withdraw">Withdraw consent</button>
    </div>
    <div class="upload" id="upload" hidden>
      <label for="upload-progress">Sending your photo</label>
      <progress id="upload-progress" max="100" value="0"></progress>
    </div>
    <p class="status" id="tryon-status" role="status"></p>
    <div class="data-view" id="data-view"></div>
  </section>`;

const STORE_FOOTER = `  <p>Lumen &amp; Loop is a demo store for Fitting Room. Nothing here is for sale.</p>
  <p><a href="/privacy.html">Privacy policy</a></p>`;

/** The try-on button in the product's style: a plain button or the custom element. */
export function tryOnButton(product: StoreProduct): string {
  const files = { image: `/products/${product.slug}.svg`, model: `/models/${product.slug}.glb` };
  const all = { ...product.tryOn, ...files };
  if (product.button === 'element') {
    const attrs = Object.entries(all).map(([name, value]) => `${name}="${esc(value)}"`);
    return `<fitting-room-button class="tryon" hidden ${attrs.join(' ')}>${esc(product.label)}</fitting-room-button>`;
  }
  const attrs = Object.entries(all).map(([name, value]) => `data-${name}="${esc(value)}"`);
  return `<button type="button" class="tryon" hidden ${attrs.join(' ')}>${esc(product.label)}</button>`;
}

/** The product page of one catalog entry. */
export function productPage(product: StoreProduct): string {
  const facts = product.facts.map((fact) => `        <li>${esc(fact)}</li>`).join('\n');
  const main = `  <p class="crumbs"><a href="/">All products</a></p>
  <article class="product">
    <div class="product-image">
      <img src="/products/${product.slug}.svg" alt="${esc(`${product.name}: ${product.alt}`)}" width="${product.width}" height="${product.height}">
    </div>
    <div class="product-info">
      <h1>${esc(product.name)}</h1>
      <p class="price">${esc(product.price)}</p>
      <p>${esc(product.summary)}</p>
      <ul class="facts">
${facts}
      </ul>
      <p class="actions">
        ${tryOnButton(product)}
      </p>
      <p class="note">Virtual try-on uses your camera on this device only, and only after you agree.</p>
    </div>
  </article>
${MY_DATA}`;
  return renderPage({
    title: product.name,
    head: LOADER,
    nav: { current: product.slug },
    main,
    footer: STORE_FOOTER,
  });
}

/** The store's front page: every product as a card. */
export function indexPage(): string {
  const cards = STORE_PRODUCTS.map(
    (p) => `    <li class="card">
      <a href="/${p.slug}.html">
        <img src="/products/${p.slug}.svg" alt="" width="${p.width}" height="${p.height}">
        <span class="card-name">${esc(p.name)}</span>
      </a>
      <span class="price">${esc(p.price)}</span>
    </li>`,
  ).join('\n');
  const main = `  <h1>Jewellery and eyewear you can try on</h1>
  <p class="lead">Pick a piece and choose <strong>Try it on</strong>: you see it on your hand or face, live. Your camera is used on your device only, and only after you agree.</p>
  <ul class="grid">
${cards}
  </ul>`;
  return renderPage({ title: 'Shop', nav: { current: null }, main, footer: STORE_FOOTER });
}
