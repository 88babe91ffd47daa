import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';

/** Where the console lives. */
export const CONSOLE_PATH = '/console';

/** The page's policy: its own script and style files, its own API, nothing inline, no frames. */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// The browser part, built by console-ui/tsconfig.json into dist/console-ui (beside dist/ from
// both src/console and dist/console, so the source and built servers find the same files).
const UI = new URL('../../dist/console-ui/', import.meta.url);
const STYLE = new URL('../../console-ui/console.css', import.meta.url);

/** The page: a sign-in form and the sections the script fills once signed in. */
export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy console — Fitting Room</title>
<link rel="stylesheet" href="${CONSOLE_PATH}/console.css">
<script type="module" src="${CONSOLE_PATH}/console.js"></script>
</head>
<body>
<header class="bar">
  <h1>Privacy console</h1>
  <div class="who" id="who" hidden>
    <fieldset class="modes">
      <legend>Data</legend>
      <label><input type="radio" name="mode" value="live" checked> Live</label>
      <label><input type="radio" name="mode" value="test"> Test</label>
    </fieldset>
    <span id="signed-in-as"></span>
    <button type="button" id="sign-out">Sign out</button>
  </div>
</header>
<main id="main">
  <section class="card sign-in" id="sign-in" aria-labelledby="sign-in-title">
    <h2 id="sign-in-title">Sign in</h2>
    <form id="sign-in-form" novalidate>
      <label for="credential">Console password or secret key</label>
      <input id="credential" name="credential" type="password" autocomplete="current-password" required>
      <button type="submit" class="primary">Sign in</button>
      <p class="error" id="sign-in-error" role="alert"></p>
    </form>
    <p class="hint">The password (<code>FR_CONSOLE_PASSWORD</code>) or an <code>sk_live_…</code> / <code>sk_test_…</code> key stays in this tab's memory only: no cookie, nothing stored. Reloading the page signs out.</p>
  </section>
  <div id="signed-in" hidden>
    <p class="status" id="status" role="status"></p>
    <section class="card" aria-labelledby="photos-title">
      <h2 id="photos-title">Shared photos</h2>
      <p id="photos-summary"></p>
      <div class="empty" id="photos-empty" hidden>
        <p class="empty-title" id="photos-empty-title"></p>
        <p id="photos-empty-hint"></p>
      </div>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="photos-title" id="photos-scroll"><table id="photos"><caption class="visually-hidden">Shared photos, newest first</caption>
        <thead><tr><th scope="col">Product</th><th scope="col">Shared</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col">Receipt id</th></tr></thead>
        <tbody></tbody></table></div>
    </section>
    <section class="card" aria-labelledby="retention-title">
      <h2 id="retention-title">Retention schedule</h2>
      <dl id="retention" class="facts"></dl>
      <p><a href="/retention-policy">Public retention and destruction policy</a></p>
    </section>
    <section class="card" aria-labelledby="subject-title">
      <h2 id="subject-title">Subject look-up and erasure</h2>
      <form id="subject-form" novalidate>
        <label for="receipt-id">Receipt id (from the shopper's request)</label>
        <div class="row">
          <input id="receipt-id" name="receipt-id" type="text" inputmode="text" autocomplete="off" spellcheck="false" required>
          <button type="submit">Look up</button>
        </div>
      </form>
      <div id="subject" aria-live="polite"></div>
    </section>
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p id="audit-verdict" class="verdict"></p>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="audit-title"><table id="audit"><caption class="visually-hidden">Audit events, newest first</caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Event</th><th scope="col">By</th><th scope="col">Subject</th></tr></thead>
        <tbody></tbody></table></div>
    </section>
    <section class="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhook endpoints</h2>
      <p id="webhooks-summary"></p>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="webhooks-title" id="webhooks-scroll"><table id="webhooks"><caption class="visually-hidden">Webhook endpoints and their delivery status</caption>
        <thead><tr><th scope="col">Endpoint</th><th scope="col">Source</th><th scope="col">Delivery</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody></tbody></table></div>
    </section>
  </div>
</main>
</body>
</html>
`;

const HEADERS = {
  'content-security-policy': CONSOLE_CSP,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/**
 * The privacy console's page and its two files. The page holds no data and sets no cookie: it
 * signs in by calling the retailer API from the browser (http/retailer.ts, console requests).
 */
export function consolePageRoutes(app: FastifyInstance): void {
  app.get(CONSOLE_PATH, async (_request, reply) =>
    reply.headers(HEADERS).type('text/html; charset=utf-8').send(CONSOLE_HTML),
  );
  // console.js is main.js; it imports ./format.js (types.ts has no runtime part).
  for (const [served, built] of [
    ['console.js', 'main.js'],
    ['format.js', 'format.js'],
  ] as const) {
    app.get(`${CONSOLE_PATH}/${served}`, async (_request, reply) => {
      const script = await readFile(new URL(built, UI)).catch(() => null);
      if (script === null) {
        return reply
          .status(503)
          .type('text/plain')
          .send('The console is not built: run the build.');
      }
      return reply.headers(HEADERS).type('text/javascript; charset=utf-8').send(script);
    });
  }
  app.get(`${CONSOLE_PATH}/console.css`, async (_request, reply) =>
    reply
      .headers(HEADERS)
      .type('text/css; charset=utf-8')
      .send(await readFile(STYLE)),
  );
}
