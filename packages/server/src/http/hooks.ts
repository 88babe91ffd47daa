import cors from '@fastify/cors';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import { IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import { HttpError } from '../errors.js';

/** Header telling a client that an upload answer is the replay of an earlier one. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Refuses requests whose `Origin` is not on the allow-list (403 `origin_not_allowed`), then lets
 * @fastify/cors answer preflights and add CORS headers for allowed origins. Requests without an
 * `Origin` (not from a browser page) pass; the key and token checks still apply to them.
 * Installed inside the API plugin, so it runs for every route the router matched, whatever
 * spelling of the path got it there.
 */
export async function installCors(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const allowed = new Set(config.allowedOrigins);
  // A callback hook, not an async one: no promise and microtask per request.
  app.addHook('onRequest', (request, _reply, done) => {
    const origin = request.headers.origin;
    if (origin === undefined || allowed.has(origin)) {
      done();
      return;
    }
    done(new HttpError(403, 'origin_not_allowed', 'This origin is not allowed to call the API.'));
  });
  await app.register(cors, {
    origin: [...allowed],
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: [
      'content-type',
      'authorization',
      PUBLISHABLE_KEY_HEADER,
      IDEMPOTENCY_KEY_HEADER,
    ],
    exposedHeaders: ['retry-after', REPLAYED_HEADER],
    credentials: false, // no cookies, ever
    maxAge: 600,
  });
}

/**
 * Where rate-limit counters live. Omitted: in this process's memory, so with several instances
 * each enforces its own share. Pass `redis` (an ioredis client) or a `store` class to share
 * them between instances.
 */
export type RateLimitStore = Pick<RateLimitPluginOptions, 'redis' | 'store' | 'nameSpace'>;

/**
 * Rate limits per client IP and per publishable key (fixed windows), in `store` when given.
 * Over the limit: 429 `rate_limited` with `Retry-After`. The one place rate limits are set up.
 */
export async function installRateLimits(
  app: FastifyInstance,
  config: ServerConfig,
  store: RateLimitStore = {},
): Promise<void> {
  await app.register(rateLimit, { global: false, ...store });
  const { perIp, perKey, windowMs } = config.rateLimit;
  const byIp = app.createRateLimit({
    max: perIp,
    timeWindow: windowMs,
    keyGenerator: (r) => `ip:${r.ip}`,
  });
  const byKey = app.createRateLimit({
    max: perKey,
    timeWindow: windowMs,
    keyGenerator: (r) => `key:${String(r.headers[PUBLISHABLE_KEY_HEADER])}`,
  });
  const keys = new Set(config.publishableKeys);
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS') return;
    const checks = [byIp];
    const key = request.headers[PUBLISHABLE_KEY_HEADER];
    if (typeof key === 'string' && keys.has(key)) checks.push(byKey);
    for (const check of checks) await enforceLimit(check, request);
  });
}

/** One limiter made by `app.createRateLimit`. */
export type RateCheck = ReturnType<FastifyInstance['createRateLimit']>;

/** Counts `request` against `check`; over the limit: 429 `rate_limited` with `Retry-After`. */
export async function enforceLimit(check: RateCheck, request: FastifyRequest): Promise<void> {
  const verdict = await check(request);
  if (!verdict.isAllowed && verdict.isExceeded) {
    const retryAfter = String(Math.max(1, verdict.ttlInSeconds));
    throw new HttpError(429, 'rate_limited', `Too many requests; retry in ${retryAfter} s.`, {
      'retry-after': retryAfter,
    });
  }
}

const PRIVACY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/** Adds no-store and no-sniff headers to every answer: personal data is never cached. */
export function installPrivacyHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(PRIVACY_HEADERS);
    done(null, payload);
  });
}
