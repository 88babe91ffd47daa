import { describe, expect, it, vi } from 'vitest';
import { STALL_MS, watchStall } from '../../src/tryon/download.js';

describe('watchStall', () => {
  it('says a download stalled after STALL_MS without a byte, and flowing again when bytes come', () => {
    vi.useFakeTimers();
    const onStall = vi.fn();
    const onFlowing = vi.fn();
    const watch = watchStall(onStall, onFlowing);
    vi.advanceTimersByTime(STALL_MS - 1);
    watch.progress(); // a byte arrived: the clock starts again
    vi.advanceTimersByTime(STALL_MS - 1);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledOnce();
    expect(onFlowing).not.toHaveBeenCalled();
    watch.progress();
    expect(onFlowing).toHaveBeenCalledOnce();
    watch.stop();
    vi.advanceTimersByTime(STALL_MS * 3);
    expect(onStall).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });
});
