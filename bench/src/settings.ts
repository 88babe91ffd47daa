import { join } from 'node:path';
import { REPO_ROOT } from './browser.js';
import type { FrameOptions } from './frame.js';
import type { IngestOptions } from './ingest.js';
import type { MemoryOptions } from './memory.js';

/** Everything a run is configured with, from the environment. */
export interface Settings {
  readonly quick: boolean;
  readonly only: readonly string[];
  readonly frame: FrameOptions;
  readonly coldRounds: number;
  readonly memory: MemoryOptions;
  readonly ingest: IngestOptions;
  /** Report path; undefined means BENCHMARKS.md at the root. */
  readonly out: string | undefined;
  /** Lines for the report saying how the run was set up. */
  readonly describe: readonly string[];
}

const ALL = ['size', 'frame', 'cold', 'memory', 'ingest', 'accuracy'];

/** A positive whole number from the environment, or a clear error naming the variable. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number of seconds (got "${raw}")`);
  }
  return value;
}

/** Reads BENCH_QUICK, BENCH_SOAK_SECONDS, BENCH_ONLY and BENCH_OUT. */
export function settingsFor(env: NodeJS.ProcessEnv): Settings {
  const quick = env.BENCH_QUICK === '1';
  const only = env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((s) => s.trim()) : ALL;
  const unknown = only.filter((name) => !ALL.includes(name));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
  const soakSeconds = positive(env, 'BENCH_SOAK_SECONDS', quick ? 20 : 600);
  const frame: FrameOptions = quick
    ? { rounds: 3, warmupFrames: 15, frames: 20, longTaskSeconds: 5 }
    : { rounds: 20, warmupFrames: 30, frames: 30, longTaskSeconds: 30 };
  const ingest: IngestOptions = quick
    ? { connections: 50, warmupSeconds: 2, seconds: 5, rounds: 1 }
    : { connections: 50, warmupSeconds: 3, seconds: 15, rounds: 3 };
  const memory: MemoryOptions = { soakSeconds, cycles: quick ? 3 : 20 };
  const coldRounds = quick ? 1 : 5;
  const out =
    env.BENCH_OUT ??
    (quick ? join(REPO_ROOT, 'bench', '.cache', 'BENCHMARKS.quick.md') : undefined);
  const mode = quick ? 'quick (BENCH_QUICK=1)' : 'full';
  return {
    quick,
    only,
    frame,
    coldRounds,
    memory,
    ingest,
    out,
    describe: [
      `Run: ${mode}${only.length < ALL.length ? `, only ${only.join(', ')}` : ''}; memory soak ${soakSeconds} s${soakSeconds < 600 ? ' (shorter than the 10 minutes of the issue)' : ''}, ${memory.cycles} open/close cycles; per-frame ${frame.rounds} windows × ${frame.frames} frames per loop; long tasks over ${frame.longTaskSeconds} s; cold start ${coldRounds} run(s) per kind; ingest ${ingest.rounds} round(s) of ${ingest.seconds} s.`,
    ],
  };
}
