import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ApiKey } from '../config-retailer.js';
import type { Context } from '../context.js';
import { HttpError } from '../errors.js';
import { findKey } from '../retailer/keys.js';
import { retailerRoutes } from '../routes/retailer.js';
import { webhookRoutes } from '../routes/webhooks.js';
import { bearerToken } from './guards.js';
import { enforceLimit, installPrivacyHeaders, type RateLimitStore } from './hooks.js';

/** Path prefix of the retailer API. */
export const RETAILER_PREFIX = '/v1/retailer';

const keys = new WeakMap<FastifyRequest, ApiKey>();

/** The secret key that authenticated `request` (set by the plugin's hook before any route). */
export function secretKeyOf(request: FastifyRequest): ApiKey {
  const key = keys.get(request);
  if (!key) throw new Error('retailer route outside the retailer plugin');
  return key;
}

/**
 * Checks a request to the retailer API: no browser `Origin` (secret keys live on servers, so a
 * page sending one has leaked it: 403 `forbidden`), then `Authorization: Bearer sk_…` naming a
 * configured secret key (401 `invalid_key` otherwise, a publishable key included). Refused
 * requests count against the IP, accepted ones against the key.
 */
async function authenticate(
  ctx: Context,
  limits: { byIp: Parameters<typeof enforceLimit>[0]; byKey: Parameters<typeof enforceLimit>[0] },
  request: FastifyRequest,
): Promise<void> {
  if (request.headers.origin !== undefined) {
    await enforceLimit(limits.byIp, request);
    throw new HttpError(
      403,
      'forbidden',
      'The retailer API takes secret keys, which never go in a browser: requests with an Origin are refused.',
    );
  }
  const token = bearerToken(request);
  const key = token === null ? null : findKey(ctx.config.retailer, token);
  if (key?.kind !== 'secret') {
    await enforceLimit(limits.byIp, request);
    throw new HttpError(
      401,
      'invalid_key',
      key
        ? 'A publishable key cannot call the retailer API: send a secret key (sk_live_… or sk_test_…).'
        : 'Send a secret key as "Authorization: Bearer sk_…".',
      { 'www-authenticate': 'Bearer' },
    );
  }
  keys.set(request, key);
  await enforceLimit(limits.byKey, request);
}

/** Options of {@link retailerPlugin}. */
export interface RetailerOptions {
  readonly ctx: Context;
  readonly rateLimitStore?: RateLimitStore | undefined;
}

/**
 * The retailer API as an encapsulated plugin under `/v1/retailer`, beside the shopper's API (not
 * inside it: neither its CORS nor its per-IP limit applies here; this context has its own).
 */
export const retailerPlugin: FastifyPluginAsync<RetailerOptions> = async (
  api,
  { ctx, rateLimitStore },
) => {
  installPrivacyHeaders(api);
  await api.register(rateLimit, { global: false, ...rateLimitStore });
  const { perIp, windowMs } = ctx.config.rateLimit;
  const limits = {
    byIp: api.createRateLimit({
      max: perIp,
      timeWindow: windowMs,
      keyGenerator: (r) => `retailer-ip:${r.ip}`,
    }),
    byKey: api.createRateLimit({
      max: ctx.config.retailer.perSecretKey,
      timeWindow: windowMs,
      keyGenerator: (r) => `retailer-key:${keys.get(r)?.id ?? ''}`,
    }),
  };
  api.addHook('onRequest', (request) => authenticate(ctx, limits, request));
  retailerRoutes(api, ctx);
  webhookRoutes(api, ctx);
};

/** Registers {@link retailerPlugin} under {@link RETAILER_PREFIX}. */
export async function registerRetailerApi(
  app: FastifyInstance,
  options: RetailerOptions,
): Promise<void> {
  await app.register(retailerPlugin, { ...options, prefix: RETAILER_PREFIX });
}
