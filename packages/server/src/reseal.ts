import type { Context } from './context.js';
import { refuseIfErased } from './fence.js';
import { keyIdHex } from './keyring.js';
import { KEYS, parseUploadKey } from './records/keys.js';
import { readUploadObject, uploadKeyId, uploadObject } from './records/upload-object.js';

/** What a re-seal did: objects moved to the current key, already on it, and not readable. */
export interface ResealReport {
  readonly resealed: number;
  readonly current: number;
  readonly failed: number;
}

/**
 * Re-seals every upload not sealed under the current key, so older keys can then be dropped
 * from `FR_ENCRYPTION_KEYS`. Each object is rewritten whole (one atomic put) under its upload
 * lock and as an upload in flight, re-checking the erasure fence after the put like an upload
 * does, so an erasure meanwhile still leaves nothing. An object no configured key opens is
 * reported to `onFailure` and left as it is (the sweeper expires it by its write time).
 */
export async function resealUploads(
  ctx: Context,
  onFailure: (key: string, error: unknown) => void = () => undefined,
): Promise<ResealReport> {
  const current = keyIdHex(ctx.keys);
  let resealed = 0;
  let onCurrent = 0;
  let failed = 0;
  for (const item of await ctx.storage.list(KEYS.uploadsRoot)) {
    const parsed = parseUploadKey(item.key);
    if (!parsed) continue;
    try {
      const head = await ctx.storage.getHead(item.key, 64);
      if (head === null) continue;
      if (uploadKeyId(head) === current) {
        onCurrent += 1;
        continue;
      }
      const done = await resealOne(ctx, item.key, parsed.subjectId, parsed.uploadId);
      if (done) resealed += 1;
    } catch (error) {
      failed += 1;
      onFailure(item.key, error);
    }
  }
  return { resealed, current: onCurrent, failed };
}

async function resealOne(
  ctx: Context,
  key: string,
  subjectId: string,
  uploadId: string,
): Promise<boolean> {
  const endFlight = await ctx.coordination.beginFlight(subjectId);
  try {
    return await ctx.coordination.withLock(`upload:${uploadId}`, async () => {
      await refuseIfErased(ctx, subjectId);
      const found = await readUploadObject(ctx.storage, ctx.ring.lookup, key);
      if (!found) return false; // deleted since the listing
      await ctx.storage.put(key, uploadObject(ctx.keys, key, found.doc, found.image, ctx.random));
      try {
        await refuseIfErased(ctx, subjectId);
      } catch (error) {
        await ctx.storage.delete(key);
        throw error;
      }
      return true;
    });
  } finally {
    await endFlight();
  }
}
