import { API, PRODUCT_ID_PATTERN, UPLOAD_STATUSES } from '@fittingroom/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import type { AuditInput } from '../audit.js';
import type { Context } from '../context.js';
import { HttpError } from '../errors.js';
import { describeIssues } from '../http/errors.js';
import { RETAILER_PREFIX, secretKeyOf } from '../http/retailer-caller.js';
import { normalizeId } from '../records/keys.js';
import { MAX_PAGE, parseCursor, selectPage } from '../retailer/listing.js';
import { allUploads, eraseByReceipt, findUpload, lookUpSubject } from '../retailer/store.js';
import { readUploadImage, removeUpload } from '../uploads.js';
import { emitErased, emitEvent } from '../webhooks/emit.js';
import { routeUnder } from './paths.js';

const route = (path: string): string => routeUnder(RETAILER_PREFIX, path);
const iso = v.pipe(v.string(), v.isoTimestamp());

/** The query of `GET /v1/retailer/uploads`. */
const ListQuerySchema = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(MAX_PAGE),
    ),
    '50',
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  since: v.optional(iso),
  until: v.optional(iso),
  productId: v.optional(v.pipe(v.string(), v.regex(PRODUCT_ID_PATTERN))),
  status: v.optional(v.picklist(UPLOAD_STATUSES)),
});

/** A UUID path parameter, or 400 (before any lookup). */
function idParam(value: string, what: string): string {
  const id = normalizeId(value);
  if (id === null) throw new HttpError(400, 'invalid_request', `The ${what} must be a UUID.`);
  return id;
}

const notFound = (what: string): HttpError => new HttpError(404, 'not_found', `No such ${what}.`);

/** The calling key and the checked receipt id of a `subjects/:receiptId` route. */
function receiptCall(request: FastifyRequest<{ Params: { receiptId: string } }>) {
  return { key: secretKeyOf(request), receiptId: idParam(request.params.receiptId, 'receipt id') };
}

/** Records what the request's retailer key did, and from where (every retailer event has both). */
function auditAs(
  ctx: Context,
  request: FastifyRequest,
  event: Omit<AuditInput, 'keyId' | 'ip'>,
): Promise<void> {
  return ctx.audit.record({ ...event, keyId: secretKeyOf(request).id, ip: request.ip });
}

/**
 * The retailer API's data routes: list shared uploads, fetch or delete one, look up and erase a
 * subject by receipt id. Each sees only its key's mode, and each call is audited with the key id.
 */
export function retailerRoutes(app: FastifyInstance, ctx: Context): void {
  app.get(route(API.retailerUploads), async (request) => {
    const key = secretKeyOf(request);
    const parsed = v.safeParse(ListQuerySchema, request.query);
    if (!parsed.success) {
      throw new HttpError(400, 'invalid_request', describeIssues('query', parsed.issues));
    }
    const { limit, cursor, since, until, productId, status } = parsed.output;
    const after = cursor === undefined ? null : parseCursor(cursor);
    if (cursor !== undefined && after === null) {
      throw new HttpError(400, 'invalid_request', 'The cursor is not one this server gave.');
    }
    const uploads = await allUploads(ctx);
    const page = selectPage(uploads, {
      mode: key.mode,
      limit,
      after,
      since,
      until,
      productId,
      status,
    });
    await auditAs(ctx, request, {
      type: 'retailer_uploads_listed',
      detail: { count: page.uploads.length },
    });
    return page;
  });

  app.get<{ Params: { id: string } }>(
    route(API.retailerUploadImage(':id')),
    async (request, reply) => {
      const key = secretKeyOf(request);
      const uploadId = idParam(request.params.id, 'upload id');
      const found = await findUpload(ctx, uploadId, key.mode);
      const image = found && (await readUploadImage(ctx, found.subjectId, uploadId));
      if (!found || !image) throw notFound('upload');
      await auditAs(ctx, request, {
        type: 'retailer_image_read',
        subjectId: found.subjectId,
        uploadId,
      });
      return reply.type(image.doc.contentType).send(Buffer.from(image.image));
    },
  );

  app.delete<{ Params: { id: string } }>(
    route(API.retailerUpload(':id')),
    async (request, reply) => {
      const key = secretKeyOf(request);
      const uploadId = idParam(request.params.id, 'upload id');
      const found = await findUpload(ctx, uploadId, key.mode);
      if (found && (await removeUpload(ctx, found.subjectId, uploadId))) {
        await auditAs(ctx, request, {
          type: 'retailer_upload_deleted',
          subjectId: found.subjectId,
          uploadId,
        });
        await emitEvent(ctx, 'upload.deleted', key.mode, {
          uploadId,
          subjectId: found.subjectId,
          by: 'retailer',
        });
      }
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { receiptId: string } }>(
    route(API.retailerSubject(':receiptId')),
    async (request) => {
      const { key, receiptId } = receiptCall(request);
      const subject = await lookUpSubject(ctx, receiptId, key.mode);
      if (!subject) throw notFound('subject');
      await auditAs(ctx, request, {
        type: 'retailer_subject_read',
        subjectId: subject.subjectId,
        receiptId,
      });
      return subject;
    },
  );

  app.delete<{ Params: { receiptId: string } }>(
    route(API.retailerSubject(':receiptId')),
    async (request) => {
      const { key, receiptId } = receiptCall(request);
      const erased = await eraseByReceipt(ctx, receiptId, key.mode);
      if (!erased) throw notFound('subject');
      await auditAs(ctx, request, {
        type: 'retailer_subject_erased',
        subjectId: erased.subjectId,
        receiptId,
        detail: { uploads: erased.uploadIds.length, consents: erased.receiptIds.length },
      });
      await emitErased(ctx, erased, 'retailer');
      return erased;
    },
  );
}
