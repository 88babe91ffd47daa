import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures.js';

/** A reference ingest server running as a child process on loopback. */
export interface Ingest {
  readonly url: string;
  readonly dataDir: string;
  readonly key: string;
  /** Every file under the data directory (relative paths), for "gone from disk" checks. */
  files(): string[];
  stop(): Promise<void>;
}

/** Options of {@link startIngest}. */
export interface IngestStartOptions {
  /**
   * `test`: the key is configured in `FR_TEST_KEYS` (test mode). Default: in
   * `FR_PUBLISHABLE_KEYS`, which makes it a live key despite its `pk_test_` name.
   */
  readonly mode?: 'live' | 'test';
  /** More environment entries (e.g. `FR_CONSOLE_PASSWORD`). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts `@fittingroom/server` (its own `start` entry) for one allowed page origin. */
export async function startIngest(
  allowedOrigin: string,
  options: IngestStartOptions = {},
): Promise<Ingest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fr-ingest-'));
  const key = 'pk_test_e2e_0001';
  const keys = options.mode === 'test' ? { FR_TEST_KEYS: key } : { FR_PUBLISHABLE_KEYS: key };
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: join(REPO_ROOT, 'packages', 'server'),
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        FR_ALLOWED_ORIGINS: allowedOrigin,
        ...keys,
        FR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        FR_LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1].replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`ingest server exited with ${code}`)));
    setTimeout(() => reject(new Error('ingest server did not start in 60 s')), 60_000);
  });
  const walk = (dir: string, prefix = ''): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(path).isDirectory() ? walk(path, rel) : [rel];
    });
  return {
    url,
    dataDir,
    key,
    files: () => walk(dataDir),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
