import { consentEnd } from './consent-rules.js';
import { listConsents } from './consents.js';
import type { Context } from './context.js';
import { readDoc, SubjectDocSchema, type UploadDoc } from './records/docs.js';
import { idFromIndexKey, KEYS, parseUploadKey } from './records/keys.js';
import { readUploadRecord } from './records/upload-object.js';
import { eraseWithIds } from './retailer/store.js';
import {
  DAY_MS,
  expiryOf,
  isExpired,
  ORPHAN_GRACE_MS,
  subjectIsStale,
  testDataIsDue,
  uploadFate,
} from './retention.js';
import { eraseSubject } from './subjects.js';
import { emitErased, emitEvent } from './webhooks/emit.js';

/** What one sweep removed, and how many objects it could not handle (reported, skipped). */
export interface SweepReport {
  readonly expired: number;
  readonly orphans: number;
  readonly staleSubjects: number;
  readonly failed: number;
}

/** Told about each object a sweep could not handle (e.g. sealed under an unknown key). */
export type SweepFailure = (key: string, error: unknown) => void;

/** Counts and reports failures so one bad object never stops the rest of a sweep. */
function guard(onFailure: SweepFailure): {
  each: (key: string, work: () => Promise<void>) => Promise<void>;
  readonly failed: () => number;
} {
  let failed = 0;
  return {
    async each(key, work) {
      try {
        await work();
      } catch (error) {
        failed += 1;
        onFailure(key, error);
      }
    },
    failed: () => failed,
  };
}

/** The ids in a key under `uploads/` that is not a whole upload (an older layout's objects). */
function leftoverIds(key: string): {
  subjectId?: string | undefined;
  uploadId?: string | undefined;
} {
  const [, subjectId, uploadId] =
    /^uploads\/([0-9a-f-]{36})(?:\/([0-9a-f-]{36})\.)?/.exec(key) ?? [];
  return { subjectId, uploadId };
}

/**
 * Deletes expired uploads, reading only each object's record. Anything else under `uploads/`,
 * or in the upload index of the layout before single-object uploads, is a leftover: removed
 * once older than the grace period.
 */
async function sweepUploads(
  ctx: Context,
  now: Date,
  each: ReturnType<typeof guard>['each'],
): Promise<{ expired: number; orphans: number }> {
  let expired = 0;
  let orphans = 0;
  for (const item of await ctx.storage.list(KEYS.uploadsRoot)) {
    await each(item.key, async () => {
      const parsed = parseUploadKey(item.key);
      let doc: UploadDoc | null = null;
      if (parsed) {
        try {
          doc = await readUploadRecord(ctx.storage, ctx.ring.lookup, item.key);
        } catch (error) {
          // Unreadable (sealed under a key not configured, or corrupt): it cannot say when it
          // expires, so it expires a retention period after it was written, and is reported.
          if (isExpired(expiryOf(item.modifiedAt, ctx.config.retentionDays).toISOString(), now)) {
            await ctx.storage.delete(item.key);
            await ctx.audit.record({
              type: 'upload_expired',
              ...parsed,
              detail: { unreadable: 1 },
            });
            expired += 1;
          }
          throw error;
        }
        if (!doc) return; // deleted since the listing
      }
      const fate = uploadFate(doc?.expiresAt ?? null, item.modifiedAt, now);
      if (fate === 'keep') return;
      await ctx.storage.delete(item.key);
      const type = fate === 'expired' ? 'upload_expired' : 'orphan_removed';
      await ctx.audit.record({ type, ...(parsed ?? leftoverIds(item.key)) });
      if (fate === 'expired' && parsed) {
        await emitEvent(ctx, 'upload.expired', doc?.test ? 'test' : 'live', { ...parsed });
      }
      if (fate === 'expired') expired += 1;
      else orphans += 1;
    });
  }
  // Index entries of the layout before single-object uploads, and fences an erasure that
  // crashed left behind (its token is gone, so it cannot be retried): leftovers past the grace.
  for (const root of [KEYS.legacyUploadIndexRoot, KEYS.fences]) {
    for (const item of await ctx.storage.list(root)) {
      if (now.getTime() - item.modifiedAt.getTime() < ORPHAN_GRACE_MS) continue;
      await each(item.key, async () => {
        await ctx.storage.delete(item.key);
        const id = idFromIndexKey(item.key, root);
        const ids = id ? (root === KEYS.fences ? { subjectId: id } : { uploadId: id }) : {};
        await ctx.audit.record({ type: 'orphan_removed', ...ids });
        orphans += 1;
      });
    }
  }
  return { expired, orphans };
}

/** True when nothing under the subject's folder was written for the longest consent plus retention. */
async function untouchedSince(ctx: Context, subjectId: string, now: Date): Promise<boolean> {
  const items = await ctx.storage.list(KEYS.subjectFolder(subjectId));
  const newest = Math.max(0, ...items.map((item) => item.modifiedAt.getTime()));
  const keepMs = ctx.config.receipts.maxLifetimeMs + ctx.config.retentionDays * DAY_MS;
  return now.getTime() - newest >= keepMs;
}

/**
 * Erases test subjects 24 hours after they were made, and forgets subjects with nothing uploaded
 * whose consents all ended a retention period ago.
 */
async function sweepSubjects(
  ctx: Context,
  now: Date,
  each: ReturnType<typeof guard>['each'],
): Promise<number> {
  const withUploads = new Set<string>();
  for (const item of await ctx.storage.list(KEYS.uploadsRoot)) {
    const parsed = parseUploadKey(item.key);
    if (parsed) withUploads.add(parsed.subjectId);
  }
  const subjectIds = new Set<string>();
  for (const item of await ctx.storage.list(KEYS.subjects)) {
    const id = item.key.split('/')[1];
    if (id) subjectIds.add(id);
  }
  let removed = 0;
  for (const subjectId of subjectIds) {
    // Records no configured key opens cannot say when consent ended (nor whether they are test
    // data): such a subject goes once it has no uploads (those are reported and expire on their
    // own) and nothing of it was written for the longest consent plus retention; reported.
    const unreadable = async (error: unknown): Promise<never> => {
      if (!withUploads.has(subjectId) && (await untouchedSince(ctx, subjectId, now))) {
        await eraseSubject(ctx, subjectId);
        await ctx.audit.record({ type: 'subject_expired', subjectId, detail: { unreadable: 1 } });
        removed += 1;
      }
      throw error;
    };
    await each(KEYS.subject(subjectId), async () => {
      const subject = await readDoc(ctx, KEYS.subject(subjectId), SubjectDocSchema).catch(
        (error: unknown) => (withUploads.has(subjectId) ? null : unreadable(error)),
      );
      if (subject?.test && testDataIsDue(subject.createdAt, now)) {
        await emitErased(ctx, await eraseWithIds(ctx, subjectId), 'test_expiry');
        await ctx.audit.record({ type: 'subject_expired', subjectId, detail: { test: 1 } });
        removed += 1;
        return;
      }
      if (withUploads.has(subjectId)) return;
      const consents = await listConsents(ctx, subjectId).catch(unreadable);
      const summary = {
        createdAt: subject ? new Date(subject.createdAt) : new Date(0),
        uploads: 0,
        consentEnds: consents.map(consentEnd),
      };
      if (!subjectIsStale(summary, now, ctx.config.retentionDays)) return;
      await eraseSubject(ctx, subjectId);
      await ctx.audit.record({ type: 'subject_expired', subjectId });
      removed += 1;
    });
  }
  return removed;
}

/**
 * One sweep at the context's current time: expired uploads, crash leftovers, stale subjects. An
 * object it cannot read or delete is passed to `onFailure` and counted in `failed`; the sweep
 * goes on with the next one, so one bad object never keeps the rest from expiring.
 */
export async function sweepExpired(
  ctx: Context,
  onFailure: SweepFailure = () => undefined,
): Promise<SweepReport> {
  const now = ctx.now();
  const guarded = guard(onFailure);
  const uploads = await sweepUploads(ctx, now, guarded.each);
  const staleSubjects = await sweepSubjects(ctx, now, guarded.each);
  return { ...uploads, staleSubjects, failed: guarded.failed() };
}

/** Calls `run` every `ms` until the returned stop function is called (injectable for tests). */
export type Every = (run: () => void, ms: number) => () => void;

const nodeEvery: Every = (run, ms) => {
  const handle = setInterval(run, ms);
  handle.unref(); // the sweeper alone never keeps the process alive
  return () => clearInterval(handle);
};

/** A running sweeper; `close()` stops it and waits for a sweep in progress. */
export interface Sweeper {
  close(): Promise<void>;
}

/**
 * Runs `sweep` every `intervalMs` (never two at once). Errors go to `onError` and the next tick
 * tries again.
 */
export function startSweeper(options: {
  readonly intervalMs: number;
  readonly sweep: () => Promise<unknown>;
  readonly onError: (error: unknown) => void;
  readonly every?: Every;
}): Sweeper {
  const every = options.every ?? nodeEvery;
  let running: Promise<void> | null = null;
  const tick = (): void => {
    if (running) return;
    running = options
      .sweep()
      .then(() => undefined, options.onError)
      .finally(() => {
        running = null;
      });
  };
  const stop = every(tick, options.intervalMs);
  return {
    async close() {
      stop();
      await running;
    },
  };
}
