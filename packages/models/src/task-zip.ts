import { unzipSync, type Zippable, zipSync } from 'fflate';

/** One named model inside a `.task` bundle. */
export interface TaskEntry {
  /** Name the tasks-vision wasm looks for, e.g. `hand_detector.tflite`. */
  name: string;
  data: Uint8Array;
}

/**
 * DOS timestamp for every entry. Built from local-time parts because fflate encodes
 * `getFullYear()`/`getHours()`…, which keeps the bytes identical in every time zone.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
/** Unix "regular file, rw-r--r--" in the upper half of the external attributes. */
const FILE_ATTRS = (0o100644 << 16) >>> 0;
const OS_UNIX = 3;

/**
 * Writes a `.task` bundle: a zip of stored (uncompressed) entries in the given order, with a
 * fixed timestamp and permissions, so the same inputs always give the same bytes.
 */
export function buildTask(entries: readonly TaskEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const { name, data } of entries) {
    if (name in files) throw new Error(`task zip: duplicate entry ${name}`);
    files[name] = [data, { level: 0, mtime: FIXED_MTIME, os: OS_UNIX, attrs: FILE_ATTRS }];
  }
  return zipSync(files);
}

/** Reads a `.task` bundle back into name → bytes (for tests and self-checks). */
export function readTask(task: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(task);
}
