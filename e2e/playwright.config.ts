import { defineConfig } from '@playwright/test';

// Debian's Chromium by default; FR_CHROMIUM points at another Chrome/Chromium binary.
const executablePath = process.env.FR_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  // Two cores: ML-heavy tests are CPU-bound, so one worker keeps them deterministic.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
