// Every HTML page of the demo store, rendered once from one shell and the catalog.
import { STORE_PRODUCTS } from './catalog.js';
import { privacyPage } from './privacy.js';
import { indexPage, productPage } from './product-page.js';

/** Path (`/ring.html`) → the page's HTML, placeholders such as `%FR_INGEST%` still in it. */
export function renderStorePages(): ReadonlyMap<string, string> {
  const pages = new Map<string, string>([
    ['/index.html', indexPage()],
    ['/privacy.html', privacyPage()],
  ]);
  for (const product of STORE_PRODUCTS) pages.set(`/${product.slug}.html`, productPage(product));
  return pages;
}
