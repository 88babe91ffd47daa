import type { Erasure, KeyMode, RetailerSubject, RetailerUpload } from '@fittingroom/protocol';
import { listConsents } from '../consents.js';
import type { Context } from '../context.js';
import {
  ConsentDocSchema,
  IndexDocSchema,
  readDoc,
  SubjectDocSchema,
  type UploadDoc,
} from '../records/docs.js';
import { KEYS, parseUploadKey } from '../records/keys.js';
import { readUploadRecord } from '../records/upload-object.js';
import { eraseSubject } from '../subjects.js';
import { listUploads } from '../uploads.js';

/** An upload record as the retailer sees it, with the status of the consent it cites. */
async function describe(ctx: Context, doc: UploadDoc): Promise<RetailerUpload> {
  const consent = await readDoc(
    ctx,
    KEYS.consent(doc.subjectId, doc.consentReceiptId),
    ConsentDocSchema,
  );
  const { fingerprint: _fingerprint, ...rest } = doc;
  return { ...rest, status: consent?.status === 'active' ? 'active' : 'withdrawn' };
}

/** Every shared upload, both modes, records only (the listing filters by mode: listing.ts). */
export async function allUploads(ctx: Context): Promise<RetailerUpload[]> {
  const out: RetailerUpload[] = [];
  for (const item of await ctx.storage.list(KEYS.uploadsRoot)) {
    if (!parseUploadKey(item.key)) continue;
    const doc = await readUploadRecord(ctx.storage, ctx.ring.lookup, item.key);
    if (doc) out.push(await describe(ctx, doc));
  }
  return out;
}

/**
 * The storage key of upload `uploadId` when it is data of `mode`, or null. There is no
 * upload → subject index (records/keys.ts), so the listing is searched; fine at the scale of a
 * reference server.
 */
export async function findUpload(
  ctx: Context,
  uploadId: string,
  mode: KeyMode,
): Promise<{ key: string; subjectId: string; doc: UploadDoc } | null> {
  for (const item of await ctx.storage.list(KEYS.uploadsRoot)) {
    const parsed = parseUploadKey(item.key);
    if (parsed?.uploadId !== uploadId) continue;
    const doc = await readUploadRecord(ctx.storage, ctx.ring.lookup, item.key);
    if (doc && (doc.test === true) === (mode === 'test')) {
      return { key: item.key, subjectId: parsed.subjectId, doc };
    }
  }
  return null;
}

/** The subject that gave receipt `receiptId`, when it is a subject of `mode`. */
async function subjectOfReceipt(ctx: Context, receiptId: string, mode: KeyMode) {
  const owner = await readDoc(ctx, KEYS.receiptIndex(receiptId), IndexDocSchema);
  if (!owner) return null;
  const subject = await readDoc(ctx, KEYS.subject(owner.subjectId), SubjectDocSchema);
  if (!subject || (subject.test === true) !== (mode === 'test')) return null;
  return subject;
}

/** What is kept of the subject behind a receipt id, or null (unknown, or the other mode). */
export async function lookUpSubject(
  ctx: Context,
  receiptId: string,
  mode: KeyMode,
): Promise<RetailerSubject | null> {
  const subject = await subjectOfReceipt(ctx, receiptId, mode);
  if (!subject) return null;
  const consents = await listConsents(ctx, subject.subjectId);
  const uploads = await Promise.all(
    (await listUploads(ctx, subject.subjectId)).map((doc) => describe(ctx, doc)),
  );
  return {
    subjectId: subject.subjectId,
    createdAt: subject.createdAt,
    ...(subject.test ? { test: true } : {}),
    consents: consents.map((c) => ({
      receiptId: c.receipt.consentReceiptID.toLowerCase(),
      policyVersion: c.receipt.policyVersion,
      status: c.status,
      receivedAt: c.receivedAt,
      withdrawnAt: c.withdrawnAt,
      expiresAt: c.receipt.expiresAt,
    })),
    uploads,
  };
}

/**
 * Erases a subject and says which ids went, for the `subject.erased` webhook and the answer:
 * the ids are read first, then the erasure (fenced: subjects.ts) removes them and anything that
 * was in flight, whose ids are added from the erasure's own count.
 */
export async function eraseWithIds(ctx: Context, subjectId: string): Promise<Erasure> {
  const subject = await readDoc(ctx, KEYS.subject(subjectId), SubjectDocSchema);
  const { uploadIds, receiptIds } = await eraseSubject(ctx, subjectId);
  return {
    subjectId,
    uploadIds: [...uploadIds],
    receiptIds: [...receiptIds],
    ...(subject?.test ? { test: true } : {}),
  };
}

/** Erases the subject behind a receipt id (of `mode`); null when there is none. */
export async function eraseByReceipt(
  ctx: Context,
  receiptId: string,
  mode: KeyMode,
): Promise<Erasure | null> {
  const subject = await subjectOfReceipt(ctx, receiptId, mode);
  return subject ? eraseWithIds(ctx, subject.subjectId) : null;
}
