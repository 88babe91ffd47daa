import type { AppendFile } from './fs-io.js';

/** An append-only line log over an open file. */
export interface LineLog {
  /** Appends `line` and a newline; resolves once it is written. */
  append(line: string): Promise<void>;
  /** Resolves once every line appended so far is written. */
  flushed(): Promise<void>;
  /** Waits for queued lines, then closes the file. */
  close(): Promise<void>;
}

/**
 * Appends lines in order, one write at a time so lines never interleave. Lines that arrive while
 * a write is in flight go out together in the next one: under load, fifty uploads finishing at
 * once cost one or two writes, not fifty queued behind each other.
 */
export function createLineLog(file: AppendFile): LineLog {
  let queued: string[] = [];
  /** The write that will carry the queued lines, once the one before it is done. */
  let next: Promise<void> | null = null;
  /** The last write started (its failure belongs to its callers, not to later lines). */
  let tail: Promise<void> = Promise.resolve();
  return {
    append(line) {
      queued.push(`${line}\n`);
      if (next) return next;
      const write = tail.then(() => {
        const text = queued.join('');
        queued = [];
        next = null;
        return file.append(text);
      });
      next = write;
      tail = write.catch(() => undefined);
      return write;
    },
    async flushed() {
      await (next ?? tail).catch(() => undefined);
    },
    async close() {
      await tail;
      await file.close();
    },
  };
}
