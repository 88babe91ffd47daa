// Packs the publishable packages as `pnpm publish` would (workspace ranges rewritten), for the
// checks that meet them the way a retailer's developer does: outside the workspace.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** Every publishable package (folder names under packages/), in dependency order. */
export const PACKAGES = ['protocol', 'server', 'models', 'sdk', 'embed', 'vite-plugin'];

/** Runs a command, returning its stdout; throws (with stdout and stderr) when it fails. */
export const sh = (cmd, args, cwd, env = process.env) =>
  execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs one package into `dest`; returns the tarball's path. Needs the package built. */
export function pack(name, dest) {
  const out = sh(
    'npx',
    ['-y', 'pnpm@10.34.8', 'pack', '--pack-destination', dest],
    join(root, 'packages', name),
  );
  return out.trim().split('\n').at(-1);
}
