import { API, ConsentSubmissionSchema } from '@fittingroom/protocol';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { grantConsent, withdrawConsent } from '../consents.js';
import type { Context } from '../context.js';
import { HttpError } from '../errors.js';
import { describeIssues } from '../http/errors.js';
import { bearerToken, requireKey, requireSubject } from '../http/guards.js';
import { refuseReceiptTimes } from '../receipt-rules.js';
import { resolveSubject, subjectMode } from '../subjects.js';
import { emitEvent } from '../webhooks/emit.js';
import { apiRoute } from './paths.js';

/** `POST /v1/consents`: keep a consent receipt (grant) or record its withdrawal. */
export function consentRoutes(app: FastifyInstance, ctx: Context): void {
  app.post(apiRoute(API.consents), { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const parsed = v.safeParse(ConsentSubmissionSchema, request.body);
    if (!parsed.success)
      throw new HttpError(
        400,
        'invalid_request',
        describeIssues('consent submission', parsed.issues),
      );
    const submission = parsed.output;

    if (submission.kind === 'grant') {
      const key = requireKey(ctx, request);
      const refusal = refuseReceiptTimes(submission.receipt, ctx.now(), ctx.config.receipts);
      if (refusal) throw new HttpError(400, 'invalid_request', refusal);
      // A valid token attaches the receipt to its subject; none (or a stale one) mints a new one.
      const token = bearerToken(request);
      const found = token === null ? null : await resolveSubject(ctx, token);
      // Test and live data never mix: a token of the other mode gets a new subject of this one.
      const subjectId =
        found !== null && (await subjectMode(ctx, found)) === key.mode ? found : null;
      const { ack, created } = await grantConsent(ctx, submission.receipt, subjectId, key.mode);
      if (created) {
        await ctx.audit.record({
          type: 'consent_granted',
          subjectId: ack.subjectId,
          receiptId: ack.receiptId,
          publishableKey: key.key,
          keyId: key.id,
          ip: request.ip,
        });
      }
      return reply.status(created ? 201 : 200).send(ack);
    }

    const { subjectId } = await requireSubject(ctx, request);
    const { ack, created } = await withdrawConsent(
      ctx,
      subjectId,
      submission.receiptId,
      // The server's clock, not the client's: this time drives retention.
      ctx.now().toISOString(),
    );
    if (created) {
      await ctx.audit.record({
        type: 'consent_withdrawn',
        subjectId,
        receiptId: ack.receiptId,
        ip: request.ip,
      });
      await emitEvent(ctx, 'consent.withdrawn', (await subjectMode(ctx, subjectId)) ?? 'live', {
        subjectId,
        receiptId: ack.receiptId,
      });
    }
    return reply.status(200).send(ack);
  });
}
