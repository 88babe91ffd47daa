import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { viewOf } from '../bytes.js';
import { createLineLog } from './append-log.js';
import { createFolderIndex, createFolderSyncer } from './fs-folders.js';
import { defaultOps, type FsOps, isErrno, isMissing, openAppend, readFrom } from './fs-io.js';
import { createReadCache } from './read-cache.js';
import {
  assertSafeKey,
  assertSafePrefix,
  type ObjectInfo,
  piecesOf,
  type Storage,
} from './types.js';

/** The injectable file operations (tests simulate slow or failing disks with them). */
export type { FsOps, WritableFile } from './fs-io.js';

/** Options of {@link openFsStorage}. */
export interface FsStorageOptions {
  /** Root folder (`DATA_DIR`): holds `objects/`, `tmp/` and `audit.log`. */
  readonly dir: string;
  /** Injected filesystem operations (tests simulate a crash mid-write with these). */
  readonly fs?: Partial<FsOps> | undefined;
  /** Small objects (records) kept in memory after a read; 0 turns the cache off. */
  readonly cacheEntries?: number;
}

/** Records are well under this; images are far over it and never cached. */
const CACHED_OBJECT_BYTES = 4096;

/**
 * Opens the embedded storage under `dir`. Objects live in `objects/<key>` (laid out by subject),
 * written atomically: temporary file in `tmp/`, fsync, rename, fsync of the folder. Leftover
 * temporary files from a crash are removed here, before anything is served. One process per
 * `dir`: that is what lets it cache small records and the folders it knows exist.
 */
export async function openFsStorage(options: FsStorageOptions): Promise<Storage> {
  const syncer = createFolderSyncer();
  const index = createFolderIndex();
  const ops: FsOps = { ...defaultOps, syncDir: syncer.sync, ...options.fs };
  const root = path.resolve(options.dir);
  const objects = path.join(root, 'objects');
  const tmp = path.join(root, 'tmp');
  await fsp.mkdir(objects, { recursive: true, mode: 0o700 });
  await fsp.rm(tmp, { recursive: true, force: true });
  await fsp.mkdir(tmp, { recursive: true, mode: 0o700 });
  // Kept open: opening and closing it for every event cost two syscalls per request.
  const audit = createLineLog(await openAppend(path.join(root, 'audit.log')));
  const cache = createReadCache({
    entries: options.cacheEntries ?? 2000,
    objectBytes: CACHED_OBJECT_BYTES,
  });
  // Temporary names: unique in `tmp/`, which is emptied above and used by this process alone,
  // so a counter does (fresh random bytes per put cost a CSPRNG call each).
  const tempPrefix = randomBytes(6).toString('hex');
  let tempCount = 0;
  /** Folders known to exist, so a put makes its folder only the first time. */
  const folders = new Set<string>([objects]);

  /** Maps a key to its file, refusing anything that would leave `objects/`. */
  function fileOf(key: string): string {
    assertSafeKey(key);
    // Safe segments (none empty, `.` or `..`) joined with `/` are already the resolved path;
    // path.resolve on every storage call showed in the ingest profile.
    const file = path.sep === '/' ? `${objects}/${key}` : path.resolve(objects, ...key.split('/'));
    if (!file.startsWith(objects + path.sep)) throw new Error(`key escapes storage: ${key}`);
    return file;
  }

  /** Removes now-empty folders from `dir` up to `objects/`, so erasure leaves no subject folder. */
  async function pruneEmpty(dir: string): Promise<void> {
    let current = dir;
    while (current.startsWith(objects + path.sep)) {
      try {
        await fsp.rmdir(current);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
      folders.delete(current);
      syncer.removed(current);
      current = path.dirname(current);
    }
  }

  async function walk(dir: string, out: ObjectInfo[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full, out);
      } else if (entry.isFile()) {
        try {
          const stat = await fsp.stat(full);
          const key = path.relative(objects, full).split(path.sep).join('/');
          out.push({ key, size: stat.size, modifiedAt: stat.mtime });
        } catch (error) {
          if (!isErrno(error, 'ENOENT')) throw error; // deleted while listing
        }
      }
    }
  }

  /**
   * Makes `folder` and any missing parents; syncs the parent of each new one, so the new folder
   * itself survives a crash (the rename only syncs the folder it lands in).
   */
  async function makeFolder(folder: string): Promise<void> {
    const first = await fsp.mkdir(folder, { recursive: true, mode: 0o700 });
    if (first === undefined) return;
    for (let made = folder; made.length >= first.length; made = path.dirname(made)) {
      await ops.syncDir(path.dirname(made));
    }
  }

  /** Moves a synced temporary file into place; remakes the folder if a deletion pruned it. */
  async function moveIntoPlace(temp: string, target: string): Promise<void> {
    const folder = path.dirname(target);
    if (!folders.has(folder)) await makeFolder(folder);
    // Noted before the file can appear (and kept if the rename fails: an older one may be there).
    index.adding(folder, path.basename(target));
    try {
      await ops.rename(temp, target);
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
      // The cached folder was removed by a concurrent delete's pruning: make it again, once.
      await makeFolder(folder);
      await ops.rename(temp, target);
    }
    folders.add(folder);
    await ops.syncDir(folder);
  }

  return {
    async put(key, body) {
      const target = fileOf(key);
      const pieces = piecesOf(body);
      const size = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
      tempCount += 1;
      const temp = path.join(tmp, `${tempPrefix}-${tempCount}.part`);
      const handle = await ops.openForWrite(temp);
      try {
        const { bytesWritten } = await handle.writev(pieces);
        if (bytesWritten !== size)
          throw new Error(`short write (${bytesWritten} of ${size} bytes)`);
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await fsp.rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      cache.forget(key);
      try {
        await moveIntoPlace(temp, target);
      } catch (error) {
        await fsp.rm(temp, { force: true });
        throw error;
      } finally {
        cache.forget(key); // also voids any read that began before the rename
      }
    },

    async get(key) {
      const file = fileOf(key);
      const hit = cache.get(key);
      if (hit) return hit;
      const done = cache.begin(key);
      try {
        const bytes = viewOf(await readFrom(file));
        done(bytes);
        return bytes;
      } catch (error) {
        done(null);
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async getHead(key, length) {
      if (!Number.isInteger(length) || length < 1) throw new RangeError('length must be ≥ 1');
      const file = fileOf(key);
      // Every new upload first looks for an earlier one: known absent, no failing `open`.
      if (index.lacks(path.dirname(file), path.basename(file))) return null;
      try {
        return viewOf(await readFrom(file, length));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      const file = fileOf(key);
      cache.forget(key);
      try {
        await fsp.rm(file, { force: true });
        index.removed(path.dirname(file), path.basename(file));
      } finally {
        cache.forget(key);
      }
      await pruneEmpty(path.dirname(file));
    },

    async list(prefix) {
      assertSafePrefix(prefix);
      const start = prefix === '' ? objects : path.join(objects, ...prefix.slice(0, -1).split('/'));
      const out: ObjectInfo[] = [];
      await walk(start, out);
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },

    appendAudit(line) {
      return audit.append(line);
    },

    async readAudit() {
      await audit.flushed();
      const text = await fsp.readFile(path.join(root, 'audit.log'), 'utf8');
      return text.split('\n').filter((line) => line !== '');
    },

    async close() {
      await audit.close();
      await syncer.close();
    },
  };
}
