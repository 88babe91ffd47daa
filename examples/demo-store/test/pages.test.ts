import { describe, expect, it } from 'vitest';
import { STORE_PRODUCTS } from '../src/pages/catalog.js';
import { renderStorePages } from '../src/pages/index.js';
import { esc } from '../src/pages/layout.js';

const pages = renderStorePages();

describe('renderStorePages', () => {
  it('renders the index, the privacy policy and one page per product', () => {
    expect([...pages.keys()].sort()).toEqual(
      ['/index.html', '/privacy.html', ...STORE_PRODUCTS.map((p) => `/${p.slug}.html`)].sort(),
    );
    for (const html of pages.values()) {
      expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
      expect(html).not.toMatch(/undefined|\[object /);
      expect(html.match(/<main id="main"/g)).toHaveLength(1);
    }
  });

  it('marks the current product in the navigation and nothing on the index', () => {
    const ring = pages.get('/ring.html') ?? '';
    expect(ring).toContain('<a href="/ring.html" aria-current="page">Aurora ring</a>');
    expect(ring.match(/aria-current/g)).toHaveLength(1);
    expect(pages.get('/index.html')).not.toContain('aria-current');
  });

  it('loads the SDK on product pages only, with placeholders for the server to fill', () => {
    for (const product of STORE_PRODUCTS) {
      const html = pages.get(`/${product.slug}.html`) ?? '';
      expect(html).toContain('integrity="%FR_LOADER_INTEGRITY%"');
      expect(html).toContain('data-retention-policy-url="%FR_INGEST%/retention-policy"');
    }
    expect(pages.get('/index.html')).not.toContain('fittingroom-loader');
    expect(pages.get('/privacy.html')).not.toContain('fittingroom-loader');
  });

  it('writes each try-on button in its style with the product files', () => {
    expect(pages.get('/watch.html')).toContain(
      '<button type="button" class="tryon" hidden data-fittingroom-product="watch-meridian" data-kind="watch"',
    );
    expect(pages.get('/watch.html')).toContain(
      'data-image="/products/watch.svg" data-model="/models/watch.glb">Try it on</button>',
    );
    expect(pages.get('/glasses.html')).toContain(
      '<fitting-room-button class="tryon" hidden product="glasses-horizon" kind="glasses"',
    );
  });
});

describe('esc', () => {
  it('escapes markup and attribute quotes', () => {
    expect(esc('A & B <i> "q"')).toBe('A &amp; B &lt;i&gt; &quot;q&quot;');
  });
});
