import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DemoOptions,
  type RunningDemo,
  startDemo,
} from '../../examples/demo-store/src/index.js';
import { test } from './fixtures.js';

/**
 * The demo store and its ingest server for one spec file, on free ports and a fresh data folder:
 * started before its tests, stopped (and the folder removed) after. Returns the running demo.
 */
export function useDemo(options: DemoOptions = {}): () => RunningDemo {
  let demo: RunningDemo | undefined;
  let dataDir: string | undefined;
  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fr-demo-'));
    demo = await startDemo({
      storePort: 0,
      ingestPort: 0,
      dataDir,
      logLevel: 'silent',
      ...options,
    });
  });
  test.afterAll(async () => {
    await demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!demo) throw new Error('the demo is not running');
    return demo;
  };
}
