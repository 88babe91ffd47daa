import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type Coordination, LockTimeoutError } from './types.js';

/** Timings of {@link createRedisCoordination}; the defaults suit uploads of a few seconds. */
export interface RedisCoordinationOptions {
  /** Key prefix, so several deployments can share one Redis. */
  readonly prefix?: string;
  /** A lock's lease: renewed while its holder works, so a crashed holder frees it this late. */
  readonly leaseMs?: number;
  /** How long a caller waits for a lock before {@link LockTimeoutError} (503, nothing written). */
  readonly waitMs?: number;
  /** How long a flight counts if its instance dies before ending it. */
  readonly flightLeaseMs?: number;
  /** Pause between two looks at a taken lock or an unsettled subject. */
  readonly pollMs?: number;
}

// Release and renew only a lock this holder still owns: a lease that ran out and was taken by
// another instance must not be deleted or extended by the old holder.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
// Flights are members of a sorted set scored by when they lapse (Redis's clock, so instances'
// clocks don't matter); lapsed ones are dropped before counting.
const BEGIN = `local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;
const COUNT = `local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Locks and in-flight uploads shared by every instance on one Redis. A lock is `SET NX PX` with
 * a random owner token, renewed at a third of its lease while held and released by a script that
 * deletes it only for that token. A flight is a member of the subject's sorted set until ended
 * (or until its lease lapses, if its instance died). The client is the caller's to close.
 */
export function createRedisCoordination(
  redis: Redis,
  options: RedisCoordinationOptions = {},
): Coordination {
  const prefix = options.prefix ?? 'fr:';
  const leaseMs = options.leaseMs ?? 15_000;
  const waitMs = options.waitMs ?? 30_000;
  const flightLeaseMs = options.flightLeaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 20;
  const token = () => randomBytes(16).toString('hex');

  async function acquire(key: string, owner: string): Promise<void> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if ((await redis.set(key, owner, 'PX', leaseMs, 'NX')) === 'OK') return;
      if (Date.now() >= deadline) throw new LockTimeoutError(key);
      // Jitter, so waiters on one key don't ask in lockstep.
      await sleep(pollMs / 2 + Math.random() * pollMs);
    }
  }

  return {
    kind: 'redis',
    async withLock(name, work) {
      const key = `${prefix}lock:${name}`;
      const owner = token();
      await acquire(key, owner);
      const renew = setInterval(() => {
        redis.eval(RENEW, 1, key, owner, leaseMs).catch(() => undefined);
      }, leaseMs / 3);
      try {
        return await work();
      } finally {
        clearInterval(renew);
        await redis.eval(RELEASE, 1, key, owner);
      }
    },
    async beginFlight(subjectId) {
      const key = `${prefix}flight:${subjectId}`;
      const member = token();
      await redis.eval(BEGIN, 1, key, member, flightLeaseMs);
      let ended = false;
      return async () => {
        if (ended) return;
        ended = true;
        await redis.zrem(key, member);
      };
    },
    async settled(subjectId, timeoutMs) {
      const key = `${prefix}flight:${subjectId}`;
      const deadline = Date.now() + timeoutMs;
      while (Number(await redis.eval(COUNT, 1, key)) > 0 && Date.now() < deadline) {
        await sleep(pollMs);
      }
    },
    async close() {},
  };
}
