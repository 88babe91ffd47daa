import { consentEnd } from './consent-rules.js';
import { listConsents } from './consents.js';
import type { Context } from './context.js';
import { readDoc, SubjectDocSchema, UploadDocSchema } from './records/docs.js';
import { idFromIndexKey, KEYS, parseUploadKey } from './records/keys.js';
import { ORPHAN_GRACE_MS, subjectIsStale, uploadFate } from './retention.js';
import type { ObjectInfo } from './storage/types.js';
import { eraseSubject } from './subjects.js';
import { removeUpload } from './uploads.js';

/** What one sweep removed. */
export interface SweepReport {
  readonly expired: number;
  readonly orphans: number;
  readonly staleSubjects: number;
}

interface UploadParts {
  subjectId: string;
  uploadId: string;
  hasRecord: boolean;
  newest: Date;
}

function groupUploads(items: readonly ObjectInfo[]): Map<string, UploadParts> {
  const groups = new Map<string, UploadParts>();
  for (const item of items) {
    const parsed = parseUploadKey(item.key);
    if (!parsed) continue;
    const group = groups.get(parsed.uploadId) ?? {
      subjectId: parsed.subjectId,
      uploadId: parsed.uploadId,
      hasRecord: false,
      newest: item.modifiedAt,
    };
    group.hasRecord ||= parsed.ext === 'json';
    if (item.modifiedAt > group.newest) group.newest = item.modifiedAt;
    groups.set(parsed.uploadId, group);
  }
  return groups;
}

/** Deletes expired uploads and crash leftovers (images or index entries without a record). */
async function sweepUploads(
  ctx: Context,
  now: Date,
): Promise<{ expired: number; orphans: number }> {
  let expired = 0;
  let orphans = 0;
  const groups = groupUploads(await ctx.storage.list(KEYS.uploadsRoot));
  for (const group of groups.values()) {
    const doc = group.hasRecord
      ? await readDoc(
          ctx.storage,
          KEYS.uploadRecord(group.subjectId, group.uploadId),
          UploadDocSchema,
        )
      : null;
    const fate = uploadFate(doc?.expiresAt ?? null, group.newest, now);
    if (fate === 'keep') continue;
    await removeUpload(ctx, group.subjectId, group.uploadId);
    const type = fate === 'expired' ? 'upload_expired' : 'orphan_removed';
    await ctx.audit.record({ type, subjectId: group.subjectId, uploadId: group.uploadId });
    if (fate === 'expired') expired += 1;
    else orphans += 1;
  }
  for (const item of await ctx.storage.list(KEYS.uploadIndexRoot)) {
    const uploadId = idFromIndexKey(item.key, KEYS.uploadIndexRoot);
    if (uploadId === null || groups.has(uploadId)) continue;
    if (now.getTime() - item.modifiedAt.getTime() < ORPHAN_GRACE_MS) continue;
    await ctx.storage.delete(item.key);
    await ctx.audit.record({ type: 'orphan_removed', uploadId });
    orphans += 1;
  }
  return { expired, orphans };
}

/** Forgets subjects with nothing uploaded whose consents all ended a retention period ago. */
async function sweepSubjects(ctx: Context, now: Date): Promise<number> {
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
    if (withUploads.has(subjectId)) continue;
    const subject = await readDoc(ctx.storage, KEYS.subject(subjectId), SubjectDocSchema);
    const consents = await listConsents(ctx, subjectId);
    const summary = {
      createdAt: subject ? new Date(subject.createdAt) : new Date(0),
      uploads: 0,
      consentEnds: consents.map(consentEnd),
    };
    if (!subjectIsStale(summary, now, ctx.config.retentionDays)) continue;
    await eraseSubject(ctx, subjectId);
    await ctx.audit.record({ type: 'subject_expired', subjectId });
    removed += 1;
  }
  return removed;
}

/** One sweep at the context's current time: expired uploads, crash leftovers, stale subjects. */
export async function sweepExpired(ctx: Context): Promise<SweepReport> {
  const now = ctx.now();
  const uploads = await sweepUploads(ctx, now);
  const staleSubjects = await sweepSubjects(ctx, now);
  return { ...uploads, staleSubjects };
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
