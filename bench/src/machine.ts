import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../../e2e/support/chromium.js';
import { REPO_ROOT } from './browser.js';

/** What the run ran on: CPU, cores, memory, OS and the load when it started. */
export function machineFacts(): string[] {
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(2));
  return [
    `CPU: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} logical cores`,
    `Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `OS: ${type()} ${release()}`,
    `Load average when the run started (1/5/15 min): ${load.join(' / ')}`,
  ];
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Versions of everything measured: browser, Node, tasks-vision, SDK, the commit. */
export function versionFacts(browserVersion: string): string[] {
  const sdk = readJson(join(REPO_ROOT, 'packages', 'sdk', 'package.json'));
  let tasksVision = 'unknown';
  try {
    const manifest = readJson(join(REPO_ROOT, 'packages', 'models', 'dist', 'manifest.json'));
    tasksVision = String(manifest.tasksVision);
  } catch {
    // models not built: the browser benchmarks will say so too
  }
  const dirty = git(['status', '--porcelain']) === '' ? '' : ' (with uncommitted changes)';
  return [
    `Browser: Chromium ${browserVersion} (headless, ${CHROMIUM})`,
    `Node: ${process.version}`,
    `@mediapipe/tasks-vision: ${tasksVision}`,
    `@fittingroom/sdk: ${String(sdk.version)}`,
    `Commit: ${git(['rev-parse', '--short', 'HEAD'])}${dirty}`,
  ];
}
