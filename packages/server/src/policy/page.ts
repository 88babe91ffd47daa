import { createHash } from 'node:crypto';
import type { RetentionPolicy } from './facts.js';
import { POLICY_LOCALES, type PolicyLocale, policyWords } from './texts.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page's only style, allowed by its hash in the CSP (no inline anything else). */
export const POLICY_STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}a{color:#0b57d0}nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}';

/** `Content-Security-Policy` of the page: nothing but its own style. */
export const POLICY_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(POLICY_STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The accessible HTML page of the policy in `locale`, with links to every other locale. */
export function policyPage(facts: RetentionPolicy, locale: PolicyLocale): string {
  const words = policyWords(locale, facts);
  const others = POLICY_LOCALES.map((l) => {
    const name = escapeHtml(policyWords(l, facts).language);
    return l === locale
      ? `<li><a href="?lang=${l}" aria-current="page" hreflang="${l}" lang="${l}">${name}</a></li>`
      : `<li><a href="?lang=${l}" hreflang="${l}" lang="${l}">${name}</a></li>`;
  }).join('');
  const sections = words.sections
    .map(
      ([heading, body]) =>
        `<section><h2>${escapeHtml(heading)}</h2><p>${escapeHtml(body)}</p></section>`,
    )
    .join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(words.title)}</title><style>${POLICY_STYLE}</style></head><body><nav aria-label="Language"><ul>${others}</ul></nav><main><h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.intro)}</p>${sections}<p><a href="/v1/policy">JSON</a></p></main></body></html>`;
}
