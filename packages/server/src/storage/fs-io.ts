// Raw-descriptor file I/O for the filesystem adapter. The callback API with plain fds is used
// instead of `fs/promises`: a FileHandle per open (and its tracked close) showed up at the top of
// the ingest server's CPU profile, and `readFile` adds an fstat the adapter does not need.
import * as fs from 'node:fs';
import { promisify } from 'node:util';

const open = promisify(fs.open);
const close = promisify(fs.close);
const fsync = promisify(fs.fsync);
const read = promisify(fs.read);
const fstat = promisify(fs.fstat);
const writev = promisify(fs.writev);
const write = promisify(fs.write);

/** The subset of a writable file the adapter needs (so tests can inject a slow or failing disk). */
export interface WritableFile {
  /** Writes the pieces back to back in one call; resolves with how many bytes were written. */
  writev(pieces: readonly Uint8Array[]): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Filesystem operations used by the adapter; defaults are the ones below. */
export interface FsOps {
  /**
   * Creates `file` (it must not exist), mode 0600, for writing. The adapter calls `sync` after
   * writing; a file whose writes are synchronous already (`O_DSYNC`) may make it a no-op.
   */
  openForWrite(file: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  /** Makes a rename in `dir` durable (fsync of the folder). */
  syncDir(dir: string): Promise<void>;
}

const { O_WRONLY, O_CREAT, O_EXCL, O_DSYNC } = fs.constants;

/**
 * Flags of a new object's temporary file: created exclusively, and, where the platform has it,
 * `O_DSYNC`, so each write returns only once its data and the metadata needed to read it back
 * (size, blocks) are on disk — what `fdatasync` after the write gives, without another
 * thread-pool call per upload (each showed in the ingest profile). Without `O_DSYNC` (Windows)
 * the file is fsync'd instead.
 */
const WRITE_FLAGS = O_DSYNC === undefined ? 'wx' : O_WRONLY | O_CREAT | O_EXCL | O_DSYNC;
const noSync = (): Promise<void> => Promise.resolve();

/** The default operations: plain descriptors. */
export const defaultOps: FsOps = {
  async openForWrite(file) {
    const fd = await open(file, WRITE_FLAGS, 0o600);
    return {
      writev: (pieces) => writev(fd, pieces as Uint8Array[]),
      // Opened with O_DSYNC: each write was durable when it returned.
      sync: O_DSYNC === undefined ? () => fsync(fd) : noSync,
      close: () => close(fd),
    };
  },
  rename: promisify(fs.rename),
  async syncDir(dir) {
    const fd = await open(dir, 'r');
    try {
      await fsync(fd);
    } finally {
      await close(fd);
    }
  },
};

/** True when `error` is a Node system error with this code. */
export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** True for errors that mean "no such object" (a missing file or a file where a folder is). */
export function isMissing(error: unknown): boolean {
  return isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR');
}

/** Most records are a few hundred bytes: one read of this size takes them whole. */
const FIRST_READ = 16 * 1024;

/**
 * Reads `file` from the start: at most `limit` bytes, or to its end. A short read of a regular
 * file means its end (objects are never written in place), so a small file costs open, one read
 * and close; only a bigger one is measured (fstat) to read the rest at once.
 */
export async function readFrom(file: string, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const fd = await open(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.min(limit, FIRST_READ));
    let filled = (await read(fd, buffer, 0, buffer.length, 0)).bytesRead;
    while (filled === buffer.length && filled < limit) {
      const { size } = await fstat(fd);
      // One byte more than the size: the read coming up short then proves the end.
      const grown = Buffer.allocUnsafe(Math.min(limit, Math.max(size + 1, filled * 2)));
      buffer.copy(grown, 0, 0, filled);
      buffer = grown;
      const { bytesRead } = await read(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await close(fd);
  }
}

/** An open append-only file (`O_APPEND`): each write lands at the end, whole. */
export interface AppendFile {
  append(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens (creating, mode 0600) `file` for appending; the descriptor stays open until `close`. */
export async function openAppend(file: string): Promise<AppendFile> {
  const fd = await open(file, 'a', 0o600);
  return {
    async append(text) {
      let rest = Buffer.from(text, 'utf8');
      while (rest.length > 0) {
        const { bytesWritten } = await write(fd, rest, 0, rest.length);
        rest = rest.subarray(bytesWritten);
      }
    },
    close: () => close(fd),
  };
}
