// The SDK's stylesheets are CSS in template literals (adopted as constructable stylesheets, so
// a strict CSP holds); written readably, they ship ~30% whitespace. This build step strips it.
import type { Plugin } from 'vite';

/**
 * Removes comments and the whitespace CSS does not need: around `{ } ; , >` and after `:`
 * (never before a `:`, where a space is a descendant combinator, as in `.a :focus`), and the
 * last `;` of a block. Spaces inside values (`calc(100% - 2rem)`, `0 0 0.75rem`) stay.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();
}

// `export const NAME_CSS = `…`;` with no `${}` or escapes in the literal.
const CSS_LITERAL = /(_CSS = `)([^`$\\]*)(`;)/g;

/** Vite plugin: minifies the `…_CSS` template literals of `*styles.ts` modules at build time. */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'fittingroom:minify-css-literals',
    apply: 'build',
    transform: {
      filter: { id: /styles\.ts$/ },
      handler(code) {
        const out = code.replace(CSS_LITERAL, (_, open: string, css: string, close: string) => {
          // Keep every line break, after the statement, so the code below keeps its lines.
          const breaks = '\n'.repeat(css.split('\n').length - 1);
          return `${open}${minifyCss(css)}${close}${breaks}`;
        });
        return out === code ? null : { code: out, map: null };
      },
    },
  };
}
