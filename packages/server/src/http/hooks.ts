import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import { HttpError } from '../errors.js';

/** Header telling a client that an upload answer is the replay of an earlier one. */
export const REPLAYED_HEADER = 'idempotent-replayed';

function isApi(request: FastifyRequest): boolean {
  return request.url === '/v1' || request.url.startsWith('/v1/');
}

/**
 * Refuses API requests whose `Origin` is not on the allow-list (403 `origin_not_allowed`), then
 * lets @fastify/cors answer preflights and add CORS headers for allowed origins. Requests without
 * an `Origin` (not from a browser page) pass; the key and token checks still apply to them.
 */
export async function installCors(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const allowed = new Set(config.allowedOrigins);
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (origin === undefined || !isApi(request) || allowed.has(origin)) return;
    throw new HttpError(403, 'origin_not_allowed', 'This origin is not allowed to call the API.');
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
 * Rate limits per client IP and per publishable key (fixed windows, in memory: with several
 * servers each enforces its own share). Over the limit: 429 `rate_limited` with `Retry-After`.
 */
export async function installRateLimits(app: FastifyInstance, config: ServerConfig): Promise<void> {
  await app.register(rateLimit, { global: false });
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
    if (!isApi(request) || request.method === 'OPTIONS') return;
    const checks = [byIp];
    const key = request.headers[PUBLISHABLE_KEY_HEADER];
    if (typeof key === 'string' && keys.has(key)) checks.push(byKey);
    for (const check of checks) {
      const verdict = await check(request);
      if (!verdict.isAllowed && verdict.isExceeded) {
        const retryAfter = String(Math.max(1, verdict.ttlInSeconds));
        throw new HttpError(429, 'rate_limited', `Too many requests; retry in ${retryAfter} s.`, {
          'retry-after': retryAfter,
        });
      }
    }
  });
}

/** Adds no-store and no-sniff headers to API answers: personal data is never cached. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (!isApi(request)) return;
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
}
