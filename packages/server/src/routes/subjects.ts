import { API } from '@fittingroom/protocol';
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.js';
import { exportSubject } from '../export.js';
import { requireBearer, requireSubject } from '../http/guards.js';
import { eraseWithIds } from '../retailer/store.js';
import { resolveSubject } from '../subjects.js';
import { emitErased } from '../webhooks/emit.js';
import { apiRoute } from './paths.js';

/** `GET /v1/subjects/me/export` and `DELETE /v1/subjects/me`: the shopper's rights. */
export function subjectRoutes(app: FastifyInstance, ctx: Context): void {
  app.get(apiRoute(API.subjectExport), async (request, reply) => {
    const { subjectId } = await requireSubject(ctx, request);
    const body = await exportSubject(ctx, subjectId);
    await ctx.audit.record({
      type: 'subject_exported',
      subjectId,
      ip: request.ip,
      detail: { consents: body.consents.length, uploads: body.uploads.length },
    });
    return reply.send(body);
  });

  app.delete(apiRoute(API.subject), async (request, reply) => {
    const token = requireBearer(request);
    // An unknown token means there is nothing (left) to erase: 204 again, so erasure is idempotent.
    const subjectId = await resolveSubject(ctx, token);
    if (subjectId !== null) {
      const erased = await eraseWithIds(ctx, subjectId);
      await ctx.audit.record({
        type: 'subject_erased',
        subjectId,
        ip: request.ip,
        detail: { uploads: erased.uploadIds.length, consents: erased.receiptIds.length },
      });
      await emitErased(ctx, erased, 'shopper');
    }
    return reply.status(204).send();
  });
}
