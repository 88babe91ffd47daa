import type { ConsentAck, ConsentReceipt, KeyMode } from '@fittingroom/protocol';
import type { Context } from './context.js';
import { HttpError } from './errors.js';
import { awaitFlights, erasedError, isFenced, refuseIfErased } from './fence.js';
import {
  type ConsentDoc,
  ConsentDocSchema,
  IndexDocSchema,
  readDoc,
  SubjectDocSchema,
  writeDoc,
  writeIndex,
} from './records/docs.js';
import { KEYS, normalizeId } from './records/keys.js';
import { isExpired } from './retention.js';
import { mintSubject } from './subjects.js';

/** Result of {@link grantConsent}: the answer, and whether anything new was stored. */
export interface GrantOutcome {
  readonly ack: ConsentAck;
  readonly created: boolean;
}

/**
 * Keeps a consent receipt for `subjectId`, or for a newly minted subject when null (the answer
 * then carries the new token, once). Sending the same receipt again is harmless; a receipt id
 * already kept for another subject is refused. A receipt for an existing subject is fenced like
 * an upload (fence.ts): one that lands while the subject is erased removes itself.
 */
export async function grantConsent(
  ctx: Context,
  receipt: ConsentReceipt,
  subjectId: string | null,
  mode: KeyMode = 'live',
): Promise<GrantOutcome> {
  if (subjectId === null) return storeConsent(ctx, receipt, null, mode);
  const endFlight = await ctx.coordination.beginFlight(subjectId);
  try {
    await refuseIfErased(ctx, subjectId);
    const outcome = await storeConsent(ctx, receipt, subjectId, mode);
    if (outcome.created) {
      const subject = await readDoc(ctx, KEYS.subject(subjectId), SubjectDocSchema);
      const erased = subject === null || (await isFenced(ctx, subjectId));
      if (erased) {
        await ctx.storage.delete(KEYS.receiptIndex(outcome.ack.receiptId));
        await ctx.storage.delete(KEYS.consent(subjectId, outcome.ack.receiptId));
        throw erasedError();
      }
    }
    return outcome;
  } finally {
    await endFlight();
  }
}

async function storeConsent(
  ctx: Context,
  receipt: ConsentReceipt,
  subjectId: string | null,
  mode: KeyMode,
): Promise<GrantOutcome> {
  const testFlag = mode === 'test' ? ({ test: true } as const) : {};
  const receiptId = normalizeId(receipt.consentReceiptID) ?? receipt.consentReceiptID;
  if (isExpired(receipt.expiresAt, ctx.now())) {
    throw new HttpError(400, 'invalid_request', 'The consent receipt has already expired.');
  }
  const owner = await readDoc(ctx, KEYS.receiptIndex(receiptId), IndexDocSchema);
  if (owner) {
    if (owner.subjectId !== subjectId) {
      throw new HttpError(
        403,
        'forbidden',
        'This consent receipt is recorded for another subject.',
      );
    }
    const doc = await readDoc(ctx, KEYS.consent(owner.subjectId, receiptId), ConsentDocSchema);
    if (doc) {
      if (JSON.stringify(doc.receipt) !== JSON.stringify(receipt)) {
        throw new HttpError(
          409,
          'idempotency_conflict',
          'A different receipt was recorded with this id.',
        );
      }
      return {
        created: false,
        ack: { receiptId, subjectId: owner.subjectId, status: doc.status, ...testFlag },
      };
    }
  }
  let subject = subjectId;
  let token: string | undefined;
  if (subject === null) {
    const minted = await mintSubject(ctx, mode);
    subject = minted.subjectId;
    token = minted.token;
  }
  const doc: ConsentDoc = {
    subjectId: subject,
    receipt,
    status: 'active',
    receivedAt: ctx.now().toISOString(),
  };
  await writeDoc(ctx, KEYS.consent(subject, receiptId), doc);
  await writeIndex(ctx.storage, KEYS.receiptIndex(receiptId), subject);
  const ack: ConsentAck = { receiptId, subjectId: subject, status: 'active', ...testFlag };
  return { created: true, ack: token ? { ...ack, subjectToken: token } : ack };
}

/**
 * Marks a receipt of `subjectId` withdrawn; from then on uploads citing it are refused.
 * Withdrawing again answers the same.
 */
export async function withdrawConsent(
  ctx: Context,
  subjectId: string,
  rawReceiptId: string,
  withdrawnAt: string,
): Promise<GrantOutcome> {
  const receiptId = normalizeId(rawReceiptId) ?? rawReceiptId;
  const owner = await readDoc(ctx, KEYS.receiptIndex(receiptId), IndexDocSchema);
  // Another subject's receipt gets the answer of one that does not exist: no existence oracle.
  if (!owner || owner.subjectId !== subjectId) {
    throw new HttpError(404, 'not_found', 'No consent receipt with this id was recorded.');
  }
  const key = KEYS.consent(subjectId, receiptId);
  const ack: ConsentAck = { receiptId, subjectId, status: 'withdrawn' };
  // Under the record's lock: a re-seal rewriting this record meanwhile cannot undo the change.
  const changed = await ctx.coordination.withLock(`record:${key}`, async () => {
    const doc = await readDoc(ctx, key, ConsentDocSchema);
    if (!doc) {
      throw new HttpError(404, 'not_found', 'No consent receipt with this id was recorded.');
    }
    if (doc.status === 'withdrawn') return false;
    await writeDoc(ctx, key, { ...doc, status: 'withdrawn', withdrawnAt });
    return true;
  });
  if (!changed) return { created: false, ack };
  // Answer once uploads citing it that were already past their check have refused themselves.
  await awaitFlights(ctx, subjectId);
  return { created: true, ack };
}

/** Every consent record of a subject, oldest first. */
export async function listConsents(ctx: Context, subjectId: string): Promise<ConsentDoc[]> {
  const docs: ConsentDoc[] = [];
  for (const item of await ctx.storage.list(KEYS.consents(subjectId))) {
    const doc = await readDoc(ctx, item.key, ConsentDocSchema);
    if (doc) docs.push(doc);
  }
  return docs.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}
