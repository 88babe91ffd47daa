import { describe, expect, it, vi } from 'vitest';
import type { ConsentView, WithdrawalEvent } from '../../src/consent/types.js';
import type { Landmarker } from '../../src/ml/landmarker.js';
import { createWarmSlot, REOPEN_GRACE_MS } from '../../src/tryon/warm.js';

function fakeLandmarker(kind: 'hand' | 'face' = 'hand') {
  const close = vi.fn(async () => {});
  const landmarker = { kind, close } as unknown as Landmarker;
  return { landmarker, close };
}

function fakeConsent() {
  const listeners: ((event: WithdrawalEvent) => void)[] = [];
  const consent: Pick<ConsentView, 'onWithdraw'> = {
    onWithdraw: (l) => {
      listeners.push(l);
      return () => {};
    },
  };
  return {
    consent,
    withdraw: () => {
      for (const l of listeners) l({} as WithdrawalEvent);
    },
  };
}

function fakePage() {
  const target = new EventTarget();
  return {
    page: target as unknown as Window,
    hide: () => target.dispatchEvent(new Event('pagehide')),
  };
}

describe('createWarmSlot', () => {
  it('hands back the parked landmarker within the grace period, once', () => {
    vi.useFakeTimers();
    const { landmarker, close } = fakeLandmarker();
    const slot = createWarmSlot(fakeConsent().consent, REOPEN_GRACE_MS, { page: null });
    slot.park(landmarker);
    vi.advanceTimersByTime(REOPEN_GRACE_MS - 1);
    expect(slot.take()).toBe(landmarker);
    expect(slot.take()).toBeNull();
    vi.advanceTimersByTime(REOPEN_GRACE_MS * 2);
    expect(close).not.toHaveBeenCalled(); // taken: the caller owns it now
    vi.useRealTimers();
  });

  it('closes the landmarker when the grace period ends', () => {
    vi.useFakeTimers();
    const { landmarker, close } = fakeLandmarker();
    const slot = createWarmSlot(fakeConsent().consent, 1000, { page: null });
    slot.park(landmarker);
    vi.advanceTimersByTime(1000);
    expect(close).toHaveBeenCalledOnce();
    expect(slot.take()).toBeNull();
    vi.useRealTimers();
  });

  it('keeps nothing with a grace of 0', () => {
    const { landmarker, close } = fakeLandmarker();
    const slot = createWarmSlot(fakeConsent().consent, 0, { page: null });
    slot.park(landmarker);
    expect(close).toHaveBeenCalledOnce();
    expect(slot.take()).toBeNull();
  });

  it('releases on withdrawal and on pagehide', () => {
    const { consent, withdraw } = fakeConsent();
    const { page, hide } = fakePage();
    const slot = createWarmSlot(consent, REOPEN_GRACE_MS, { page });
    const first = fakeLandmarker();
    slot.park(first.landmarker);
    withdraw();
    expect(first.close).toHaveBeenCalledOnce();
    expect(slot.take()).toBeNull();
    const second = fakeLandmarker();
    slot.park(second.landmarker);
    hide();
    expect(second.close).toHaveBeenCalledOnce();
    expect(slot.take()).toBeNull();
  });

  it('holds one landmarker: parking another closes the first', () => {
    const slot = createWarmSlot(fakeConsent().consent, REOPEN_GRACE_MS, { page: null });
    const first = fakeLandmarker('hand');
    const second = fakeLandmarker('face');
    slot.park(first.landmarker);
    slot.park(second.landmarker);
    expect(first.close).toHaveBeenCalledOnce();
    expect(slot.take()).toBe(second.landmarker);
  });

  it('stops listening after dispose', async () => {
    const { page, hide } = fakePage();
    const slot = createWarmSlot(fakeConsent().consent, REOPEN_GRACE_MS, { page });
    const one = fakeLandmarker();
    slot.park(one.landmarker);
    await slot.dispose();
    expect(one.close).toHaveBeenCalledOnce();
    hide();
    expect(one.close).toHaveBeenCalledOnce();
  });
});
