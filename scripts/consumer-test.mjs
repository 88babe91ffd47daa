#!/usr/bin/env node
// Consumer tests: packs every package, lays out a Vite + React app, a Next.js App Router app
// (built with Turbopack and with webpack) and a script-tag page in a temp folder outside the
// workspace, installs only the tarballs and public npm packages (npm, the one shared npm
// cache), builds each, starts the ingest server from its tarball with NODE_ENV=production, and
// runs e2e/consumer (Playwright, Chromium): one journey per app and a grep of each client
// bundle for build-machine paths. Prints each phase's time.
// `node scripts/consumer-test.mjs [--json <report.json>] [--reuse <dir>] [-- <playwright args>]`;
// FR_KEEP_CONSUMER=1 keeps the folder, FR_E2E_LOCK=<file> holds a lock for the Playwright run.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { env, freePort, phase, serve, step, stopAll, timings } from './consumer/run.mjs';
import { scaffold } from './consumer/scaffold.mjs';
import { packAll, root } from './lib/pack.mjs';

const started = Date.now();
const arg = (name) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null;
const jsonOut = arg('--json');
// --reuse <dir>: the apps an earlier run built and kept (FR_KEEP_CONSUMER=1), for iterating on
// the journeys without rebuilding; nothing is packed, installed or built again.
const reuse = arg('--reuse');
const work = reuse ? resolve(reuse) : mkdtempSync(join(tmpdir(), 'fr-consumer-'));
const logs = join(work, 'logs');
const stateFile = join(work, 'state.json');
if (reuse && !existsSync(stateFile)) {
  console.error(
    `✖ consumer: ${stateFile} is missing (keep a run's folder with FR_KEEP_CONSUMER=1)`,
  );
  process.exit(1);
}
mkdirSync(logs, { recursive: true });

const install = (dir) =>
  step(
    logs,
    `install-${dir}`,
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn'],
    join(work, dir),
  );

/** Packs, lays out, installs and builds the apps; returns what a reuse needs. */
async function buildAll() {
  const tarballs = await phase('pack', () => {
    const dest = join(work, 'tarballs');
    mkdirSync(dest);
    return packAll(dest);
  });
  const ports = { ingest: 0, vite: 0, turbopack: 0, webpack: 0, static: 0 };
  for (const key of Object.keys(ports)) ports[key] = await freePort();
  scaffold(work, tarballs, `http://127.0.0.1:${ports.ingest}`);
  // Side by side: installs wait on the disk and the network more than on the cores.
  const dirs = ['ingest', 'static', 'vite', 'next'];
  const installed = await phase('install', async () => {
    const ok = await Promise.all(dirs.map(install));
    return Object.fromEntries(dirs.map((dir, i) => [dir, ok[i]]));
  });
  const ingestEnv = { FR_INGEST: `http://127.0.0.1:${ports.ingest}` };
  const next = join(work, 'next');
  // One after the other: each build uses both cores. The two Next.js builds share one install.
  const built = await phase('build', async () => {
    const page = join(work, 'static');
    if (installed.static)
      cpSync(join(page, 'node_modules/@fittingroom/embed/dist'), join(page, 'site/fr'), {
        recursive: true,
      });
    const nextBuild = (key, args, more = {}) =>
      installed.next &&
      step(logs, `build-${key}`, 'npm', ['run', 'build', ...args], next, {
        ...ingestEnv,
        NEXT_DIST_DIR: `.next-${key}`,
        ...more,
      });
    const vite =
      installed.vite &&
      (await step(logs, 'build-vite', 'npm', ['run', 'build'], join(work, 'vite'), {
        VITE_FR_INGEST: ingestEnv.FR_INGEST,
      }));
    const turbopack = await nextBuild('turbopack', []);
    // Once the Turbopack build type-checked these sources, webpack's need not (next.config.mjs).
    const webpack = await nextBuild('webpack', ['--', '--webpack'], {
      FR_TYPES_CHECKED: turbopack ? '1' : '0',
    });
    return { static: installed.static, vite, turbopack, webpack };
  });
  return { ports, installed, built };
}

const state = reuse ? JSON.parse(readFileSync(stateFile, 'utf8')) : await buildAll();
writeFileSync(stateFile, JSON.stringify(state, null, 2));
const { ports, installed, built } = state;
const url = (key) => `http://127.0.0.1:${ports[key]}`;
const ingestEnv = { FR_INGEST: url('ingest'), VITE_FR_INGEST: url('ingest') };
const next = join(work, 'next');
const apps = [
  { name: 'vite', key: 'vite', client: join(work, 'vite', 'dist') },
  { name: 'next-turbopack', key: 'turbopack', client: join(next, '.next-turbopack', 'static') },
  { name: 'next-webpack', key: 'webpack', client: join(next, '.next-webpack', 'static') },
  { name: 'static', key: 'static', client: join(work, 'static', 'site') },
].map((app) => ({ ...app, url: url(app.key) }));

// The retailer's secret key: the journeys read each shared image back with it.
const retailerKey = `sk_live_${randomBytes(18).toString('hex')}`;
await phase('start servers', async () => {
  const origins = apps.map((app) => app.url).join(',');
  const ingestOk =
    installed.ingest &&
    (await serve(
      logs,
      'ingest',
      join(work, 'ingest/node_modules/.bin/fittingroom-server'),
      [],
      join(work, 'ingest'),
      {
        NODE_ENV: 'production',
        PORT: String(ports.ingest),
        DATA_DIR: join(work, 'ingest', 'data'),
        FR_PUBLISHABLE_KEYS: 'pk_consumer_shop',
        FR_LIVE_KEYS: retailerKey,
        FR_ALLOWED_ORIGINS: origins,
        FR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        FR_LOG_LEVEL: 'warn',
      },
      `${url('ingest')}/healthz`,
    ));
  const bin = (dir, name) => join(work, dir, 'node_modules', '.bin', name);
  // One Next.js app, two builds (NEXT_DIST_DIR), each served by `next start`.
  const nextStart = (key) => () =>
    serve(
      logs,
      `serve-${key}`,
      bin('next', 'next'),
      ['start', '-p', String(ports[key]), '-H', '127.0.0.1'],
      next,
      { ...ingestEnv, NEXT_DIST_DIR: `.next-${key}` },
      url(key),
    );
  const starts = {
    vite: () =>
      serve(
        logs,
        'serve-vite',
        bin('vite', 'vite'),
        ['preview', '--port', String(ports.vite), '--strictPort', '--host', '127.0.0.1'],
        join(work, 'vite'),
        ingestEnv,
        url('vite'),
      ),
    turbopack: nextStart('turbopack'),
    webpack: nextStart('webpack'),
    static: () =>
      serve(
        logs,
        'serve-static',
        process.execPath,
        ['serve.mjs'],
        join(work, 'static'),
        { ...ingestEnv, PORT: String(ports.static) },
        url('static'),
      ),
  };
  for (const app of apps) {
    app.built = Boolean(built[app.key]);
    app.served = app.built && ingestOk && (await starts[app.key]());
  }
});

const manifest = join(work, 'consumer.json');
writeFileSync(
  manifest,
  JSON.stringify({ work, root, ingest: url('ingest'), retailerKey, apps }, null, 2),
);
// Arguments after `--` go to Playwright (e.g. `-- --grep static`).
const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const playwright = [
  'playwright',
  'test',
  '-c',
  'e2e/consumer.config.ts',
  jsonOut ? '--reporter=list,json' : '--reporter=list',
  ...extra,
];
const pwEnv = {
  ...env,
  FR_CONSUMER: manifest,
  ...(jsonOut ? { PLAYWRIGHT_JSON_OUTPUT_NAME: jsonOut } : {}),
};
// FR_E2E_LOCK=<file>: on a machine shared with other browser tests, hold this lock (flock)
// for the Playwright run only — the builds above need no lock.
const lock = process.env.FR_E2E_LOCK;
const status = await phase('journeys', () => {
  const [cmd, args] = lock ? ['flock', [lock, 'npx', ...playwright]] : ['npx', playwright];
  return spawnSync(cmd, args, { cwd: root, env: pwEnv, stdio: 'inherit' }).status;
});

stopAll();
const total = (Date.now() - started) / 1000;
console.log(
  `consumer: ${timings.map(([n, s]) => `${n} ${s.toFixed(0)} s`).join(', ')}; total ${total.toFixed(0)} s`,
);
if (process.env.FR_KEEP_CONSUMER || reuse) console.log(`consumer: kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(status === 0 ? 0 : 1);
