import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageDir } from './paths.js';

/** The npm packages the assets are built from. */
export type SourcePackage = '@mediapipe/hands' | '@mediapipe/face_mesh' | '@mediapipe/tasks-vision';

/** An installed source package: its folder and version. */
export interface InstalledPackage {
  name: SourcePackage;
  dir: string;
  version: string;
}

function readJson(path: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof value !== 'object' || value === null) throw new Error(`${path}: not a JSON object`);
  return value as Record<string, unknown>;
}

/** The exact version this package pins for `name` in its package.json devDependencies. */
export function pinnedVersion(name: SourcePackage): string {
  const deps = readJson(join(packageDir, 'package.json')).devDependencies;
  const v =
    typeof deps === 'object' && deps !== null ? (deps as Record<string, unknown>)[name] : null;
  if (typeof v !== 'string' || !/^\d+\.\d+\.\d+$/.test(v)) {
    throw new Error(`package.json must pin ${name} to an exact version (found ${String(v)})`);
  }
  return v;
}

/**
 * Finds an installed package the way Node does (nearest `node_modules` upwards), reading its
 * package.json directly since some packages do not export it. Fails unless the installed
 * version is exactly the pinned one: the lock only holds for those bytes.
 */
export function locatePackage(name: SourcePackage): InstalledPackage {
  for (let dir = packageDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) {
      const version = readJson(join(candidate, 'package.json')).version;
      const pinned = pinnedVersion(name);
      if (version !== pinned) {
        throw new Error(`${name}: installed ${String(version)}, but ${pinned} is pinned`);
      }
      return { name, dir: candidate, version: pinned };
    }
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (run pnpm install)`);
  }
}
