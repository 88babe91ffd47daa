import rateLimit from '@fastify/rate-limit';
import { CONSOLE_HEADER } from '@fittingroom/protocol';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { consoleApiRoutes } from '../console/api.js';
import { type AttemptLimiter, createAttemptLimiter } from '../console/attempts.js';
import { consoleCaller, consoleCredential, fromOwnPage } from '../console/auth.js';
import type { Context } from '../context.js';
import { HttpError } from '../errors.js';
import { findKey } from '../retailer/keys.js';
import { retailerRoutes } from '../routes/retailer.js';
import { webhookRoutes } from '../routes/webhooks.js';
import { bearerToken } from './guards.js';
import {
  enforceLimit,
  installPrivacyHeaders,
  type RateCheck,
  type RateLimitStore,
} from './hooks.js';
import { callerOf, RETAILER_PREFIX, setCaller } from './retailer-caller.js';

interface Limits {
  readonly byIp: RateCheck;
  readonly byKey: RateCheck;
  readonly attempts: AttemptLimiter;
}

/**
 * Checks a request to the retailer API: no browser `Origin` (secret keys live on servers, so a
 * page sending one has leaked it: 403 `forbidden`), then `Authorization: Bearer sk_…` naming a
 * configured secret key (401 `invalid_key` otherwise, a publishable key included). Refused
 * requests count against the IP, accepted ones against the key. Requests of the console page
 * (its header) are checked by {@link authenticateConsole} instead.
 */
async function authenticate(ctx: Context, limits: Limits, request: FastifyRequest): Promise<void> {
  if (request.headers[CONSOLE_HEADER] !== undefined) {
    return authenticateConsole(ctx, limits, request);
  }
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
  setCaller(request, { id: key.id, mode: key.mode, modes: [key.mode], console: false });
  await enforceLimit(limits.byKey, request);
}

/**
 * The privacy console (`/console`, served by this server) calls the same API from its own
 * origin, with the console password or a secret key as a bearer token kept in the page's
 * memory (no cookie, so no cross-site request can carry it). Any other origin is 403; an IP
 * with too many failed sign-ins is 429 until its window ends, whatever it sends.
 */
async function authenticateConsole(
  ctx: Context,
  limits: Limits,
  request: FastifyRequest,
): Promise<void> {
  if (!fromOwnPage(request)) {
    throw new HttpError(403, 'forbidden', 'Console requests come from this server’s /console.');
  }
  const wait = limits.attempts.blockedFor(request.ip);
  if (wait > 0) {
    throw new HttpError(429, 'rate_limited', `Too many failed sign-ins; retry in ${wait} s.`, {
      'retry-after': String(wait),
    });
  }
  const token = consoleCredential(request);
  const caller = token === null ? null : consoleCaller(ctx, request, token);
  if (!caller) {
    limits.attempts.fail(request.ip);
    throw new HttpError(401, 'invalid_key', 'Wrong console password or secret key.');
  }
  setCaller(request, caller);
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
      keyGenerator: (r) => `retailer-key:${callerOf(r)?.id ?? ''}`,
    }),
    attempts: createAttemptLimiter(ctx.now),
  };
  api.addHook('onRequest', (request) => authenticate(ctx, limits, request));
  retailerRoutes(api, ctx);
  webhookRoutes(api, ctx);
  consoleApiRoutes(api, ctx);
};

/** Registers {@link retailerPlugin} under {@link RETAILER_PREFIX}. */
export async function registerRetailerApi(
  app: FastifyInstance,
  options: RetailerOptions,
): Promise<void> {
  await app.register(retailerPlugin, { ...options, prefix: RETAILER_PREFIX });
}
