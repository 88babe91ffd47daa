import {
  constants,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultOps } from '../src/storage/fs-io.js';

/** The open flags (octal, as /proc shows them) of this process's descriptor of `file`. */
function flagsOf(file: string): number | null {
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // closed while listing
    }
    if (target !== file) continue;
    const line = /^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return line?.[1] ? Number.parseInt(line[1], 8) : null;
  }
  return null;
}

// The adapter drops its per-upload fsync because the temporary file is opened O_DSYNC: each
// write is durable when it returns. Without the flag an acknowledged upload could be lost in a
// power cut, so this checks the flag on the open descriptor itself (Linux shows it in /proc).
describe.runIf(process.platform === 'linux')('durable writes of the filesystem adapter', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('opens new objects with O_DSYNC, exclusively, mode 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fr-durable-'));
    dirs.push(dir);
    const file = join(dir, 'object.part');
    const handle = await defaultOps.openForWrite(file);
    try {
      const flags = flagsOf(file);
      expect(flags).not.toBeNull();
      expect((flags ?? 0) & constants.O_DSYNC).toBe(constants.O_DSYNC);
      expect((flags ?? 0) & 0o3).toBe(constants.O_WRONLY); // the access mode bits
      await handle.writev([Buffer.from('abc'), Buffer.from('def')]);
      await handle.sync();
    } finally {
      await handle.close();
    }
    expect(readFileSync(file, 'utf8')).toBe('abcdef');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await expect(defaultOps.openForWrite(file)).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
