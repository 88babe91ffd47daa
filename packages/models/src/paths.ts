import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the `@fittingroom/models` package folder. */
export const packageDir: string = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Absolute path of the self-hostable assets folder (`dist/`): the `.task` bundles, `wasm/`,
 * `tasks-vision/vision_bundle.mjs`, `LICENSES.md` and `manifest.json`. Serve it as is.
 */
export const assetsDir: string = join(packageDir, 'dist');

/** Absolute path of `dist/manifest.json` (file sizes and sha256s of the assets). */
export const manifestPath: string = join(assetsDir, 'manifest.json');

/** Absolute path of the committed `manifest.lock.json` the build is checked against. */
export const lockPath: string = join(packageDir, 'manifest.lock.json');
