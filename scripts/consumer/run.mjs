// The process side of the consumer test: timed phases, logged commands, free ports, and
// long-running servers that are stopped at the end.
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Environment of every command: no telemetry, no update notices. */
export const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  npm_config_update_notifier: 'false',
};

/** Phase timings, in order: [name, seconds]. */
export const timings = [];

/** Times one phase. */
export async function phase(name, fn) {
  const t0 = Date.now();
  const result = await fn();
  const seconds = (Date.now() - t0) / 1000;
  timings.push([name, seconds]);
  console.log(`consumer: ${name} in ${seconds.toFixed(1)} s`);
  return result;
}

/**
 * Runs a command to `<logs>/<name>.log`; resolves true when it exits 0 (else prints the log's
 * tail). Asynchronous, so independent steps (the installs) can run side by side.
 */
export function step(logs, name, cmd, args, cwd, extraEnv = {}) {
  const log = join(logs, `${name}.log`);
  const fd = openSync(log, 'w');
  const t0 = Date.now();
  const child = spawn(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', fd, fd] });
  return new Promise((resolve) => {
    child.on('error', () => resolve(false));
    child.on('close', (code) => {
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`consumer:   ${name} ${code === 0 ? 'ok' : 'FAILED'} in ${seconds} s`);
      if (code !== 0) {
        const tail = readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
        console.error(`✖ consumer: ${name} failed (${cmd} ${args.join(' ')}):\n${tail}`);
      }
      resolve(code === 0);
    });
  });
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const running = [];

/** Starts a long-running server; resolves true once `url` answers (false after 90 s or exit). */
export async function serve(logs, name, cmd, args, cwd, extraEnv, url) {
  const log = join(logs, `${name}.log`);
  const fd = openSync(log, 'w');
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
  console.error(`✖ consumer: ${name} did not start:\n${readFileSync(log, 'utf8')}`);
  return false;
}

/** Stops every server {@link serve} started. */
export function stopAll() {
  for (const child of running) child.kill('SIGTERM');
}
