import { join } from 'node:path';
import { loadConfig, type RunningServer, startServer } from '@fittingroom/server';
import { loadOrCreateDevKey } from './dev-key.js';
import type { StaticSite } from './static-site.js';

/** Publishable key the demo pages use (a development key: it is public by design). */
export const DEMO_KEY = 'pk_demo_store';

/** Both loopback spellings of an origin, so `localhost` and `127.0.0.1` both work. */
export function originAliases(origin: string): string[] {
  const url = new URL(origin);
  const twin = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' }[url.hostname];
  if (!twin) return [url.origin];
  const other = new URL(url.origin);
  other.hostname = twin;
  return [url.origin, other.origin];
}

/** The running ingest server (`url`, `app`, `close()`). */
export type { RunningServer };

/** Options of {@link startIngest}. */
export interface IngestOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Where uploads, consents and audit records are kept. */
  readonly dataDir: string;
  /** Page origins allowed to call the API (the store's). */
  readonly allowedOrigins: readonly string[];
  readonly publishableKey: string;
  /** Base64 32-byte key images are encrypted with. */
  readonly encryptionKey: string;
  /** Server log level (default `warn`, so the demo's console stays readable). */
  readonly logLevel?: string | undefined;
  /** `FR_CONSOLE_PASSWORD` of the privacy console, if any. */
  readonly consolePassword?: string | undefined;
}

/**
 * Starts the reference ingest server in this process, configured through the same environment
 * names it reads in production, so the server's own checks apply to the demo's settings too.
 */
export async function startIngest(options: IngestOptions): Promise<RunningServer> {
  const { config } = loadConfig({
    HOST: options.host,
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    FR_ALLOWED_ORIGINS: options.allowedOrigins.join(','),
    FR_PUBLISHABLE_KEYS: options.publishableKey,
    FR_ENCRYPTION_KEY: options.encryptionKey,
    FR_LOG_LEVEL: options.logLevel ?? 'warn',
    // The public retention policy (/retention-policy, linked from the consent notice) states
    // the same controller and storage location as the store's pages.
    FR_CONTROLLER_NAME: 'Lumen & Loop Ltd',
    FR_CONTROLLER_CONTACT: 'privacy@lumenloop.example',
    FR_STORAGE_LOCATION: 'Frankfurt, Germany',
    ...(options.consolePassword ? { FR_CONSOLE_PASSWORD: options.consolePassword } : {}),
  });
  return startServer(config);
}

/** Options of {@link startIngestBeside}: where it listens and keeps its data. */
export interface BesideOptions {
  readonly host: string;
  readonly port: number;
  /** Holds `ingest/` (the server's data) and `dev-encryption-key` (made on the first run). */
  readonly dataDir: string;
  readonly logLevel?: string | undefined;
  readonly consolePassword?: string | undefined;
}

/** A page site with its ingest server: both origins, one `close()`. */
export interface SiteWithIngest {
  readonly siteUrl: string;
  readonly ingestUrl: string;
  close(): Promise<void>;
}

/**
 * Starts an ingest server that allows `site`'s origin (both loopback spellings), with the demo
 * key and a development encryption key kept in `dataDir`. If it cannot start, the site is closed
 * too, so a failed start leaves nothing listening.
 */
export async function startIngestBeside(
  site: StaticSite,
  options: BesideOptions,
): Promise<SiteWithIngest> {
  try {
    const ingest = await startIngest({
      host: options.host,
      port: options.port,
      dataDir: join(options.dataDir, 'ingest'),
      allowedOrigins: originAliases(site.url),
      publishableKey: DEMO_KEY,
      encryptionKey: loadOrCreateDevKey(join(options.dataDir, 'dev-encryption-key')),
      logLevel: options.logLevel,
      consolePassword: options.consolePassword,
    });
    return {
      siteUrl: site.url,
      ingestUrl: new URL(ingest.url).origin,
      async close() {
        await Promise.all([site.close(), ingest.close()]);
      },
    };
  } catch (error) {
    await site.close();
    throw error;
  }
}
