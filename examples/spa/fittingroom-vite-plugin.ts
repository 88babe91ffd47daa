import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import sirv from 'sirv';
import type { Plugin, ResolvedConfig } from 'vite';

/** Options of {@link fittingRoomAssets}. */
export interface FittingRoomAssetsOptions {
  /** URL path the model assets are served under (default `/fittingroom/assets/`); pass it to `createTryOn({ assetsUrl })`. */
  readonly base?: string;
}

/** Relative files a built module imports statically (`import … from './x.js'`). */
function staticImports(source: string): string[] {
  const pattern =
    /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'](\.[^"']+)["']/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? '').filter(Boolean);
}

/** `ml-worker.js` and every chunk it imports, as paths relative to the SDK's dist. */
function workerFiles(sdkDist: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(sdkDist, file), 'utf8');
    for (const spec of staticImports(source))
      visit(posix.normalize(posix.join(posix.dirname(file), spec)));
  };
  visit('ml-worker.js');
  return [...seen];
}

/**
 * The Vite recipe for hosting Fitting Room's on-device ML files on your own origin:
 * - the model assets (`@fittingroom/models` dist: wasm, `.task` models, tasks-vision) are served
 *   under `base` in dev and copied to `<outDir><base>` by `vite build`;
 * - the SDK's inference worker (`ml-worker.js` and its chunks) is copied beside your bundled
 *   JavaScript (`<outDir>/<assetsDir>/`), where the bundled SDK looks for it
 *   (`new URL('./ml-worker.js', import.meta.url)`).
 * Nothing is fetched from a CDN, so a strict CSP (`script-src 'self' 'wasm-unsafe-eval'`) holds.
 */
export function fittingRoomAssets(options: FittingRoomAssetsOptions = {}): Plugin {
  const base = options.base ?? '/fittingroom/assets/';
  const require = createRequire(import.meta.url);
  const modelsDist = join(dirname(require.resolve('@fittingroom/models/package.json')), 'dist');
  const sdkDist = join(dirname(require.resolve('@fittingroom/sdk/package.json')), 'dist');
  let config: ResolvedConfig;
  return {
    name: 'fittingroom-assets',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(base, sirv(modelsDist, { dev: true }));
    },
    writeBundle() {
      const outDir = join(config.root, config.build.outDir);
      cpSync(modelsDist, join(outDir, base), { recursive: true });
      const jsDir = join(outDir, config.build.assetsDir);
      mkdirSync(jsDir, { recursive: true });
      for (const file of workerFiles(sdkDist)) copyFileSync(join(sdkDist, file), join(jsDir, file));
    },
  };
}
