import { startDemo } from './demo.js';

/** A port from the environment, or the default; a wrong value stops with the variable's name. */
function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    process.stderr.write(`${name} must be a port number (0–65535), got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

/** `pnpm demo`: starts store and ingest server, prints both URLs, stops on Ctrl+C or SIGTERM. */
async function main(): Promise<void> {
  const demo = await startDemo({
    host: process.env.HOST?.trim() || '127.0.0.1',
    storePort: port('STORE_PORT', 5173),
    ingestPort: port('INGEST_PORT', 8787),
    logLevel: process.env.FR_LOG_LEVEL || undefined,
    consolePassword: process.env.FR_CONSOLE_PASSWORD || undefined,
  });
  process.stdout.write(
    `\nFitting Room demo store:  ${demo.storeUrl}/\n` +
      `Ingest server:            ${demo.ingestUrl}\n` +
      `Privacy console:          ${demo.ingestUrl}/console (FR_CONSOLE_PASSWORD)\n` +
      'Open the store URL in a browser with a camera. Press Ctrl+C to stop.\n',
  );
  // Ctrl+C reaches us twice under pnpm (from the terminal and forwarded): stop once, and let
  // the repeat wait for the clean stop instead of killing the process.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Demo failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
