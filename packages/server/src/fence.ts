// Erasure fencing. An upload checks consent, then writes; an erasure lists, then deletes. Without
// a fence an upload that passed its check before the erasure commits after the erasure listed,
// and outlives it. The fence closes that:
//
//   upload:  begin flight → fenced? refuse → check consent → put → fenced, or consent withdrawn
//            or gone? delete own object, refuse → end flight
//   erasure: write fence → wait until the subject has no upload in flight → delete uploads, then
//            consents, token and subject → remove fence
//
// An upload whose flight the erasure saw is waited for: it either re-checked after the fence was
// written (and deleted its object) or put before it, so the listing after the wait finds it. An
// upload whose flight began later is refused by the fence, or, once the fence is gone, by its
// consent check (the consents were deleted first). An upload the wait could not see (another
// instance without shared coordination) still re-checks fence and consent after its put, so it
// removes itself, only later than the erasure's answer. The fence is an object in storage, so it
// holds across instances; the flights are per process without Redis, shared with it.
import type { Context } from './context.js';
import { HttpError } from './errors.js';
import { KEYS } from './records/keys.js';

/** How long an erasure waits for uploads in flight; after that the fence check still holds. */
export const FLIGHT_WAIT_MS = 30_000;

/** The fence record: when the subject was erased (no personal data). */
export interface FenceDoc {
  readonly subjectId: string;
  readonly erasedAt: string;
}

/**
 * Fences `subjectId` against new objects and waits for its uploads in flight to commit or
 * refuse themselves; what they committed before the fence is then visible to the caller's listing.
 */
export async function fenceSubject(ctx: Context, subjectId: string): Promise<void> {
  const doc: FenceDoc = { subjectId, erasedAt: ctx.now().toISOString() };
  await ctx.storage.put(KEYS.fence(subjectId), Buffer.from(JSON.stringify(doc), 'utf8'));
  await ctx.coordination.settled(subjectId, FLIGHT_WAIT_MS);
}

/** True while an erasure of `subjectId` is under way. */
export async function isFenced(ctx: Context, subjectId: string): Promise<boolean> {
  return (await ctx.storage.getHead(KEYS.fence(subjectId), 1)) !== null;
}

/** Ends an erasure: everything the fence guarded is gone, so new uploads fail their consent check. */
export function liftFence(ctx: Context, subjectId: string): Promise<void> {
  return ctx.storage.delete(KEYS.fence(subjectId));
}

/** Waits until no upload of `subjectId` is in flight (after a consent withdrawal was written). */
export function awaitFlights(ctx: Context, subjectId: string): Promise<void> {
  return ctx.coordination.settled(subjectId, FLIGHT_WAIT_MS);
}

/** The answer to a request of a subject erased meanwhile: its token is, or soon is, gone. */
export function erasedError(): HttpError {
  return new HttpError(
    401,
    'invalid_token',
    'The subject token is unknown or its data was erased.',
  );
}

/** Throws {@link erasedError} while `subjectId` is being erased. */
export async function refuseIfErased(ctx: Context, subjectId: string): Promise<void> {
  if (await isFenced(ctx, subjectId)) throw erasedError();
}
