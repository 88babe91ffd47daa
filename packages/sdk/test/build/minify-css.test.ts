import { describe, expect, it } from 'vitest';
import { minifyCss } from '../../minify-css.js';
import { REVIEW_CSS } from '../../src/capture/review-styles.js';
import { VIEW_CSS } from '../../src/tryon/view-styles.js';
import { CONSENT_CSS } from '../../src/ui/consent-dialog/styles.js';

describe('minifyCss (build step for the CSS template literals)', () => {
  it('drops comments and the whitespace CSS does not need', () => {
    const css = `
/* note */
.a > b, .c {
  color: var(--x, #fff);
  margin: 0 0 4px;
}
`;
    expect(minifyCss(css)).toBe('.a>b,.c{color:var(--x,#fff);margin:0 0 4px}');
  });

  it('keeps the spaces that carry meaning', () => {
    expect(minifyCss('.a :focus { width: calc(100% - 2rem); }')).toBe(
      '.a :focus{width:calc(100% - 2rem)}',
    );
    expect(minifyCss('@media (forced-colors: active) { b { c: d; } }')).toBe(
      '@media (forced-colors:active){b{c:d}}',
    );
    expect(minifyCss('a { font: 1rem/1.5 "Segoe UI", serif; }')).toBe(
      'a{font:1rem/1.5 "Segoe UI",serif}',
    );
  });

  it.each([
    ['view', VIEW_CSS],
    ['review', REVIEW_CSS],
    ['consent', CONSENT_CSS],
  ])('keeps every rule of the %s stylesheet', (_, css) => {
    const min = minifyCss(css);
    expect(min.length).toBeLessThan(css.length * 0.9);
    // Same declarations in the same order, once whitespace is ignored.
    const strip = (s: string) => s.replace(/\s+/g, '').replace(/;}/g, '}');
    expect(strip(min)).toBe(strip(css));
  });
});
