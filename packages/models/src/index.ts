/** Node entry of `@fittingroom/models`: where the built, self-hostable assets live. */
export { assetsDir, lockPath, manifestPath, packageDir } from './paths.js';
