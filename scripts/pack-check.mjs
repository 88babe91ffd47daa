#!/usr/bin/env node
// Packs every publishable package as npm would publish it and checks the tarballs the way a
// retailer's developer meets them, outside the workspace: README and LICENSE inside, no tests,
// no `workspace:` ranges, every `exports`/`bin` target present; then installs the tarballs into
// a fresh folder with npm (engine warnings fail the check), imports the Node packages in plain
// Node, runs `fittingroom-server --help`, installs the embed alone (nothing else comes with it)
// and type-checks the SDK's entries and the embed's files in a strict consumer.
// Needs the packages built. Exits 1 when anything is wrong, listing every problem.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGES, packAll, root, sh } from './lib/pack.mjs';

/** The embed tarball (loader, SDK and assets folder) stays under 15 MB. */
const EMBED_MAX_BYTES = 15_000_000;
const work = mkdtempSync(join(tmpdir(), 'fr-pack-'));
const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};

/** Every string target of an `exports` map (conditions and subpaths flattened). */
const targets = (exports) =>
  typeof exports === 'string' ? [exports] : Object.values(exports ?? {}).flatMap(targets);

const packed = packAll(work);
const tarballs = [];
for (const name of PACKAGES) {
  const tarball = packed[name];
  tarballs.push(tarball);
  const files = sh('tar', ['-tzf', tarball])
    .split('\n')
    .filter(Boolean)
    .map((f) => f.slice(8));
  const pkg = JSON.parse(sh('tar', ['-xzOf', tarball, 'package/package.json']));
  const at = `@fittingroom/${name}`;
  for (const required of ['README.md', 'LICENSE', 'package.json'])
    check(files.includes(required), `${at}: ${required} missing from the tarball`);
  check(!files.some((f) => /(^|\/)(test|tests)\/|\.test\.[jt]s$/.test(f)), `${at}: ships tests`);
  check(!JSON.stringify(pkg).includes('workspace:'), `${at}: a workspace: range is published`);
  for (const target of [...targets(pkg.exports), ...Object.values(pkg.bin ?? {})]) {
    const path = target.replace(/^\.\//, '');
    const isSource = pkg.exports && JSON.stringify(pkg.exports).includes(`"source":"${target}"`);
    if (!isSource) check(files.includes(path), `${at}: ${target} is exported but not shipped`);
  }
  for (const [condition, target] of Object.entries(pkg.exports?.['.'] ?? {}))
    if (condition !== 'source')
      check(
        !target.endsWith('.ts') || target.endsWith('.d.ts'),
        `${at}: . → ${target} is TypeScript`,
      );
  if (name === 'embed') {
    check(
      !pkg.dependencies || Object.keys(pkg.dependencies).length === 0,
      `${at}: has dependencies`,
    );
    const bytes = readFileSync(tarball).length;
    check(
      bytes < EMBED_MAX_BYTES,
      `${at}: the tarball is ${bytes} bytes (limit ${EMBED_MAX_BYTES})`,
    );
  }
  if (name === 'models' || name === 'embed')
    check(
      !files.some((f) => /vision_wasm_(nosimd_)?internal\./.test(f) || f.includes('nosimd')),
      `${at}: ships a classic or non-SIMD wasm the SDK never loads`,
    );
  console.log(`packed ${at}: ${files.length} files, ${readFileSync(tarball).length} bytes`);
}

// A consumer outside the workspace: only the tarballs and public npm packages.
const app = join(work, 'app');
mkdirSync(app);
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
);
// npm prints engine warnings on stderr: both streams are read.
const install = spawnSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--loglevel=warn', ...tarballs],
  { cwd: app, encoding: 'utf8', env: { ...process.env, npm_config_engine_strict: 'false' } },
);
const installLog = `${install.stdout}${install.stderr}`;
check(install.status === 0, `npm install of the tarballs failed:\n${installLog}`);
check(!/EBADENGINE/.test(installLog), `npm install warned about an engine:\n${installLog}`);
for (const [spec, probe] of [
  ['@fittingroom/protocol', 'typeof m.UploadResultSchema'],
  ['@fittingroom/server', 'typeof m.startServer'],
  ['@fittingroom/server/webhooks', 'typeof m.verifyWebhook'],
  ['@fittingroom/models', 'typeof m.assetsDir'],
  ['@fittingroom/vite-plugin', 'typeof m.fittingRoomAssets'],
  ['@fittingroom/sdk', 'typeof m.createTryOn'],
]) {
  try {
    const out = sh(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import('${spec}'); console.log(${probe});`],
      app,
    );
    check(
      ['string', 'function', 'object'].includes(out.trim()),
      `${spec}: imported, but ${probe} is ${out.trim()}`,
    );
  } catch (error) {
    problems.push(`${spec} does not import in plain Node: ${error.stderr ?? error.message}`);
  }
}
// The embed alone (a script-tag site): it installs without the SDK, the models or anything else.
const page = join(work, 'page');
mkdirSync(page);
writeFileSync(join(page, 'package.json'), JSON.stringify({ name: 'page', private: true }));
const embedInstall = spawnSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--loglevel=warn', packed.embed],
  { cwd: page, encoding: 'utf8' },
);
check(embedInstall.status === 0, `npm install of the embed alone failed:\n${embedInstall.stderr}`);
// Every installed package (`name` or `@scope/name`), whatever its depth in the tree.
const pageModules = readdirSync(join(page, 'node_modules'), { recursive: true }).filter((f) =>
  /(^|\/node_modules\/)(@[^/]+\/)?[^/@.][^/]*$/.test(f),
);
check(
  pageModules.join() === '@fittingroom/embed',
  `the embed installs more than itself: ${pageModules.join(', ')}`,
);

const help = sh(join(app, 'node_modules', '.bin', 'fittingroom-server'), ['--help'], app);
check(help.includes('FR_ALLOWED_ORIGINS'), 'fittingroom-server --help does not list the settings');

// The SDK's declarations and the embed's files in a strict consumer (bundler resolution, as
// Vite and Next.js use).
const sdkPkg = JSON.parse(
  readFileSync(join(app, 'node_modules/@fittingroom/sdk/package.json'), 'utf8'),
);
const subpaths = Object.keys(sdkPkg.exports).filter((s) => sdkPkg.exports[s]?.types);
writeFileSync(
  join(app, 'consumer.ts'),
  subpaths
    .map((s, i) => `import * as e${i} from '@fittingroom/sdk${s.slice(1)}';\nvoid e${i};`)
    .join('\n') +
    "\nimport type { TryOnOptions } from '@fittingroom/sdk';\nexport const options: Partial<TryOnOptions> = { assetsUrl: '/fittingroom/assets/' };\n",
);
// The embed's TypeScript surface: the loader as a side-effect import (which must resolve) and
// the SRI hashes a server writes into the script tag.
writeFileSync(
  join(app, 'embed.ts'),
  "import '@fittingroom/embed/loader';\nimport sri from '@fittingroom/embed/sri.json';\nexport const integrity: string = sri['fittingroom-loader.js'];\n",
);
writeFileSync(
  join(app, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'esnext',
      moduleResolution: 'bundler',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      skipLibCheck: false,
      types: [],
      resolveJsonModule: true,
      noUncheckedSideEffectImports: true,
    },
    files: ['consumer.ts', 'embed.ts'],
  }),
);
try {
  sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
} catch (error) {
  problems.push(
    `@fittingroom/sdk or embed does not type-check in a strict consumer:\n${error.stdout}`,
  );
}

rmSync(work, { recursive: true, force: true });
if (problems.length) {
  for (const problem of problems) console.error(`✖ ${problem}`);
  process.exit(1);
}
console.log(`✓ ${PACKAGES.length} packages pack, install outside the workspace and import`);
