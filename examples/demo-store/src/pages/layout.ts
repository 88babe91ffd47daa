// The store's one page shell: head, header with the product navigation, main, footer.
import { STORE_PRODUCTS } from './catalog.js';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** What differs between the store's pages. */
export interface PageParts {
  readonly title: string;
  /** Extra lines at the end of `<head>` (the loader's script tag on product pages). */
  readonly head?: string;
  /** The product navigation: with the current page's slug marked, or none at all. */
  readonly nav: { readonly current: string | null } | null;
  readonly mainClass?: string;
  readonly main: string;
  readonly footer: string;
}

const BRAND =
  '<a class="brand" href="/">Lumen <span aria-hidden="true">&amp;</span><span class="visually-hidden">and</span> Loop</a>';

function navigation(current: string | null): string {
  const items = STORE_PRODUCTS.map((p) => {
    const mark = p.slug === current ? ' aria-current="page"' : '';
    return `      <li><a href="/${p.slug}.html"${mark}>${esc(p.name)}</a></li>`;
  });
  return [
    '  <nav class="site-nav" aria-label="Products">',
    '    <ul>',
    ...items,
    '    </ul>',
    '  </nav>',
  ].join('\n');
}

/** A whole page, plain HTML, with `%FR_…%` placeholders left for the server to fill. */
export function renderPage(parts: PageParts): string {
  const header = ['<header class="site">', `  ${BRAND}`];
  if (parts.nav) header.push(navigation(parts.nav.current));
  header.push('</header>');
  const mainClass = parts.mainClass ? ` class="${parts.mainClass}"` : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(parts.title)} — Lumen &amp; Loop</title>`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    '<link rel="stylesheet" href="/css/store.css">',
    ...(parts.head ? [parts.head] : []),
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to content</a>',
    ...header,
    `<main id="main"${mainClass}>`,
    parts.main,
    '</main>',
    '<footer class="site">',
    parts.footer,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
