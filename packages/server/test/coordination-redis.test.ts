import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisCoordination } from '../src/coordination/redis.js';
import { LockTimeoutError } from '../src/coordination/types.js';
import { useLocalRedis } from './support/redis.js';

const redis = useLocalRedis();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coordination shared through Redis (real redis-server)', () => {
  // Two clients stand for two instances: nothing is shared between them but Redis.
  let a: Redis;
  let b: Redis;
  beforeEach(() => {
    a = new Redis(redis().url);
    b = new Redis(redis().url);
  });
  afterEach(() => {
    a.disconnect();
    b.disconnect();
  });

  it('runs work under one lock name one at a time across instances, through failures', async () => {
    const one = createRedisCoordination(a, { prefix: 'excl:' });
    const two = createRedisCoordination(b, { prefix: 'excl:' });
    let inside = 0;
    let most = 0;
    const work = (fail: boolean) => async () => {
      inside += 1;
      most = Math.max(most, inside);
      await sleep(15);
      inside -= 1;
      if (fail) throw new Error('work failed');
      return 'done';
    };
    const runs = Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? one : two).withLock('k', work(i % 3 === 0)).catch((e: Error) => e.message),
    );
    const results = await Promise.all(runs);
    expect(most).toBe(1);
    expect(results.filter((r) => r === 'work failed')).toHaveLength(4);
    expect(results.filter((r) => r === 'done')).toHaveLength(8);
    expect(await a.keys('excl:*')).toEqual([]); // every lock released
  });

  it('keeps a lock held past its lease while the holder works (renewed)', async () => {
    const one = createRedisCoordination(a, { prefix: 'renew:', leaseMs: 150 });
    const two = createRedisCoordination(b, { prefix: 'renew:', leaseMs: 150, waitMs: 200 });
    const held = one.withLock('k', () => sleep(600));
    await sleep(50);
    await expect(two.withLock('k', async () => 'stolen')).rejects.toBeInstanceOf(LockTimeoutError);
    await held;
    expect(await two.withLock('k', async () => 'mine')).toBe('mine');
  });

  it('a holder whose lease lapsed does not release the next holder’s lock', async () => {
    const one = createRedisCoordination(a, { prefix: 'owner:' });
    // A holder that died mid-work: its lease (simulated by hand) lapsed and another took the lock.
    await a.set('owner:lock:k', 'someone-else', 'PX', 10_000);
    const two = createRedisCoordination(b, { prefix: 'owner:', waitMs: 100 });
    await expect(two.withLock('k', async () => 1)).rejects.toBeInstanceOf(LockTimeoutError);
    // And a holder finishing never deletes a token that isn't its own.
    await a.del('owner:lock:k');
    const first = one.withLock('k', async () => {
      await a.set('owner:lock:k', 'intruder', 'PX', 10_000); // its lease was taken meanwhile
    });
    await first;
    expect(await a.get('owner:lock:k')).toBe('intruder');
  });

  it('settles a subject once the last flight on any instance ends; a lapsed flight stops counting', async () => {
    const one = createRedisCoordination(a, { prefix: 'fl:' });
    const two = createRedisCoordination(b, { prefix: 'fl:' });
    await two.settled('s', 10_000); // none in flight
    const endA = await one.beginFlight('s');
    const endB = await two.beginFlight('s');
    let settled = false;
    const waiting = two.settled('s', 10_000).then(() => {
      settled = true;
    });
    await endA();
    await endA(); // ending twice counts once
    await sleep(60);
    expect(settled).toBe(false);
    await endB();
    await waiting;
    expect(settled).toBe(true);

    // An instance that died mid-upload never ends its flight; its lease ends it.
    const dying = createRedisCoordination(a, { prefix: 'fl:', flightLeaseMs: 100 });
    await dying.beginFlight('t');
    await two.settled('t', 10_000);
    expect(await a.zcard('fl:flight:t')).toBe(0);
  });
});
