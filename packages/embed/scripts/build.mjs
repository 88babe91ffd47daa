// Builds the one self-hostable folder a retailer serves:
//   dist/fittingroom-loader.js   the script-tag loader (IIFE) + dist/sri.json with its SRI hash
//   dist/fittingroom/            the SDK's ESM build (tryon.js entry, index.js, chunks)
//   dist/fittingroom/assets/     the assets folder: @fittingroom/models dist (less the lite hand
//                                model) + the SDK's ml-worker.js
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
const assets = join(dist, 'fittingroom', 'assets');
copyAssets(assets, { modelsDir: modelsDist, workerFile: join(sdkDist, 'ml-worker.js') });
// The script tag has no way to choose the lite hand model (only the SDK's `createLandmarker`
// does), so the folder leaves it out: 4 MB less to install and to host.
const UNUSED = ['hand_landmarker_lite.task'];
for (const file of UNUSED) rmSync(join(assets, file));
const manifest = JSON.parse(readFileSync(join(assets, 'manifest.json'), 'utf8'));
manifest.files = manifest.files.filter((entry) => !UNUSED.includes(entry.file));
writeFileSync(join(assets, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const loader = readFileSync(join(dist, 'fittingroom-loader.js'));
const integrity = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
writeFileSync(
  join(dist, 'sri.json'),
  `${JSON.stringify({ 'fittingroom-loader.js': integrity }, null, 2)}\n`,
);
console.log(`fittingroom-loader.js  ${loader.length} bytes  integrity="${integrity}"`);
console.log(`→ ${dist}`);
