#!/usr/bin/env node
// Consumer tests: packs every package, lays out a Vite + React app, a Next.js App Router app
// (built with Turbopack and with webpack) and a script-tag page in a temp folder outside the
// workspace, installs only the tarballs and public npm packages (npm, the one shared npm
// cache), builds each, starts the ingest server from its tarball with NODE_ENV=production, and
// runs e2e/consumer (Playwright, Chromium under /tmp/fr-e2e.lock): one journey per app and a
// grep of each client bundle for build-machine paths. Prints each phase's time.
// `node scripts/consumer-test.mjs [--json <report.json>]`; FR_KEEP_CONSUMER=1 keeps the folder.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffold } from './consumer/scaffold.mjs';
import { packAll, root } from './lib/pack.mjs';

const started = Date.now();
const timings = [];
const work = mkdtempSync(join(tmpdir(), 'fr-consumer-'));
const logs = join(work, 'logs');
mkdirSync(logs);
const jsonOut = process.argv.includes('--json')
  ? process.argv[process.argv.indexOf('--json') + 1]
  : null;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false' };

/** Times one phase. */
async function phase(name, fn) {
  const t0 = Date.now();
  const result = await fn();
  timings.push([name, (Date.now() - t0) / 1000]);
  console.log(`consumer: ${name} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

/** Runs a command to a log file; returns true when it exits 0 (else prints the log's tail). */
function step(name, cmd, args, cwd, extraEnv = {}) {
  const log = join(logs, `${name}.log`);
  const fd = openSync(log, 'w');
  const r = spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', fd, fd] });
  if (r.status === 0) return true;
  const tail = readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
  console.error(`✖ consumer: ${name} failed (${cmd} ${args.join(' ')}):\n${tail}`);
  return false;
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const running = [];
/** Starts a long-running server; resolves once `url` answers (or rejects after 90 s). */
async function serve(name, cmd, args, cwd, extraEnv, url) {
  const fd = openSync(join(logs, `${name}.log`), 'w');
  const child = spawn(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', fd, fd] });
  running.push(child);
  for (let i = 0; i < 180; i++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(
    `✖ consumer: ${name} did not start:\n${readFileSync(join(logs, `${name}.log`), 'utf8')}`,
  );
  return false;
}

const install = (dir) =>
  step(
    `install-${dir}`,
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn'],
    join(work, dir),
  );

const tarballs = await phase('pack', () => {
  const dest = join(work, 'tarballs');
  mkdirSync(dest);
  return packAll(dest);
});
const ports = { ingest: 0, vite: 0, turbopack: 0, webpack: 0, static: 0 };
for (const key of Object.keys(ports)) ports[key] = await freePort();
const url = (key) => `http://127.0.0.1:${ports[key]}`;
scaffold(work, tarballs, url('ingest'));

const installed = await phase('install', () =>
  Object.fromEntries(['ingest', 'static', 'vite', 'next'].map((dir) => [dir, install(dir)])),
);
const ingestEnv = { FR_INGEST: url('ingest'), VITE_FR_INGEST: url('ingest') };
const next = join(work, 'next');
const built = await phase('build', () => {
  const page = join(work, 'static');
  if (installed.static)
    cpSync(join(page, 'node_modules/@fittingroom/embed/dist'), join(page, 'site/fr'), {
      recursive: true,
    });
  return {
    static: installed.static,
    vite:
      installed.vite && step('build-vite', 'npm', ['run', 'build'], join(work, 'vite'), ingestEnv),
    turbopack:
      installed.next &&
      step('build-turbopack', 'npm', ['run', 'build'], next, {
        ...ingestEnv,
        NEXT_DIST_DIR: '.next-turbopack',
      }),
    webpack:
      installed.next &&
      step('build-webpack', 'npm', ['run', 'build', '--', '--webpack'], next, {
        ...ingestEnv,
        NEXT_DIST_DIR: '.next-webpack',
      }),
  };
});

const apps = [
  { name: 'vite', url: url('vite'), client: join(work, 'vite', 'dist') },
  {
    name: 'next-turbopack',
    url: url('turbopack'),
    client: join(next, '.next-turbopack', 'static'),
  },
  { name: 'next-webpack', url: url('webpack'), client: join(next, '.next-webpack', 'static') },
  { name: 'static', url: url('static'), client: join(work, 'static', 'site') },
];
const keys = {
  vite: 'vite',
  'next-turbopack': 'turbopack',
  'next-webpack': 'webpack',
  static: 'static',
};
await phase('start servers', async () => {
  const origins = apps.map((app) => app.url).join(',');
  const ingestOk =
    installed.ingest &&
    (await serve(
      'ingest',
      join(work, 'ingest/node_modules/.bin/fittingroom-server'),
      [],
      join(work, 'ingest'),
      {
        NODE_ENV: 'production',
        PORT: String(ports.ingest),
        DATA_DIR: join(work, 'ingest', 'data'),
        FR_PUBLISHABLE_KEYS: 'pk_consumer_shop',
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
        'serve-static',
        process.execPath,
        ['serve.mjs'],
        join(work, 'static'),
        { ...ingestEnv, PORT: String(ports.static) },
        url('static'),
      ),
  };
  for (const app of apps) {
    const key = keys[app.name];
    app.built = Boolean(built[key]);
    app.served = app.built && ingestOk && (await starts[key]());
  }
});

const manifest = join(work, 'consumer.json');
writeFileSync(manifest, JSON.stringify({ work, root, ingest: url('ingest'), apps }, null, 2));
const playwright = ['playwright', 'test', '-c', 'e2e/consumer.config.ts', '--reporter=list,json'];
const pwEnv = {
  ...env,
  FR_CONSUMER: manifest,
  ...(jsonOut ? { PLAYWRIGHT_JSON_OUTPUT_NAME: jsonOut } : {}),
};
const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0;
const status = await phase('journeys', () => {
  const [cmd, args] = hasFlock
    ? ['flock', ['/tmp/fr-e2e.lock', 'npx', ...playwright]]
    : ['npx', playwright];
  return spawnSync(cmd, args, { cwd: root, env: pwEnv, stdio: 'inherit' }).status;
});

for (const child of running) child.kill('SIGTERM');
const total = (Date.now() - started) / 1000;
console.log(
  `consumer: ${timings.map(([n, s]) => `${n} ${s.toFixed(0)} s`).join(', ')}; total ${total.toFixed(0)} s`,
);
if (process.env.FR_KEEP_CONSUMER) console.log(`consumer: kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(status === 0 ? 0 : 1);
