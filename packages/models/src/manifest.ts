import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file of the assets folder. */
export interface ManifestFile {
  /** Path relative to the assets folder, with `/` separators. */
  file: string;
  bytes: number;
  /** Lower-case hex sha256 of the file. */
  sha256: string;
}

/** `dist/manifest.json` and `manifest.lock.json`. */
export interface Manifest {
  /** Version of `@mediapipe/tasks-vision` the wasm and bundle come from. */
  tasksVision: string;
  /** Every file of the assets folder except manifest.json, sorted by path. */
  files: ManifestFile[];
}

/** Name of the manifest inside the assets folder (not listed in itself). */
export const MANIFEST_FILE = 'manifest.json';

/** Hex sha256 of some bytes. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Code-unit order, so sorting never depends on the machine's locale. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** All files under `dir`, as sorted relative `/` paths. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort(byPath);
}

/** Hashes every file of an assets folder (except the manifest itself). */
export function createManifest(dir: string, tasksVision: string): Manifest {
  const files = listFiles(dir)
    .filter((f) => f !== MANIFEST_FILE)
    .map((file) => {
      const data = readFileSync(join(dir, file));
      return { file, bytes: data.length, sha256: sha256Hex(data) };
    });
  return { tasksVision, files };
}

/** Stable JSON text of a manifest (2-space indent, trailing newline). */
export function serializeManifest(m: Manifest): string {
  const files = m.files.map(({ file, bytes, sha256 }) => ({ file, bytes, sha256 }));
  return `${JSON.stringify({ tasksVision: m.tasksVision, files }, null, 2)}\n`;
}

function isManifestFile(v: unknown): v is ManifestFile {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.file === 'string' &&
    Number.isSafeInteger(r.bytes) &&
    typeof r.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(r.sha256)
  );
}

/** Parses and validates manifest JSON; `source` names the file in error messages. */
export function parseManifest(text: string, source: string): Manifest {
  const v: unknown = JSON.parse(text);
  const r = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (
    typeof r.tasksVision !== 'string' ||
    !Array.isArray(r.files) ||
    !r.files.every(isManifestFile)
  ) {
    throw new Error(`${source}: not a valid manifest`);
  }
  return { tasksVision: r.tasksVision, files: r.files };
}

/**
 * Differences between a built manifest and the expected (locked) one, one message per file,
 * each naming the file. Empty when they match.
 */
export function diffManifests(actual: Manifest, expected: Manifest): string[] {
  const problems: string[] = [];
  if (actual.tasksVision !== expected.tasksVision) {
    problems.push(`tasksVision: built ${actual.tasksVision}, lock has ${expected.tasksVision}`);
  }
  const want = new Map(expected.files.map((f) => [f.file, f]));
  const got = new Map(actual.files.map((f) => [f.file, f]));
  for (const [file, a] of got) {
    const e = want.get(file);
    if (!e) problems.push(`${file}: built, but not in the lock`);
    else if (a.sha256 !== e.sha256 || a.bytes !== e.bytes) {
      problems.push(
        `${file}: sha256 ${a.sha256} (${a.bytes} B) differs from the lock ${e.sha256} (${e.bytes} B)`,
      );
    }
  }
  for (const file of want.keys()) {
    if (!got.has(file)) problems.push(`${file}: in the lock, but not built`);
  }
  return problems;
}
