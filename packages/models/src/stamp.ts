import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from './manifest.js';
import { packageDir } from './paths.js';
import { locatePackage, type SourcePackage } from './sources.js';

const SOURCES: readonly SourcePackage[] = [
  '@mediapipe/hands',
  '@mediapipe/face_mesh',
  '@mediapipe/tasks-vision',
];

/** Scratch space next to dist/ (same file system, so a finished build can be renamed in). */
export const cacheDir: string = join(packageDir, 'node_modules', '.cache', 'fittingroom-models');

/** Where the fingerprint of the last accepted build is kept. */
export const stampPath: string = join(cacheDir, 'build.stamp');

/**
 * Fingerprint of everything that decides the build output except the (pinned, version-checked)
 * npm package contents: the build sources, licence text, package.json, lock and installed
 * versions. A build is skipped only when this and dist/ both match, so editing the build code
 * is never hidden by an up-to-date dist/.
 */
export function buildFingerprint(): string {
  const srcDir = join(packageDir, 'src');
  const parts: string[] = readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => `${f}\n${readFileSync(join(srcDir, f), 'utf8')}`);
  for (const f of ['package.json', 'manifest.lock.json', 'licenses/Apache-2.0.txt']) {
    const path = join(packageDir, f);
    parts.push(`${f}\n${existsSync(path) ? readFileSync(path, 'utf8') : ''}`);
  }
  for (const name of SOURCES) parts.push(`${name}@${locatePackage(name).version}`);
  return sha256Hex(new TextEncoder().encode(parts.join('\0')));
}

/** The fingerprint stored by the last accepted build, or null. */
export function readStamp(): string | null {
  return existsSync(stampPath) ? readFileSync(stampPath, 'utf8').trim() : null;
}
