import { describe, expect, it } from 'vitest';
import { createMemoryCoordination } from '../src/coordination/memory.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('in-process coordination', () => {
  it('runs work under one lock name one at a time, in arrival order, through failures', async () => {
    const c = createMemoryCoordination();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const first = c.withLock('a', async () => {
      log.push('first in');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      log.push('first out');
      throw new Error('first failed');
    });
    const second = c.withLock('a', async () => {
      log.push('second');
      return 2;
    });
    const other = c.withLock('b', async () => {
      log.push('other');
    });
    await other;
    await tick();
    expect(log).toEqual(['first in', 'other']);
    release();
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
    expect(log).toEqual(['first in', 'other', 'first out', 'second']);
  });

  it('settles a subject once its last flight ends, at once when none is in flight', async () => {
    const c = createMemoryCoordination();
    await c.settled('s', 10_000); // none in flight
    const endA = await c.beginFlight('s');
    const endB = await c.beginFlight('s');
    let settled = false;
    const waiting = c.settled('s', 10_000).then(() => {
      settled = true;
    });
    await endA();
    await endA(); // ending twice counts once
    await tick();
    expect(settled).toBe(false);
    await endB();
    await waiting;
    expect(settled).toBe(true);
  });

  it('stops waiting after the timeout', async () => {
    const c = createMemoryCoordination();
    await c.beginFlight('s');
    const started = Date.now();
    await c.settled('s', 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
