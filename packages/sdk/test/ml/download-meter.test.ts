import { describe, expect, it, vi } from 'vitest';
import {
  type DownloadProgress,
  installDownloadMeter,
  sumProgress,
} from '../../src/ml/download-meter.js';
import type { FetchLike } from '../../src/ml/fetch-guard.js';

const WASM = 'https://shop.example/fr/wasm/vision.wasm';
const MODEL = 'https://shop.example/fr/hand.task';

function fileResponse(url: string, bytes: number, headers: Record<string, string> = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes / 2));
      controller.enqueue(new Uint8Array(bytes / 2));
      controller.close();
    },
  });
  const response = new Response(body, {
    headers: { 'content-length': String(bytes), ...headers },
  });
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

describe('sumProgress', () => {
  it('has no total until every expected file announced its size', () => {
    const tally = new Map([[WASM, { loaded: 10, total: 100 }]]);
    expect(sumProgress(tally, 2)).toEqual({ loaded: 10, total: 0 });
    tally.set(MODEL, { loaded: 5, total: 50 });
    expect(sumProgress(tally, 2)).toEqual({ loaded: 15, total: 150 });
  });

  it('has no total while a file has no usable size', () => {
    const tally = new Map([
      [WASM, { loaded: 10, total: 100 }],
      [MODEL, { loaded: 5, total: 0 }],
    ]);
    expect(sumProgress(tally, 2).total).toBe(0);
  });
});

describe('installDownloadMeter', () => {
  it('counts the bytes of tracked files as they are read, and only those', async () => {
    const sizes: Record<string, number> = { [WASM]: 100, [MODEL]: 50, 'https://shop.example/x': 8 };
    const scope = {
      fetch: ((input) =>
        Promise.resolve(fileResponse(String(input), sizes[String(input)]!))) as FetchLike,
    };
    const seen: DownloadProgress[] = [];
    const remove = installDownloadMeter(scope, [WASM, MODEL], (p) => seen.push(p));
    const untracked = await scope.fetch('https://shop.example/x');
    await untracked.arrayBuffer();
    expect(seen).toEqual([]);
    const [wasm, model] = await Promise.all([scope.fetch(WASM), scope.fetch(MODEL)]);
    expect((await wasm.arrayBuffer()).byteLength).toBe(100);
    expect((await model.arrayBuffer()).byteLength).toBe(50);
    expect(seen.at(-1)).toEqual({ loaded: 150, total: 150 });
    const loaded = seen.map((p) => p.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    remove();
  });

  it('does not trust the length of a compressed response', async () => {
    const seen: DownloadProgress[] = [];
    const scope = {
      fetch: (() =>
        Promise.resolve(fileResponse(WASM, 100, { 'content-encoding': 'gzip' }))) as FetchLike,
    };
    installDownloadMeter(scope, [WASM], (p) => seen.push(p));
    await (await scope.fetch(WASM)).arrayBuffer();
    expect(seen.at(-1)).toEqual({ loaded: 100, total: 0 });
  });

  it('removes itself only while it is the outermost wrapper', () => {
    const original = vi.fn<FetchLike>();
    const scope = { fetch: original as FetchLike };
    const remove = installDownloadMeter(scope, [WASM], () => {});
    expect(scope.fetch).not.toBe(original);
    remove();
    expect(scope.fetch).toBe(original);
    const again = installDownloadMeter(scope, [WASM], () => {});
    const later: FetchLike = () => Promise.reject(new Error('x'));
    scope.fetch = later;
    again();
    expect(scope.fetch).toBe(later);
  });
});
