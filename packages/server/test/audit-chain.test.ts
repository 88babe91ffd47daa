import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAudit } from '../src/audit.js';
import { chainLine, startChain, verifyChain } from '../src/audit-chain.js';
import { deriveKeys } from '../src/crypto.js';
import type { Storage } from '../src/storage/types.js';
import { s3Adapter } from './support/adapters.js';
import { createHarness, type Harness, MASTER_KEY } from './support/harness.js';
import { useLocalS3 } from './support/s3.js';

const keys = deriveKeys(new Uint8Array(32).fill(9));
const run = promisify(execFile);

/** `count` chained lines of one writer. */
function chainOf(count: number, chain = 'c1'): string[] {
  let state = startChain(chain);
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const made = chainLine(
      state,
      { at: `2025-03-01T12:00:0${i}.000Z`, type: 'upload_stored' },
      keys,
    );
    lines.push(made.line);
    state = made.next;
  }
  return lines;
}

describe('audit hash chain', () => {
  it('verifies an untouched log, two writers interleaved', () => {
    const a = chainOf(4, 'a');
    const b = chainOf(3, 'b');
    const verdict = verifyChain([a[0], b[0], a[1], a[2], b[1], b[2], a[3]] as string[], [keys]);
    expect(verdict).toMatchObject({ ok: true, problems: [] });
    expect(verdict.chains.map((c) => [c.chain, c.lines, c.lastSeq])).toEqual([
      ['a', 4, 3],
      ['b', 3, 2],
    ]);
  });

  it('detects a deleted line', () => {
    const lines = chainOf(5);
    lines.splice(2, 1);
    expect(verifyChain(lines, [keys]).problems).toEqual([{ line: 3, problem: 'out_of_order' }]);
  });

  it('detects two lines swapped', () => {
    const lines = chainOf(5);
    [lines[1], lines[2]] = [lines[2] as string, lines[1] as string];
    expect(verifyChain(lines, [keys]).ok).toBe(false);
  });

  it('detects an edited line, even with its seq and prev kept', () => {
    const lines = chainOf(3);
    lines[1] = (lines[1] as string).replace('upload_stored', 'upload_deleted');
    const { problems } = verifyChain(lines, [keys]);
    expect(problems[0]).toEqual({ line: 2, problem: 'bad_mac' });
  });

  it('detects a line forged with another key, and one with a rewritten link', () => {
    const other = deriveKeys(new Uint8Array(32).fill(8));
    const forged = chainLine(startChain('c1'), { type: 'x' }, other).line;
    expect(verifyChain([forged], [keys]).problems).toEqual([{ line: 1, problem: 'unknown_key' }]);
    const lines = chainOf(2);
    const relinked = chainLine({ chain: 'c1', seq: 1, prev: 'f'.repeat(64) }, { type: 'x' }, keys);
    expect(verifyChain([lines[0] as string, relinked.line], [keys]).problems).toEqual([
      { line: 2, problem: 'broken_link' },
    ]);
    expect(verifyChain(['{"type":"plain"}'], [keys]).problems).toEqual([
      { line: 1, problem: 'unreadable' },
    ]);
  });

  it('writes lines in call order, chained, from concurrent records', async () => {
    const written: string[] = [];
    const storage = { appendAudit: async (line: string) => void written.push(line) } as Storage;
    const audit = createAudit(storage, keys, () => new Date());
    await Promise.all(Array.from({ length: 20 }, () => audit.record({ type: 'upload_stored' })));
    expect(verifyChain(written, [keys])).toMatchObject({ ok: true });
  });
});

describe('audit:verify command on a real data folder', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('passes the log the server wrote, and fails once a line is edited or deleted', async () => {
    const { token, receipt } = await h.subject();
    for (let i = 0; i < 3; i += 1) await h.upload({ token, receiptId: receipt.consentReceiptID });
    const env = { ...process.env, DATA_DIR: h.dataDir, FR_ENCRYPTION_KEY: MASTER_KEY };
    const verify = () =>
      run(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', 'src/tools/audit-verify.ts'],
        {
          cwd: path.resolve(import.meta.dirname, '..'),
          env,
        },
      ).then(
        (out) => ({ code: 0, out: out.stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, out: error.stdout }),
      );
    const log = path.join(h.dataDir, 'audit.log');
    expect(await verify()).toMatchObject({
      code: 0,
      out: expect.stringContaining('ok: 4 lines verified'),
    });

    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    await writeFile(log, `${[lines[0], lines[2], lines[3]].join('\n')}\n`);
    expect(await verify()).toMatchObject({
      code: 1,
      out: expect.stringContaining('line 2: out_of_order'),
    });
    await writeFile(
      log,
      `${lines.map((l) => l.replace('"upload_stored"', '"upload_deleted"')).join('\n')}\n`,
    );
    expect(await verify()).toMatchObject({ code: 1, out: expect.stringContaining('bad_mac') });
  });
});

describe('audit chain on S3', () => {
  const adapter = s3Adapter(useLocalS3());
  it('reads back, in order, a chain the server wrote as one object per line', async () => {
    const h = await createHarness({ open: adapter.open });
    try {
      const { token, receipt } = await h.subject();
      await Promise.all(
        Array.from({ length: 6 }, () => h.upload({ token, receiptId: receipt.consentReceiptID })),
      );
      const lines = await h.storage.readAudit();
      expect(lines).toHaveLength(7);
      expect(verifyChain(lines, h.ctx.ring.all)).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  });
});
