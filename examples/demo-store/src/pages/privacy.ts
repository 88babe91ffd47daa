// The store's privacy policy page: what a retailer using Fitting Room tells shoppers.
import { renderPage } from './layout.js';

const POLICY = `  <h1>Privacy policy</h1>
  <p>Version 2025-06. This is the policy of a demo store; it shows what a retailer using Fitting
    Room tells shoppers.</p>
  <h2>Who is responsible</h2>
  <p>Lumen &amp; Loop Ltd (demo), privacy@lumenloop.example.</p>
  <h2>Virtual try-on</h2>
  <p>Try-on starts only after you agree, purpose by purpose:</p>
  <ul>
    <li><strong>Try on with your camera.</strong> The live image from your camera and the position
      of your hands or face in it are processed on your device only. Nothing from the camera leaves
      it, and nothing is stored. This ends when the try-on closes.</li>
    <li><strong>Share a photo you choose.</strong> Only if you take a photo and choose to share it,
      it is sent to us and stored encrypted in Frankfurt, Germany, for 30 days, then deleted. It is
      not sold or given to anyone else.</li>
  </ul>
  <p>We keep a record of your choices (a consent receipt) on your device and, when you share a
    photo, with us.</p>
  <h2>Your rights</h2>
  <p>On every product page, <strong>My data</strong> shows what we hold about you,
    <strong>Delete my data</strong> erases it, and <strong>Withdraw consent</strong> turns the
    camera off and asks us to erase everything you shared.</p>
  <h2>Cookies</h2>
  <p>This store sets no cookies and loads nothing from other websites.</p>`;

/** The privacy policy page the consent notice links to (`data-policy-url`). */
export function privacyPage(): string {
  return renderPage({
    title: 'Privacy policy',
    nav: null,
    mainClass: 'prose',
    main: POLICY,
    footer: '  <p><a href="/">Back to the store</a></p>',
  });
}
