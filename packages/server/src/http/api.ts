import { API_PREFIX } from '@fittingroom/protocol';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Context } from '../context.js';
import { consentRoutes } from '../routes/consents.js';
import { keyRoutes } from '../routes/key.js';
import { subjectRoutes } from '../routes/subjects.js';
import { uploadRoutes } from '../routes/uploads.js';
import { answerNotFound } from './errors.js';
import {
  installCors,
  installPrivacyHeaders,
  installRateLimits,
  type RateLimitStore,
} from './hooks.js';

/** Options of {@link apiPlugin}. */
export interface ApiOptions {
  readonly ctx: Context;
  /** Shared rate-limit counters (Redis); in memory when omitted. */
  readonly rateLimitStore?: RateLimitStore | undefined;
}

/**
 * The versioned API as one encapsulated plugin, registered under `/v1`: its origin check, rate
 * limits and privacy headers are hooks of this context, so they run for every route in it and
 * for nothing outside (health checks, the static folder) — no URL test decides what is "API".
 */
export const apiPlugin: FastifyPluginAsync<ApiOptions> = async (api, { ctx, rateLimitStore }) => {
  await installCors(api, ctx.config);
  await installRateLimits(api, ctx.config, rateLimitStore);
  installPrivacyHeaders(api);
  // Multipart bodies are left unread here: the upload route reads its own after checking the key
  // and token (http/upload-form.ts), so a refused request never costs a buffered image.
  api.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
  api.setNotFoundHandler(answerNotFound); // here, so 404s under /v1 get this context's hooks
  consentRoutes(api, ctx);
  uploadRoutes(api, ctx);
  subjectRoutes(api, ctx);
  keyRoutes(api, ctx);
};

/** Registers {@link apiPlugin} under {@link API_PREFIX}. */
export async function registerApi(app: FastifyInstance, options: ApiOptions): Promise<void> {
  await app.register(apiPlugin, { ...options, prefix: API_PREFIX });
}
