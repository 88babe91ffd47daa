import { API, type KeyInfo } from '@fittingroom/protocol';
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.js';
import { requireKey } from '../http/guards.js';
import { apiRoute } from './paths.js';

/**
 * `GET /v1/key`: the mode this server configured the publishable key with, so the try-on can
 * show its "test mode" badge from the server's word, not from the key's name. It carries nothing
 * about the shopper and is not audited; an unknown key is 401 like everywhere else.
 */
export function keyRoutes(app: FastifyInstance, ctx: Context): void {
  app.get(apiRoute(API.key), async (request): Promise<KeyInfo> => {
    const key = requireKey(ctx, request);
    return key.mode === 'test' ? { mode: 'test', test: true } : { mode: 'live' };
  });
}
