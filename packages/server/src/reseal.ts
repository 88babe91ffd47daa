import type { Context } from './context.js';
import { keyIdOf } from './crypto.js';
import { refuseIfErased } from './fence.js';
import { keyIdHex } from './keyring.js';
import { isSealedRecord, openRecord, sealRecord } from './records/docs.js';
import { KEYS, parseUploadKey } from './records/keys.js';
import { readUploadObject, uploadKeyId, uploadObject } from './records/upload-object.js';

/** What a re-seal did: objects moved to the current key, already on it, and not readable. */
export interface ResealReport {
  readonly resealed: number;
  readonly current: number;
  readonly failed: number;
}

/** Told about each object a re-seal could not open or rewrite. */
type ResealFailure = (key: string, error: unknown) => void;

/** How one kind of object is re-sealed (see {@link resealUploads}, {@link resealRecords}). */
interface ResealKind {
  readonly prefix: string;
  /** The subject and lock name of a key of this kind, or null for any other key. */
  parse(key: string): { subjectId: string; lock: string } | null;
  /** True when the object under `key` is already sealed under the current key (null: gone). */
  isCurrent(key: string, current: string): Promise<boolean | null>;
  /** The new bytes of the object under `key`, sealed under the current key (null: gone). */
  rewrite(key: string): Promise<Uint8Array[] | null>;
}

async function resealEach(
  ctx: Context,
  kind: ResealKind,
  onFailure: ResealFailure,
): Promise<ResealReport> {
  const current = keyIdHex(ctx.keys);
  let resealed = 0;
  let onCurrent = 0;
  let failed = 0;
  for (const item of await ctx.storage.list(kind.prefix)) {
    const parsed = kind.parse(item.key);
    if (!parsed) continue;
    try {
      const isCurrent = await kind.isCurrent(item.key, current);
      if (isCurrent === null) continue;
      if (isCurrent) onCurrent += 1;
      else if (await resealOne(ctx, item.key, parsed, kind)) resealed += 1;
    } catch (error) {
      failed += 1;
      onFailure(item.key, error);
    }
  }
  return { resealed, current: onCurrent, failed };
}

/**
 * One object rewritten whole (one atomic put) under its lock and as a flight of its subject,
 * re-checking the erasure fence after the put like an upload does, so an erasure meanwhile
 * still leaves nothing.
 */
async function resealOne(
  ctx: Context,
  key: string,
  { subjectId, lock }: { subjectId: string; lock: string },
  kind: ResealKind,
): Promise<boolean> {
  const endFlight = await ctx.coordination.beginFlight(subjectId);
  try {
    return await ctx.coordination.withLock(lock, async () => {
      await refuseIfErased(ctx, subjectId);
      const body = await kind.rewrite(key);
      if (!body) return false; // deleted since the listing
      await ctx.storage.put(key, body);
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

/**
 * Re-seals every upload not sealed under the current key, so older keys can then be dropped
 * from `FR_ENCRYPTION_KEYS`, each under its upload lock (the one uploads and deletions take).
 * An object no configured key opens is reported to `onFailure` and left as it is (the sweeper
 * expires it by its write time).
 */
export function resealUploads(
  ctx: Context,
  onFailure: ResealFailure = () => undefined,
): Promise<ResealReport> {
  return resealEach(
    ctx,
    {
      prefix: KEYS.uploadsRoot,
      parse(key) {
        const parsed = parseUploadKey(key);
        return parsed && { subjectId: parsed.subjectId, lock: `upload:${parsed.uploadId}` };
      },
      async isCurrent(key, current) {
        const head = await ctx.storage.getHead(key, 64);
        return head === null ? null : uploadKeyId(head) === current;
      },
      async rewrite(key) {
        const found = await readUploadObject(ctx.storage, ctx.ring.lookup, key);
        return found && uploadObject(ctx.keys, key, found.doc, found.image, ctx.random);
      },
    },
    onFailure,
  );
}

const RECORD_KEY = /^subjects\/([0-9a-f-]{36})\/(?:subject|consents\/[0-9a-f-]{36})\.json$/;

/**
 * Seals every subject and consent record not sealed under the current key: plaintext ones from
 * before records were sealed, and those under older keys. Each is rewritten under the record's
 * lock — the one a consent withdrawal takes, so a withdrawal is never undone.
 */
export function resealRecords(
  ctx: Context,
  onFailure: ResealFailure = () => undefined,
): Promise<ResealReport> {
  return resealEach(
    ctx,
    {
      prefix: KEYS.subjects,
      parse(key) {
        const subjectId = RECORD_KEY.exec(key)?.[1];
        return subjectId ? { subjectId, lock: `record:${key}` } : null;
      },
      async isCurrent(key, current) {
        const raw = await ctx.storage.get(key);
        return raw === null ? null : isSealedRecord(raw) && keyIdOf(raw) === current;
      },
      async rewrite(key) {
        const raw = await ctx.storage.get(key);
        return raw && sealRecord(ctx, key, JSON.parse(openRecord(ctx, key, raw)));
      },
    },
    onFailure,
  );
}
