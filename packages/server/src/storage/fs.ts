import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { assertSafeKey, assertSafePrefix, type ObjectInfo, type Storage } from './types.js';

/** The subset of a writable file handle the adapter needs (so tests can inject a slow disk). */
export interface WritableFile {
  write(data: Uint8Array): Promise<unknown>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Filesystem operations used by the adapter; defaults are `node:fs/promises`. */
export interface FsOps {
  openForWrite(file: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
}

/** Options of {@link openFsStorage}. */
export interface FsStorageOptions {
  /** Root folder (`DATA_DIR`): holds `objects/`, `tmp/` and `audit.log`. */
  readonly dir: string;
  /** Injected filesystem operations (tests simulate a crash mid-write with these). */
  readonly fs?: Partial<FsOps>;
}

const defaultOps: FsOps = {
  openForWrite: (file) => fsp.open(file, 'wx', 0o600),
  rename: (from, to) => fsp.rename(from, to),
  async syncDir(dir) {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/**
 * Opens the embedded storage under `dir`. Objects live in `objects/<key>` (laid out by subject),
 * written atomically: temporary file in `tmp/`, fsync, rename, fsync of the folder. Leftover
 * temporary files from a crash are removed here, before anything is served. One process per `dir`.
 */
export async function openFsStorage(options: FsStorageOptions): Promise<Storage> {
  const ops: FsOps = { ...defaultOps, ...options.fs };
  const root = path.resolve(options.dir);
  const objects = path.join(root, 'objects');
  const tmp = path.join(root, 'tmp');
  const auditFile = path.join(root, 'audit.log');
  await fsp.mkdir(objects, { recursive: true, mode: 0o700 });
  await fsp.rm(tmp, { recursive: true, force: true });
  await fsp.mkdir(tmp, { recursive: true, mode: 0o700 });
  let auditChain: Promise<void> = Promise.resolve();

  /** Maps a key to its file, refusing anything that would leave `objects/`. */
  function fileOf(key: string): string {
    assertSafeKey(key);
    const file = path.resolve(objects, ...key.split('/'));
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
      current = path.dirname(current);
    }
  }

  async function walk(dir: string, out: ObjectInfo[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return;
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

  return {
    async put(key, body) {
      const target = fileOf(key);
      const temp = path.join(tmp, `${randomBytes(12).toString('hex')}.part`);
      const handle = await ops.openForWrite(temp);
      try {
        await handle.write(body);
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await fsp.rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      try {
        await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        await ops.rename(temp, target);
        await ops.syncDir(path.dirname(target));
      } catch (error) {
        await fsp.rm(temp, { force: true });
        throw error;
      }
    },

    async get(key) {
      try {
        return new Uint8Array(await fsp.readFile(fileOf(key)));
      } catch (error) {
        if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return null;
        throw error;
      }
    },

    async delete(key) {
      const file = fileOf(key);
      await fsp.rm(file, { force: true });
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
      // Serialized so concurrent events never interleave; 'a' opens with O_APPEND.
      const next = auditChain.then(() =>
        fsp.appendFile(auditFile, `${line}\n`, { flag: 'a', mode: 0o600 }),
      );
      auditChain = next.catch(() => undefined);
      return next;
    },

    async close() {
      await auditChain;
    },
  };
}
