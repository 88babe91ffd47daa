// Public entry of @fittingroom/server, for embedding the ingest server in another process (the
// demo store, tests). `src/main.ts` is the command-line entry.
export { buildApp } from './app.js';
export {
  ConfigError,
  type Env,
  type LoadedConfig,
  loadConfig,
  type ServerConfig,
} from './config.js';
export { type RunningServer, type StartOptions, startServer } from './server.js';
export { openStorage } from './storage/index.js';
