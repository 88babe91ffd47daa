#!/usr/bin/env node
// One entry point for a fresh machine with only Node 20: `test`, `demo` and `bench` install what
// they need (pnpm via npx, Chromium and ffmpeg via apt-get on Debian as root), build, and run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.8';
const [major, minor] = process.versions.node.split('.').map(Number);

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`${cmd} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function must(cmd, args, options) {
  const status = run(cmd, args, options);
  if (status !== 0) fail(`${[cmd, ...args].join(' ')} exited with ${status}`);
}

/** pnpm: the one running this script, else the pinned version through npx. */
function pnpm(args, options) {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return run(process.execPath, [execPath, ...args], options);
  return run('npx', ['-y', `pnpm@${PNPM_VERSION}`, ...args], options);
}

function has(binary) {
  if (binary.startsWith('/')) return existsSync(binary);
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

/** Makes sure Chromium, ffmpeg and redis-server exist; installs them on Debian as root, else says what to do. */
function ensureSystemDeps() {
  const chromium = process.env.FR_CHROMIUM ?? '/usr/bin/chromium';
  const missing = [];
  if (!has(chromium)) missing.push('chromium');
  if (!has('ffmpeg')) missing.push('ffmpeg');
  // The ingest server's many-instances suite starts its own Redis (packages/server/test/support).
  if (!has('redis-server')) missing.push('redis-server');
  if (missing.length === 0) return;
  const debian = existsSync('/etc/debian_version');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (debian && isRoot) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    must('apt-get', ['update', '-qq'], { env });
    must('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
    return;
  }
  fail(
    `Missing: ${missing.join(', ')}. Install ${missing.join(' and ')} with your package manager ` +
      '(Debian/Ubuntu: sudo apt-get install chromium ffmpeg redis-server; macOS: brew install ' +
      'ffmpeg redis and Google Chrome), then set FR_CHROMIUM=/path/to/chrome if it is not /usr/bin/chromium.',
  );
}

function installAndBuild() {
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Node >= 20.19 is needed (${process.version}).`);
  if (pnpm(['install', '--frozen-lockfile']) !== 0) fail('pnpm install failed');
  if (pnpm(['run', 'build']) !== 0) fail('build failed');
}

function readCounts(file, pick) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  return pick(JSON.parse(readFileSync(file, 'utf8')));
}

function test() {
  ensureSystemDeps();
  installAndBuild();
  const reports = join(root, '.cache', 'reports');
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const steps = [];
  steps.push(['lint', pnpm(['exec', 'biome', 'ci', '.'])]);
  steps.push(['typecheck', pnpm(['run', 'typecheck'])]);
  steps.push(['size budget', run(process.execPath, ['packages/embed/scripts/check-size.mjs'])]);
  steps.push(['api report', run(process.execPath, ['packages/sdk/scripts/api-report.mjs'])]);
  steps.push(['packages', run(process.execPath, ['scripts/pack-check.mjs'])]);
  const unitJson = join(reports, 'unit.json');
  const unit = pnpm([
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${unitJson}`,
  ]);
  steps.push(['unit', unit]);
  const e2eJson = join(reports, 'e2e.json');
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson };
  const playwright = ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'];
  // FR_E2E_LOCK=<file>: on a machine shared with other browser tests, each Playwright run holds
  // this lock (flock); the consumer test's builds run outside it.
  const lock = process.env.FR_E2E_LOCK;
  const e2e = lock
    ? run('flock', [lock, join(root, 'node_modules', '.bin', 'playwright'), ...playwright], { env })
    : pnpm(['exec', 'playwright', ...playwright], { env });
  steps.push(['e2e', e2e]);
  // Apps built from the packed tarballs outside the workspace (Vite, Next.js ×2, script tag).
  const consumerJson = join(reports, 'consumer.json');
  steps.push([
    'consumer',
    run(process.execPath, ['scripts/consumer-test.mjs', '--json', consumerJson]),
  ]);
  const u = readCounts(unitJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
  const playwrightCounts = (r) => ({
    passed: r.stats.expected,
    failed: r.stats.unexpected + r.stats.flaky,
  });
  const e = readCounts(e2eJson, playwrightCounts);
  const c = readCounts(consumerJson, playwrightCounts);
  const failedSteps = steps.filter(([, status]) => status !== 0).map(([name]) => name);
  console.log(`\nunit: ${u.passed} passed, ${u.failed} failed`);
  console.log(`e2e: ${e.passed} passed, ${e.failed} failed`);
  console.log(`consumer: ${c.passed} passed, ${c.failed} failed`);
  if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
  const passed = u.passed + e.passed + c.passed;
  const failed = u.failed + e.failed + c.failed;
  console.log(`${passed} passed, ${failed + failedSteps.length} failed`);
  process.exit(failedSteps.length === 0 && failed === 0 ? 0 : 1);
}

function demo() {
  installAndBuild();
  process.exit(pnpm(['--filter', '@fittingroom/demo-store', 'start']));
}

function bench() {
  ensureSystemDeps();
  installAndBuild();
  process.exit(pnpm(['--filter', '@fittingroom/bench', 'start']));
}

const commands = { test, demo, bench };
const name = process.argv[2];
if (!commands[name]) fail(`usage: node scripts/fr.mjs ${Object.keys(commands).join('|')}`);
commands[name]();
