// Two real servers on one s3rver bucket and one redis-server, as N stateless instances behind a
// load balancer run: what one instance counts, locks or fences, the other must see.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { API } from '@fittingroom/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Env } from '../src/config.js';
import { KEYS } from '../src/records/keys.js';
import { type RunningServer, startServer } from '../src/server.js';
import { openS3Storage } from '../src/storage/s3.js';
import type { Storage } from '../src/storage/types.js';
import { spawnServer } from './support/child.js';
import { eraseOver, grantOver, type UploadAnswer, uploadOver } from './support/client.js';
import { childEnv, ORIGIN, testConfig } from './support/harness.js';
import { startLocalRedis, useLocalRedis } from './support/redis.js';
import { useLocalS3 } from './support/s3.js';

const s3 = useLocalS3();
const redis = useLocalRedis();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `storage` whose upload puts take `ms` before and after writing, as on a distant bucket: the
 * object is there a while before its instance hears so and re-checks the fence. That widens both
 * windows an erasure through another instance must close.
 */
function slowCommits(storage: Storage, beforeMs: number, afterMs: number): Storage {
  return {
    ...storage,
    async put(key, body) {
      if (!key.startsWith(KEYS.uploadsRoot)) return storage.put(key, body);
      await sleep(beforeMs);
      await storage.put(key, body);
      await sleep(afterMs);
    },
  };
}

interface Pair {
  readonly a: RunningServer;
  readonly b: RunningServer;
  /** The bucket as both see it. */
  readonly storage: Storage;
  close(): Promise<void>;
}

/** Two instances on one fresh bucket, each with its own storage client, sharing `FR_REDIS_URL`. */
async function startPair(env: Env, slowB?: [number, number]): Promise<Pair> {
  const { storage, bucket } = await s3().openBucket();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fr-many-'));
  const config = testConfig(dataDir, {
    PORT: '0',
    FR_STORAGE: 's3',
    FR_S3_BUCKET: bucket,
    FR_REDIS_URL: redis().url,
    ...env,
  });
  const open = () =>
    openS3Storage({ bucket, region: 'us-east-1', forcePathStyle: true, client: s3().client });
  const a = await startServer(config, { storage: await open() });
  const bStorage = await open();
  const b = await startServer(config, {
    storage: slowB ? slowCommits(bStorage, ...slowB) : bStorage,
  });
  return {
    a,
    b,
    storage,
    async close() {
      await a.close();
      await b.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe('two instances on one bucket and one Redis (real servers, s3rver, redis-server)', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });

  it('holds the per-IP limit across both: allowed ≤ limit + instances', async () => {
    const limit = 20;
    pair = await startPair({ FR_RATE_LIMIT_PER_IP: String(limit) });
    const { a, b } = pair;
    const statuses = await Promise.all(
      Array.from({ length: 90 }, async (_, i) => {
        const res = await fetch(`${(i % 2 ? a : b).url}${API.subject}/export`, {
          headers: { origin: ORIGIN },
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const allowed = statuses.filter((status) => status !== 429).length;
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThanOrEqual(limit + 2);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(
      90 - limit - 2,
    );
  });

  it('one Idempotency-Key, different bodies, on both at once: one 201 and one 409, every trial', async () => {
    pair = await startPair({ FR_RATE_LIMIT_PER_IP: '100000' });
    const { a, b, storage } = pair;
    for (let trial = 0; trial < 8; trial += 1) {
      const who = await grantOver(a.url);
      const key = `many-instances-${trial}-key`;
      const answers = await Promise.all(
        [a, b].map((server, i) =>
          uploadOver(server.url, who, key, { metadata: { productId: `ring-${trial}-${i}` } }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      const winner = answers.findIndex((answer) => answer.status === 201);
      const exported = await fetch(`${b.url}${API.subject}/export`, {
        headers: { authorization: `Bearer ${who.token}`, origin: ORIGIN },
      });
      const body = (await exported.json()) as { uploads: { productId: string }[] };
      expect(body.uploads.map((upload) => upload.productId)).toEqual([`ring-${trial}-${winner}`]);
      expect(await storage.list(KEYS.uploads(who.subjectId))).toHaveLength(1);
    }
  });

  it('an erasure through one fences uploads through the other: nothing left when it answers', async () => {
    // Instance B's commits are slow, so many of its uploads are between check and commit, or
    // committed and not yet re-checked, while A erases.
    pair = await startPair({ FR_RATE_LIMIT_PER_IP: '100000' }, [40, 300]);
    const { a, b, storage } = pair;
    const statuses = new Set<number>();
    const warm = await grantOver(a.url);
    expect((await uploadOver(b.url, warm, 'warm-up-upload-key')).status).toBe(201);
    // Each round's erasure starts once this many of B's uploads answered: some are through, the
    // rest on their way (however busy the machine, which a fixed delay would not be).
    for (const [round, after] of [1, 2, 4].entries()) {
      const who = await grantOver(a.url);
      let answered = 0;
      let enough: () => void = () => undefined;
      const started = new Promise<void>((resolve) => {
        enough = resolve;
      });
      // A steady trickle of uploads through B, so some are at every step when A erases.
      const answers: Promise<UploadAnswer>[] = Array.from({ length: 16 }, async (_, i) => {
        await sleep(i * 120);
        const answer = await uploadOver(b.url, who, `fenced-${round}-${i}-key`);
        answered += 1;
        if (answered >= after) enough();
        return answer;
      });
      await started;
      expect(await eraseOver(a.url, who)).toBe(204);
      // The moment A answered, B's uploads that passed their check before the fence are either
      // committed (and so erased) or refused: none is still to come.
      expect(await storage.list(KEYS.uploads(who.subjectId))).toEqual([]);
      for (const answer of await Promise.all(answers)) {
        expect([201, 401, 403]).toContain(answer.status);
        statuses.add(answer.status);
      }
      expect(await storage.list(KEYS.uploads(who.subjectId))).toEqual([]);
    }
    expect(statuses.has(201) && statuses.size > 1).toBe(true);
  });

  it('reports Redis in /readyz: ready while reachable', async () => {
    pair = await startPair({});
    const res = await fetch(`${pair.a.url}${API.ready}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { storage: 'ok', redis: 'ok' },
    });
  });
});

describe('readiness without Redis reachable', () => {
  let server: RunningServer | undefined;
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fr-many-'));
  });
  afterEach(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers /readyz 503 naming redis once the configured Redis is gone', async () => {
    const own = await startLocalRedis();
    server = await startServer(testConfig(dataDir, { PORT: '0', FR_REDIS_URL: own.url }));
    const before = await fetch(`${server.url}${API.ready}`);
    expect(before.status).toBe(200);
    await own.stop();
    const after = await fetch(`${server.url}${API.ready}`);
    expect(after.status).toBe(503);
    expect(await after.json()).toEqual({
      status: 'unavailable',
      checks: { storage: 'ok', redis: 'failed' },
    });
  });
});

describe('start-up says how many instances the server may be', () => {
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fr-many-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('logs "single instance" without FR_REDIS_URL, and "many instances" with it', async () => {
    for (const [extra, pattern] of [
      [{}, /"coordination":"memory".*single instance/],
      [{ FR_REDIS_URL: redis().url }, /"coordination":"redis".*many instances/],
    ] as const) {
      const child = spawnServer('src/main.ts', childEnv(dataDir, extra));
      try {
        await child.line(/listening on/);
        expect((await child.line(pattern))[0]).toBeTruthy();
      } finally {
        await child.kill('SIGTERM');
      }
    }
    // Two child servers start one after the other through tsx: on a loaded 2-core machine that
    // alone took over 30 s (CI, 04:05 UTC); the test asserts the log lines, not the time.
  }, 120_000);
});
