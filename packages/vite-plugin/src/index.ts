// `@fittingroom/vite-plugin`: hosts the SDK's assets folder on the app's own origin (Vite dev
// server and build), and the same copy for any other host (`fittingroom-assets <dir>`).
import { join } from 'node:path';
import sirv from 'sirv';
import type { Plugin, ResolvedConfig } from 'vite';
import { type AssetSources, assetSources, copyAssets, WORKER_FILE } from './assets.js';

export { type AssetSources, assetSources, copyAssets, WORKER_FILE } from './assets.js';

/** Options of {@link fittingRoomAssets}. */
export interface FittingRoomAssetsOptions {
  /** URL path of the assets folder (default `/fittingroom/assets/`); pass it as `assetsUrl`. */
  readonly base?: string;
  /** Where the files come from (default: the `@fittingroom/models` and `@fittingroom/sdk` the app installed). */
  readonly sources?: AssetSources;
}

/**
 * The Vite recipe for hosting Fitting Room's on-device ML files on your own origin: the assets
 * folder (models, wasm, tasks-vision and the SDK's inference worker) is served under `base` in
 * dev and copied to `<outDir><base>` by `vite build`. Nothing comes from a CDN, so a strict CSP
 * (`script-src 'self' 'wasm-unsafe-eval'`) holds.
 */
export function fittingRoomAssets(options: FittingRoomAssetsOptions = {}): Plugin {
  const base = options.base ?? '/fittingroom/assets/';
  let config: ResolvedConfig;
  let sources: AssetSources;
  return {
    name: 'fittingroom-assets',
    configResolved(resolved) {
      config = resolved;
      sources = options.sources ?? assetSources(resolved.root);
    },
    configureServer(server) {
      const models = sirv(sources.modelsDir, { dev: true });
      const worker = sirv(join(sources.workerFile, '..'), { dev: true });
      server.middlewares.use(base, (req, res, next) => {
        if (req.url?.split('?')[0] === `/${WORKER_FILE}`) worker(req, res, next);
        else models(req, res, next);
      });
    },
    writeBundle() {
      copyAssets(join(config.root, config.build.outDir, base), sources);
    },
  };
}
