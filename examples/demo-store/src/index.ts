// Public surface of the demo store, for e2e tests and the SPA example's server.
export { PAGE_HEADERS, strictCsp } from './csp.js';
export {
  DEMO_KEY,
  type DemoOptions,
  embedDist,
  originAliases,
  type RunningDemo,
  startDemo,
} from './demo.js';
export { loadOrCreateDevKey } from './dev-key.js';
export { type IngestOptions, startIngest } from './ingest.js';
export { type StaticSite, type StaticSiteOptions, startStaticSite } from './static-site.js';
