import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The SDK's inference worker's file name inside the assets folder (where the SDK looks for it). */
export const WORKER_FILE = 'ml-worker.js';

/** Where the files of one self-hosted assets folder come from. */
export interface AssetSources {
  /** `@fittingroom/models` dist: the `.task` models, `wasm/`, `tasks-vision/`. */
  readonly modelsDir: string;
  /** `@fittingroom/sdk` dist `ml-worker.js`: one self-contained file. */
  readonly workerFile: string;
}

/**
 * Finds the installed `@fittingroom/models` and `@fittingroom/sdk` (resolved from `from`, default
 * the current working directory, i.e. the app that installed them).
 */
export function assetSources(from: string = process.cwd()): AssetSources {
  const require = createRequire(join(from, 'package.json'));
  const root = (name: string) => dirname(require.resolve(`${name}/package.json`));
  return {
    modelsDir: join(root('@fittingroom/models'), 'dist'),
    workerFile: join(root('@fittingroom/sdk'), 'dist', WORKER_FILE),
  };
}

/**
 * Copies one complete assets folder to `dir` (the models and the worker): serve `dir` and pass
 * its URL as `createTryOn({ assetsUrl })`.
 */
export function copyAssets(dir: string, sources: AssetSources = assetSources()): void {
  mkdirSync(dir, { recursive: true });
  cpSync(sources.modelsDir, dir, { recursive: true });
  copyFileSync(sources.workerFile, join(dir, WORKER_FILE));
}
