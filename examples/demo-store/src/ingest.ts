import { loadConfig, type RunningServer, startServer } from '@fittingroom/server';

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
