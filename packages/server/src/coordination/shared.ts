import { Redis } from 'ioredis';
import type { RateLimitStore } from '../http/hooks.js';
import type { ReadinessCheck } from '../routes/health.js';
import { createRedisCoordination } from './redis.js';
import type { Coordination } from './types.js';

/** What several instances share through one Redis: locks and flights, rate limits, a health check. */
export interface SharedState {
  readonly coordination: Coordination;
  readonly rateLimitStore: RateLimitStore;
  readonly readiness: ReadinessCheck;
  /** Closes the connection (without waiting for a Redis that is away). */
  close(): Promise<void>;
}

/**
 * Connects to `url` (`FR_REDIS_URL`); `onLost` hears the first error of each outage. Commands issued while Redis is away wait in the client's
 * queue until it is back or fail after `commandTimeoutMs`: a request then answers 5xx and
 * stores nothing, and `/readyz` reports `redis: failed` so a load balancer stops sending traffic.
 */
export async function connectShared(
  url: string,
  onLost: (error: Error) => void,
  commandTimeoutMs = 5000,
): Promise<SharedState> {
  const redis = new Redis(url, {
    lazyConnect: true,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 2,
  });
  // The client retries on its own; report the first error of each outage, not every retry.
  let up = true;
  redis.on('ready', () => {
    up = true;
  });
  redis.on('error', (error: Error) => {
    if (up) onLost(error);
    up = false;
  });
  await redis.connect();
  return {
    coordination: createRedisCoordination(redis),
    rateLimitStore: { redis, nameSpace: 'fr:rate:' },
    readiness: {
      name: 'redis',
      async check() {
        await redis.ping();
      },
    },
    async close() {
      redis.disconnect();
    },
  };
}
