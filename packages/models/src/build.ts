/**
 * `tsx src/build.ts [--force] [--update-lock]`: builds the self-hostable assets folder `dist/`
 * and checks it against `manifest.lock.json`. Skips the work when `dist/` already matches the
 * lock; `--force` rebuilds anyway; `--update-lock` rebuilds and rewrites the lock.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildAssets } from './assets.js';
import {
  createManifest,
  diffManifests,
  MANIFEST_FILE,
  type Manifest,
  parseManifest,
  serializeManifest,
} from './manifest.js';
import { assetsDir, lockPath } from './paths.js';
import { buildFingerprint, cacheDir, readStamp, stampPath } from './stamp.js';

const args = new Set(process.argv.slice(2));
const known = new Set(['--force', '--update-lock']);
const started = performance.now();
const elapsed = (): string => `${Math.round(performance.now() - started)} ms`;
const show = (p: string): string => relative(process.cwd(), p) || '.';

function fail(lines: string[]): never {
  for (const l of lines) console.error(`models: ${l}`);
  process.exit(1);
}

function readLock(): Manifest | null {
  if (!existsSync(lockPath)) return null;
  return parseManifest(readFileSync(lockPath, 'utf8'), show(lockPath));
}

/** True when dist/ holds exactly the locked files (hashes re-checked, not trusted). */
function distMatches(lock: Manifest): boolean {
  const manifest = join(assetsDir, MANIFEST_FILE);
  if (!existsSync(manifest) || readFileSync(manifest, 'utf8') !== serializeManifest(lock)) {
    return false;
  }
  return diffManifests(createManifest(assetsDir, lock.tasksVision), lock).length === 0;
}

function printManifest(m: Manifest): void {
  for (const f of m.files) {
    console.log(`  ${f.file.padEnd(40)} ${String(f.bytes).padStart(10)} B  ${f.sha256}`);
  }
}

function main(): void {
  const unknown = [...args].filter((a) => !known.has(a));
  if (unknown.length) fail([`unknown option ${unknown.join(' ')} (use --force, --update-lock)`]);
  const force = args.has('--force');
  const updateLock = args.has('--update-lock');
  const lock = readLock();
  if (!lock && !updateLock) fail([`${show(lockPath)} is missing: run \`pnpm build:lock\``]);

  if (lock && !force && !updateLock && readStamp() === buildFingerprint() && distMatches(lock)) {
    console.log(`models: ${show(assetsDir)} is up to date with the lock, skipped (${elapsed()})`);
    return;
  }

  // Build next to dist/ (same file system) and swap only once the result is accepted.
  const staging = join(cacheDir, `staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let built: Manifest;
  try {
    built = buildAssets(staging);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  const problems = lock ? diffManifests(built, lock) : [];
  if (problems.length && !updateLock) {
    rmSync(staging, { recursive: true, force: true });
    fail([
      `build output does not match ${show(lockPath)}:`,
      ...problems.map((p) => `  ${p}`),
      'If the change is intended, run `pnpm --filter @fittingroom/models build:lock` and commit the lock.',
    ]);
  }
  rmSync(assetsDir, { recursive: true, force: true });
  renameSync(staging, assetsDir);
  console.log(`models: built ${built.files.length} files into ${show(assetsDir)}`);
  printManifest(built);
  if (updateLock) writeFileSync(lockPath, serializeManifest(built));
  writeFileSync(stampPath, `${buildFingerprint()}\n`); // after the lock: it is an input
  if (updateLock) {
    const what = !lock
      ? 'written'
      : problems.length
        ? `updated (${problems.length} changes)`
        : 'unchanged';
    console.log(`models: ${show(lockPath)} ${what}`);
  } else {
    console.log(`models: all ${built.files.length} files match ${show(lockPath)}`);
  }
  console.log(`models: done in ${elapsed()}`);
}

main();
