// Issue 16 item 9: `/healthz` said ok on a full or read-only disk; a token in a query string was
// logged verbatim. Real server on loopback (and a spawned process for its log output).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { API } from '@fittingroom/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultOps, type FsOps } from '../src/storage/fs-io.js';
import { spawnServer } from './support/child.js';
import { childEnv } from './support/harness.js';
import { type Loopback, send, startLoopback } from './support/loopback.js';

/** A disk that fails every new file with `errno` while `failing.code` is set (root ignores chmod). */
function failingDisk(failing: { code: string | null }): Partial<FsOps> {
  return {
    async openForWrite(file) {
      if (failing.code !== null) {
        throw Object.assign(new Error(`${failing.code}: simulated`), { code: failing.code });
      }
      return defaultOps.openForWrite(file);
    },
  };
}

describe('health and readiness (real socket)', () => {
  let loop: Loopback;
  afterEach(async () => {
    await loop.close();
  });

  it('is ready on a writable disk; not ready on a full or read-only one, though still alive', async () => {
    const failing: { code: string | null } = { code: null };
    loop = await startLoopback({}, { fs: failingDisk(failing) });
    const ready = await send(loop.port, { method: 'GET', path: API.ready });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready', checks: { storage: 'ok' } });
    expect(ready.headers['cache-control']).toBe('no-store');
    for (const code of ['ENOSPC', 'EROFS']) {
      failing.code = code;
      const refused = await send(loop.port, { method: 'GET', path: API.ready });
      expect(refused.status, code).toBe(503);
      expect(JSON.parse(refused.body)).toEqual({
        status: 'unavailable',
        checks: { storage: 'failed' },
      });
      expect((await send(loop.port, { method: 'GET', path: API.health })).status).toBe(200);
    }
    failing.code = null;
    expect((await send(loop.port, { method: 'GET', path: API.ready })).status).toBe(200);
    // The probe leaves nothing behind.
    expect((await loop.storage.list('')).map((item) => item.key)).toEqual([]);
  });

  it('runs the checks a deployment adds (e.g. Redis) and names the one that fails', async () => {
    let redisUp = true;
    loop = await startLoopback(
      {},
      {
        readiness: [
          {
            name: 'redis',
            check: async () => {
              if (!redisUp) throw new Error('ECONNREFUSED');
            },
          },
        ],
      },
    );
    expect(JSON.parse((await send(loop.port, { method: 'GET', path: API.ready })).body)).toEqual({
      status: 'ready',
      checks: { storage: 'ok', redis: 'ok' },
    });
    redisUp = false;
    const refused = await send(loop.port, { method: 'GET', path: API.ready });
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).checks).toEqual({ storage: 'ok', redis: 'failed' });
  });
});

describe('logs never carry a token', () => {
  let dataDir: string;
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('redacts query strings from request logs and answers; no header is logged', {
    timeout: 30_000,
  }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fr-logs-'));
    const child = spawnServer('src/main.ts', childEnv(dataDir));
    const output: string[] = [];
    child.process.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    try {
      const url = (await child.line(/listening on (\S+)$/))[1] ?? '';
      const port = Number(new URL(url).port);
      const secret = 'SECRETtoken0123456789abcdefghijklmnopqrstuv';
      for (const target of [
        `${API.subjectExport}?token=${secret}`,
        `/v1/nothing?access_token=${secret}`,
        `/elsewhere?t=${secret}`,
        `${API.health}?token=${secret}#${secret}`,
      ]) {
        const answer = await send(port, {
          method: 'GET',
          path: target,
          headers: { authorization: `Bearer ${secret}x` },
        });
        expect(answer.body).not.toContain(secret);
      }
      await child.kill('SIGTERM');
      const logs = output.join('') + child.stderr();
      expect(logs).toContain('/v1/subjects/me/export?[redacted]'); // the requests were logged…
      expect(logs).not.toContain(secret); // …without the token, in the query or a header
    } finally {
      await child.kill('SIGKILL');
    }
  });
});
