import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_HEADERS, strictCsp } from './csp.js';
import { loadOrCreateDevKey } from './dev-key.js';
import { startIngest } from './ingest.js';
import { renderStorePages } from './pages/index.js';
import { startStaticSite } from './static-site.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The demo store's folder of pages, styles and product images. */
export const PUBLIC_DIR = join(here, '..', 'public');

/** Publishable key the demo pages use (a development key: it is public by design). */
export const DEMO_KEY = 'pk_demo_store';

/** Options of {@link startDemo}; every field has a default for `pnpm demo`. */
export interface DemoOptions {
  /** Interface both servers listen on (default `127.0.0.1`). */
  readonly host?: string;
  /** Store port (default 5173; 0 picks a free one). */
  readonly storePort?: number;
  /** Ingest server port (default 8787; 0 picks a free one). */
  readonly ingestPort?: number;
  /** Where the ingest server keeps its data and the dev key (default `examples/demo-store/.data`). */
  readonly dataDir?: string;
  /** Ingest server log level (default `warn`). */
  readonly logLevel?: string | undefined;
  /** Password of the ingest server's privacy console (`/console`); none: sign in with a key. */
  readonly consolePassword?: string | undefined;
}

/** The running demo: the store and the ingest server behind it. */
export interface RunningDemo {
  /** The store's origin, e.g. `http://127.0.0.1:5173`. */
  readonly storeUrl: string;
  /** The ingest server's origin, e.g. `http://127.0.0.1:8787`. */
  readonly ingestUrl: string;
  /** Stops both servers. */
  close(): Promise<void>;
}

/** The self-hostable Fitting Room folder built by `@fittingroom/embed` (loader, SDK, assets). */
export function embedDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@fittingroom/embed/package.json')), 'dist');
}

/** The demo products' GLB files, built from code by `@fittingroom/products3d`. */
export function productModelsDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@fittingroom/products3d/package.json')), 'dist');
}

/** Reads the loader's SRI hash written by the embed build; fails with what to run if missing. */
export function loaderIntegrity(dist: string): string {
  const file = join(dist, 'sri.json');
  if (!existsSync(file) || !existsSync(join(dist, 'fittingroom', 'assets', 'manifest.json'))) {
    throw new Error(
      `${dist} is not built. Run \`npx -y pnpm@10.34.8 build\` at the repository root first ` +
        '(`npx -y pnpm@10.34.8 demo` does it for you).',
    );
  }
  const sri = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const integrity = sri['fittingroom-loader.js'];
  if (!integrity) throw new Error(`${file} has no hash for fittingroom-loader.js`);
  return integrity;
}

/**
 * A version of the assets folder: the first 12 hex digits of the SHA-256 of its manifest, which
 * lists every file's own SHA-256, so any changed file gives the folder a new URL.
 */
export function assetsVersion(dist: string): string {
  const manifest = readFileSync(join(dist, 'fittingroom', 'assets', 'manifest.json'));
  return createHash('sha256').update(manifest).digest('hex').slice(0, 12);
}

/** Both loopback spellings of an origin, so `localhost` and `127.0.0.1` both work. */
export function originAliases(origin: string): string[] {
  const url = new URL(origin);
  const twin = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' }[url.hostname];
  if (!twin) return [url.origin];
  const other = new URL(url.origin);
  other.hostname = twin;
  return [url.origin, other.origin];
}

/** Fills the placeholders of a store page: the ingest origin, the key and the loader's SRI hash. */
export function fillPage(text: string, values: Record<string, string>): string {
  return text.replace(/%FR_([A-Z_]+)%/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * Starts the demo: the store (static pages under the strict CSP, with the Fitting Room folder at
 * `/fr/`) and the reference ingest server allowing the store's origin. Ports 0 pick free ports
 * (e2e tests); nothing is built here — the embed build must have run.
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir ?? join(here, '..', '.data');
  const dist = embedDist();
  const integrity = loaderIntegrity(dist);
  let ingestOrigin: string | null = null;
  const assets = `/fr/assets/${assetsVersion(dist)}/`;
  const store = await startStaticSite({
    host,
    port: options.storePort ?? 5173,
    mounts: {
      '/': PUBLIC_DIR,
      '/fr/': dist,
      // The assets folder under a name tied to its content: cached for a year, never stale.
      [assets]: join(dist, 'fittingroom', 'assets'),
      '/models/': productModelsDist(),
    },
    pages: renderStorePages(),
    immutable: [assets],
    headers: () => ({ ...PAGE_HEADERS, 'content-security-policy': strictCsp(ingestOrigin) }),
    html: (text) =>
      fillPage(text, {
        INGEST: ingestOrigin ?? '',
        KEY: DEMO_KEY,
        LOADER_INTEGRITY: integrity,
        ASSETS: assets,
      }),
  });
  try {
    const ingest = await startIngest({
      host,
      port: options.ingestPort ?? 8787,
      dataDir: join(dataDir, 'ingest'),
      allowedOrigins: originAliases(store.url),
      publishableKey: DEMO_KEY,
      encryptionKey: loadOrCreateDevKey(join(dataDir, 'dev-encryption-key')),
      logLevel: options.logLevel,
      consolePassword: options.consolePassword,
    });
    ingestOrigin = new URL(ingest.url).origin;
    return {
      storeUrl: store.url,
      ingestUrl: ingestOrigin,
      async close() {
        await Promise.all([store.close(), ingest.close()]);
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
