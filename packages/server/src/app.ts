import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';
import { consolePageRoutes } from './console/page.js';
import { createContext, type Deps } from './context.js';
import { registerApi } from './http/api.js';
import { clientErrorHandler, installErrorHandlers } from './http/errors.js';
import type { RateLimitStore } from './http/hooks.js';
import { installRequestLimits } from './http/limits.js';
import { registerRetailerApi } from './http/retailer.js';
import { canonicalUrl, loggedPath } from './http/url.js';
import { healthRoutes, type ReadinessCheck, storageWritable } from './routes/health.js';
import { policyRoutes } from './routes/policy.js';

/** What {@link buildApp} is given besides the config: the context's deps and the HTTP extras. */
export interface AppDeps extends Deps {
  /** Shared rate-limit counters (e.g. Redis, for several instances); in memory when omitted. */
  readonly rateLimitStore?: RateLimitStore | undefined;
  /** More `/readyz` checks (e.g. Redis reachable), besides storage being writable. */
  readonly readiness?: readonly ReadinessCheck[] | undefined;
}

/**
 * Builds the ingest server (not listening): health checks at the root, the API as an
 * encapsulated plugin under `/v1` (origin allow-list, rate limits, privacy headers, routes; see
 * http/api.ts), JSON errors, and the optional static folder. The caller owns `deps.storage` and
 * closes it after `app.close()`.
 */
export async function buildApp(config: ServerConfig, deps: AppDeps): Promise<FastifyInstance> {
  const ctx = createContext(config, deps);
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Method and path only: no IPs, headers (tokens), query strings or bodies in the logs.
            serializers: { req: (req) => ({ method: req.method, url: loggedPath(req.url) }) },
          },
    trustProxy: typeof config.trustProxy === 'boolean' ? config.trustProxy : [...config.trustProxy],
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    clientErrorHandler,
    // Node's own limits (http/limits.ts adds the body pace), checked every second, not every 30.
    requestTimeout: config.timeouts.requestMs,
    http: { headersTimeout: config.timeouts.headersMs, connectionsCheckingInterval: 1000 },
    // Routing, hooks and logs all see one spelling of each path (see http/url.ts).
    rewriteUrl: (req) => canonicalUrl(req.url ?? '/'),
  });
  installErrorHandlers(app);
  installRequestLimits(app, config.timeouts);
  healthRoutes(app, [storageWritable(deps.storage), ...(deps.readiness ?? [])]);
  await registerApi(app, { ctx, rateLimitStore: deps.rateLimitStore });
  await registerRetailerApi(app, { ctx, rateLimitStore: deps.rateLimitStore });
  policyRoutes(app, ctx);
  consolePageRoutes(app);
  if (config.staticDir) {
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, {
      root: config.staticDir,
      prefix: '/',
      index: ['index.html'],
    });
  }
  return app;
}
