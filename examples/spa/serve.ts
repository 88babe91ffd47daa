// Serves the SPA's production build (`vite build` → dist/) under the strict CSP, with the
// reference ingest server behind it: `pnpm --filter @fittingroom/spa-example preview`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PAGE_HEADERS,
  privacyPage,
  startIngestBeside,
  startStaticSite,
  strictCsp,
} from '@fittingroom/demo-store';

const here = dirname(fileURLToPath(import.meta.url));

/** Options of {@link startSpa}. */
export interface SpaOptions {
  readonly host?: string;
  /** App port (default 5174; 0 picks a free one). */
  readonly port?: number;
  /** Ingest server port (default 8788; 0 picks a free one). */
  readonly ingestPort?: number;
  /** Ingest data and dev key (default `examples/spa/.data`). */
  readonly dataDir?: string;
  readonly logLevel?: string | undefined;
}

/** The running app and its ingest server. */
export interface RunningSpa {
  readonly appUrl: string;
  readonly ingestUrl: string;
  close(): Promise<void>;
}

/** Starts the built app (static, strict CSP) and an ingest server allowing its origin. */
export async function startSpa(options: SpaOptions = {}): Promise<RunningSpa> {
  const host = options.host ?? '127.0.0.1';
  const dist = join(here, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(
      `${dist} is not built: run \`npx -y pnpm@10.34.8 --filter @fittingroom/spa-example build\`.`,
    );
  }
  const dataDir = options.dataDir ?? join(here, '.data');
  let ingestOrigin: string | null = null;
  const app = await startStaticSite({
    host,
    port: options.port ?? 5174,
    mounts: { '/': dist },
    // The retailer's policy page, the same one the store links to, pointing back to the app.
    pages: new Map([
      [
        '/privacy.html',
        privacyPage({ where: 'In the app', backTo: 'the app', storeStyles: false }),
      ],
    ]),
    headers: () => ({ ...PAGE_HEADERS, 'content-security-policy': strictCsp(ingestOrigin) }),
    html: (text) => text.replaceAll('__FR_INGEST__', ingestOrigin ?? ''),
  });
  const both = await startIngestBeside(app, {
    host,
    port: options.ingestPort ?? 8788,
    dataDir,
    logLevel: options.logLevel,
  });
  ingestOrigin = both.ingestUrl;
  return { appUrl: both.siteUrl, ingestUrl: both.ingestUrl, close: both.close };
}

/** Run directly: start, print the URLs, stop on Ctrl+C / SIGTERM. */
async function main(): Promise<void> {
  const spa = await startSpa({
    host: process.env.HOST?.trim() || '127.0.0.1',
    port: Number(process.env.PORT ?? 5174),
    ingestPort: Number(process.env.INGEST_PORT ?? 8788),
  });
  process.stdout.write(
    `\nFitting Room SPA example:  ${spa.appUrl}/\nIngest server:             ${spa.ingestUrl}\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void spa.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `SPA failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
