#!/usr/bin/env node
// `fittingroom-assets <dir>`: copies the SDK's assets folder (models, wasm, tasks-vision and the
// inference worker, from the @fittingroom/models and @fittingroom/sdk this project installed)
// to <dir>, e.g. `public/fittingroom/assets` in a Next.js app.
import { resolve } from 'node:path';
import { copyAssets } from '../dist/index.js';

const [dir, ...rest] = process.argv.slice(2);
if (!dir || rest.length > 0 || dir.startsWith('-')) {
  process.stderr.write('Usage: fittingroom-assets <dir>   (e.g. public/fittingroom/assets)\n');
  process.exit(dir === '--help' || dir === '-h' ? 0 : 2);
}
copyAssets(resolve(dir));
process.stdout.write(`Fitting Room assets copied to ${resolve(dir)}\n`);
