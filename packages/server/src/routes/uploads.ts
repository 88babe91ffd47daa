import {
  API,
  IDEMPOTENCY_KEY_HEADER,
  type KeyMode,
  type UploadMetadata,
  type UploadResult,
} from '@fittingroom/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import { HttpError } from '../errors.js';
import { requireKey, requireSubject } from '../http/guards.js';
import { REPLAYED_HEADER } from '../http/hooks.js';
import { createUploadSlots, type UploadSlots } from '../http/limits.js';
import { readUploadForm } from '../http/upload-form.js';
import { parseIdempotencyKey } from '../idempotency.js';
import { cleanImage } from '../image-clean.js';
import { normalizeId } from '../records/keys.js';
import { subjectMode } from '../subjects.js';
import { ingestUpload, readUploadImage, removeUpload, type UploadOutcome } from '../uploads.js';
import { emitEvent } from '../webhooks/emit.js';
import { apiRoute } from './paths.js';

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/** Validates the `:id` path parameter as a UUID before anything else: no traversal, no lookup. */
function uploadIdParam(params: { id: string }): string {
  const id = normalizeId(params.id);
  if (id === null) throw new HttpError(400, 'invalid_request', 'The upload id must be a UUID.');
  return id;
}

/**
 * Reads, cleans and ingests the body of an authenticated upload, holding one of `slots` while
 * any of it is in memory.
 */
async function receive(
  ctx: Context,
  slots: UploadSlots,
  request: FastifyRequest,
  who: { subjectId: string; idempotencyKey: string; mode: KeyMode },
): Promise<{ outcome: UploadOutcome; metadata: UploadMetadata; bytes: number }> {
  const giveSlot = slots.take(); // before any body byte is read into memory
  try {
    const form = await readUploadForm(request, ctx.config.maxUploadBytes);
    try {
      // What is stored and served is the stripped image, rewritten inside the pooled body (no
      // copy); what it dropped is zeroed with the body once the upload is committed or refused.
      const image = (await cleanImage(form.image, ctx.config.maxImageDimension)).bytes;
      const outcome = await ingestUpload(ctx, { ...who, metadata: form.metadata, image });
      return { outcome, metadata: form.metadata, bytes: image.byteLength };
    } finally {
      form.release(); // zeroed and reused: no plaintext of the upload stays in memory
    }
  } finally {
    giveSlot();
  }
}

/** `POST /v1/uploads`, `GET /v1/uploads/{id}/image`, `DELETE /v1/uploads/{id}`. */
export function uploadRoutes(app: FastifyInstance, ctx: Context): void {
  const slots = createUploadSlots(ctx.config.maxUploadsInFlight);
  app.post(apiRoute(API.uploads), async (request, reply) => {
    const key = requireKey(ctx, request);
    const idempotencyKey = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (idempotencyKey === null) {
      throw new HttpError(
        400,
        'invalid_request',
        'Send an Idempotency-Key header: 8–200 of A-Z a-z 0-9 _ -.',
      );
    }
    const { subjectId, token } = await requireSubject(ctx, request);
    if ((await subjectMode(ctx, subjectId)) !== key.mode) {
      throw new HttpError(
        403,
        'forbidden',
        `This subject's data is ${key.mode === 'test' ? 'live' : 'test'} data; a ${key.mode} key cannot add to it.`,
      );
    }
    const { outcome, metadata, bytes } = await receive(ctx, slots, request, {
      subjectId,
      idempotencyKey,
      mode: key.mode,
    });
    // Before the answer: a replay is audited too, so a store whose event a crash lost still
    // shows up once its client retries.
    await ctx.audit.record({
      type: outcome.replayed ? 'upload_replayed' : 'upload_stored',
      subjectId,
      uploadId: outcome.result.uploadId,
      receiptId: metadata.consentReceiptId,
      publishableKey: key.key,
      keyId: key.id,
      ip: request.ip,
      detail: { bytes },
    });
    if (!outcome.replayed) {
      await emitEvent(ctx, 'upload.stored', key.mode, {
        uploadId: outcome.result.uploadId,
        subjectId,
        receiptId: metadata.consentReceiptId,
        productId: metadata.productId,
      });
    }
    const body: UploadResult = { ...outcome.result, subjectToken: token };
    return reply.status(201).header(REPLAYED_HEADER, String(outcome.replayed)).send(body);
  });

  app.get<{ Params: { id: string } }>(apiRoute(API.uploadImage(':id')), async (request, reply) => {
    const uploadId = uploadIdParam(request.params);
    const { subjectId } = await requireSubject(ctx, request);
    // Only this subject's uploads are looked at: another subject's id is "not found" too, so an
    // id reveals nothing about whether it exists.
    const found = await readUploadImage(ctx, subjectId, uploadId);
    if (!found) throw new HttpError(404, 'not_found', 'No such upload.');
    await ctx.audit.record({ type: 'image_exported', subjectId, uploadId, ip: request.ip });
    return reply
      .type(found.doc.contentType)
      .header(
        'content-disposition',
        `inline; filename="${uploadId}.${EXTENSIONS[found.doc.contentType]}"`,
      )
      .send(Buffer.from(found.image));
  });

  app.delete<{ Params: { id: string } }>(apiRoute(API.upload(':id')), async (request, reply) => {
    const uploadId = uploadIdParam(request.params);
    const { subjectId } = await requireSubject(ctx, request);
    // Another subject's id, like an unknown one, has nothing of this subject's to erase: 204.
    const mode = await subjectMode(ctx, subjectId);
    if (await removeUpload(ctx, subjectId, uploadId)) {
      await ctx.audit.record({ type: 'upload_deleted', subjectId, uploadId, ip: request.ip });
      await emitEvent(ctx, 'upload.deleted', mode ?? 'live', {
        uploadId,
        subjectId,
        by: 'shopper',
      });
    }
    return reply.status(204).send();
  });
}
