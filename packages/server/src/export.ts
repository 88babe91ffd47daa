import { API, type SubjectExport } from '@fittingroom/protocol';
import { listConsents } from './consents.js';
import type { Context } from './context.js';
import { subjectMode } from './subjects.js';
import { listUploads } from './uploads.js';

/** The subject's "copy of my data": every consent record and upload, with image links. */
export async function exportSubject(ctx: Context, subjectId: string): Promise<SubjectExport> {
  const consents = await listConsents(ctx, subjectId);
  const uploads = await listUploads(ctx, subjectId);
  const test = (await subjectMode(ctx, subjectId)) === 'test';
  return {
    ...(test ? { test: true } : {}),
    subjectId,
    exportedAt: ctx.now().toISOString(),
    consents: consents.map((c) => ({
      receipt: c.receipt,
      status: c.status,
      receivedAt: c.receivedAt,
      withdrawnAt: c.withdrawnAt,
    })),
    uploads: uploads.map((u) => ({
      uploadId: u.uploadId,
      productId: u.productId,
      contentType: u.contentType,
      bytes: u.bytes,
      capturedAt: u.capturedAt,
      storedAt: u.storedAt,
      expiresAt: u.expiresAt,
      imageUrl: API.uploadImage(u.uploadId),
    })),
  };
}
