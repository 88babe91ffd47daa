import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';
import { createContext, type Deps } from './context.js';
import { clientErrorHandler, installErrorHandlers } from './http/errors.js';
import { installCors, installRateLimits, installSecurityHeaders } from './http/hooks.js';
import { consentRoutes } from './routes/consents.js';
import { healthRoutes } from './routes/health.js';
import { subjectRoutes } from './routes/subjects.js';
import { uploadRoutes } from './routes/uploads.js';

/**
 * Builds the ingest API (not listening): CORS and origin allow-list, rate limits, JSON errors,
 * every route, and the optional static folder. The caller owns `deps.storage` and closes it
 * after `app.close()`.
 */
export async function buildApp(config: ServerConfig, deps: Deps): Promise<FastifyInstance> {
  const ctx = createContext(config, deps);
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Method and path only: no IPs, headers (tokens) or bodies in the logs.
            serializers: { req: (req) => ({ method: req.method, url: req.url }) },
          },
    trustProxy: typeof config.trustProxy === 'boolean' ? config.trustProxy : [...config.trustProxy],
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    clientErrorHandler,
  });
  installErrorHandlers(app);
  await installCors(app, config);
  await installRateLimits(app, config);
  installSecurityHeaders(app);
  // Multipart bodies are left unread here: the upload route reads its own after checking the key
  // and token (http/upload-form.ts), so a refused request never costs a buffered image.
  app.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));

  healthRoutes(app);
  consentRoutes(app, ctx);
  uploadRoutes(app, ctx);
  subjectRoutes(app, ctx);
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
