import type { loadConfig as LoadConfig } from '@fittingroom/server/src/config.js';
import type { RunningServer, startServer as StartServer } from '@fittingroom/server/src/server.js';

/** The running ingest server (`url`, `app`, `close()`). */
export type { RunningServer };

// @fittingroom/server ships TypeScript source and no `exports` map: its modules are loaded by
// their `.ts` paths at run time (tsx, Playwright), while tsc checks the types through the
// `.js` paths above. Becomes a plain import once the server package exports its entry.
const SERVER_SRC = '@fittingroom/server/src/';

async function serverModules(): Promise<{
  loadConfig: typeof LoadConfig;
  startServer: typeof StartServer;
}> {
  const [config, server] = await Promise.all([
    import(`${SERVER_SRC}config.ts`) as Promise<{ loadConfig: typeof LoadConfig }>,
    import(`${SERVER_SRC}server.ts`) as Promise<{ startServer: typeof StartServer }>,
  ]);
  return { loadConfig: config.loadConfig, startServer: server.startServer };
}

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
  readonly logLevel?: string;
}

/**
 * Starts the reference ingest server in this process, configured through the same environment
 * names it reads in production, so the server's own checks apply to the demo's settings too.
 */
export async function startIngest(options: IngestOptions): Promise<RunningServer> {
  const { loadConfig, startServer } = await serverModules();
  const { config } = loadConfig({
    HOST: options.host,
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    FR_ALLOWED_ORIGINS: options.allowedOrigins.join(','),
    FR_PUBLISHABLE_KEYS: options.publishableKey,
    FR_ENCRYPTION_KEY: options.encryptionKey,
    FR_LOG_LEVEL: options.logLevel ?? 'warn',
  });
  return startServer(config);
}
