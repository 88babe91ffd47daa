import { describe, expect, it } from 'vitest';
import { roundOrder } from '../src/frame.js';
import { diff, total } from '../src/memory.js';
import { hotspots } from '../src/profile.js';
import { settingsFor } from '../src/settings.js';
import { classify } from '../src/size.js';
import { bytesBySource, decodeVlq, moduleName } from '../src/sourcemap.js';
import { mainThreadTasks } from '../src/trace.js';

describe('what a fetched file counts as', () => {
  it('tells the loader, the SDK, MediaPipe code, wasm and models apart', () => {
    expect(classify('/packages/embed/dist/fittingroom-loader.js')).toBe('loader');
    expect(classify('/packages/embed/dist/fittingroom/session-wjQ2.js')).toBe('sdk');
    expect(classify('/packages/sdk/dist/ml-worker.js?x=1')).toBe('sdk');
    expect(classify('/fittingroom/assets/ml-worker.js')).toBe('sdk');
    expect(classify('/packages/embed/dist/fittingroom/assets/ml-worker.js')).toBe('sdk');
    expect(classify('/packages/embed/dist/fittingroom/assets/tasks-vision/vision_bundle.mjs')).toBe(
      'mediapipe-js',
    );
    expect(classify('/packages/models/dist/wasm/vision_wasm_module_internal.js')).toBe(
      'mediapipe-js',
    );
    expect(classify('/packages/models/dist/wasm/vision_wasm_module_internal.wasm')).toBe('wasm');
    expect(classify('/packages/models/dist/hand_landmarker.task')).toBe('model');
    expect(classify('/e2e/fixtures/products/ring.svg')).toBe('other');
    expect(classify('/bench/pages/sdk.js')).toBe('other');
  });
});

describe('interleaving', () => {
  it('rotates the order so each variant goes first in turn', () => {
    expect(roundOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(roundOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(roundOrder(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a']);
  });
});

describe('memory figures', () => {
  it('sums heaps and wasm, and differences field by field', () => {
    const a = { mainHeap: 10, workerHeap: 20, wasm: 100, workers: 1 };
    const b = { mainHeap: 15, workerHeap: 18, wasm: 100, workers: 0 };
    expect(total(a)).toBe(130);
    expect(diff(a, b)).toEqual({ mainHeap: 5, workerHeap: -2, wasm: 0, workers: -1 });
  });
});

describe('trace parsing', () => {
  it('keeps only top-level tasks of renderer main threads, in ms', () => {
    const tasks = mainThreadTasks({
      traceEvents: [
        { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
        { name: 'thread_name', ph: 'M', pid: 1, tid: 2, args: { name: 'Compositor' } },
        {
          name: 'ThreadControllerImpl::RunTask',
          ph: 'X',
          pid: 1,
          tid: 1,
          dur: 80_000,
          tdur: 30_000,
        },
        {
          name: 'ThreadControllerImpl::RunTask',
          ph: 'X',
          pid: 1,
          tid: 2,
          dur: 90_000,
          tdur: 90_000,
        },
        { name: 'Other', ph: 'X', pid: 1, tid: 1, dur: 90_000, tdur: 90_000 },
      ],
    });
    expect(tasks).toEqual([{ wall: 80, cpu: 30 }]);
  });
});

describe('settings', () => {
  it('defaults to the full run with a 10-minute soak', () => {
    const s = settingsFor({});
    expect(s.quick).toBe(false);
    expect(s.memory.soakSeconds).toBe(600);
    expect(s.out).toBeUndefined();
    expect(s.only).toEqual(['size', 'frame', 'cold', 'memory', 'ingest', 'accuracy']);
  });

  it('makes a quick run short and keeps its report out of BENCHMARKS.md', () => {
    const s = settingsFor({ BENCH_QUICK: '1', BENCH_ONLY: 'size, ingest' });
    expect(s.memory.soakSeconds).toBe(20);
    expect(s.out).toMatch(/bench\/\.cache\/BENCHMARKS\.quick\.md$/);
    expect(s.only).toEqual(['size', 'ingest']);
  });

  it('names the variable at fault', () => {
    expect(() => settingsFor({ BENCH_SOAK_SECONDS: 'ten' })).toThrow(/BENCH_SOAK_SECONDS/);
    expect(() => settingsFor({ BENCH_ONLY: 'size,speed' })).toThrow(/BENCH_ONLY: unknown speed/);
  });
});

describe('CPU profile hotspots', () => {
  it('ranks self time per function and leaves idle out of the shares', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url });
    const { busyMs, list } = hotspots(
      {
        nodes: [
          { id: 1, callFrame: frame('(idle)') },
          { id: 2, callFrame: frame('jpegDimensions', 'file:///s/image-sniff.ts') },
          { id: 3, callFrame: frame('fsync') },
        ],
        samples: [1, 2, 3, 2, 1],
        timeDeltas: [5000, 3000, 1000, 3000, 5000],
      },
      1,
    );
    expect(busyMs).toBe(7);
    expect(list).toEqual([{ name: 'jpegDimensions (image-sniff.ts)', ms: 6, share: 6 / 7 }]);
  });
});

describe('source maps', () => {
  it('decodes VLQ segments', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CAAC')).toEqual([1, 0, 0, 1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
  });

  it('attributes each mapped run of generated code to its source', () => {
    // "aaaa" from a.ts (columns 0-3), "bb" from b.ts (columns 4-5).
    const totals = bytesBySource('aaaabb', {
      sources: ['src/a.ts', 'src/b.ts'],
      mappings: 'AAAA,ICAA',
    });
    expect([...totals]).toEqual([
      ['src/a.ts', 4],
      ['src/b.ts', 2],
    ]);
  });

  it('names dependencies by package and own files by their path under src/', () => {
    expect(
      moduleName('../../../node_modules/.pnpm/valibot@1.5.0/node_modules/valibot/dist/index.mjs'),
    ).toBe('valibot');
    expect(moduleName('../node_modules/@scope/pkg/x.js')).toBe('@scope/pkg');
    expect(moduleName('../../src/tryon/strings.ts')).toBe('tryon/strings.ts');
  });
});
