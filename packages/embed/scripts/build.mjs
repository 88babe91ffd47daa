// Builds the one self-hostable folder a retailer serves:
//   dist/fittingroom-loader.js   the script-tag loader (IIFE) + dist/sri.json with its SRI hash
//   dist/fittingroom/            the SDK's ESM build (tryon.js entry, index.js, chunks)
//   dist/fittingroom/assets/     the assets folder: @fittingroom/models dist + the SDK's ml-worker.js
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyAssets } from '@fittingroom/vite-plugin';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const sdkDist = join(root, 'node_modules', '@fittingroom', 'sdk', 'dist');
const modelsDist = join(root, 'node_modules', '@fittingroom', 'models', 'dist');

function need(dir, what) {
  if (!existsSync(join(dir, what))) {
    console.error(
      `✖ ${join(dir, what)} is missing: build @fittingroom/sdk and @fittingroom/models first.`,
    );
    process.exit(1);
  }
}

need(sdkDist, 'tryon.js');
need(sdkDist, 'ml-worker.js');
need(modelsDist, 'manifest.json');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });

// The SDK build is flat (entries and chunks side by side); its type declarations (in
// sub-folders) are for bundlers, not for a served folder. Its worker goes to the assets folder.
mkdirSync(join(dist, 'fittingroom'));
for (const file of readdirSync(sdkDist)) {
  if (/\.js(\.map)?$/.test(file) && !file.startsWith('ml-worker.'))
    copyFileSync(join(sdkDist, file), join(dist, 'fittingroom', file));
}
copyAssets(join(dist, 'fittingroom', 'assets'), {
  modelsDir: modelsDist,
  workerFile: join(sdkDist, 'ml-worker.js'),
});

const loader = readFileSync(join(dist, 'fittingroom-loader.js'));
const integrity = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
writeFileSync(
  join(dist, 'sri.json'),
  `${JSON.stringify({ 'fittingroom-loader.js': integrity }, null, 2)}\n`,
);
console.log(`fittingroom-loader.js  ${loader.length} bytes  integrity="${integrity}"`);
console.log(`→ ${dist}`);
