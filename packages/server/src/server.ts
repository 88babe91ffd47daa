import type { FastifyInstance } from 'fastify';
import { type AppDeps, buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import { withDevKey } from './config-keys.js';
import { createContext } from './context.js';
import type { SharedState } from './coordination/shared.js';
import type { FsOps } from './storage/fs.js';
import { openStorage } from './storage/index.js';
import type { Storage } from './storage/types.js';
import { startSweeper, sweepExpired } from './sweeper.js';
import { deliverDue } from './webhooks/deliver.js';

/** A listening server with its storage and retention sweeper. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly app: FastifyInstance;
  /** Stops accepting requests, finishes the sweep in progress, closes storage. */
  close(): Promise<void>;
}

/**
 * Options of {@link startServer}: tests inject storage or filesystem operations; a deployment
 * may pass shared rate-limit counters and more readiness checks (see {@link AppDeps}).
 */
export interface StartOptions extends Partial<Pick<AppDeps, 'rateLimitStore' | 'readiness'>> {
  readonly storage?: Storage;
  readonly fs?: Partial<FsOps>;
  readonly now?: () => Date;
}

/**
 * Opens storage (and Redis when `FR_REDIS_URL` is set), builds the app, listens on
 * `config.host:config.port` and starts the sweeper. Logs at start-up whether it runs as one
 * instance (everything shared kept in this process) or as one of many (shared through Redis).
 */
export async function startServer(
  given: ServerConfig,
  options: StartOptions = {},
): Promise<RunningServer> {
  const config = await withDevKey(given);
  let log: (error: Error) => void = () => undefined; // the app's logger, once it exists
  // ioredis loads only when configured, like the AWS SDK: a smaller heap is less for every
  // full garbage collection to mark.
  const shared: SharedState | null = config.redisUrl
    ? await (await import('./coordination/shared.js')).connectShared(config.redisUrl, (error) =>
        log(error),
      )
    : null;
  const storage = options.storage ?? (await openStorage(config, options.fs));
  const deps = { storage, now: options.now, coordination: shared?.coordination };
  const app = await buildApp(config, {
    ...deps,
    rateLimitStore: options.rateLimitStore ?? shared?.rateLimitStore,
    readiness: [...(shared ? [shared.readiness] : []), ...(options.readiness ?? [])],
  });
  log = (error) => app.log.error({ err: error }, 'redis unreachable; /readyz says so');
  if (shared) {
    app.log.info(
      { coordination: 'redis' },
      'many instances: rate limits and locks shared through Redis',
    );
  } else {
    app.log.info(
      { coordination: 'memory' },
      'single instance: FR_REDIS_URL not set, so rate limits, idempotency locks and uploads in flight are kept in this process; run one instance only',
    );
  }
  const ctx = createContext(config, deps);
  const sweeper = startSweeper({
    intervalMs: config.sweepIntervalMs,
    sweep: async () => {
      const report = await sweepExpired(ctx, (key, error) =>
        app.log.error({ err: error, key }, 'retention sweep skipped an object'),
      );
      if (report.failed > 0) app.log.warn(report, 'retention sweep finished with failures');
    },
    onError: (error) => app.log.error({ err: error }, 'retention sweep failed'),
  });
  // The webhook outbox: due deliveries every few seconds (retries follow webhooks/schedule.ts).
  const deliveries = startSweeper({
    intervalMs: config.retailer.webhooks.intervalMs,
    sweep: () => deliverDue(ctx),
    onError: (error) => app.log.error({ err: error }, 'webhook delivery pass failed'),
  });
  let url: string;
  try {
    url = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await Promise.all([sweeper.close(), deliveries.close()]);
    await app.close();
    await storage.close();
    await shared?.close();
    throw error;
  }
  return {
    url,
    app,
    async close() {
      await Promise.all([sweeper.close(), deliveries.close()]);
      await app.close();
      await storage.close();
      await shared?.close();
    },
  };
}
