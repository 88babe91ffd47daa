import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

// The consumer tests (apps built from the packed tarballs by scripts/consumer-test.mjs, which
// passes their URLs in FR_CONSUMER): the same browser and flags as every e2e test.
export default defineConfig({
  ...base,
  testDir: './consumer',
  outputDir: './test-results/consumer',
});
