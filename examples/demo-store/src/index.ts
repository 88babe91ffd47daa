// Public surface of the demo store, for e2e tests and the SPA example's server.
export { PAGE_HEADERS, strictCsp } from './csp.js';
export { type DemoOptions, embedDist, type RunningDemo, startDemo } from './demo.js';
export { loadOrCreateDevKey } from './dev-key.js';
export {
  type BesideOptions,
  DEMO_KEY,
  type IngestOptions,
  originAliases,
  type SiteWithIngest,
  startIngest,
  startIngestBeside,
} from './ingest.js';
export { privacyPage } from './pages/privacy.js';
export { type StaticSite, type StaticSiteOptions, startStaticSite } from './static-site.js';
