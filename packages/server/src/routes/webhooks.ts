import { API, WebhookEndpointInputSchema } from '@fittingroom/protocol';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { Context } from '../context.js';
import { HttpError } from '../errors.js';
import { describeIssues } from '../http/errors.js';
import { RETAILER_PREFIX, secretKeyOf } from '../http/retailer-caller.js';
import { deliverDue } from '../webhooks/deliver.js';
import { emitPing } from '../webhooks/emit.js';
import { addEndpoint, describeEndpoint, listEndpoints, removeEndpoint } from '../webhooks/store.js';
import { routeUnder } from './paths.js';

const route = (path: string): string => routeUnder(RETAILER_PREFIX, path);

/**
 * Webhook endpoints of the key's mode: list (with delivery status), register (answers the
 * signing secret once), remove, and send a `test.ping` at once.
 */
export function webhookRoutes(app: FastifyInstance, ctx: Context): void {
  const ofMode = async (mode: string) =>
    (await listEndpoints(ctx)).filter((endpoint) => endpoint.mode === mode);

  app.get(route(API.retailerWebhooks), async (request) => {
    const key = secretKeyOf(request);
    const endpoints = await ofMode(key.mode);
    return { endpoints: await Promise.all(endpoints.map((e) => describeEndpoint(ctx, e))) };
  });

  app.post(route(API.retailerWebhooks), async (request, reply) => {
    const key = secretKeyOf(request);
    const parsed = v.safeParse(WebhookEndpointInputSchema, request.body);
    if (!parsed.success) {
      throw new HttpError(400, 'invalid_request', describeIssues('endpoint', parsed.issues));
    }
    if (!/^https?:$/.test(new URL(parsed.output.url).protocol)) {
      throw new HttpError(400, 'invalid_request', 'The endpoint must be an http(s) URL.');
    }
    const endpoint = await addEndpoint(ctx, parsed.output, key.mode);
    await ctx.audit.record({
      type: 'webhook_endpoint_added',
      keyId: key.id,
      ip: request.ip,
      detail: { endpoint: endpoint.id },
    });
    return reply
      .status(201)
      .send({ ...(await describeEndpoint(ctx, endpoint)), secret: endpoint.secret });
  });

  app.delete<{ Params: { id: string } }>(
    route(API.retailerWebhook(':id')),
    async (request, reply) => {
      const key = secretKeyOf(request);
      const mine = (await ofMode(key.mode)).find((e) => e.id === request.params.id);
      if (mine?.source === 'config') {
        throw new HttpError(
          400,
          'invalid_request',
          'Configured endpoints are removed from FR_WEBHOOK_URLS.',
        );
      }
      if (mine && (await removeEndpoint(ctx, mine.id))) {
        await ctx.audit.record({
          type: 'webhook_endpoint_removed',
          keyId: key.id,
          ip: request.ip,
          detail: { endpoint: mine.id },
        });
      }
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(route(API.retailerWebhookTest(':id')), async (request) => {
    const key = secretKeyOf(request);
    const endpoint = (await ofMode(key.mode)).find((e) => e.id === request.params.id);
    if (!endpoint) throw new HttpError(404, 'not_found', 'No such endpoint.');
    const event = await emitPing(ctx, endpoint);
    await deliverDue(ctx);
    return { eventId: event.id, endpoint: await describeEndpoint(ctx, endpoint) };
  });
}
