import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGlRecovery, type GlChange, RECOVERY_DELAYS_MS } from '../../src/gl/recovery.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A recovery whose `recreate` settles as the test says. */
function setup(outcomes: ('ok' | 'fail' | 'hang')[], delaysMs?: number[]) {
  const changes: GlChange['state'][] = [];
  const errors: unknown[] = [];
  let calls = 0;
  const pending: (() => void)[] = [];
  const recreate = vi.fn(() => {
    const outcome = outcomes[calls++] ?? 'ok';
    if (outcome === 'ok') return Promise.resolve();
    if (outcome === 'fail') return Promise.reject(new Error(`attempt ${calls}`));
    return new Promise<void>((resolve) => pending.push(resolve));
  });
  const recovery = createGlRecovery({
    recreate,
    delaysMs,
    onChange: (change) => {
      changes.push(change.state);
      if (change.state === 'failed') errors.push(change.error);
    },
  });
  return { recovery, recreate, changes, errors, pending };
}

describe('createGlRecovery', () => {
  it('reports the loss at once and the restore once recreate succeeds', async () => {
    const { recovery, recreate, changes } = setup(['ok']);
    expect(recovery.state).toBe('ok');
    recovery.lost();
    expect(changes).toEqual(['lost']);
    expect(recovery.state).toBe('lost');
    await vi.advanceTimersByTimeAsync(0);
    expect(recreate).toHaveBeenCalledOnce();
    expect(changes).toEqual(['lost', 'restored']);
    expect(recovery.state).toBe('ok');
  });

  it('tries again after each delay, then succeeds', async () => {
    const { recovery, recreate, changes } = setup(['fail', 'ok']);
    recovery.lost();
    await vi.advanceTimersByTimeAsync(0);
    expect(recreate).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(RECOVERY_DELAYS_MS[1]! - 1);
    expect(recreate).toHaveBeenCalledTimes(1); // waits before the second attempt
    await vi.advanceTimersByTimeAsync(1);
    expect(recreate).toHaveBeenCalledTimes(2);
    expect(changes).toEqual(['lost', 'restored']);
  });

  it('gives up after the last delay with the last error, and stays failed', async () => {
    const { recovery, recreate, changes, errors } = setup(['fail', 'fail', 'fail']);
    recovery.lost();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(recreate).toHaveBeenCalledTimes(RECOVERY_DELAYS_MS.length);
    expect(changes).toEqual(['lost', 'failed']);
    expect((errors[0] as Error).message).toBe('attempt 3');
    expect(recovery.state).toBe('failed');
    recovery.lost(); // a failed owner is replaced by its user, not revived here
    await vi.advanceTimersByTimeAsync(10_000);
    expect(recreate).toHaveBeenCalledTimes(3);
  });

  it('a loss during an attempt starts over and drops that attempt’s result', async () => {
    const { recovery, recreate, changes, pending } = setup(['hang', 'ok']);
    recovery.lost();
    await vi.advanceTimersByTimeAsync(0);
    expect(recreate).toHaveBeenCalledTimes(1);
    recovery.lost(); // the new context went too
    expect(changes).toEqual(['lost']); // one loss reported, not two
    await vi.advanceTimersByTimeAsync(0);
    expect(recreate).toHaveBeenCalledTimes(2);
    expect(changes).toEqual(['lost', 'restored']);
    pending[0]!(); // the stale first attempt finishes late
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual(['lost', 'restored']);
  });

  it('runs nothing and reports nothing after dispose', async () => {
    const { recovery, recreate, changes } = setup(['fail', 'ok'], [0, 100]);
    recovery.lost();
    await vi.advanceTimersByTimeAsync(0);
    recovery.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(recreate).toHaveBeenCalledTimes(1);
    expect(changes).toEqual(['lost']);
    recovery.lost();
    expect(changes).toEqual(['lost']);
  });

  it('with no attempts allowed, a loss is a failure', () => {
    const { recovery, recreate, changes } = setup([], []);
    recovery.lost();
    expect(changes).toEqual(['lost', 'failed']);
    expect(recreate).not.toHaveBeenCalled();
  });
});
