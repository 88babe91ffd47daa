import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** A spawned server process whose stdout lines can be awaited. */
export interface Child {
  readonly process: ChildProcess;
  /** Resolves with the first stdout line matching `pattern` (rejects if the process exits first). */
  line(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Kills with `signal` and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  stderr(): string;
}

/** Spawns `node --conditions=source --import tsx <script>` from the server package. */
export function spawnServer(script: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: {
    pattern: RegExp;
    resolve: (m: RegExpMatchArray) => void;
    reject: (e: Error) => void;
  }[] = [];
  let err = '';
  let buffer = '';
  let exited = false;
  const settle = (): void => {
    for (const waiter of [...waiters]) {
      const match = lines.map((line) => waiter.pattern.exec(line)).find((m) => m !== null);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      } else if (exited) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.reject(new Error(`server exited before printing ${waiter.pattern}: ${err}`));
      }
    }
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    settle();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exit = new Promise<void>((resolve) => {
    child.on('exit', () => {
      exited = true;
      settle();
      resolve();
    });
  });
  return {
    process: child,
    line(pattern) {
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        settle();
      });
    },
    async kill(signal) {
      if (!exited) child.kill(signal);
      await exit;
    },
    stderr: () => err,
  };
}
