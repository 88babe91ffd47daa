// What the filesystem adapter remembers about folders. Each file-system call goes through
// libuv's thread pool and cost about 30 µs of CPU on the benchmark machine (more under load), so
// the two per-upload calls these save showed in the profile. Both rely on the adapter's rule of
// one process per data folder, whose every change goes through the adapter.
import * as fs from 'node:fs';
import { promisify } from 'node:util';

const open = promisify(fs.open);
const close = promisify(fs.close);
const fsync = promisify(fs.fsync);
const readdir = promisify(fs.readdir);

/** Folders listed at most; the least recently used is forgotten first. */
const MAX_FOLDERS = 1024;
/** A folder with more names than this (the token index) is never listed into memory. */
const MAX_NAMES = 4096;

/**
 * The names in recently used folders, so looking up a missing object (every new upload checks
 * for an earlier one) needs no `open` that fails. Filled by one `readdir`, then kept current by
 * the adapter: {@link FolderIndex.adding} before a file appears, {@link FolderIndex.removed}
 * after it is gone, so the index never says "absent" for a file that is there.
 */
export interface FolderIndex {
  /** True only when `name` is known not to be in `folder`; false means "look on disk". */
  lacks(folder: string, name: string): boolean;
  /** Call before a file named `name` may appear in `folder` (before its rename). */
  adding(folder: string, name: string): void;
  /** Call after `name` was removed from `folder` (or failed to appear). */
  removed(folder: string, name: string): void;
}

/** A {@link FolderIndex} over the real disk. */
export function createFolderIndex(): FolderIndex {
  /** Listed folders (recency order); null marks one too big to keep. */
  const known = new Map<string, Set<string> | null>();
  /** Folders found too big, never listed again (kept apart so recency never evicts them). */
  const tooBig = new Set<string>();
  /**
   * Changes made while a folder is being listed, replayed onto the listing: the listing may or
   * may not show each one, and replaying makes it right either way (an add only ever makes the
   * index say "look on disk"; a removal is already done when it is noted).
   */
  const loading = new Map<string, [add: boolean, name: string][]>();

  function keep(folder: string, names: Set<string> | null): void {
    if (names === null) {
      tooBig.add(folder);
      return;
    }
    known.set(folder, names);
    if (known.size > MAX_FOLDERS) {
      const oldest = known.keys().next();
      if (!oldest.done) known.delete(oldest.value);
    }
  }

  function load(folder: string): void {
    const changes: [boolean, string][] = [];
    loading.set(folder, changes);
    const settle = (names: string[] | null): void => {
      loading.delete(folder);
      if (names === null) return;
      const set = names.length <= MAX_NAMES ? new Set(names) : null;
      for (const [add, name] of changes) {
        if (add) set?.add(name);
        else set?.delete(name);
      }
      keep(folder, set);
    };
    readdir(folder).then(settle, (error: NodeJS.ErrnoException) =>
      settle(error.code === 'ENOENT' || error.code === 'ENOTDIR' ? [] : null),
    );
  }

  function change(folder: string, add: boolean, name: string): void {
    loading.get(folder)?.push([add, name]);
    const names = known.get(folder);
    if (add) names?.add(name);
    else names?.delete(name);
  }

  return {
    lacks(folder, name) {
      const names = known.get(folder);
      if (names === undefined) {
        if (!loading.has(folder) && !tooBig.has(folder)) load(folder);
        return false;
      }
      known.delete(folder); // refresh recency
      known.set(folder, names);
      return names !== null && !names.has(name);
    },
    adding: (folder, name) => change(folder, true, name),
    removed: (folder, name) => change(folder, false, name),
  };
}

/**
 * Syncs folders after a rename through descriptors kept open (the most recently used ones), so
 * it costs one `fsync` instead of open, fsync and close. Syncs of one folder are group-committed:
 * a caller joins the next `fsync` of the folder that starts after its call (never one already
 * running, which may have begun before its rename), so renames landing together in one folder
 * share one folder `fsync` — and one thread-pool thread — instead of queueing one each.
 */
export interface FolderSyncer {
  sync(folder: string): Promise<void>;
  /**
   * Call when `folder` was removed: its descriptor points at the removed folder, and a new
   * folder of the same name needs one of its own. Closed once no sync uses it.
   */
  removed(folder: string): void;
  /** Closes every descriptor once unused. */
  close(): Promise<void>;
}

interface Held {
  readonly fd: Promise<number>;
  users: number;
  dropped: boolean;
  closed: Promise<void> | null;
  /** The fsync under way, if any. */
  running: Promise<void> | null;
  /** The fsync that starts once `running` is done: what new callers join. */
  queued: Promise<void> | null;
}

/** The descriptor calls a {@link FolderSyncer} makes (tests pass slow or counting ones). */
export interface FolderOps {
  open(folder: string): Promise<number>;
  fsync(fd: number): Promise<void>;
  close(fd: number): Promise<void>;
}

const folderOps: FolderOps = { open: (folder) => open(folder, 'r'), fsync, close };

/** Starts an fsync of the folder now. */
function startSync(entry: Held, ops: FolderOps): Promise<void> {
  const run = entry.fd.then((fd) => ops.fsync(fd));
  entry.running = run;
  const done = (): void => {
    if (entry.running === run) entry.running = null;
  };
  run.then(done, done);
  return run;
}

/** An fsync of the folder that starts after this call: the queued one, or a new one. */
function nextSync(entry: Held, ops: FolderOps): Promise<void> {
  if (entry.queued) return entry.queued;
  const before = entry.running;
  if (!before) return startSync(entry, ops);
  const queued = before
    .catch(() => undefined)
    .then(() => {
      entry.queued = null; // callers from now on may need the one after this
      return startSync(entry, ops);
    });
  entry.queued = queued;
  return queued;
}

/** Closes a dropped descriptor once no sync uses it, exactly once (fd numbers are reused). */
function release(entry: Held, ops: FolderOps): Promise<void> {
  if (!entry.dropped || entry.users > 0) return Promise.resolve();
  entry.closed ??= entry.fd.then((fd) => ops.close(fd)).catch(() => undefined);
  return entry.closed;
}

/** A {@link FolderSyncer} keeping up to `max` descriptors open. */
export function createFolderSyncer(max = 64, ops: FolderOps = folderOps): FolderSyncer {
  const held = new Map<string, Held>(); // recency order

  function drop(folder: string, entry: Held): Promise<void> {
    if (held.get(folder) === entry) held.delete(folder);
    entry.dropped = true;
    return release(entry, ops);
  }

  return {
    async sync(folder) {
      let entry = held.get(folder);
      if (entry) {
        held.delete(folder); // refresh recency
      } else {
        entry = {
          fd: ops.open(folder),
          users: 0,
          dropped: false,
          closed: null,
          running: null,
          queued: null,
        };
      }
      held.set(folder, entry);
      for (const [name, other] of held) {
        if (held.size <= max) break;
        if (other.users === 0 && other !== entry) void drop(name, other);
      }
      entry.users += 1;
      try {
        await nextSync(entry, ops);
      } catch (error) {
        void drop(folder, entry); // a failed open or sync: start afresh next time
        throw error;
      } finally {
        entry.users -= 1;
        void release(entry, ops);
      }
    },
    removed(folder) {
      const entry = held.get(folder);
      if (entry) void drop(folder, entry);
    },
    async close() {
      await Promise.all([...held].map(([folder, entry]) => drop(folder, entry)));
    },
  };
}
