// The one Chromium both the e2e tests (playwright.config.ts) and the bench (bench/src/browser.ts)
// launch, and its flags: plain TypeScript with no imports, so either loads it without a build.

/** The Chromium binary: Debian's by default; FR_CHROMIUM points at another Chrome/Chromium. */
export const CHROMIUM = process.env.FR_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launch flags: no sandbox (containers), nothing fetched in the background, no first-run UI,
 * no QUIC (the loopback servers speak TCP) and /tmp instead of a small /dev/shm.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
