import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The `fittingroom-server` command as npm installs it: compiled JavaScript run by plain Node
// (the test command builds first), no TypeScript loader.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'fittingroom-server.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('fittingroom-server', () => {
  it('--help lists every setting the server reads', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    const config = readFileSync(join(root, 'src', 'config.ts'), 'utf8');
    const read = new Set(config.match(/'(?:FR_[A-Z0-9_]+|PORT|HOST|DATA_DIR)'/g) ?? []);
    expect(read.size).toBeGreaterThan(10);
    for (const name of read) expect(stdout).toContain(`  ${name.slice(1, -1)} `);
  });

  it('exits 2 with the variable named when a production setting is missing', async () => {
    const { code, stderr } = await run([], { NODE_ENV: 'production' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Configuration error: FR_[A-Z_]+: /m);
  });

  it('refuses arguments it does not know', async () => {
    const { code, stderr } = await run(['--port=1']);
    expect(code).toBe(2);
    expect(stderr).toContain('--help');
  });
});
