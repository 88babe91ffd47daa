import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';

/** Entry point: environment → config → listen; prints the URL; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  for (const warning of loaded.warnings) process.stderr.write(`warning: ${warning}\n`);
  const server = await startServer(loaded.config);
  process.stdout.write(`Fitting Room ingest server listening on ${server.url}\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
