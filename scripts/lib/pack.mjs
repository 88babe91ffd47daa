// Packs the publishable packages as `pnpm publish` would (workspace ranges rewritten), for the
// checks that meet them the way a retailer's developer does: outside the workspace.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** Every publishable package (folder names under packages/), in dependency order. */
export const PACKAGES = ['protocol', 'server', 'models', 'sdk', 'embed', 'vite-plugin'];

/** Runs a command, returning its stdout; throws (with stdout and stderr) when it fails. */
export const sh = (cmd, args, cwd, env = process.env) =>
  execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Packs every package of {@link PACKAGES} into `dest` with one pnpm call; returns each
 * package's tarball path by folder name. Needs the packages built.
 */
export function packAll(dest) {
  const filters = PACKAGES.flatMap((name) => ['--filter', `./packages/${name}`]);
  sh('npx', ['-y', 'pnpm@10.34.8', '-r', ...filters, 'pack', '--pack-destination', dest], root);
  return Object.fromEntries(
    PACKAGES.map((name) => {
      const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
      const tarball = join(
        dest,
        `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`,
      );
      if (!existsSync(tarball)) throw new Error(`pnpm pack made no ${tarball}`);
      return [name, tarball];
    }),
  );
}
