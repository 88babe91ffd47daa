import { describe, expect, it, vi } from 'vitest';
import {
  allowOrigins,
  denyMediaPipeTelemetry,
  type FetchLike,
  guardedFetch,
  installFetchGuard,
} from '../../src/ml/fetch-guard.js';

const base = 'https://shop.example/product/1';
const ok: FetchLike = () => Promise.resolve(new Response('ok'));

describe('guardedFetch', () => {
  it('passes same-origin and relative URLs through an origin allow-list', async () => {
    const inner = vi.fn<FetchLike>(ok);
    const fetch = guardedFetch(inner, base, allowOrigins(['https://shop.example']));
    await fetch('/fittingroom/hand_landmarker.task');
    await fetch(new URL('https://shop.example/x'));
    await fetch('blob:https://shop.example/1234');
    expect(inner).toHaveBeenCalledTimes(3);
  });

  it('blocks other origins without calling the network and reports them', async () => {
    const inner = vi.fn<FetchLike>(ok);
    const blocked: string[] = [];
    const fetch = guardedFetch(inner, base, allowOrigins(['https://shop.example']), (u) =>
      blocked.push(u),
    );
    await expect(fetch('https://odml.pa.googleapis.com/v1/log')).rejects.toThrow(TypeError);
    await expect(fetch(new Request('https://cdn.example/x'))).rejects.toThrow(/blocked/);
    expect(inner).not.toHaveBeenCalled();
    expect(blocked).toEqual(['https://odml.pa.googleapis.com/v1/log', 'https://cdn.example/x']);
  });

  it('main-thread policy blocks only MediaPipe telemetry', async () => {
    const inner = vi.fn<FetchLike>(ok);
    const fetch = guardedFetch(inner, base, denyMediaPipeTelemetry);
    await fetch('https://api.retailer.example/cart');
    await expect(fetch('https://odml.pa.googleapis.com/v1/log')).rejects.toThrow();
    expect(inner).toHaveBeenCalledTimes(1);
  });

  it('treats unparsable URLs as blocked', async () => {
    const inner = vi.fn<FetchLike>(ok);
    const fetch = guardedFetch(inner, 'not a base', allowOrigins(['https://shop.example']));
    await expect(fetch('relative')).rejects.toThrow();
    expect(inner).not.toHaveBeenCalled();
  });
});

describe('installFetchGuard', () => {
  it('replaces and restores fetch, but never undoes a later wrapper', async () => {
    const original = vi.fn<FetchLike>(ok);
    const scope = { fetch: original };
    const remove = installFetchGuard(scope, base, allowOrigins([]));
    expect(scope.fetch).not.toBe(original);
    await expect(scope.fetch('https://shop.example/')).rejects.toThrow();
    remove();
    expect(scope.fetch).toBe(original);

    const removeAgain = installFetchGuard(scope, base, allowOrigins([]));
    const later = vi.fn<FetchLike>(ok);
    scope.fetch = later;
    removeAgain();
    expect(scope.fetch).toBe(later);
  });
});
