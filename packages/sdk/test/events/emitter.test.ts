import { describe, expect, it } from 'vitest';
import { createEmitter } from '../../src/emitter.js';

interface Events {
  ping: number;
}

describe('createEmitter (the one emitter of consent, try-on and upload)', () => {
  it('delivers in subscription order; `on` returns the unsubscribe', () => {
    const emitter = createEmitter<Events>();
    const seen: string[] = [];
    const off = emitter.on('ping', (n) => seen.push(`a${n}`));
    emitter.on('ping', (n) => seen.push(`b${n}`));
    emitter.emit('ping', 1);
    off();
    emitter.emit('ping', 2);
    emitter.clear();
    emitter.emit('ping', 3);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
  });

  it('hands a throwing listener to the policy and still runs the others', () => {
    const errors: unknown[] = [];
    const emitter = createEmitter<Events>({ onListenerError: (e) => errors.push(e) });
    const seen: number[] = [];
    const boom = new Error('boom');
    emitter.on('ping', () => {
      throw boom;
    });
    emitter.on('ping', (n) => seen.push(n));
    emitter.emit('ping', 7);
    expect(errors).toEqual([boom]);
    expect(seen).toEqual([7]);
  });

  it('by default rethrows a listener error later, never inside emit', async () => {
    const emitter = createEmitter<Events>();
    const seen: number[] = [];
    const boom = new Error('later');
    emitter.on('ping', () => {
      throw boom;
    });
    emitter.on('ping', (n) => seen.push(n));
    const original = globalThis.queueMicrotask;
    const queued: (() => void)[] = [];
    globalThis.queueMicrotask = (task) => queued.push(task);
    try {
      expect(() => emitter.emit('ping', 1)).not.toThrow();
    } finally {
      globalThis.queueMicrotask = original;
    }
    expect(seen).toEqual([1]);
    expect(queued).toHaveLength(1);
    expect(() => queued[0]?.()).toThrow(boom);
  });

  it('a listener added while emitting waits for the next emit', () => {
    const emitter = createEmitter<Events>();
    const seen: string[] = [];
    emitter.on('ping', () => {
      seen.push('first');
      emitter.on('ping', () => seen.push('late'));
    });
    emitter.emit('ping', 1);
    expect(seen).toEqual(['first']);
  });
});
