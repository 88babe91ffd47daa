import { API } from '@fittingroom/protocol';
import type { FastifyInstance } from 'fastify';

/** `GET /healthz`: the process is up and serving. */
export function healthRoutes(app: FastifyInstance): void {
  app.get(API.health, async () => ({ status: 'ok' }));
}
